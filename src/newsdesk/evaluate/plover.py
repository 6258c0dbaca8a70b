"""Score the event coder on the PLV sentences (Hu et al., ACL 2024, "Zero-Shot-PLOVER").

Each row of the TSV (`../shared/gold/plover/PLV_train.tsv`, never copied into the repository) is
one news sentence with its source (`<s>…</s>`) and target (`<t>…</t>`) marked and its gold PLOVER
root class; CONCEDE and RETREAT are merged as YIELD. The coder codes the bare sentence; the event
whose actors overlap the marked ones (else the most confident) gives the predicted class. Scores:
accuracy and macro-F1 of the class, how often the coder finds an event at all, and how often the
chosen event's source and target are the marked ones. Also the accuracy per confidence band, so
that `confidence` can be read as a probability of the type being right. The root classifier reads
where the marked actors sit; with the `models` extra it also reads MiniLM embeddings and adds a
fine-tuned MiniLM's judgement, and the result names the model that answered.

`code_texts` (one parse per text, batched, inside `nlp.memory_zone()`) is shared by the other
event scorers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..events import code_story
from ..events.classifier import MERGED, RootClassifier, dense_root_classifier, features, root_classifier
from ..events.classifier_encoder import ENCODER, sentence_encoder
from ..events.classifier_tuned import TUNED, tuned_classifier
from ..schema import Event, Story

NO_EVENT = "NONE"
CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
_MARK = re.compile(r"<(s|t)>(.*?)</\1>", re.DOTALL)
CharRange = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PlvRow:
    sentence: str
    source: str
    target: str
    label: str
    source_span: CharRange | None = None
    target_span: CharRange | None = None


def unmark(marked: str) -> tuple[str, dict[str, CharRange]]:
    "The sentence without `<s>`/`<t>` marks, and the character range of each marked mention in it."
    pieces: list[str] = []
    spans: dict[str, CharRange] = {}
    done = 0
    for match in _MARK.finditer(marked):
        pieces.append(marked[done:match.start()])
        start = sum(map(len, pieces))
        pieces.append(match.group(2))
        spans[match.group(1)] = (start, start + len(match.group(2)))
        done = match.end()
    pieces.append(marked[done:])
    return "".join(pieces), spans


def read_plv(path: str | Path) -> list[PlvRow]:
    "Rows of a PLV TSV: the sentence with marks removed, the marked source and target, the gold root."
    rows = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            sentence, spans = unmark(record.get("marked_sentence") or record.get("sentence") or "")
            source, target = spans.get("s"), spans.get("t")
            rows.append(PlvRow(sentence, sentence[slice(*source)] if source else record.get("source", ""),
                               sentence[slice(*target)] if target else record.get("target", ""),
                               record.get("gold_root", "").strip(), source, target))
    return rows


def code_texts(nlp: Language, items: Iterable[tuple[str, dt.date | None]], batch_size: int = 64,
               ) -> Iterator[tuple[Doc, list[Event]]]:
    """(parse, events) of each (text, publication date), in order: one story per text.

    The parse is only valid until the next item is asked for (it lives in `nlp.memory_zone()`).
    """
    pending = list(items)
    for start in range(0, len(pending), batch_size):
        chunk = pending[start: start + batch_size]
        with nlp.memory_zone():
            for i, ((text, pub), doc) in enumerate(zip(chunk, nlp.pipe(t for t, _ in chunk))):
                yield doc, code_story(doc, Story(f"eval-{start + i}", 0, None, text, pub), pub)


@dataclass(frozen=True, slots=True)
class Coded:
    """What the coder made of one PLV row: its chosen event's class and the classifier's features."""

    rules: str
    source_found: bool
    target_found: bool
    confidence: float | None
    features: frozenset[str]


def code_rows(nlp: Language, rows: Sequence[PlvRow]) -> Iterator[Coded]:
    "Code each row's sentence and pick the event between its marked actors."
    for row, (doc, events) in zip(rows, code_texts(nlp, ((r.sentence, None) for r in rows))):
        event, src, tgt = choose(events, row)
        source, target = (doc.char_span(*chars, alignment_mode="expand") if chars else None
                          for chars in (row.source_span, row.target_span))
        names = features(doc[:], (e.type for e in events), event.type if event else None, row.source,
                         source, target)
        yield Coded(MERGED.get(event.type, event.type) if event else NO_EVENT, src, tgt,
                    event.confidence if event else None, frozenset(names))


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    "Mean F1 over the gold classes (a class never predicted scores 0)."
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def class_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    "Accuracy, macro-F1 and coverage (share with any event) of predicted classes."
    n = len(gold) or 1
    return {
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / n, 3),
        "macro_f1": round(macro_f1(gold, predicted), 3),
        "coverage": round(sum(p != NO_EVENT for p in predicted) / n, 3),
    }


def _overlaps(mention: str, actor_text: str | None) -> bool:
    "The coder's actor mention and the marked span share a word of three letters or more."
    words = {w.lower() for w in re.findall(r"\w{3,}", mention)}
    return bool(actor_text) and bool(words & {w.lower() for w in re.findall(r"\w{3,}", actor_text or "")})


def choose(events: list[Event], row: PlvRow) -> tuple[Event | None, bool, bool]:
    "(the event that best matches the marked actors, source found, target found)."
    best: tuple[int, float, Event] | None = None
    for event in events:
        src = _overlaps(row.source, event.source.text if event.source else None)
        tgt = _overlaps(row.target, event.target.text if event.target else None)
        key = (2 * src + tgt, event.confidence, event)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None, False, False
    event = best[2]
    return (event, _overlaps(row.source, event.source.text if event.source else None),
            _overlaps(row.target, event.target.text if event.target else None))


def _classifier(rows: Sequence[PlvRow]) -> tuple[RootClassifier | None, list[Sequence[float] | None]]:
    "The best shipped linear classifier that can run here, and the embedding of each row it needs."
    dense, encoder = dense_root_classifier(), sentence_encoder()
    if dense is not None and dense.encoder == ENCODER and encoder is not None:
        return dense, list(encoder.vectors([(r.sentence, r.source_span, r.target_span) for r in rows]))
    return root_classifier(), [None] * len(rows)


def _classify(rows: Sequence[PlvRow], coded: Sequence[Coded]) -> tuple[str, list[str]]:
    """The name of the best shipped model that can run here, and its class for each row.

    The linear classifier answers alone, unless it reads embeddings and the fine-tuned MiniLM is
    there too: then their log-probabilities are added (`classifier_tuned.py`). No model: the rules.
    """
    model, vectors = _classifier(rows)
    if model is None:
        return "rules", [c.rules for c in coded]
    log_p = np.array([model.log_probabilities(c.features, v) for c, v in zip(coded, vectors)]).reshape(
        len(coded), len(model.classes))
    name = f"sparse+{model.encoder}" if model.encoder else "sparse"
    tuned = tuned_classifier() if model.encoder else None
    if tuned is not None:
        log_p = tuned.combine(model.classes, log_p, tuned.log_probabilities(
            [(r.sentence, r.source_span, r.target_span) for r in rows]))
        name += f"+{TUNED}"
    return name, [model.classes[i] for i in log_p.argmax(axis=1)]


def score_plover(path: str | Path, nlp: Language, limit: int | None = None) -> dict[str, object]:
    """Accuracy, macro-F1, coverage and actor recovery of the coder on a PLV file.

    `rules` is the lexicon coder alone; the top-level figures add the shipped root classifier
    (`events/classifier.py`) when there is one. Never score the classifier on the file it was
    trained on: that is a training-set figure (see `scripts/train_plover.py` for cross-validation).

    Args:
        path: a PLV TSV with `marked_sentence` and `gold_root` columns.
        nlp: the spaCy pipeline (`newsdesk.nlp.load_pipeline()`).
        limit: score only the first rows.
    """
    rows = read_plv(path)[:limit]
    coded = list(code_rows(nlp, rows))
    gold = [r.label for r in rows]
    rules = [c.rules for c in coded]
    model, combined = _classify(rows, coded)
    n = len(rows) or 1
    bands = {}
    for low, high in CONFIDENCE_BANDS:
        hits = [g == p for g, p, c in zip(gold, rules, coded) if c.confidence is not None
                and low <= c.confidence < high]
        bands[f"{low:.1f}-{min(high, 1.0):.1f}"] = {"events": len(hits),
                                                     "accuracy": round(sum(hits) / len(hits), 3) if hits else None}
    return {
        "file": str(path),
        "sentences": len(rows),
        "classifier": model != "rules",
        "model": model,
        **class_scores(gold, combined),
        "rules": class_scores(gold, rules),
        "source_found": round(sum(c.source_found for c in coded) / n, 3),
        "target_found": round(sum(c.target_found for c in coded) / n, 3),
        "accuracy_by_confidence": bands,
        "confusions": [f"{g}->{p}: {c}" for (g, p), c in
                       Counter((g, p) for g, p in zip(gold, combined) if g != p).most_common(10)],
    }
