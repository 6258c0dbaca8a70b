"""The reader is picked by content, the file name only breaking ties."""

from __future__ import annotations

import gzip

import pytest

from newsdesk.ingest.sniff import sniff


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (gzip.compress(b"<html></html>"), "page.txt", "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.bin", "warc"),
        (b'{"text": "Troops crossed the river."}\n', "dump.txt", "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed.php", "feed"),
        (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "a", "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><head>", "page.txt", "html"),
        (b"<div><p>A fragment saved by a scraper.</p></div>", "frag", "html"),
        (b"Headline\n\n<p>The minister said no.</p>", "page.html", "html"),
        (b"Headline\n\nThe minister said no.", "page.html", "text"),
        (b"date 2024-01-10\nHeadline\n\nBody.", "story.txt", "text"),
    ],
)
def test_sniff_reads_the_content(data, name, kind):
    assert sniff(data, name) == kind
