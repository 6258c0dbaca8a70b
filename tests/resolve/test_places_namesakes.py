"""Namesakes: a big city outranks a small province elsewhere, and a province named after its capital."""

from __future__ import annotations

import pytest

from newsdesk.resolve import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


@pytest.mark.parametrize(("text", "country"), [("Sofia", "BGR"), ("Bari", "ITA"), ("Granada", "ESP")])
def test_big_city_outranks_small_province_elsewhere(gaz, text, country):
    place = gaz.resolve(text)
    assert (place.kind, place.country) == ("city", country)


def test_small_province_wins_in_its_country_or_by_level(gaz):
    assert gaz.resolve("Bari", frozenset({"SOM"})).country == "SOM"
    assert gaz.resolve("Bari region").kind == "admin1"


@pytest.mark.parametrize("text", ["Isfahan", "Tokyo"])
def test_province_named_after_its_capital_means_the_city(gaz, text):
    assert gaz.resolve(text).kind == "city"


def test_big_provinces_and_states_stay_areas(gaz):
    assert gaz.resolve("New York").kind == "admin1"
    assert gaz.resolve("Quebec").kind == "admin1"
    assert gaz.resolve("Virginia").kind == "admin1"


def test_city_suffix_names_the_city(gaz):
    place = gaz.resolve("Isfahan city")
    assert (place.name, place.kind) == ("Isfahan", "city")
    assert gaz.resolve("Kansas City").name == "Kansas City"


def test_a_town_inside_the_area_named_with_it(gaz):
    assert gaz.resolve_within("Cordoba", ["Cordoba"]).country == "ARG"  # Córdoba province, not Spain's city
    assert gaz.resolve_within("Springfield", ["Illinois"]).admin1 == "Illinois"
    assert gaz.resolve_within("Springfield", ["Atlantis"]) is None


def test_the_area_named_with_a_town_counts_by_any_of_its_names(gaz):
    assert gaz.resolve_within("Valencia", ["Valencia"]).country == "ESP"  # the Valencian Community
    assert gaz.resolve_within("Leon", ["Castilla y Leon"]).country == "ESP"


def test_a_town_in_its_area_is_the_town_unless_the_text_names_a_district(gaz):
    assert gaz.resolve_within("San Bernardino", ["California"]).kind == "city"  # not the county
    assert gaz.resolve_within("Guri LGA", ["Jigawa"]).country == "NGA"  # a local government area
    place = gaz.resolve_within("Kale township", ["Sagaing region"])
    assert (place.name, place.kind) == ("Kale", "other")


@pytest.mark.parametrize(("text", "country"), [("Kut", "IRQ"), ("Sulaymaniyah", "IRQ"), ("Fasher", "SDN")])
def test_a_town_without_its_arabic_article(gaz, text, country):
    assert gaz.resolve(text).country == country


@pytest.mark.parametrize("text", ["University", "Council", "Street", "Union"])
def test_a_common_noun_alone_is_no_town(gaz, text):
    assert gaz.resolve(text) is None


@pytest.mark.parametrize("word", ["East", "Hill", "Media"])
def test_a_common_word_alone_is_no_town(gaz, word):
    place = gaz.resolve(word)
    assert place is None or place.kind != "city"


@pytest.mark.parametrize("text", ["Amara", "Nassriya"])
def test_news_spellings_of_iraqi_towns(gaz, text):
    assert gaz.resolve(text).country == "IRQ"


def test_korea_alone_is_south_korea(gaz):
    assert gaz.resolve("Korea").country == "KOR"


def test_a_plural_names_the_people_of_a_known_place_only(gaz):
    assert gaz.resolve("Ukrainians").country == "UKR"
    assert gaz.resolve("Starbucks") is None
