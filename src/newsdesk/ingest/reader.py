"""Expand the inputs a user names (files, folders, globs, URLs, `-`) and read each into `Document`s.

The reader for each input is picked by its content (`sniff`), so a mislabelled file still reads
right. Whatever goes wrong with one input is a `Failure` naming it, and the run goes on.
"""

from __future__ import annotations

import glob
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import IngestError
from ..schema import Document, Failure
from .compressed import gunzip
from .feed import read_feed
from .fetch import fetch, is_url
from .html import read_html
from .jsonl import read_jsonl
from .sniff import SNIFF_BYTES, Kind, is_warc, sniff
from .text import read_text
from .warc import read_warc, read_warc_stream

LOGGER = logging.getLogger(__name__)

STDIN = "-"
GLOB_CHARS = frozenset("*?[")

Reader = Callable[[bytes, str, Settings, str | None], Iterator[Document | Failure]]
READERS: dict[Kind, Reader] = {
    "warc": read_warc,
    "feed": read_feed,
    "html": read_html,
    "jsonl": read_jsonl,
    "text": read_text,
}


def _expand(name: str) -> Iterator[str]:
    "One named input → the inputs it stands for (a folder is walked recursively, a glob expanded; sorted)."
    if name == STDIN or is_url(name):
        yield name
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            raise IngestError(name, "folder holds no files")
        yield from (str(p) for p in files)
        return
    if not path.exists() and GLOB_CHARS & set(name):
        matches = sorted(m for m in glob.glob(name, recursive=True) if Path(m).is_file())
        if not matches:
            raise IngestError(name, "no file matches this pattern")
        yield from matches
        return
    yield name


def _read_bytes(name: str, settings: Settings) -> bytes:
    "The raw bytes of one file or of stdin, refusing missing, unreadable and oversized ones."
    if name == STDIN:
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
    else:
        path = Path(name)
        if not path.exists():
            raise IngestError(name, "no such file or folder")
        try:
            if path.stat().st_size > settings.max_bytes:
                raise IngestError(name, f"larger than the {settings.max_bytes:,}-byte limit (max_bytes)")
            data = path.read_bytes()
        except OSError as err:
            raise IngestError(name, f"cannot read: {err.strerror or err}") from err
    if len(data) > settings.max_bytes:
        raise IngestError(name, f"larger than the {settings.max_bytes:,}-byte limit (max_bytes)")
    return data


def documents_from_bytes(data: bytes, source: str, settings: Settings,
                         url: str | None = None) -> Iterator[Document | Failure]:
    """The documents of one input's bytes, whatever kind of input they are.

    Raises:
        IngestError: the bytes cannot be read at all (empty, binary, too large once decompressed).
    """
    kind = sniff(data, source)
    if kind != "gzip":
        yield from READERS[kind](data, source, settings, url)
        return
    inner, problem = gunzip(data, source, settings.max_bytes)
    inner_kind = sniff(inner, source.removesuffix(".gz"))
    if inner_kind == "gzip":
        raise IngestError(source, "gzip inside gzip is not read")
    if inner_kind == "warc" or problem is None:
        yield from READERS[inner_kind](inner, source, settings, url)
    if problem:
        yield Failure(source, "ingest", problem)


def _read_one(name: str, settings: Settings) -> Iterator[Document | Failure]:
    "The documents of one file, stdin or URL; a WARC file is streamed, not read whole."
    if is_url(name):
        page = fetch(name, settings)
        yield from documents_from_bytes(page.content, name, settings, url=page.url)
        return
    if name != STDIN and Path(name).is_file():
        try:
            with open(name, "rb") as stream:
                if is_warc(stream.read(SNIFF_BYTES)):
                    stream.seek(0)
                    yield from read_warc_stream(stream, name, settings)
                    return
        except OSError as err:
            raise IngestError(name, f"cannot read: {err.strerror or err}") from err
    yield from documents_from_bytes(_read_bytes(name, settings), name, settings)


def read_inputs(names: Iterable[str], settings: Settings) -> Iterator[Document | Failure]:
    """Yield a `Document` per readable input and a `Failure` per bad one, in order.

    A container (WARC, feed, JSON lines) yields one item per page, entry or line. Identical
    documents (same `doc_id`) are yielded once per run.
    """
    seen: set[str] = set()
    for name in names:
        try:
            inputs = list(_expand(name))
        except IngestError as err:
            yield Failure(name, "ingest", err.reason)
            continue
        for item_name in inputs:
            for item in _guarded(item_name, settings):
                if isinstance(item, Document):
                    if item.doc_id in seen:
                        LOGGER.debug("%s: duplicate of a document already read", item.source)
                        continue
                    seen.add(item.doc_id)
                yield item


def _guarded(name: str, settings: Settings) -> Iterator[Document | Failure]:
    "`_read_one`, with any error turned into a `Failure` after the documents read before it."
    try:
        yield from _read_one(name, settings)
    except IngestError as err:
        LOGGER.debug("ingest failed: %s", err)
        yield Failure(name, "ingest", err.reason)
    except Exception as err:  # a third-party parser's bug must not end the run (issue 3: no input crashes)
        LOGGER.warning("%s: unexpected %s while reading", name, type(err).__name__, exc_info=True)
        yield Failure(name, "ingest", f"unreadable ({type(err).__name__}: {err})")
