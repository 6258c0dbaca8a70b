"""Each kind of boilerplate the issue names is removed with its reason; body text is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.clean import clean
from newsdesk.clean.boilerplate import boilerplate_reason
from newsdesk.clean.metadata import parse_byline
from newsdesk.schema import Document


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to content", "navigation"),
        ("Back to top", "navigation"),
        ("Soldiers patrol the border. (Photo by Jane Roe/Getty Images)", "photo caption"),
        ("Photo: Ministry of Defence", "photo caption"),
        ("This audio is created with AI assistance", "ai audio notice"),
        ("Sign up for our weekly newsletter in your inbox", "newsletter notice"),
        ("Share this article", "share notice"),
        ("Author: Maria Lopez", "author block"),
        ("The Daily Wire news desk", "author block"),
        ("Officials: Talks on grain exports stall amid new sh…", "truncated teaser"),
    ],
)
def test_boilerplate_lines(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "If you are …",
        "The minister spoke for an hour. Then he said the army would wait until…",
        "Menu prices rose by 20% in Kyiv cafes last year, the survey found.",
        "Police said the photo was taken in March.",
    ],
)
def test_body_text_is_not_boilerplate(line):
    assert boilerplate_reason(line) is None


def test_byline_with_read_time_gives_author_and_date():
    assert parse_byline("by Jane Roe January 9, 2024 11:05 PM 3 min read") == ("Jane Roe", dt.date(2024, 1, 9))
    assert parse_byline("By the way, nothing happened") is None


def test_removed_lines_are_recorded_and_metadata_kept():
    text = ("Skip to content\nTroops withdraw from border town\nby Jane Roe January 9, 2024 11:05 PM 3 min read\n"
            "Author: Jane Roe\n\nTroops withdrew from the border town of Kupiansk on Tuesday, the general "
            "staff said in a statement, citing heavy shelling.\n(Photo by John Doe/AFP)\n")
    cleaned = clean(Document("d1", "s", text))
    assert cleaned.title == "Troops withdraw from border town"
    assert (cleaned.author, cleaned.date) == ("Jane Roe", dt.date(2024, 1, 9))
    assert [s.text for s in cleaned.stories] == [
        ("Troops withdrew from the border town of Kupiansk on Tuesday, the general staff said in a statement, "
         "citing heavy shelling.")]
    assert {r.reason for r in cleaned.removed} == {"navigation", "byline", "author block", "photo caption"}
