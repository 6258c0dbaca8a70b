"""The `newsdesk` command: a thin layer over the Python API.

Each command module registers itself on `app` (or a sub-app) from `_app.py`; importing them
here is what makes them part of the CLI.
"""

from __future__ import annotations

from . import eval_events as _eval_events  # noqa: F401  (registers eval plover, gsr, acled)
from . import eval_extraction as _eval_extraction  # noqa: F401  (registers eval extraction)
from . import eval_resolve as _eval_resolve  # noqa: F401  (registers eval geo, time)
from . import extract as _extract  # noqa: F401  (registers extract, clean)
from . import store as _store  # noqa: F401  (registers ingest, events, export ...)
from ._app import app, main

__all__ = ["app", "main"]
