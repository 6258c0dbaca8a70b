"""The Typer application, shared options and the error handling every command uses."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from ..errors import NewsdeskError

app = typer.Typer(
    name="newsdesk",
    help="Turn raw news into a sourced, queryable record of political events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score newsdesk against public gold sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

Verbose = Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v for INFO, -vv for DEBUG logs.")]
Config = Annotated[str | None, typer.Option("--config", help="A newsdesk.toml settings file.")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use (e.g. en_core_web_trf).")]


def setup_logging(verbose: int) -> None:
    "The only place logging is configured: stderr, level from -v / -vv."
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def fail(message: str, code: int = 2) -> typer.Exit:
    "Print one error line to stderr and return the Exit to raise."
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def main() -> None:
    """Console entry point: user errors become one line and a non-zero exit, never a traceback."""
    try:
        app()
    except NewsdeskError as err:
        typer.echo(f"error: {err}", err=True)
        sys.exit(2)
