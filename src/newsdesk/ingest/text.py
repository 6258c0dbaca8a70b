"""Plain-text dumps: decode bytes, read an optional `date YYYY-MM-DD` header line."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..errors import IngestError, UnsupportedInput
from ..schema import Document

DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
# Share of control characters (other than whitespace) above which bytes are called binary.
BINARY_CONTROL_SHARE = 0.05
FALLBACK_ENCODINGS = ("cp1251", "latin-1")


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (BOM or not), else a legacy encoding; refuse binary data."""
    if not data.strip():
        raise UnsupportedInput(source, "empty input")
    if b"\x00" in data[:8192]:
        raise UnsupportedInput(source, "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode(_guess_legacy(data))
    sample = text[:8192]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise UnsupportedInput(source, "binary data, not text")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _guess_legacy(data: bytes) -> str:
    "cp1251 when most high bytes fall in its Cyrillic letter range, else latin-1."
    high = [b for b in data if b >= 0x80]
    cyrillic = sum(1 for b in high if b >= 0xC0)
    return FALLBACK_ENCODINGS[0] if high and cyrillic / len(high) > 0.6 else FALLBACK_ENCODINGS[1]


def content_id(text: str) -> str:
    """A stable id from normalised content: the same article read twice gets the same id."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def document_from_text(text: str, source: str) -> Document:
    """A `Document` from decoded text, taking the publication date from a header line."""
    date = None
    match = DATE_HEADER.match(text)
    if match:
        try:
            date = dt.date.fromisoformat(match.group(1))
        except ValueError as err:
            raise IngestError(source, f"bad date header {match.group(1)!r}") from err
        text = text[match.end():]
    if not text.strip():
        raise UnsupportedInput(source, "empty input")
    return Document(doc_id=content_id(text), source=source, content=text, date=date)


def document_from_bytes(data: bytes, source: str) -> Document:
    """Read one text dump."""
    return document_from_text(decode(data, source), source)
