"""The main text and metadata of an HTML page, so the text cleaner can treat it like a text dump.

trafilatura (favouring precision, without reader comments) finds the article body in its fast
mode; only when that text is short (under `SHORT_TEXT` characters, a sign it missed the article)
does it run again with its fallback extractors (readability, jusText), and then, if still empty,
with its default balance. On the Zyte benchmark the fallbacks changed 6 of 181 pages, all but one
with a fast text under 500 characters, and cost a third of the time. Metadata comes from the page's `<meta>`
tags and JSON-LD (trafilatura's readers of those), its `<title>`, and htmldate without the
extensive text search: trafilatura's full metadata pass also hunts for bylines, categories and
tags with costly XPath searches, which would put extraction below 25 pages/s (measured with
`newsdesk eval extraction`, docs/evaluation.md). The text cleaner still reads "By NAME" bylines.
"""

from __future__ import annotations

import dataclasses
import logging
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

from ..ingest.dates import language_code, parse_date
from ..schema import Document
from .language import detect_language

LOGGER = logging.getLogger(__name__)


SHORT_TEXT = 500
# (favor_precision, fast) of the passes: fast and precise, then with the fallback extractors, then balanced.
PASSES = ((True, True), (True, False), (False, False))


def _text(tree: HtmlElement | None, url: str | None, precise: bool, fast: bool) -> str:
    "trafilatura's main text of a parsed page ('' when it finds none)."
    page = trafilatura.bare_extraction(tree, url=url, favor_precision=precise, fast=fast,
                                       include_comments=False, with_metadata=False)
    return page.text if page is not None and page.text else ""


def _main_text(html: str, tree: HtmlElement, url: str | None) -> str:
    "The best of the passes: the first long enough, else the longest (each pass parses afresh)."
    best = ""
    for i, (precise, fast) in enumerate(PASSES):
        text = _text(tree if i == 0 else trafilatura.load_html(html), url, precise, fast)
        if len(text) >= SHORT_TEXT:
            return text
        best = text if len(text) > len(best) else best
    return best


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _declared_language(tree: HtmlElement) -> str | None:
    "The primary language subtag of `<html lang=…>`, if the page declares one."
    return language_code(tree.getroottree().getroot().get("lang"))


def _with_metadata(document: Document, tree: HtmlElement) -> Document:
    "`document` with the title, author, date, outlet and URL the page declares, where it had none."
    meta = extract_meta_json(tree, examine_meta(tree))
    url = document.url or meta.url
    outlet = meta.sitename or extract_sitename(tree) or (urlsplit(url).hostname if url else None)
    return dataclasses.replace(
        document,
        url=url,
        title=document.title or _clean(meta.title or extract_title(tree)),
        author=document.author or _clean(meta.author),
        date=document.date or parse_date(find_date(tree, extensive_search=False, original_date=True, url=url)),
        outlet=document.outlet or _clean(outlet.lstrip("@") if outlet else None),
    )


def html_to_text(document: Document) -> Document:
    """The text document of an HTML one: its main text, one paragraph a line, and its metadata.

    A page with no main text becomes a text document with no content (the cleaner then finds no
    story, and the pipeline records it as skipped).
    """
    text, declared = "", None
    try:
        tree = trafilatura.load_html(document.content)
        if tree is not None:
            declared = _declared_language(tree)
            document = _with_metadata(document, tree)
            text = _main_text(document.content, tree, document.url)
    except (ValueError, TypeError, AttributeError) as err:  # markup lxml turns into a tree trafilatura chokes on
        LOGGER.debug("%s: HTML extraction failed: %s", document.source, err)
    # The declared language names a page the detector finds not English ("xx"); it never overrules
    # the detector, since templates often declare lang="en" on every page.
    if document.language is None and declared not in (None, "en") and detect_language(text) == "xx":
        document = dataclasses.replace(document, language=declared)
    return dataclasses.replace(document, content=text, format="text")
