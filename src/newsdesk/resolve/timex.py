"""Tag every time expression of a text the TimeML way (TIMEX3 type and value), for TempEval-3 scoring.

`find_dates` gives the calendar dates events need; TimeML also marks durations ("for two weeks"
→ P2W), sets ("annually" → XXXX), the present ("now" → PRESENT_REF), seasons ("last summer" →
2012-SU), parts of days ("Sunday night" → …TNI), centuries and "six years ago". This module adds
those around `find_dates` and writes each value as TimeML does (2013-W12, 2013-03, 199 for the
1990s), so the date resolver is measured on public gold data with the official metric.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..schema import Span, TimeSpan
from .dates import find_dates, is_future, month_number

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
}
UNITS = {
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "E",
    "century": "C",
}
VAGUE = r"several|few|a few|many|recent|some|the past several|the last several|the past few|the last few"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<u>minute|hour|day|week|month|year|decade|century|centuries)s?"
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DAY_PART = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.IGNORECASE)
LEADING = re.compile(r"^(?:in|on|since|by|during|until|from|of|at|for)\s+", re.IGNORECASE)
ARTICLE_COMPOUND = re.compile(r"^(?:a|an|the)\s+(?=\S+-\S)", re.IGNORECASE)
RELATIVE_START = re.compile(r"^(?:last|past|next|coming|previous)\b", re.IGNORECASE)

# fmt: off
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("clock", re.compile(r"\b(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?:\s*(?:GMT|UTC|BST|CET|ET|EST|EDT))?"
                         r"(?P<w>\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?\b")),
    ("ago", re.compile(r"(?=\w)\b" + _NUM + r"\s+" + _UNIT + r"\s+ago\b", re.IGNORECASE)),
    ("duration", re.compile(r"(?=\w)\b(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?:(?:the|a)\s+)?(?:mere\s+)?" + _NUM
                            + r"(?:\s+|-)(?:mere\s+)?" + _UNIT + r"(?:['’](?!s))?(?![\w-])", re.IGNORECASE)),
    ("vague", re.compile(r"\b(?P<v>" + VAGUE + r")\s+" + _UNIT + r"\b", re.IGNORECASE)),
    ("present", re.compile(r"(?=[NnCcAa])\b(?:now|currently|nowadays|at present|at the moment)\b", re.IGNORECASE)),
    ("set", re.compile(r"\b(?:annually|yearly|every year|each year|daily|every day|each day|weekly|every week|"
                       r"each week|monthly|every month|each month)\b", re.IGNORECASE)),
    ("season", re.compile(r"\b(?:(?P<rel>last|this|next)\s+)(?P<s>spring|summer|autumn|fall|winter)\b", re.IGNORECASE)),
    ("century", re.compile(r"\b(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b", re.IGNORECASE)),
    ("fiscal", re.compile(r"\b(?P<rel>this|last|next)\s+fiscal\s+year\b", re.IGNORECASE)),
    ("bare_year", re.compile(r"(?<![\d$£€.,])\b(?P<y>1[89]\d\d|20\d\d)\b(?![\d%]|\s*(?:percent|people|troops))")),
    ("bare_month", re.compile(r"(?<!\. )(?<!^)(?<!\n)\b(?P<m>January|February|March|April|June|July|August|September|"
                              r"October|November|December)\b(?!\s*\d)")),
]
# fmt: on


@dataclass(frozen=True, slots=True)
class Timex:
    """A TimeML time expression: its span, text, type (DATE, TIME, DURATION, SET) and value."""

    span: Span
    text: str
    type: str
    value: str


def timeml_value(ts: TimeSpan) -> str:
    """The TimeML value of a resolved date: 2013-03-22, 2013-W12, 2013-03, 2013, 199 (the 1990s)."""
    if ts.precision == "week":
        year, week, _ = ts.start.isocalendar()
        return f"{year}-W{week:02d}"
    if ts.precision == "decade":
        return f"{ts.start.year // 10}"
    return ts.label()


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _unit(word: str) -> str:
    word = word.lower()
    return UNITS["century" if word.startswith("centur") else word.rstrip("s")]


def _duration(n: int | None, unit: str) -> str:
    count = "X" if n is None else str(n)
    if unit == "E":
        return f"P{'X' if n is None else n * 10}Y"
    if unit == "C":
        return f"P{'X' if n is None else n * 100}Y"
    return f"PT{count}{unit[1]}" if unit.startswith("T") else f"P{count}{unit}"


def _ago(n: int, unit: str, pub: dt.date) -> str:
    if unit == "Y":
        return f"{pub.year - n}"
    if unit == "M":
        index = pub.year * 12 + pub.month - 1 - n
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "W":
        year, week, _ = (pub - dt.timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    return (pub - dt.timedelta(days=n if unit == "D" else 0)).isoformat()


def _own(kind: str, m: re.Match[str], pub: dt.date, future: bool) -> tuple[str, str] | None:
    "(type, value) of a match of one of this module's patterns."
    g = m.groupdict()
    if kind == "ago":
        n = _number(g["n"])
        return ("DATE", _ago(n, _unit(g["u"]), pub)) if n is not None else None
    if kind == "duration":
        return "DURATION", _duration(_number(g["n"]), _unit(g["u"]))
    if kind == "clock":
        days = find_dates(g["w"] or "", pub, future=future)
        return "TIME", f"{(days[0].start if days else pub).isoformat()}T{int(g['h']):02d}:{g['mi']}"
    if kind == "vague":
        return "DURATION", _duration(None, _unit(g["u"]))
    if kind == "present":
        return "DATE", "PRESENT_REF"
    if kind == "set":
        word = m.group(0).lower().split()[-1]
        return "SET", {
            "annually": "XXXX",
            "yearly": "XXXX",
            "year": "XXXX",
            "daily": "XXXX-XX-XX",
            "day": "XXXX-XX-XX",
            "weekly": "XXXX-WXX",
            "week": "XXXX-WXX",
        }.get(word, "XXXX-XX")
    if kind == "season":
        season, rel = SEASONS[g["s"].lower()], g["rel"].lower()
        year = pub.year + (rel == "next") - (rel == "last" and not (season == "WI" and pub.month <= 3))
        return "DATE", f"{year}-{season}"
    if kind == "century":
        return "DATE", f"{int(g['c']) - 1:02d}"
    if kind == "fiscal":
        return "DATE", str(pub.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()])
    if kind == "bare_year":
        return "DATE", g["y"]
    month = month_number(g["m"])
    year = pub.year + (1 if future and month < pub.month else 0) - (0 if future or month <= pub.month else 1)
    return "DATE", f"{year}-{month:02d}"


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])|\n\s*\n", text):
        bounds.append((start, m.end()))
        start = m.end()
    return [*bounds, (start, len(text))]


def _trim(start: int, end: int, text: str) -> tuple[int, int]:
    """Fit a span to TimeML's extents: no leading preposition ('in 1993' → '1993'), no article before a
    compound adjective ('a four-week' → 'four-week'), but 'the' before 'last week'."""
    lead = LEADING.match(text[start:end]) or ARTICLE_COMPOUND.match(text[start:end])
    if lead:
        return start + lead.end(), end
    if RELATIVE_START.match(text[start:end]) and text[:start].lower().endswith("the "):
        return start - 4, end
    return start, end


def find_timexes(text: str, dct: dt.date) -> list[Timex]:
    """Every TimeML time expression of `text`, with its type and value, relative to `dct`.

    The patterns run over the whole text (fast); each match takes the tense of its own sentence.
    """
    bounds = _sentences(text)
    starts = [s for s, _ in bounds]
    futures = [is_future(text[s:e]) for s, e in bounds]

    def sentence_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    taken: list[tuple[int, int]] = []
    found: list[Timex] = []

    def own(patterns: list[tuple[str, re.Pattern[str]]]) -> None:
        for kind, pattern in patterns:
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                value = _own(kind, m, dct, futures[sentence_of(m.start())])
                if value:
                    taken.append(m.span())
                    found.append(Timex(m.span(), m.group(0), *value))

    own(PATTERNS[:9])
    ahead = {ts.span: ts for ts in find_dates(text, dct, future=True)} if any(futures) else {}
    for ts in find_dates(text, dct):
        s, e = ts.span or (0, 0)
        if futures[sentence_of(s)]:
            ts = ahead.get((s, e), ts)
        if any(s < te and ts_ < e for ts_, te in taken):
            continue
        kind, value = "DATE", timeml_value(ts)
        part = DAY_PART.match(text, e)
        if part and ts.precision == "day":
            kind, value, e = "TIME", f"{value}T{DAY_PARTS[part.group(1).lower()]}", part.end()
        taken.append((s, e))
        found.append(Timex((s, e), text[s:e], kind, value))
    own(PATTERNS[9:])
    out = []
    for t in found:
        s, e = _trim(*t.span, text)
        out.append(Timex((s, e), text[s:e], t.type, t.value))
    return sorted(out, key=lambda t: t.span)
