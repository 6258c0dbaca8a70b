"""`open_store()`: the Python face of the event store, shared by the CLI commands.

    >>> store = newsdesk.open_store("newsdesk.duckdb")
    >>> store.events(type="CONSULT", actor="PRK", min_sources=2).to_pandas()
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from ..errors import StoreError
from ..schema import EventRecord
from .duckdb import DEFAULT_DB, StoreWriter, check_schema, connect
from .query import Filters, check_period, where
from .records import RECORD_COLUMNS
from .tables import event_dict
from .words import share

COMMON_SHARE = 0.01
"""Words in more than this share of mentions are searched among the newest records first."""
NEWEST_MARGIN = 4
"""How many times more newest records to search than the word's share makes necessary."""
SAMPLE_RECORDS = 100_000
"""From this many records on, the cutoff date is estimated from a sample."""


class Rows(list[Any]):
    """Query results: a list of records or dicts that can become a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """A `pandas.DataFrame` of the rows (needs `pip install 'newsdesk[analysis]'`)."""
        try:
            import pandas
        except ImportError as err:
            raise StoreError("to_pandas() needs pandas: pip install 'newsdesk[analysis]'") from err
        return pandas.DataFrame([r.to_dict() if isinstance(r, EventRecord) else r for r in self])


def _dicts(cursor: duckdb.DuckDBPyConnection) -> Rows:
    names = [d[0] for d in cursor.description or ()]
    return Rows(dict(zip(names, row)) for row in cursor.fetchall())


def _filters(filters: Filters | None, given: dict[str, Any]) -> Filters:
    return dataclasses.replace(filters or Filters(), **given)


class Store:
    """An open event store; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.con = connect(self.path, read_only=read_only)
        try:
            self._writer = None if read_only else StoreWriter(self.con, self.path)
            if read_only and not self.con.execute(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'records'").fetchone()[0]:
                raise StoreError(f"{self.path}: not a newsdesk event store (no records table)")
            check_schema(self.con, self.path)
        except StoreError:
            self.con.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def writer(self) -> StoreWriter:
        "The writer of a store opened for writing."
        if self._writer is None:
            raise StoreError(f"{self.path}: opened read-only; open it with read_only=False to write")
        return self._writer

    def events(self, filters: Filters | None = None, *, limit: int | None = None, **given: Any) -> Rows:
        """Event records matching the filters (see `Filters`), most recent first."""
        rowids = self._record_rowids(_filters(filters, given), limit)
        # Sorting row ids, then fetching only the rows shown, keeps wide columns out of the sort.
        found = {row[0]: EventRecord(*row[1:]) for row in self.con.execute(
            f"SELECT rowid, {', '.join(RECORD_COLUMNS)} FROM records WHERE rowid = ANY(?::BIGINT[])",
            [rowids]).fetchall()}
        return Rows(found[rowid] for rowid in rowids)

    def _record_rowids(self, f: Filters, limit: int | None) -> list[int]:
        """The row ids of the matching records in display order.

        When `--text` words are common, the newest records hold enough matches: those after a cutoff
        date are searched first (joining a few thousand records with the word's mentions instead of
        all), and the whole store only when they hold fewer than `limit`.
        """
        clause, params = where(self.con, f, "r")
        order = " ORDER BY r.date_start DESC NULLS LAST, r.sources DESC, r.record_id" + \
            (f" LIMIT {int(limit)}" if limit else "")
        common = share(self.con, f.text) if f.text and limit else None
        if common and common > COMMON_SHARE:
            cutoff = self._cutoff(math.ceil(int(limit or 0) / common * NEWEST_MARGIN))
            if cutoff is not None:
                rowids = [row[0] for row in self.con.execute(
                    f"SELECT rowid FROM records r WHERE r.date_start >= ? AND {clause}{order}",
                    [cutoff, *params]).fetchall()]
                if len(rowids) == limit:
                    return rowids
        return [row[0] for row in self.con.execute(f"SELECT rowid FROM records r WHERE {clause}{order}",
                                                   params).fetchall()]

    def _cutoff(self, newest: int) -> dt.date | None:
        "About the date of the `newest`-th newest record: exact in a small store, from a 5% sample in a big one."
        records = self.con.execute("SELECT count(*) FROM records").fetchone()[0]
        if newest >= records:
            return None
        if records < SAMPLE_RECORDS:
            sql = f"SELECT date_start FROM records ORDER BY date_start DESC NULLS LAST LIMIT 1 OFFSET {newest}"
        else:
            sql = (f"SELECT quantile_disc(date_start, {1 - newest / records}) FROM records "
                   "USING SAMPLE 5% (system, 6)")
        row = self.con.execute(sql).fetchone()
        return row[0] if row else None

    def mentions(self, filters: Filters | None = None, *, limit: int | None = None, **given: Any) -> Rows:
        """Event mentions (the output contract plus `record_id`) matching the filters."""
        clause, params = where(self.con, _filters(filters, given), "e")
        sql = f"SELECT e.* FROM events e WHERE {clause} ORDER BY e.date_start DESC NULLS LAST, e.id"
        cursor = self.con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), params)
        return Rows(event_dict(row) for row in _dicts(cursor))

    def timeline(self, filters: Filters | None = None, *, by: str = "day", **given: Any) -> Rows:
        """Records per period (`day`, `week`, `month`) and type: {period, type, records}."""
        clause, params = where(self.con, _filters(filters, given), "r")
        sql = (f"SELECT date_trunc('{check_period(by)}', r.date_start)::DATE AS period, r.type, count(*) AS records "
               f"FROM records r WHERE {clause} AND r.date_start IS NOT NULL GROUP BY ALL ORDER BY period, r.type")
        return _dicts(self.con.execute(sql, params))

    def actors(self, filters: Filters | None = None, *, limit: int | None = 50, **given: Any) -> Rows:
        """Actors by the number of records they take part in: {country, name, records, as_source, as_target}."""
        clause, params = where(self.con, _filters(filters, given), "r")
        # One scan of the records: each gives its source and its target, or one row when both are the same actor.
        sql = f"""
            SELECT a.country, a.name, count(*) AS records, sum(a.s) AS as_source, sum(a.t) AS as_target
            FROM (SELECT unnest(CASE WHEN r.source_name IS NOT DISTINCT FROM r.target_name
                                      AND r.source_country IS NOT DISTINCT FROM r.target_country
                                 THEN [{{'country': r.source_country, 'name': r.source_name, 's': 1, 't': 1}}]
                                 ELSE [{{'country': r.source_country, 'name': r.source_name, 's': 1, 't': 0}},
                                       {{'country': r.target_country, 'name': r.target_name, 's': 0, 't': 1}}] END) AS a
                  FROM records r WHERE {clause})
            WHERE a.name IS NOT NULL GROUP BY ALL ORDER BY records DESC, a.name"""
        return _dicts(self.con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), params))

    def dyads(self, filters: Filters | None = None, *, limit: int | None = 50, **given: Any) -> Rows:
        """Source→target pairs with their records per quad class (1 verbal coop … 4 material conflict)."""
        clause, params = where(self.con, _filters(filters, given), "r")
        quads = ", ".join(f"count(*) FILTER (WHERE r.quad = {q}) AS quad{q}" for q in (1, 2, 3, 4))
        sql = (f"SELECT coalesce(r.source_country, r.source_name) AS source, "
               f"coalesce(r.target_country, r.target_name) AS target, count(*) AS records, {quads} "
               f"FROM records r WHERE {clause} AND r.source_name IS NOT NULL AND r.target_name IS NOT NULL "
               "GROUP BY ALL ORDER BY records DESC, source, target")
        return _dicts(self.con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), params))

    def explain(self, record_id: str) -> dict[str, Any]:
        """A record, and each mention with its document and the evidence that merged it."""
        found = self.con.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE record_id = ?",
                                 [record_id]).fetchone()
        if found is None:
            raise StoreError(f"{record_id}: no such record in {self.path}")
        cursor = self.con.execute(
            "SELECT e.id, e.doc_id, d.input, d.outlet, d.url, d.date AS published, e.sentence, e.merge_score, "
            "e.merge_reason, e.coder FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id "
            "WHERE e.record_id = ? ORDER BY d.date NULLS LAST, e.id", [record_id])
        mentions = _dicts(cursor)
        for mention in mentions:
            mention["merge_reason"] = json.loads(mention["merge_reason"]) if mention["merge_reason"] else None
        return {"record": EventRecord(*found).to_dict(), "mentions": list(mentions)}

    def errors(self, stage: str | None = None) -> Rows:
        """Inputs that failed or were skipped: {input, stage, reason, doc_id, at}."""
        where = "WHERE stage = ?" if stage else ""
        sql = f'SELECT input, stage, reason, doc_id, at_time AS "at" FROM errors {where} ORDER BY at_time, input'
        return _dicts(self.con.execute(sql, [stage] if stage else []))

    def counts(self) -> dict[str, int]:
        "Rows per table."
        tables = ("documents", "stories", "events", "records", "errors")
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (or create) an event store.

    Args:
        path: the DuckDB file; `":memory:"` for a throwaway store.
        read_only: query only; the file must exist.

    Raises:
        StoreError: another process is writing to the file, or it is not an event store.
    """
    return Store(path, read_only=read_only)
