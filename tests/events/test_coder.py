"""The coder on sentences written for these tests: frames, status, roles, attributes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _one(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {[e.type for e in events]}"
    return found[0]


@pytest.mark.parametrize("text, type_, source, target", [
    ("Russia attacked Ukraine on Monday.", "ASSAULT", "RUS", "UKR"),
    ("Germany sent tanks to Poland.", "AID", "DEU", "POL"),
    ("The EU imposed sanctions on Belarus.", "SANCTION", None, "BLR"),
    ("Iran refused to meet American negotiators in Vienna.", "REJECT", "IRN", "USA"),
    ("Hamas threatened to attack Israel.", "THREATEN", "PSE", "ISR"),
    ("Japan condemned China's seizure of the fishing boat.", "ACCUSE", "JPN", "CHN"),
])
def test_type_source_and_target(code, text, type_, source, target):
    event = _one(code(text), type_)
    assert (event.source.country if event.source else None) == source
    assert (event.target.country if event.target else None) == target


def test_call_for_is_a_request_not_a_phone_call(code):
    events = code("Kenya called for an end to the fighting in Sudan.")
    assert "REQUEST" in {e.type for e in events} and "CONSULT" not in {e.type for e in events}


def test_a_refused_meeting_is_not_also_a_meeting(code):
    assert [e.type for e in code("Iran refused to meet American negotiators.")] == ["REJECT"]


def test_weak_trigger_needs_a_target_or_a_weapon(code):
    assert not code("France will launch its own satellites next year.")
    assert _one(code("Drones hit an oil depot in Russia."), "ASSAULT").weapon == "drone"


def test_symmetric_meeting_codes_both_directions(code):
    pairs = {(e.source.country, e.target.country) for e in code("Serbia and Kosovo held talks in Brussels.")}
    assert pairs == {("SRB", "XKX"), ("XKX", "SRB")}


@pytest.mark.parametrize("text, status", [
    ("Officials fear that Iran could attack Israel.", "hypothetical"),
    ("Turkey will attack Syria, officials expect.", "expected"),
    ("Russian troops allegedly attacked Ukraine.", "alleged"),
    ("Iraq reportedly attacked Kuwait.", "reported"),
    ("Iraq attacked Kuwait, according to Saudi officials.", "claimed"),
    ("Iran denied attacking Iraq.", "denied"),
    ("Russia attacked Ukraine.", "asserted"),
])
def test_status(code, text, status):
    assert _one(code(text), "ASSAULT").status == status


def test_claimant_is_the_speaker(code):
    event = _one(code("Antony Blinken said that Russia attacked Ukraine."), "ASSAULT")
    assert event.status == "claimed" and event.claimant.name == "Antony Blinken"


def test_negation(code):
    assert _one(code("Turkey did not attack Syria."), "ASSAULT").negated


def test_casualties_and_mode(code):
    event = _one(code("The Russian army shelled Ukraine on Tuesday, killing three people and wounding twelve."),
                 "ASSAULT")
    assert (event.fatalities, event.injuries, event.mode) == (3, 12, "artillery")
    assert event.date.label() == "2024-03-05" and not event.date_inferred


def test_undated_event_gets_the_publication_date_inferred(code):
    event = _one(code("Russia attacked Ukraine."), "ASSAULT")
    assert event.date.label() == "2024-03-06" and event.date_inferred


def test_event_without_any_actor_is_dropped(code):
    assert not [e for e in code("An agreement was mentioned.") if e.type == "AGREE"]


def test_a_date_is_no_trigger(code):
    assert not [e for e in code("On 31 March 2024, Russia attacked Ukraine.") if e.type == "PROTEST"]


def test_span_points_into_the_story(code):
    text = "Nothing happened here.\nRussia attacked Ukraine on Monday."
    event = _one(code(text), "ASSAULT")
    assert text[event.span[0]: event.span[1]] == event.sentence == "Russia attacked Ukraine on Monday."


def test_an_attack_that_kills_and_injures_is_one_event(code):
    (event,) = [e for e in code("A rocket attack on an army base near Mosul killed four soldiers and "
                                "injured at least 19 others on Friday.") if e.type == "ASSAULT"]
    assert (event.fatalities, event.injuries) == (4, 19)


@pytest.mark.parametrize("text", [
    "About 200 nurses gathered outside the health ministry in Lisbon to demand higher pay.",
    "Dockworkers held a protest at the port of Antwerp on Monday against new shift rules.",
])
def test_gathering_to_demand_is_a_protest(code, text):
    types = {e.type for e in code(text)}
    assert "PROTEST" in types and "REQUEST" not in types


def test_no_one_killed_is_negated(code):
    killings = [e for e in code("No civilians were killed, the army said.") if e.type == "ASSAULT"]
    assert all(e.negated for e in killings)


@pytest.mark.parametrize("text, dead", [
    ("Gunmen shot and killed a shopkeeper in Kaduna on Sunday.", 1),
    ("Militants attacked a checkpoint near Quetta. Two policemen and one guard were killed.", 3),
    ("A man was shot and killed by two armed men in Veracruz on Sunday. 1 fatality.", 1),
])
def test_tolls_of_one_victim_of_conjuncts_and_of_a_following_sentence(code, text, dead):
    assert max(e.fatalities or 0 for e in code(text) if e.type == "ASSAULT") == dead


def test_an_accused_act_is_alleged_and_the_accuser_its_claimant(code):
    event = _one(code("Pompeo accused Iran of launching a drone attack on Saudi oil plants."), "ASSAULT")
    assert event.status == "alleged" and event.claimant and event.claimant.name.endswith("Pompeo")


def test_two_happenings_of_one_sentence_have_different_ids(code):
    events = [e for e in code("On March 1, Russia shelled Ukraine, while on March 3 Russia bombed Ukraine again.")
              if e.type == "ASSAULT"]
    assert len({e.date.label() for e in events}) == 2
    assert len({e.id for e in events}) == len(events)


@pytest.mark.parametrize("text", ["Finland will give Tanzania a grant next year.",
                                  "Syria is willing to withdraw its troops from Lebanon."])
def test_a_cooperative_act_announced_by_its_doer_is_an_agreement(code, text):
    assert "AGREE" in {e.type for e in code(text)}


@pytest.mark.parametrize("text, type_", [
    ("On 3 May 2021, a soldier raped a woman in Goma.", "ASSAULT"),  # the small model lemmatizes 'raped' as 'rap'
    ("On 3 May 2021, militants set two trucks ablaze in Aba.", "COERCE"),
    ("On 3 May 2021, shoot-outs between gangs took place in Recife.", "ASSAULT"),
    ("On 3 May 2021, militants lobbed a grenade at policemen in Srinagar.", "ASSAULT"),
    ("On 3 May 2021, a truck hit a landmine near Agdam.", "ASSAULT"),
    ("On 3 May 2021, rebel drones targeted workers near Marib.", "ASSAULT"),  # 'targeted' parsed as an adjective
    ("On 3 May 2021, artillery strikes targeted several villages near Hodeidah.", "ASSAULT"),
    ("On 3 May 2021, rebels took control of Bunagana.", "ASSAULT"),
    ("On 3 May 2021, soldiers conducted an operation against rebel camps near Kidal.", "ASSAULT"),
    ("On 3 May 2021, a farmer stepped on a landmine near Loikaw.", "ASSAULT"),
    ("On 3 May 2021, rebels set off an explosive device near a police station in Tibu.", "ASSAULT"),
    ("On 3 May 2021, the body of a man was found near Nasib.", "ASSAULT"),
    ("On 3 May 2021, delivery workers carried out a motorcade in Fortaleza.", "PROTEST"),
    ("On 3 May 2021, an anarchist group set ablaze a telecom van in Lyon.", "COERCE"),
    ("On 3 May 2021, unknown men set a car on fire in front of a home in Basra.", "COERCE"),
    ("On 3 May 2021, police recovered a cache of arms in a village near Imphal.", "COERCE"),
    ("On 3 May 2021, a military patrol took place near Qamishli.", "MOBILIZE"),
    ("On 3 May 2021, union members held a press conference with banners in front of the city hall in Ulsan.",
     "PROTEST"),
    ("On 3 May 2021, health workers organized a sit in near the palace in Carthage.", "PROTEST"),
    ("On 3 May 2021, residents captured a thief and whipped him in Huanuco.", "ASSAULT"),
    ("On 3 May 2021, the army regained control of Rutshuru.", "ASSAULT"),
])
def test_more_ways_to_say_violence(code, text, type_):
    assert type_ in {e.type for e in code(text)}


@pytest.mark.parametrize("text", [
    "The band rapped on stage and the crowd cheered.",  # looks like the past of a trigger
    "The president stepped on stage and the delegates set off for the capital.",  # weak frames, no weapon
    "The committee will sit in the hall on Monday.",
])
def test_no_event(code, text):
    assert not code(text)
