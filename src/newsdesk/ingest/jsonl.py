"""JSON lines: one article per line, as scrapers and corpora (CC-NEWS exports, news-please) write them.

The field names come from settings (`text_field`, `date_field`, `url_field`, `title_field`); when a
record lacks the named field, the usual alternatives are tried. A bad line is a `Failure` naming
the file and line; the other lines are read.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..config import Settings
from ..schema import Document, Failure
from .dates import language_code, parse_date
from .sniff import sniff
from .text import content_id, decode

ALTERNATIVES = {
    "text": ("text", "content", "body", "articleBody", "maintext", "article", "html"),
    "date": ("date", "published", "date_publish", "publish_date", "datePublished", "pubDate", "timestamp"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "source_domain", "sitename", "source"),
    "language": ("language", "lang"),
}


def _field(record: dict[str, Any], preferred: str | None, kind: str) -> Any:
    "The value of the preferred field, else of the first usual alternative the record has."
    for name in (preferred, *ALTERNATIVES[kind]):
        value = record.get(name) if name else None
        if value not in (None, "", []):
            return value
    return None


def _string(value: Any) -> str | None:
    "A string value as is, a list of strings joined; None for anything else."
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    return value.strip() or None if isinstance(value, str) else None


def _document(record: dict[str, Any], source: str, settings: Settings) -> Document | Failure:
    "One record as a document, or a failure saying which field is missing."
    body = _field(record, settings.text_field, "text")
    if not isinstance(body, str) or not body.strip():
        return Failure(source, "ingest", f"no text in field {settings.text_field!r} (nor its alternatives)")
    body = unicodedata.normalize("NFC", body)
    is_html = sniff(body[:4096].encode("utf-8"), ".html") == "html"
    return Document(
        doc_id=content_id(body),
        source=source,
        content=body,
        format="html" if is_html else "text",
        url=_string(_field(record, settings.url_field, "url")),
        title=_string(_field(record, settings.title_field, "title")),
        author=_string(_field(record, None, "author")),
        date=parse_date(_field(record, settings.date_field, "date")),
        outlet=_string(_field(record, None, "outlet")),
        language=language_code(_field(record, None, "language")),
    )


def read_jsonl(data: bytes, source: str, settings: Settings, url: str | None = None) -> Iterator[Document | Failure]:
    """The reader for JSON lines: a document (or a failure) per non-blank line."""
    for number, line in enumerate(decode(data, source).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(where, "ingest", f"not valid JSON ({err.msg})")
            continue
        if not isinstance(record, dict):
            yield Failure(where, "ingest", "a JSON line must be an object")
            continue
        yield _document(record, where, settings)
