"""Actor resolution: a case table of mentions we wrote (actor_cases.yaml), acronym case, data errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsdesk.errors import LexiconError
from newsdesk.resolve import actor_resolver
from newsdesk.resolve.actors import ActorResolver

CASES = yaml.safe_load((Path(__file__).with_name("actor_cases.yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_actor_case(case):
    actor = actor_resolver().resolve(case["text"])
    assert actor is not None, case["text"]
    for field in ("name", "country", "sector", "kind"):
        if field in case:
            assert getattr(actor, field) == case[field], (field, actor)
    if "members" in case:
        assert [m.country for m in actor.members] == case["members"]


def test_case_table_is_large_enough():
    assert len(CASES) >= 100


def test_acronyms_match_only_in_capitals():
    resolver = actor_resolver()
    assert resolver.resolve("us") is None
    assert resolver.resolve("people who fled").country is None
    assert resolver.lookup("who") is None
    assert resolver.lookup("WHO").code == "WHO"


def test_unknown_mention_is_none():
    assert actor_resolver().resolve("the weather") is None


def test_igo_keeps_its_own_code():
    assert actor_resolver().resolve("the EU").code == "EUR"


def test_bad_country_row_names_the_file(tmp_path):
    (tmp_path / "countries.tsv").write_text("iso3\tname\nxx\tNowhere\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="countries.tsv"):
        ActorResolver(str(tmp_path))


def test_user_lexicon_adds_a_person(tmp_path):
    (tmp_path / "actors.yaml").write_text(
        "people:\n  - {name: Jane Example, aliases: [Example], country: CHE, sector: GOV}\n", encoding="utf-8"
    )
    actor = ActorResolver(str(tmp_path)).resolve("Swiss envoy Jane Example")
    assert (actor.name, actor.country, actor.kind) == ("Jane Example", "CHE", "person")
