"""Score the gazetteer on geoparsing gold sets (TR-News, LGL, GeoWebNews), as the geoparsing literature does.

Formats read (from `../shared/gold/geoparsing/`, never copied into the repo):
    `lgl.xml`, `TR-News*.xml`   <article><text>…<toponym><start><end><phrase><gaztag geonameid><lat><lon>
    `GWN.xml`                    <toponym><extractedName><start><end><geonamesID><latitude><longitude>
    `gwn_full.txt`               a line per article: name,,mention,,lat,,lon,,start,,end||…

Given the gold toponyms, each document's mentions are resolved together (`Gazetteer.resolve_all`,
with the article's text as context) and scored by accuracy@161 km, exact GeoNames id match and mean error; a mention left unresolved
counts as the largest error (half the earth's circumference), as in "A Pragmatic Guide to
Geoparsing Evaluation". End to end (`recognise`), spaCy's GPE/LOC/FAC entities are matched to the
gold spans for recognition P/R/F1 and the matched ones are scored as above.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ..resolve.places import _distance_km, gazetteer

MAX_ERROR_KM = 20039.0
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str | None
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def _xml_toponym(t: ET.Element, text: str) -> GoldToponym | None:
    gaz = t.find("gaztag")
    if gaz is not None:
        lat, lon, gid = _float(gaz.find("lat")), _float(gaz.find("lon")), gaz.get("geonameid")
    else:
        lat, lon, gid = _float(t.find("latitude")), _float(t.find("longitude")), t.findtext("geonamesID")
    start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
    if lat is None or lon is None or end <= start:
        return None
    phrase = t.findtext("phrase") or t.findtext("extractedName") or text[start:end]
    return GoldToponym(start, end, phrase, lat, lon, int(gid) if gid and gid.isdigit() else None)


def read_gold(path: Path) -> Iterator[GoldArticle]:
    """Articles and their geocoded toponyms from any of the three gold formats."""
    if path.suffix == ".txt":
        for line in path.read_text(encoding="utf-8").splitlines():
            tops = []
            for item in filter(None, line.split("||")):
                parts = item.split(",,")
                if len(parts) == 6:
                    tops.append(
                        GoldToponym(
                            int(parts[4]), int(parts[5]), parts[1], float(parts[2]), float(parts[3]), None
                        )
                    )
            yield GoldArticle(None, tuple(tops))
        return
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        tops = (_xml_toponym(t, text) for t in article.iter("toponym"))
        yield GoldArticle(text, tuple(t for t in tops if t))


def _distance_scores(errors: list[float], exact: list[bool]) -> dict[str, float | int | None]:
    n = len(errors) or 1
    return {
        "toponyms": len(errors),
        "acc161": round(100 * sum(e <= 161 for e in errors) / n, 1),
        "exact_geonameid": round(100 * sum(exact) / len(exact), 1) if exact else None,  # gwn_full has no ids
        "mean_error_km": round(sum(errors) / n, 1),
    }


def _errors(articles: list[tuple[list[str], list[GoldToponym], str]]) -> tuple[list[float], list[bool]]:
    "Each article's toponyms resolved together, with its text as context: (errors in km, exact id matches)."
    gaz = gazetteer()
    errors, exact = [], []
    for texts, golds, document in articles:
        for place, gold in zip(gaz.resolve_all(texts, document=document), golds, strict=True):
            if place is None or place.lat is None or place.lon is None:
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(_distance_km((place.lat, place.lon), (gold.lat, gold.lon)))
            if gold.geonameid is not None:
                exact.append(place is not None and place.geonameid == gold.geonameid)
    return errors, exact


def score_given_toponyms(path: Path, limit: int | None = None) -> dict[str, float | int | None]:
    """Resolve the gold toponym phrases of each article; accuracy@161, exact match, mean error."""
    articles = list(read_gold(path))[:limit]
    pairs = [([t.phrase for t in a.toponyms], list(a.toponyms), a.text or "") for a in articles]
    return {"articles": len(articles), **_distance_scores(*_errors(pairs))}


def score_end_to_end(
    path: Path, recognise: Callable[[str], list[tuple[int, int]]], limit: int | None = None
) -> dict[str, float | int | None]:
    """Find toponyms with `recognise(text) → spans`, score recognition (exact spans) and resolution."""
    articles = [a for a in read_gold(path) if a.text][:limit]
    tp = fp = fn = 0
    pairs = []
    for article in articles:
        gold = {(t.start, t.end): t for t in article.toponyms}
        found = set(recognise(article.text or ""))
        hits = sorted(found & gold.keys())
        tp, fp, fn = tp + len(hits), fp + len(found - gold.keys()), fn + len(gold.keys() - found)
        pairs.append(([gold[s].phrase for s in hits], [gold[s] for s in hits], article.text or ""))
    p, r = tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
    scores = _distance_scores(*_errors(pairs))
    return {
        "articles": len(articles),
        "precision": round(100 * p, 1),
        "recall": round(100 * r, 1),
        "f1": round(200 * p * r / ((p + r) or 1), 1),
        **{f"matched_{k}": v for k, v in scores.items()},
    }


def spacy_recogniser(nlp: Language) -> Callable[[str], list[tuple[int, int]]]:
    """A `recognise` function from a spaCy pipeline's GPE/LOC/FAC entities, plus NORP ones that name
    a country ("Turkish", as the gold sets count them), not a religion or a party."""
    gaz = gazetteer()

    def is_country(text: str) -> bool:
        return any(c.entry.kind == "country" for c in gaz.candidates(text)[0])

    def recognise(text: str) -> list[tuple[int, int]]:
        return [
            (e.start_char, e.end_char)
            for e in nlp(text).ents
            if e.label_ in PLACE_LABELS or (e.label_ == "NORP" and is_country(e.text))
        ]

    return recognise
