"""Event records: the real-world events the store's mentions are merged into.

A record's attributes are recomputed in SQL from its mentions whenever one joins or leaves: the
most specific date (a stated date before a publication date, a day before a month) and place
(a stated place before one taken from the sentence or story, a city before a region before a country), the range of casualty figures across sources, the
number of distinct documents and outlets, and when it was first and last reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import duckdb

from ..lexicon import load_yaml
from ..schema import EventRecord

PRECISION_RANK = "CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 ELSE 3 END"
PLACE_RANK = "CASE place_kind WHEN 'city' THEN 0 WHEN 'other' THEN 1 WHEN 'admin1' THEN 2 WHEN 'region' THEN 3 ELSE 4 END"


@cache
def quad_sql() -> str:
    "A SQL CASE giving the quad class of `type`, from data/store.yaml."
    quads: dict[str, int] = load_yaml("store.yaml")[0][1]["quad_class"]
    return "CASE type " + " ".join(f"WHEN '{t}' THEN {q}" for t, q in quads.items()) + " END"


def _summary_sql(where: str) -> str:
    return f"""
    INSERT INTO records
    SELECT record_id, type, {quad_sql()}, src.n, src.c, tgt.n, tgt.c, d.s, d.e, d.l, d.p,
           pl.n, pl.c, pl.k, pl.lat, pl.lon, fmin, fmax, imin, imax, status, mentions, sources, outlets,
           first_reported, last_reported, sentence, record_seq
    FROM (
        SELECT e.record_id, any_value(e.type) AS type,
            arg_min({{'n': source_name, 'c': source_country}}, {{'c': -confidence, 'i': id}})
                FILTER (WHERE source_name IS NOT NULL) AS src,
            arg_min({{'n': target_name, 'c': target_country}}, {{'c': -confidence, 'i': id}})
                FILTER (WHERE target_name IS NOT NULL) AS tgt,
            arg_min({{'s': date_start, 'e': date_end, 'l': date_last, 'p': date_precision}},
                    {{'i': date_inferred, 'r': {PRECISION_RANK}, 'c': -confidence, 'id': id}})
                FILTER (WHERE date_start IS NOT NULL) AS d,
            arg_min({{'n': place_name, 'c': place_country, 'k': place_kind, 'lat': lat, 'lon': lon}},
                    {{'i': place_inferred, 'r': {PLACE_RANK}, 'c': -confidence, 'id': id}})
                FILTER (WHERE place_name IS NOT NULL) AS pl,
            min(fatalities) AS fmin, max(fatalities) AS fmax, min(injuries) AS imin, max(injuries) AS imax,
            mode(status) AS status, count(*) AS mentions, count(DISTINCT e.doc_id) AS sources,
            count(DISTINCT doc.outlet) AS outlets,
            min(coalesce(doc.date, doc.ingested_at::DATE)) AS first_reported,
            max(coalesce(doc.date, doc.ingested_at::DATE)) AS last_reported,
            arg_max(sentence, {{'c': confidence, 'i': id}}) AS sentence, any_value(e.record_seq) AS record_seq
        FROM events e LEFT JOIN documents doc ON doc.doc_id = e.doc_id
        {where}
        GROUP BY e.record_id
    )
    """


def refresh_records(con: duckdb.DuckDBPyConnection, record_ids: Sequence[str] | None) -> None:
    """Recompute the given records (all when None) from their mentions; drop those left empty."""
    if record_ids is None:
        con.execute("DELETE FROM records")
        con.execute(_summary_sql("WHERE e.record_id IS NOT NULL"))
        return
    if not record_ids:
        return
    ids = list(record_ids)
    con.execute("DELETE FROM records WHERE record_id IN (SELECT unnest($1::VARCHAR[]))", [ids])
    con.execute(_summary_sql("WHERE e.record_id IN (SELECT unnest($1::VARCHAR[]))"), [ids])


RECORD_COLUMNS: tuple[str, ...] = tuple(EventRecord.__dataclass_fields__)
