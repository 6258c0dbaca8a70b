"""The main text and metadata of an HTML page, so the text cleaner can treat it like a text dump.

trafilatura (favouring precision, without reader comments) finds the article body; when that
finds nothing it runs again with its default balance. Its title, author, date, site name and URL
fill the metadata the container did not give. Measured on the Zyte article-extraction benchmark
(`newsdesk eval extraction`, docs/evaluation.md).
"""

from __future__ import annotations

import dataclasses
import logging

import trafilatura
from trafilatura.settings import Document as Page

from ..ingest.dates import parse_date
from ..schema import Document

LOGGER = logging.getLogger(__name__)


def _extract(html: str, url: str | None) -> Page | None:
    "trafilatura's extraction, precise first, then balanced when the precise pass finds no text."
    for precise in (True, False):
        try:
            page = trafilatura.bare_extraction(html, url=url, favor_precision=precise, include_comments=False,
                                               with_metadata=True)
        except (ValueError, TypeError, AttributeError) as err:  # a page lxml parses into nonsense
            LOGGER.debug("trafilatura failed on %s: %s", url, err)
            return None
        if isinstance(page, Page) and page.text:
            return page
    return None


def html_to_text(document: Document) -> Document:
    """The text document of an HTML one: its main text, one paragraph a line, and its metadata.

    A page with no main text becomes a text document with no content (the cleaner then finds no
    story, and the pipeline records it as skipped).
    """
    page = _extract(document.content, document.url)
    if page is None:
        return dataclasses.replace(document, content="", format="text")
    return dataclasses.replace(
        document,
        content=page.text or "",
        format="text",
        url=document.url or page.url,
        title=document.title or page.title,
        author=document.author or page.author,
        date=document.date or parse_date(page.date),
        outlet=document.outlet or page.sitename or page.hostname,
    )

