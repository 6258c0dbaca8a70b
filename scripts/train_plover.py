"""Train the PLOVER root classifiers on PLV_train.tsv (never on a test set) and write the model files.

    .venv/bin/python scripts/train_plover.py ../shared/gold/plover/PLV_train.tsv

Codes every training sentence with the lexicon coder, builds the classifier's features
(`newsdesk.events.classifier.features`) and, when the `models` extra is installed, the MiniLM
vectors (`newsdesk.events.classifier_encoder`) and fine-tunes MiniLM's adapters
(`newsdesk.events.classifier_tuned`). Prints one JSON object: the 5-fold cross-validated accuracy and
macro-F1 (fixed shuffle, seed 0) of the rules alone, of the sparse classifier, of the sparse + embedding
classifier, of the fine-tuned MiniLM alone and of the last two combined, each also on the even and the
odd rows of the file (hyper-parameters, and the combination's weight, are chosen on the even rows; the
odd rows show how much that choice flatters). Then fits each model on the whole file and writes
`src/newsdesk/data/plover_classifier.json` and, with the extra, `plover_classifier_minilm.json` and
`plover_minilm_lora.npz`. Seeds (torch, random, numpy) are fixed so that a rerun repeats the figures;
threaded float sums may still move a last digit.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

from newsdesk.evaluate.plover import class_scores, code_rows, read_plv
from newsdesk.events.classifier import DENSE_MODEL_FILE, MODEL_FILE, RootClassifier, to_json, train
from newsdesk.events.classifier_encoder import ENCODER, sentence_encoder
from newsdesk.events.classifier_tuned import ADAPTER_FILE, TUNED, Tuner, save_adapters
from newsdesk.nlp import load_pipeline

DATA = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data"
FOLDS = 5
MIXES = (0.25, 0.5, 1.0, 2.0)

Model = TypeVar("Model")


def cross_validate(n: int, fit: Callable[[list[int]], Model],
                   predict: Callable[[Model, list[int]], np.ndarray]) -> np.ndarray:
    "Each row's class log-probabilities (rows of `predict`) by a model fitted on the other folds."
    order = list(range(n))
    random.Random(0).shuffle(order)
    result: np.ndarray | None = None
    for fold in range(FOLDS):
        held = sorted(order[fold::FOLDS])
        model = fit(sorted(set(range(n)) - set(held)))
        scores = predict(model, held)
        result = np.zeros((n, scores.shape[1])) if result is None else result
        result[held] = scores
    assert result is not None
    return result


def classified(classes: Sequence[str], log_p: np.ndarray) -> list[str]:
    "The most probable class of each row (models are compared, and combined, as log-probabilities)."
    return [classes[i] for i in log_p.argmax(axis=1)]


def scores(labels: Sequence[str], predicted: Sequence[str]) -> dict[str, object]:
    "Scores on all rows, and on the even and the odd rows."
    halves = {name: class_scores(labels[start::2], predicted[start::2])["accuracy"]
              for name, start in (("even_rows_accuracy", 0), ("odd_rows_accuracy", 1))}
    return {**class_scores(labels, predicted), **halves}


def choose_mix(labels: Sequence[str], classes: Sequence[str], base: np.ndarray, tuned: np.ndarray) -> float:
    "The weight of the tuned log-probabilities that classifies the even rows best (the first of ties)."
    def even_accuracy(mix: float) -> float:
        return float(np.mean([g == p for g, p in zip(labels[::2], classified(classes, (base + mix * tuned)[::2]))]))
    return max(MIXES, key=even_accuracy)


def write(model: RootClassifier, path: Path) -> dict[str, object]:
    path.write_text(to_json(model) + "\n", encoding="utf-8")
    return {"file": str(path), "features": len(model.weights), "bytes": path.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_tsv")
    parser.add_argument("--out", type=Path, default=DATA, help="folder for the model files")
    args = parser.parse_args()
    rows = read_plv(args.train_tsv)
    coded = list(code_rows(load_pipeline(), rows))
    labels = [r.label for r in rows]
    classes = tuple(sorted(set(labels)))  # every fold has every class (the rarest has 15 rows)
    names = [set(c.features) for c in coded]
    everything = list(range(len(rows)))

    def linear(vectors: Sequence[Sequence[float]] | None) -> Callable[[list[int]], RootClassifier]:
        "Fits the sparse classifier, with an embedding head when `vectors` are given."
        def fit(rows_in: list[int]) -> RootClassifier:
            model = train([names[i] for i in rows_in], [labels[i] for i in rows_in],
                          [vectors[i] for i in rows_in] if vectors is not None else (),
                          ENCODER if vectors is not None else None)
            assert model.classes == classes
            return model
        return fit

    def log_probabilities(vectors: Sequence[Sequence[float]] | None) -> Callable[[RootClassifier, list[int]], np.ndarray]:
        "Predicts held-out rows as log-probabilities, so that the tuned model's can be added."
        return lambda model, held: np.array([model.log_probabilities(names[i], vectors[i] if vectors is not None
                                                                     else None) for i in held])

    report: dict[str, object] = {"sentences": len(rows), "folds": FOLDS,
                                 "rules": scores(labels, [c.rules for c in coded])}
    sparse = cross_validate(len(rows), linear(None), log_probabilities(None))
    report["sparse"] = scores(labels, classified(classes, sparse))
    report["sparse_model"] = write(linear(None)(everything), args.out / MODEL_FILE)
    encoder = sentence_encoder()
    if encoder is None:
        report["dense"] = "the models extra is not installed: no embedding model trained"
        print(json.dumps(report))
        return
    items = [(r.sentence, r.source_span, r.target_span) for r in rows]
    vectors = encoder.vectors(items)
    dense = cross_validate(len(rows), linear(vectors), log_probabilities(vectors))
    report[f"sparse+{ENCODER}"] = scores(labels, classified(classes, dense))
    report["dense_model"] = write(linear(vectors)(everything), args.out / DENSE_MODEL_FILE)
    tuner = Tuner(items, labels)
    tuned = cross_validate(len(rows), tuner.fit, tuner.log_probabilities)
    mix = choose_mix(labels, classes, dense, tuned)
    report[f"{ENCODER}+{TUNED}"] = scores(labels, classified(classes, tuned))
    report[f"sparse+{ENCODER}+{TUNED}"] = {"mix": mix, **scores(labels, classified(classes, dense + mix * tuned))}
    path = args.out / ADAPTER_FILE
    save_adapters(tuner.adapters(tuner.fit(everything), mix), str(path))
    report["tuned_model"] = {"file": str(path), "bytes": path.stat().st_size}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
