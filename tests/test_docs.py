"""The docs cover what the code offers: every setting and every CLI command."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from newsdesk.cli import app
from newsdesk.config import SETTINGS_HELP

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(SETTINGS_HELP))
def test_every_setting_is_documented(name):
    assert f"`{name}`" in (DOCS / "settings.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub is None:
            names.append(name)
        else:
            names.extend(f"{name} {s}" for s in sub)
    return sorted(names)


def test_every_command_is_documented_with_help():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in _commands():
        assert f"newsdesk {name}" in text, f"docs/cli.md lacks `newsdesk {name}`"
    for command in group.commands.values():  # type: ignore[attr-defined]
        assert command.help or getattr(command, "commands", None)
