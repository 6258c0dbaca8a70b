"""Load the packaged data files (and a user's extensions of them) once per process."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError


def _packaged(name: str) -> tuple[str, str]:
    ref = resources.files("newsdesk") / "data" / name
    return f"newsdesk/data/{name}", ref.read_text(encoding="utf-8")


@cache
def load_yaml(name: str, lexicon_dir: str | None = None) -> tuple[tuple[str, Any], ...]:
    """Parse `data/NAME` and, when present, `LEXICON_DIR/NAME`: (path, content) pairs, packaged first."""
    sources = [_packaged(name)]
    if lexicon_dir and (Path(lexicon_dir) / name).is_file():
        path = Path(lexicon_dir) / name
        sources.append((str(path), path.read_text(encoding="utf-8")))
    out = []
    for path, text in sources:
        try:
            out.append((path, yaml.safe_load(text) or {}))
        except yaml.YAMLError as err:
            raise LexiconError(path, "(file)", f"not valid YAML: {err}") from err
    return tuple(out)


@cache
def load_tsv(name: str, lexicon_dir: str | None = None) -> tuple[tuple[str, dict[str, str]], ...]:
    """Rows of `data/NAME` (tab-separated, header line, `#` comments) and of the user's file."""
    sources = [_packaged(name)]
    if lexicon_dir and (Path(lexicon_dir) / name).is_file():
        path = Path(lexicon_dir) / name
        sources.append((str(path), path.read_text(encoding="utf-8")))
    rows = []
    for path, text in sources:
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
            rows.append((path, {k: (v or "").strip() for k, v in row.items() if k}))
    return tuple(rows)


def reset_caches() -> None:
    """Forget every loaded data file (after editing one in a long-running process)."""
    load_yaml.cache_clear()
    load_tsv.cache_clear()
