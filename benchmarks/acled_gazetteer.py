"""How well the gazetteer finds ACLED's places, from the resolver's side (no event coding).

    .venv/bin/python benchmarks/acled_gazetteer.py [../shared/gold/acled/acled_events.dev.csv]

Each row names its place as `location`, `admin2`, `admin1` and `country`, as a coder reads
"in <location> (<admin2>, <admin1>)" in ACLED's notes. The three names are resolved together
(`Gazetteer.resolve_all`) with the row's country as context, and scored against the row's point:

    location_50km      the location's place lies within 50 km of ACLED's point
    location_missing   the gazetteer has no candidate for the location name
    fallback_50km      location, else admin2, else admin1 (what the coder falls back to) within 50 km
    admin1_in_country  the admin1 name resolves to a place of the row's country (an area, or the
                       city a bare name like "Aleppo" means)
    admin2_in_country  the same for the admin2 name

Rows with `geo_precision` 1 (the town itself is known) are also scored apart, and every figure is
given for even and odd rows too, so tuning on one half shows. Prints one JSON object.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from newsdesk.resolve import gazetteer
from newsdesk.resolve.places import _distance_km
from newsdesk.schema import Place

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold" / "acled" / "acled_events.dev.csv"
NEAR_KM = 50.0


@cache
def country_code(name: str) -> str | None:
    "ISO alpha-3 of an ACLED country name, by the gazetteer itself ('Democratic Republic of Congo')."
    place = gazetteer().resolve(name)
    return place.country if place is not None and place.kind == "country" else None


def near(place: Place | None, row: dict[str, str]) -> bool:
    if place is None or place.lat is None or place.lon is None:
        return False
    gold = (float(row["latitude"]), float(row["longitude"]))
    return _distance_km((place.lat, place.lon), gold) <= NEAR_KM


def judge(row: dict[str, str]) -> dict[str, bool]:
    "The figures of one row (see the module docstring)."
    iso3 = country_code(row["country"])
    names = [row["location"], row["admin2"] or row["admin1"], row["admin1"] or row["country"]]
    location, admin2, admin1 = gazetteer().resolve_all(names, frozenset({iso3} - {None}))
    fallback = next((p for p in (location, admin2, admin1) if p is not None), None)
    return {
        "location_50km": near(location, row),
        "location_missing": location is None,
        "fallback_50km": near(fallback, row),
        "admin1_in_country": bool(row["admin1"]) and admin1 is not None and admin1.country == iso3,
        "admin2_in_country": bool(row["admin2"]) and admin2 is not None and admin2.country == iso3,
    }


def shares(judged: Iterable[dict[str, bool]]) -> dict[str, float | int]:
    rows = list(judged)
    out: dict[str, float | int] = {"rows": len(rows)}
    for key in rows[0] if rows else ():
        out[key] = round(100 * sum(r[key] for r in rows) / len(rows), 1)
    return out


def main(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["location"] and r["latitude"] and r["longitude"]]
    judged = [judge(r) for r in rows]
    result = {
        "file": path.name,
        "all": shares(judged),
        "even_rows": shares(judged[0::2]),
        "odd_rows": shares(judged[1::2]),
        "precision_1": shares(
            j for j, r in zip(judged, rows, strict=True) if r["geo_precision"].startswith("1")
        ),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
