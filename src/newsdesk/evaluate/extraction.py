"""Score article extraction (ingest + clean) on the Zyte/ScrapingHub article-extraction benchmark.

The metric is the benchmark's own (its `evaluate.py`): `\\w+` tokens, shingles of 4 tokens,
TP/FP/FN per page normalised by their sum, precision and recall averaged over pages, F1 from the
two averages. The prediction for a page is the text of all its cleaned stories (each story's
title too, after the first, since a sub-headline split off as a story title is still body text).
Speed is pages per second of the CPU time spent reading and cleaning (scoring excluded), on one
core since newsdesk reads in one thread; CPU time rather than wall time, so that other work on the
machine changes it less.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..clean import clean
from ..config import Settings, load_settings
from ..errors import NewsdeskError
from ..ingest import read_inputs
from ..schema import Document

TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    """The benchmark figures for one run."""

    f1: float
    precision: float
    recall: float
    docs: int
    docs_per_s: float

    def to_dict(self) -> dict[str, float | int]:
        return {"f1": round(self.f1, 4), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "docs": self.docs, "docs_per_s": round(self.docs_per_s, 1)}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
                   if tokens[i:i + SHINGLE])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """(TP, FP, FN) of 4-token shingles, normalised to sum to 1 (all 0 when both texts are empty)."""
    gold, found = _shingles(true), _shingles(pred)
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) as the benchmark computes them from per-page counts."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


def extracted_text(path: Path, settings: Settings) -> str:
    """The article text newsdesk gets out of one page file: its stories, joined ('' on failure)."""
    parts: list[str] = []
    for item in read_inputs([str(path)], settings):
        if not isinstance(item, Document):
            continue
        try:
            cleaned = clean(item, settings.lexicon_dir)
        except NewsdeskError:
            continue
        for story in cleaned.stories:
            parts.extend(([story.title] if story.index and story.title else []) + [story.text])
    return "\n".join(parts)


def evaluate_extraction(gold_dir: str | Path, settings: Settings | None = None,
                        limit: int | None = None) -> ExtractionScore:
    """Score newsdesk on a copy of the benchmark: `gold_dir` holds `ground-truth.json` and `html/ID.html.gz`.

    Raises:
        FileNotFoundError: `gold_dir` lacks `ground-truth.json`.
    """
    gold_dir = Path(gold_dir)
    truth = json.loads((gold_dir / "ground-truth.json").read_text(encoding="utf-8"))
    settings = settings or load_settings()
    ids = sorted(truth)[:limit]
    counts = []
    elapsed = 0.0
    for page_id in ids:
        started = time.process_time()
        pred = extracted_text(gold_dir / "html" / f"{page_id}.html.gz", settings)
        elapsed += time.process_time() - started
        counts.append(shingle_match(truth[page_id].get("articleBody", ""), pred))
    f1, precision, recall = aggregate(counts)
    return ExtractionScore(f1, precision, recall, len(ids), len(ids) / elapsed if elapsed else 0.0)
