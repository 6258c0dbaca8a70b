"""The entity ruler corrects the model with the names of our data files."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _ents(nlp, text):
    return {e.text: e.label_ for e in nlp(text).ents}


def test_known_names_get_their_labels(nlp):
    ents = _ents(nlp, "Russian forces shelled Zaporizhzhia Oblast, Defence Minister Rustem Umerov said.")
    assert ents["Zaporizhzhia Oblast"] == "GPE"
    assert ents["Rustem Umerov"] == "PERSON"
    assert ents["Russian"] == "NORP"


def test_longer_organisation_name_is_kept(nlp):
    ents = _ents(nlp, "U.S. National Security Council spokesman John Kirby spoke to NATO.")
    assert "U.S. National Security Council" in ents
    assert ents["John Kirby"] == "PERSON" and ents["NATO"] == "ORG"


def test_ruler_runs_after_ner(nlp):
    assert nlp.pipe_names.index("newsdesk_entity_ruler") > nlp.pipe_names.index("ner")
