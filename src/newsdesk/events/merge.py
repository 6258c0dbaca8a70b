"""Drafts of events and how they are merged: one event per happening, with a meaningful confidence.

A sentence often names one happening several times ("used missiles to strike Ukraine as part of
an attack that killed five"): drafts whose triggers sit on one branch of the parse, agree on
their actors and on their date are merged into one. Across a story, mentions with the same
(type, source, target, date) are merged too, keeping the best and filling its gaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Token

from ..resolve.places import lies_in
from ..schema import Actor, Event, Place
from .ontology import Trigger
from .roles import clause_chain

# Confidence = BASE + the evidence found (weights sum to 1.0), less GUESS_PENALTY per guessed role.
# Each weight is one thing a human coder checks; see docs/events.md.
BASE = 0.3
EVIDENCE = {"source": 0.2, "target": 0.2, "strong_trigger": 0.1, "date": 0.1, "place": 0.1}
GUESS_PENALTY = 0.15


@dataclass(slots=True)
class Draft:
    """An event being built; frozen into an `Event` at the end."""

    trigger: Token
    rule: Trigger
    source: Actor | None
    target: Actor | None
    fields: dict[str, Any] = field(default_factory=dict)
    guessed: int = 0  # roles filled by a pronoun's antecedent or by the place, not by the parse

    def score(self) -> float:
        "How much of what makes an event certain was found in the text (0..1)."
        found = {
            "source": self.source is not None,
            "target": self.target is not None,
            "strong_trigger": not self.rule.weak,
            "date": self.fields.get("date") is not None and not self.fields.get("date_inferred"),
            "place": self.fields.get("place") is not None,
        }
        score = BASE + sum(w for key, w in EVIDENCE.items() if found[key]) - GUESS_PENALTY * self.guessed
        return round(min(1.0, max(0.05, score)), 3)


def _vague(actor: Actor | None) -> bool:
    "An actor that names no country or organisation ('five people', 'civilians')."
    return actor is None or (actor.country is None and actor.kind == "sector")


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return _vague(a) or _vague(b) or a.name == b.name or (a.country is not None and a.country == b.country)


def _better(a: Actor | None, b: Actor | None) -> Actor | None:
    "The more specific of two compatible actors."
    return b if _vague(a) and not _vague(b) else a or b


def _same_time(a: Draft, b: Draft) -> bool:
    da, db = a.fields.get("date"), b.fields.get("date")
    return da is None or db is None or da.label() == db.label()


BREADTH = {"city": 0, "other": 1, "admin1": 2, "region": 2, "country": 3}  # admin2 areas are "other"


def narrower(place: Place | None, other: Place | None) -> bool:
    "Whether a place found for one happening lies inside a wider one found for it (a town in its country)."
    return (place is not None and other is not None and BREADTH.get(place.kind, 1) < BREADTH.get(other.kind, 1)
            and lies_in(place, other))


def merge_chains(drafts: list[Draft]) -> list[Draft]:
    "Same-type drafts on one branch of the parse, with compatible actors and dates, are one happening."
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.trigger.i):
        ancestors = {t.i for t in clause_chain(draft.trigger)}
        partner = next((k for k in kept if k.rule.type == draft.rule.type
                        and (k.trigger.i in ancestors or draft.trigger.i in {t.i for t in clause_chain(k.trigger)})
                        and _compatible(k.source, draft.source) and _compatible(k.target, draft.target)
                        and _same_time(k, draft)), None)
        if partner is None:
            kept.append(draft)
            continue
        partner.source = _better(partner.source, draft.source)
        partner.target = _better(partner.target, draft.target)
        partner.guessed = min(partner.guessed, draft.guessed)
        if narrower(draft.fields.get("place"), partner.fields.get("place")):
            partner.fields["place"] = None  # 'protests in Iran … protested in Rasht': Rasht
        if partner.fields.get("place") is None and draft.fields.get("place") is not None:
            partner.fields["place_inferred"] = draft.fields.get("place_inferred", False)  # goes with its place
        for key, value in draft.fields.items():
            if key != "place_inferred" and partner.fields.get(key) in (None, False) and value not in (None, False):
                partner.fields[key] = value
    return kept


def merge_story(events: list[Event]) -> list[Event]:
    "One event per (type, source, target, date) in a story: keep the best, fill its gaps."
    best: dict[tuple[Any, ...], Event] = {}
    for event in events:
        key = (event.type, event.source and event.source.name, event.target and event.target.name,
               event.date and event.date.label())
        other = best.get(key)
        if other is None:
            best[key] = event
            continue
        keep, drop = (other, event) if other.confidence >= event.confidence else (event, other)
        placed = drop if drop.place is not None and (keep.place is None or narrower(drop.place, keep.place)) else keep
        best[key] = replace(
            keep,
            place=placed.place,
            place_inferred=placed.place_inferred,
            fatalities=keep.fatalities or drop.fatalities,
            injuries=keep.injuries or drop.injuries,
            weapon=keep.weapon or drop.weapon,
            context=tuple(sorted(set(keep.context) | set(drop.context))),
        )
    return list(best.values())
