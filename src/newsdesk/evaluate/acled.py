"""Score the event coder on ACLED rows: code each row's `notes` with its `event_date` as publication date.

`../shared/gold/acled/acled_events.dev.csv` (never copied into the repository) has one event a row.
The coder's main event of a row is its first (ties: most confident). ACLED's types are mapped to
PLOVER by `data/acled_plover.yaml`; rows whose type maps to nothing are left out of type accuracy.
Figures: type accuracy, fatalities exact (no figure counts as 0, as ACLED writes it), date exact
(also for dates read from the text only), place within 50 km, and source country against the
country the actor resolver gives ACLED's `actor1` ("Military Forces of Russia (2000-)" → RUS).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..lexicon import load_yaml
from ..resolve import actor_resolver
from ..resolve.places import _distance_km
from ..schema import Event
from .plover import NO_EVENT, code_texts

PLACE_KM = 50.0


def acled_mapping() -> tuple[dict[str, str | None], dict[str, str | None]]:
    "(event type → PLOVER, sub-event type → PLOVER) from the packaged mapping."
    (_, doc), *_ = load_yaml("acled_plover.yaml")
    return dict(doc.get("event_types") or {}), dict(doc.get("sub_event_types") or {})


def plover_type(row: dict[str, str], mapping: tuple[dict[str, str | None], dict[str, str | None]]) -> str | None:
    "The PLOVER type an ACLED row maps to (None: no PLOVER event of its own)."
    types, subtypes = mapping
    if row.get("sub_event_type") in subtypes:
        return subtypes[row["sub_event_type"]]
    return types.get(row.get("event_type", ""))


def main_event(events: list[Event]) -> Event | None:
    "The first event of the notes (ACLED notes open with the event): first sentence, first trigger."
    return min(events, key=lambda e: (e.span[0], e.sentence.find(e.trigger or ""), -e.confidence)) if events else None


def _rate(hits: list[bool]) -> float | None:
    return round(sum(hits) / len(hits), 3) if hits else None


def _fatalities(row: dict[str, str]) -> int:
    try:
        return int(float(row.get("fatalities") or 0))
    except ValueError:
        return 0


SPLITS = ("all", "even", "odd")  # rows by position: tune on even rows, report odd ones too


def read_rows(path: str | Path, limit: int | None = None, split: str = "all") -> list[dict[str, str]]:
    "ACLED rows that have notes: all, or only the even (0, 2, …) or odd positions, then the first `limit`."
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: expected one of {', '.join(SPLITS)}")
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes")]
    if split != "all":
        rows = rows[SPLITS.index(split) - 1::2]
    return rows[:limit]


def score_acled(path: str | Path, nlp: Language, limit: int | None = None, split: str = "all") -> dict[str, object]:
    """Type, fatalities, date, place and actor-country agreement of the coder with ACLED rows."""
    rows = read_rows(path, limit, split)
    items = [(r["notes"], dt.date.fromisoformat(r["event_date"])) for r in rows]
    coded = (events for _, events in code_texts(nlp, items))
    return {"file": str(path), "split": split, **score_coded(rows, coded)}


def score_coded(rows: list[dict[str, str]], coded: Iterable[list[Event]]) -> dict[str, Any]:
    "The figures of `score_acled` for rows and the events coded from each row's notes."
    mapping = acled_mapping()
    actors = actor_resolver()
    hits: dict[str, list[bool]] = {k: [] for k in ("type", "fatalities", "date", "date_read", "place", "actor")}
    confusions: Counter[str] = Counter()
    for row, events in zip(rows, coded):
        day = dt.date.fromisoformat(row["event_date"])
        event = main_event(events)
        expected = plover_type(row, mapping)
        if expected is not None:
            got = event.type if event else NO_EVENT
            hits["type"].append(got == expected)
            if got != expected:
                confusions[f"{expected}->{got}"] += 1
        dead = max((e.fatalities or 0 for e in events), default=0)
        hits["fatalities"].append(dead == _fatalities(row))
        hits["date"].append(bool(event and event.date and event.date.start == day))
        if event and event.date and not event.date_inferred:
            hits["date_read"].append(event.date.start == day)
        place = event.place if event and event.place else next((e.place for e in events if e.place), None)
        if row.get("latitude") and row.get("longitude"):
            gold = (float(row["latitude"]), float(row["longitude"]))
            hits["place"].append(bool(place and place.lat is not None and place.lon is not None
                                      and _distance_km((place.lat, place.lon), gold) <= PLACE_KM))
        actor = actors.resolve(row.get("actor1", ""))
        if actor is not None and actor.country:
            hits["actor"].append(bool(event and event.source and event.source.country == actor.country))
    return _summary(rows, hits, confusions)


def _summary(rows: list[dict[str, str]], hits: dict[str, list[bool]], confusions: Counter[str]) -> dict[str, Any]:
    return {
        "rows": len(rows),
        "type_accuracy": _rate(hits["type"]),
        "fatalities_exact": _rate(hits["fatalities"]),
        "date_exact": _rate(hits["date"]),
        "date_exact_read_from_text": _rate(hits["date_read"]),
        "place_within_50km": _rate(hits["place"]),
        "actor_country": _rate(hits["actor"]),
        "counted": {k: len(v) for k, v in hits.items()},
        "goals": {"type": 0.90, "fatalities": 0.90, "date": 0.95, "place": 0.85},
        "type_confusions": [f"{k}: {v}" for k, v in confusions.most_common(8)],
    }
