"""The TimeML tagger: types and values as TempEval-3 writes them, on sentences we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.resolve import find_timexes

DCT = dt.date(2013, 3, 22)  # a Friday


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("The talks collapsed on Thursday.", "Thursday", "DATE", "2013-03-21"),
        ("Aid arrived this week.", "this week", "DATE", "2013-W12"),
        ("The ceasefire held for two weeks.", "two weeks", "DURATION", "P2W"),
        ("It was a four-week campaign.", "four-week", "DURATION", "P4W"),
        ("Rebels have gained ground in recent months.", "recent months", "DURATION", "PXM"),
        ("The border is now closed.", "now", "DATE", "PRESENT_REF"),
        ("The summit is held annually.", "annually", "SET", "XXXX"),
        ("The war began six years ago.", "six years ago", "DATE", "2007"),
        ("Floods hit last summer.", "last summer", "DATE", "2012-SU"),
        ("Borders were drawn in the 20th century.", "20th century", "DATE", "19"),
        ("Shells fell Sunday night.", "Sunday night", "TIME", "2013-03-17TNI"),
        ("The treaty dates from 1953.", "1953", "DATE", "1953"),
        ("The pandemic of 2009-2010 was severe.", "2009", "DATE", "2009"),
    ],
)
def test_timex(text, expression, kind, value):
    found = {t.text: t for t in find_timexes(text, DCT)}
    assert expression in found, found
    assert (found[expression].type, found[expression].value) == (kind, value)
    start, end = found[expression].span
    assert text[start:end] == expression
