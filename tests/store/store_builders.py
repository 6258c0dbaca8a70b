"""Hand-made documents and events for the store tests (the coder's output, built by hand)."""

from __future__ import annotations

import datetime as dt

from newsdesk.schema import Actor, CleanDocument, DocumentResult, Event, Place, Story, TimeSpan

DAY = dt.date(2024, 3, 5)
KHARKIV = Place("Kharkiv", "Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, "city")
ODESA = Place("Odesa", "Odesa", "UKR", "Odesa Oblast", 46.48, 30.73, "city")


def actor(country: str, name: str | None = None) -> Actor:
    return Actor(name or country, name or country, country, "GOV")


def event(event_id: str, doc_id: str, sentence: str, *, type: str = "ASSAULT", source: str = "RUS",
          target: str = "UKR", day: dt.date = DAY, precision: str = "day", inferred: bool = False,
          place: Place | None = KHARKIV, fatalities: int | None = None, coder: str = "test-coder-1") -> Event:
    """An event mention as the coder would make it."""
    return Event(id=event_id, doc_id=doc_id, story=0, type=type, sentence=sentence, span=(0, len(sentence)),
                 source=actor(source), target=actor(target), date=TimeSpan(day, precision),  # type: ignore[arg-type]
                 date_inferred=inferred, place=place, fatalities=fatalities, coder=coder, cameo="19")


def result(doc_id: str, *events: Event, outlet: str | None = None, published: dt.date = DAY,
           skipped: str | None = None) -> DocumentResult:
    """A pipeline result for one document holding `events`."""
    text = " ".join(e.sentence for e in events) or "No events here."
    doc = CleanDocument(doc_id, f"{doc_id}.txt", f"https://{outlet or 'example'}.test/{doc_id}", outlet,
                        "A title", None, published, "en", (Story(doc_id, 0, "A title", text),))
    return DocumentResult(doc.source, document=doc, events=events, skipped=skipped)
