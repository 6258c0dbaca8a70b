"""The root classifier's actor-aware features, its embedding head, and the PLV mark reader."""

from __future__ import annotations

import json

import pytest

from newsdesk.evaluate.plover import unmark
from newsdesk.events.classifier import dense_root_classifier, features, root_classifier, to_json, train
from newsdesk.events.classifier_encoder import ENCODER, _mask, between_actors, sentence_encoder


def test_unmark_gives_the_bare_sentence_and_the_mentions_ranges():
    sentence, spans = unmark("<s>Chile</s> expelled <t>two Peruvian diplomats</t> on Monday.")
    assert sentence == "Chile expelled two Peruvian diplomats on Monday."
    assert sentence[slice(*spans["s"])] == "Chile"
    assert sentence[slice(*spans["t"])] == "two Peruvian diplomats"


def test_between_actors_either_way_round():
    assert between_actors((0, 5), (15, 20)) == (5, 15)
    assert between_actors((15, 20), (0, 5)) == (5, 15)
    assert between_actors(None, (0, 5)) is None


def test_masking_says_who_as_someone_whichever_comes_first():
    text = "Aid reached Gaza from Egypt."
    assert _mask(text, (22, 27), (12, 16)) == "Aid reached someone else from someone."
    assert _mask(text, None, (12, 16)) == "Aid reached someone else from Egypt."


@pytest.mark.slow
def test_features_read_the_path_between_source_and_target(nlp):
    doc = nlp("The rebels did not release the hostages held in the north.")
    names = features(doc[:], (), None, "The rebels", doc[0:2], doc[5:7])
    assert {"order:st", "lca:release", "lca_neg", "sh:nsubj_release", "th:dobj_release", "b:release"} <= names


@pytest.mark.slow
def test_a_target_behind_a_preposition_names_the_verb_above_it(nlp):
    doc = nlp("Police fired tear gas at the protesters.")
    names = features(doc[:], (), None, "Police", doc[0:1], doc[5:7])
    assert "tp:at_fire" in names


def test_a_model_with_an_embedding_head_reads_the_vector():
    model = train([set(), set()] * 4, ["AID", "ASSAULT"] * 4, [(1.0, 0.0), (0.0, 1.0)] * 4, "toy", min_count=1)
    assert model.encoder == "toy" and len(model.dense) == 2
    assert model.predict(set(), (1.0, 0.0))[0] == "AID"
    assert model.predict(set(), (0.0, 1.0))[0] == "ASSAULT"
    assert set(json.loads(to_json(model))) == {"classes", "bias", "weights", "encoder", "dense"}


def test_the_shipped_sparse_model_has_no_embedding_head():
    model = root_classifier()
    assert model is not None and model.encoder is None and not model.dense


@pytest.mark.slow
def test_the_embedding_model_classifies_a_clear_sentence(nlp):
    encoder, model = sentence_encoder(), dense_root_classifier()
    if encoder is None or model is None:
        pytest.skip("the models extra (MiniLM) is not installed")
    assert model.encoder == ENCODER
    text = "The army shelled the rebel-held town overnight."
    vector = encoder.vectors([(text, (0, 8), (17, 36))])[0]
    assert vector.shape == (1152,)
    doc = nlp(text)
    names = features(doc[:], (), None, "The army", doc[0:2], doc[3:8])
    assert model.predict(names, vector)[0] == "ASSAULT"


def test_without_the_models_extra_the_scorer_falls_back_to_the_sparse_model(monkeypatch):
    from newsdesk.evaluate import plover

    monkeypatch.setattr(plover, "sentence_encoder", lambda: None)
    rows = [plover.PlvRow("Chile expelled two diplomats.", "Chile", "two diplomats", "COERCE", (0, 5), (15, 28))]
    model, vectors = plover._classifier(rows)
    assert model is root_classifier() and vectors == [None]
