"""Write records to stdout as JSON lines, one JSON document, or a table: one writer for all commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

FORMATS = ("jsonl", "json", "table")


def default_format() -> str:
    "A table for a person at a terminal, JSON lines for a pipe."
    return "table" if sys.stdout.isatty() else "jsonl"


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_scores(scores: dict[str, Any], fmt: str) -> None:
    """An evaluation's figures: one JSON object (`json`), else one `key: value` line each."""
    if fmt == "json":
        sys.stdout.write(json.dumps(scores, ensure_ascii=False) + "\n")
        return
    for key, value in scores.items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
        sys.stdout.write(f"{key}: {shown}\n")


def write_records(records: Iterable[dict[str, Any]], fmt: str, columns: Sequence[tuple[str, Any]] = ()) -> int:
    """Write `records` in `fmt`; `columns` are (header, function of a record) pairs for tables.

    Returns:
        The number of records written.
    """
    count = 0
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(dumps(record) + "\n")
            count += 1
        sys.stdout.flush()
        return count
    rows = list(records)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return len(rows)
    table = Table(show_lines=False, expand=True)
    for i, (header, _) in enumerate(columns):
        # One line per row: the last column (the sentence) takes the remaining width.
        last = i == len(columns) - 1
        table.add_column(header, no_wrap=True, overflow="ellipsis", ratio=1 if last else None,
                         min_width=40 if last else None, max_width=None if last else 28)
    for row in rows:
        table.add_row(*(str(fn(row) if fn(row) is not None else "") for _, fn in columns))
    Console(width=max(Console().width, 160)).print(table)
    return len(rows)
