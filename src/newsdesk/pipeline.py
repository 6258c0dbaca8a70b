"""The whole path from inputs to events: ingest → clean → nlp → resolve → events.

`Pipeline` holds the settings and the loaded spaCy model; `run()` streams one `DocumentResult`
per input, in order, parsing stories in batches with `nlp.pipe`. A bad input or a failing stage
becomes a `Failure` in its result; the run always goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .clean import clean
from .config import Settings, load_settings
from .errors import NewsdeskError
from .events import code_story
from .ingest import read_inputs
from .ingest.text import document_from_text
from .nlp import load_pipeline
from .schema import CleanDocument, Document, DocumentResult, Event, Failure

LOGGER = logging.getLogger(__name__)


class Pipeline:
    """Run newsdesk on inputs; build once and reuse (the model loads once)."""

    def __init__(self, settings: Settings | None = None, **overrides: object) -> None:
        self.settings = settings or load_settings(**overrides)
        self.nlp = load_pipeline(self.settings.model)

    def run(self, inputs: Iterable[str]) -> Iterator[DocumentResult]:
        """One result per input file (or per failure), in input order."""
        return self.run_documents(read_inputs(inputs, self.settings))

    def run_documents(self, documents: Iterable[Document | Failure]) -> Iterator[DocumentResult]:
        """Clean, parse and code documents, `batch_size` stories at a time."""
        batch: list[DocumentResult | CleanDocument] = []
        stories = 0
        for item in documents:
            if isinstance(item, Failure):
                batch.append(DocumentResult(item.input, failure=item))
                continue
            result = self._clean(item)
            batch.append(result)
            stories += len(result.stories) if isinstance(result, CleanDocument) else 0
            if stories >= self.settings.batch_size:
                yield from self._code(batch)
                batch, stories = [], 0
        yield from self._code(batch)

    def _clean(self, document: Document) -> DocumentResult | CleanDocument:
        try:
            cleaned = clean(document, self.settings.lexicon_dir)
        except NewsdeskError as err:
            return DocumentResult(document.source, failure=Failure(document.source, "clean", err.reason))
        if cleaned.language not in ("en", "und"):
            LOGGER.debug("%s: skipped, language %s", document.source, cleaned.language)
            return DocumentResult(document.source, document=cleaned, skipped="not English")
        if not cleaned.stories:
            return DocumentResult(document.source, document=cleaned, skipped="no story text")
        return cleaned

    def _code(self, batch: list[DocumentResult | CleanDocument]) -> Iterator[DocumentResult]:
        "Parse every story of the batch in one `nlp.pipe` call, then code each story."
        pending = [(doc, story) for doc in batch if isinstance(doc, CleanDocument) for story in doc.stories]
        events: dict[str, list[Event]] = {}
        with self.nlp.memory_zone():
            parsed = self.nlp.pipe((story.text for _, story in pending), batch_size=self.settings.batch_size)
            for (doc, story), spacy_doc in zip(pending, parsed):
                found = code_story(spacy_doc, story, doc.date, self.settings.lexicon_dir)
                events.setdefault(doc.doc_id, []).extend(
                    e for e in found if e.confidence >= self.settings.min_confidence
                )
        for item in batch:
            if isinstance(item, CleanDocument):
                yield DocumentResult(item.source, document=item, events=tuple(events.get(item.doc_id, ())))
            else:
                yield item


def _as_document(text_or_path: str | os.PathLike[str]) -> Document | None:
    "A path that exists is read as a file (None); anything else is taken as the text itself."
    if isinstance(text_or_path, os.PathLike) or ("\n" not in text_or_path and len(text_or_path) < 4096
                                                 and Path(text_or_path).exists()):
        return None
    return document_from_text(str(text_or_path), source="<text>")


def extract(text_or_path: str | os.PathLike[str], *, model: str | None = None,
            settings: Settings | None = None) -> list[Event]:
    """Events of one text or file: the Python face of `newsdesk extract`.

    Args:
        text_or_path: the article text (first line `date YYYY-MM-DD` optional), or a path.
        model: a spaCy pipeline name to use instead of the default.
        settings: full settings (overrides `model`).

    Raises:
        NewsdeskError: the input cannot be read, or no spaCy model is installed.
    """
    pipeline = Pipeline(settings or load_settings(model=model))
    document = _as_document(text_or_path)
    results = (pipeline.run_documents([document]) if document is not None
               else pipeline.run([os.fspath(text_or_path)]))
    events: list[Event] = []
    for result in results:
        if result.failure:
            raise NewsdeskError(str(result.failure))
        events.extend(result.events)
    return events
