"""RSS and Atom feeds (feedparser): each entry becomes a document.

Without `follow`, an entry's own content (or summary) is its text; with `follow`, the page it
links to is fetched (through `fetch`, with all its checks) and read as HTML. A feed that parses
to nothing is a `Failure`; so is an entry with no text or an unreachable link.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from ..config import Settings
from ..errors import IngestError
from ..schema import Document, Failure
from .dates import language_code, parse_date
from .fetch import fetch
from .html import fragment_text, read_html
from .text import content_id


def _entry_text(entry: Any) -> str:
    "The fullest text an entry carries: its content, else its summary."
    for part in entry.get("content") or ():
        if text := fragment_text(part.get("value", "")):
            return text
    return fragment_text(entry.get("summary", ""))


def _follow(link: str, where: str, settings: Settings) -> Iterator[Document | Failure]:
    "The page an entry links to, as an HTML document (or the failure to get it)."
    try:
        page = fetch(link, settings)
        yield from read_html(page.content, where, settings, url=page.url)
    except IngestError as err:
        yield Failure(where, "ingest", err.reason)


def read_feed(data: bytes, source: str, settings: Settings, url: str | None = None) -> Iterator[Document | Failure]:
    """The reader for an RSS or Atom feed: a document (or a failure) per entry."""
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Failure(source, "ingest", f"malformed feed ({problem})" if problem else "feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    language = language_code(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        where = f"{source}#{link or number}"
        if settings.follow and link:
            yield from _follow(link, where, settings)
            continue
        text = _entry_text(entry)
        if not text:
            yield Failure(where, "ingest", "feed entry has no text")
            continue
        yield Document(
            doc_id=content_id(text),
            source=where,
            content=text,
            url=link,
            title=entry.get("title") or None,
            author=entry.get("author") or None,
            date=parse_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            language=language,
        )
