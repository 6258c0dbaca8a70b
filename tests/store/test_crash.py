"""Crash safety and locking: `kill -9` mid-ingest loses and doubles nothing; a second writer is refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import Pipeline
from newsdesk.errors import StoreError
from newsdesk.store import ingest, open_store

pytestmark = pytest.mark.slow

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Kherson", "Zaporizhzhia", "Sumy", "Mykolaiv", "Lviv"]
INGEST = [sys.executable, "-c", "from newsdesk.cli import main; main()", "ingest"]


def write_articles(folder: Path, count: int) -> list[Path]:
    "`count` short distinct articles, each with one shelling."
    folder.mkdir()
    paths = []
    for i in range(count):
        city = CITIES[i % len(CITIES)]
        path = folder / f"{i:03d}.txt"
        path.write_text(f"date 2024-03-{1 + i % 28:02d}\nRussian forces shelled {city} on Monday, killing {i + 2} "
                        f"people, the regional governor said in report number {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_until_committed(folder: Path, db: Path, commits: int) -> None:
    "Start an ingest and SIGKILL it right after its `commits`-th batch reached the disk."
    proc = subprocess.Popen([*INGEST, str(folder), "--db", str(db), "--batch", "2", "--quiet", "-v"],
                            stderr=subprocess.PIPE, text=True)
    seen = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        seen += "stored" in line
        if seen >= commits:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()


def snapshot(db: Path) -> tuple[int, list[tuple[str, int]], int]:
    "(documents, events per document, event ids that occur more than once)."
    with open_store(db, read_only=True) as store:
        con = store.con
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        per_doc = con.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id ORDER BY doc_id").fetchall()
        doubled = con.execute("SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)"
                              ).fetchone()[0]
    return docs, per_doc, doubled


def test_kill_9_mid_run_then_rerun_gives_the_same_store_as_one_clean_run(tmp_path, nlp):
    folder = tmp_path / "articles"
    write_articles(folder, 40)
    reference = tmp_path / "reference.duckdb"
    with open_store(reference) as store:
        ingest(store.writer, Pipeline(), [str(folder)])
    expected = snapshot(reference)
    assert expected[0] == 40 and expected[2] == 0

    db = tmp_path / "crashed.duckdb"
    run_until_committed(folder, db, commits=1)
    docs, per_doc, doubled = snapshot(db)
    assert 0 < docs < 40 and doubled == 0
    assert set(per_doc) <= set(expected[1])  # every stored document has all its events
    run_until_committed(folder, db, commits=2)
    finished = subprocess.run([*INGEST, str(folder), "--db", str(db), "--quiet"], check=False, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert snapshot(db) == expected


def test_a_second_writer_is_told_who_holds_the_store(tmp_path):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", ("import sys, time; from newsdesk.store import open_store; "
                               f"s = open_store({str(db)!r}); print('ready', flush=True); time.sleep(60)")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=rf"in use by process {holder.pid}.*wait for it to finish"):
            open_store(db)
        refused = subprocess.run([*INGEST, str(tmp_path), "--db", str(db)], check=False, capture_output=True, text=True)
        assert refused.returncode == 2
        assert refused.stderr.startswith("error: [E-STORE]") and "in use by process" in refused.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
