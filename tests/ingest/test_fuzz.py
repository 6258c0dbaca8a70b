"""No input crashes newsdesk: random bytes to every reader, random markup and text to the cleaner.

A reader may refuse input only with an `IngestError` (which `read_inputs` records as a Failure);
the cleaner must always return a `CleanDocument`.
"""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import clean
from newsdesk.config import Settings
from newsdesk.errors import IngestError
from newsdesk.ingest.reader import READERS, documents_from_bytes
from newsdesk.schema import CleanDocument, Document, Failure

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PREFIXES = [b"", b"WARC/1.0\r\n", b"<?xml version='1.0'?><rss><channel><item>", b"<feed>", b"{", b"<html><body>",
            b"date 2024-01-01\n", b"\xef\xbb\xbf"]
TAGS = ["p", "div", "article", "h1", "nav", "script", "style", "table", "td", "li", "a", "br", "meta", "title",
        "body", "html", "head", "!--", "![CDATA[", "?xml"]

markup = st.lists(
    st.one_of(
        st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
        st.text(max_size=80),
        st.sampled_from(["&amp;", "&#0;", "&#xD800;", "\x00", "<meta charset='x-unknown'>", "<p class=\"", "…"]),
    ),
    max_size=60,
).map("".join)


def _read_all(data: bytes, name: str) -> list[Document | Failure]:
    try:
        return list(documents_from_bytes(data, name, Settings(max_bytes=200_000)))
    except IngestError:
        return []


@FAST
@given(prefix=st.sampled_from(PREFIXES), tail=st.binary(max_size=1500), gz=st.booleans())
def test_random_bytes_never_crash_the_readers(prefix, tail, gz):
    data = prefix + tail
    items = _read_all(gzip.compress(data)[: len(data) // 2 + 20] if gz else data, "fuzz.bin")
    assert all(isinstance(i, (Document, Failure)) for i in items)
    for reader in READERS.values():
        try:
            assert all(isinstance(i, (Document, Failure)) for i in reader(data, "fuzz", Settings(), None))
        except IngestError:
            pass


@FAST
@given(html=markup)
def test_random_html_never_crashes_the_cleaner(html):
    for doc in _read_all(html.encode("utf-8", "surrogatepass"), "fuzz.html"):
        if isinstance(doc, Document):
            assert isinstance(clean(doc), CleanDocument)
    assert isinstance(clean(Document("f", "fuzz", html, format="html")), CleanDocument)


@FAST
@given(text=st.text(max_size=600))
def test_random_text_never_crashes_the_cleaner(text):
    assert isinstance(clean(Document("f", "fuzz", text)), CleanDocument)
