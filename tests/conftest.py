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


@pytest.fixture(scope="session")
def event_validator():
    """A JSON Schema validator for one event line (`data/event.schema.json`)."""
    import json
    from importlib import resources

    from jsonschema import Draft202012Validator

    schema = json.loads((resources.files("newsdesk") / "data" / "event.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
