"""An entity ruler fed with the names newsdesk knows, so the model's entity mistakes are corrected.

The small English model tags "Zaporizhzhia Oblast" as PERSON and misses "Umerov"; the names of our
data files say better: people → PERSON, organisations → ORG, countries, capitals and first-level
areas → GPE, regions and seas → LOC, country adjectives → NORP. The ruler runs after the model's `ner` and overwrites the
entities it overlaps (but not a longer organisation name around it). Names match with their exact
case, so "US" never matches the pronoun "us". It reads the data files itself (`countries.tsv`, `admin1.tsv`, `regions.tsv`, `actors.yaml`): the NLP stage never
imports the resolvers that come after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_tsv, load_yaml

LABEL_RANK = {"PERSON": 4, "ORG": 3, "GPE": 2, "LOC": 2, "NORP": 1}
"""When one name has several labels (U.S. is a country and an adjective), the higher rank wins."""
CONTAINERS = {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
"""Model entities that may embed a known name and are kept whole."""


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _names(lexicon_dir: str | None) -> Iterator[tuple[str, str]]:
    "(name, label) pairs from the data files."
    for _path, row in load_tsv("countries.tsv", lexicon_dir):
        for name in [row["name"], *_split(row.get("aliases", "")), *_split(row.get("capital", ""))]:
            yield name, "GPE"
        for adjective in _split(row.get("adjectives", "")):
            yield adjective, "NORP"
    for _path, row in load_tsv("admin1.tsv", lexicon_dir):
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            yield name, "GPE"
    for _path, row in load_tsv("regions.tsv", lexicon_dir):
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            yield name, "LOC"
    for _path, doc in load_yaml("actors.yaml", lexicon_dir):
        for key, label in (("people", "PERSON"), ("organisations", "ORG")):
            for item in doc.get(key) or []:
                for name in [item.get("name"), *(item.get("aliases") or [])]:
                    if name:
                        yield str(name), label


def ruler_patterns(nlp: Language, lexicon_dir: str | None = None) -> list[dict[str, Any]]:
    """The entity ruler's patterns: one per known name, with its best label, as exact token texts.

    Token patterns (not phrase strings): spaCy would run the whole model over every phrase.
    """
    best: dict[str, str] = {}
    for name, label in _names(lexicon_dir):
        name = name.strip()
        if len(name) > 1 and LABEL_RANK[label] > LABEL_RANK.get(best.get(name, ""), 0):
            best[name] = label
    return [
        {"label": label, "pattern": [{"ORTH": t.text} for t in nlp.make_doc(name)]}
        for name, label in sorted(best.items())
    ]


class NameRuler:
    """Tag the known names; a name replaces the model's entities it overlaps, except a longer
    organisation-like entity that contains it ("U.S. National Security Council" keeps its span)."""

    def __init__(self, nlp: Language, lexicon_dir: str | None) -> None:
        self.matcher = Matcher(nlp.vocab)
        for pattern in ruler_patterns(nlp, lexicon_dir):
            self.matcher.add(pattern["label"], [pattern["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        found = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)])
        ents = list(doc.ents)
        for span in found:
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if any(
                e.label_ in CONTAINERS and e.start <= span.start and span.end <= e.end and len(e) > len(span)
                for e in overlapping
            ):
                continue
            ents = [e for e in ents if e not in overlapping] + [span]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


@Language.factory(
    "newsdesk_entity_ruler",
    default_config={"lexicon_dir": None},
    assigns=["doc.ents"],
)
def make_entity_ruler(nlp: Language, name: str, lexicon_dir: str | None) -> NameRuler:
    """The `NameRuler` with newsdesk's names; add it after the model's `ner`."""
    return NameRuler(nlp, lexicon_dir)
