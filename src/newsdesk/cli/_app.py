"""The Typer application, shared options and the error handling every command uses."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..config import Settings, load_settings
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
_FLAG_TYPES: dict[str, Any] = {"bool": bool | None, "int": int | None, "float": float | None}


def with_settings(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command one option per setting (`--batch-size`, `--allow-private` …) and `--config`.

    The options come from the declared `Settings` fields, so a new setting is a new flag everywhere;
    the command receives the effective `settings` (defaults < file < environment < flags).
    """
    signature = inspect.signature(command, eval_str=True)
    params = [p for p in signature.parameters.values() if p.name != "settings"]
    names = []
    for field in dataclasses.fields(Settings):
        flag = "--" + field.name.replace("_", "-")
        kind = _FLAG_TYPES.get(str(field.type), str | None)
        decls = [f"{flag}/--no-{flag[2:]}"] if kind == bool | None else [flag]
        option = typer.Option(*decls, help=field.metadata["help"], show_default=False)
        params.append(inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                        annotation=Annotated[kind, option]))
        names.append(field.name)
    params.append(inspect.Parameter("config", inspect.Parameter.KEYWORD_ONLY, default=None,
                                    annotation=Annotated[str | None, typer.Option("--config", help=CONFIG_HELP)]))

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        flags = {name: kwargs.pop(name) for name in names}
        command(settings=load_settings(kwargs.pop("config"), **flags), **kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return wrapper


CONFIG_HELP = "A newsdesk.toml settings file."
Config = Annotated[str | None, typer.Option("--config", help=CONFIG_HELP)]
ScoreFormat = Annotated[str, typer.Option("--format", "-f", help="json (one object) or text.")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use (e.g. en_core_web_trf).")]


def setup_logging(verbose: int) -> None:
    "The only place logging is configured: stderr, level from -v / -vv."
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura warns "discarding data" for every page without text; newsdesk records its own reason.
    logging.getLogger("trafilatura").setLevel(logging.DEBUG if verbose > 1 else logging.ERROR)


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
