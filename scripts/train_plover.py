"""Train the PLOVER root classifier on PLV_train.tsv (never on a test set) and write the model file.

    .venv/bin/python scripts/train_plover.py ../shared/gold/plover/PLV_train.tsv

Codes every training sentence with the lexicon coder, builds the classifier's features
(`newsdesk.events.classifier.features`), prints the 5-fold cross-validated accuracy and macro-F1 of
the rules alone and of the classifier, then fits on the whole file and writes
`src/newsdesk/data/plover_classifier.json`.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from newsdesk.evaluate.plover import class_scores, code_rows, read_plv
from newsdesk.events.classifier import to_json, train
from newsdesk.nlp import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data" / "plover_classifier.json"
FOLDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_tsv")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = read_plv(args.train_tsv)
    coded = list(code_rows(load_pipeline(), rows))
    labels = [r.label for r in rows]
    order = list(range(len(rows)))
    random.Random(0).shuffle(order)
    gold, predicted, rules = [], [], []
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        model = train([set(c.features) for i, c in enumerate(coded) if i not in held],
                      [label for i, label in enumerate(labels) if i not in held])
        for i in sorted(held):
            gold.append(labels[i])
            predicted.append(model.predict(coded[i].features)[0])
            rules.append(coded[i].rules)
    model = train([set(c.features) for c in coded], labels)
    args.out.write_text(to_json(model) + "\n", encoding="utf-8")
    print(json.dumps({"cross_validated": {"folds": FOLDS, "classifier": class_scores(gold, predicted),
                                          "rules": class_scores(gold, rules)},
                      "features": len(model.weights), "model": str(args.out),
                      "bytes": args.out.stat().st_size}))


if __name__ == "__main__":
    main()
