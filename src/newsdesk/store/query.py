"""Filters over the stored events, turned into SQL: the one place queries are built.

A record is tested on its best attributes (type, actors, date, place, status: what its mentions
agree on), so most queries scan only the records table; `--text` looks in every source sentence. Mentions (`--mentions`) are tested on their own columns. Values always travel as
parameters, never pasted into the SQL.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import ConfigError
from .words import text_sql

COUNTRY_CODE = re.compile(r"[A-Za-z]{3}")
LAT_LON = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")
KM_PER_DEGREE = 111.2
PERIODS = ("day", "week", "month")
HAVERSINE_KM = ("2 * 6371 * asin(sqrt(pow(sin(radians({a}.lat - ?) / 2), 2) + "
                "cos(radians(?)) * cos(radians({a}.lat)) * pow(sin(radians({a}.lon - ?) / 2), 2)))")


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


def _actor_sql(alias: str, roles: tuple[str, ...], value: str) -> tuple[str, list[Any]]:
    "Match a country code exactly, or a name by substring, in any of the roles."
    parts, params = [], []
    for role in roles:
        if COUNTRY_CODE.fullmatch(value):
            parts.append(f"{alias}.{role}_country = ?")
            params.append(value.upper())
        parts.append(f"{alias}.{role}_name ILIKE ?")
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


def where(con: duckdb.DuckDBPyConnection, f: Filters, alias: str) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters of the filters over `records r` (alias "r") or `events e` ("e").

    Records and mentions share the column names filtered on; for a record they hold its best
    attributes. Only `text` and `min_sources` differ between the two.
    """
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    a = alias
    if f.type:
        add(f"{a}.type = ?", f.type.upper())
    for roles, value in ((("source",), f.source), (("target",), f.target), (("source", "target"), f.actor)):
        if value:
            sql, values = _actor_sql(a, roles, value)
            add(sql, *values)
    if f.country:
        add(f"{a}.place_country = ?", f.country.upper())
    if f.since:
        add(f"{a}.date_last >= ?", f.since)
    if f.until:
        add(f"{a}.date_start <= ?", f.until)
    if f.status:
        add(f"{a}.status = ?", f.status.lower())
    if f.text:
        sql, values = text_sql(con, f.text, records=a == "r")
        add(f"{a}.{sql}", *values)
    if f.near:
        lat, lon = locate(con, f.near)
        dlat = f.km / KM_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
        add(f"{a}.lat BETWEEN ? AND ? AND {a}.lon BETWEEN ? AND ? AND {HAVERSINE_KM.format(a=a)} <= ?",
            lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lat, lon, f.km)
    if a == "r":
        add("r.sources >= ?", f.min_sources)
    elif f.min_sources > 1:
        add("e.record_seq IN (SELECT record_seq FROM records WHERE sources >= ?)", f.min_sources)
    return (" AND ".join(clauses) or "TRUE"), params


def check_period(period: str) -> str:
    "A timeline bucket name, or a ConfigError naming the allowed ones."
    if period not in PERIODS:
        raise ConfigError(f"--by must be one of {', '.join(PERIODS)}, not {period!r}")
    return period
