"""Attributes of an event read from its clause: casualties, weapon, mode, status and claimant."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .ontology import Lexicon
from .roles import clause_chain, mention_text

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "hundreds": 200, "a": 1, "an": 1,
}
KILL_LEMMAS = {"kill", "die", "dead", "death", "fatality"}
INJURE_LEMMAS = {"injure", "wound", "hurt", "injured", "wounded", "injury"}


def parse_number(text: str) -> int | None:
    "'130' / '1,200' / 'five' / 'twenty-one' → an int; None when it is not a number."
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    parts = re.split(r"[- ]", t)
    if all(p in NUMBER_WORDS for p in parts) and parts:
        total = 0
        for p in parts:
            total = total * NUMBER_WORDS[p] if NUMBER_WORDS[p] == 100 and total else total + NUMBER_WORDS[p]
        return total
    return None


def _count(token: Token) -> int | None:
    "The number a noun phrase carries: 'five people', '130 more', 'at least 150 civilians'."
    if token.like_num or token.lower_ in NUMBER_WORDS and token.dep_ in ("dobj", "nsubjpass", "nsubj"):
        value = parse_number(token.text)
        if value is not None and token.lower_ not in ("a", "an"):
            return value
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod") and child.like_num:
            return parse_number(child.text)
    return None


def casualties(sentence: Span) -> list[tuple[Token, str, int]]:
    """(casualty word, 'killed'|'injured', count) for every casualty figure in the sentence."""
    found = []
    for tok in sentence:
        lemma = tok.lemma_.lower()
        kind = "killed" if lemma in KILL_LEMMAS else "injured" if lemma in INJURE_LEMMAS else None
        if kind is None:
            continue
        count = None
        if tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and lemma == "die"):
                    count = _count(child)
                    if count is not None:
                        break
        if count is None and tok.dep_ in ("amod", "acl", "relcl") and tok.head.pos_ in ("NOUN", "NUM"):
            count = _count(tok.head)  # "five people killed", "five dead"
        if count is None and tok.pos_ in ("ADJ", "NOUN"):
            count = _count(tok)
        if count is not None:
            found.append((tok, kind, count))
    return found


def weapon(sentence: Span, lex: Lexicon) -> str | None:
    "The most specific weapon named in the sentence ('ballistic missiles' beats 'missiles')."
    text = sentence.text.lower()
    best = None
    for phrase, name in lex.weapons.items():
        if re.search(rf"\b{re.escape(phrase)}\b", text) and (best is None or len(phrase) > len(best[0])):
            best = (phrase, name)
    return best[1] if best else None


def mode(trigger: Token, default: str | None, lex: Lexicon) -> str | None:
    "The trigger's own mode, else one named by a word in its clause ('drone' → aerial)."
    if default:
        return default
    for tok in trigger.subtree:
        if tok.lower_ in lex.mode_words:
            return lex.mode_words[tok.lower_]
    for tok in trigger.sent:
        if tok.lower_ in lex.mode_words:
            return lex.mode_words[tok.lower_]
    return None


@dataclass(frozen=True, slots=True)
class Modality:
    status: str
    negated: bool
    claimant: str | None  # mention text of who says so


def _has_cue(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def modality(trigger: Token, lex: Lexicon) -> Modality:
    """Status, negation and claimant of the event the trigger names.

    Walks from the trigger up to the sentence root: cue words attached on the way decide the
    status ("allegedly", "will", "expected to", "fear"); the subject of a reporting verb above
    the trigger ("Kirby said that…") or an "according to X" phrase is the claimant.
    """
    cues = lex.cues
    negated = any(c.dep_ == "neg" or c.lower_ in cues.get("negation", ()) for c in trigger.children
                  if c.dep_ in ("neg", "det", "advmod"))
    status = None
    claimant = None
    for depth, node in enumerate(clause_chain(trigger)):
        modifiers = [c for c in node.children if c.dep_ in ("advmod", "amod", "aux", "auxpass", "neg")]
        if depth and _has_cue(node, cues.get("denied", frozenset())):
            status = status or "denied"
        if depth and _has_cue(node, cues.get("hypothetical", frozenset())):
            status = status or "hypothetical"
        if any(_has_cue(m, cues.get("hypothetical", frozenset())) for m in modifiers if m.dep_ == "aux"):
            status = status or "hypothetical"
        if depth and _has_cue(node, cues.get("planned", frozenset())):
            status = status or "planned"
        if (depth and _has_cue(node, cues.get("expected", frozenset()))) or any(
            _has_cue(m, cues.get("expected", frozenset())) for m in modifiers if m.dep_ == "aux"
        ):
            status = status or "expected"
        if any(_has_cue(m, cues.get("alleged", frozenset())) for m in modifiers):
            status = status or "alleged"
        if any(_has_cue(m, cues.get("reported", frozenset())) for m in modifiers):
            status = status or "reported"
        if depth and claimant is None and node.lemma_.lower() in cues.get("report_verbs", ()):
            speaker = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if speaker is not None:
                claimant = mention_text(speaker)
    for tok in trigger.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if obj is not None:
                holder = next((c for c in obj.children if c.dep_ == "poss"), None)
                claimant = claimant or mention_text(holder if holder is not None else obj)
    if status is None and claimant:
        status = "claimed"
    return Modality(status or "asserted", negated, claimant)
