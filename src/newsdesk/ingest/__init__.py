"""Ingest: turn paths, folders and stdin into `Document`s.

`read_inputs` never raises for a bad input: it yields a `Failure` naming the input and the reason,
and goes on with the rest, so one bad file never stops a run.
"""

from __future__ import annotations

from .reader import read_inputs

__all__ = ["read_inputs"]
