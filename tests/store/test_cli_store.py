"""The store commands end to end: ingest articles written here, then query, explain and export them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

pytestmark = pytest.mark.slow

ARTICLES = {
    "wire.txt": "date 2024-03-05\nRussian forces shelled Kharkiv on Monday, killing two civilians and injuring "
                "seven, the regional governor said.\n",
    "daily.txt": "date 2024-03-05\nTwo civilians were killed when Russian forces shelled Kharkiv on Monday, "
                 "the regional governor said.\n",
    "talks.txt": "date 2024-03-06\nPresident Macron met Chancellor Scholz in Berlin on Tuesday to discuss "
                 "military aid to Ukraine.\n",
    "empty.txt": "",
}


@pytest.fixture()
def stored(tmp_path: Path, nlp) -> tuple[CliRunner, Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    runner, db = CliRunner(), tmp_path / "news.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1  # the empty file failed, and was recorded
    assert "stored 4 documents" in result.stderr or "stored 3 documents" in result.stderr
    return runner, db, folder


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_ingest_stores_events_that_keep_the_extract_contract(stored):
    runner, db, folder = stored
    result = runner.invoke(app, ["events", "--db", str(db), "--mentions", "--format", "jsonl"])
    stored_events = {m.pop("id"): m for m in _lines(result.stdout) if m.pop("record_id")}
    extracted = _lines(runner.invoke(app, ["extract", str(folder), "--format", "jsonl"]).stdout)
    assert stored_events == {e.pop("id"): e for e in extracted}
    assert any(e["type"] == "ASSAULT" and "Kharkiv" in e["sentence"] for e in stored_events.values())


def test_two_reports_of_the_shelling_are_one_record_that_explain_justifies(stored):
    runner, db, _ = stored
    records = _lines(runner.invoke(app, ["events", "--db", str(db), "--type", "ASSAULT", "--min-sources", "2",
                                         "--format", "jsonl"]).stdout)
    assert len(records) == 1 and records[0]["sources"] == 2
    explained = runner.invoke(app, ["explain", records[0]["record_id"], "--db", str(db)])
    assert explained.exit_code == 0
    assert "founded the record" in explained.stdout and "joined" in explained.stdout
    assert "kharkiv" in explained.stdout


def test_rerun_skips_stored_documents_and_errors_are_listed_once(stored):
    runner, db, folder = stored
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "(3 already stored)" in again.stderr
    errors = _lines(runner.invoke(app, ["errors", "--db", str(db), "--format", "jsonl"]).stdout)
    assert [(Path(e["input"]).name, e["stage"]) for e in errors] == [("empty.txt", "ingest")]


def test_summaries_and_exports_run_on_the_stored_records(stored, tmp_path):
    runner, db, _ = stored
    for command in (["timeline", "--by", "week"], ["actors"], ["dyads"], ["events", "--text", "kharkiv"]):
        result = runner.invoke(app, [*command, "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, (command, result.stderr)
        assert json.loads(result.stdout), command
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 0 and _lines(out.read_text())
