"""Link an actor mention to the actors named earlier in the same document.

News names a person in full once ("Russian Ambassador Andrei Karlov", "President Vladimir Putin")
and then by surname ("Karlov", "Putin") or by role ("the president", "the ambassador"). One
`DocumentActors` per document remembers who was named so far: a surname or a role links to the
earlier person when exactly one earlier person fits, so "the president" is left alone (a sector
actor) when both Putin and Zelensky were named. People the lexicon does not know are remembered
too when the caller says the mention is a person (spaCy's PERSON label).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..schema import Actor
from .actors import ActorResolver, actor_resolver, normalise

ROLES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "foreign minister",
    "defence minister",
    "defense minister",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "leader",
    "king",
    "ambassador",
    "commander",
    "general",
    "chief",
    "envoy",
)
_ROLE = re.compile(
    r"^(?:the\s+)?(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+)?(?P<role>" + "|".join(ROLES) + r")$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+$")


class DocumentActors:
    """The actors of one document, so later mentions link to earlier ones.

    Usage (the event coder, one instance per document or story)::

        actors = DocumentActors()               # or DocumentActors(actor_resolver(lexicon_dir))
        actors.resolve("President Vladimir Putin")     # → Vladimir Putin, remembered
        actors.resolve("Putin")                        # → Vladimir Putin
        actors.resolve("the president")                # → Vladimir Putin (the only president so far)
        actors.resolve("Andrei Karlov", label="PERSON")  # unknown person, remembered by name
        actors.resolve("Karlov")                       # → Andrei Karlov
    """

    def __init__(self, resolver: ActorResolver | None = None) -> None:
        self.resolver = resolver or actor_resolver()
        self.people: list[tuple[Actor, str | None]] = []  # (person, office) in order of first mention

    def resolve(self, text: str, label: str | None = None) -> Actor | None:
        """The actor `text` names, linked to an earlier person where it is a surname or a role."""
        linked = self.link(text)
        if linked:
            return linked
        actor = self.resolver.resolve(text)
        if label == "PERSON" and (actor is None or actor.kind != "person"):
            actor = self._new_person(text, actor) or actor
        if actor is not None:
            self.remember(actor, text)
        return actor

    def _new_person(self, text: str, context: Actor | None) -> Actor | None:
        "A person the lexicon does not know: 'Russian Ambassador Andrei Karlov' → Andrei Karlov, RUS."
        words = text.strip().split()
        while words and (
            words[0][:1].islower() or words[0].lower() in ROLES or self.resolver.entry(words[0])
        ):
            words.pop(0)
        name = " ".join(words)
        if not _NAME.match(name):
            return None
        return Actor(
            text=text.strip(),
            name=name,
            country=context.country if context else None,
            sector=context.sector if context else None,
            kind="person",
        )

    def remember(self, actor: Actor, text: str = "") -> None:
        """Note a person (and the role words around the mention) for later links."""
        if actor.kind != "person" or any(p.name == actor.name for p, _ in self.people):
            return
        office = (
            self.resolver.office(actor.name)
            or " ".join(r for r in ROLES if re.search(rf"\b{r}\b", text, re.IGNORECASE))
            or None
        )
        self.people.append((actor, office))

    def link(self, text: str) -> Actor | None:
        """An earlier person that `text` refers to by surname or role, when exactly one fits."""
        mention = normalise(text)
        if not mention:
            return None
        role = _ROLE.match(text.strip())
        if role:
            country = self._country(role.group("adj"))
            fits = [
                p
                for p, office in self.people
                if office
                and role.group("role").lower() in office.lower()
                and (country is None or p.country == country)
            ]
        else:
            fits = [
                p
                for p, _ in self.people
                if p.name.lower() != mention and p.name.lower().endswith(" " + mention)
            ]
        return replace(fits[0], text=text.strip()) if len({p.name for p in fits}) == 1 else None

    def _country(self, adjective: str | None) -> str | None:
        if not adjective:
            return None
        actor = self.resolver.lookup(adjective.strip())
        return actor.country if actor else None
