"""Date resolution: a case table we wrote (date_cases.yaml), durations, and what is not a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from newsdesk.resolve import find_dates, is_future

CASES = yaml.safe_load((Path(__file__).with_name("date_cases.yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"] for c in CASES])
def test_date_case(case):
    found = find_dates(case["sentence"], case["pub"], future=case.get("future", False))
    assert len(found) == 1, found
    span = found[0]
    assert span.text == case["text"]
    assert case["sentence"][span.span[0] : span.span[1]] == case["text"]
    assert (span.start, span.end, span.precision) == (case["start"], case.get("end"), case["precision"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The siege lasted for two weeks.",
        "They may march on the capital.",
        "The unit lost 2019 soldiers.",
        "Officials met for 15-19 hours.",
    ],
)
def test_not_dates(sentence):
    assert find_dates(sentence, dt.date(2024, 1, 10)) == []


def test_tense():
    assert is_future("The ministers will meet on Friday.")
    assert not is_future("The ministers met on Friday.")
