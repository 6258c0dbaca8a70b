"""The store's tables, and the flattening of an `Event` into one `events` row and back.

Events are stored flat (one column per contract field, dates as DATE, a place as lat/lon columns)
so every filter is a plain column predicate that DuckDB can scan fast; `event_dict` rebuilds the
output contract of ARCHITECTURE.md from a row, so exports and `--mentions` print what `extract` prints.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from ..schema import Actor, Event, TimeSpan

SCHEMA_VERSION = "2"

ACTOR_FIELDS = ("text", "name", "country", "sector", "wikidata")
ROLES = ("source", "target", "claimant")
PLACE_FIELDS = ("place_text", "place_name", "place_country", "place_admin1", "lat", "lon", "place_kind")

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "story", "type", "mode", "context", "cameo",
    *(f"{role}_{f}" for role in ROLES for f in ACTOR_FIELDS),
    "date_start", "date_end", "date_precision", "date_inferred", "date_last",
    *PLACE_FIELDS, "place_inferred",
    "fatalities", "injuries", "weapon", "status", "negated", "trigger",
    "sentence", "span_start", "span_end", "confidence", "coder",
)

DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, input VARCHAR, url VARCHAR, outlet VARCHAR, title VARCHAR,
    author VARCHAR, date DATE, language VARCHAR, skipped VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS stories (
    doc_id VARCHAR, idx INTEGER, title VARCHAR, text VARCHAR, date DATE);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, doc_id VARCHAR, story INTEGER, type VARCHAR, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR,
    {", ".join(f"{role}_{f} VARCHAR" for role in ROLES for f in ACTOR_FIELDS)},
    date_start DATE, date_end DATE, date_precision VARCHAR, date_inferred BOOLEAN, date_last DATE,
    place_text VARCHAR, place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, place_kind VARCHAR, place_inferred BOOLEAN,
    fatalities INTEGER, injuries INTEGER, weapon VARCHAR, status VARCHAR, negated BOOLEAN,
    trigger VARCHAR, sentence VARCHAR, span_start INTEGER, span_end INTEGER, confidence REAL,
    coder VARCHAR, record_id VARCHAR, merge_score DOUBLE, merge_reason VARCHAR, seq BIGINT,
    record_seq BIGINT);
CREATE TABLE IF NOT EXISTS terms (term UBIGINT, seq BIGINT, record_seq BIGINT);
CREATE TABLE IF NOT EXISTS terms_recent (term UBIGINT, seq BIGINT, record_seq BIGINT);
CREATE TABLE IF NOT EXISTS records (
    record_id VARCHAR PRIMARY KEY, type VARCHAR, quad SMALLINT,
    source_name VARCHAR, source_country VARCHAR, target_name VARCHAR, target_country VARCHAR,
    date_start DATE, date_end DATE, date_last DATE, date_precision VARCHAR,
    place_name VARCHAR, place_country VARCHAR, place_kind VARCHAR, lat DOUBLE, lon DOUBLE,
    fatalities_min INTEGER, fatalities_max INTEGER, injuries_min INTEGER, injuries_max INTEGER,
    status VARCHAR, mentions INTEGER, sources INTEGER, outlets INTEGER,
    first_reported DATE, last_reported DATE, sentence VARCHAR, record_seq BIGINT);
CREATE TABLE IF NOT EXISTS errors (
    input VARCHAR, stage VARCHAR, reason VARCHAR, doc_id VARCHAR, at_time TIMESTAMP,
    PRIMARY KEY (input, stage));
"""


def last_day(span_start: dt.date, precision: str, end: dt.date | None) -> dt.date:
    """The last day a date can mean: `end` when given, else the end of its week, month or year."""
    if precision == "week":
        last = span_start + dt.timedelta(days=6)
    elif precision == "month":
        last = span_start.replace(day=calendar.monthrange(span_start.year, span_start.month)[1])
    elif precision in ("year", "decade"):
        last = span_start.replace(month=12, day=31)
    else:
        last = span_start
    return max(last, end) if end else last


def _actor_values(actor: Actor | None) -> list[Any]:
    return [getattr(actor, f) if actor else None for f in ACTOR_FIELDS]


def event_row(event: Event) -> list[Any]:
    """The `events` row of one event, in `EVENT_COLUMNS` order (record columns come later)."""
    date, place = event.date, event.place
    return [
        event.id, event.doc_id, event.story, event.type, event.mode, list(event.context), event.cameo,
        *_actor_values(event.source), *_actor_values(event.target), *_actor_values(event.claimant),
        date.start if date else None, date.end if date else None, date.precision if date else None,
        event.date_inferred, last_day(date.start, date.precision, date.end) if date else None,
        *([place.text, place.name, place.country, place.admin1, place.lat, place.lon, place.kind]
          if place else [None] * len(PLACE_FIELDS)), event.place_inferred,
        event.fatalities, event.injuries, event.weapon, event.status, event.negated, event.trigger,
        event.sentence, event.span[0], event.span[1], event.confidence, event.coder,
    ]


def _actor_dict(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    actor = {f: row[f"{role}_{f}"] for f in ACTOR_FIELDS}
    return actor if actor["name"] is not None else None


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The output-contract dict of one stored `events` row, plus its `record_id`."""
    place = None
    if row["place_name"] is not None:
        place = {"text": row["place_text"], "name": row["place_name"], "country": row["place_country"],
                 "admin1": row["place_admin1"], "lat": row["lat"], "lon": row["lon"], "kind": row["place_kind"]}
    date = TimeSpan(row["date_start"], row["date_precision"], row["date_end"]) if row["date_start"] else None
    return {
        "id": row["id"], "doc_id": row["doc_id"], "story": row["story"], "type": row["type"],
        "mode": row["mode"], "context": list(row["context"] or []), "cameo": row["cameo"],
        "source": _actor_dict(row, "source"), "target": _actor_dict(row, "target"),
        "date": date.label() if date else None, "date_end": date.end_label() if date else None,
        "date_precision": row["date_precision"], "date_inferred": row["date_inferred"], "place": place,
        "place_inferred": row["place_inferred"],
        "fatalities": row["fatalities"], "injuries": row["injuries"], "weapon": row["weapon"],
        "status": row["status"], "negated": row["negated"], "claimant": _actor_dict(row, "claimant"),
        "trigger": row["trigger"], "sentence": row["sentence"], "span": [row["span_start"], row["span_end"]],
        "confidence": round(row["confidence"], 3), "coder": row["coder"], "record_id": row["record_id"],
    }
