"""Read metadata out of the page text itself: bylines, author blocks, the headline."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Case-sensitive inside the case-insensitive BYLINE: "By the way, …" is not a byline.
_NAME_RE = r"(?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin|al))*)"

BYLINE = re.compile(
    rf"^by\s+(?P<author>{_NAME_RE}(?:\s*(?:,|and)\s*{_NAME_RE})*)"
    rf"(?:\s*[|,·•-]?\s*(?P<date>{_MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})"
    r"(?:,?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?)?"
    r"(?:\s*[|,·•-]?\s*\d+\s+min(?:ute)?s?\s+read)?\s*$",
    re.IGNORECASE,
)
AUTHOR_BLOCK = re.compile(r"^author:\s*(?P<author>.+?)\s*$", re.IGNORECASE)
NEWS_DESK = re.compile(r"^(?P<outlet>.+?)\s+news desk\s*$", re.IGNORECASE)


def parse_month_date(text: str) -> dt.date | None:
    """'January 10, 2024' / 'Jan. 10 2024' → a date; None when it is not one."""
    m = re.match(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text.strip())
    if not m:
        return None
    prefix = m.group(1).lower()[:3]
    month = next((i + 1 for i, name in enumerate(MONTHS) if name.startswith(prefix)), None)
    try:
        return dt.date(int(m.group(3)), month, int(m.group(2))) if month else None
    except ValueError:
        return None


def parse_byline(line: str) -> tuple[str, dt.date | None] | None:
    """`by NAME Month D, YYYY H:MM AM 2 min read` → (NAME, date); None when not a byline."""
    m = BYLINE.match(line.strip())
    if not m:
        return None
    date = parse_month_date(m.group("date")) if m.group("date") else None
    return m.group("author").strip(), date


def looks_like_headline(paragraph: str, max_words: int = 25) -> bool:
    """A short line that starts with a capital and does not read as a body sentence."""
    text = paragraph.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text[0] in "\"“‘'" or text.endswith((":", ",", ";")):
        return False
    return len(text.split()) <= max_words and len(text) <= 200
