"""Clean: from a raw `Document` to a `CleanDocument` of stories, with every removal explained."""

from __future__ import annotations

from .cleaner import clean

__all__ = ["clean"]
