"""Split a page's paragraphs into stories: the main article, then digest or live items.

A digest item starts with a short headline paragraph followed by a body paragraph. A headline
followed by another headline (its teaser was removed) makes no story and is recorded as removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .metadata import looks_like_headline

MIN_BODY_WORDS = 15
MAX_HEADLINE_WORDS = 20


@dataclass(slots=True)
class Segment:
    title: str | None
    paragraphs: list[str] = field(default_factory=list)


def _is_item_headline(paragraphs: list[str], i: int, teasers: bool) -> bool:
    "A headline that opens a new item: short, and followed by a body (or, with `teasers`, another headline)."
    if not looks_like_headline(paragraphs[i], MAX_HEADLINE_WORDS) or i + 1 >= len(paragraphs):
        return False
    following = paragraphs[i + 1]
    return len(following.split()) >= MIN_BODY_WORDS or (teasers and looks_like_headline(following, MAX_HEADLINE_WORDS))


def segment(paragraphs: list[str], title: str | None, teasers: bool = True) -> tuple[list[Segment], list[str]]:
    """(stories in page order, headlines that had no story under them).

    `teasers`: the page may list headlines whose teaser text was cut away (a text dump of a news
    site's "latest" column); such bodiless headlines are dropped as orphans. Without it (the main
    text an HTML extractor found), short paragraphs in a row are body text and are all kept.
    """
    segments = [Segment(title)]
    orphans: list[str] = []
    for i, para in enumerate(paragraphs):
        if segments[-1].paragraphs and _is_item_headline(paragraphs, i, teasers):
            segments.append(Segment(para.strip().rstrip(".")))
            continue
        if (teasers and not segments[-1].paragraphs and len(segments) > 1
                and _is_item_headline(paragraphs, i, teasers)):
            # A headline directly after another headline: the earlier one had no body.
            orphans.append(segments[-1].title or "")
            segments[-1] = Segment(para.strip().rstrip("."))
            continue
        segments[-1].paragraphs.append(para)
    if len(segments) > 1 and not segments[-1].paragraphs:
        orphans.append(segments.pop().title or "")
    return [s for s in segments if s.paragraphs], orphans
