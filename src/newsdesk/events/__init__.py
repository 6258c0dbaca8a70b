"""Events: the PLOVER coder over a parsed story."""

from __future__ import annotations

from .coder import CODER_NAME, code_story
from .ontology import EVENT_TYPES, lexicon

__all__ = ["CODER_NAME", "EVENT_TYPES", "code_story", "lexicon"]
