"""A throwaway in-memory store for the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.store import Store, open_store


@pytest.fixture()
def fresh_store() -> Iterator[Store]:
    """An empty store in memory."""
    with open_store(":memory:") as store:
        yield store
