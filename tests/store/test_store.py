"""Writing to the store: batches, records and their attributes, re-coding, errors, queries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_builders import DAY, ODESA, event, result

from newsdesk.errors import ConfigError, StoreError
from newsdesk.schema import DocumentResult, Failure, Place
from newsdesk.store import Filters, api, open_store, words

STRIKE_A = "Russian missiles struck Kharkiv overnight, killing five civilians."
STRIKE_B = "A Russian missile strike on Kharkiv killed seven civilians, officials said."
STRIKE_C = "Russian missiles hit Kharkiv, killing six civilians, the governor said."
TALKS = "Blinken met Kuleba in Kyiv to discuss air defence deliveries."
SUBURB = Place("Chuhuiv", "Chuhuiv", "UKR", "Kharkiv Oblast", 49.84, 36.69, "city")


def three_reports() -> list[DocumentResult]:
    region = Place("Kharkiv Oblast", "Kharkiv Oblast", "UKR", None, 49.5, 36.5, "admin1")
    return [
        result("d1", event("a", "d1", STRIKE_A, fatalities=5, place=region, day=dt.date(2024, 3, 1),
                           precision="month"), outlet="Wire", published=DAY),
        result("d2", event("b", "d2", STRIKE_B, fatalities=7), event("t", "d2", TALKS, type="CONSULT", source="USA",
                                                                     place=None),
               outlet="Daily", published=DAY + dt.timedelta(days=1)),
        result("d3", event("c", "d3", STRIKE_C, fatalities=6, inferred=True), outlet="Wire",
               published=DAY + dt.timedelta(days=2)),
    ]


def test_reports_of_one_strike_become_one_record_with_its_best_attributes(fresh_store):
    for item in three_reports():
        fresh_store.writer.write([item])
    [strike] = fresh_store.events(type="ASSAULT")
    assert (strike.mentions, strike.sources, strike.outlets) == (3, 3, 2)
    assert (strike.fatalities_min, strike.fatalities_max) == (5, 7)
    assert (strike.date_start, strike.date_precision) == (DAY, "day")  # stated day beats month and inferred
    assert (strike.place_name, strike.place_kind) == ("Kharkiv", "city")  # the city beats the oblast
    assert (strike.first_reported, strike.last_reported) == (DAY, DAY + dt.timedelta(days=2))
    assert strike.quad == 4
    explained = fresh_store.explain(strike.record_id)
    assert [m["doc_id"] for m in explained["mentions"]] == ["d1", "d2", "d3"]
    assert explained["mentions"][0]["merge_reason"] is None
    assert explained["mentions"][1]["merge_reason"]["actors"] == "RUS→UKR ~ RUS→UKR"


def test_a_batch_writes_documents_stories_events_and_errors(fresh_store):
    failed = DocumentResult("broken.bin", failure=Failure("broken.bin", "ingest", "binary data, not text"))
    french = result("fr", skipped="not English")
    fresh_store.writer.write([*three_reports(), failed, french])
    fresh_store.writer.write([failed])  # the same failure again replaces its row
    assert fresh_store.counts() == {"documents": 4, "stories": 4, "events": 4, "records": 2, "errors": 2}
    assert sorted((e["input"], e["stage"], e["reason"]) for e in fresh_store.errors()) == [
        ("broken.bin", "ingest", "binary data, not text"), ("fr.txt", "clean", "not English")]


def test_rewriting_a_document_replaces_its_events_and_keeps_the_coder_version(fresh_store):
    fresh_store.writer.write(three_reports())
    recoded = dataclasses.replace(event("b", "d2", STRIKE_B, fatalities=9), coder="test-coder-2")
    fresh_store.writer.write([result("d2", recoded, outlet="Daily")])
    assert fresh_store.counts()["events"] == 3
    [strike] = fresh_store.events(type="ASSAULT")
    assert strike.fatalities_max == 9
    coders = {m["doc_id"]: m["coder"] for m in fresh_store.mentions(type="ASSAULT")}
    assert coders == {"d1": "test-coder-1", "d2": "test-coder-2", "d3": "test-coder-1"}
    assert fresh_store.events(type="CONSULT") == []  # its only mention went with the old d2


def test_filters_test_records_best_attributes_and_all_their_sentences(fresh_store):
    fresh_store.writer.write([*three_reports(),
                              result("d4", event("o", "d4", "Drones attacked the port of Odesa at night.",
                                                 place=ODESA, day=DAY - dt.timedelta(days=20)), outlet="Daily")])
    def types(**given):
        return sorted(r.type + str(r.sources) for r in fresh_store.events(**given))

    assert types() == ["ASSAULT1", "ASSAULT3", "CONSULT1"]
    assert types(actor="usa") == types(source="USA") == ["CONSULT1"]
    assert types(source="RUS", target="UKR") == ["ASSAULT1", "ASSAULT3"]
    assert types(target="Kuleba") == []  # the builders name actors by their codes
    assert types(actor="UKR", type="consult") == ["CONSULT1"]
    assert types(text="governor") == ["ASSAULT3"]
    assert types(min_sources=2) == ["ASSAULT3"]
    assert types(text="the GOVERNOR said") == ["ASSAULT3"] and types(text="Odesa governor") == []
    assert types(until=DAY - dt.timedelta(days=1)) == ["ASSAULT1"]  # a record has its most specific date
    assert {m["id"] for m in fresh_store.mentions(until=DAY - dt.timedelta(days=1))} == {"a", "o"}
    assert types(since=DAY - dt.timedelta(days=10), type="ASSAULT") == ["ASSAULT3"]
    assert types(near="Odesa", km=20) == ["ASSAULT1"]
    assert types(near="49.84,36.69", km=60) == ["ASSAULT3"]
    assert types(country="UKR", status="asserted") == ["ASSAULT1", "ASSAULT3"]
    with pytest.raises(ConfigError, match="Atlantis"):
        fresh_store.events(near="Atlantis")


def test_timeline_actors_and_dyads_count_records(fresh_store):
    fresh_store.writer.write(three_reports())
    assert [(r["period"], r["type"], r["records"]) for r in fresh_store.timeline(by="month")] == [
        (dt.date(2024, 3, 1), "ASSAULT", 1), (dt.date(2024, 3, 1), "CONSULT", 1)]
    actors = {r["country"]: (r["records"], r["as_source"], r["as_target"]) for r in fresh_store.actors()}
    assert actors == {"UKR": (2, 0, 2), "RUS": (1, 1, 0), "USA": (1, 1, 0)}
    dyads = {(r["source"], r["target"]): (r["quad1"], r["quad4"]) for r in fresh_store.dyads()}
    assert dyads == {("RUS", "UKR"): (0, 1), ("USA", "UKR"): (1, 0)}
    with pytest.raises(ConfigError, match="--by"):
        fresh_store.timeline(by="fortnight")


def test_filters_object_and_keywords_combine(fresh_store):
    fresh_store.writer.write(three_reports())
    assert len(fresh_store.events(Filters(type="ASSAULT"), min_sources=3)) == 1
    assert [m["record_id"] for m in fresh_store.mentions(Filters(text="Blinken"))] == ["rt"]


def test_a_file_store_survives_reopening_and_refuses_bad_use(tmp_path):
    path = tmp_path / "events.duckdb"
    with open_store(path) as store:
        store.writer.write(three_reports())
    with open_store(path, read_only=True) as store:
        assert store.counts()["records"] == 2
        with pytest.raises(StoreError, match="read-only"):
            store.writer.write([])
        with pytest.raises(StoreError, match="no such record"):
            store.explain("r-nothing")
    with pytest.raises(StoreError, match="no event store here"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_report_that_links_two_records_merges_them_and_explain_says_why(fresh_store):
    rubble = "Rescuers pulled bodies from the rubble of an apartment block in Kharkiv city centre."
    both = "Russian missiles struck an apartment block in Kharkiv; rescuers pulled bodies from the rubble."
    fresh_store.writer.write([result("d1", event("a", "d1", STRIKE_A))])
    fresh_store.writer.write([result("d2", event("b", "d2", rubble))])
    assert fresh_store.counts()["records"] == 2
    fresh_store.writer.write([result("d3", event("c", "d3", both))])
    [record] = fresh_store.events()
    assert (record.record_id, record.sources) == ("ra", 3)
    reasons = {m["id"]: m["merge_reason"] for m in fresh_store.explain("ra")["mentions"]}
    assert reasons["a"] is None
    assert reasons["b"] == {"founded": "rb", "merged_by": "c"}
    assert reasons["c"]["bridged"] == {"rb": "b"}
    assert [m["record_id"] for m in fresh_store.mentions(text="rubble")] == ["ra", "ra"]


def test_text_matches_whole_words_through_the_index_after_merging_and_recoding(fresh_store, monkeypatch):
    monkeypatch.setattr(words, "COMPACT_MIN_ROWS", 0)  # merge the recent index rows on every batch
    for item in three_reports():
        fresh_store.writer.write([item])
    con = fresh_store.con
    assert con.execute("SELECT count(*) FROM terms_recent").fetchone()[0] == 0
    assert [r.type for r in fresh_store.events(text="KHARKIV")] == ["ASSAULT"]
    assert fresh_store.events(text="Khark") == []  # whole words only
    singular, plural = (sorted(m["id"] for m in fresh_store.mentions(text=t)) for t in ("missile", "missiles"))
    assert singular == plural == ["a", "b", "c"]  # a plural -s is folded
    assert [m["id"] for m in fresh_store.mentions(text="missiles struck")] == ["a"]
    assert fresh_store.mentions(text="struck missiles") == []  # a phrase keeps its order
    assert [m["id"] for m in fresh_store.mentions(text="the")] == ["c"]  # stop words only: the sentences are scanned
    fresh_store.writer.write([result("d2", event("b", "d2", STRIKE_B), outlet="Daily")])  # re-coded: no talks
    assert fresh_store.mentions(text="Blinken") == []
    indexed = con.execute("SELECT count(DISTINCT seq) FROM (SELECT seq FROM terms UNION ALL SELECT seq FROM terms_recent)")
    assert indexed.fetchone()[0] == fresh_store.counts()["events"] == 3


def test_common_words_are_searched_among_the_newest_records_first_with_the_same_result(fresh_store, monkeypatch):
    fresh_store.writer.write([
        result(f"d{i}", event(f"e{i}", f"d{i}", f"Artillery shelling hit {'Odesa' if i > 9 else 'a village'} again.",
                              day=DAY - dt.timedelta(days=30 * i)))
        for i in range(12)])
    everything = [r.record_id for r in fresh_store.events(text="shelling")]
    assert len(everything) == 12
    monkeypatch.setattr(api, "COMMON_SHARE", 0.0)  # every word counts as common
    assert [r.record_id for r in fresh_store.events(text="shelling", limit=2)] == everything[:2] == ["re0", "re1"]
    monkeypatch.setattr(api, "NEWEST_MARGIN", 0.5)  # the newest records hold no match: the whole store is searched
    assert [r.record_id for r in fresh_store.events(text="Odesa", limit=2)] == ["re10", "re11"]


def test_a_store_of_another_schema_version_is_refused_untouched(tmp_path):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    for read_only in (True, False):
        with pytest.raises(StoreError, match="schema version 1; this newsdesk reads and writes version 2"):
            open_store(path, read_only=read_only)
