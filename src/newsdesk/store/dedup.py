"""Cross-source deduplication: does a new event mention join a record already stored?

Two mentions describe the same real-world event when all of these hold: the same PLOVER type;
compatible actors (the same countries where both are known, sectors ignored; source and target may
swap for symmetric types such as CONSULT); dates that overlap once each is widened to what its
precision allows (a publication date stands for a few days before it); places no further apart than
their kind allows (a place taken from the sentence or story, not the event's clause, agrees with
any); and similar wording (shared content words). Clustering is incremental: a new
mention joins the record of its most similar match, provided it is compatible (type, actors, dates,
places) with every mention of that record already loaded, so records do not drift by chaining. When
it matches mentions of several records that are compatible with each other, it bridges them: they
merge into the oldest. Each merge keeps its evidence so `newsdesk explain` can show why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import load_yaml

WORD = re.compile(r"[a-z]{3,}")
WEEK_BUCKETS_MAX = 8
EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Rules:
    """The thresholds of `data/store.yaml`."""

    symmetric: frozenset[str]
    place_km: dict[str, float]
    inferred_lag: int
    slack: int
    min_similarity: float
    min_shared_words: int


@cache
def load_rules() -> Rules:
    """The packaged dedup thresholds, read once."""
    data: dict[str, Any] = load_yaml("store.yaml")[0][1]
    return Rules(frozenset(data["symmetric_types"]), {k: float(v) for k, v in data["place_km"].items()},
                 int(data["inferred_lag_days"]), int(data["date_slack_days"]), float(data["min_similarity"]),
                 int(data["min_shared_words"]))


def content_words(sentence: str) -> frozenset[str]:
    "The lower-cased words of a sentence that carry meaning (no stop words, three letters or more)."
    return frozenset(w for w in WORD.findall(sentence.lower()) if w not in STOP_WORDS)


@dataclass(frozen=True, slots=True)
class Mention:
    """What clustering needs of one stored or new event (a row of `events`)."""

    id: str
    doc_id: str
    type: str
    source_country: str | None
    target_country: str | None
    first: dt.date | None
    last: dt.date | None
    lat: float | None
    lon: float | None
    place_kind: str | None
    place_country: str | None
    place_inferred: bool
    words: frozenset[str]
    record_id: str | None = None
    seq: int | None = None
    record_seq: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], rules: Rules) -> Mention:
        "A mention from an `events` row; an inferred date may mean a few days before it."
        first = row["date_start"]
        if first is not None and row["date_inferred"]:
            first -= dt.timedelta(days=rules.inferred_lag)
        return cls(row["id"], row["doc_id"], row["type"], row["source_country"], row["target_country"],
                   first, row["date_last"], row["lat"], row["lon"], row["place_kind"], row["place_country"],
                   bool(row.get("place_inferred")), content_words(row["sentence"]), row.get("record_id"), row.get("seq"), row.get("record_seq"))


@dataclass(frozen=True, slots=True)
class Match:
    """The record a mention joins (or founds), with the score and evidence of the merge."""

    record_id: str
    record_seq: int | None
    score: float | None
    reason: dict[str, Any] | None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    "Great-circle distance in km (haversine)."
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _actors(new: Mention, old: Mention, rules: Rules) -> str | None:
    "Why the actors agree, or None when they do not (an unknown country agrees with any)."
    def same(a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b

    arrow = f"{new.source_country or '?'}→{new.target_country or '?'} ~ {old.source_country or '?'}→{old.target_country or '?'}"
    if same(new.source_country, old.source_country) and same(new.target_country, old.target_country):
        return arrow
    if new.type in rules.symmetric and same(new.source_country, old.target_country) \
            and same(new.target_country, old.source_country):
        return arrow + " (swapped; symmetric type)"
    return None


def _dates(new: Mention, old: Mention, rules: Rules) -> str | None:
    "Why the dates overlap, or None when they cannot be the same day."
    if new.first is None or old.first is None or new.last is None or old.last is None:
        return None
    slack = dt.timedelta(days=rules.slack)
    if new.first - slack <= old.last and old.first - slack <= new.last:
        return f"{new.first}..{new.last} overlaps {old.first}..{old.last}"
    return None


def _places(new: Mention, old: Mention, rules: Rules) -> str | None:
    "Why the places agree, or None when they are too far apart for their kinds."
    if new.lat is None or old.lat is None or new.lon is None or old.lon is None:
        return "a place is unknown"
    if new.place_inferred or old.place_inferred:
        return "a place is only that of the sentence or story"
    km = km_between(new.lat, new.lon, old.lat, old.lon)
    if "country" in (new.place_kind, old.place_kind):
        return "same country" if new.place_country == old.place_country else None
    limit = max(rules.place_km.get(new.place_kind or "other", rules.place_km["other"]),
                rules.place_km.get(old.place_kind or "other", rules.place_km["other"]))
    return f"{km:.0f} km apart (at most {limit:.0f})" if km <= limit else None


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    "Jaccard overlap of two sets of content words."
    return len(a & b) / len(a | b) if a or b else 0.0


def agree(new: Mention, old: Mention, rules: Rules) -> dict[str, str] | None:
    """Why `new` and `old` may be the same event by type, actors, dates and place; None if they cannot."""
    if new.type != old.type:
        return None
    actors, dates, places = _actors(new, old, rules), _dates(new, old, rules), _places(new, old, rules)
    if actors is None or dates is None or places is None:
        return None
    return {"type": new.type, "actors": actors, "dates": dates, "place": places}


def compare(new: Mention, old: Mention, rules: Rules) -> dict[str, Any] | None:
    """The evidence that `new` and `old` are the same event, or None when they are not."""
    shared = new.words & old.words
    score = similarity(new.words, old.words)
    if score < rules.min_similarity or len(shared) < rules.min_shared_words:
        return None
    facts = agree(new, old, rules)
    if facts is None:
        return None
    return {"joined": old.id, "similarity": round(score, 3), **facts, "shared_words": sorted(shared)[:12]}


class Clusterer:
    """Assign mentions to records incrementally, against the candidates it has been given.

    Candidates are indexed by type and week, so a new mention is compared only with mentions whose
    dates can overlap its own; mentions spanning many weeks (a month, a year) are always compared.
    A record is known by the mentions loaded into the clusterer; `merged` maps each record that a
    bridging mention merged into another to the record it now belongs to.
    """

    def __init__(self, candidates: Iterable[Mention], rules: Rules | None = None) -> None:
        self.rules = rules or load_rules()
        self._weeks: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        self._wide: dict[str, list[Mention]] = defaultdict(list)
        self._members: dict[str, list[Mention]] = defaultdict(list)
        self._seq: dict[str, int | None] = {}
        self.merged: dict[str, str] = {}
        self._merged_by: dict[str, str] = {}
        for mention in candidates:
            self._add(mention)

    def _buckets(self, mention: Mention) -> range | None:
        "The week numbers a mention's dates can touch; None when it spans too many."
        assert mention.first is not None and mention.last is not None
        slack = self.rules.slack
        weeks = range((mention.first.toordinal() - slack) // 7, (mention.last.toordinal() + slack) // 7 + 1)
        return weeks if len(weeks) <= WEEK_BUCKETS_MAX else None

    def _add(self, mention: Mention) -> None:
        assert mention.record_id is not None
        self._members[mention.record_id].append(mention)
        self._seq.setdefault(mention.record_id, mention.record_seq)
        if mention.first is None:
            return
        weeks = self._buckets(mention)
        if weeks is None:
            self._wide[mention.type].append(mention)
            return
        for week in weeks:
            self._weeks[(mention.type, week)].append(mention)

    def _candidates(self, mention: Mention) -> Iterable[Mention]:
        if mention.first is None:
            return ()
        weeks = self._buckets(mention)
        if weeks is None:
            found = [m for (kind, _), ms in self._weeks.items() if kind == mention.type for m in ms]
        else:
            found = [m for week in weeks for m in self._weeks.get((mention.type, week), ())]
        return {m.id: m for m in found + self._wide.get(mention.type, [])}.values()

    def record_of(self, record_id: str) -> str:
        "The record `record_id` belongs to now (itself unless a bridge merged it into another)."
        while record_id in self.merged:
            record_id = self.merged[record_id]
        return record_id

    def record_seq(self, record_id: str) -> int | None:
        "The `seq` of the mention that founded the record (its integer key)."
        return self._seq.get(self.record_of(record_id))

    def founder_seq(self, record_id: str) -> int | None:
        "The integer key a record had when it was founded, merged or not."
        return self._seq.get(record_id)

    def merge_note(self, record_id: str) -> dict[str, str]:
        "The merge reason of the founder of a record that was merged into another."
        return {"founded": record_id, "merged_by": self._merged_by[record_id]}

    def _fits(self, mentions: Iterable[Mention], record_id: str) -> bool:
        "Whether every mention agrees with every loaded mention of the record (type, actors, dates, place)."
        members = self._members[record_id]
        return all(agree(m, old, self.rules) is not None for m in mentions for old in members)

    def assign(self, mention: Mention) -> Match:
        """The record `mention` joins (its best fitting match), bridges or founds; it becomes a candidate."""
        best: dict[str, dict[str, Any]] = {}
        for old in self._candidates(mention):
            if old.id == mention.id or old.record_id is None:
                continue
            evidence = compare(mention, old, self.rules)
            record = self.record_of(old.record_id)
            if evidence and (record not in best or evidence["similarity"] > best[record]["similarity"]):
                best[record] = evidence
        fitting = sorted((r for r in best if self._fits([mention], r)), key=lambda r: -best[r]["similarity"])
        if not fitting:
            record = f"r{mention.id}"
            self._seq[record] = mention.seq
            self._add(dataclasses.replace(mention, record_id=record, record_seq=mention.seq))
            return Match(record, mention.seq, None, None)
        group = [fitting[0]]
        for other in fitting[1:]:
            if all(self._fits(self._members[other], r) for r in group):
                group.append(other)
        survivor = min(group, key=lambda r: (self._seq.get(r) is None, self._seq.get(r) or 0, r))
        for other in group:
            if other != survivor:
                self.merged[other] = survivor
                self._merged_by[other] = mention.id
                self._members[survivor].extend(self._members.pop(other))
        reason = dict(best[fitting[0]])
        if len(group) > 1:
            reason["bridged"] = {r: best[r]["joined"] for r in group if r != survivor}
        self._add(dataclasses.replace(mention, record_id=survivor, record_seq=self._seq.get(survivor)))
        return Match(survivor, self._seq.get(survivor), reason["similarity"], reason)
