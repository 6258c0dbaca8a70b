"""Read roles off spaCy's dependency parse: who is the source, the target, where, per whom.

Functions here take tokens and return tokens or text; turning text into actors and places is the
resolvers' job. Rules follow the frames PLOVER coders use: subject → source, object or
prepositional object → target, passive agent → source, possessive of an event noun → source.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

MODIFIERS = {"compound", "amod", "poss", "nmod", "flat", "nummod", "case", "det", "quantmod", "npadvmod"}
NAME_MODIFIERS = {"compound", "flat"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
PLACE_PREPS = {"in", "near", "at", "outside", "around", "across", "over", "into", "on"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_HEADS = {"oblast", "region", "province", "krai", "governorate", "district", "state"}


def mention_text(token: Token) -> str:
    "The noun phrase a token heads, without its clauses: 'U.S. ... spokesman John Kirby'."
    indices = {token.i}
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in MODIFIERS and child.i < token.i:
                for t in child.subtree:
                    indices.add(t.i)
                stack.append(child)
    if token.ent_type_:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            indices.update(range(ent.start, ent.end))
    doc = token.doc
    return doc[min(indices): max(indices) + 1].text


def name_text(token: Token) -> str:
    "Just the name: compounds and the head ('Amur Oblast' out of 'Russia's far-eastern Amur Oblast')."
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ in NAME_MODIFIERS and token.doc[left - 1].head.i >= left:
        left -= 1
    return token.doc[left: token.i + 1].text


def referent(token: Token) -> Token:
    "A relative pronoun stands for the noun its clause modifies ('attack that killed')."
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def with_conjuncts(token: Token) -> list[Token]:
    "'Russia and Iran' → [Russia, Iran]."
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def subject(verb: Token) -> tuple[Token | None, bool]:
    """(the source token of a verb, whether the clause is passive).

    Climbs through xcomp/conj/advcl ("used missiles to strike" → Russia) and "joined X in
    condemning" frames; a passive subject is returned with `passive=True` (it is the target).
    """
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return referent(child), False
        for child in current.children:
            if child.dep_ == "nsubjpass":
                return referent(child), current is verb
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") or (
            current.dep_ == "pobj" and current.head.dep_ == "prep"
        ):
            current = current.head.head if current.dep_ in ("pcomp", "pobj") else current.head
            continue
        break
    return None, False


def agent(verb: Token) -> Token | None:
    "The object of 'by' in a passive clause."
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def objects(head: Token, preps: frozenset[str]) -> Iterator[Token]:
    "Direct and dative objects, then objects of the given prepositions, in that order."
    for child in head.children:
        if child.dep_ in ("dobj", "dative", "obj", "attr"):
            yield child
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (c for c in child.children if c.dep_ == "pobj")


def possessor(noun: Token) -> Token | None:
    "'North Korea's transfer' → North Korea; also 'transfer by X' and 'transfer from X'."
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def clause_chain(token: Token) -> Iterator[Token]:
    "The token and its heads up to the sentence root."
    current = token
    yield current
    while current.head.i != current.i:
        current = current.head
        yield current


def place_tokens(sentence_tokens: list[Token]) -> list[Token]:
    "Heads of place names: objects of 'in/near/at…' that are places by NER or by their head word."
    found = []
    for tok in sentence_tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
            continue
        if tok.ent_type_ in PLACE_LABELS or tok.lower_ in PLACE_HEADS or (
            tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORG", "NORP")
        ):
            found.append(tok)
    return found
