"""Fill an event store with N synthetic events (default 1,000,000) for the query benchmark.

    .venv/bin/python benchmarks/store_synthetic.py /tmp/synthetic.duckdb --events 1000000

Everything is generated inside DuckDB from `range()` and a fixed seed: 16 PLOVER types, 40
countries, 80 places, 50 outlets, three years of days, sentences of 12-30 words drawn from a
Zipf-like vocabulary of 20,000, and about 1.6 mentions per record (so records and mentions both exist at scale);
the word index of `--text` is built as ingest builds it.
Nothing here is real data, and nothing is committed: the file is made on the machine that measures.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdesk.store import open_store
from newsdesk.store.records import refresh_records
from newsdesk.store.words import index_events

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "PRK", "KOR", "JPN", "IND", "PAK", "IRN", "IRQ", "SYR", "ISR", "PSE",
             "TUR", "FRA", "DEU", "GBR", "ITA", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "EGY", "SAU", "YEM",
             "SDN", "ETH", "NGA", "MLI", "COD", "ZAF", "BRA", "VEN", "COL", "MEX", "AFG", "MMR"]
WORDS = ["forces", "army", "troops", "government", "minister", "president", "talks", "meeting", "missile",
         "strike", "drone", "attack", "city", "region", "border", "village", "killed", "wounded",
         "civilians", "officials", "said", "statement", "agreement", "sanctions", "aid", "protest",
         "police", "arrested", "rally", "election", "parliament", "ceasefire", "negotiations", "visit",
         "capital", "shelling", "artillery", "port", "energy", "grid", "oil", "gas", "exports", "deal",
         "treaty", "military", "exercise", "navy", "ship", "fired", "launched", "condemned", "accused",
         "rejected", "demanded", "warned", "threatened", "supported", "welcomed", "pledged", "signed"]
EPOCH = "DATE '2022-01-01'"
VOCABULARY = 20_000


def generate(path: Path, events: int, seed: float = 0.42) -> None:
    """Create `path` holding `events` synthetic mentions, their documents and records."""
    records = int(events / 1.6)
    documents = max(events // 6, 1)
    with open_store(path) as store:
        con = store.con
        con.execute(f"SELECT setseed({seed})")
        con.execute("BEGIN")
        con.execute(f"""
            INSERT INTO documents
            SELECT 'd' || i, 'synthetic/' || i || '.txt', 'https://outlet' || (i % 50) || '.example/' || i,
                   'Outlet ' || (i % 50), 'Title ' || i, NULL, {EPOCH} + (i % 1095)::INTEGER, 'en', NULL,
                   TIMESTAMP '2025-01-01'
            FROM range({documents}) t(i)""")
        # Zipf-like words: a few very common ones from WORDS, then ever rarer tokens w80 … w19999.
        con.execute(f"CREATE TEMP MACRO word_rank(h) AS floor({VOCABULARY} * pow((h % 1000003) / 1000003.0, 3))::BIGINT")
        con.execute(f"CREATE TEMP MACRO word(h) AS CASE WHEN word_rank(h) < {len(WORDS)} "
                    f"THEN list_extract({WORDS!r}, word_rank(h) + 1) ELSE 'w' || word_rank(h) END")
        con.execute("""
            CREATE TEMP TABLE places AS
            SELECT p AS pid, 'Place ' || p AS name, list_extract($countries, (p % 40) + 1) AS country,
                   -40 + random() * 100 AS lat, -100 + random() * 240 AS lon,
                   CASE WHEN p % 4 = 0 THEN 'admin1' ELSE 'city' END AS kind
            FROM range(80) t(p)""", {"countries": COUNTRIES})
        con.execute(f"""
            INSERT INTO events
            SELECT 'e' || i, 'd' || ((i * 7919) % {documents}), 0, list_extract($types, (hash(r, 5) % 16)::BIGINT + 1), NULL, [],
                   NULL,
                   src, src, src, 'GOV', NULL, tgt, tgt, tgt, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   day, NULL, 'day', i % 5 = 0, day,
                   p.name, p.name, p.country, NULL, p.lat, p.lon, p.kind, false,
                   CASE WHEN hash(r, 5) % 16 = 15 THEN (random() * 20)::INTEGER END, NULL, NULL,
                   list_extract(['asserted', 'reported', 'claimed', 'alleged'], (i % 4) + 1), false, NULL,
                   sentence, 0, length(sentence), random(), 'synthetic', 'r' || r, NULL, NULL, i, r
            FROM (
                SELECT i, r, {EPOCH} + (hash(r, 4) % 1095)::INTEGER AS day,
                       list_extract($countries, (hash(r, 1) % 40)::BIGINT + 1) AS src,
                       list_extract($countries, (hash(r, 2) % 40)::BIGINT + 1) AS tgt,
                       (hash(r, 3) % 80)::BIGINT AS pid,
                       array_to_string(list_transform(range(12 + (i % 19)::INTEGER), lambda x: word(hash(i, x))), ' ')
                           AS sentence
                FROM (SELECT i, (hash(i) % {records})::BIGINT AS r FROM range({events}) t(i))
            ) JOIN places p USING (pid)""", {"types": TYPES, "countries": COUNTRIES})
        refresh_records(con, None)
        index_events(con, 0)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.db.exists():
        parser.error(f"{args.db} exists; give a new file")
    started = time.perf_counter()
    generate(args.db, args.events)
    print(f"{args.events:,} events in {time.perf_counter() - started:.1f} s → {args.db} "
          f"({args.db.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
