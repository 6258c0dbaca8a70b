"""WARC and WARC.gz archives (warcio): every HTML `response` record with status 200 is a page.

This is how CC-NEWS ships news. Each page is read by the HTML reader with the record's target
URI as its URL. A cut or damaged archive yields the records before the damage, then a `Failure`.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..config import Settings
from ..errors import IngestError
from ..schema import Document, Failure
from .html import read_html


def _is_html_page(record: ArcWarcRecord) -> bool:
    "A response record of a successful HTTP fetch of an HTML page."
    if record.rec_type != "response" or record.http_headers is None:
        return False
    kind = record.http_headers.get_header("Content-Type") or ""
    return record.http_headers.get_statuscode() == "200" and "html" in kind.lower()


def read_warc(data: bytes, source: str, settings: Settings, url: str | None = None) -> Iterator[Document | Failure]:
    """The reader for a WARC archive: a document (or a failure) per HTML response record."""
    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if not _is_html_page(record):
                continue
            pages += 1
            target = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{target or pages}"
            try:
                yield from read_html(record.content_stream().read(), where, settings, url=target)
            except IngestError as err:
                yield Failure(where, "ingest", err.reason)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
        yield Failure(source, "ingest", f"truncated or malformed WARC after {pages} pages ({err})")
        return
    if not pages:
        yield Failure(source, "ingest", "WARC holds no HTML response records")
