"""A word index of the stored source sentences, so `--text` looks up words instead of scanning.

DuckDB's full-text extension cannot be installed offline, so the store keeps its own inverted
index: one row (`term`, `seq`, `record_seq`) per distinct content word of each mention's sentence,
`term` being DuckDB's 64-bit `hash` of the lower-cased word with a final plural -s folded, `seq` the mention's integer key and
`record_seq` its record's (kept up to date when records merge), so a search for records need not
visit the mentions at all. New rows go to `terms_recent`; when that grows past a quarter of `terms`,
both are merged into `terms` sorted by term, so a lookup reads only the few row groups whose min/max
(DuckDB's zonemaps) hold the term.
Stop words are not indexed. A query of one word is answered by the index alone (whole words, any
case, singular or plural: "strike" finds "strikes"); a phrase takes the mentions holding all its words and keeps those whose sentence contains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import duckdb
from spacy.lang.en.stop_words import STOP_WORDS

TOKENS = r"regexp_extract_all(lower({}), '[\pL\pN]+')"
# A word's index key folds a final plural -s (not -ss): "strike" and "strikes" share one.
KEY = "hash(CASE WHEN length({0}) > 3 AND suffix({0}, 's') AND NOT suffix({0}, 'ss') " \
      "THEN left({0}, length({0}) - 1) ELSE {0} END)"
TABLES = ("terms", "terms_recent")
COMPACT_MIN_ROWS = 1_000_000
COMPACT_SHARE = 0.25


@cache
def stop_words() -> list[str]:
    "spaCy's English stop words, which are not indexed."
    return sorted(STOP_WORDS)


def index_events(con: duckdb.DuckDBPyConnection, first_seq: int) -> None:
    """Index the sentences of the mentions whose `seq` is `first_seq` or more (those just inserted)."""
    con.execute(f"""
        INSERT INTO terms_recent
        SELECT DISTINCT {KEY.format('word')}, seq, record_seq
        FROM (SELECT seq, record_seq, unnest({TOKENS.format('sentence')}) AS word FROM events WHERE seq >= ?)
        WHERE NOT list_contains(?, word)""", [first_seq, stop_words()])
    recent, main = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("terms_recent", "terms"))
    if recent > max(COMPACT_MIN_ROWS, COMPACT_SHARE * main):
        compact(con)


def compact(con: duckdb.DuckDBPyConnection) -> None:
    "Merge the recent rows into `terms`, sorted by term so that zonemaps skip most of it."
    con.execute("CREATE OR REPLACE TABLE terms AS SELECT * FROM (SELECT * FROM terms UNION ALL "
                "SELECT * FROM terms_recent) ORDER BY term, seq")
    con.execute("DELETE FROM terms_recent")


def move_records(con: duckdb.DuckDBPyConnection, old: Sequence[int], new: Sequence[int]) -> None:
    "Point the index rows of records merged into others (`old[i]` into `new[i]`) at the record they joined."
    for table in TABLES:
        con.execute(f"UPDATE {table} SET record_seq = m.new FROM (SELECT unnest(?::BIGINT[]) AS old, "
                    f"unnest(?::BIGINT[]) AS new) m WHERE {table}.record_seq = m.old", [list(old), list(new)])


def forget_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    "Drop the index rows of the mentions of these documents (before the mentions are deleted)."
    if not doc_ids:
        return
    for table in TABLES:
        con.execute(f"DELETE FROM {table} WHERE seq IN "
                    "(SELECT seq FROM events WHERE doc_id IN (SELECT unnest($1::VARCHAR[])))", [list(doc_ids)])


def _terms(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, int]]:
    "The indexed words of `text` with their hashes."
    found = con.execute(f"SELECT DISTINCT word, {KEY.format('word')} FROM (SELECT unnest({TOKENS.format('?')}) AS word)",
                        [text]).fetchall()
    return [(word, term) for word, term in found if word not in STOP_WORDS]


def _literals(found: list[tuple[str, int]]) -> str:
    # The hashes are integers DuckDB just computed, written as literals so that zonemaps can prune.
    return ", ".join(f"{int(term)}::UBIGINT" for _, term in found)


def share(con: duckdb.DuckDBPyConnection, text: str) -> float | None:
    """The share of mentions holding the rarest indexed word of `text` (None: no indexed word).

    A query for records can then look among the newest records first when the words are common.
    """
    found = _terms(con, text)
    mentions = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if not found or not mentions:
        return None
    union = " UNION ALL ".join(f"SELECT term FROM {table} WHERE term IN ({_literals(found)})" for table in TABLES)
    counts = con.execute(f"SELECT count(*) FROM ({union}) GROUP BY term").fetchall()
    return min(count for count, in counts) / mentions if len(counts) == len(found) else 0.0


def text_sql(con: duckdb.DuckDBPyConnection, text: str, records: bool) -> tuple[str, list[Any]]:
    """A predicate for the mentions (`seq IN …`) or records (`record_seq IN …`) whose sentence holds `text`.

    Whole words through the index: one word is answered by the index alone; a phrase takes the
    mentions holding all its words and keeps those whose sentence contains it; a text made only of
    stop words falls back to scanning the sentences.
    """
    key = "record_seq" if records else "seq"
    found = _terms(con, text)
    if not found:
        return f"{key} IN (SELECT {key} FROM events WHERE sentence ILIKE ?)", [f"%{text}%"]
    postings = " UNION ALL ".join(f"SELECT seq, record_seq FROM {table} WHERE term IN ({_literals(found)})"
                                  for table in TABLES)
    if len(found) == 1 and text.strip().lower() == found[0][0]:
        return f"{key} IN (SELECT {key} FROM ({postings}))", []
    if len(found) > 1:
        postings = f"SELECT seq FROM ({postings}) GROUP BY seq HAVING count(*) = {len(found)}"
    return f"{key} IN (SELECT {key} FROM events WHERE seq IN (SELECT seq FROM ({postings})) AND sentence ILIKE ?)", \
        [f"%{text}%"]
