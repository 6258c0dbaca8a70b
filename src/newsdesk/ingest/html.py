"""HTML pages: decode by UTF-8 or the page's declared charset and hand the markup to the cleaner.

The main text is extracted in `clean` (trafilatura), so a `Document` of format "html" carries the
whole page; this reader only gets the characters right. Feed entries need the text of a small
HTML fragment, which `fragment_text` gives without any page heuristics.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from ..config import Settings
from ..schema import Document
from .text import decode

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag near its top, if any."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def read_html(data: bytes, source: str, settings: Settings, url: str | None = None) -> Iterator[Document]:
    """The reader for an HTML page: one document of format "html"."""
    html = decode(data, source, declared_charset(data))
    yield Document(doc_id=markup_id(html), source=source, content=html, format="html", url=url)


def markup_id(html: str) -> str:
    """The id of a page: a hash of its decoded markup (NFC, newlines normalised), so a page read
    twice (a file and a WARC record of it) is processed once. Cheaper than `content_id`, whose
    Unicode folding costs more than extraction itself on large pages."""
    return hashlib.sha1(html.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed summary), one paragraph a line; '' when it holds none."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
