"""Query latency (p50/p95) of every `newsdesk events` filter, and bytes per stored event.

    .venv/bin/python benchmarks/store_synthetic.py /tmp/synthetic.duckdb --events 1000000
    .venv/bin/python benchmarks/store_queries.py /tmp/synthetic.duckdb --runs 30

Each filter runs `runs` times with different values through the Python API (`Store.events`,
`limit=100` as the CLI's default; `timeline`, `actors`, `dyads` unlimited), timing the call end to
end, records built. Prints a Markdown table for docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsdesk.store import Store, open_store

WORDS = ["army", "minister", "talks", "w300", "w1200", "w5000", "w12000"]  # common to rare
STATUSES = ["asserted", "reported", "claimed", "alleged"]


def cases(store: Store, rng: random.Random) -> dict[str, Callable[[], Any]]:
    "One zero-argument query per filter, drawing new values on every call."
    con = store.con
    types = [r[0] for r in con.execute("SELECT DISTINCT type FROM records").fetchall()]
    countries = [r[0] for r in con.execute("SELECT DISTINCT source_country FROM records").fetchall()]
    places = con.execute("SELECT DISTINCT lat, lon FROM events WHERE lat IS NOT NULL LIMIT 200").fetchall()
    low, high = con.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()

    def day() -> dt.date:
        return low + dt.timedelta(days=rng.randrange((high - low).days))

    def window() -> dict[str, dt.date]:
        start = day()
        return {"since": start, "until": start + dt.timedelta(days=30)}

    def near() -> str:
        lat, lon = rng.choice(places)
        return f"{lat},{lon}"

    return {
        "--type": lambda: store.events(type=rng.choice(types), limit=100),
        "--source": lambda: store.events(source=rng.choice(countries), limit=100),
        "--target": lambda: store.events(target=rng.choice(countries), limit=100),
        "--actor": lambda: store.events(actor=rng.choice(countries), limit=100),
        "--country": lambda: store.events(country=rng.choice(countries), limit=100),
        "--since --until (30 days)": lambda: store.events(**window(), limit=100),
        "--near --km 100": lambda: store.events(near=near(), km=100, limit=100),
        "--status": lambda: store.events(status=rng.choice(STATUSES), limit=100),
        "--text": lambda: store.events(text=rng.choice(WORDS), limit=100),
        "--min-sources 3": lambda: store.events(min_sources=3, limit=100),
        "--type --actor --since --until": lambda: store.events(type=rng.choice(types), actor=rng.choice(countries),
                                                               **window(), limit=100),
        "no filter": lambda: store.events(limit=100),
        "timeline --actor (by week)": lambda: store.timeline(actor=rng.choice(countries), by="week"),
        "actors --type": lambda: store.actors(type=rng.choice(types), limit=None),
        "dyads --since --until": lambda: store.dyads(**window(), limit=None),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(6)
    with open_store(args.db, read_only=True) as store:
        counts = store.counts()
        print(f"{counts['events']:,} events in {counts['records']:,} records; "
              f"{args.db.stat().st_size / counts['events']:.0f} bytes per stored event "
              f"(file {args.db.stat().st_size / 1e6:.1f} MB)\n")
        print("| query | p50 ms | p95 ms | rows (median) |\n| --- | ---: | ---: | ---: |")
        for name, run in cases(store, rng).items():
            run()  # warm the cache once
            timings, sizes = [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                sizes.append(len(run()))
                timings.append((time.perf_counter() - started) * 1000)
            print(f"| {name} | {percentile(timings, 0.5):.1f} | {percentile(timings, 0.95):.1f} | "
                  f"{statistics.median(sizes):.0f} |")


if __name__ == "__main__":
    main()
