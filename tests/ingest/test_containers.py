"""Containers of many documents: JSON lines, RSS/Atom feeds and WARC archives."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.config import Settings
from newsdesk.ingest import read_inputs
from newsdesk.ingest.reader import documents_from_bytes
from newsdesk.schema import Document, Failure

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Talks resume in Doha</title><link>https://news.example.org/doha</link>
<pubDate>Tue, 09 Jan 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators met in Doha on Monday.&lt;/p&gt;&lt;p&gt;More talks are planned.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://news.example.org/empty</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Strike reported near Kherson</title><link href="https://atom.example.org/kherson"/>
<updated>2024-02-01T10:00:00Z</updated><author><name>Jane Roe</name></author>
<content type="html">&lt;p&gt;Shelling hit Kherson overnight, the governor said.&lt;/p&gt;</content></entry>
</feed>"""


def read(path: Path, settings: Settings | None = None) -> list[Document | Failure]:
    return list(read_inputs([str(path)], settings or Settings()))


def test_jsonl_fields_alternatives_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "Rebels seized the town.", "date": "2024-01-10T08:00:00Z", "url": "https://x.org/1",
                    "title": "Town seized", "language": "en-GB"}),
        "{not json",
        json.dumps({"content": "Ministers met in Rome.", "published": "Wed, 10 Jan 2024 08:00:00 GMT",
                    "link": "https://x.org/2", "headline": "Rome meeting"}),
        json.dumps(["a list"]),
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": "<html><body><p>Markup in a field.</p></body></html>"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    first, bad, second, listed, textless, html = read(path)
    assert (first.title, first.date, first.url, first.language) == ("Town seized", dt.date(2024, 1, 10),
                                                                     "https://x.org/1", "en")
    assert bad.input.endswith("dump.jsonl:2") and "not valid JSON" in bad.reason
    assert (second.content, second.title, second.date) == ("Ministers met in Rome.", "Rome meeting",
                                                           dt.date(2024, 1, 10))
    assert "must be an object" in listed.reason
    assert "no text in field 'text'" in textless.reason
    assert html.format == "html"


def test_jsonl_custom_field_names(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"story": "Police arrested ten people.", "when": "2023-05-06", "head": "Arrests"}),
                    encoding="utf-8")
    [doc] = read(path, Settings(text_field="story", date_field="when", title_field="head"))
    assert (doc.content, doc.date, doc.title) == ("Police arrested ten people.", dt.date(2023, 5, 6), "Arrests")


def test_rss_entries_become_documents(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    doc, empty = read(path)
    assert doc.content == "Negotiators met in Doha on Monday.\nMore talks are planned."
    assert (doc.title, doc.url, doc.date, doc.outlet, doc.language) == (
        "Talks resume in Doha", "https://news.example.org/doha", dt.date(2024, 1, 9), "Example Wire", "en")
    assert isinstance(empty, Failure) and "no text" in empty.reason


def test_atom_entry(tmp_path):
    path = tmp_path / "atom"
    path.write_bytes(ATOM)
    [doc] = read(path)
    assert doc.content == "Shelling hit Kherson overnight, the governor said."
    assert (doc.author, doc.date, doc.outlet) == ("Jane Roe", dt.date(2024, 2, 1), "Atom Desk")


def test_malformed_feed_is_a_failure(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<?xml version='1.0'?><rss><channel><item><title>unclosed")
    [failure] = read(path)
    assert isinstance(failure, Failure) and "feed" in failure.reason


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    "A gzipped WARC of response records (uri, content type, body)."
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, kind, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                           http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


def test_warc_html_responses_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([
        ("https://a.example/1", "text/html; charset=utf-8", b"<html><body><p>First page.</p></body></html>"),
        ("https://a.example/logo.png", "image/png", b"\x89PNG"),
        ("https://a.example/2", "text/html", b"<html><body><p>Second page.</p></body></html>"),
    ]))
    docs = read(path)
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert all(d.format == "html" and d.source.startswith(str(path)) for d in docs)


def test_truncated_warc_keeps_the_whole_records_then_fails(tmp_path):
    noise = " ".join(hashlib.sha256(str(n).encode()).hexdigest() for n in range(100))  # does not compress
    data = _warc([(f"https://a.example/{i}", "text/html", f"<p>Page {i} {noise}</p>".encode()) for i in range(3)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 500])
    items = read(path)
    assert [type(i).__name__ for i in items][-1] == "Failure"
    assert sum(isinstance(i, Document) for i in items) == 2
    assert "truncated" in items[-1].reason
    stdin_like = list(documents_from_bytes(path.read_bytes(), "-", Settings()))  # in memory, not streamed
    assert sum(isinstance(i, Document) for i in stdin_like) == 2 and "truncated" in stdin_like[-1].reason


def test_warc_pages_over_the_limit_are_refused_one_by_one(tmp_path):
    path = tmp_path / "big.warc.gz"
    path.write_bytes(_warc([("https://a.example/small", "text/html", b"<p>Small page.</p>"),
                            ("https://a.example/big", "text/html", b"<p>" + b"x" * 5000 + b"</p>")]))
    small, big = read(path, Settings(max_bytes=1000))  # the archive itself is larger than the limit
    assert small.url == "https://a.example/small"
    assert big.input.endswith("#https://a.example/big") and "byte limit" in big.reason


def test_uncompressed_warc_and_garbage_after_header(tmp_path):
    path = tmp_path / "plain.warc"
    path.write_bytes(gzip.decompress(_warc([("https://a.example/", "text/html", b"<p>Only page.</p>")])))
    assert [d.url for d in read(path)] == ["https://a.example/"]
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"WARC/1.0\r\nnot a header at all\r\n\r\n")
    [failure] = read(junk)
    assert isinstance(failure, Failure) and "WARC" in failure.reason


def test_shared_cc_news_sample():
    sample = SHARED / "corpus" / "zyte-sample-30.warc.gz"
    if not sample.is_file():
        pytest.skip("../shared/corpus is not present")
    docs = read(sample)
    assert len(docs) == 30 and all(isinstance(d, Document) and d.url.startswith("http") for d in docs)
