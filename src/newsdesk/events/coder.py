"""The rule-based PLOVER coder: a parsed story in, its events out.

For each sentence: find trigger words from the lexicon, read source and target off the parse,
resolve them to actors, then attach the date, place, casualties, weapon and status of the
trigger's own clause. Events of one real happening inside a sentence ("used missiles to strike
Ukraine as part of an attack that killed five") are merged, then duplicates across the story.
The coder is a pure function of its inputs; its version is written into every event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..resolve import actor_resolver, find_dates, gazetteer
from ..schema import Actor, Event, Place, Story, TimeSpan
from .attributes import casualties, modality, mode, weapon
from .ontology import Lexicon, Trigger, lexicon
from .roles import (agent, clause_chain, mention_text, name_text, objects, place_tokens, possessor,
                    referent, subject, with_conjuncts)

CODER_NAME = "newsdesk.coder.rules.v1"
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her"}
FUTURE_CUES = {"will", "expected", "scheduled", "next", "plans", "tomorrow"}


@dataclass(slots=True)
class _Draft:
    """An event being built; frozen into an `Event` at the end."""

    trigger: Token
    rule: Trigger
    source: Actor | None
    target: Actor | None
    fields: dict = field(default_factory=dict)

    def score(self) -> float:
        return (0.4 + 0.2 * (self.source is not None) + 0.2 * (self.target is not None)
                + 0.1 * (self.fields.get("date") is not None) + 0.1 * (self.fields.get("place") is not None))


class _StoryCoder:
    def __init__(self, doc: Doc, story: Story, pub_date: dt.date | None, lexicon_dir: str | None) -> None:
        self.doc, self.story = doc, story
        self.pub = pub_date or story.date
        self.lex: Lexicon = lexicon(lexicon_dir)
        self.actors = actor_resolver(lexicon_dir)
        self.places = gazetteer()
        self.last_actor: Actor | None = None
        self.context: set[str] = set()
        self.lead_date: TimeSpan | None = None

    # -- actors -------------------------------------------------------------------------------
    def actors_of(self, token: Token | None) -> list[Actor]:
        "The actors a token names (several for 'Russia and Iran'); an event noun gives its source."
        if token is None:
            return []
        token = referent(token)
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.nouns:
            return self.actors_of(possessor(token))
        found = []
        for tok in with_conjuncts(token):
            if tok.lower_ in PRONOUNS:
                actor = self.last_actor
            else:
                actor = self.actors.resolve(mention_text(tok))
            if actor is not None:
                found.append(actor)
                if actor.country:
                    self.context.add(actor.country)
        return found

    def roles(self, trigger: Token, rule: Trigger) -> tuple[list[Actor], list[Actor]]:
        "(sources, targets) of a trigger by its frame: verb, passive verb, or event noun."
        preps = self.lex.target_preps.get(rule.type, frozenset())
        if trigger.pos_ in ("NOUN", "PROPN"):
            sources = self.actors_of(possessor(trigger))
            targets = []
            for obj in objects(trigger, preps | {"to", "on", "against"}):
                targets = self.actors_of(obj)
                if targets:
                    break
            return sources, targets
        subj, passive = subject(trigger)
        if passive:
            return self.actors_of(agent(trigger)), self.actors_of(subj)
        sources = self.actors_of(subj)
        if subj is not None and subj.head.lemma_ == "join":
            # "Nearly 50 countries joined the United States in condemning …": both are sources.
            for obj in objects(subj.head, frozenset()):
                sources = sources + self.actors_of(obj)
        targets: list[Actor] = []
        for obj in objects(trigger, preps):
            targets = [a for a in self.actors_of(obj) if a not in sources]
            if targets:
                break
        return sources, targets

    # -- date and place ---------------------------------------------------------------------------
    def date_of(self, trigger: Token, dates: list[tuple[Token, TimeSpan]]) -> TimeSpan | None:
        "The nearest date in the smallest clause around the trigger that holds one."
        for node in clause_chain(trigger):
            inside = [(abs(tok.i - trigger.i), span) for tok, span in dates
                      if node.left_edge.i <= tok.i <= node.right_edge.i]
            if inside:
                return min(inside, key=lambda x: x[0])[1]
        return None

    def place_of(self, trigger: Token, candidates: list[Token], used: set[str]) -> Place | None:
        "The nearest place in the smallest clause around the trigger that names one."
        for node in clause_chain(trigger):
            inside = sorted((abs(t.i - trigger.i), t.i, t) for t in candidates
                            if node.left_edge.i <= t.i <= node.right_edge.i)
            for _, _, tok in inside:
                for text in (name_text(tok), mention_text(tok)):
                    if text in used:
                        continue
                    place = self.places.resolve(text, frozenset(self.context))
                    if place is not None:
                        return place
            if inside:
                return None
        return None

    def sentence_dates(self, sent: Span) -> list[tuple[Token, TimeSpan]]:
        future = any(t.lower_ in FUTURE_CUES for t in sent)
        if self.pub is None:
            return []
        found = []
        for span in find_dates(sent.text, self.pub, future=future):
            start = sent.start_char + (span.span or (0, 0))[0]
            token = next((t for t in sent if t.idx <= start < t.idx + len(t.text) + 1), None)
            if token is not None:
                found.append((token, span))
        return found

    # -- events -----------------------------------------------------------------------------------
    def triggers(self, sent: Span) -> list[tuple[Token, Trigger]]:
        found = []
        report_verbs = self.lex.cues.get("report_verbs", frozenset())
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in self.lex.verbs:
                if lemma in report_verbs and any(c.dep_ == "ccomp" for c in tok.children):
                    continue  # "officials warned that …": reporting, not threatening
                found.append((tok, self.lex.verbs[lemma]))
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                found.append((tok, self.lex.nouns[lemma]))
        return found

    def code_sentence(self, sent: Span) -> list[_Draft]:
        dates = self.sentence_dates(sent)
        if sent.text.rstrip().endswith(":") and dates:
            self.lead_date = dates[0][1]  # "Key developments on Jan. 9:" dates the items below
            return []
        drafts = []
        places = place_tokens(list(sent))
        for trigger, rule in self.triggers(sent):
            sources, targets = self.roles(trigger, rule)
            for source in sources or [None]:
                for target in targets or [None]:
                    if source is not None and target is not None and source == target:
                        continue
                    drafts.append(_Draft(trigger, rule, source, target))
        if not drafts:
            return []
        for draft in drafts:
            used = {a.text for a in (draft.source, draft.target) if a is not None}
            status = modality(draft.trigger, self.lex)
            claimant = self.actors.resolve(status.claimant) if status.claimant else None
            stat = status.status
            if (stat == "claimed" and draft.rule.type in self.lex.speech_acts and claimant and draft.source
                    and claimant.country and claimant.country == draft.source.country):
                stat = "asserted"  # a party's own statement is the act itself
            if stat == "claimed" and claimant is not None and claimant.sector == "MED":
                stat = "reported"
            date = self.date_of(draft.trigger, dates)
            place = self.place_of(draft.trigger, places, used)
            if place is None and draft.rule.type == "ASSAULT" and draft.target and draft.target.kind == "country":
                place = self.places.resolve(draft.target.name, frozenset(self.context))
            draft.fields.update(
                date=date or self.lead_date, date_inferred=date is None and self.lead_date is None,
                place=place, status=stat, negated=status.negated, claimant=claimant,
                mode=mode(draft.trigger, draft.rule.mode, self.lex), weapon=weapon(sent, self.lex)
                if draft.rule.type in ("ASSAULT", "AID") else None,
            )
            if draft.target is None and place is not None and draft.rule.type == "ASSAULT":
                draft.target = Actor(text=place.text, name=place.name, country=place.country, kind="country")
        self._attach_casualties(sent, drafts)
        drafts = _merge_chains(drafts)
        for draft in drafts:
            if draft.source is not None:
                self.last_actor = draft.source
        return drafts

    def _attach_casualties(self, sent: Span, drafts: list[_Draft]) -> None:
        "Each casualty figure goes to the nearest ASSAULT event above it in the parse."
        assaults = {d.trigger.i: d for d in drafts if d.rule.type == "ASSAULT"}
        for word, kind, count in casualties(sent):
            owner = next((assaults[n.i] for n in clause_chain(word) if n.i in assaults), None)
            if owner is None and assaults:
                owner = min(assaults.values(), key=lambda d: abs(d.trigger.i - word.i))
            if owner is not None:
                key = "fatalities" if kind == "killed" else "injuries"
                owner.fields[key] = max(owner.fields.get(key) or 0, count)

    def event(self, draft: _Draft, sent: Span) -> Event:
        start = sent.start_char
        end = sent.end_char
        while end > start and self.story.text[end - 1].isspace():
            end -= 1
        key = "|".join(str(x) for x in (self.story.doc_id, self.story.index, start, end, draft.rule.type,
                                        draft.source and draft.source.name, draft.target and draft.target.name))
        f = draft.fields
        date = f.get("date")
        inferred = False
        if date is None and self.pub is not None:
            date, inferred = TimeSpan(self.pub, "day"), True
        return Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=self.story.doc_id, story=self.story.index,
            type=draft.rule.type, sentence=self.story.text[start:end], span=(start, end),
            mode=f.get("mode"), context=(), cameo=self.lex.cameo.get(draft.rule.type),
            source=draft.source, target=draft.target, date=date,
            date_inferred=inferred or bool(f.get("date_inferred")) and date is not None,
            place=f.get("place"), fatalities=f.get("fatalities"), injuries=f.get("injuries"),
            weapon=f.get("weapon"), status=f.get("status", "asserted"), negated=bool(f.get("negated")),
            claimant=f.get("claimant"), trigger=draft.trigger.text, confidence=draft.score(),
            coder=f"{CODER_NAME}+{self.lex.version}",
        )

    def code(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            if sent.text.strip() == "":
                continue
            for draft in self.code_sentence(sent):
                events.append(self.event(draft, sent))
        return _merge_story(events)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.name == b.name or (a.country is not None and a.country == b.country)


def _merge_chains(drafts: list[_Draft]) -> list[_Draft]:
    "Same-type events whose triggers sit on one branch of the parse are one happening."
    kept: list[_Draft] = []
    for draft in sorted(drafts, key=lambda d: d.trigger.i):
        ancestors = {t.i for t in clause_chain(draft.trigger)}
        partner = next((k for k in kept if k.rule.type == draft.rule.type
                        and (k.trigger.i in ancestors or draft.trigger.i in {t.i for t in clause_chain(k.trigger)})
                        and _compatible(k.source, draft.source) and _compatible(k.target, draft.target)), None)
        if partner is None:
            kept.append(draft)
            continue
        partner.source = partner.source or draft.source
        partner.target = partner.target or draft.target
        for key, value in draft.fields.items():
            if partner.fields.get(key) in (None, False) and value not in (None, False):
                partner.fields[key] = value
    return kept


def _merge_story(events: list[Event]) -> list[Event]:
    "One event per (type, source, target, date) in a story: keep the best, fill its gaps."
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.source and event.source.name, event.target and event.target.name,
               event.date and event.date.label())
        other = best.get(key)
        if other is None:
            best[key] = event
            continue
        keep, drop = (other, event) if other.confidence >= event.confidence else (event, other)
        best[key] = replace(
            keep,
            place=keep.place or drop.place,
            fatalities=keep.fatalities or drop.fatalities,
            injuries=keep.injuries or drop.injuries,
            weapon=keep.weapon or drop.weapon,
        )
    return list(best.values())


def code_story(doc: Doc, story: Story, pub_date: dt.date | None, lexicon_dir: str | None = None) -> list[Event]:
    """Code one parsed story into events.

    Args:
        doc: the spaCy parse of `story.text`.
        story: the story (its text is what spans point into).
        pub_date: the publication date, anchor of relative dates (the story's own date if None).
        lexicon_dir: a folder of user lexicons extending the packaged ones.
    """
    return _StoryCoder(doc, story, pub_date, lexicon_dir).code()
