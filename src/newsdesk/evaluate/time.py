"""Score the time tagger on TimeML gold (TempEval-3 Task A): extents, types and values.

Each `.tml` file gives the document creation time (`<DCT>`) and the `<TIMEX3 type value>` spans
of its `<TEXT>`; the tags are stripped to recover the plain text and gold character offsets.
As in TempEval-3: strict extent F1 counts exact spans, relaxed extent F1 overlapping ones (one
to one); value and type accuracy are measured on the relaxed matches and value F1 is relaxed F1
times value accuracy. The gold files are read from `../shared/gold/tempeval3/`, never copied.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..resolve.timex import Timex, find_timexes

PASSES = 20
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> GoldDocument:
    """The plain text, creation date and gold TIMEX3s of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not dct_match or not body:
        raise ValueError(f"{path}: no DCT or TEXT element")
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    pos = 0
    source = body.group(1)
    for m in _TAG.finditer(source):
        chunk = html.unescape(source[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex:
                start, attrs = open_timex
                text = "".join(parts)[start:length]
                timexes.append(Timex((start, length), text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
    parts.append(html.unescape(source[pos:]))
    return GoldDocument(path.name, dt.date.fromisoformat(dct_match.group(1)), "".join(parts), tuple(timexes))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_timeml(folder: Path) -> dict[str, float | int]:
    """Tag every `.tml` file of `folder` and score it against its gold TIMEX3s."""
    docs = [read_timeml(p) for p in sorted(folder.glob("*.tml"))]
    strict = relaxed = value_ok = type_ok = n_sys = n_gold = 0
    elapsed = cpu = float("inf")
    for _pass in range(PASSES):  # the best of several passes: ten documents take milliseconds
        started, started_cpu = time.perf_counter(), time.process_time()
        systems = [find_timexes(d.text, d.dct) for d in docs]
        elapsed = min(elapsed, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    for doc, system in zip(docs, systems, strict=True):
        n_sys, n_gold = n_sys + len(system), n_gold + len(doc.timexes)
        used: set[int] = set()
        for gold in doc.timexes:
            strict += any(s.span == gold.span for s in system)
            for i, s in enumerate(system):
                if i not in used and s.span[0] < gold.span[1] and gold.span[0] < s.span[1]:
                    used.add(i)
                    relaxed += 1
                    value_ok += s.value == gold.value
                    type_ok += s.type == gold.type
                    break
    sp, sr = strict / (n_sys or 1), strict / (n_gold or 1)
    rp, rr = relaxed / (n_sys or 1), relaxed / (n_gold or 1)
    value_acc = value_ok / (relaxed or 1)
    return {
        "documents": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict_f1": round(100 * _f1(sp, sr), 1),
        "relaxed_precision": round(100 * rp, 1),
        "relaxed_recall": round(100 * rr, 1),
        "relaxed_f1": round(100 * _f1(rp, rr), 1),
        "value_accuracy": round(100 * value_acc, 1),
        "type_accuracy": round(100 * type_ok / (relaxed or 1), 1),
        "value_f1": round(100 * _f1(rp, rr) * value_acc, 1),
        "docs_per_second": round(len(docs) / elapsed, 1) if elapsed else 0.0,
        "docs_per_cpu_second": round(len(docs) / cpu, 1) if cpu else 0.0,  # steady on a busy machine
    }
