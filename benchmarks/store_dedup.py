"""Pairwise precision and recall of the store's deduplication on hand-labelled document pairs.

    .venv/bin/python benchmarks/store_dedup.py

`store_dedup_pairs.tsv` lists pairs of releases from ../shared/corpus/press-releases-2021-10_2022-06.jsonl
(by corpus id; the corpus itself is never copied here) with 1 when both report the same meeting,
call, visit or summit, else 0 (docs/store.md says how the candidates were drawn). The script writes
those releases as text files into a temporary folder, ingests them into a fresh store, and calls a
pair merged when some event record has mentions from both documents.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from store_ingest import CORPUS, write_texts

from newsdesk import Pipeline, open_store
from newsdesk.store import ingest

PAIRS = Path(__file__).with_name("store_dedup_pairs.tsv")


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [(row["doc_a"], row["doc_b"], row["same"] == "1") for row in csv.DictReader(lines, delimiter="\t")]


def merged_pairs(db: Path, type_: str | None) -> set[frozenset[str]]:
    "Pairs of corpus ids whose documents share a record (of `type_`, when given)."
    with open_store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT DISTINCT e.record_id, regexp_extract(d.input, '([0-9a-f]+)\\.txt$', 1) FROM events e "
            "JOIN documents d USING (doc_id) WHERE ? IS NULL OR e.type = ?", [type_, type_]).fetchall()
    by_record: dict[str, set[str]] = {}
    for record, corpus_id in rows:
        by_record.setdefault(record, set()).add(corpus_id)
    return {frozenset((a, b)) for ids in by_record.values() for a in ids for b in ids if a < b}


def score(pairs: list[tuple[str, str, bool]], merged: set[frozenset[str]]) -> dict[str, float]:
    tp = sum(1 for a, b, same in pairs if same and frozenset((a, b)) in merged)
    fp = sum(1 for a, b, same in pairs if not same and frozenset((a, b)) in merged)
    fn = sum(1 for a, b, same in pairs if same and frozenset((a, b)) not in merged)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="Keep the store in this file (for `newsdesk explain`).")
    args = parser.parse_args()
    pairs = read_pairs(PAIRS)
    ids = {x for a, b, _ in pairs for x in (a, b)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        write_texts(args.corpus, folder, ids=ids)
        db = args.keep or Path(tmp) / "dedup.duckdb"
        with open_store(db) as store:
            stats = ingest(store.writer, Pipeline(), [str(folder)])
            counts = store.counts()
        print(f"{len(pairs)} pairs ({sum(p[2] for p in pairs)} same) over {len(ids)} documents; "
              f"{stats.events} events in {counts['records']} records")
        for label, type_ in (("any record", None), ("a CONSULT record", "CONSULT")):
            s = score(pairs, merged_pairs(db, type_))
            print(f"sharing {label}: precision {s['precision']:.3f} recall {s['recall']:.3f} F1 {s['f1']:.3f} "
                  f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


if __name__ == "__main__":
    main()
