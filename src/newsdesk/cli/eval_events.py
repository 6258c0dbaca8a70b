"""`newsdesk eval plover | gsr | acled`: score the event coder on the public event gold sets.

Each command only parses its arguments, calls the scorer in `newsdesk.evaluate` and prints the
result: one JSON object with `--format json`, else one `key: value` line per figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..evaluate.acled import score_acled
from ..evaluate.gsr import score_gsr
from ..evaluate.plover import score_plover
from ..nlp import load_pipeline
from ._app import Model, Verbose, eval_app, fail, setup_logging

GoldFile = Annotated[Path, typer.Argument(help="The gold file (kept outside the repository).")]
Format = Annotated[str, typer.Option("--format", help="json (one object) or text.")]
Limit = Annotated[int | None, typer.Option("--limit", help="Score only the first N records.")]


def _run(scorer: Callable[..., dict[str, Any]], path: Path, model: str | None, limit: int | None,
         fmt: str, verbose: int) -> None:
    setup_logging(verbose)
    if not path.is_file():
        raise fail(f"{path}: no such gold file")
    result = scorer(path, load_pipeline(model), limit=limit)
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        typer.echo(f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value}")


@eval_app.command("plover")
def plover(path: GoldFile, model: Model = None, limit: Limit = None, fmt: Format = "text",
           verbose: Verbose = 0) -> None:
    """PLOVER root class on PLV sentences (accuracy, macro-F1, source/target found)."""
    _run(score_plover, path, model, limit, fmt, verbose)


@eval_app.command("gsr")
def gsr(path: GoldFile, model: Model = None, limit: Limit = None, fmt: Format = "text",
        verbose: Verbose = 0) -> None:
    """PLOVER gold-standard records: type, source/target country, dead/injured."""
    _run(score_gsr, path, model, limit, fmt, verbose)


@eval_app.command("acled")
def acled(path: GoldFile, model: Model = None, limit: Limit = None, fmt: Format = "text",
          verbose: Verbose = 0) -> None:
    """ACLED rows (coder run on `notes`): type, fatalities, date, place within 50 km, actor country."""
    _run(score_acled, path, model, limit, fmt, verbose)
