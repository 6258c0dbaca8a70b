"""`newsdesk extract` and `newsdesk clean`: run the pipeline on files, folders or stdin."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..config import Settings
from ..pipeline import Pipeline
from ..schema import DocumentResult
from ._app import Verbose, app, fail, setup_logging, with_settings
from .output import default_format, write_records

Paths = Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")]


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    code = "/".join(filter(None, [actor.get("country"), actor.get("sector")]))
    return f"{actor['name']} ({code})" if code else actor["name"]


def _place(place: dict[str, Any] | None) -> str:
    return f"{place['name']} ({place['country']})" if place else ""


EVENT_COLUMNS = [
    ("type", lambda e: e["type"]),
    ("source", lambda e: _actor(e["source"])),
    ("target", lambda e: _actor(e["target"])),
    ("date", lambda e: (e["date"] or "") + (f"..{e['date_end']}" if e["date_end"] else "")
     + ("~" if e["date_inferred"] else "")),
    ("place", lambda e: _place(e["place"]) + ("~" if e["place_inferred"] else "")),
    ("dead/inj", lambda e: f"{e['fatalities'] or ''}/{e['injuries'] or ''}".strip("/")),
    ("status", lambda e: e["status"] + (" (neg)" if e["negated"] else "")),
    ("sentence", lambda e: " ".join(e["sentence"].split())),
]


def report(result: DocumentResult) -> bool:
    "Print a failure or skip of one input to stderr; True when the input failed."
    if result.failure:
        typer.echo(f"error: {result.failure}", err=True)
        return True
    if result.skipped:
        typer.echo(f"skipped: {result.source}: {result.skipped}", err=True)
    return False


@app.command()
@with_settings
def extract(
    paths: Paths,
    settings: Settings,
    format: Annotated[str | None, typer.Option("--format", "-f", help="jsonl, json or table.")] = None,
    verbose: Verbose = 0,
) -> None:
    """Print the events found in PATHS (exit 1 when any input failed)."""
    setup_logging(verbose)
    fmt = format or default_format()
    if fmt not in ("jsonl", "json", "table"):
        raise fail(f"--format must be jsonl, json or table, not {fmt!r}")
    pipeline = Pipeline(settings)
    failed = False

    def events() -> Any:
        nonlocal failed
        for result in pipeline.run(paths):
            failed = report(result) or failed
            for event in result.events:
                yield event.to_dict()

    write_records(events(), fmt, EVENT_COLUMNS)
    if failed:
        raise typer.Exit(1)


@app.command("clean")
@with_settings
def clean_command(
    paths: Paths,
    settings: Settings,
    format: Annotated[str, typer.Option("--format", "-f", help="json or text.")] = "json",
    verbose: Verbose = 0,
) -> None:
    """Print the cleaned document(s): metadata, stories and the boilerplate removed."""
    from ..clean import clean
    from ..ingest import read_inputs
    from ..schema import Failure

    setup_logging(verbose)
    if format not in ("json", "text"):
        raise fail(f"--format must be json or text, not {format!r}")
    failed = False
    for item in read_inputs(paths, settings):
        if isinstance(item, Failure):
            typer.echo(f"error: {item}", err=True)
            failed = True
            continue
        cleaned = clean(item, settings.lexicon_dir)
        if format == "json":
            write_records([cleaned.to_dict()], "jsonl")
        else:
            for story in cleaned.stories:
                sys.stdout.write((f"# {story.title}\n\n" if story.title else "") + story.text + "\n\n")
    if failed:
        raise typer.Exit(1)
