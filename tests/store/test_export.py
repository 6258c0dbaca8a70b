"""Exports: every format writes the records it should, readable by the tools it is meant for."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest
from store_builders import event, result

from newsdesk.errors import ConfigError
from newsdesk.store import Filters
from newsdesk.store.export import export

STRIKE_A = "Russian missiles struck Kharkiv overnight, killing five civilians."
STRIKE_B = "A Russian missile strike on Kharkiv killed seven civilians, officials said."
TALKS = "Blinken met Kuleba in Kyiv to discuss air defence deliveries."


@pytest.fixture()
def store(fresh_store):
    fresh_store.writer.write([
        result("d1", event("a", "d1", STRIKE_A, fatalities=5), outlet="Wire"),
        result("d2", event("b", "d2", STRIKE_B, fatalities=7),
               event("t", "d2", TALKS, type="CONSULT", source="USA", place=None), outlet="Daily"),
    ])
    return fresh_store


def test_jsonl_records_carry_every_source_sentence(store, tmp_path):
    out = tmp_path / "records.jsonl"
    assert export(store, "jsonl", str(out), Filters(type="ASSAULT")) == 1
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["sources"] == 2 and record["fatalities_min"] == 5
    assert [(s["doc_id"], s["sentence"]) for s in record["sources_detail"]] == [("d1", STRIKE_A), ("d2", STRIKE_B)]


def test_csv_and_parquet_are_written_by_duckdb(store, tmp_path):
    assert export(store, "parquet", str(tmp_path / "r.parquet")) == 2
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'r.parquet'}'").fetchall() == [(2,)]
    assert export(store, "csv", str(tmp_path / "m.csv"), level="mentions") == 3
    rows = list(csv.DictReader((tmp_path / "m.csv").read_text().splitlines()))
    assert sorted(r["id"] for r in rows) == ["a", "b", "t"]


def test_geojson_has_a_point_per_located_record(store, tmp_path):
    out = tmp_path / "r.geojson"
    assert export(store, "geojson", str(out)) == 1
    collection = json.loads(out.read_text())
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.23, 49.99]}
    assert feature["properties"]["type"] == "ASSAULT"


def test_plover_and_cameo_use_their_standard_field_names(store, tmp_path):
    export(store, "plover", str(tmp_path / "p.jsonl"))
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert {(p["event_type"], p["actor_country"], p["recipient_country"], p["num_sources"]) for p in plover} == {
        ("ASSAULT", "RUS", "UKR", 2), ("CONSULT", "USA", "UKR", 1)}
    export(store, "cameo", str(tmp_path / "c.tsv"))
    rows = list(csv.DictReader((tmp_path / "c.tsv").read_text().splitlines(), delimiter="\t"))
    strike = next(r for r in rows if r["QuadClass"] == "4")
    assert (strike["SQLDATE"], strike["EventRootCode"], strike["NumArticles"]) == ("20240305", "19", "2")
    assert strike["SOURCEURL"].startswith("https://")


def test_bad_export_requests_are_config_errors(store):
    with pytest.raises(ConfigError, match="--format"):
        export(store, "xml")
    with pytest.raises(ConfigError, match="--output"):
        export(store, "parquet")
