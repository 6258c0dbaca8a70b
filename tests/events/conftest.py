"""Fixtures of the event tests: code a sentence written for the test with the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.events import code_story
from newsdesk.schema import Event, Story

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.fixture(scope="session")
def code(nlp):
    "code(text) → the events of `text`, published on PUBLISHED."

    def run(text: str) -> list[Event]:
        return code_story(nlp(text), Story("test", 0, None, text), PUBLISHED)

    return run
