"""Run the pipeline into a store: skip what is stored, commit every `batch` documents.

Documents already stored (same `doc_id`) are dropped before they are parsed, so a re-run after a
crash or on a grown folder only pays for the new ones; `reprocess` re-codes them instead, each
event keeping the coder version that made it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..ingest import read_inputs
from ..pipeline import Pipeline
from ..schema import Document, DocumentResult, Failure
from .duckdb import StoreWriter

DEFAULT_BATCH = 25


@dataclass(slots=True)
class IngestStats:
    """Counts of one ingest run, updated as it goes (for the progress bar and the summary)."""

    documents: int = 0
    stored: int = 0
    known: int = 0
    events: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        "Documents per second so far."
        return self.documents / max(time.monotonic() - self.started, 1e-9)


def _unknown(items: Iterable[Document | Failure], known: set[str], stats: IngestStats) -> Iterator[Document | Failure]:
    for item in items:
        if isinstance(item, Document) and item.doc_id in known:
            stats.known += 1
            continue
        yield item


def ingest(writer: StoreWriter, pipeline: Pipeline, inputs: Iterable[str], *, reprocess: bool = False,
           batch: int = DEFAULT_BATCH, progress: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Code `inputs` and store them, one transaction per `batch` documents.

    Args:
        writer: the open store's writer.
        pipeline: the pipeline to code with (its coder version is stored with each event).
        inputs: files, folders or `-`, as for `newsdesk extract`.
        reprocess: re-code documents already stored instead of skipping them.
        batch: documents per transaction.
        progress: called after every document with the running counts.
    """
    stats = IngestStats()
    items: Iterable[Document | Failure] = read_inputs(inputs, pipeline.settings)
    if not reprocess:
        items = _unknown(items, writer.document_ids(), stats)
    pending: list[DocumentResult] = []
    for result in pipeline.run_documents(items):
        pending.append(result)
        stats.documents += 1
        stats.events += len(result.events)
        stats.failed += result.failure is not None
        stats.skipped += result.skipped is not None
        if len(pending) >= batch:
            _commit(writer, pending, stats)
        if progress:
            progress(stats)
    _commit(writer, pending, stats)
    if progress:
        progress(stats)
    return stats


def _commit(writer: StoreWriter, pending: list[DocumentResult], stats: IngestStats) -> None:
    if pending:
        writer.write(pending)
        stats.stored += len(pending)
        pending.clear()
