"""The rule-based PLOVER coder: a parsed story in, its events out.

For each sentence: find trigger words from the lexicon, read source and target off the parse,
resolve them to actors, then attach the date, place, casualties, weapon and status of the
trigger's own clause. Events of one real happening inside a sentence are merged (`merge.py`),
then duplicates across the story. An event with neither source nor target is dropped, unless it
is a PROTEST, or an ASSAULT or COERCE with a place or casualties. The coder is a pure function of its inputs; its version is written
into every event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..resolve import actor_resolver, find_dates, gazetteer
from ..resolve.places import lies_in
from ..schema import Actor, Event, Place, Story, TimeSpan
from .attributes import INJURE_LEMMAS, KILL_LEMMAS, casualties, contexts, modality, mode, weapon
from .merge import BREADTH, Draft, merge_chains, merge_story, narrower
from .ontology import Lexicon, Trigger, lexicon
from .roles import (
    agent,
    antecedent,
    between,
    bracket_host,
    clause_chain,
    embedded_names,
    enclosing_areas,
    host_town,
    lookup_names,
    loose_place_tokens,
    mention_text,
    modifies,
    name_breadth,
    named_places,
    names_a_place,
    neighbourhood_name,
    noted_place_tokens,
    objects,
    origin_name,
    own_clause_chain,
    parsed_place,
    place_tokens,
    possessor,
    referent,
    subject,
    whole_name,
    with_conjuncts,
)

UNKNOWN_ACTOR_LABELS = {"ORG", "NORP", "PERSON"}
CODER_NAME = "newsdesk.coder.rules.v5"
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her"}
FUTURE_CUES = {"will", "expected", "scheduled", "next", "plans", "tomorrow"}
PLACED_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}  # kept without actors when they have a place or casualties
NOT_TRIGGERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERSON"}
UNNAMED_TYPES = {"PROTEST"}  # kept even without actors or place: the protesters are the source
MAX_STORY_PLACES = 40  # names resolved together per story (resolve_all is quadratic in them)
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "relcl", "pcomp"}  # clauses that serve another: 'gathered … to protest'
WEAK_DATES = {"overnight", "today", "tonight", "last night"}  # an explicit date in the clause wins


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
        self.pending_note: Place | None = None  # a place note in a sentence without events, for the next one
        self.guessed = 0  # roles the last `actors_of` call filled by a guess
        self.story_places = self._resolve_story_places()
        self.chains: dict[tuple[tuple[str, ...], bool], Place | None] = {}  # a name and its areas, resolved

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
            if tok.lemma_.lower() in self.lex.instruments:
                continue  # "North Korean weaponry was used": a weapon, not an actor
            if tok.lower_ in PRONOUNS:
                named = antecedent(tok)
                actor = self.actors.resolve(mention_text(named)) if named is not None else self.last_actor
                self.guessed += actor is not None
            else:
                actor = self.actors.resolve(mention_text(tok)) or _named_but_unknown(tok)
            if actor is not None:
                found.append(actor)
                if actor.country:
                    self.context.add(actor.country)
        return found

    def roles(self, trigger: Token, rule: Trigger) -> tuple[list[Actor], list[Actor]]:
        "(sources, targets) of a trigger by its frame: verb, passive verb, or event noun."
        preps = self.lex.target_preps.get(rule.type, frozenset())
        if trigger.pos_ in ("NOUN", "PROPN"):
            pair = between(trigger)
            if pair is not None:
                return self.actors_of(pair[0]), self.actors_of(pair[1])
            sources = self.actors_of(possessor(trigger))
            return sources, self._targets(trigger, preps | self.lex.noun_target_preps, sources)
        subj, passive = subject(trigger)
        if passive:
            return self.actors_of(agent(trigger)), self.actors_of(subj)
        sources = self.actors_of(subj)
        if subj is not None and subj.head.lemma_ == "join":
            # "Nearly 50 countries joined the United States in condemning …": both are sources.
            for obj in objects(subj.head, frozenset()):
                sources = sources + self.actors_of(obj)
        return sources, self._targets(trigger, preps, sources)

    def _targets(self, head: Token, preps: frozenset[str], sources: list[Actor]) -> list[Actor]:
        for obj in objects(head, preps):
            targets = [a for a in self.actors_of(obj) if a not in sources]
            if targets:
                return targets
        return []

    def _armed(self, trigger: Token) -> bool:
        """A weak trigger's subject, object or prepositional object is a weapon or names one ('drones hit',
        'fired missiles', 'artillery strikes targeted', 'stepped on a landmine'), or the trigger does
        ('artillery strikes')."""
        def weapon(tok: Token) -> bool:
            return tok.lemma_.lower() in self.lex.instruments or any(
                c.dep_ == "compound" and c.lemma_.lower() in self.lex.instruments for c in tok.children)
        args = [c for c in trigger.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        args += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return weapon(trigger) or any(weapon(a) for a in args)

    # -- date and place ---------------------------------------------------------------------------
    def date_of(self, trigger: Token, dates: list[tuple[Token, TimeSpan]]) -> TimeSpan | None:
        """The nearest date in the smallest clause around the trigger that holds one.

        In a clause, a date modifying it ("On 8 May, … demonstrated") wins over one inside a noun phrase
        ("the anniversary of 8 May 1945", "salaries delayed since 2020"), however near; one in brackets
        is an aside ("Around 19 May (between 18 - 20 May)").
        A weak relative date ("overnight attack") gives way to an explicit one higher up the
        same clause chain ("on Jan. 2 Russia used missiles … in its overnight attack").
        """
        weak: TimeSpan | None = None
        for node in clause_chain(trigger):
            inside = sorted((not modifies(tok, node), _bracketed(tok), abs(tok.i - trigger.i), tok.i, span)
                            for tok, span in dates if node.left_edge.i <= tok.i <= node.right_edge.i)
            explicit = [span for *_, span in inside if (span.text or "").lower() not in WEAK_DATES]
            if explicit:
                return explicit[0]
            weak = weak or (inside[0][-1] if inside else None)
        return weak

    def place_of(self, trigger: Token, candidates: list[Token], used: set[str], draft_type: str) -> Place | None:
        """The place in the smallest clause around the trigger, within its own clause, that names one the
        gazetteer knows (an unknown 'Asia Highway' inside the attack gives way to 'in Kawkareik township'
        above it). In that clause: the narrowest of places that lie in one another ('Morelia' before
        'Michoacan', `_narrowest`), one modifying the clause itself before one inside a noun phrase ('unions
        in Iran'), a town before a country, then the nearest; a name matched only by its sound, or only as the
        town a feature is named after ('Alexandra Park in Hastings'), comes last, after one the parse did not
        take for a place (`loose_place_tokens`). A part of a town ('the colonia
        Villanueva', 'Liberty Square (Taipei)') stands for the areas named with it, and where people come from
        ('protesters from Kumano gathered in Kushimoto') is not where they act (but what a force withdraws
        from is): by their own names only when the clauses name no other place. A clause that serves
        another ('drove into Halifax to show solidarity with the convoy in Ottawa') keeps a place inside a
        noun phrase only when the clause it serves names no other, and a country so kept is no place for a
        protest or a talk ('officers … protested … after fighting in Iraq')."""
        parts = {t for t in candidates if neighbourhood_name(t)}
        origins = set() if draft_type == "RETREAT" else {t for t in candidates if origin_name(t)}
        for first in (True, False):
            inner: Place | None = None  # a place inside a noun phrase ('the war in Ukraine'), kept in reserve
            inner_token: Token | None = None
            for node in own_clause_chain(trigger):
                inside = [t for t in candidates if node.left_edge.i <= t.i <= node.right_edge.i
                          and not (first and t in origins)]
                found = _narrowest(_one_country([(place, t) for t in inside if (place := self._first_place(
                    [t], used, areas_only=first and t in parts)) is not None]))
                if found:
                    place, tok = min(found, key=lambda pt: (self._loose(pt[0]), not parsed_place(pt[1]),
                                                            not modifies(pt[1], node), pt[0].kind == "country",
                                                            abs(pt[1].i - trigger.i), pt[1].i))
                    if tok is inner_token:
                        continue  # nothing new yet above the serving clause ('officers … who protested')
                    if inner is not None or modifies(tok, node) or node.dep_ not in PURPOSE_DEPS:
                        return place
                    inner, inner_token = place, tok
            if inner is not None and (inner.kind != "country" or draft_type in PLACED_TYPES):
                return inner  # a country a serving clause names ('after fighting in Iraq') is no protest's place
        return None

    def _loose(self, place: Place) -> bool:
        "A place read from a name only by its sound, or as the town a feature is named after ('Alexandra Park')."
        return _sounded(place) or self.places.names_a_feature(place.text or "")

    def noted_place(self, sent: Span) -> Place | None:
        "The place a sentence says its events are filed under ('coded to Warsaw'), if the gazetteer knows it."
        noted = (self._token_place([whole_name(tok)], enclosing_areas(tok) or _areas_after_note(tok))
                 for tok in noted_place_tokens(list(sent), self.lex.place_notes))
        return next((place for place in noted if place is not None and not _sounded(place)
                     and place.kind in ("city", "village", "other", "admin1")), None)

    def _first_place(self, tokens: list[Token], used: set[str], areas_only: bool = False) -> Place | None:
        for tok in tokens:
            tok = bracket_host(tok) or tok  # 'Carcross (Yukon)' where the parse heads it by 'Yukon'
            names = [] if areas_only else [text for text in lookup_names(tok) if text not in used]
            areas = enclosing_areas(tok)  # 'targeted Al Far (Kitaf, Sadah)': a place even when it is the target
            hosted = not areas and bool(areas := host_town(tok))  # 'Waterfront Park in San Diego (California)'
            if names or areas:
                place = self._token_place(names, areas, hosted)
                between = tok.head.lower_ == "between"  # 'transfers between the DPRK and Russia': parties
                if place is not None and (parsed_place(tok) or _plain(place)) and not (
                        between and place.kind == "country"):
                    return place
        return None

    def _token_place(self, names: list[str], areas: list[str], hosted: bool = False) -> Place | None:
        """A place name and the areas named around it: a town of the name inside one of them ('Cordoba
        (Cordoba)' is Argentina's), else all resolved together ('Ayolas (Misiones)' is in Paraguay). The first
        of them counts as an area only when it is all there is; a `hosted` name's first is a town."""
        if names and areas and self.places.knows(whole := f"{names[0]} ({areas[0]})"):
            names, areas = [whole], areas[1:]  # 'Freiburg (Elbe)' is a town's whole name
        own = next(((text, place) for text in names if (place := self._lookup(text)) is not None), None)
        if not areas:
            return own[1] if own else None
        chain = (own[0], *areas) if own else tuple(areas)
        if (chain, hosted) not in self.chains:
            context = frozenset(self.context)
            towns = {chain[0], areas[0]} if hosted else {chain[0]}
            within = self.places.resolve_within(own[0], areas) if own else None
            self.chains[(chain, hosted)] = within or _narrowest_consistent(self.places.resolve_all(
                list(chain), context, document=self.doc.text,
                areas=frozenset(areas) - towns if len(chain) > 1 else frozenset(areas)), context)
        return self.chains[(chain, hosted)]

    def _lookup(self, text: str) -> Place | None:
        return self.story_places[text] if text in self.story_places else self.places.resolve(
            text, frozenset(self.context))

    def _resolve_story_places(self) -> dict[str, Place | None]:
        "Every place name of the story resolved together: 'Granada (Andalucia)' is in Spain."
        heads = [tok for sent in self.doc.sents for tok in _sentence_places(sent) + named_places(list(sent))]
        heads += [c for tok in heads for c in tok.children if c.dep_ == "appos"]  # "Granada (Andalucia)"
        texts = [text for tok in heads for text in [*lookup_names(tok), *enclosing_areas(tok)]]
        texts = list(dict.fromkeys(texts))[:MAX_STORY_PLACES]
        return dict(zip(texts, self.places.resolve_all(texts, document=self.doc.text))) if texts else {}

    def fallback_place(self, draft: Draft, used: set[str]) -> Place | None:
        """A place the event's frame implies: an attack happens at what it hits ('shelled Kharkiv') or in
        the country attacked; a visit where it goes ('visit Bern')."""
        if draft.rule.type == "ASSAULT":  # the verb's object, also for its subject: 'air raids targeted Al Far'
            verb = draft.trigger.head if draft.trigger.dep_ in ("nsubj", "nsubjpass") else draft.trigger
            hit = [c for c in verb.children if c.dep_ == "dobj" and names_a_place(c)]
            place = self._first_place(hit, used - {c.text for c in hit})
            if place is not None:
                return place
        target = draft.target
        if target is None:
            return None
        if draft.rule.type == "CONSULT" and draft.fields.get("mode") == "visit":
            place = self.places.resolve(target.text, frozenset(self.context))
            return place if place is not None and place.kind in ("city", "admin1") else None
        if draft.rule.type == "ASSAULT" and target.kind == "country":
            return self.places.resolve(target.name, frozenset(self.context))
        return None

    def sentence_dates(self, sent: Span) -> list[tuple[Token, TimeSpan]]:
        if self.pub is None:
            return []
        future = any(t.lower_ in FUTURE_CUES for t in sent)
        found = []
        starts = {t.idx: t for t in sent}
        ends = {t.idx + len(t.text) for t in sent}
        for span in find_dates(sent.text, self.pub, future=future):
            start, end = (sent.start_char + offset for offset in span.span or (0, 0))
            if start in starts and end in ends:  # whole words only: 'Mayangone' names no month
                found.append((starts[start], span))
        return found

    # -- events -----------------------------------------------------------------------------------
    def rule_of(self, tok: Token) -> Trigger | None:
        "The trigger a token is: a frame ('call for', 'impose sanctions') beats its bare lemma ('call')."
        lemma = tok.lemma_.lower()
        if tok.ent_type_ in NOT_TRIGGERS:
            return None  # "31 March" is no march
        finite = tok.dep_ not in ("amod", "compound") or tok.tag_ == "VBD"  # not "burning tires", "wounded men";
        if tok.pos_ in ("VERB", "AUX") and finite:  # but a past tense the parser hung on its object ("targeted")
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            complements = [g for c in objects for g in c.children if g.dep_ in ("amod", "oprd")]  # 'set trucks ablaze'
            for child in [*tok.children, *complements]:
                word = child.lower_ if child.dep_ in ("prep", "prt") else child.lemma_.lower()
                nouns = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj" and child.dep_ == "prep"]
                keys = [*(f"{lemma} {word} {noun}" for noun in nouns), f"{lemma} {word}"]  # 'set on fire'
                frame = next((self.lex.verbs[key] for key in keys if key in self.lex.verbs), None)
                if frame is not None and child.dep_ in ("prep", "prt", "dobj", "amod", "oprd", "advmod", "nsubjpass"):
                    return frame
            if lemma in self.lex.cues.get("report_verbs", frozenset()) and any(
                c.dep_ == "ccomp" for c in tok.children
            ):
                return None  # "officials warned that …": reporting, not threatening
            return self.lex.verbs.get(lemma) or self._regular_past(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            framed = self.lex.nouns.get(f"{tok.head.lower_} {lemma}") if tok.dep_ == "pobj" else None
            return framed or self.lex.nouns.get(_hyphenated(tok) or lemma)
        return None

    def _regular_past(self, tok: Token) -> Trigger | None:
        "A regular past form the small model lemmatizes wrongly ('raped' → 'rap'): its stem, if a trigger."
        word = tok.lower_
        if not word.endswith("ed") or tok.lemma_.lower() == word[:-1]:
            return None
        return self.lex.verbs.get(word[:-1]) or self.lex.verbs.get(word[:-2])

    def _subsumed(self, trigger: Token) -> bool:
        "'refused to meet', 'protested, demanding …': the complement is part of the outer act."
        head = trigger.head
        if trigger.dep_ not in ("xcomp", "advcl") or head.i == trigger.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children):
            return False
        rule = self.rule_of(head)
        return rule is not None and rule.type in self.lex.subsuming

    def _outcome_of_attack(self, trigger: Token, rule: Trigger) -> bool:
        "'An attack killed three and injured 34': the casualty verbs are the attack's outcome, not new attacks."
        if rule.type != "ASSAULT" or trigger.lemma_.lower() not in KILL_LEMMAS | INJURE_LEMMAS:
            return False
        subj, passive = subject(trigger)
        if subj is None or passive or subj.pos_ not in ("NOUN", "PROPN"):
            return False
        noun_rule = self.lex.nouns.get(subj.lemma_.lower())
        return noun_rule is not None and noun_rule.type == "ASSAULT"

    def drafts(self, sent: Span) -> list[Draft]:
        "One draft per (trigger, source, target) of the sentence."
        drafts = []
        for trigger in sent:
            rule = self.rule_of(trigger)
            if rule is None or self._subsumed(trigger) or self._outcome_of_attack(trigger, rule):
                continue
            self.guessed = 0
            sources, targets = self.roles(trigger, rule)
            if not targets and rule.type in self.lex.subsuming:
                complement = next((c for c in trigger.children if c.dep_ == "xcomp"), None)
                targets = self._targets(complement, frozenset({"to", "with", "on", "against"}), sources) \
                    if complement is not None else []
            if rule.weak and not targets and not self._armed(trigger):
                continue  # "launch its own satellites": no attack
            pairs = [(s, t) for s in sources or [None] for t in targets or [None]]
            if not targets and len(sources) > 1 and rule.type in self.lex.symmetric:
                pairs = [(s, t) for s in sources for t in sources]
            drafts.extend(Draft(trigger, rule, s, t, guessed=self.guessed) for s, t in pairs
                          if s is None or t is None or s != t)
        return drafts

    def code_sentence(self, sent: Span) -> list[Draft]:
        dates = self.sentence_dates(sent)
        if sent.text.rstrip().endswith(":") and dates:
            self.lead_date = dates[0][1]  # "Key developments on Jan. 9:" dates the items below
            return []
        drafts = self.drafts(sent)
        places = _sentence_places(sent)
        noted = self.noted_place(sent) or self.pending_note  # the parser may split the note from its event:
        self.pending_note = None if drafts else noted  # 'between X and Y villages (coded as X) (…), the PDF …'
        sentence_contexts = contexts(sent, self.lex)
        for draft in drafts:
            self._attributes(draft, sent, dates, places, sentence_contexts)
            if noted is not None:
                draft.fields.update(place=noted, place_inferred=False)
        self._attach_casualties(sent, drafts)
        drafts = [d for d in merge_chains(drafts) if d.source or d.target
                  or d.rule.type in UNNAMED_TYPES or (d.rule.type in PLACED_TYPES and (
                      d.fields.get("place") or d.fields.get("fatalities") or d.fields.get("injuries")
                      or not d.fields.get("date_inferred")))]
        for draft in drafts:
            if draft.source is not None:
                self.last_actor = draft.source
        return drafts

    def _attributes(self, draft: Draft, sent: Span, dates: list[tuple[Token, TimeSpan]],
                    places: list[Token], sentence_contexts: tuple[str, ...]) -> None:
        "Date, place, status, claimant, mode, weapon and context of a draft's own clause."
        used = {a.text for a in (draft.source, draft.target) if a is not None}
        status = modality(draft.trigger, self.lex)
        claimant = (self.actors.resolve(status.claimant) or Actor(text=status.claimant, name=status.claimant)
                    if status.claimant else None)
        if claimant is not None and status.according_to:
            claimant = Actor(text=status.claimant or "", name=status.claimant or "", country=claimant.country,
                             sector=claimant.sector or "GOV", kind="group")  # "Russian officials"
        stat = status.status
        if (stat == "claimed" and draft.rule.type in self.lex.speech_acts and claimant and draft.source
                and claimant.country and claimant.country == draft.source.country):
            stat = "asserted"  # a party's own statement is the act itself
        if stat == "claimed" and claimant is not None and claimant.sector == "MED" and not status.according_to:
            stat = "reported"
        if (stat in ("asserted", "claimed", "expected") and not status.negated
                and draft.rule.type in self.lex.intent_types and self._announced(draft.trigger)):
            draft.rule = Trigger("AGREE", None)  # "Finland will give Tanzania a grant": a promise
        date = self.date_of(draft.trigger, dates)
        draft.fields.update(
            date=date or self.lead_date, date_inferred=date is None and self.lead_date is None,
            place=self.place_of(draft.trigger, places, used, draft.rule.type), status=stat, negated=status.negated,
            claimant=claimant, mode=mode(draft.trigger, draft.rule, self.lex), context=sentence_contexts,
            weapon=weapon(sent, self.lex) if draft.rule.type in ("ASSAULT", "AID") else None,
        )
        draft.fields["place"] = draft.fields["place"] or self.fallback_place(draft, used)
        if draft.fields["place"] is None:  # the nearest place of the sentence (a country only for violence:
            # 'bombed villages in Syria'; for talks or protests a country named in passing is more often a
            # party or the cause: 'protested, urging Russia to end the war')
            anywhere = draft.rule.type in PLACED_TYPES
            nearest = sorted(places + named_places(list(sent)), key=lambda t: abs(t.i - draft.trigger.i))
            found = _narrowest([(place, t) for t in nearest if (place := self._first_place([t], used)) is not None])
            draft.fields["place"] = next((p for p, _ in found if anywhere or _local(p)), None) or (
                self._named_in_passing(sent, draft.rule.type))
            draft.fields["place_inferred"] = draft.fields["place"] is not None
        place = draft.fields["place"]
        if draft.target is None and place is not None and draft.rule.type == "ASSAULT":
            draft.target = Actor(text=place.text, name=place.name, country=place.country, kind="country")
            draft.guessed += 1

    def _named_in_passing(self, sent: Span, event_type: str) -> Place | None:
        """For a located type, the first town a name inside a noun phrase of the sentence is ('in front of the
        Lyon city council'): a town by its own or curated name."""
        if event_type not in self.lex.located_types:
            return None
        for tok in embedded_names(list(sent)):
            place = self._lookup(tok.text)
            if place is not None and place.kind == "city" and _plain(place):
                return place
        return None

    def _announced(self, trigger: Token) -> bool:
        "The doer itself announces the act: 'will give', 'is ready to host' (not 'is expected to travel')."
        cues = self.lex.cues.get("intent", frozenset())
        if any(c.dep_ == "aux" and c.lower_ in cues for c in trigger.children):
            return True
        return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in cues

    def _attach_casualties(self, sent: Span, drafts: list[Draft]) -> None:
        "Each casualty figure goes to the nearest ASSAULT event above it in the parse."
        assaults = {d.trigger.i: d for d in drafts if d.rule.type == "ASSAULT"}
        for word, kind, count in casualties(sent):
            owner = next((assaults[n.i] for n in clause_chain(word) if n.i in assaults), None)
            if owner is None and assaults:
                owner = min(assaults.values(), key=lambda d: abs(d.trigger.i - word.i))
            if owner is not None:
                key = "fatalities" if kind == "killed" else "injuries"
                owner.fields[key] = max(owner.fields.get(key) or 0, count)

    def event(self, draft: Draft, sent: Span) -> Event:
        start = sent.start_char
        end = sent.end_char
        while end > start and self.story.text[end - 1].isspace():
            end -= 1
        # The trigger's offset keeps two happenings of one sentence apart ("launched on Dec. 30, while
        # on Jan. 2 … struck"): same type and actors, different events.
        key = "|".join(str(x) for x in (self.story.doc_id, self.story.index, start, end, draft.trigger.idx,
                                        draft.rule.type, draft.source and draft.source.name,
                                        draft.target and draft.target.name))
        f = draft.fields
        date = f.get("date")
        inferred = bool(f.get("date_inferred"))
        if date is None and self.pub is not None:
            date, inferred = TimeSpan(self.pub, "day"), True
        return Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=self.story.doc_id, story=self.story.index,
            type=draft.rule.type, sentence=self.story.text[start:end], span=(start, end),
            mode=f.get("mode"), context=f.get("context", ()), cameo=self.lex.cameo.get(draft.rule.type),
            source=draft.source, target=draft.target, date=date, date_inferred=inferred and date is not None,
            place=f.get("place"), place_inferred=bool(f.get("place_inferred")), fatalities=f.get("fatalities"), injuries=f.get("injuries"),
            weapon=f.get("weapon"), status=f.get("status", "asserted"), negated=bool(f.get("negated")),
            claimant=f.get("claimant"), trigger=draft.trigger.text, confidence=draft.score(),
            coder=f"{CODER_NAME}+{self.lex.version}",
        )

    def code(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            if sent.text.strip() == "":
                continue
            drafts = self.code_sentence(sent)
            if not any(d.rule.type == "ASSAULT" for d in drafts):
                _add_toll(events, sent)
            events.extend(self.event(draft, sent) for draft in drafts)
        return merge_story(self._placed_by_story(events))

    def _placed_by_story(self, events: list[Event]) -> list[Event]:
        """Events of a located type still without a place take the last place smaller than a country named
        before them in the story, else the first such place of an event, else the first named (a country named
        in passing is more often a party than where things happen). A statement or a transfer takes none:
        'condemned' is not done in the city it names."""
        first = next((e.place for e in events if _local(e.place) and not e.place_inferred), None) or next(
            (p for p in self.story_places.values() if _local(p)), None)
        last: Place | None = None
        placed = []
        for event in events:
            if event.place is None and event.type in self.lex.located_types and (last or first) is not None:
                event = replace(event, place=last or first, place_inferred=True)
            elif _local(event.place) and not event.place_inferred:
                last = event.place
            placed.append(event)
        return placed


def _areas_after_note(token: Token) -> list[str]:
    "The areas listed after a note's bracket: '(coded as Htee Saung) (Myinmu township, Sagaing region)'."
    close = next((t for t in token.doc[token.i: token.sent.end] if t.text == ")"), None)
    return enclosing_areas(close) if close is not None else []


def _bracketed(token: Token) -> bool:
    "Whether a token stands inside round brackets of its sentence."
    for tok in reversed(token.doc[token.sent.start: token.i]):
        if tok.text in "()":
            return tok.text == "("
    return False


def _hyphenated(token: Token) -> str | None:
    "The word a token ends when written with a hyphen before it: 'sit-in', 'shoot-outs' → 'shoot-out' (else None)."
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return None
    return f"{doc[token.i - 2].lower_}-{token.lemma_.lower()}"


def _local(place: Place | None) -> bool:
    "A place smaller than a country: one that can be inferred for an event that names none."
    return place is not None and place.kind != "country"


def _sentence_places(sent: Span) -> list[Token]:
    "A sentence's place candidates: the parse's, then the loose ones."
    parsed = place_tokens(list(sent))
    return parsed + loose_place_tokens(list(sent), parsed)


def _plain(place: Place) -> bool:
    """A town or area found by its own or a curated name, or by another name of several words ('Toluca
    de Lerdo'): all a loose candidate may be ('Atlantic Place' is no ocean, 'Armas' no Armash)."""
    return (place.kind in ("city", "admin1") and not _sounded(place)
            and (not _alternate(place) or " " in place.text.strip()))


def _alternate(place: Place) -> bool:
    "A name the gazetteer matched only as another name of a place ('Armas' for Armash): weaker than its own."
    return (place.why or "").endswith("alternate name")


def _sounded(place: Place) -> bool:
    "A name the gazetteer matched only by how it sounds: the weakest reading of a place."
    return "sound" in (place.why or "")


SURE_PLACE = ("in an area named with it", "admin level named")  # `Place.why` of a name its own words confirm


def _one_country(found: list[tuple[Place, Token]]) -> list[tuple[Place, Token]]:
    """Candidates of a clause less those of a country the others outvote, a place confirmed by the
    areas or level named with it counting twice: 'shelled Saida village in Ar Raqqa governorate' is no
    Saïda in Algeria."""
    weights: dict[tuple[str, str | None], int] = {}
    for place, _tok in found:  # a name read from two tokens votes once, as surely as its surer reading
        key = (place.name, place.country)
        weights[key] = max(weights.get(key, 0), 2 if (place.why or "").startswith(SURE_PLACE) else 1)
    votes: Counter[str | None] = Counter()
    for (_name, country), weight in weights.items():
        votes[country] += weight
    top = max(votes.values(), default=0)
    leaders = [c for c, v in votes.items() if v == top]
    return found if len(leaders) > 1 else [(p, t) for p, t in found if p.country == leaders[0]]


def _narrowest(found: list[tuple[Place, Token]]) -> list[tuple[Place, Token]]:
    """Candidates less any that another one lies in: 'in Morelia, Michoacan' is in Morelia, 'Badagry
    (Badagry, Lagos)' in Badagry, 'Ras al-Ain town in Al Hasakeh countryside' in Ras al-Ain."""
    areas = [(other.i, enclosing_areas(other)) for _, other in found]

    def breadth(place: Place, tok: Token) -> int:
        named_as_area = any(i < tok.i and whole_name(tok) in names for i, names in areas)
        return max(BREADTH.get(place.kind, 1), 2 if named_as_area else name_breadth(tok))
    ranked = [(breadth(place, tok), place, tok) for place, tok in found]
    return [(place, tok) for rank, place, tok in ranked
            if not any(r < rank and lies_in(other, place) for r, other, _ in ranked)]


def _outside(place: Place, chain: list[Place]) -> bool:
    """A town that lies neither in the first-level area named with it nor in a district named with it that
    does lie in that area: a namesake ('Kwin Chaung (Thandaunggyi township, …, Kayin state)' is not the
    Sagaing village). Without such a district the town stands: gazetteers and writers misplace towns."""
    areas = [a for a in chain if a.kind == "admin1" and a.country == place.country and not _sounded(a)]
    return place.kind == "city" and any(
        not lies_in(place, area) and any(other is not place and other.kind in ("city", "other")
                                         and lies_in(other, area) and not lies_in(place, other) for other in chain)
        for area in areas)


def _narrowest_consistent(places: list[Place | None], context: frozenset[str]) -> Place | None:
    """The narrowest of a place and the areas named around it that agrees with the others on the country
    ('Granada (Andalucia)' is the Spanish Granada; a village the gazetteer lacks gives way to its district;
    one outside the first-level area named with it is a namesake and gives way too).
    A tie goes to a country of the story's actors, then to an area found by its own name ('Los Angeles,
    Veracruz' is in Mexico), then to a town found by its own name, then to the broadest area ('Valletta
    (South Eastern)' is in Malta, not in Ghana's Eastern Region)."""
    found = [p for p in places if p is not None]
    found = [p for p in found if not _outside(p, found)] or found
    if not found:
        return None
    votes = Counter(p.country for p in {(p.name, p.country, p.lat, p.lon): p for p in found}.values())

    def weight(place: Place) -> float:
        own_town = place is found[0] and place.kind == "city" and (place.why or "").endswith("primary name")
        own_area = (place is not found[0] and place.kind in ("admin1", "other", "city")
                    and place.name == place.text and (place.why or "").endswith(("primary name", "curated name")))
        return votes[place.country] + 0.5 * (place.country in context) + 0.3 * own_area + 0.25 * own_town
    country = max(reversed(found), key=weight).country
    mine = [p for p in found if p.country == country]
    return next(p for p in mine if p.kind not in ("admin1", "region", "country")  # 'the B.C. legislature in
                or not any(narrower(other, p) for other in mine))  # Victoria (British Columbia)' is in Victoria


def _add_toll(events: list[Event], sent: Span) -> None:
    "A toll in a sentence of its own ('1 fatality.', 'The man later died.') belongs to the last attack."
    last = next((i for i in range(len(events) - 1, -1, -1) if events[i].type == "ASSAULT"), None)
    if last is None:
        return
    dead = max((n for _, kind, n in casualties(sent) if kind == "killed"), default=None)
    hurt = max((n for _, kind, n in casualties(sent) if kind == "injured"), default=None)
    event = events[last]
    if dead is not None and event.fatalities is None:
        event = replace(event, fatalities=dead)
    if hurt is not None and event.injuries is None:
        event = replace(event, injuries=hurt)
    events[last] = event


def _named_but_unknown(token: Token) -> Actor | None:
    "A named party the lexicons do not know ('M23 rebels', 'Ratko Samac'): kept by its name, without codes."
    if token.ent_type_ not in UNKNOWN_ACTOR_LABELS and not (token.pos_ == "PROPN" and not token.ent_type_):
        return None  # places, dates and common nouns are no named parties
    kind = "person" if token.ent_type_ == "PERSON" else "organisation"
    text = mention_text(token)
    return Actor(text=text, name=text, kind=kind)  # type: ignore[arg-type]


def code_story(doc: Doc, story: Story, pub_date: dt.date | None, lexicon_dir: str | None = None) -> list[Event]:
    """Code one parsed story into events.

    Args:
        doc: the spaCy parse of `story.text`.
        story: the story (its text is what spans point into).
        pub_date: the publication date, anchor of relative dates (the story's own date if None).
        lexicon_dir: a folder of user lexicons extending the packaged ones.
    """
    return _StoryCoder(doc, story, pub_date, lexicon_dir).code()
