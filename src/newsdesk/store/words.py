"""A word index of the stored source sentences, so `--text` looks up words instead of scanning.

DuckDB's full-text extension cannot be installed offline, so the store keeps its own inverted
index: one row (`term`, `seq`) per distinct content word of each mention's sentence, `term` being
DuckDB's 64-bit `hash` of the lower-cased word and `seq` the mention's integer key. New rows go to
`terms_recent`; when that grows past a quarter of `terms`, both are merged into `terms` sorted by
term, so a lookup reads only the few row groups whose min/max (DuckDB's zonemaps) hold the term.
Stop words are not indexed. A query of one word is answered by the index alone (whole words, any
case); a phrase takes the mentions holding all its words and keeps those whose sentence contains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import duckdb
from spacy.lang.en.stop_words import STOP_WORDS

TOKENS = r"regexp_extract_all(lower({}), '[\pL\pN]+')"
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
        SELECT DISTINCT hash(word), seq
        FROM (SELECT seq, unnest({TOKENS.format('sentence')}) AS word FROM events WHERE seq >= ?)
        WHERE NOT list_contains(?, word)""", [first_seq, stop_words()])
    recent, main = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("terms_recent", "terms"))
    if recent > max(COMPACT_MIN_ROWS, COMPACT_SHARE * main):
        compact(con)


def compact(con: duckdb.DuckDBPyConnection) -> None:
    "Merge the recent rows into `terms`, sorted by term so that zonemaps skip most of it."
    con.execute("CREATE OR REPLACE TABLE terms AS SELECT * FROM (SELECT * FROM terms UNION ALL "
                "SELECT * FROM terms_recent) ORDER BY term, seq")
    con.execute("DELETE FROM terms_recent")


def forget_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    "Drop the index rows of the mentions of these documents (before the mentions are deleted)."
    if not doc_ids:
        return
    for table in TABLES:
        con.execute(f"DELETE FROM {table} WHERE seq IN "
                    "(SELECT seq FROM events WHERE doc_id IN (SELECT unnest($1::VARCHAR[])))", [list(doc_ids)])


def text_sql(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, list[Any]]:
    """A predicate over `events` (unqualified columns) for mentions whose sentence holds `text`.

    Whole words through the index; a text made only of stop words falls back to scanning sentences.
    """
    found = con.execute(f"SELECT DISTINCT word, hash(word) FROM (SELECT unnest({TOKENS.format('?')}) AS word) "
                        "WHERE NOT list_contains(?, word)", [text, stop_words()]).fetchall()
    if not found:
        return "sentence ILIKE ?", [f"%{text}%"]
    # The hashes are integers DuckDB just computed, written as literals so that zonemaps can prune.
    terms = ", ".join(f"{int(term)}::UBIGINT" for _, term in found)
    postings = " UNION ALL ".join(f"SELECT seq FROM {table} WHERE term IN ({terms})" for table in TABLES)
    if len(found) > 1:
        postings = f"SELECT seq FROM ({postings}) GROUP BY seq HAVING count(*) = {len(found)}"
    if text.strip().lower() == found[0][0] and len(found) == 1:
        return f"seq IN ({postings})", []
    return f"seq IN ({postings}) AND sentence ILIKE ?", [f"%{text}%"]
