"""Plain-text dumps: decode bytes, read an optional `date YYYY-MM-DD` header line."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator

from charset_normalizer import from_bytes

from ..config import Settings
from ..errors import IngestError, UnsupportedInput
from ..schema import Document

DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
# Share of control characters (other than whitespace) above which bytes are called binary.
BINARY_CONTROL_SHARE = 0.05
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # control characters but \t \n \f \r
# The legacy encodings news text arrives in when it is not UTF-8; latin-1 decodes anything.
LEGACY_ENCODINGS = ("cp1251", "cp1252", "latin_1")


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as UTF-8 (BOM or not), else the `declared` charset, else a guessed legacy one.

    Raises:
        UnsupportedInput: empty or binary data.
    """
    if not data.strip():
        raise UnsupportedInput(source, "empty input")
    if b"\x00" in data[:8192]:
        raise UnsupportedInput(source, "binary data, not text")
    text = None
    for encoding in ("utf-8-sig", declared):
        try:
            text = data.decode(encoding) if encoding else None
        except (LookupError, UnicodeDecodeError):
            continue
        if text is not None:
            break
    if text is None:
        text = data.decode(guess_legacy(data), errors="replace")
    sample = text[:8192]
    if len(CONTROL.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
        raise UnsupportedInput(source, "binary data, not text")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def guess_legacy(data: bytes) -> str:
    "The most likely legacy encoding of bytes that are not UTF-8 (charset-normalizer's pick)."
    best = from_bytes(data[:65536], cp_isolation=list(LEGACY_ENCODINGS)).best()
    return best.encoding if best else LEGACY_ENCODINGS[-1]


def content_id(text: str) -> str:
    """A stable id from normalised content: the same article read twice gets the same id."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def document_from_text(text: str, source: str, url: str | None = None) -> Document:
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
    return Document(doc_id=content_id(text), source=source, content=text, date=date, url=url)


def read_text(data: bytes, source: str, settings: Settings, url: str | None = None) -> Iterator[Document]:
    """The reader for plain text: one document."""
    yield document_from_text(decode(data, source), source, url)
