"""Pairwise precision and recall of the store's deduplication on hand-labelled document pairs.

    .venv/bin/python benchmarks/store_dedup.py

`store_dedup_pairs.tsv` lists pairs of releases from ../shared/corpus/press-releases-2021-10_2022-06.jsonl
(by corpus id; the corpus itself is never copied here) with 1 when both report the same meeting,
call, visit or summit, else 0 (docs/store.md says how the candidates were drawn). The script writes
those releases as text files into a temporary folder, ingests them into a fresh store, and calls a
pair merged when some event record has mentions from both documents. Scores are printed for all
pairs and for the even and odd rows apart (tune on one half, and the other shows overfitting).

    .venv/bin/python benchmarks/store_dedup.py --keep /tmp/dedup.duckdb
    .venv/bin/python benchmarks/store_dedup.py --replay /tmp/dedup.duckdb

`--replay` re-clusters the mentions of a kept store with the current rules (`data/store.yaml`) in the
order they were stored, without parsing again: the same events, so only the clustering differs.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from collections.abc import Callable
from pathlib import Path

from store_ingest import CORPUS, write_texts

from newsdesk import Pipeline, open_store
from newsdesk.store import ingest
from newsdesk.store.dedup import Clusterer, Mention, load_rules
from newsdesk.store.duckdb import CANDIDATE_COLUMNS

PAIRS = Path(__file__).with_name("store_dedup_pairs.tsv")
CORPUS_ID = "regexp_extract(d.input, '([0-9a-f]+)\\.txt$', 1)"


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [(row["doc_a"], row["doc_b"], row["same"] == "1") for row in csv.DictReader(lines, delimiter="\t")]


def _pairs(rows: list[tuple[str, str]]) -> set[frozenset[str]]:
    "Pairs of corpus ids that share a record, from (record id, corpus id) rows."
    by_record: dict[str, set[str]] = {}
    for record, corpus_id in rows:
        by_record.setdefault(record, set()).add(corpus_id)
    return {frozenset((a, b)) for ids in by_record.values() for a in ids for b in ids if a < b}


def merged_pairs(db: Path, type_: str | None) -> set[frozenset[str]]:
    "Pairs of corpus ids whose documents share a record (of `type_`, when given)."
    with open_store(db, read_only=True) as store:
        rows = store.con.execute(
            f"SELECT DISTINCT e.record_id, {CORPUS_ID} FROM events e "
            "JOIN documents d USING (doc_id) WHERE ? IS NULL OR e.type = ?", [type_, type_]).fetchall()
    return _pairs(rows)


def replayed_pairs(db: Path, type_: str | None) -> set[frozenset[str]]:
    "Pairs of corpus ids that share a record when the stored mentions are clustered again, in stored order."
    rules = load_rules()
    with open_store(db, read_only=True) as store:
        cursor = store.con.execute(f"SELECT {', '.join(CANDIDATE_COLUMNS[:-3])}, {CORPUS_ID} FROM events e "
                                   "JOIN documents d USING (doc_id) ORDER BY e.rowid")
        rows = cursor.fetchall()
    clusterer = Clusterer([], rules)
    assigned = []
    for seq, row in enumerate(rows):
        mention = Mention.from_row({**dict(zip(CANDIDATE_COLUMNS[:-3], row)), "seq": seq}, rules)
        assigned.append((clusterer.assign(mention).record_id, row[-1], mention.type))
    return _pairs([(clusterer.record_of(r), corpus_id) for r, corpus_id, t in assigned if type_ in (None, t)])


def score(pairs: list[tuple[str, str, bool]], merged: set[frozenset[str]]) -> dict[str, float]:
    tp = sum(1 for a, b, same in pairs if same and frozenset((a, b)) in merged)
    fp = sum(1 for a, b, same in pairs if not same and frozenset((a, b)) in merged)
    fn = sum(1 for a, b, same in pairs if same and frozenset((a, b)) not in merged)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def report(pairs: list[tuple[str, str, bool]], merged: Callable[[str | None], set[frozenset[str]]]) -> None:
    "Print precision, recall and F1 for all pairs and for the even and odd rows."
    for label, type_ in (("any record", None), ("a CONSULT record", "CONSULT")):
        found = merged(type_)
        for part, rows in (("all", pairs), ("even", pairs[0::2]), ("odd", pairs[1::2])):
            s = score(rows, found)
            print(f"sharing {label} ({part} {len(rows)}): precision {s['precision']:.3f} recall {s['recall']:.3f} "
                  f"F1 {s['f1']:.3f} (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="Keep the store in this file (for `newsdesk explain`).")
    parser.add_argument("--replay", type=Path, help="Re-cluster the mentions of a store kept earlier.")
    args = parser.parse_args()
    pairs = read_pairs(PAIRS)
    if args.replay:
        report(pairs, lambda type_: replayed_pairs(args.replay, type_))
        return
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
        report(pairs, lambda type_: merged_pairs(db, type_))


if __name__ == "__main__":
    main()
