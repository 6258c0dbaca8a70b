"""Issue 5's acceptance list: the events the example article must yield (read from ../shared)."""

from __future__ import annotations

import pytest

import newsdesk

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(kyiv_path, nlp):
    return [e.to_dict() for e in newsdesk.extract(kyiv_path)]


def _find(events, type_, source, target, **fields):
    "The events of a type between two countries whose other fields equal `fields`."
    return [e for e in events if e["type"] == type_
            and (e["source"] or {}).get("country") == source and (e["target"] or {}).get("country") == target
            and all(e[k] == v for k, v in fields.items())]


def test_condemnation_of_north_korea_by_the_us_and_allies(events):
    assert _find(events, "ACCUSE", "USA", "PRK", date="2024-01-09", status="asserted")


def test_north_koreas_alleged_arms_transfer_to_russia(events):
    assert _find(events, "AID", "PRK", "RUS", status="alleged", weapon="ballistic missile")


def test_strike_on_kharkiv_claimed_by_kirby(events):
    found = _find(events, "ASSAULT", "RUS", "UKR", date="2024-01-06", status="claimed")
    assert found and found[0]["place"]["name"] == "Kharkiv"
    assert found[0]["claimant"]["name"] == "John Kirby"


def test_alleged_strike_landing_in_zaporizhzhia_oblast(events):
    found = _find(events, "ASSAULT", "RUS", "UKR", date="2023-12-30", status="alleged")
    assert found and found[0]["place"]["name"].startswith("Zaporizh")


def test_jan_2_attack_killed_five_and_injured_130(events):
    found = _find(events, "ASSAULT", "RUS", "UKR", date="2024-01-02", fatalities=5, injuries=130)
    assert found and found[0]["status"] == "asserted"
    assert not any(e["source"] and e["source"]["country"] == "PRK" and e["type"] == "ASSAULT" for e in events)


def test_putin_kim_meeting_and_no_spurious_assault(events):
    meeting = [e for e in events if e["type"] == "CONSULT" and e["date"] == "2023-09"]
    assert meeting and meeting[0]["place"]["name"].startswith("Amur")
    assert not [e for e in events if "Amur" in e["sentence"] and e["type"] == "ASSAULT"]


def test_drone_strike_on_oil_depot_is_claimed_by_russian_officials(events):
    found = [e for e in events if e["type"] == "ASSAULT" and "oil depot" in e["sentence"]]
    assert found and found[0]["date"] == "2024-01-09" and found[0]["status"] == "claimed"
    assert found[0]["claimant"]["text"] == "Russian officials"
    assert found[0]["target"]["country"] == "RUS" and found[0]["weapon"] == "drone"


def test_zelensky_expected_visit_to_switzerland(events):
    found = _find(events, "CONSULT", "UKR", "CHE", status="expected")
    assert found and found[0]["source"]["name"] == "Volodymyr Zelensky"
    assert (found[0]["date"], found[0]["date_end"]) == ("2024-01-15", "2024-01-19")
    assert found[0]["place"]["name"] in ("Davos", "Bern")


def test_feared_transfer_is_hypothetical_never_asserted(events):
    found = [e for e in events if e["type"] == "AID" and "fear" in e["sentence"]]
    assert found and all(e["status"] == "hypothetical" for e in found)


def test_call_for_is_a_request_and_every_event_has_an_actor(events):
    assert not [e for e in events if e["type"] == "CONSULT" and e["trigger"] == "calling"]
    assert [e for e in events if e["type"] == "REQUEST" and e["trigger"] == "calling"]
    assert all(e["source"] or e["target"] or (e["type"] == "ASSAULT" and e["place"]) for e in events)


def test_coder_version_and_confidence_are_recorded(events):
    assert all(e["coder"].startswith("newsdesk.coder.rules.v5") for e in events)
    assert all(0 < e["confidence"] <= 1 for e in events)
