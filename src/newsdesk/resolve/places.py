"""Geocode place names offline: an index of PyPI gazetteer data and a resolver that uses context.

The index (about 600,000 names, see `gazetteer_data.py`) takes seconds to build, so the first use
writes a compact pickle to the user cache folder (`$NEWSDESK_CACHE_DIR`, else
`$XDG_CACHE_HOME/newsdesk`, else `~/.cache/newsdesk`), keyed by the versions of the source
packages and of our data files; later processes load it in well under a second.

A mention is resolved by scoring its candidates: primary names before alternate names before
spelling variants, the admin level the text implies ("X Oblast", "X region", "X County"), the
document's countries and first-level areas, nearness to the document's other places, and
population. `resolve_all` resolves the places of one document together.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import math
import os
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import astuple, dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..lexicon import load_yaml
from ..schema import Place
from .gazetteer_csc import csc_names
from .gazetteer_data import GazetteerEntry, gazetteer_names, source_versions
from .gazetteer_mimu import mimu_names

LOGGER = logging.getLogger(__name__)
CACHE_FORMAT = "10"  # bump when the layout of _Index or the way its keys are made changes
ADMIN1_SUFFIX = re.compile(
    r"\s+(?:oblast|region|province|krai|kray|governorate|state|prefecture|canton|countryside)$", re.IGNORECASE
)
ADMIN2_SUFFIX = re.compile(r"\s+(?:county|parish|district|raion|borough|township|lga|co\.?)$", re.IGNORECASE)
CITY_SUFFIX = re.compile(r"\s+city$", re.IGNORECASE)
ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
LEVEL_SUFFIXES = (("admin1", ADMIN1_SUFFIX), ("admin2", ADMIN2_SUFFIX), ("city", CITY_SUFFIX))
PART = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|"
    r"downtown|north-?east|north-?west|south-?east|south-?west|city of)\s+",
    re.IGNORECASE,
)
FACILITY = re.compile(
    r"\s+(?:international\s+)?(?:airport|airbase|air base|port|harbou?r|township)$"
    r"|\s+(?:high court|court|hospital|university|stadium|prison|city hall|town hall)$"
    r"|\s+(?:river|valley|creek|lake|park|square|national park|state park)$|^(?:port of|lake)\s+",
    re.IGNORECASE,
)
"""A facility or feature named after a place stands for it when the gazetteer lacks the feature:
"Kyiv airport", "Port of Los Angeles", "Naugatuck River", "Santa Clara Valley"."""
QUARTER = re.compile(r"\s+-\s+.*$|[-\s](?:north|south|east|west)$", re.IGNORECASE)
"""A quarter after a dash or a part of a district, as ACLED names places ("Seoul City - Jongno",
"Shan-North", "Imphal West"): the whole."""
ASIDE = re.compile(r"\s*\([^)]*\)$")
CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z]*\.?(?:\s+[A-Z][A-Za-z]*\.?)*")
ARABIC_ARTICLES = {"al", "el", "as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an"}
"""The article of Arabic place names, as transliterated before a name ("Al Kut", "As Samawah")."""
ABBREVIATED = {"mount": "mt", "mt": "mount", "saint": "st", "st": "saint", "fort": "ft", "ft": "fort"}
DEMONYM_ENDINGS = ("s", "ns", "ans", "ers")
"""Endings of plural demonyms: Russians → russian, Californians → california, Ohioans → ohio,
New Londoners → new london."""
DEMONYM_POPULATION = 10_000  # a place whose people are named by a plural demonym is at least this large
_DIGRAPHS = (("zh", "z"), ("kh", "h"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("y", "i"), ("j", "i"))
KIND_PRIOR = {
    "country": 3.0,
    "region": 2.5,
    "admin1": 2.0,
    "city": 1.0,
    "minor_admin1": 0.0,
    "village": 0.0,
    "admin2": -1.0,
}
CAPITAL_SHARE = 0.1
"""An admin1 area whose namesake city inside it holds this share of its people is dropped for a bare
name: "Isfahan", "Tokyo" or "Antofagasta" means the city (its point, not the area's middle)."""
MINOR_ADMIN1_POPULATION = 1_000_000
"""An admin1 area with fewer people ranks as "minor_admin1", below a city: a bare name shared by a
small province and a big city elsewhere ("Sofia", "Bari", "Granada") means the city; the province
still wins when the text names its level ("Bari region") or the document is in its country."""
AREA_KINDS = ("admin1", "admin2", "region", "country")
POINT_KINDS = ("city", "village", "admin2")  # small enough for nearness to mean something
PLACE_KINDS = {"city": "city", "village": "city", "admin1": "admin1", "country": "country", "region": "region"}


def fold(text: str) -> str:
    "Lowercase ASCII letters only: 'Zaporizhzhia' → 'zaporizhzhia', 'St. Louis' → 'st louis'."
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z ]", " ", text.replace(".", "").replace("'", "")).split())


def sound_key(text: str) -> str:
    "A transliteration-tolerant key: Kupiansk/Kupyansk and Zaporizhzhia/Zaporizhia share one."
    key = fold(text).replace(" ", "")
    for old, new in _DIGRAPHS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def cache_dir() -> Path:
    """Where derived data (the gazetteer index) is cached: never inside the repository."""
    if os.environ.get("NEWSDESK_CACHE_DIR"):
        return Path(os.environ["NEWSDESK_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsdesk"


def _cache_key() -> str:
    data = resources.files("newsdesk") / "data"
    digest = hashlib.sha1(CACHE_FORMAT.encode())
    for builder in ("gazetteer_data.py", "gazetteer_mimu.py", "gazetteer_csc.py"):  # the builders' code
        digest.update(Path(__file__).with_name(builder).read_bytes())
    for name in (
        "admin1.tsv",
        "admin1_points.tsv",
        "continents.tsv",
        "countries.tsv",
        "country_points.tsv",
        "place_aliases.tsv",
        "regions.tsv",
    ):
        digest.update((data / name).read_bytes())
    return f"gazetteer-{source_versions()}-{digest.hexdigest()[:10]}.pickle"


@dataclass(frozen=True, slots=True)
class _Index:
    entries: list[tuple]  # GazetteerEntry fields as plain tuples: they unpickle several times faster
    curated: dict[str, int | tuple[int, ...]]
    primary: dict[str, int | tuple[int, ...]]
    alternate: dict[str, int | tuple[int, ...]]
    sounds: dict[str, int | tuple[int, ...]]

    def by_match(self) -> tuple[tuple[str, dict[str, int | tuple[int, ...]]], ...]:
        "The name tables, best kind of match first."
        return ("curated", self.curated), ("primary", self.primary), ("alternate", self.alternate)


def _build_index() -> _Index:
    entries: list[tuple] = []
    ids: dict[GazetteerEntry, int] = {}
    tables: dict[str, dict[str, list[int]]] = {"curated": {}, "primary": {}, "alternate": {}}
    sounds: dict[str, list[int]] = {}
    names = gazetteer_names()
    myanmar = [e for _name, e, _how in names if e.country == "MMR"]
    names += mimu_names({e.name for e in myanmar if e.kind == "admin1"},
                        {e.name.lower(): (e.lat, e.lon) for e in myanmar if e.kind == "city"})
    key_of = cache(fold)  # most names are folded twice: for the csc source's look-ups and for the index
    names += csc_names(names, key_of)
    for name, entry, how in names:
        i = ids.setdefault(entry, len(entries))
        if i == len(entries):
            entries.append(astuple(entry))
        key = key_of(name)
        if not key:
            continue
        for variant in _key_variants(key, entry.kind):
            bucket = tables[how].setdefault(variant, [])
            if i not in bucket:
                bucket.append(i)
        if how != "alternate" or entry.kind != "city":
            sound = sounds.setdefault(sound_key(name), [])
            if i not in sound:
                sound.append(i)
    return _Index(
        entries, *(_compact(tables[how]) for how in ("curated", "primary", "alternate")), _compact(sounds)
    )


def _key_variants(key: str, kind: str) -> set[str]:
    """A folded name and its common variants: 'Mount'/'Mt', 'Saint'/'St', 'Fort'/'Ft', without inner 'the';
    a town or area without the Arabic article news often drops ('Al Kut' is also 'Kut', 'As Sulaymaniyah'
    'Sulaymaniyah')."""
    first, _, rest = key.partition(" ")
    swapped = f"{ABBREVIATED[first]} {rest}" if first in ABBREVIATED and rest else key
    variants = {key, key.replace(" the ", " "), swapped}
    if first in ARABIC_ARTICLES and len(rest) >= 3 and kind in ("city", "admin1", "admin2"):
        variants.add(rest)
    return variants


def _compact(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    "Most names name one place: store a bare id for them, a tuple for the rest (a third of the memory)."
    return {key: ids[0] if len(ids) == 1 else tuple(ids) for key, ids in table.items()}


def _ids(table: dict[str, int | tuple[int, ...]], key: str) -> tuple[int, ...]:
    found = table.get(key, ())
    return (found,) if isinstance(found, int) else found


@cache
def _common_nouns() -> frozenset[str]:
    "One-word common nouns that never match a town by themselves (`data/not_places.yaml`)."
    return frozenset(str(w).lower() for _path, doc in load_yaml("not_places.yaml") for w in doc.get("words") or ())


def _load_index() -> _Index:
    path = cache_dir() / _cache_key()
    gc.disable()  # the collector would walk the half-built index again and again: 5x slower
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        TypeError,
        ValueError,
        ImportError,
    ) as err:
        LOGGER.info("building the gazetteer index (%s: %s)", path, type(err).__name__)
    finally:
        gc.enable()
    index = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):  # older versions of the index
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as err:
        LOGGER.warning("cannot cache the gazetteer index at %s: %s", path, err)
    return index


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a mention may mean, and how its name matched (curated, primary, alternate, sound)."""

    entry: GazetteerEntry
    match: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of a document says about where it is: countries, admin1 areas, points."""

    countries: Counter[str]
    admin1: Counter[str]
    points: tuple[tuple[float, float], ...] = ()
    support: Mapping[GazetteerEntry, float] = field(default_factory=dict)


MATCH_PRIOR = {"curated": 7.0, "primary": 2.0, "alternate": -1.0, "sound": -1.5}
NAMED_ADMIN1_WEIGHT = 3
REFINE_ROUNDS = 2
NEAR_KM = 50.0
AREA_REACH_KM = 100.0  # a town named as an area ('X countryside') reaches this far
PROMINENT_POPULATION = 100_000  # a city this big and ...
PROMINENT_RATIO = 5.0  # ... this many times the size of a namesake ...
SMALL_TOWN = 50_000  # ... that is a small town is not outweighed by the town's country alone
ABBREVIATION = re.compile(r"[A-Z&]{2,3}")  # "UP", "J&K": matches only curated names and big places
WEIGHTS = {
    "population": 1.0,
    "level": 3.0,
    "country": 2.0,
    "country_each": 0.5,
    "admin1": 1.0,
    "admin1_each": 0.8,
    "near": 3.0,
    "support": 1.5,
}
"""How much each clue adds to a candidate's score (population counts per power of ten)."""


class Gazetteer:
    """Name → candidate places, and a resolver that picks one using the document's context."""

    def __init__(self) -> None:
        self._index = _load_index()

    def candidates(self, text: str) -> tuple[list[Candidate], str | None]:
        "(candidates, the level the text implies: 'admin1' for 'X Oblast', 'admin2' for 'X County', 'city')."
        name = ARTICLE.sub("", text.strip())
        idx = self._index
        level, suffix = next(((lv, rx) for lv, rx in LEVEL_SUFFIXES if rx.search(name)), (None, None))
        keys = [fold(name)]
        if suffix:
            keys.append(fold(suffix.sub("", name)))
        found: dict[int, str] = {}
        for key in keys:
            for match, table in idx.by_match():
                for i in _ids(table, key):
                    found.setdefault(i, match)
        stems = [keys[0][: -len(end)] for end in DEMONYM_ENDINGS if not found and keys[0].endswith(end)]
        for stem in stems:  # plural demonyms: "Palestinians", "Ohioans", "New Londoners"; of a place people
            for match, table in idx.by_match():  # know: not 'Starbucks' for Starbuck, Minnesota
                for i in _ids(table, stem):
                    if GazetteerEntry(*idx.entries[i]).population >= DEMONYM_POPULATION:
                        found.setdefault(i, match)
        if not found and (QUARTER.search(name) or ASIDE.search(name)):  # "Seoul - Jongno", "Sone (Middle)"
            whole = ASIDE.sub("", QUARTER.sub("", name))
            city = " - " in name and not CITY_SUFFIX.search(whole)
            return self.candidates(f"{whole} city" if city else whole)
        if not found or level:
            for key in keys:
                for i in _ids(idx.sounds, sound_key(key)):
                    found.setdefault(i, "sound")
        if not found and (PART.search(name) or FACILITY.search(name)):  # "North London", "Kyiv airport"
            return self.candidates(FACILITY.sub("", PART.sub("", name)))
        cands = [Candidate(GazetteerEntry(*idx.entries[i]), m) for i, m in found.items()]
        if fold(name) in _common_nouns():  # "the City Council", "South Street": not Council, Idaho
            cands = [c for c in cands if c.match == "curated"]
        if ABBREVIATION.fullmatch(name):  # "UP", "MP", "CAR": an abbreviation, not a village's code
            cands = [c for c in cands if c.match == "curated" or _big(c.entry)]
        if level:
            cands = [c for c in cands if c.entry.kind == level] or cands
            whole = {GazetteerEntry(*idx.entries[i]) for _match, table in idx.by_match() for i in _ids(table, keys[0])}
            cands = [c for c in cands if c.entry in whole] or cands  # "X Township" is not "X District"
        else:
            cands = _without_capital_named_areas(cands)
        return cands, level

    def knows(self, text: str) -> bool:
        "Whether some place has exactly this name (no spelling, kind-word or part-of-town rule applied)."
        key = fold(text)
        return any(_ids(table, key) for _match, table in self._index.by_match())

    def names_a_feature(self, text: str) -> bool:
        "Whether a name is read only as the town a feature is named after ('Alexandra Park'; a level word is none)."
        name = ARTICLE.sub("", text.strip())
        return bool(FACILITY.search(name)) and not ADMIN2_SUFFIX.search(name) and not self.knows(name)

    @staticmethod
    def _score(c: Candidate, level: str | None, ctx: Context) -> float:
        e, w = c.entry, WEIGHTS
        score = (
            MATCH_PRIOR[c.match]
            + KIND_PRIOR.get(_ranked_kind(e), 0.0)
            + w["population"] * math.log10(e.population + 10)
        )
        if level == e.kind:
            score += w["level"]
        if e.country and ctx.countries[e.country]:
            score += w["country"] + min(ctx.countries[e.country], 4) * w["country_each"]
        if e.admin1 and ctx.admin1[e.admin1]:
            score += w["admin1"] + min(ctx.admin1[e.admin1], 5) * w["admin1_each"]
        if ctx.points and e.kind in POINT_KINDS:
            near = min(_distance_km((e.lat, e.lon), p) for p in ctx.points)
            score += w["near"] * (3.0 if near < 50 else 2.0 if near < 150 else 1.0 if near < 400 else 0.0) / 3
        return score + w["support"] * ctx.support.get(e, 0.0)

    def pick(
        self, text: str, ctx: Context, found: tuple[list[Candidate], str | None] | None = None
    ) -> tuple[Candidate, str, float] | None:
        "(the best candidate for `text` in context, the reason, its lead over the runner-up), or None."
        cands, level = found or self.candidates(text)
        if ctx.countries:  # a loose spelling match counts only in the document's countries
            cands = [c for c in cands if c.match != "sound" or ctx.countries[c.entry.country or ""]]
        cands = [c for c in cands if c.entry.kind != "village" or _in_document(c.entry, ctx)]
        if not cands:
            return None
        scored = sorted(((self._score(c, level, ctx), i) for i, c in enumerate(cands)), reverse=True)
        best = cands[scored[0][1]]
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else math.inf
        prominent = _prominent_namesake(best, cands, level, ctx)
        if prominent is not None:
            return prominent, f"far larger than a namesake in a country of the document; {prominent.match} name", 0.0
        e = best.entry
        if level == e.kind:
            why = "admin level named" if level != "city" else "named a city"
        elif ctx.support.get(e):
            why = "fits the document's other places"
        elif e.admin1 and ctx.admin1[e.admin1]:
            why = "in an area of the document"
        elif e.country and ctx.countries[e.country]:
            why = "in a country of the document"
        elif len(cands) == 1:
            why = "only candidate"
        else:
            why = "largest by population"
        return best, f"{why}; {best.match} name", margin

    def resolve(self, text: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
        """The best place for a mention, preferring the document's countries, then size.

        Args:
            text: the mention ("Kharkiv", "Zaporizhzhia Oblast", "Russia").
            context_countries: ISO alpha-3 codes of the document's actors and places.
        """
        picked = self.pick(text, Context(Counter(context_countries), Counter()))
        return _place(text, *picked[:2]) if picked else None

    def resolve_within(self, text: str, areas: list[str]) -> Place | None:
        """The town or district a name means when the text names the first-level area it lies in, or None:
        "Cordoba (Cordoba)" is Argentina's Córdoba, in Córdoba province; "Jhelum (Punjab)" is Pakistan's;
        "Andarab district, Baghlan" the Afghan town. An area counts by its own or any other name ("Valencia"
        for the Valencian Community, "Mangystau" for Mangghystau). The most populous such place (its own,
        curated or alternate name; a sound-alike only when no name matches), when it is larger than the
        next, and `PROMINENT_RATIO` times larger when that one lies in another country."""
        wanted = {_area_key(area) for area in areas}
        named = {(e.country, _area_key(e.name)) for area in areas for e in self._admin1_named(area)}
        inside: list[Candidate] = []
        for name in dict.fromkeys((text, _without_level(text))):  # 'Kale township' first, then any 'Kale'
            inside = inside or [c for c in self.candidates(name)[0] if c.entry.kind in ("city", "village", "admin2")
                                and c.entry.admin1 and (_area_key(c.entry.admin1) in wanted
                                                        or (c.entry.country, _area_key(c.entry.admin1)) in named)]
        heard = [c for c in inside if c.match != "sound"] or inside  # "Torbat e Heydarieh (Razavi Khorasan)"
        towns = [c for c in heard if c.entry.kind != "admin2"] or heard  # 'San Bernardino (California)': the city
        ranked = sorted(towns, key=lambda c: c.entry.population, reverse=True)
        if not ranked:
            return None
        best, rival = ranked[0].entry, ranked[1].entry if len(ranked) > 1 else None
        if rival is not None and rival != best and (best.population <= rival.population or (
                rival.country != best.country and best.population < PROMINENT_RATIO * rival.population)):
            return None  # no single answer: villages alike, "Beja (Beja)" in Tunisia and in Portugal
        return _place(text, ranked[0], f"in an area named with it; {ranked[0].match} name")

    def _admin1_named(self, text: str) -> list[GazetteerEntry]:
        "First-level areas with this name, own or other, whatever else it names ('Valencia', 'Cordoba')."
        key = _area_key(text)
        return [e for _match, table in self._index.by_match() for k in {fold(text), key}
                for i in _ids(table, k) if (e := GazetteerEntry(*self._index.entries[i])).kind == "admin1"]

    def resolve_all(
        self, texts: list[str], context_countries: frozenset[str] = frozenset(), *, document: str = "",
        areas: frozenset[str] = frozenset(),
    ) -> list[Place | None]:
        """Resolve the place mentions of one document together, each in the light of the others.

        Names are fixed one at a time, the surest first (the largest lead of its best candidate over
        the runner-up, in the context of the names fixed so far: their countries, admin1 areas and
        points). So "Houston" settles "Walker County" in Texas before "Huntsville" is decided, and
        a mention never votes for itself ("Georgia" five times is not evidence for the country).
        Countries and first-level areas the `document` text names elsewhere ("the Georgia Bureau
        of Investigation", "Ga.") count as context too. Texts in `areas` are named as areas ("Ayolas
        (Misiones)"): an area of the name beats a town of it ("(Al Jawf)" is Yemen's governorate).
        """
        names = list(dict.fromkeys(fold(t) for t in texts))
        first = {fold(t): t for t in texts}
        found = {key: self.candidates(first[key]) for key in names}
        for key in {fold(t) for t in areas} & found.keys():
            cands, level = found[key]
            found[key] = ([c for c in cands if c.entry.kind in AREA_KINDS] or cands, level)
        support = _coherence({key: cands for key, (cands, _level) in found.items()})
        base = self.areas_named(document, skip=set(names))
        base.countries.update(context_countries)
        picks: dict[str, tuple[Candidate, str, float] | None] = {}

        def trial(key: str) -> tuple[Candidate, str, float] | None:
            ctx = self._context(key, picks, base, support[key])
            return self.pick(first[key], ctx, found[key])

        while len(picks) < len(names):  # fix the surest name first; it is context for the rest
            trials = {key: trial(key) for key in names if key not in picks}
            key = max(trials, key=lambda k: trials[k][2] if trials[k] else math.inf)
            picks[key] = trials[key]
        for _round in range(REFINE_ROUNDS):  # then each name again in the light of all the others
            picks = {key: trial(key) for key in names}
        out: list[Place | None] = []
        for text in texts:
            picked = picks[fold(text)]
            out.append(_place(text, *picked[:2]) if picked else None)
        return out

    def areas_named(self, document: str, skip: set[str]) -> Context:
        """The countries and large first-level areas a text names by their own or curated names
        (capitalised: "Georgia", "Ga."; "Washington" is curated as the city), except `skip`."""
        ctx = Context(Counter(), Counter())
        for run in CAPITALISED_RUN.findall(document):
            words = run.split()
            spans = [(i, i + n) for n in (3, 2, 1) for i in range(len(words) - n + 1)]
            for start, end in spans:
                phrase = " ".join(words[start:end])
                key = fold(phrase)
                if key in skip:
                    continue
                ids = _ids(self._index.curated, key) or _ids(self._index.primary, key)
                if not ids and phrase.endswith("."):  # an abbreviated state: "Ga.", "Calif."
                    ids = _ids(self._index.alternate, key)
                for e in (GazetteerEntry(*self._index.entries[j]) for j in ids):
                    if e.kind == "country" and e.country:
                        ctx.countries[e.country] += 1
                    elif _ranked_kind(e) == "admin1" and e.admin1:  # not "Rivera", a surname
                        ctx.admin1[e.admin1] += 1
        return ctx

    @staticmethod
    def _context(
        key: str,
        picks: dict[str, tuple[Candidate, str, float] | None],
        base: Context,
        support: Mapping[GazetteerEntry, float],
    ) -> Context:
        "The context the other names' picks (and the text around them, `base`) give to name `key`."
        ctx = Context(Counter(base.countries), Counter(base.admin1), ())
        points = []
        for other, picked in picks.items():
            if other == key or picked is None:
                continue
            e = picked[0].entry
            if e.country:
                ctx.countries[e.country] += 1
            if e.admin1:  # a named state or oblast says more than the state of a named town
                ctx.admin1[e.admin1] += NAMED_ADMIN1_WEIGHT if e.kind == "admin1" else 1
            if e.kind in POINT_KINDS:
                points.append((e.lat, e.lon))
        return Context(ctx.countries, ctx.admin1, tuple(points), support)


def _coherence(found: dict[str, list[Candidate]]) -> dict[str, dict[GazetteerEntry, float]]:
    """How well each candidate of each name fits the other names' candidates (not their picks).

    Every other name votes for the candidates that lie within `NEAR_KM` of one of its own
    candidates, or that are a first-level area holding one of them; the vote is shared among them
    (1/sqrt(n)), so only a distinctive pairing counts much. So "Paris" and
    "Henry County" settle on Tennessee, where the town lies in the county, before either is
    decided, though both names exist in a dozen states; and "Fresno" makes "California" the state.
    """
    cells: dict[str, dict[tuple[int, int], list[tuple[float, float]]]] = {}
    areas: dict[str, set[tuple[str | None, str | None]]] = {}
    for key, cands in found.items():
        grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
        usable = [c.entry for c in cands if c.match != "sound"]
        for e in usable:
            if e.kind in POINT_KINDS:
                grid.setdefault((math.floor(e.lat), math.floor(e.lon)), []).append((e.lat, e.lon))
        cells[key] = grid
        areas[key] = {(e.country, e.admin1) for e in usable if e.admin1}
    out: dict[str, dict[GazetteerEntry, float]] = {key: {} for key in found}
    for key, cands in found.items():
        for other in found:
            if other == key:
                continue
            fits = [
                c.entry
                for c in cands
                if (c.entry.kind in POINT_KINDS and _near_any(c.entry, cells[other]))
                or (c.entry.kind == "admin1" and (c.entry.country, c.entry.admin1) in areas[other])
            ]
            for e in fits:
                out[key][e] = out[key].get(e, 0.0) + 1 / math.sqrt(len(fits))
    return out


def _near_any(e: GazetteerEntry, grid: dict[tuple[int, int], list[tuple[float, float]]]) -> bool:
    "Whether a point of `grid` (1-degree cells) lies within NEAR_KM of the entry."
    point = (e.lat, e.lon)
    lat, lon = math.floor(e.lat), math.floor(e.lon)
    return any(
        _distance_km(point, other) < NEAR_KM
        for dlat in (-1, 0, 1)
        for dlon in (-1, 0, 1)
        for other in grid.get((lat + dlat, lon + dlon), ())
    )


def _without_capital_named_areas(cands: list[Candidate]) -> list[Candidate]:
    "Drop the admin1 areas that a same-named city inside them stands for (see CAPITAL_SHARE)."
    capitals: dict[tuple[str | None, str | None], int] = {}
    for c in cands:
        if c.entry.kind == "city" and c.match in ("curated", "primary"):
            key = (c.entry.country, c.entry.admin1)
            capitals[key] = max(capitals.get(key, 0), c.entry.population)
    return [
        c
        for c in cands
        if c.entry.kind != "admin1"
        or capitals.get((c.entry.country, c.entry.name), 0) < CAPITAL_SHARE * max(c.entry.population, 1)
    ]


def _prominent_namesake(best: Candidate, cands: list[Candidate], level: str | None, ctx: Context) -> Candidate | None:
    """A well-known city that loses to a small namesake only because the namesake lies in a country of
    the document: "Geneva" in a story about US and Russian leaders is Switzerland's, not Illinois'. Only
    the countries speak for the small namesake (no area, nearby place or other name of the document does);
    a namesake that is a city in its own right ("Tripoli" in Lebanon) keeps its country's vote."""
    e = best.entry
    if level or e.kind != "city" or e.population >= SMALL_TOWN:
        return None
    if (e.admin1 and ctx.admin1[e.admin1]) or ctx.points or ctx.support.get(e):
        return None
    cities = [c for c in cands if c.entry.kind == "city" and c.match in ("primary", "curated")]
    big = max(cities, key=lambda c: c.entry.population, default=None)
    if big is None or big.entry == e or big.entry.population < PROMINENT_POPULATION:
        return None
    return big if big.entry.population >= PROMINENT_RATIO * max(e.population, 1) else None


def lies_in(place: Place, area: Place) -> bool:
    """Whether a place lies inside another one found beside it: in its country, in its first-level area
    ('Morelia' in 'Michoacan'), or within `AREA_REACH_KM` of a town that stands for its surroundings
    ('Ras al-Ain town in Al Hasakeh countryside')."""
    if place.country != area.country or place.name == area.name:
        return False
    if area.kind == "country":
        return True
    if area.kind == "admin1":
        return bool(place.admin1) and _area_key(place.admin1 or "") == _area_key(area.name)
    if None in (place.lat, place.lon, area.lat, area.lon) or area.kind == "region":
        return False
    return _distance_km((place.lat, place.lon), (area.lat, area.lon)) <= AREA_REACH_KM  # type: ignore[arg-type]


def _without_level(text: str) -> str:
    "A name without its level word: 'Andarab district' → 'Andarab'."
    for _level, suffix in LEVEL_SUFFIXES:
        text = suffix.sub("", text)
    return text


def _area_key(name: str) -> str:
    "An area's name without its kind word: 'Sagaing Region' and 'Sagaing region' → 'sagaing'."
    return ADMIN1_SUFFIX.sub("", fold(name))


def _in_document(e: GazetteerEntry, ctx: Context) -> bool:
    "A village counts only where the document names its country or its area: 'Lu' is no word's place."
    return bool(ctx.countries[e.country or ""] or e.admin1 and ctx.admin1[e.admin1])


def _big(e: GazetteerEntry) -> bool:
    "A place news may name by an abbreviation: a country, a large area or a city of 100,000 or more."
    return e.kind in ("country", "region", "admin1") or e.population >= PROMINENT_POPULATION


def _ranked_kind(e: GazetteerEntry) -> str:
    "The kind an entry ranks as: an admin1 area with few people ranks below a city."
    return "minor_admin1" if e.kind == "admin1" and e.population < MINOR_ADMIN1_POPULATION else e.kind


def _place(text: str, cand: Candidate, why: str) -> Place:
    e = cand.entry
    return Place(
        text=text.strip(),
        name=e.name,
        country=e.country,
        admin1=e.admin1,
        lat=round(e.lat, 4),
        lon=round(e.lon, 4),
        kind=PLACE_KINDS.get(e.kind, "other"),  # type: ignore[arg-type]
        geonameid=e.geonameid,
        why=why,
    )


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once per process; built and cached on first use)."""
    return Gazetteer()
