"""Places decided by their document: names that fit each other, areas the text names, ACLED-style names."""

from __future__ import annotations

import pytest

from newsdesk.resolve import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_names_that_lie_together_settle_each_other(gaz):
    town, county = gaz.resolve_all(["Paris", "Henry County"])
    assert (town.country, town.admin1) == ("USA", "Tennessee")
    assert county.admin1 == "Tennessee"
    assert town.why.startswith("fits the document's other places")


@pytest.mark.parametrize(
    "document",
    [
        "Agents of the Georgia Bureau of Investigation arrested a man in Albany on Tuesday.",
        "ALBANY, Ga. - The city council voted on the new budget on Monday.",
    ],
)
def test_a_state_the_text_names_elsewhere_decides(gaz, document):
    assert gaz.resolve_all(["Albany"])[0].admin1 == "New York"
    place = gaz.resolve_all(["Albany"], document=document)[0]
    assert (place.admin1, place.why) == ("Georgia", "in an area of the document; primary name")


def test_a_person_named_washington_is_no_state(gaz):
    document = "Council member Ann Washington said the Arlington plan was ready."
    assert gaz.resolve_all(["Arlington"], document=document)[0].admin1 == "Texas"


def test_states_have_their_geonames_point(gaz):
    texas = gaz.resolve("Texas")
    assert (texas.lat, texas.lon) == pytest.approx((31.25, -99.25), abs=0.01)


def test_an_alternate_name_of_a_small_town_does_not_take_a_capital(gaz):
    assert gaz.resolve("Moscow", frozenset({"USA"})).country == "RUS"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Seoul City - Jongno", "Seoul", "city"),
        ("City of Johannesburg", "Johannesburg", "city"),
        ("Imphal West", "Imphal", "city"),
        ("Shan-North", "Shan", "admin1"),
        ("Bayern", "Bavaria", "admin1"),
        ("Thi Qar", "Dhi Qar Governorate", "admin1"),
        ("Democratic Republic of Congo", "Democratic Republic of the Congo", "country"),
        ("Kosovo", "Kosovo", "country"),
    ],
)
def test_acled_style_names(gaz, text, name, kind):
    place = gaz.resolve(text)
    assert (place.name, place.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ohioans", "Ohio"),
        ("Ft. Worth", "Fort Worth"),
        ("Port of Los Angeles", "Los Angeles"),
        ("Naugatuck River", "Naugatuck"),
        ("European", "Europe"),
        ("the Great Lakes", "Great Lakes"),
    ],
)
def test_demonyms_abbreviations_and_features(gaz, text, name):
    assert gaz.resolve(text).name == name


def test_a_loose_spelling_counts_only_in_the_documents_countries(gaz):
    assert gaz.resolve("Shaca") is not None  # some place abroad spelled alike
    assert gaz.resolve("Shaca", frozenset({"IRQ"})) is None


def test_a_town_in_a_state_makes_the_name_the_state(gaz):
    state, _town = gaz.resolve_all(
        ["California", "Fresno"], document="WASHINGTON, Pa. - A man from Fresno, California, ..."
    )
    assert (state.kind, state.name) == ("admin1", "California")
