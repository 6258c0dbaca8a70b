"""The event-store commands: `ingest`, `events`, `errors`, `explain`, `timeline`, `actors`, `dyads`, `export`.

Each command parses its options, opens the store and calls `newsdesk.store`; the query commands
share one set of filter options, added by `with_filters` so they are declared once.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import inspect
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import Settings
from ..pipeline import Pipeline
from ..store import DEFAULT_DB, Filters, IngestStats, Rows, Store, ingest, open_store
from ..store.export import FORMATS as EXPORT_FORMATS
from ..store.export import export
from ._app import Verbose, app, fail, setup_logging, with_settings
from .extract import EVENT_COLUMNS
from .output import default_format, write_records

Db = Annotated[str, typer.Option("--db", envvar="NEWSDESK_DB", help="The DuckDB event store file.")]
Format = Annotated[str | None, typer.Option("--format", "-f", help="table, jsonl, json or csv.")]
Limit = Annotated[int | None, typer.Option("--limit", help="At most this many rows (0: all).")]

FILTER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "type": (str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")),
    "source": (str | None, typer.Option("--source", help="Source actor: country code or part of a name.")),
    "target": (str | None, typer.Option("--target", help="Target actor: country code or part of a name.")),
    "actor": (str | None, typer.Option("--actor", help="Source or target actor.")),
    "country": (str | None, typer.Option("--country", help="Country code of the event's place.")),
    "since": (dt.datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="On or after this day.")),
    "until": (dt.datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="On or before this day.")),
    "near": (str | None, typer.Option("--near", help="A place name in the store, or 'lat,lon'.")),
    "km": (float, typer.Option("--km", help="Radius for --near, in km.")),
    "status": (str | None, typer.Option("--status", help="asserted, reported, claimed, alleged, denied ...")),
    "text": (str | None, typer.Option("--text", help="Text in a source sentence (case-insensitive).")),
    "min_sources": (int, typer.Option("--min-sources", help="Records reported by at least N documents.")),
}
DEFAULTS = {"km": 50.0, "min_sources": 1}

RECORD_COLUMNS = [
    ("record", lambda r: r["record_id"]),
    ("type", lambda r: r["type"]),
    ("source", lambda r: r["source_country"] or r["source_name"]),
    ("target", lambda r: r["target_country"] or r["target_name"]),
    ("date", lambda r: r["date_start"]),
    ("place", lambda r: r["place_name"]),
    ("dead", lambda r: _range(r["fatalities_min"], r["fatalities_max"])),
    ("status", lambda r: r["status"]),
    ("sources", lambda r: r["sources"]),
    ("sentence", lambda r: (r["sentence"] or "")[:80]),
]


def _range(low: int | None, high: int | None) -> str:
    return "" if low is None else str(low) if low == high else f"{low}-{high}"


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Add the shared filter options to a command, passed to it as one `filters: Filters`."""
    signature = inspect.signature(command)
    params = [p for p in signature.parameters.values() if p.name != "filters"]
    for name, (kind, option) in FILTER_OPTIONS.items():
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=DEFAULTS.get(name),
                                        annotation=Annotated[kind, option]))

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        values = {name: kwargs.pop(name) for name in FILTER_OPTIONS}
        for name in ("since", "until"):
            values[name] = values[name].date() if values[name] else None
        command(filters=Filters(**values), **kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return wrapper


def _write(rows: list[dict[str, Any]], fmt: str | None, columns: list[tuple[str, Any]]) -> None:
    "Print rows as a table, JSON lines, one JSON document or CSV."
    fmt = fmt or default_format()
    rows = [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in r.items()} for r in rows]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([h for h, _ in columns])
        writer.writerows([fn(r) for _, fn in columns] for r in rows)
        return
    if fmt not in ("table", "jsonl", "json"):
        raise fail(f"--format must be table, jsonl, json or csv, not {fmt!r}")
    write_records(rows, fmt, columns)


def _print_summary(db: str, fmt: str | None, query: Callable[[Store], Rows]) -> None:
    "Run a summary query on the store and print its rows with their own columns."
    with open_store(db, read_only=True) as store:
        rows = list(query(store))
    _write(rows, fmt, [(name, lambda r, n=name: r[n]) for name in (rows[0] if rows else {})])


@app.command("ingest")
@with_settings
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs or - for stdin.")],
    settings: Settings,
    db: Db = DEFAULT_DB,
    reprocess: Annotated[bool, typer.Option(help="Re-code documents already stored.")] = False,
    batch: Annotated[int, typer.Option(help="Documents per transaction.")] = 25,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    verbose: Verbose = 0,
) -> None:
    """Run the pipeline on PATHS and store documents, events, records and errors (exit 1 when an input failed)."""
    setup_logging(verbose)
    with open_store(db) as store:
        pipeline = Pipeline(settings)
        if quiet:
            stats = ingest(store.writer, pipeline, paths, reprocess=reprocess, batch=batch)
        else:
            stats = _ingest_with_progress(store, pipeline, paths, reprocess, batch)
        counts = store.counts()
    if not quiet:
        typer.echo(f"stored {stats.stored} documents ({stats.known} already stored), {stats.events} events, "
                   f"{stats.failed} failed and {stats.skipped} skipped inputs (see `newsdesk errors`); {db} holds "
                   f"{counts['documents']} documents, {counts['events']} events in {counts['records']} records",
                   err=True)
    if stats.failed:
        raise typer.Exit(1)


def _ingest_with_progress(store: Store, pipeline: Pipeline, paths: list[str], reprocess: bool,
                          batch: int) -> IngestStats:
    "Ingest with a rich progress line on stderr: documents, documents/s, events."
    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]:.1f} docs/s"),
               TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[known]} already stored"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, events=0, known=0)

        def show(stats: IngestStats) -> None:
            bar.update(task, completed=stats.documents, rate=stats.rate, events=stats.events, known=stats.known)

        return ingest(store.writer, pipeline, paths, reprocess=reprocess, batch=batch, progress=show)


@app.command("events")
@with_filters
def events_command(filters: Filters, db: Db = DEFAULT_DB, format: Format = None, limit: Limit = 100,
                   mentions: Annotated[bool, typer.Option(help="One row per mention (the extract contract).")] = False,
                   ) -> None:
    """List event records (or their mentions) matching the filters, most recent first."""
    with open_store(db, read_only=True) as store:
        if mentions:
            _write(list(store.mentions(filters, limit=limit)), format, EVENT_COLUMNS)
            return
        _write([r.to_dict() for r in store.events(filters, limit=limit)], format, RECORD_COLUMNS)


@app.command("timeline")
@with_filters
def timeline_command(filters: Filters, db: Db = DEFAULT_DB, format: Format = None,
                     by: Annotated[str, typer.Option(help="day, week or month.")] = "day") -> None:
    """Records per day (week, month) and type."""
    _print_summary(db, format, lambda store: store.timeline(filters, by=by))


@app.command("actors")
@with_filters
def actors_command(filters: Filters, db: Db = DEFAULT_DB, format: Format = None, limit: Limit = 50) -> None:
    """Actors by the number of records they take part in, as source and as target."""
    _print_summary(db, format, lambda store: store.actors(filters, limit=limit))


@app.command("dyads")
@with_filters
def dyads_command(filters: Filters, db: Db = DEFAULT_DB, format: Format = None, limit: Limit = 50) -> None:
    """Source→target pairs with their records per quad class (1 verbal coop, 2 material coop, 3, 4 conflict)."""
    _print_summary(db, format, lambda store: store.dyads(filters, limit=limit))


@app.command("errors")
def errors_command(db: Db = DEFAULT_DB, format: Format = None,
                   stage: Annotated[str | None, typer.Option(help="Only this stage (ingest, clean ...).")] = None) -> None:
    """Inputs that failed or were skipped, with their stage and reason."""
    with open_store(db, read_only=True) as store:
        rows = list(store.errors(stage))
    _write(rows, format, [(k, lambda r, k=k: r[k]) for k in ("input", "stage", "reason", "doc_id", "at")])


@app.command("explain")
def explain_command(record_id: Annotated[str, typer.Argument(help="A record id from `newsdesk events`.")],
                    db: Db = DEFAULT_DB,
                    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text") -> None:
    """Show a record and why each of its mentions was merged into it."""
    with open_store(db, read_only=True) as store:
        found = store.explain(record_id)
    if format == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))
        return
    record = found["record"]
    typer.echo(f"{record['record_id']}: {record['type']} {record['source_country'] or record['source_name']} → "
               f"{record['target_country'] or record['target_name']}, {record['date_start']}, "
               f"{record['place_name'] or 'no place'}; {record['sources']} documents, {record['outlets']} outlets")
    for m in found["mentions"]:
        typer.echo(f"\n- {m['id']} in {m['doc_id']} ({m['outlet'] or m['input']}, {m['published']}): {m['sentence']}")
        reason = m["merge_reason"]
        typer.echo(f"  {_merge_line(reason)}")


def _merge_line(reason: dict[str, Any] | None) -> str:
    "Why a mention is in its record, in words."
    if reason is None:
        return "founded the record"
    if "founded" in reason:
        return f"founded record {reason['founded']}, merged into this one when {reason['merged_by']} linked both"
    line = (f"joined {reason['joined']}: wording {reason['similarity']:.2f} (shared: {', '.join(reason['shared_words'])}); "
            f"actors {reason['actors']}; dates {reason['dates']}; place {reason['place']}")
    bridged = reason.get("bridged")
    if bridged:
        line += "; it also matched " + ", ".join(f"{m} of record {r}" for r, m in bridged.items()) + \
            ", so those records were merged into this one"
    return line


@app.command("export")
@with_filters
def export_command(filters: Filters, db: Db = DEFAULT_DB,
                   format: Annotated[str, typer.Option("--format", "-f", help=", ".join(EXPORT_FORMATS))] = "jsonl",
                   output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (stdout if not given).")] = None,
                   level: Annotated[str, typer.Option(help="records or mentions (csv, jsonl, parquet).")] = "records",
                   ) -> None:
    """Export records (or mentions) as csv, jsonl, parquet, geojson, plover or cameo."""
    with open_store(db, read_only=True) as store:
        count = export(store, format, output, filters, level)
    if output:
        typer.echo(f"wrote {count} rows to {output}", err=True)
