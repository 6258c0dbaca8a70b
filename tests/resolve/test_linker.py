"""Within-document linking: surnames and roles point back to the person named earlier."""

from __future__ import annotations

from newsdesk.resolve import DocumentActors


def test_surname_and_role_link_to_the_known_person():
    doc = DocumentActors()
    assert doc.resolve("Russian President Vladimir Putin").name == "Vladimir Putin"
    linked = doc.resolve("the president")
    assert (linked.name, linked.country, linked.text) == ("Vladimir Putin", "RUS", "the president")


def test_role_is_left_alone_when_two_people_fit():
    doc = DocumentActors()
    doc.resolve("Vladimir Putin")
    doc.resolve("Ukrainian President Volodymyr Zelensky")
    vague = doc.resolve("the president")
    assert vague.kind == "sector" and vague.sector == "GOV"
    assert doc.resolve("the Ukrainian president").name == "Volodymyr Zelensky"


def test_unknown_person_is_remembered_with_country_and_role():
    doc = DocumentActors()
    first = doc.resolve("Russian Ambassador Andrei Karlov", label="PERSON")
    assert (first.name, first.country, first.kind) == ("Andrei Karlov", "RUS", "person")
    assert doc.resolve("Karlov").name == "Andrei Karlov"
    assert doc.resolve("the ambassador").name == "Andrei Karlov"


def test_nothing_links_before_anyone_is_named():
    doc = DocumentActors()
    assert doc.link("Karlov") is None
    assert doc.resolve("Karlov") is None
