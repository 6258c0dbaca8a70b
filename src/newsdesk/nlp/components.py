"""spaCy components newsdesk registers; they run before the parser.

`newsdesk_paragraphs` makes every paragraph and list item start a new sentence, so a sentence
never spans a line break (a digest's bullet items, a headline before its body) and a closing
quote stays with the sentence it closes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

CLOSING = {'"', "”", "’", "'", ")"}


@Language.component(
    "newsdesk_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Set sentence starts after line breaks; keep closing quotes with the sentence before."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif tok.text in CLOSING and not prev.whitespace_ and prev.text in {".", "!", "?"}:
            tok.is_sent_start = False
    return doc
