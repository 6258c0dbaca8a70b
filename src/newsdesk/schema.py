"""The records that flow between the stages: the one contract of newsdesk.

Every stage takes and returns these frozen dataclasses and nothing else, so a stage can be
replaced (a new cleaner, an LLM coder) without touching its neighbours. The JSON shape of an
event line (`Event.to_dict`) is the output contract of ARCHITECTURE.md and is pinned by
`data/event.schema.json`; `docs/schema.md` documents every field.

    ingest ──Document──► clean ──CleanDocument(Story…)──► nlp+resolve+events ──Event──► store/use
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
"""Character offsets `[start, end)` into a story's cleaned text."""

Precision = Literal["day", "week", "month", "year", "decade"]
Status = Literal[
    "asserted", "reported", "claimed", "alleged", "denied", "expected", "planned", "hypothetical"
]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
PRECISIONS: tuple[str, ...] = Precision.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Document:
    """One input as read, before cleaning: a text dump, an HTML page, a feed entry.

    `format` says how `content` is to be cleaned ("text" or "html"). Metadata known from the
    container (a JSONL field, a `date` header line, a feed entry) is filled in here; the cleaner
    may add what it finds in the content itself.
    """

    doc_id: str
    source: str
    content: str
    format: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of boilerplate the cleaner took out, and why (never silently dropped)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Story:
    """One news story of a document: the unit that is parsed and coded.

    A digest page holds several; the main story comes first (`index` 0). `text` is the cleaned
    text and every event span points into it.
    """

    doc_id: str
    index: int
    title: str | None
    text: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A document after cleaning: its metadata, its stories and the boilerplate removed."""

    doc_id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    author: str | None
    date: dt.date | None
    language: str | None
    stories: tuple[Story, ...]
    removed: tuple[Removed, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The `newsdesk clean --format json` shape."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "language": self.language,
            "stories": [{"title": s.title, "text": s.text} for s in self.stories],
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon: a country, an organisation, a person or a sector of one.

    `country` is ISO 3166-1 alpha-3 (or None for organisations without one); `sector` is a
    role code such as GOV, MIL, REB, CVL, IGO, MED. `members` lists the actors of a group
    ("Russia and Iran", "48 countries and the EU") where they are named.
    """

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    kind: Literal["country", "person", "organisation", "sector", "group"] = "country"
    members: tuple[Actor, ...] = ()
    code: str | None = None  # an organisation's own code (UNO, EUR, NAT) beside sector IGO

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place from the offline gazetteer, and the reason it was chosen."""

    text: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: Literal["city", "admin1", "region", "country", "other"]
    geonameid: int | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A resolved calendar time: `start` .. `end` (inclusive) at a precision.

    `end` is None for a single day/month/year; a range ("Jan. 15-19") or a week has both.
    `text` and `span` locate the expression it was read from (None when inferred).
    """

    start: dt.date
    precision: Precision
    end: dt.date | None = None
    text: str | None = None
    span: Span | None = None

    def label(self) -> str:
        """The date as the output contract writes it: as precise as it is known."""
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision in ("year", "decade"):
            return f"{self.start.year:04d}"
        return self.start.isoformat()

    def end_label(self) -> str | None:
        if self.end is None:
            return None
        if self.precision == "month":
            return f"{self.end.year:04d}-{self.end.month:02d}"
        if self.precision in ("year", "decade"):
            return f"{self.end.year:04d}"
        return self.end.isoformat()


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention: who did what to whom, when, where, with what result, per whom.

    Each event comes from exactly one sentence of one story (`sentence`, `span`); the store
    later merges mentions of the same real-world event into records.
    """

    id: str
    doc_id: str
    story: int
    type: str
    sentence: str
    span: Span
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: TimeSpan | None = None
    date_inferred: bool = False
    place: Place | None = None
    place_inferred: bool = False
    fatalities: int | None = None
    injuries: int | None = None
    weapon: str | None = None
    status: Status = "asserted"
    negated: bool = False
    claimant: Actor | None = None
    trigger: str | None = None
    confidence: float = 0.5
    coder: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The output contract: one `newsdesk extract --format jsonl` line."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "story": self.story,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.label() if self.date else None,
            "date_end": self.date.end_label() if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "date_inferred": self.date_inferred,
            "place": self.place.to_dict() if self.place else None,
            "place_inferred": self.place_inferred,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "weapon": self.weapon,
            "status": self.status,
            "negated": self.negated,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "span": list(self.span),
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or stage that failed: recorded with a reason, never fatal to the run."""

    input: str
    stage: str
    reason: str
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "stage": self.stage, "reason": self.reason, "doc_id": self.doc_id}

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the pipeline made of one input: its clean form and events, or its failure."""

    source: str
    document: CleanDocument | None = None
    events: tuple[Event, ...] = ()
    failure: Failure | None = None
    skipped: str | None = field(default=None)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One real-world event as the store knows it: the best attributes of its mentions (event
    lines of several documents merged by deduplication) and how many sources report it."""

    record_id: str
    type: str
    quad: int | None
    source_name: str | None
    source_country: str | None
    target_name: str | None
    target_country: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_last: dt.date | None
    date_precision: str | None
    place_name: str | None
    place_country: str | None
    place_kind: str | None
    lat: float | None
    lon: float | None
    fatalities_min: int | None
    fatalities_max: int | None
    injuries_min: int | None
    injuries_max: int | None
    status: str | None
    mentions: int
    sources: int
    outlets: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    sentence: str | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}
