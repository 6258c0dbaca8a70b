"""Turn a raw text `Document` into a `CleanDocument`: boilerplate out, metadata in, stories split."""

from __future__ import annotations

import logging
import re

from ..schema import CleanDocument, Document, Removed, Story
from .boilerplate import boilerplate_reason
from .html import html_to_text
from .language import detect_language
from .metadata import AUTHOR_BLOCK, NEWS_DESK, looks_like_headline, parse_byline
from .segment import segment

LOGGER = logging.getLogger(__name__)
BULLET = re.compile(r"\s+[*•]\s+")
SENTENCE_END = re.compile(r"[.!?:\"”’…)\]]$")
MAX_WRAPPED_LINE = 100  # a text whose lines never pass this width was hard-wrapped


def _hard_wrapped(lines: list[str]) -> bool:
    "Most lines of similar width and none much longer: the text was wrapped at a fixed column."
    widths = [len(line) for line in lines if line.strip()]
    if len(widths) < 5 or max(widths) > MAX_WRAPPED_LINE:
        return False
    return sum(1 for w in widths if w >= 50) >= 0.6 * len(widths)


def _paragraphs(lines: list[str]) -> list[str]:
    "Group kept lines into paragraphs; in a hard-wrapped text, re-join lines cut mid-sentence."
    wrapped = _hard_wrapped(lines)
    paragraphs: list[str] = []
    joinable = False
    for line in lines:
        if not line.strip():
            joinable = False
            continue
        if joinable and paragraphs:
            paragraphs[-1] = f"{paragraphs[-1]} {line.strip()}"
        else:
            paragraphs.append(line.strip())
        joinable = wrapped and not SENTENCE_END.search(line.rstrip())
    return paragraphs


def clean(document: Document, lexicon_dir: str | None = None) -> CleanDocument:
    """Remove boilerplate, read bylines and headlines, and split the page into stories.

    Args:
        document: a document from ingest; an HTML one is first reduced to its main text.
        lexicon_dir: an optional folder whose `boilerplate.yaml` extends the packaged one.

    Returns:
        The clean document; `removed` says what was taken out and why.
    """
    from_html = document.format == "html"
    if from_html:
        document = html_to_text(document)
    removed: list[Removed] = []
    author, date, outlet, title = document.author, document.date, document.outlet, document.title
    kept: list[str] = []
    for line in document.content.split("\n"):
        text = line.strip()
        if not text:
            kept.append("")
            continue
        if BULLET.search(text):
            # A digest teaser "Key developments on Jan. 9: * a * b * c…": keep the whole items,
            # one per line, and drop the one cut off mid-word.
            lead, *items = BULLET.split(text)
            cut = [item for item in items if boilerplate_reason(item, lexicon_dir) == "truncated teaser"]
            removed.extend(Removed(item, "truncated teaser") for item in cut)
            kept.append("\n".join([lead] + [f"* {item}" for item in items if item not in cut]))
            continue
        byline = parse_byline(text)
        if byline:
            author = author or byline[0]
            date = date or byline[1]
            removed.append(Removed(text, "byline"))
            continue
        reason = boilerplate_reason(text, lexicon_dir)
        if reason:
            if reason == "author block" and (m := AUTHOR_BLOCK.match(text)):
                author = author or m.group("author")
            if reason == "author block" and (m := NEWS_DESK.match(text)):
                outlet = outlet or m.group("outlet")
            removed.append(Removed(text, reason))
            kept.append("")  # a removed line also ends the paragraph before it
            continue
        kept.append(line)
    paragraphs = _paragraphs(kept)
    if paragraphs and title and " ".join(paragraphs[0].split()).casefold() == " ".join(title.split()).casefold():
        removed.append(Removed(paragraphs.pop(0), "headline repeated"))
    if paragraphs and title is None and looks_like_headline(paragraphs[0]) and not paragraphs[0].endswith("."):
        title = paragraphs.pop(0)
    segments, orphans = segment(paragraphs, title, teasers=not from_html)
    removed.extend(Removed(h, "headline without story") for h in orphans)
    stories = tuple(
        Story(document.doc_id, i, seg.title, "\n\n".join(seg.paragraphs), date)
        for i, seg in enumerate(segments)
    )
    language = document.language or detect_language(" ".join(s.text for s in stories))
    LOGGER.debug("%s: %d stories, %d lines removed", document.source, len(stories), len(removed))
    return CleanDocument(
        doc_id=document.doc_id,
        source=document.source,
        url=document.url,
        outlet=outlet,
        title=title,
        author=author,
        date=date,
        language=language,
        stories=stories,
        removed=tuple(removed),
    )
