"""`newsdesk eval plover | gsr | acled`: score the event coder on the public event gold sets.

Each command only parses its arguments, calls the scorer in `newsdesk.evaluate` and prints the
result: one JSON object with `--format json`, else one `key: value` line per figure.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from ..evaluate.acled import SPLITS, score_acled
from ..evaluate.gsr import score_gsr
from ..evaluate.plover import score_plover
from ..nlp import load_pipeline
from ._app import Model, ScoreFormat, Verbose, eval_app, fail, setup_logging
from .output import write_scores

GoldFile = Annotated[Path, typer.Argument(help="The gold file (kept outside the repository).")]
Limit = Annotated[int | None, typer.Option("--limit", help="Score only the first N records.")]


def _run(scorer: Callable[..., dict[str, Any]], path: Path, model: str | None, limit: int | None,
         fmt: str, verbose: int) -> None:
    setup_logging(verbose)
    if not path.is_file():
        raise fail(f"{path}: no such gold file")
    write_scores(scorer(path, load_pipeline(model), limit=limit), fmt)


@eval_app.command("plover")
def plover(path: GoldFile, model: Model = None, limit: Limit = None, fmt: ScoreFormat = "text",
           verbose: Verbose = 0) -> None:
    """PLOVER root class on PLV sentences (accuracy, macro-F1, source/target found)."""
    _run(score_plover, path, model, limit, fmt, verbose)


@eval_app.command("gsr")
def gsr(path: GoldFile, model: Model = None, limit: Limit = None, fmt: ScoreFormat = "text",
        verbose: Verbose = 0) -> None:
    """PLOVER gold-standard records: type, source/target country, dead/injured."""
    _run(score_gsr, path, model, limit, fmt, verbose)


@eval_app.command("acled")
def acled(path: GoldFile, model: Model = None, limit: Limit = None, fmt: ScoreFormat = "text",
          verbose: Verbose = 0,
          split: Annotated[str, typer.Option(help=f"Rows to score: {', '.join(SPLITS)} (by position).")] = "all",
          ) -> None:
    """ACLED rows (coder run on `notes`): type, fatalities, date, place within 50 km, actor country."""
    if split not in SPLITS:
        raise fail(f"--split {split}: expected one of {', '.join(SPLITS)}")
    _run(partial(score_acled, split=split), path, model, limit, fmt, verbose)
