"""`newsdesk eval extraction`: score article extraction on the Zyte benchmark (figures in docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..config import load_settings
from ..evaluate.extraction import evaluate_extraction
from ._app import Config, ScoreFormat, Verbose, eval_app, fail, setup_logging
from .output import write_scores


@eval_app.command("extraction")
def extraction(
    gold_dir: Annotated[str, typer.Argument(help="Folder with ground-truth.json and html/*.html.gz.")]
    = "../shared/gold/article-extraction",
    format: ScoreFormat = "text",
    limit: Annotated[int | None, typer.Option(help="Score only the first N pages (by id).")] = None,
    config: Config = None,
    verbose: Verbose = 0,
) -> None:
    """Print F1, precision and recall of ingest+clean against the benchmark, and pages per second."""
    setup_logging(verbose)
    if format not in ("json", "text"):
        raise fail(f"--format must be json or text, not {format!r}")
    if not (Path(gold_dir) / "ground-truth.json").is_file():
        raise fail(f"{gold_dir}: no ground-truth.json here")
    write_scores(evaluate_extraction(gold_dir, load_settings(config), limit).to_dict(), format)
