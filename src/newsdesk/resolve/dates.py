"""Find time expressions in news text and resolve them against the publication date.

News writes "Jan. 6", "on Tuesday", "Dec. 30" (last year, in a January article), "next week",
"Jan. 15-19". Each expression becomes a `TimeSpan` (start, end, precision) plus its character
span. The tense of the sentence decides which way an underspecified date points: "on Tuesday"
in a past-tense sentence is the latest Tuesday on or before the publication date.
Durations ("for two weeks") are not dates and are not matched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..schema import TimeSpan

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?P<{g}>"
    + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
    + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z]))"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?!\d)"
_MONTH_START = r"(?=[JFMASONDjfmasond])"  # each pattern opens with the letters it can start with: 2x faster
_DASH = r"\s*(?:-|–|—|to|until|through)\s*"


def _p(template: str, **groups: str) -> str:
    return template.format(**{k: v.format(g=k) for k, v in groups.items()})


# fmt: off
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("between", re.compile(_p(r"(?=[Bb])\bbetween\s+{m1}\s+{d1}\s+and\s+(?:{m2}\s+)?{d2}(?:,?\s+{y})?",
                              m1=_MONTH, d1=_DAY, m2=_MONTH, d2=_DAY, y=_YEAR), re.IGNORECASE)),
    ("month_day", re.compile(_p(_MONTH_START + r"\b{m}\s*{d}(?:" + _DASH + r"(?:{m2}\s*)?{d2})?(?:,?\s+{y})?",
                                m=_MONTH, d=_DAY, m2=_MONTH, d2=_DAY, y=_YEAR), re.IGNORECASE)),
    ("day_month", re.compile(_p(r"\b{d}(?:" + _DASH + r"{d2})?\s+(?:of\s+)?{m}(?:,?\s+{y})?",
                                d=_DAY, d2=_DAY, m=_MONTH, y=_YEAR), re.IGNORECASE)),
    ("month_year", re.compile(_p(r"(?=[JFMASONDjfmasondEeLl])\b(?:(?:early|mid|late)[- ])?{m}\s+(?:of\s+)?{y}", m=_MONTH, y=_YEAR), re.IGNORECASE)),
    ("decade", re.compile(r"(?=[TtEeMmLl12])\b(?:the\s+)?(?:early\s+|mid-|late\s+)?(?P<y>(?:19|20)\d0)['’]?s\b", re.IGNORECASE)),
    ("year", re.compile(r"(?=[IiSsBbDdOoUuFf])\b(?:in|since|by|during|of|until|from)\s+(?P<y>(?:19|20)\d\d)(?![\d-])", re.IGNORECASE)),
    ("weekday", re.compile(r"(?=[LlTtNnOoEeMmWwFfSs])\b(?:(?P<rel>last|this|next|on|early|late)\s+)?(?P<w>monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)),
    ("relative", re.compile(r"(?=[YyTtOoLlNnPpEe])\b(?P<r>yesterday|today|tomorrow|tonight|overnight|last night|"
                            r"(?:last|this|next|past)\s+(?:week|month|year|weekend)|"
                            r"earlier\s+this\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b", re.IGNORECASE)),
    ("month_rel", re.compile(_p(r"(?=[EeLlMmTtNnPp])\b(?:(?:early|late|mid-?)\s+)?(?P<rel>last|this|next|past)\s+{m}(?!\s*\d)",
                                m=_MONTH), re.IGNORECASE)),
    ("month", re.compile(_p(r"(?=[IiSsBbDdUuFfEeLlMm])\b(?:in|since|by|during|until|from|early|late|mid-?)\s+{m}(?!\s*\d)",
                            m=_MONTH), re.IGNORECASE)),
]
# fmt: on
FUTURE = re.compile(
    r"\b(?:will|won't|shall|going to|expected to|plans? to|planned|scheduled|due to|"
    r"set to|to be held|next|upcoming|would)\b",
    re.IGNORECASE,
)


def is_future(sentence: str) -> bool:
    """A cheap tense test: does the sentence speak of the future ("will", "is expected to", "next")?"""
    return bool(FUTURE.search(sentence))


def month_number(word: str) -> int:
    "'Jan.' / 'January' / 'Sept' → 1..12."
    w = word.lower().rstrip(".")
    return MONTH_NAMES.get(w) or MONTH_ABBR[w[:4] if w.startswith("sept") else w[:3]]


def _infer_year(month: int, day: int, pub: dt.date, future: bool) -> int:
    "Pick the year that puts month/day on the side of `pub` the tense implies."
    year = pub.year
    try:
        candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return year
    if not future and candidate > pub + dt.timedelta(days=7):
        return year - 1
    if future and candidate < pub - dt.timedelta(days=7):
        return year + 1
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week(start: dt.date) -> tuple[dt.date, dt.date]:
    monday = start - dt.timedelta(days=start.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(word: str, pub: dt.date) -> tuple[dt.date, str, dt.date | None]:
    w = " ".join(word.lower().split())
    day = dt.timedelta(days=1)
    if w in ("yesterday", "last night", "overnight"):
        return pub - day, "day", None
    if w in ("today", "tonight"):
        return pub, "day", None
    if w == "tomorrow":
        return pub + day, "day", None
    unit = w.split()[-1]
    shift = -1 if w.startswith(("last", "past")) else 1 if w.startswith("next") else 0
    if unit in ("week", "weekend"):
        start, end = _week(pub + dt.timedelta(weeks=shift))
        if unit == "weekend":
            return start + 5 * day, "day", end
        return start, "week", end
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 + shift
        start, end = _month_span(month_index // 12, month_index % 12 + 1)
        return start, "month", None
    return dt.date(pub.year + shift, 1, 1), "year", None


def _resolve(kind: str, m: re.Match[str], pub: dt.date, future: bool) -> TimeSpan | None:
    g = m.groupdict()
    if any(g.get(k) and g[k][0].islower() for k in ("m", "m1", "m2")):
        return None  # news capitalises months; a lowercase "may"/"march" is a verb
    span = (m.start(), m.end())
    text = m.group(0)
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return TimeSpan(d, "day", None, text, span) if d else None
    if kind in ("month_day", "day_month", "between"):
        m1 = month_number(g.get("m") or g.get("m1") or "")
        d1 = int(g.get("d") or g.get("d1") or 0)
        year = int(g["y"]) if g.get("y") else _infer_year(m1, d1, pub, future)
        start = _safe_date(year, m1, d1)
        if start is None:
            return None
        end = None
        if g.get("d2"):
            m2 = month_number(g["m2"]) if g.get("m2") else m1
            end = _safe_date(year + (1 if m2 < m1 else 0), m2, int(g["d2"]))
            if end is None or end <= start:
                end = None
        return TimeSpan(start, "day", end, text, span)
    if kind == "month_year":
        return TimeSpan(dt.date(int(g["y"]), month_number(g["m"]), 1), "month", None, text, span)
    if kind == "month":
        month = month_number(g["m"])
        return TimeSpan(dt.date(_infer_year(month, 1, pub, future), month, 1), "month", None, text, span)
    if kind == "month_rel":
        month, rel = month_number(g["m"]), g["rel"].lower()
        year = (
            pub.year
            + (rel == "next" and month <= pub.month)
            - (rel in ("last", "past") and month >= pub.month)
        )
        return TimeSpan(dt.date(year, month, 1), "month", None, text, span)
    if kind == "year":
        return TimeSpan(dt.date(int(g["y"]), 1, 1), "year", None, text, span)
    if kind == "decade":
        y = int(g["y"])
        return TimeSpan(dt.date(y, 1, 1), "decade", dt.date(y + 9, 12, 31), text, span)
    if kind == "weekday":
        target = WEEKDAYS[g["w"].lower()]
        rel = (g.get("rel") or "").lower()
        ahead = rel == "next" or (future and rel != "last")
        if ahead:
            delta = (target - pub.weekday()) % 7 or (7 if rel == "next" else 0)
            return TimeSpan(pub + dt.timedelta(days=delta), "day", None, text, span)
        delta = (pub.weekday() - target) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return TimeSpan(pub - dt.timedelta(days=delta), "day", None, text, span)
    start, precision, end = _relative(g["r"], pub)
    return TimeSpan(start, precision, end, text, span)  # type: ignore[arg-type]


def find_dates(text: str, pub_date: dt.date, future: bool = False) -> list[TimeSpan]:
    """Every time expression of `text`, resolved, in text order; overlapping matches keep the first.

    Args:
        text: a sentence or clause.
        pub_date: the document's publication date, the anchor of relative expressions.
        future: the sentence speaks of the future ("will", "expected to", "next week").
    """
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = _resolve(kind, m, pub_date, future)
            if span is not None:
                taken.append((m.start(), m.end()))
                found.append(span)
    return sorted(found, key=lambda s: s.span or (0, 0))
