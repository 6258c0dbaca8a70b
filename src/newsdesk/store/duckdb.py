"""The event store: one DuckDB file of documents, stories, event mentions, records and errors.

Every batch of documents is written in one transaction (rows, deduplication, record summaries),
so a run killed at any moment leaves whole batches or nothing: the next run skips the documents
already stored (by `doc_id`) and goes on. DuckDB locks the file for one writing process; a second
one gets a `StoreError` naming the process that holds it, never a corrupted file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..schema import DocumentResult, Failure
from .dedup import Clusterer, Mention, load_rules
from .records import refresh_records
from .tables import DDL, EVENT_COLUMNS, SCHEMA_VERSION, event_row
from .words import forget_documents, index_events, move_records

LOGGER = logging.getLogger(__name__)

DEFAULT_DB = "newsdesk.duckdb"
LOCK_PID = re.compile(r"\(PID (\d+)\)")
CANDIDATE_COLUMNS = ("id", "doc_id", "type", "source_country", "target_country", "date_start", "date_last",
                     "date_inferred", "lat", "lon", "place_kind", "place_country", "place_inferred", "sentence",
                     "record_id", "seq", "record_seq")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, turning a lock held by another process into a clear `StoreError`."""
    name = str(path)
    if read_only and name != ":memory:" and not Path(name).is_file():
        raise StoreError(f"{name}: no event store here (run `newsdesk ingest` first, or pass --db)")
    try:
        return duckdb.connect(name, read_only=read_only)
    except duckdb.IOException as err:
        held = LOCK_PID.search(str(err))
        if "lock" not in str(err).lower():
            raise StoreError(f"{name}: cannot open the event store: {err}") from err
        who = f"process {held.group(1)}" if held else "another process"
        raise StoreError(f"{name}: the event store is in use by {who}, which is writing to it; "
                         "wait for it to finish or use another --db") from err
    except duckdb.Error as err:
        raise StoreError(f"{name}: not a readable event store: {err}") from err


def check_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a store written by another version of the store's tables (nothing is changed in it)."""
    if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]:
        return
    found = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if found is not None and found[0] != SCHEMA_VERSION:
        raise StoreError(f"{path}: an event store of schema version {found[0]}; this newsdesk reads and writes "
                         f"version {SCHEMA_VERSION}: ingest into a new --db")


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows in one statement, a list parameter per column (far faster than `executemany`)."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT {select}", columns)


def _first_of_each_document(results: Sequence[DocumentResult]) -> list[DocumentResult]:
    "The batch without repeats of a document (two files with the same content), failures kept."
    seen: set[str] = set()
    kept = []
    for result in results:
        if result.document is not None:
            if result.document.doc_id in seen:
                continue
            seen.add(result.document.doc_id)
        kept.append(result)
    return kept


class StoreWriter:
    """Writes pipeline results into an open store, one transaction per batch."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str = "") -> None:
        self.con = con
        self.rules = load_rules()
        check_schema(con, path)
        con.execute("BEGIN")
        con.execute(DDL)
        con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
        con.execute("COMMIT")

    def document_ids(self) -> set[str]:
        "The ids of every document already stored."
        return {row[0] for row in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def write(self, results: Sequence[DocumentResult]) -> list[str]:
        """Store one batch atomically; returns the ids of the records it created or changed."""
        con = self.con
        results = _first_of_each_document(results)
        con.execute("BEGIN")
        try:
            touched = self._replace_documents(results)
            rows = [event_row(e) for r in results for e in r.events]
            touched.update(self._insert_events(rows))
            refresh_records(con, sorted(touched))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        LOGGER.info("stored %d documents, %d events", len(results), len(rows))
        return sorted(touched)

    def _replace_documents(self, results: Sequence[DocumentResult]) -> set[str]:
        "Insert documents, stories and errors; a re-coded document loses its old rows first."
        con, now = self.con, dt.datetime.now(dt.UTC).replace(tzinfo=None)
        docs = [r.document for r in results if r.document is not None]
        stored = [row[0] for row in con.execute("SELECT doc_id FROM documents WHERE doc_id IN "
                                                "(SELECT unnest(?::VARCHAR[]))", [[d.doc_id for d in docs]]).fetchall()]
        touched: set[str] = set()
        if stored:
            touched.update(row[0] for row in con.execute(
                "SELECT DISTINCT record_id FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
                "AND record_id IS NOT NULL", [stored]).fetchall())
            forget_documents(con, stored)
            for table in ("events", "stories", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [stored])
        bulk_insert(con, "documents", [[r.document.doc_id, r.document.source, r.document.url, r.document.outlet,
                                        r.document.title, r.document.author, r.document.date, r.document.language,
                                        r.skipped, now] for r in results if r.document is not None])
        bulk_insert(con, "stories", [[s.doc_id, s.index, s.title, s.text, s.date] for d in docs for s in d.stories])
        for result in results:
            if result.document is None:
                self._error(result.failure or Failure(result.source, "pipeline", "no result"), now)
            elif result.skipped:
                self._error(Failure(result.document.source, "clean", result.skipped, result.document.doc_id), now)
        return touched

    def _error(self, failure: Failure, now: dt.datetime) -> None:
        self.con.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?, ?)",
                         [failure.input, failure.stage, failure.reason, failure.doc_id, now])

    def _insert_events(self, rows: list[list[Any]]) -> set[str]:
        "Cluster new mentions against the stored ones, then insert them with their records."
        if not rows:
            return set()
        first_seq = self.con.execute("SELECT coalesce(max(seq) + 1, 0) FROM events").fetchone()[0]
        mentions = [Mention.from_row({**dict(zip(EVENT_COLUMNS, row)), "seq": seq}, self.rules)
                    for seq, row in enumerate(rows, start=first_seq)]
        clusterer = Clusterer(self._candidates(mentions), self.rules)
        matches = [clusterer.assign(mention) for mention in mentions]
        out = []
        for row, mention, match in zip(rows, mentions, matches):
            record = clusterer.record_of(match.record_id)
            reason = match.reason or (clusterer.merge_note(match.record_id) if record != match.record_id else None)
            out.append([*row, record, match.score, json.dumps(reason, ensure_ascii=False) if reason else None,
                        mention.seq, clusterer.record_seq(record)])
        self._merge_stored(clusterer)
        bulk_insert(self.con, "events", out)
        index_events(self.con, first_seq)
        return {row[len(EVENT_COLUMNS)] for row in out} | set(clusterer.merged)

    def _merge_stored(self, clusterer: Clusterer) -> None:
        """Move the stored mentions of records a new mention bridged into the record they merged into.

        The founder of a merged record keeps, as its merge reason, which record it founded and which
        mention linked it to the other one, so `newsdesk explain` can say so.
        """
        if not clusterer.merged:
            return
        olds = list(clusterer.merged)
        news = [clusterer.record_of(old) for old in olds]
        self.con.execute("""
            UPDATE events SET record_id = m.new, record_seq = m.seq, merge_reason = coalesce(merge_reason, m.reason)
            FROM (SELECT unnest($1::VARCHAR[]) AS old, unnest($2::VARCHAR[]) AS new, unnest($3::BIGINT[]) AS seq,
                         unnest($4::VARCHAR[]) AS reason) m
            WHERE events.record_id = m.old""",
            [olds, news, [clusterer.record_seq(n) for n in news], [json.dumps(clusterer.merge_note(o)) for o in olds]])
        move_records(self.con, [clusterer.founder_seq(o) for o in olds], [clusterer.record_seq(n) for n in news])

    def _candidates(self, mentions: Iterable[Mention]) -> list[Mention]:
        "Stored mentions of the same types whose dates come near the new ones'."
        windows: dict[str, tuple[dt.date, dt.date]] = {}
        for m in mentions:
            if m.first is None or m.last is None:
                continue
            lo, hi = windows.get(m.type, (m.first, m.last))
            windows[m.type] = (min(lo, m.first), max(hi, m.last))
        if not windows:
            return []
        pad = dt.timedelta(days=self.rules.inferred_lag + self.rules.slack + 1)
        where = " OR ".join("(type = ? AND date_last >= ? AND date_start <= ?)" for _ in windows)
        params = [v for t, (lo, hi) in windows.items() for v in (t, lo - pad, hi + pad)]
        cursor = self.con.execute(
            f"SELECT {', '.join(CANDIDATE_COLUMNS)} FROM events WHERE record_id IS NOT NULL AND ({where})", params)
        return [Mention.from_row(dict(zip(CANDIDATE_COLUMNS, row)), self.rules) for row in cursor.fetchall()]
