"""Throughput of `newsdesk extract` against spaCy's own `nlp.pipe` on the same texts, in one run.

    .venv/bin/python benchmarks/speed.py ../shared/corpus/press-releases-2021-10_2022-06.jsonl

Three passes over the cleaned stories of the corpus, on one process:
1. spaCy alone: `nlp.pipe` over the story texts (batches inside `nlp.memory_zone()`);
2. spaCy + coder: the same parse, then `code_story` (resolvers included) on every story; the
   coder's own time is clocked apart, so `coder_overhead` = coder time / spaCy time (goal ≤ 0.5);
3. the whole pipeline (`Pipeline.run`, as `newsdesk extract` runs it): documents/s and words/s.
Resident memory is sampled every `--every` documents during pass 3 to show it stays flat.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newsdesk.clean import clean
from newsdesk.config import load_settings
from newsdesk.errors import NewsdeskError
from newsdesk.events import code_story
from newsdesk.ingest import read_inputs
from newsdesk.pipeline import Pipeline
from newsdesk.schema import CleanDocument, Failure, Story


def rss_mib() -> float:
    "Current resident memory of this process (Linux)."
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return round(pages * resource.getpagesize() / 2**20, 1)


def stories_of(path: str, limit: int | None) -> list[tuple[Story, CleanDocument]]:
    settings = load_settings()
    out = []
    for n, item in enumerate(read_inputs([path], settings)):
        if limit is not None and n >= limit:
            break
        if isinstance(item, Failure):
            continue
        try:
            cleaned = clean(item, settings.lexicon_dir)
        except NewsdeskError:
            continue
        out.extend((story, cleaned) for story in cleaned.stories)
    return out


def parse_and_code(pipeline: Pipeline, stories: list[tuple[Story, CleanDocument]], code: bool,
                   ) -> tuple[float, float, int]:
    "(total seconds, seconds spent in the coder, events) for one pass over the stories."
    nlp, size = pipeline.nlp, pipeline.settings.batch_size
    coder_s, events, start = 0.0, 0, time.perf_counter()
    for i in range(0, len(stories), size):
        batch = stories[i: i + size]
        with nlp.memory_zone():
            for (story, doc), parsed in zip(batch, nlp.pipe((s.text for s, _ in batch), batch_size=size)):
                if code:
                    t = time.perf_counter()
                    events += len(code_story(parsed, story, doc.date, pipeline.settings.lexicon_dir))
                    coder_s += time.perf_counter() - t
    return time.perf_counter() - start, coder_s, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--every", type=int, default=200, help="memory sample interval (documents)")
    args = parser.parse_args()
    pipeline = Pipeline()
    stories = stories_of(args.corpus, args.limit)
    words = sum(len(s.text.split()) for s, _ in stories)
    docs = len({d.doc_id for _, d in stories})
    parse_and_code(pipeline, stories[:20], code=True)  # warm caches: gazetteer, lexicons
    spacy_s, _, _ = parse_and_code(pipeline, stories, code=False)
    both_s, coder_s, events = parse_and_code(pipeline, stories, code=True)
    memory, start, n = [], time.perf_counter(), 0
    for n, _result in enumerate(pipeline.run([args.corpus]), 1):
        if n % args.every == 0:
            memory.append((n, rss_mib()))
        if args.limit is not None and n >= args.limit:
            break
    extract_s = time.perf_counter() - start
    print(json.dumps({
        "corpus": args.corpus, "documents": docs, "stories": len(stories), "words": words, "events": events,
        "spacy": {"seconds": round(spacy_s, 1), "docs_per_s": round(docs / spacy_s, 1),
                  "words_per_s": round(words / spacy_s)},
        "spacy_plus_coder": {"seconds": round(both_s, 1), "coder_seconds": round(coder_s, 1)},
        "coder_overhead": round(coder_s / spacy_s, 3),
        "extract": {"documents": n, "seconds": round(extract_s, 1), "docs_per_s": round(n / extract_s, 1),
                    "words_per_s": round(words / extract_s) if args.limit is None else None},
        "rss_mib": memory, "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
