"""Filters over the stored events, turned into SQL: the one place queries are built.

A filter tests the mentions (`events`): a record matches when any of its mentions does, so
`--text` finds a record by any source's wording. Only `min_sources` tests the record itself.
Values always travel as parameters, never pasted into the SQL.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import ConfigError

COUNTRY_CODE = re.compile(r"[A-Za-z]{3}")
LAT_LON = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")
KM_PER_DEGREE = 111.2
PERIODS = ("day", "week", "month")
HAVERSINE_KM = ("2 * 6371 * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
                "cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2)))")


@dataclass(frozen=True, slots=True)
class Filters:
    """What `newsdesk events` and `open_store(...).events()` accept; None means "any".

    `source`, `target` and `actor` take a country code (RUS) or part of a name; `country` is
    where the event happened; `near` is a place name already in the store or "lat,lon".
    """

    type: str | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    near: str | None = None
    km: float = 50.0
    status: str | None = None
    text: str | None = None
    min_sources: int = 1


def _actor_sql(roles: tuple[str, ...], value: str) -> tuple[str, list[Any]]:
    "Match a country code exactly, or a name by substring, in any of the roles."
    parts, params = [], []
    for role in roles:
        if COUNTRY_CODE.fullmatch(value):
            parts.append(f"e.{role}_country = ?")
            params.append(value.upper())
        parts.append(f"e.{role}_name ILIKE ?")
        params.append(f"%{value}%")
    return "(" + " OR ".join(parts) + ")", params


def locate(con: duckdb.DuckDBPyConnection, near: str) -> tuple[float, float]:
    """The coordinates of `near`: "lat,lon", or a place name some stored event has."""
    match = LAT_LON.fullmatch(near)
    if match:
        return float(match.group(1)), float(match.group(2))
    row = con.execute("SELECT lat, lon FROM events WHERE lower(place_name) = lower(?) AND lat IS NOT NULL "
                      "LIMIT 1", [near]).fetchone()
    if row is None:
        raise ConfigError(f"--near {near!r}: no stored event has this place; give a place name from the store "
                          "or 'lat,lon'")
    return float(row[0]), float(row[1])


def mention_where(con: duckdb.DuckDBPyConnection, f: Filters) -> tuple[str, list[Any]]:
    """The WHERE clause (over `events e`) and parameters of every mention-level filter."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.type:
        add("e.type = ?", f.type.upper())
    for roles, value in ((("source",), f.source), (("target",), f.target), (("source", "target"), f.actor)):
        if value:
            sql, values = _actor_sql(roles, value)
            add(sql, *values)
    if f.country:
        add("e.place_country = ?", f.country.upper())
    if f.since:
        add("e.date_last >= ?", f.since)
    if f.until:
        add("e.date_start <= ?", f.until)
    if f.status:
        add("e.status = ?", f.status.lower())
    if f.text:
        add("e.sentence ILIKE ?", f"%{f.text}%")
    if f.near:
        lat, lon = locate(con, f.near)
        dlat = f.km / KM_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
        add(f"e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND {HAVERSINE_KM} <= ?",
            lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lat, lon, f.km)
    return (" AND ".join(clauses) or "TRUE"), params


def record_filter(con: duckdb.DuckDBPyConnection, f: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause over `records r` for all the filters (mention filters via a semi-join)."""
    where, params = mention_where(con, f)
    clauses = ["r.sources >= ?"]
    if where != "TRUE":
        clauses.append(f"r.record_id IN (SELECT e.record_id FROM events e WHERE {where})")
    return " AND ".join(clauses), [f.min_sources, *params]


def check_period(period: str) -> str:
    "A timeline bucket name, or a ConfigError naming the allowed ones."
    if period not in PERIODS:
        raise ConfigError(f"--by must be one of {', '.join(PERIODS)}, not {period!r}")
    return period
