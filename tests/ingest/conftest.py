"""Fixtures for the ingest tests: settings, and a way to serve canned HTTP responses."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from newsdesk.config import Settings
from newsdesk.ingest import fetch as fetch_module


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def serve(monkeypatch) -> Callable[[Callable[[httpx.Request], httpx.Response]], None]:
    """Route every fetch to a handler function instead of the network (httpx.MockTransport)."""

    def install(handler: Callable[[httpx.Request], httpx.Response]) -> None:
        def client(settings: Settings) -> httpx.Client:
            return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=False)

        monkeypatch.setattr(fetch_module, "make_client", client)

    return install
