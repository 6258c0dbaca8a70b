"""newsdesk: raw news in, a sourced record of political events out.

    >>> import newsdesk
    >>> events = newsdesk.extract("date 2024-01-10\\nRussian forces shelled Kharkiv on Jan. 6.")
"""

from __future__ import annotations

import logging

from .config import Settings, load_settings
from .errors import NewsdeskError
from .pipeline import Pipeline, extract
from .schema import (
    Actor,
    CleanDocument,
    Document,
    DocumentResult,
    Event,
    Failure,
    Place,
    Removed,
    Story,
    TimeSpan,
)
from .store import open_store

logging.getLogger("newsdesk").addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "CleanDocument",
    "Document",
    "DocumentResult",
    "Event",
    "Failure",
    "NewsdeskError",
    "Pipeline",
    "Place",
    "Removed",
    "Settings",
    "Story",
    "TimeSpan",
    "extract",
    "load_settings",
    "open_store",
]
