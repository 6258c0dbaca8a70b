"""Fixtures for CLI tests: a runner and small articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ARTICLE = """date 2024-03-05
Skip to content
Shelling hits border town

Firefighters work at the scene. (Photo by A. Person/Example Images)

Russian forces shelled Kharkiv on Monday, killing two civilians and injuring seven, the regional governor said.
"""


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "shelling.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
