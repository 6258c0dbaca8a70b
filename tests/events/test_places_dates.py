"""Where and when an event happened: areas in brackets, whole names, places and dates inferred."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.events.roles import enclosing_areas

pytestmark = pytest.mark.slow


def _first(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {[e.type for e in events]}"
    return found[0]


def test_the_area_in_brackets_picks_the_namesake(code):
    event = _first(code("Protesters gathered in Springfield (Illinois) on 3 May 2022."), "PROTEST")
    assert event.place.country == "USA" and event.place.admin1 == "Illinois"
    assert not event.place_inferred


def test_a_name_with_lower_case_joiners_is_read_whole(code):
    event = _first(code("Gunmen attacked a bus in San Pedro de las Colonias on 4 May 2022."), "ASSAULT")
    assert event.place.country == "MEX"


def test_an_event_without_a_place_takes_the_story_place(code):
    events = code("Thousands marched through Lyon on Monday. Police later arrested five organisers.")
    assert _first(events, "PROTEST").place.name == "Lyon"
    arrest = _first(events, "COERCE")
    assert arrest.place.name == "Lyon" and arrest.place_inferred


def test_the_date_of_the_clause_beats_a_nearer_one_inside_a_noun_phrase(code):
    event = _first(code("On 8 May 2022, veterans demonstrated in Berlin to mark the anniversary of 8 May 1945."),
                   "PROTEST")
    assert event.date.start == dt.date(2022, 5, 8)


def test_a_bracketed_range_is_an_aside(code):
    event = _first(code("Around 19 February 2022 (between 18 - 20 February), gunmen attacked a bus in Kaduna."),
                   "ASSAULT")
    assert event.date.start == dt.date(2022, 2, 19)


def test_a_month_inside_a_place_name_is_no_date(code):
    assert _first(code("Soldiers arrested a man in Mayangone township."), "COERCE").date_inferred


def test_an_attack_without_parties_is_kept_when_it_has_its_own_date(code):
    assert _first(code("On 3 April 2022, an explosion occurred near a market."), "ASSAULT").weapon is None


def test_a_statement_takes_no_place_from_the_story(code):
    events = code("Artillery shelled Kherson on Monday. On Tuesday Canada condemned Russia for the attack.")
    assert _first(events, "ASSAULT").place.name == "Kherson"
    condemnation = _first(events, "ACCUSE")
    assert condemnation.place is None and not condemnation.place_inferred


def test_a_hyphenated_sit_in_is_a_protest(code):
    assert _first(code("Teachers held a sit-in outside the ministry."), "PROTEST")


def test_enclosing_areas_are_read_narrowest_first(nlp):
    doc = nlp("Rebels burned Tamba village (coded as Soro, Upper Kanta, North Region) on Friday.")
    tamba = next(t for t in doc if t.text == "Tamba")
    assert enclosing_areas(tamba) == ["Soro", "Upper Kanta", "North Region"]


def test_a_country_named_in_passing_is_not_an_inferred_place(code):
    event = _first(code("Germany condemned Russia."), "ACCUSE")
    assert event.place is None and not event.place_inferred


def test_a_town_the_parser_misses_is_still_found(code):
    # The small model reads "As" as a preposition and "Samawah" as a person.
    event = _first(code("On 13 May 2022, locals protested in As Samawah city."), "PROTEST")
    assert event.place.name == "As Samawah" and event.place.country == "IRQ"


def test_an_area_noun_after_a_city_name_is_placed_in_the_city(code):
    event = _first(code("Regime forces shelled villages in Aleppo countryside."), "ASSAULT")
    assert event.place.name == "Aleppo"


def test_a_common_word_left_of_a_name_is_no_town(code):
    events = code("Gunmen fired on a house in Al Kuwayhah sector on 2 May 2022.")
    assert all(e.place is None or e.place.country != "NOR" for e in events)  # not Ål, Norway


def test_a_place_note_says_where_the_event_is_filed(code):
    event = _first(code("On 3 May 2022, gunmen attacked a convoy near the border (coded to Kupiansk)."), "ASSAULT")
    assert event.place.country == "UKR" and not event.place_inferred


def test_a_list_of_towns_is_no_area(code):
    event = _first(code("Russian missiles struck Kharkiv, Odesa and Kyiv on Monday."), "ASSAULT")
    assert event.place.name == "Kharkiv"


@pytest.mark.parametrize(("text", "type_", "country", "admin1"), [
    # a bracketed town after a building
    ("Nurses held a protest in front of the City Council of Lavras (Lavras).", "PROTEST", "BRA", None),
    # a Myanmar township (MIMU tables) and its areas
    ("On 5 January 2022, soldiers clashed with rebels in Namhkan township (Muse district, Shan-North).",
     "ASSAULT", "MMR", "Shan"),
    # an area after a comma picks the namesake
    ("On 26 May 2022, in Los Angeles, Veracruz, a man was shot dead by gunmen.", "ASSAULT", "MEX", None),
])
def test_the_place_a_sentence_names_is_in_its_country(code, text, type_, country, admin1):
    place = _first(code(text), type_).place
    assert place.country == country and admin1 in (None, place.admin1)


@pytest.mark.parametrize(("text", "type_", "town"), [
    # a town and its area after a comma: the town, not the state nearer the verb
    ("On 2 June 2021, in Morelia, Michoacan, teachers blocked a highway to demand their pay.", "PROTEST", "Morelia"),
    # a town and the areas in its brackets, one of them a city too
    ("On 9 June 2021, robbers stabbed a trader in Badagry (Badagry, Lagos).", "ASSAULT", "Badagry"),
    # a country named inside a noun phrase gives way to a town in it
    ("On 9 June 2021, nurses of the union in Iran protested in front of a hospital in Mashhad city (Razavi Khorasan).",
     "PROTEST", "Mashhad"),
    # a part of a town is not a town of the name: the town named above it
    ("On 9 June 2021, in Tegucigalpa, Francisco Morazan, gunmen shot and killed a driver in the colonia Villanueva.",
     "ASSAULT", "Tegucigalpa"),
    # ... and stands for the town named in its brackets
    ("On 9 June 2021, students protested at Liberty Square (Taipei City - Zhongzheng) against a new law.",
     "PROTEST", "Taipei"),
    # the object of 'the municipality of'
    ("On 9 June 2021, traders held a sit-in in front of the municipality of Boma (Kongo-Central).", "PROTEST", "Boma"),
    # a township the tagger took for a person
    ("On 9 June 2021, in Kale township (Kale district, Sagaing region), villagers held a protest.", "PROTEST", "Kale"),
    # a village outside the state named with it, where its township is in that state: the township
    # where people come from is not where they act
    ("On 9 June 2021, farmers from Kumano gathered in Kushimoto (Wakayama) to protest against a dam.", "PROTEST",
     "Kushimoto"),
    # a name ending in 's
    ("On 9 June 2021, nurses held a rally in St. John's (Newfoundland and Labrador) against cuts.", "PROTEST",
     "St. John's"),
    # an object named as a place, for the subject noun too
    ("On 9 June 2021, coalition air raids targeted Haradh district (Hajjah).", "ASSAULT", "Ḩaraḑ"),
    (("On 9 June 2021, in Kwin Chaung village (Thandaunggyi township, Hpa-An district, Kayin state), rebels "
      "ambushed an army column."), "ASSAULT", "Thandaunggyi"),
])
def test_the_narrowest_place_of_the_clause_wins(code, text, type_, town):
    assert _first(code(text), type_).place.name == town


def test_a_happening_named_twice_takes_the_narrower_place(code):
    text = ("On 1 May 2022, teachers joined the May Day protests in Iran and protested in front of the education "
            "office in Rasht city.")
    assert _first(code(text), "PROTEST").place.name == "Rasht"


def test_a_building_stands_for_its_town(code):
    text = "On 11 January 2022, miners demonstrated at the Pietermaritzburg High Court (Umgungundlovu, KwaZulu-Natal)."
    assert _first(code(text), "PROTEST").place.name == "Pietermaritzburg"


def test_the_country_a_protest_is_about_is_not_its_place(code):
    event = _first(code("On 28 March 2022, activists staged a protest, urging Russia to stop the war."), "PROTEST")
    assert event.place is None or event.place.country != "RUS"


def test_a_namesake_abroad_gives_way_to_the_area_named_beside_it(code):
    event = _first(code("On 16 April 2022, rebels shelled Saida village in Ar Raqqa governorate."), "ASSAULT")
    assert event.place.country == "SYR"


def test_a_purpose_clause_names_the_cause_not_the_place(code):
    text = ("On 6 February 2022, hundreds of vehicles drove into the downtown core in Halifax (Nova Scotia) to "
            "demonstrate against the mandates and to show solidarity with the convoy in Ottawa.")
    assert _first(code(text), "PROTEST").place.name == "Halifax"


def test_an_area_the_parse_heads_a_name_by_still_encloses_it(code):
    event = _first(code("On 15 January 2022, about 30 people gathered in Carcross (Yukon) to raise awareness."),
                   "PROTEST")
    assert event.place.country == "CAN"


def test_a_place_set_beside_a_name_lends_it_its_areas(code):
    text = "On 20 January 2022, soldiers clashed with separatists in Lalo village, tambon Lahan (Sai Buri, Pattani)."
    assert _first(code(text), "ASSAULT").place.country == "THA"


@pytest.mark.parametrize("text, town", [
    ("On 16 April 2022, about 50 people held a rally in Waterfront Park in San Diego (California).", "San Diego"),
    ("On 9 February 2022, parents gathered outside the B.C. legislature in Victoria (British Columbia).", "Victoria"),
])
def test_a_name_said_to_lie_in_a_town_gives_way_to_the_town(code, text, town):
    assert _first(code(text), "PROTEST").place.name == town


def test_an_event_before_any_place_takes_the_place_of_a_later_event(code):
    text = ("On 21 May 2022, a mob burnt down a shop and many houses. A pastor was attacked by the rioters in "
            "Katanga (Warji, Bauchi).")
    burnt = code(text)[0]
    assert burnt.place.country == "NGA" and burnt.place_inferred


def test_a_name_with_of_is_looked_up_whole(code):
    event = _first(code("On 14 January 2022, in Port of Spain, workers staged a protest on Wrightson Road."),
                   "PROTEST")
    assert event.place.country == "TTO"


def test_a_press_conference_with_banners_is_a_protest(code):
    text = ("On 23 May 2022, members of a civic group held a press conference with a banner in front of the Suwon "
            "City Hall (Suwon).")
    assert _first(code(text), "PROTEST").place.country == "KOR"
    assert not [e for e in code("The minister said the banner of reform would be carried forward.")
                if e.type == "PROTEST"]


def test_a_place_note_split_from_its_event_still_places_it(code):
    text = ("On 9 January 2022, between Ta Khun Taing and Kan Kyu villages (coded as Ta Khun Taing) (Shwebo "
            "township, Shwebo district, Sagaing region), the PDF attacked a military column.")
    event = _first(code(text), "ASSAULT")
    assert event.place.name == "Ta Khun Taing" and not event.place_inferred


def test_a_country_in_a_clause_about_the_actors_is_not_the_protest_place(code):
    text = ("On 13 January 2022, in Tegucigalpa (Francisco Morazan), retired officers and a group of reservists of "
            "the battalion protested in front of the Government Civic Centre to demand their pay after fighting "
            "in Iraq.")
    assert _first(code(text), "PROTEST").place.name == "Tegucigalpa"


def test_a_town_whose_name_holds_brackets(code):
    text = "On 8 January 2022, about 6,000 people marched in Freiburg (Elbe) (Stade, Niedersachsen)."
    assert _first(code(text), "PROTEST").place.name.startswith("Freiburg (Elbe)")


def test_a_park_named_after_a_town_gives_way_to_the_town_it_is_in(code):
    text = "On 11 June 2022, people gathered in Alexandra Park in Hastings to protest a planned cycle path."
    assert _first(code(text), "PROTEST").place.country == "GBR"


@pytest.mark.parametrize("text, type_, country", [
    ("On 17 February 2022, a dozen women gathered in front of the Lyon city council to denounce a law.", "PROTEST",
     "FRA"),
    ("On 31 January 2022, close to Huehuetan, Guerrero, residents blocked the highway.", "PROTEST", "MEX"),
    ("On 25 January 2022, a worker was shot on the road between Los Mochis and Guasave.", "ASSAULT", "MEX"),
    ("On 28 May 2022, militants ambushed two hunters in Kaublin, Damboa LGA (Borno).", "ASSAULT", "NGA"),
])
def test_places_named_in_other_ways(code, text, type_, country):
    assert _first(code(text), type_).place.country == country


def test_countries_between_which_something_passes_are_parties_not_places(code):
    events = code("The allies condemned arms transfers between North Korea and Russia on Tuesday.")
    assert all(e.place is None for e in events if e.type == "AID")
