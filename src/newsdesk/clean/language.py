"""A light, pure-Python check that a text is English, so other languages are skipped with a reason."""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "it", "at", "from", "be", "have", "has", "are", "were", "said", "an", "this", "not", "but", "or", "which", "will", "its", "their", "they", "his", "her", "after", "who", "had", "been", "more", "than", "also"]
)
MIN_SHARE = 0.12
MIN_WORDS = 8


def detect_language(text: str) -> str:
    """'en' when enough words are common English function words, 'und' for too little text, else 'xx'."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < MIN_WORDS:
        return "und"
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    return "en" if share >= MIN_SHARE else "xx"
