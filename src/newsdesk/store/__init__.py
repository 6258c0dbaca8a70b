"""The event store (issue 6): DuckDB file, idempotent crash-safe ingest, dedup into records, queries, exports."""

from __future__ import annotations

from ..schema import EventRecord
from .api import Rows, Store, open_store
from .duckdb import DEFAULT_DB
from .ingest import IngestStats, ingest
from .query import Filters

__all__ = ["DEFAULT_DB", "EventRecord", "Filters", "IngestStats", "Rows", "Store", "ingest", "open_store"]
