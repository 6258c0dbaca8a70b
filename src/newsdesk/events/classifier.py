"""A small trained classifier of a sentence's PLOVER root class, combined with the lexicon coder.

The lexicon codes only what it has a trigger for; this model reads the whole sentence and where its
source and target sit in it. Its sparse features are the lexicon coder's own event types in the
sentence (and the type of the event whose actors are the ones asked about), the content lemmas, verbs
and root, the words that govern the source and the target, the words between them and the
dependency path that joins them (with negation and modal verbs on the word where the path turns).
When the optional `models` extra is installed, a second model adds frozen MiniLM embeddings of the
sentence and of the words between source and target (`classifier_encoder.py`), and its
log-probabilities are added to those of a fine-tuned MiniLM (`classifier_tuned.py`); without the extra
the sparse model alone answers. Both are multinomial logistic regressions trained by
`scripts/train_plover.py` on `PLV_train.tsv` only and stored in `data/plover_classifier*.json` (no test
data ever seen).
Classes are PLV's: CONCEDE and RETREAT are one class, YIELD.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from spacy.tokens import Span, Token

MODEL_FILE = "plover_classifier.json"
DENSE_MODEL_FILE = "plover_classifier_minilm.json"
MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _to_root(tok: Token) -> list[Token]:
    "The token and its heads up to the sentence root."
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _role_features(name: str, span: Span) -> set[str]:
    "The word that governs a marked actor, its dependency, and the verb above a governing preposition."
    root = span.root
    found = {f"{name}h:{root.dep_}_{_lemma(root.head)}", f"{name}hv:{_lemma(root.head)}"}
    if root.dep_ in ("pobj", "agent") or root.head.dep_ == "prep":
        found.add(f"{name}p:{_lemma(root.head)}_{_lemma(root.head.head)}")
    return found


def _pair_features(source: Span, target: Span) -> set[str]:
    "Order of the actors, the words between them, and the dependency path that joins them."
    first, second = sorted((source, target), key=lambda s: s.start)
    found = {"order:" + ("st" if source.start < target.start else "ts")}
    between = source.doc[first.end:second.start]
    found.update(f"b:{_lemma(t)}" for t in between if t.is_alpha)
    content = [_lemma(t) for t in between if t.is_alpha and not t.is_stop]
    found.update(f"bb:{a}_{b}" for a, b in pairwise(content))
    up_source, up_target = _to_root(source.root), _to_root(target.root)
    on_target = {t.i for t in up_target}
    turn = next((t for t in up_source if t.i in on_target), None)
    if turn is None:
        return found
    found.add(f"lca:{_lemma(turn)}")
    ends = {source.root.i, target.root.i}
    found.update(f"p:{_lemma(t)}" for t in up_source + up_target
                 if t.i not in ends and t.pos_ in ("VERB", "NOUN", "ADP"))
    for child in turn.children:
        if child.dep_ == "neg":
            found.add("lca_neg")
        elif child.dep_ == "aux" and _lemma(child) in MODALS:
            found.add(f"lca_aux:{_lemma(child)}")
        elif child.dep_ in ("xcomp", "dobj", "prt"):
            found.add(f"lcac:{_lemma(turn)}_{_lemma(child)}")
    return found


def features(sentence: Span, event_types: Iterable[str], best_type: str | None, source_text: str,
             source: Span | None = None, target: Span | None = None) -> set[str]:
    """The feature names of a sentence for the root classifier.

    Args:
        sentence: the parsed sentence.
        event_types: the types of every event the lexicon coder found in it.
        best_type: the type of the coder's event between the actors asked about (None if none).
        source_text: the source actor's mention, whose governing verb is a feature.
        source: the source mention's tokens, when its place in the sentence is known.
        target: the target mention's tokens, likewise.
    """
    found = {f"lex:{MERGED.get(t, t)}" for t in event_types}
    if best_type:
        found.add(f"best:{MERGED.get(best_type, best_type)}")
    source_words = set(source_text.split())
    for tok in sentence:
        lemma = _lemma(tok)
        if tok.is_alpha and not tok.is_stop:
            found.add(f"w:{lemma}")
        if tok.pos_ == "VERB":
            found.add(f"v:{lemma}")
        if tok.dep_ == "ROOT":
            found.add(f"r:{lemma}")
        if tok.dep_ == "neg":
            found.add("neg")
        if tok.text in source_words and tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head
            found.add(f"sv:{_lemma(verb)}")
            found.update(f"svc:{_lemma(verb)}_{_lemma(c)}" for c in verb.children
                         if c.dep_ in ("xcomp", "dobj", "prt"))
    for name, span in (("s", source), ("t", target)):
        if span is not None:
            found |= _role_features(name, span)
    if source is not None and target is not None:
        found |= _pair_features(source, target)
    return found


@dataclass(frozen=True, slots=True)
class RootClassifier:
    """Weights per feature and class, and optionally per embedding dimension and class.

    `encoder` names the sentence encoder whose vectors `dense` weighs (None: a sparse-only model).
    """

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    dense: tuple[tuple[float, ...], ...] = ()
    encoder: str | None = None

    def predict(self, names: Iterable[str], vector: Sequence[float] | None = None) -> tuple[str, float]:
        "The class and its probability; `vector` is the encoder's embedding (needed when `encoder` is set)."
        log_p = self.log_probabilities(names, vector)
        best = max(range(len(log_p)), key=log_p.__getitem__)
        return self.classes[best], math.exp(log_p[best])

    def log_probabilities(self, names: Iterable[str], vector: Sequence[float] | None = None) -> list[float]:
        "The log-probability of each class (so that another model's can be added to them)."
        scores = list(self.bias)
        for name in names:
            for i, w in enumerate(self.weights.get(name, ())):
                scores[i] += w
        if self.dense and vector is not None:
            for value, row in zip(vector, self.dense):
                if value:
                    for i, w in enumerate(row):
                        scores[i] += value * w
        top = max(scores)
        log_total = top + math.log(sum(math.exp(s - top) for s in scores))
        return [s - log_total for s in scores]


def _load(name: str) -> RootClassifier | None:
    ref = resources.files("newsdesk") / "data" / name
    if not ref.is_file():
        return None
    model = json.loads(ref.read_text(encoding="utf-8"))
    return RootClassifier(tuple(model["classes"]), tuple(model["bias"]),
                          {k: tuple(v) for k, v in model["weights"].items()},
                          tuple(tuple(row) for row in model.get("dense", ())), model.get("encoder"))


@cache
def root_classifier() -> RootClassifier | None:
    "The shipped sparse classifier, or None when no model file is packaged."
    return _load(MODEL_FILE)


@cache
def dense_root_classifier() -> RootClassifier | None:
    "The shipped classifier that also reads sentence embeddings, or None when not packaged."
    return _load(DENSE_MODEL_FILE)


def train(feature_sets: Sequence[set[str]], labels: Sequence[str], vectors: Sequence[Sequence[float]] = (),
          encoder: str | None = None, min_count: int = 2, c: float = 3.0, dense_scale: float = 3.0,
          ) -> RootClassifier:
    """Fit a multinomial logistic regression with L2 penalty `1/(2c)·|W|²` by L-BFGS.

    Features seen fewer than `min_count` times are dropped. With `vectors` (one embedding per
    sentence, from `encoder`), they are appended as dense columns scaled by `dense_scale`; the scale
    is folded into the stored weights, so `predict` takes the encoder's vectors as they are.
    """
    import numpy as np  # only training needs these
    from scipy import optimize, sparse

    counts: dict[str, int] = {}
    for names in feature_sets:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocab = {name: i for i, name in enumerate(sorted(n for n, k in counts.items() if k >= min_count))}
    cells = [(row, vocab[name]) for row, names in enumerate(feature_sets) for name in names if name in vocab]
    rows, cols = zip(*cells) if cells else ((), ())
    x = sparse.csr_matrix((np.ones(len(cells)), (rows, cols)), shape=(len(feature_sets), len(vocab)))
    dense_width = len(vectors[0]) if len(vectors) else 0
    if dense_width:
        x = sparse.hstack([x, sparse.csr_matrix(np.asarray(vectors, dtype=np.float64) * dense_scale)]).tocsr()
    classes = tuple(sorted(set(labels)))
    y = np.eye(len(classes))[[classes.index(label) for label in labels]]
    width, k = x.shape[1], len(classes)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-k].reshape(width, k), theta[-k:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        grad = np.exp(log_p) - y
        value = -(y * log_p).sum() + (w * w).sum() / (2 * c)
        return value, np.concatenate([(x.T @ grad + w / c).ravel(), grad.sum(axis=0)])

    fit = optimize.minimize(loss, np.zeros(width * k + k), jac=True, method="L-BFGS-B",
                            options={"maxiter": 2000})
    w, b = fit.x[:-k].reshape(width, k), fit.x[-k:]
    weights = {name: tuple(round(float(v), 3) for v in w[i]) for name, i in vocab.items()
               if float(np.abs(w[i]).max()) >= 0.01}
    dense = tuple(tuple(round(float(v) * dense_scale, 4) for v in row) for row in w[len(vocab):])
    return RootClassifier(classes, tuple(round(float(v), 3) for v in b), weights, dense,
                          encoder if dense_width else None)


def to_json(model: RootClassifier) -> str:
    "The model file's text."
    body: dict[str, object] = {"classes": model.classes, "bias": model.bias, "weights": model.weights}
    if model.encoder:
        body |= {"encoder": model.encoder, "dense": model.dense}
    return json.dumps(body, separators=(",", ":"), sort_keys=True)
