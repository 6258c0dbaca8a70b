"""States and towns of the `country_state_city` package (dr5hn's database) in the gazetteer."""

from __future__ import annotations

import pytest

from newsdesk.resolve import gazetteer
from newsdesk.resolve.gazetteer_csc import _similar, csc_names, data_path
from newsdesk.resolve.gazetteer_data import GazetteerEntry, approx_km
from newsdesk.resolve.places import fold

pytestmark = pytest.mark.skipif(data_path() is None, reason="country_state_city is not installed")


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


@pytest.mark.parametrize(
    ("text", "ours"),
    [("Logar", "Lowgar"), ("Kunar", "Konar"), ("Nuristan", "Nurestan"), ("Logar province", "Lowgar")],
)
def test_a_province_spelled_otherwise_is_the_gazetteers_own_area(gaz, text, ours):
    place = gaz.resolve(text, frozenset({"AFG"}))
    assert (place.name, place.country, place.kind) == (ours, "AFG", "admin1")


@pytest.mark.parametrize(
    ("text", "country", "point"),
    [("Haliliye", "TUR", (37.14, 38.80)), ("Artuklu", "TUR", (37.32, 40.72)), ("Mayo-Sava", "CMR", (11.1, 14.2))],
)
def test_a_town_geonames_lacks_is_found_in_its_country(gaz, text, country, point):
    place = gaz.resolve(text, frozenset({country}))
    assert place.country == country and place.kind == "city"
    assert approx_km((place.lat, place.lon), point) < 20


def test_a_town_without_population_gives_way_to_a_namesake_geonames_counts(gaz):
    assert gaz.resolve("Haliliye").country == "TUR"  # the only place of the name
    assert gaz.resolve("Sumenep").kind == "city"  # GeoNames' town, not the regency ("Kabupaten Sumenep")


def test_an_area_listed_as_a_town_is_an_area_named_without_its_kind_word(gaz):
    place = gaz.resolve("Sumenep district")
    assert place.country == "IDN" and place.kind == "other"


def test_an_area_the_older_table_lacks_is_known_in_its_country(gaz):
    place = gaz.resolve("Southeast Sulawesi")
    assert place.country == "IDN" and approx_km((place.lat, place.lon), (-4.1, 122.2)) < 100


@pytest.mark.parametrize("word", ["City", "Town", "Village", "Union", "Junction"])
def test_a_common_word_is_no_town_even_in_a_country_that_has_one_so_named(gaz, word):
    found = gaz.resolve(word, frozenset({"LCA", "JAM", "AUS"}))
    assert found is None or found.kind != "city"


def test_neighbouring_areas_are_not_one_however_alike_their_names():
    assert not _similar("north kordofan", "south kordofan")
    assert _similar("logar", "lowgar") and _similar("nuristan", "nurestan")


def test_a_state_placed_on_another_continent_takes_its_towns_point():
    afghan = GazetteerEntry("Kandahar", "AFG", "Kandahar", 31.61, 65.71, "city", 1, 400_000)
    names = [("Kandahar", afghan, "primary")]
    helmand = [e for _n, e, _h in csc_names(names, fold) if e.name == "Helmand" and e.kind.startswith("admin")]
    assert helmand and all(e.country == "AFG" and 29 < e.lat < 33 and 61 < e.lon < 66 for e in helmand)
