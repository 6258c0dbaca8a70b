"""Settings: defaults < newsdesk.toml < NEWSDESK_* environment < explicit overrides."""

from __future__ import annotations

import pytest

from newsdesk.config import SETTINGS_HELP, load_settings
from newsdesk.errors import ConfigError


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    for name in SETTINGS_HELP:
        monkeypatch.delenv(f"NEWSDESK_{name.upper()}", raising=False)
    return tmp_path


def test_defaults(in_tmp):
    settings = load_settings()
    assert settings.batch_size == 32 and settings.model is None


def test_file_then_environment_then_overrides(in_tmp, monkeypatch):
    (in_tmp / "newsdesk.toml").write_text("[newsdesk]\nbatch_size = 8\nmax_bytes = 100\n")
    assert load_settings().batch_size == 8
    monkeypatch.setenv("NEWSDESK_BATCH_SIZE", "4")
    assert load_settings().batch_size == 4
    assert load_settings().max_bytes == 100
    assert load_settings(batch_size=2).batch_size == 2


def test_bad_values_and_names_are_config_errors(in_tmp, monkeypatch):
    monkeypatch.setenv("NEWSDESK_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings()
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(colour="blue")
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(in_tmp / "missing.toml")
