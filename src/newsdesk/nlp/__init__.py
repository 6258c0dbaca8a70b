"""NLP: load one spaCy pipeline per process and parse stories in batches."""

from __future__ import annotations

from .loader import DEFAULT_MODELS, load_pipeline

__all__ = ["DEFAULT_MODELS", "load_pipeline"]
