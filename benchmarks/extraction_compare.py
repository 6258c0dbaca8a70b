"""Compare newsdesk's article extraction with plain trafilatura on the same pages, in one process.

    .venv/bin/python benchmarks/extraction_compare.py [../shared/gold/article-extraction]

Prints one JSON object per extractor: F1, precision, recall (the benchmark's metric) and pages per
second of CPU time. Running both in one process under the same machine load makes the speed
figures comparable even when other work shares the machine.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsdesk.config import load_settings
from newsdesk.evaluate.extraction import aggregate, extracted_text, shingle_match


def _trafilatura(precise: bool) -> Callable[[Path], str]:
    def run(path: Path) -> str:
        return trafilatura.extract(gzip.decompress(path.read_bytes()), favor_precision=precise) or ""
    return run


def main(gold_dir: Path) -> None:
    truth = json.loads((gold_dir / "ground-truth.json").read_text(encoding="utf-8"))
    settings = load_settings()
    extractors: dict[str, Callable[[Path], str]] = {
        "newsdesk": lambda path: extracted_text(path, settings),
        "trafilatura": _trafilatura(False),
        "trafilatura favor_precision": _trafilatura(True),
    }
    for name, extract in extractors.items():
        counts, elapsed = [], 0.0
        for page_id in sorted(truth):
            started = time.process_time()
            text = extract(gold_dir / "html" / f"{page_id}.html.gz")
            elapsed += time.process_time() - started
            counts.append(shingle_match(truth[page_id].get("articleBody", ""), text))
        f1, precision, recall = aggregate(counts)
        print(json.dumps({"extractor": name, "f1": round(f1, 4), "precision": round(precision, 4),
                          "recall": round(recall, 4), "docs": len(counts),
                          "docs_per_s": round(len(counts) / elapsed, 1)}))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/gold/article-extraction"))
