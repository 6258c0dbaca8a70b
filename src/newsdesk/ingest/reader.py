"""Expand the inputs a user names (files, folders, `-`) and read each into a `Document`."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import IngestError
from ..schema import Document, Failure
from .text import document_from_bytes

LOGGER = logging.getLogger(__name__)

STDIN = "-"


def _expand(name: str) -> Iterator[str]:
    "One named input → the files it stands for (a folder is walked recursively, sorted)."
    if name == STDIN:
        yield name
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            raise IngestError(name, "folder holds no files")
        yield from (str(p) for p in files)
        return
    yield name


def _read_bytes(name: str, settings: Settings) -> bytes:
    "The raw bytes of one input, refusing missing, unreadable and oversized ones."
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


def read_inputs(names: Iterable[str], settings: Settings) -> Iterator[Document | Failure]:
    """Yield a `Document` per readable input and a `Failure` per bad one, in order.

    Identical documents (same `doc_id`) are yielded once per run.
    """
    seen: set[str] = set()
    for name in names:
        try:
            files = list(_expand(name))
        except IngestError as err:
            yield Failure(name, "ingest", err.reason)
            continue
        for file in files:
            try:
                doc = document_from_bytes(_read_bytes(file, settings), source=file)
            except IngestError as err:
                LOGGER.debug("ingest failed: %s", err)
                yield Failure(file, "ingest", err.reason)
                continue
            if doc.doc_id in seen:
                LOGGER.debug("%s: duplicate of a document already read", file)
                continue
            seen.add(doc.doc_id)
            yield doc
