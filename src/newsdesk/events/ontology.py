"""The PLOVER lexicon (`data/plover.yaml`) and status cues (`data/modality.yaml`) as typed records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import LexiconError
from ..lexicon import load_yaml

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    weak: bool = False  # an event only with a resolved target or a weapon (see plover.yaml)


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    cameo: dict[str, str]
    target_preps: dict[str, frozenset[str]]
    speech_acts: frozenset[str]
    symmetric: frozenset[str]  # types whose conjoined sources act towards each other ("X and Y met")
    subsuming: frozenset[str]  # types whose verbs swallow their infinitive complement ("refused to meet")
    mode_words: dict[str, str]
    weapons: dict[str, str]  # phrase → weapon name
    cues: dict[str, frozenset[str]]  # modality cue class → words
    contexts: dict[str, str]  # cue lemma → PLOVER context
    instruments: frozenset[str]  # weapon nouns: never an actor
    noun_target_preps: frozenset[str]  # "invasion of Ukraine", "transfer to Russia"
    intent_types: frozenset[str] = frozenset()  # announced by their doer, these are AGREE
    located_types: frozenset[str] = frozenset()  # naming no place in their sentence, these take the story's
    place_notes: frozenset[str] = frozenset()  # "coded to": the name after it is where the sentence's events are


@cache
def lexicon(lexicon_dir: str | None = None) -> Lexicon:
    """The merged PLOVER lexicon; a user's `plover.yaml` adds triggers to the packaged ones."""
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    cameo: dict[str, str] = {}
    preps: dict[str, frozenset[str]] = {}
    speech: set[str] = set()
    subsuming: set[str] = set()
    symmetric: set[str] = set()
    mode_words: dict[str, str] = {}
    weapons: dict[str, str] = {}
    contexts: dict[str, str] = {}
    instruments: set[str] = set()
    noun_preps: set[str] = set()
    intent: set[str] = set()
    located: set[str] = set()
    notes: set[str] = set()
    version = "plover-rules"
    for path, doc in load_yaml("plover.yaml", lexicon_dir):
        version = doc.get("version", version)
        for etype, spec in (doc.get("types") or {}).items():
            if etype not in EVENT_TYPES:
                raise LexiconError(path, etype, f"not a PLOVER type ({', '.join(EVENT_TYPES)})")
            if not isinstance(spec, dict):
                raise LexiconError(path, etype, "must be a mapping")
            cameo[etype] = str(spec.get("cameo", cameo.get(etype, "")))
            if not all(isinstance(p, str) for p in spec.get("target_preps") or ()):
                raise LexiconError(path, f"{etype}.target_preps", 'must be words (quote "on")')
            preps[etype] = frozenset(spec.get("target_preps") or preps.get(etype, ()))
            if spec.get("speech_act"):
                speech.add(etype)
            if spec.get("symmetric"):
                symmetric.add(etype)
            if spec.get("subsumes"):
                subsuming.add(etype)
            weak = {str(w).lower() for w in spec.get("weak") or ()}
            for lemma, mode in (spec.get("verbs") or {}).items():
                verbs[str(lemma).lower()] = Trigger(etype, mode, str(lemma).lower() in weak)
            for lemma, mode in (spec.get("nouns") or {}).items():
                nouns[str(lemma).lower()] = Trigger(etype, mode, str(lemma).lower() in weak)
        for mode, words in (doc.get("modes") or {}).items():
            mode_words.update({w.lower(): mode for w in words})
        for weapon, phrases in (doc.get("weapons") or {}).items():
            weapons.update({p.lower(): weapon for p in phrases})
        for context, words in (doc.get("contexts") or {}).items():
            contexts.update({str(w).lower(): context for w in words})
        instruments.update(str(w).lower() for w in doc.get("instruments") or ())
        noun_preps.update(str(w).lower() for w in doc.get("noun_target_preps") or ())
        intent.update(str(t) for t in doc.get("intent_types") or ())
        located.update(str(t) for t in doc.get("located_types") or ())
        notes.update(str(p).lower() for p in doc.get("place_notes") or ())
    cues: dict[str, set[str]] = {}
    for path, doc in load_yaml("modality.yaml", lexicon_dir):
        for key, words in doc.items():
            if not isinstance(words, list):
                raise LexiconError(path, key, "must be a list of words")
            cues.setdefault(key, set()).update(str(w).lower() for w in words)
    return Lexicon(version, verbs, nouns, cameo, preps, frozenset(speech), frozenset(symmetric),
                   frozenset(subsuming), mode_words, weapons,
                   {k: frozenset(v) for k, v in cues.items()}, contexts, frozenset(instruments),
                   frozenset(noun_preps), frozenset(intent), frozenset(located), frozenset(notes))
