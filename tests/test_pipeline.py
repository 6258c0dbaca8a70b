"""The pipeline as a whole: batching across documents, failures recorded, duplicates read once."""

from __future__ import annotations

import pytest

from newsdesk import Pipeline

pytestmark = pytest.mark.slow

ARTICLES = {
    "a.txt": "date 2023-06-01\nProtesters rallied in Belgrade on Saturday against the government.\n",
    "b.txt": "date 2023-06-02\nPolice detained 40 protesters in Tbilisi on Thursday, officials said.\n",
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(batch_size=1)


def test_results_come_in_input_order_with_failures_in_place(pipeline, tmp_path):
    names = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(str(tmp_path / name))
    names.insert(1, str(tmp_path / "missing.txt"))
    results = list(pipeline.run(names))
    assert [r.source for r in results] == names
    assert results[1].failure is not None and results[1].failure.stage == "ingest"
    assert results[0].events and results[2].events


def test_identical_documents_are_processed_once(pipeline, tmp_path):
    for copy in ("one.txt", "two.txt"):
        (tmp_path / copy).write_text(ARTICLES["a.txt"], encoding="utf-8")
    results = list(pipeline.run([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]))
    assert len(results) == 1


def test_non_english_text_is_skipped_with_a_reason(pipeline, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Die Regierung hat am Montag in Berlin neue Sanktionen gegen das Land beschlossen, "
                    "sagte ein Sprecher der Regierung und der Minister.\n", encoding="utf-8")
    (result,) = list(pipeline.run([str(path)]))
    assert result.skipped == "not English" and not result.events
