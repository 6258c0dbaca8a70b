"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KYIV = SHARED / "examples" / "kyiv-independent-2024-01-10.txt"


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the whole session."""
    from newsdesk.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def kyiv_path() -> Path:
    """The canonical example article from ../shared (the test skips when it is absent)."""
    if not KYIV.is_file():
        pytest.skip("../shared/examples is not present")
    return KYIV
