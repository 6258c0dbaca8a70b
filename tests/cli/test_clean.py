"""`newsdesk clean`: the cleaned document with its metadata and the boilerplate removed."""

from __future__ import annotations

import json

from newsdesk.cli import app


def test_clean_json_lists_removed_boilerplate_with_reasons(runner, article):
    result = runner.invoke(app, ["clean", str(article), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["title"] == "Shelling hits border town"
    assert doc["date"] == "2024-03-05"
    reasons = {r["reason"] for r in doc["removed"]}
    assert {"navigation", "photo caption"} <= reasons
    text = " ".join(s["text"] for s in doc["stories"])
    assert text.startswith("Russian forces shelled") and "Photo by" not in text


def test_clean_text_prints_stories(runner, article):
    result = runner.invoke(app, ["clean", str(article), "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Shelling hits border town")
