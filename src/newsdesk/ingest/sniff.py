"""Pick the reader for an input by what its bytes look like; the file name only breaks ties.

Scrapers name files carelessly (`page.txt` holding HTML, feeds saved as `.xml` or `.php`), so the
first bytes decide: gzip magic, a `WARC/` header, a JSON object, a feed root element, markup.
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

Kind = Literal["gzip", "warc", "feed", "html", "jsonl", "text"]

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
HTML_ROOT = re.compile(rb"<html\b", re.IGNORECASE)
HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|br)\b", re.IGNORECASE)
HTML_NAMES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


def sniff(data: bytes, name: str = "") -> Kind:
    """The kind of input `data` holds (`name` is consulted only for markup without a root)."""
    if data[:2] == GZIP_MAGIC:
        return "gzip"
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        feed, html = FEED_ROOT.search(head), HTML_ROOT.search(head)
        if feed and (html is None or feed.start() < html.start()):
            return "feed"
        return "html"
    if name.lower().endswith(HTML_NAMES) and HTML_TAG.search(head):
        return "html"
    return "text"


def is_warc(head: bytes) -> bool:
    """True when the first bytes of a file are a WARC record's, gzipped or not."""
    if head[:2] == GZIP_MAGIC:
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")
