"""Recognise boilerplate lines (navigation, captions, notices) from the patterns in a data file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import LexiconError
from ..lexicon import load_yaml


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    reason: str
    regex: re.Pattern[str]
    search: bool


@cache
def rules(lexicon_dir: str | None = None) -> tuple[BoilerplateRule, ...]:
    """The boilerplate rules of `data/boilerplate.yaml` (and of the user's lexicon folder)."""
    out = []
    for path, doc in load_yaml("boilerplate.yaml", lexicon_dir):
        for i, entry in enumerate(doc.get("patterns", [])):
            try:
                regex = re.compile(entry["pattern"], re.IGNORECASE)
                out.append(BoilerplateRule(entry["reason"], regex, bool(entry.get("search"))))
            except (KeyError, TypeError, re.error) as err:
                raise LexiconError(path, f"patterns[{i}]", str(err)) from err
    return tuple(out)


def boilerplate_reason(line: str, lexicon_dir: str | None = None) -> str | None:
    """Why `line` is boilerplate, or None when it is content."""
    stripped = line.strip()
    for rule in rules(lexicon_dir):
        hit = rule.regex.search(stripped) if rule.search else rule.regex.fullmatch(stripped)
        if hit:
            return rule.reason
    return None
