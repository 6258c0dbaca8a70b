"""`newsdesk eval geo | time`: score the place and date resolvers on public gold sets.

Each command only parses its arguments, calls the scorer in `newsdesk.evaluate` and prints the
result: one JSON object with `--format json`, else one `key: value` line per figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..evaluate.geo import score_end_to_end, score_given_toponyms, spacy_recogniser
from ..evaluate.time import score_timeml
from ..nlp import load_pipeline
from ._app import Model, ScoreFormat, Verbose, eval_app, fail, setup_logging
from .output import write_scores


@eval_app.command("geo")
def geo(
    path: Annotated[Path, typer.Argument(help="lgl.xml, TR-News*.xml, GWN.xml or gwn_full.txt.")],
    end_to_end: Annotated[bool, typer.Option("--end-to-end", help="Find toponyms with spaCy too.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N articles.")] = None,
    model: Model = None,
    fmt: ScoreFormat = "text",
    verbose: Verbose = 0,
) -> None:
    """Geocoding accuracy@161 km, exact GeoNames match, mean error (and recognition P/R/F1)."""
    setup_logging(verbose)
    if not path.is_file():
        raise fail(f"{path}: no such gold file")
    if end_to_end and path.suffix == ".txt":
        raise fail(f"{path}: has no article text; --end-to-end needs an XML gold file")
    if end_to_end:
        result = score_end_to_end(path, spacy_recogniser(load_pipeline(model)), limit=limit)
    else:
        result = score_given_toponyms(path, limit=limit)
    write_scores({"file": path.name, "mode": "end-to-end" if end_to_end else "gold toponyms", **result}, fmt)


@eval_app.command("time")
def time_(
    folder: Annotated[Path, typer.Argument(help="A folder of TimeML .tml files (TempEval-3).")],
    fmt: ScoreFormat = "text",
    verbose: Verbose = 0,
) -> None:
    """TempEval-3 Task A: strict/relaxed extent F1, type and value accuracy, value F1, speed."""
    setup_logging(verbose)
    if not folder.is_dir() or not any(folder.glob("*.tml")):
        raise fail(f"{folder}: not a folder of .tml files")
    write_scores({"folder": folder.name, **score_timeml(folder)}, fmt)
