"""Exports of the store: CSV, JSON lines, Parquet, GeoJSON, PLOVER JSON and a GDELT-style CAMEO table.

CSV and Parquet are written by DuckDB's own `COPY … TO` (no pyarrow needed). `plover` writes one
JSON object per record with POLECAT's PLOVER field names; `cameo` writes a tab-separated table with
GDELT 2.0 event column names, so tools made for either can read newsdesk's records.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError
from .api import Store
from .query import Filters, where
from .records import RECORD_COLUMNS

FORMATS = ("csv", "jsonl", "parquet", "geojson", "plover", "cameo")
LEVELS = ("records", "mentions")
SOURCES_SQL = """
    SELECT e.record_id, list({'id': e.id, 'doc_id': e.doc_id, 'outlet': d.outlet, 'url': d.url,
                             'published': d.date::VARCHAR, 'sentence': e.sentence} ORDER BY d.date, e.id)
           AS sources_detail
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id GROUP BY e.record_id"""


def _sql(store: Store, filters: Filters, level: str) -> tuple[str, list[Any]]:
    "The SELECT of the rows to export, and its parameters."
    if level == "mentions":
        clause, params = where(store.con, filters, "e")
        return f"SELECT e.* EXCLUDE (merge_reason) FROM events e WHERE {clause} ORDER BY e.date_start, e.id", params
    clause, params = where(store.con, filters, "r")
    return (f"SELECT {', '.join('r.' + c for c in RECORD_COLUMNS)} FROM records r WHERE {clause} "
            "ORDER BY r.date_start, r.record_id"), params


def _records(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    "Records as dicts (dates as text), each with `sources_detail`: every mention with its document."
    sql, params = _sql(store, filters, "records")
    cursor = store.con.execute(f"SELECT r.*, s.sources_detail FROM ({sql}) r LEFT JOIN ({SOURCES_SQL}) s USING (record_id) "
                               "ORDER BY r.date_start, r.record_id", params)
    names = [d[0] for d in cursor.description or ()]
    while chunk := cursor.fetchmany(1000):
        for row in chunk:
            yield {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(names, row)}


def _plover(r: dict[str, Any]) -> dict[str, Any]:
    "One record with POLECAT's PLOVER field names."
    return {
        "event_id": r["record_id"], "event_date": r["date_start"], "event_type": r["type"],
        "quad_code": r["quad"], "actor_name": r["source_name"], "actor_country": r["source_country"],
        "recipient_name": r["target_name"], "recipient_country": r["target_country"],
        "placename": r["place_name"], "country": r["place_country"], "feature_type": r["place_kind"],
        "latitude": r["lat"], "longitude": r["lon"], "status": r["status"],
        "fatalities": r["fatalities_max"], "num_sources": r["sources"], "num_mentions": r["mentions"],
        "publication_date": r["first_reported"], "event_text": r["sentence"],
        "story_ids": [s["doc_id"] for s in r["sources_detail"] or ()],
    }


CAMEO_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("GLOBALEVENTID", lambda r: r["record_id"]),
    ("SQLDATE", lambda r: (r["date_start"] or "").replace("-", "")),
    ("Actor1Name", lambda r: r["source_name"]),
    ("Actor1CountryCode", lambda r: r["source_country"]),
    ("Actor2Name", lambda r: r["target_name"]),
    ("Actor2CountryCode", lambda r: r["target_country"]),
    ("EventRootCode", lambda r: r["cameo"]),
    ("QuadClass", lambda r: r["quad"]),
    ("NumMentions", lambda r: r["mentions"]),
    ("NumSources", lambda r: r["outlets"]),
    ("NumArticles", lambda r: r["sources"]),
    ("ActionGeo_FullName", lambda r: r["place_name"]),
    ("ActionGeo_CountryCode", lambda r: r["place_country"]),
    ("ActionGeo_Lat", lambda r: r["lat"]),
    ("ActionGeo_Long", lambda r: r["lon"]),
    ("DATEADDED", lambda r: (r["first_reported"] or "").replace("-", "")),
    ("SOURCEURL", lambda r: next((s["url"] for s in r["sources_detail"] or () if s["url"]), None)),
)


def _geojson(records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    "A FeatureCollection of the records that have coordinates."
    count = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for r in records:
        if r["lat"] is None or r["lon"] is None:
            continue
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                   "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _cameo(store: Store, records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    "GDELT-style rows; the CAMEO root code is the most common one among the record's mentions."
    roots = dict(store.con.execute("SELECT record_id, mode(cameo) FROM events GROUP BY record_id").fetchall())
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow([name for name, _ in CAMEO_COLUMNS])
    count = 0
    for r in records:
        writer.writerow([fn({**r, "cameo": roots.get(r["record_id"])}) for _, fn in CAMEO_COLUMNS])
        count += 1
    return count


def export(store: Store, fmt: str, output: str | None = None, filters: Filters | None = None,
           level: str = "records") -> int:
    """Write the matching records (or mentions) in `fmt` to `output` (stdout when None).

    Returns:
        The number of rows or features written.

    Raises:
        ConfigError: an unknown format or level, or parquet without an output file.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if level not in LEVELS:
        raise ConfigError(f"--level must be one of {', '.join(LEVELS)}, not {level!r}")
    filters = filters or Filters()
    if fmt in ("csv", "parquet") and output:
        sql, params = _sql(store, filters, level)
        target = str(Path(output)).replace("'", "''")
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        store.con.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
        return int(store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
    if fmt == "parquet":
        raise ConfigError("--format parquet needs --output FILE")
    with (open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)) as out:
        return _write_text(store, fmt, filters, level, out)


def _write_text(store: Store, fmt: str, filters: Filters, level: str, out: IO[str]) -> int:
    if level == "mentions":
        rows = store.mentions(filters)
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in r.items()}
                             for r in rows)
        else:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return len(rows)
    records = _records(store, filters)
    if fmt == "geojson":
        return _geojson(records, out)
    if fmt == "cameo":
        return _cameo(store, records, out)
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(RECORD_COLUMNS)
        for r in records:
            writer.writerow([r[c] for c in RECORD_COLUMNS])
            count += 1
        return count
    convert = _plover if fmt == "plover" else (lambda r: r)
    for r in records:
        out.write(json.dumps(convert(r), ensure_ascii=False) + "\n")
        count += 1
    return count
