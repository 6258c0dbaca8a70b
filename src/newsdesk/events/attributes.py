"""Attributes of an event read from its clause: casualties, weapon, mode, status and claimant."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .ontology import Lexicon, Trigger
from .roles import agent, mention_text, own_clause_chain

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "hundreds": 200, "a": 1, "an": 1,
}
KILL_LEMMAS = {"kill", "die", "dead", "death", "fatality", "murder", "massacre", "execute", "assassinate", "behead"}
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


def _victims(token: Token) -> int | None:
    """How many people a casualty verb's victim phrase names: numbers of every conjunct added up
    ("two policemen and one polio worker" → 3); one named or singular victim ("a merchant") is 1."""
    total = 0
    for part in [token, *token.conjuncts]:
        value = _count(part)
        if value is None and (part.tag_ in ("NN", "NNP") or part.ent_type_ == "PERSON"):
            value = 1
        if value is None:
            return None  # "civilians": a toll without a figure
        total += value
    return total


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
            # "a man was shot and killed": the second verb shares the first one's subject.
            shared = [c for c in tok.head.children if c.dep_ == "nsubjpass"] if tok.dep_ == "conj" else []
            for child in [*tok.children, *shared]:
                if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and lemma == "die"):
                    count = _victims(child)
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


def mode(trigger: Token, rule: Trigger, lex: Lexicon) -> str | None:
    "The trigger's own mode, else (for an ASSAULT) one named by a word in its clause ('drone' → aerial)."
    if rule.mode or rule.type != "ASSAULT":
        return rule.mode
    for tokens in (trigger.subtree, trigger.sent):
        for tok in tokens:
            if tok.lower_ in lex.mode_words:
                return lex.mode_words[tok.lower_]
    return None


def contexts(sentence: Span, lex: Lexicon) -> tuple[str, ...]:
    "PLOVER contexts named by cue words of the sentence ('missiles' → military), sorted."
    return tuple(sorted({lex.contexts[t.lemma_.lower()] for t in sentence if t.lemma_.lower() in lex.contexts}))


@dataclass(frozen=True, slots=True)
class Modality:
    status: str
    negated: bool
    claimant: str | None  # mention text of who says so
    according_to: bool = False  # the claimant came from "according to X"


# Strongest first: a feared future transfer is hypothetical even though it "will" happen.
STATUS_ORDER = ("denied", "hypothetical", "planned", "expected", "alleged")
CLAUSE_CUES = ("denied", "hypothetical", "planned", "expected")  # verbs above the trigger
AUX_CUES = ("hypothetical", "expected")  # auxiliaries: could, will
ADVERB_CUES = ("alleged", "reported")  # allegedly, reportedly, alleged


def _has_cue(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _according_to(sentence: Span) -> str | None:
    "The holder in 'according to Russian officials' claims' (or the object of 'according to')."
    for tok in sentence:
        if tok.lower_ == "according" and tok.i + 1 < sentence.end and tok.nbor(1).lower_ == "to":
            obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if obj is not None:
                holder = next((c for c in obj.children if c.dep_ == "poss"), None)
                return mention_text(holder if holder is not None else obj)
    return None


def _accuser(verb: Token) -> Token | None:
    "Who accuses: the subject of 'X accused Y of …', the agent of 'Y was suspected by X of …'."
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) or agent(verb)


def modality(trigger: Token, lex: Lexicon) -> Modality:
    """Status, negation and claimant of the event the trigger names.

    Walks from the trigger up its own clause chain (`own_clause_chain`): cue words attached on the
    way ("allegedly", "will", "expected to", "fear", "denied") are collected and the strongest
    wins (`STATUS_ORDER`). The subject of a reporting verb above the trigger ("Kirby said that…")
    or an "according to X" phrase is the claimant; "according to" makes the event claimed even
    when it is also "reportedly" so.
    """
    cues = lex.cues
    negation = cues.get("negation", frozenset())
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    negated = any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in negation)
                  for c in trigger.children) or any(  # "No troops were killed", "nobody was hurt"
        s.lower_ in ("nobody", "none", "noone") or any(d.dep_ == "det" and d.lower_ in negation for d in s.children)
        for s in subjects)
    found: set[str] = set()
    claimant = None
    for depth, node in enumerate(own_clause_chain(trigger)):
        found.update(k for k in CLAUSE_CUES if depth and _has_cue(node, cues.get(k, frozenset())))
        for child in node.children:
            if child.dep_ in ("aux", "auxpass"):
                found.update(k for k in AUX_CUES if _has_cue(child, cues.get(k, frozenset())))
            elif child.dep_ in ("advmod", "amod") and (depth == 0 or child.pos_ == "ADV"):
                found.update(k for k in ADVERB_CUES if _has_cue(child, cues.get(k, frozenset())))
        if depth and claimant is None and node.lemma_.lower() in cues.get("report_verbs", ()):
            speaker = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if speaker is not None:
                claimant = mention_text(speaker)
        if depth and node.lemma_.lower() in cues.get("accusing", ()):
            found.add("alleged")
            accuser = _accuser(node)
            if claimant is None and accuser is not None:
                claimant = mention_text(accuser)
    according = _according_to(trigger.sent)
    status = next((s for s in STATUS_ORDER if s in found), None)
    if status is None and according:
        status = "claimed"
    if status is None:
        status = "reported" if "reported" in found else "claimed" if claimant else "asserted"
    return Modality(status, negated, according or claimant, according is not None)
