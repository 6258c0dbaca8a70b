"""The gazetteer: spelling variants, admin levels, admin1 names, and disambiguation by context."""

from __future__ import annotations

import pytest

from newsdesk.resolve import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_city_has_its_oblast(gaz):
    place = gaz.resolve("Kharkiv")
    assert (place.name, place.country, place.admin1, place.kind) == (
        "Kharkiv",
        "UKR",
        "Kharkiv Oblast",
        "city",
    )
    assert place.lat == pytest.approx(49.98, abs=0.05) and place.geonameid == 706483


@pytest.mark.parametrize(
    "text",
    [
        "Zaporizhzhia Oblast",
        "Zaporizhzhya Oblast",
        "Zaporozhye Oblast",
        "Zaporizhzhia region",
        "the Zaporizhzhia Oblast",
    ],
)
def test_oblast_spellings(gaz, text):
    place = gaz.resolve(text)
    assert (place.name, place.kind, place.country) == ("Zaporizhzhia Oblast", "admin1", "UKR")


@pytest.mark.parametrize("text", ["Kupiansk", "Kupyansk", "Kharkov"])
def test_transliterations(gaz, text):
    place = gaz.resolve(text)
    assert place.country == "UKR" and place.admin1 == "Kharkiv Oblast"


def test_country_and_demonym(gaz):
    assert gaz.resolve("Ukraine").kind == "country"
    assert gaz.resolve("Turkish").name == "Turkey"


def test_context_country_decides(gaz):
    assert gaz.resolve("Valencia", frozenset({"ESP"})).country == "ESP"
    assert gaz.resolve("Valencia", frozenset({"VEN"})).country == "VEN"
    assert gaz.resolve("Tripoli", frozenset({"LBN"})).country == "LBN"


def test_a_country_alone_does_not_move_a_world_city_to_a_small_namesake(gaz):
    assert gaz.resolve("Paris", frozenset({"USA"})).country == "FRA"
    geneva = gaz.resolve("Geneva", frozenset({"USA", "RUS"}))
    assert geneva.country == "CHE" and "far larger" in geneva.why
    assert gaz.resolve_all(["Paris", "Lamar County", "Texas"])[0].admin1 == "Texas"


def test_document_places_decide_together(gaz):
    places = gaz.resolve_all(["Alexandria", "Louisiana", "Pineville"])
    assert places[0].country == "USA" and places[0].admin1 == "Louisiana"
    assert "primary name" in places[0].why


def test_unknown_name_is_none(gaz):
    assert gaz.resolve("Qwxzzy") is None
    assert gaz.resolve_all(["Qwxzzy", "Kyiv"])[0] is None


def test_landmarks_parts_and_airports_stand_for_their_city(gaz):
    assert gaz.resolve("the White House").name == "Washington"
    assert gaz.resolve("Heathrow").name == "London"
    assert gaz.resolve("North London").name == "London"
    assert gaz.resolve("Kyiv airport").name == "Kyiv"


def test_every_place_alias_names_a_known_city(gaz):
    from newsdesk.lexicon import load_tsv

    for _path, row in load_tsv("place_aliases.tsv"):
        assert gaz.resolve(row["alias"]).geonameid == int(row["geonameid"]), row


def test_index_is_cached_on_disk(gaz):
    from newsdesk.resolve.places import _cache_key, cache_dir

    assert (cache_dir() / _cache_key()).is_file()


def test_regions_and_curated_names(gaz):
    donbas = gaz.resolve("the Donbas")
    assert (donbas.name, donbas.kind, donbas.country) == ("Donbas", "region", "UKR")
    assert gaz.resolve("Middle East").kind == "region"
    assert gaz.resolve("Gaza").kind == "city"


def test_an_abbreviation_is_no_small_place_code(gaz):
    assert gaz.resolve("UP") is None and gaz.resolve("CAR") is None  # not Aups (France), not a Brazilian town
    assert gaz.resolve("NYC").name == "New York City"
    assert gaz.resolve("UAE").country == "ARE"
    assert gaz.resolve("KPK").name == "Khyber Pakhtunkhwa"
    assert gaz.resolve("J&K").name == "Jammu and Kashmir"
