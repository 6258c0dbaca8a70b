"""Deduplication: which pairs of mentions are the same real-world event, and why."""

from __future__ import annotations

import dataclasses
import datetime as dt

from store_builders import DAY, ODESA, event

from newsdesk.store.dedup import Clusterer, Mention, compare, content_words, load_rules
from newsdesk.store.tables import EVENT_COLUMNS, event_row

STRIKE_A = "Russian missiles struck Kharkiv overnight, killing five civilians."
STRIKE_B = "A Russian missile strike on Kharkiv killed seven civilians, officials said."


def mention(e) -> Mention:
    return Mention.from_row(dict(zip(EVENT_COLUMNS, event_row(e))), load_rules())


def test_two_reports_of_one_strike_match_with_their_evidence():
    evidence = compare(mention(event("b", "d2", STRIKE_B)), mention(event("a", "d1", STRIKE_A)), load_rules())
    assert evidence is not None
    assert evidence["joined"] == "a"
    assert {"russian", "kharkiv", "civilians"} <= set(evidence["shared_words"])
    assert "0 km" in evidence["place"]


def test_each_incompatibility_keeps_mentions_apart():
    rules = load_rules()
    old = mention(event("a", "d1", STRIKE_A))
    for changed in (event("b", "d2", STRIKE_B, type="COERCE"),
                    event("b", "d2", STRIKE_B, source="BLR"),
                    event("b", "d2", STRIKE_B, day=DAY + dt.timedelta(days=5)),
                    event("b", "d2", STRIKE_B, place=ODESA),
                    event("b", "d2", "Parliament adopted the budget for the coming year.")):
        assert compare(mention(changed), old, rules) is None, changed


def test_sectors_and_unknown_places_do_not_keep_mentions_apart():
    other = dataclasses.replace(event("b", "d2", STRIKE_B, place=None), source=None)
    assert compare(mention(other), mention(event("a", "d1", STRIKE_A)), load_rules()) is not None


def test_source_and_target_may_swap_only_for_symmetric_types():
    talks_a = "Putin held talks with Erdogan in Sochi on trade and gas."
    talks_b = "Erdogan held talks with Putin in Sochi about gas and trade."
    rules = load_rules()
    consult = compare(mention(event("b", "d2", talks_b, type="CONSULT", source="TUR", target="RUS", place=None)),
                      mention(event("a", "d1", talks_a, type="CONSULT", source="RUS", target="TUR", place=None)), rules)
    assert consult is not None and "swapped" in consult["actors"]
    assert compare(mention(event("b", "d2", STRIKE_B, source="UKR", target="RUS")),
                   mention(event("a", "d1", STRIKE_A)), rules) is None


def test_a_month_overlaps_a_day_in_it_and_a_publication_date_reaches_back():
    rules = load_rules()
    month = mention(event("a", "d1", STRIKE_A, day=dt.date(2024, 3, 1), precision="month"))
    assert compare(mention(event("b", "d2", STRIKE_B, day=dt.date(2024, 3, 20))), month, rules) is not None
    reported = mention(event("b", "d2", STRIKE_B, day=DAY + dt.timedelta(days=3), inferred=True))
    assert compare(reported, mention(event("a", "d1", STRIKE_A)), rules) is not None


def test_clusterer_joins_the_best_match_and_founds_records_otherwise():
    clusterer = Clusterer([])
    first = clusterer.assign(mention(event("a", "d1", STRIKE_A)))
    second = clusterer.assign(mention(event("b", "d2", STRIKE_B)))
    other = clusterer.assign(mention(event("c", "d3", "Protesters rallied in Tbilisi against the law.",
                                           type="PROTEST", source="GEO", target="GEO", place=None)))
    assert first.record_id == second.record_id == "ra" and first.reason is None
    assert second.reason and second.reason["joined"] == "a"
    assert other.record_id == "rc"


def test_content_words_drop_stop_words_and_case():
    assert content_words("The Russian army and THE Kharkiv region") == {"russian", "army", "kharkiv", "region"}


def test_a_mention_joins_a_record_only_if_it_agrees_with_all_its_mentions():
    clusterer = Clusterer([])
    month = clusterer.assign(mention(event("a", "d1", STRIKE_A, day=dt.date(2024, 3, 1), precision="month")))
    late = clusterer.assign(mention(event("b", "d2", STRIKE_B, day=dt.date(2024, 3, 25))))
    early = clusterer.assign(mention(event("c", "d3", STRIKE_A, day=dt.date(2024, 3, 5))))
    assert month.record_id == late.record_id == "ra"
    assert early.record_id == "rc"  # it matches the month but not the 25th: no chain from the 5th to the 25th


def test_a_mention_that_matches_two_records_merges_them_into_the_oldest():
    clusterer = Clusterer([])
    first = clusterer.assign(mention(event("a", "d1", STRIKE_A)))
    rubble = "Rescuers pulled bodies from the rubble of an apartment block in Kharkiv city centre."
    second = clusterer.assign(mention(event("b", "d2", rubble)))
    bridge = clusterer.assign(mention(event(
        "c", "d3", "Russian missiles struck an apartment block in Kharkiv; rescuers pulled bodies from the rubble.")))
    assert (first.record_id, second.record_id) == ("ra", "rb")
    assert bridge.record_id == "ra" and bridge.reason and bridge.reason["bridged"] == {"rb": "b"}
    assert clusterer.record_of("rb") == "ra"
    assert clusterer.merge_note("rb") == {"founded": "rb", "merged_by": "c"}


def test_one_shared_word_is_not_enough():
    thanks = mention(event("a", "d1", "Thank you.", type="SUPPORT"))
    assert compare(mention(event("b", "d2", "Thank you very much.", type="SUPPORT")), thanks, load_rules()) is None


def test_a_place_taken_from_the_story_does_not_keep_mentions_apart():
    rules = load_rules()
    guessed = dataclasses.replace(event("b", "d2", STRIKE_B, place=ODESA), place_inferred=True)
    assert "story" in compare(mention(guessed), mention(event("a", "d1", STRIKE_A)), rules)["place"]
