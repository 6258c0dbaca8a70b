"""URLs: fetched with limits, and never on private addresses unless allowed (canned responses, no network)."""

from __future__ import annotations

import httpx
import pytest

from newsdesk.config import Settings
from newsdesk.ingest import read_inputs
from newsdesk.schema import Document, Failure

PUBLIC = "http://93.184.216.34"  # an IP literal: no DNS lookup needed
PAGE = b"<html><head><title>Ceasefire</title></head><body><p>The ceasefire held.</p></body></html>"


def read(url: str, settings: Settings | None = None) -> list[Document | Failure]:
    return list(read_inputs([url], settings or Settings()))


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/admin", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
     "http://[::1]:8080/", "http://[::ffff:192.168.0.1]/", "http://0.0.0.0/", "http://localhost/"],
)
def test_private_addresses_are_refused(url, serve):
    serve(lambda request: pytest.fail("a refused URL must not be requested"))
    [failure] = read(url)
    assert isinstance(failure, Failure) and failure.input == url
    assert "refused" in failure.reason and "allow_private" in failure.reason


def test_allow_private_permits_them(serve):
    serve(lambda request: httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}))
    [doc] = read("http://127.0.0.1:8000/page", Settings(allow_private=True))
    assert doc.format == "html" and doc.url == "http://127.0.0.1:8000/page"


def test_a_page_is_fetched_and_sniffed(serve):
    serve(lambda request: httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"}))
    [doc] = read(f"{PUBLIC}/story")
    assert doc.format == "html" and doc.url == f"{PUBLIC}/story" and "ceasefire held" in doc.content


def test_redirects_are_followed_and_each_hop_checked(serve):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        if request.url.path == "/sneaky":
            return httpx.Response(302, headers={"location": "http://192.168.1.1/router"})
        if request.url.path == "/loop":
            return httpx.Response(302, headers={"location": "/loop"})
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    serve(handler)
    [doc] = read(f"{PUBLIC}/old")
    assert doc.url == f"{PUBLIC}/new"
    [sneaky] = read(f"{PUBLIC}/sneaky")
    assert "refused" in sneaky.reason and "192.168.1.1" in sneaky.reason
    [loop] = read(f"{PUBLIC}/loop", Settings(max_redirects=3))
    assert "more than 3 redirects" in loop.reason


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (httpx.Response(404), "HTTP 404"),
        (httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}), "content type 'image/png'"),
        (httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/plain"}), "byte limit"),
    ],
)
def test_bad_responses_are_failures(serve, response, reason):
    serve(lambda request: response)
    [failure] = read(f"{PUBLIC}/x", Settings(max_bytes=1000))
    assert reason in failure.reason


def test_timeouts_and_connection_errors(serve):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        raise httpx.ConnectError("connection refused", request=request)

    serve(handler)
    [slow] = read(f"{PUBLIC}/slow", Settings(fetch_timeout=2))
    [down] = read(f"{PUBLIC}/down")
    assert "timed out after 2s" in slow.reason
    assert "cannot fetch" in down.reason and "connection refused" in down.reason


def test_feed_url_with_follow_fetches_each_entry(serve):
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
            b"<item><title>One</title><link>" + PUBLIC.encode() + b"/one</link><description>Teaser.</description></item>"
            b"<item><title>Two</title><link>http://10.0.0.5/two</link><description>Teaser.</description></item>"
            b"</channel></rss>")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"})
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    serve(handler)
    page, refused = read(f"{PUBLIC}/feed", Settings(follow=True))
    assert page.format == "html" and page.url == f"{PUBLIC}/one"
    assert isinstance(refused, Failure) and "refused" in refused.reason
    summaries = read(f"{PUBLIC}/feed")
    assert [d.content for d in summaries] == ["Teaser."]  # the second is the same text: read once
