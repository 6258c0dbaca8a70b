"""Myanmar's townships and villages (MIMU tables of the `mm-geo-coder` package) in the gazetteer."""

from __future__ import annotations

import pytest

from newsdesk.resolve import gazetteer
from newsdesk.resolve.gazetteer_data import approx_km
from newsdesk.resolve.gazetteer_mimu import database_path, mimu_names

pytestmark = pytest.mark.skipif(database_path() is None, reason="mm-geo-coder is not installed")


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_a_township_geonames_lacks_is_found_in_myanmar(gaz):
    place = gaz.resolve("Namhkan township")
    assert place.country == "MMR" and place.admin1 == "Shan"
    assert approx_km((place.lat, place.lon), (23.83, 97.68)) < 30


def test_a_township_takes_the_point_of_its_town(gaz):
    place = gaz.resolve("Myitkyina township", frozenset({"MMR"}))
    assert approx_km((place.lat, place.lon), (25.38, 97.40)) < 10  # GeoNames' Myitkyina, not the villages' middle


def test_a_village_counts_only_in_a_story_about_myanmar(gaz):
    assert gaz.resolve("Kan Pyar") is None
    assert gaz.resolve("Kan Pyar", frozenset({"MMR"})).country == "MMR"


def test_every_entry_lies_in_myanmar_with_a_gazetteer_state():
    names = mimu_names({"Sagaing Region", "Shan", "Kayin State"}, {})
    assert len(names) > 50_000
    for _name, entry, _how in names:
        assert 9.5 <= entry.lat <= 28.6 and 92.1 <= entry.lon <= 101.2
    assert {e.admin1 for _n, e, _h in names} >= {"Sagaing Region", "Shan", "Kayin State"}
