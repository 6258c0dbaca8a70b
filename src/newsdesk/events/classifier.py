"""A small trained classifier of a sentence's PLOVER root class, combined with the lexicon coder.

The lexicon codes only what it has a trigger for; this model reads the whole sentence. Its
features are the lexicon coder's own event types in the sentence (and the type of the event whose
actors are the ones asked about), the content lemmas, verbs and root of the sentence, and the verb
that governs the source mention with its complement ("refused_meet"). The weights are a multinomial
logistic regression trained by `scripts/train_plover.py` on `PLV_train.tsv` only, and stored in
`data/plover_classifier.json` (no test data ever seen). Classes are PLV's: CONCEDE and RETREAT
are one class, YIELD.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span

MODEL_FILE = "plover_classifier.json"
MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def features(sentence: Span, event_types: Iterable[str], best_type: str | None, source_text: str) -> set[str]:
    """The feature names of a sentence for the root classifier.

    Args:
        sentence: the parsed sentence.
        event_types: the types of every event the lexicon coder found in it.
        best_type: the type of the coder's event between the actors asked about (None if none).
        source_text: the source actor's mention, whose governing verb is a feature.
    """
    found = {f"lex:{MERGED.get(t, t)}" for t in event_types}
    if best_type:
        found.add(f"best:{MERGED.get(best_type, best_type)}")
    source_words = set(source_text.split())
    for tok in sentence:
        lemma = tok.lemma_.lower()
        if tok.is_alpha and not tok.is_stop:
            found.add(f"w:{lemma}")
        if tok.pos_ == "VERB":
            found.add(f"v:{lemma}")
        if tok.dep_ == "ROOT":
            found.add(f"r:{lemma}")
        if tok.text in source_words and tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head
            found.add(f"sv:{verb.lemma_.lower()}")
            found.update(f"svc:{verb.lemma_.lower()}_{c.lemma_.lower()}" for c in verb.children
                         if c.dep_ in ("xcomp", "dobj", "prt"))
    return found


@dataclass(frozen=True, slots=True)
class RootClassifier:
    """Weights per feature and class; `predict` gives the class and its probability."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def predict(self, names: Iterable[str]) -> tuple[str, float]:
        scores = list(self.bias)
        for name in names:
            for i, w in enumerate(self.weights.get(name, ())):
                scores[i] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.classes[best], exps[best] / sum(exps)


@cache
def root_classifier() -> RootClassifier | None:
    "The shipped classifier, or None when no model file is packaged."
    ref = resources.files("newsdesk") / "data" / MODEL_FILE
    if not ref.is_file():
        return None
    model = json.loads(ref.read_text(encoding="utf-8"))
    return RootClassifier(tuple(model["classes"]), tuple(model["bias"]),
                          {k: tuple(v) for k, v in model["weights"].items()})


def train(feature_sets: Sequence[set[str]], labels: Sequence[str], min_count: int = 2,
          iterations: int = 400, rate: float = 0.5, l2: float = 1e-3) -> RootClassifier:
    """Fit a multinomial logistic regression by full-batch gradient descent (features seen `min_count`+ times)."""
    import numpy as np  # only training needs it

    counts: dict[str, int] = {}
    for names in feature_sets:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocab = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= min_count))}
    classes = tuple(sorted(set(labels)))
    x = np.zeros((len(feature_sets), len(vocab)), dtype=np.float32)
    for row, names in enumerate(feature_sets):
        for name in names:
            if name in vocab:
                x[row, vocab[name]] = 1.0
    y = np.eye(len(classes), dtype=np.float32)[[classes.index(label) for label in labels]]
    w = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    for _ in range(iterations):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) / len(labels)
        w -= rate * (x.T @ grad + l2 * w)
        b -= rate * grad.sum(axis=0)
    weights = {name: tuple(round(float(v), 3) for v in w[i]) for name, i in vocab.items()
               if float(np.abs(w[i]).max()) >= 0.01}
    return RootClassifier(classes, tuple(round(float(v), 3) for v in b), weights)


def to_json(model: RootClassifier) -> str:
    "The model file's text."
    return json.dumps({"classes": model.classes, "bias": model.bias, "weights": model.weights},
                      separators=(",", ":"), sort_keys=True)
