"""The canonical example article (read from ../shared; skipped when absent)."""

from __future__ import annotations

import pytest

import newsdesk

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kyiv_events(kyiv_path):
    return [e.to_dict() for e in newsdesk.extract(kyiv_path)]


def test_every_line_is_valid_against_the_schema(kyiv_events, event_validator):
    assert kyiv_events
    for event in kyiv_events:
        event_validator.validate(event)


def test_russian_strike_on_kharkiv_on_jan_6(kyiv_events):
    assert any(
        e["type"] == "ASSAULT" and e["source"] and e["source"]["country"] == "RUS"
        and e["target"] and e["target"]["country"] == "UKR"
        and e["place"] and e["place"]["name"] == "Kharkiv" and e["date"] == "2024-01-06"
        for e in kyiv_events
    )


def test_putin_kim_meeting_in_amur_oblast_in_september_2023(kyiv_events):
    meeting = [e for e in kyiv_events if e["type"] == "CONSULT" and e["date"] == "2023-09"]
    assert any(
        {e["source"]["country"], e["target"]["country"]} == {"RUS", "PRK"}
        and e["place"]["name"].startswith("Amur")
        for e in meeting if e["source"] and e["target"] and e["place"]
    )


def test_nothing_comes_from_the_photo_caption_or_navigation(kyiv_events):
    sentences = " ".join(e["sentence"] for e in kyiv_events)
    assert "Blinken speaks" not in sentences
    assert "Skip to content" not in sentences


def test_event_ids_are_unique(kyiv_events):
    ids = [e["id"] for e in kyiv_events]
    assert len(ids) == len(set(ids))
