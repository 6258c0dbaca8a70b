"""Ingest overhead: `newsdesk ingest` against `newsdesk extract` alone, on the same documents.

    .venv/bin/python benchmarks/store_ingest.py --docs 200 --rounds 2

Writes the first DOCS releases of the press-release corpus (../shared/corpus, never copied into the
repository) as plain-text files (a `date` line, the title, the text) into a temporary folder, then
times both commands as subprocesses, alternating, each on a fresh store. Model loading is in both.
Wall time swings with other load on the machine; the CPU time of the child processes much less.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "press-releases-2021-10_2022-06.jsonl"
NEWSDESK = [sys.executable, "-c", "from newsdesk.cli import main; main()"]


def write_texts(corpus: Path, folder: Path, count: int | None = None, ids: set[str] | None = None) -> int:
    "The first `count` releases (or those of `ids`) as `ID.txt` text files; returns their total characters."
    chars = written = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if count is not None and written >= count:
                break
            item = json.loads(line)
            if ids is not None and item["id"] not in ids:
                continue
            text = f"date {item['published'][:10]}\n{item['title'] or ''}\n\n{item['text'] or ''}\n"
            (folder / f"{item['id']}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
            written += 1
    return chars


def timed(command: list[str]) -> tuple[float, float]:
    "Wall-clock and CPU (user + system) seconds of a command; CPU time hardly moves with other load."
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.corpus.is_file():
        parser.error(f"{args.corpus}: corpus not found")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        chars = write_texts(args.corpus, folder, count=args.docs)
        extract, ingest = [], []
        for round_ in range(args.rounds):
            extract.append(timed([*NEWSDESK, "extract", str(folder), "--format", "jsonl"]))
            db = Path(tmp) / f"store-{round_}.duckdb"
            ingest.append(timed([*NEWSDESK, "ingest", str(folder), "--db", str(db), "--quiet"]))
        counts = subprocess.run([*NEWSDESK, "events", "--db", str(db), "--limit", "0", "--format", "jsonl"],
                                check=True, capture_output=True, text=True).stdout.count("\n")
        size = db.stat().st_size
    print(f"{args.docs} documents, {chars / 1e6:.2f} M characters, {counts} records; store file {size / 1e6:.1f} MB")
    for name, index in (("wall", 0), ("CPU", 1)):
        e = statistics.median(run[index] for run in extract)
        i = statistics.median(run[index] for run in ingest)
        print(f"{name}: extract {e:.1f} s ({args.docs / e:.2f} docs/s), ingest {i:.1f} s ({args.docs / i:.2f} docs/s); "
              f"overhead of the store {100 * (i - e) / e:+.1f}%  (runs: extract "
              f"{[round(r[index], 1) for r in extract]}, ingest {[round(r[index], 1) for r in ingest]})")


if __name__ == "__main__":
    main()
