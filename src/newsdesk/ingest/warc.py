"""WARC and WARC.gz archives (warcio): every HTML `response` record with status 200 is a page.

This is how CC-NEWS ships news, about 1 GB a file, so a WARC file is streamed from disk record by
record (`read_warc_stream`) and `max_bytes` limits each page, not the archive. Each page is read by
the HTML reader with the record's target URI as its URL. A cut or damaged archive yields the
records before the damage, then a `Failure`.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

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
    """The reader for a WARC archive in memory (stdin, a URL, a decompressed buffer)."""
    yield from read_warc_stream(io.BytesIO(data), source, settings)


def read_warc_stream(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Document | Failure]:
    """A document (or a failure) per HTML response record of a WARC stream, gzipped or not."""
    pages = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if not _is_html_page(record):
                continue
            pages += 1
            target = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{target or pages}"
            body = record.content_stream().read(settings.max_bytes + 1)
            if len(body) > settings.max_bytes:
                yield Failure(where, "ingest", f"larger than the {settings.max_bytes:,}-byte limit (max_bytes)")
                continue
            if getattr(record.raw_stream, "limit", 0):  # the archive ended inside this record
                yield Failure(source, "ingest", f"truncated WARC: it ends inside record {pages} ({target})")
                return
            try:
                yield from read_html(body, where, settings, url=target)
            except IngestError as err:
                yield Failure(where, "ingest", err.reason)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
        yield Failure(source, "ingest", f"truncated or malformed WARC after {pages} pages ({err})")
        return
    if not pages:
        yield Failure(source, "ingest", "WARC holds no HTML response records")
