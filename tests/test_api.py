"""The Python API: `newsdesk.extract` and the package's public names."""

from __future__ import annotations

import pytest

import newsdesk

TEXT = "date 2024-05-02\nPolice arrested 12 protesters in Tbilisi on Wednesday, the interior ministry said.\n"


def test_public_names_are_exactly_all_sorted():
    public = sorted(name for name in vars(newsdesk) if not name.startswith("_") and name[0].isupper()
                    or name in ("extract", "load_settings", "open_store"))
    assert newsdesk.__all__ == sorted(newsdesk.__all__)
    assert set(public) <= set(newsdesk.__all__)


@pytest.mark.slow
def test_extract_takes_text_or_path_and_returns_the_same_events(tmp_path):
    from_text = newsdesk.extract(TEXT)
    path = tmp_path / "arrest.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_path = newsdesk.extract(path)
    assert [e.to_dict() for e in from_text] == [e.to_dict() for e in from_path]
    assert from_text and all(isinstance(e, newsdesk.Event) for e in from_text)


@pytest.mark.slow
def test_extract_of_a_missing_file_raises_a_newsdesk_error(tmp_path):
    with pytest.raises(newsdesk.NewsdeskError, match="no such file"):
        newsdesk.extract(tmp_path / "nope.txt")
