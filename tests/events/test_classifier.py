"""The shipped PLOVER root classifier: its features and its predictions on sentences written here."""

from __future__ import annotations

import pytest

from newsdesk.events.classifier import RootClassifier, features, root_classifier, train

pytestmark = pytest.mark.slow


def _classify(nlp, code, text, source):
    events = code(text)
    names = features(nlp(text)[:], (e.type for e in events), events[0].type if events else None, source)
    return names, root_classifier().predict(names)


def test_features_name_the_lexicon_type_and_the_source_verb(nlp, code):
    names, _ = _classify(nlp, code, "Iran refused to meet American negotiators.", "Iran")
    assert {"lex:REJECT", "best:REJECT", "sv:refuse", "svc:refuse_meet"} <= names


@pytest.mark.parametrize("text, source, label", [
    ("Thousands of students marched against the government in Santiago.", "Thousands of students", "PROTEST"),
    ("Police arrested two opposition leaders in Minsk.", "Police", "COERCE"),
])
def test_clear_sentences_get_their_class(nlp, code, text, source, label):
    _, (predicted, probability) = _classify(nlp, code, text, source)
    assert predicted == label and 0 < probability <= 1


def test_training_learns_a_separable_toy_set():
    model = train([{"w:attack"}, {"w:attack", "w:x"}, {"w:meet"}, {"w:meet", "w:y"}] * 3,
                  ["ASSAULT", "ASSAULT", "CONSULT", "CONSULT"] * 3, min_count=1)
    assert isinstance(model, RootClassifier)
    assert model.predict({"w:attack"})[0] == "ASSAULT" and model.predict({"w:meet"})[0] == "CONSULT"
