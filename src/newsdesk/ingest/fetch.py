"""Fetch a URL without letting it become a way into the network newsdesk runs in.

Every hop of a redirect chain is checked: the scheme must be http(s) and, unless `allow_private`,
the host must resolve only to public addresses (no loopback, private, link-local or reserved
ones), so a URL given to the CLI or later to the HTTP API cannot reach internal services.
Connect and read timeouts, a byte cap on the body and a content-type check bound the rest.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass

import httpx

from ..config import Settings
from ..errors import IngestError

LOGGER = logging.getLogger(__name__)

SCHEMES = ("http", "https")
ACCEPTED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/json", "application/x-ndjson", "application/jsonl",
    "application/warc", "application/gzip", "application/x-gzip",
})
USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body and where it finally came from."""

    url: str
    content: bytes
    content_type: str


def is_url(name: str) -> bool:
    """True when an input name is an http(s) URL rather than a path."""
    return name.lower().startswith(("http://", "https://"))


def _public(address: str) -> bool:
    "True for an address on the public internet (an IPv4-mapped IPv6 address is judged as IPv4)."
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: httpx.URL, source: str, allow_private: bool) -> None:
    """Refuse a URL newsdesk must not fetch.

    Raises:
        IngestError: a scheme other than http(s), no host, an unresolvable host, or (unless
            `allow_private`) a host with a loopback, private, link-local or reserved address.
    """
    if url.scheme not in SCHEMES or not url.host:
        raise IngestError(source, f"refused: {url} is not an http(s) URL with a host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(url.host, url.port or (443 if url.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise IngestError(source, f"cannot resolve host {url.host!r}") from err
    for info in infos:
        address = str(info[4][0])
        if not _public(address):
            raise IngestError(source, f"refused: {url.host} is a non-public address ({address}); "
                                      "allow_private permits it")


def make_client(settings: Settings) -> httpx.Client:
    """The HTTP client for one fetch: timeouts from settings, redirects followed by hand."""
    return httpx.Client(timeout=httpx.Timeout(settings.fetch_timeout), follow_redirects=False,
                        headers={"User-Agent": USER_AGENT})


def _body(response: httpx.Response, source: str, limit: int) -> bytes:
    "The response body, refused as soon as it passes `limit` bytes."
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise IngestError(source, f"larger than the {limit:,}-byte limit (max_bytes)")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise IngestError(source, f"larger than the {limit:,}-byte limit (max_bytes)")
    return bytes(body)


def fetch(source: str, settings: Settings) -> Fetched:
    """GET `source`, following at most `max_redirects` redirects, each hop checked by `check_url`.

    Raises:
        IngestError: a refused or unreachable URL, an HTTP error status, a timeout, an unsupported
            content type, a body over `max_bytes`, or too many redirects.
    """
    try:
        url = httpx.URL(source)
    except httpx.InvalidURL as err:
        raise IngestError(source, f"not a valid URL ({err})") from err
    with make_client(settings) as client:
        for _ in range(settings.max_redirects + 1):
            check_url(url, source, settings.allow_private)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = url.join(response.headers["location"])
                        LOGGER.debug("%s: redirected to %s", source, url)
                        continue
                    if response.status_code >= 400:
                        raise IngestError(source, f"HTTP {response.status_code} {response.reason_phrase}")
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind and kind not in ACCEPTED_TYPES:
                        raise IngestError(source, f"unsupported content type {kind!r}")
                    return Fetched(str(url), _body(response, source, settings.max_bytes), kind)
            except httpx.TimeoutException as err:
                raise IngestError(source, f"timed out after {settings.fetch_timeout:g}s") from err
            except httpx.HTTPError as err:
                raise IngestError(source, f"cannot fetch ({type(err).__name__}: {err})") from err
    raise IngestError(source, f"more than {settings.max_redirects} redirects (max_redirects)")
