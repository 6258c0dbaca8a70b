"""Score the event coder on the PLOVER gold-standard records made from CAMEO's manual examples.

`../shared/gold/plover-gsr/PLOVER_GSR_CAMEO.json` (never copied into the repository) is a JSON
array whose first record is a header; each other record has `event`, `source[]`, `target[]`
(`{"actorText", "code"}`), `dead`, `injured` and `text`. Its labels are PLOVER 0.6: DEMAND,
DISAPPROVE, INVESTIGATE and FIGHT are mapped to today's REQUEST, ACCUSE, ACCUSE and ASSAULT
(`../shared/gold/README.md`). The coder codes `text`; the event whose source country is a gold
source country (else the most confident) is compared with the record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..schema import Event
from .plover import NO_EVENT, class_scores, code_texts

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _codes(actors: Any) -> set[str]:
    "Country (or IGO) codes of a record's actor list; a malformed field has none."
    return {a["code"] for a in actors or () if isinstance(a, dict) and a.get("code")} if isinstance(
        actors, list) else set()


def _count(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _choose(events: list[Event], sources: set[str]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (bool(e.source and e.source.country in sources), e.confidence))


def _rate(hits: list[bool]) -> float | None:
    return round(sum(hits) / len(hits), 3) if hits else None


def score_gsr(path: str | Path, nlp: Language, limit: int | None = None) -> dict[str, object]:
    """Type accuracy and macro-F1, source/target country accuracy, dead/injured exact match.

    Country accuracy counts records with gold codes for that role; dead/injured count records
    with a gold figure.
    """
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8"))
               if r.get("event") not in (None, "DOCUMENT") and r.get("text")][:limit]
    gold, predicted, source_hits, target_hits, dead_hits, injured_hits = [], [], [], [], [], []
    for record, (_, events) in zip(records, code_texts(nlp, ((r["text"], None) for r in records))):
        sources, targets = _codes(record.get("source")), _codes(record.get("target"))
        event = _choose(events, sources)
        gold.append(OLD_LABELS.get(record["event"], record["event"]))
        predicted.append(event.type if event else NO_EVENT)
        if sources:
            source_hits.append(bool(event and event.source and event.source.country in sources))
        if targets:
            target_hits.append(bool(event and event.target and event.target.country in targets))
        if _count(record.get("dead")) is not None:
            dead_hits.append(bool(event) and event.fatalities == _count(record["dead"]))
        if _count(record.get("injured")) is not None:
            injured_hits.append(bool(event) and event.injuries == _count(record["injured"]))
    scores = class_scores(gold, predicted)
    return {
        "file": str(path),
        "records": len(records),
        "type_accuracy": scores["accuracy"],
        "type_macro_f1": scores["macro_f1"],
        "coverage": scores["coverage"],
        "source_country_accuracy": _rate(source_hits),
        "target_country_accuracy": _rate(target_hits),
        "dead_exact": _rate(dead_hits),
        "injured_exact": _rate(injured_hits),
        "counted": {"source": len(source_hits), "target": len(target_hits), "dead": len(dead_hits),
                    "injured": len(injured_hits)},
    }
