"""Groups named in prose around their members (``readers.hierarchy_groups``): appositions,
bracketed names after a group, "A and B are the N Xs (of Y)" and an owner's members — forms the
twenty-fourth session's written probes showed unread."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document


def _edges(text: str, prompt: str = "") -> set[tuple[str, str]]:
    _, facts = read_document(text, prompt)
    return {
        (f.subject.text, f.object.text)
        for f in facts
        if f.kind == "hierarchy" and f.subject is not None and f.object is not None
    }


def test_an_apposition_names_the_unit_a_company_belongs_to() -> None:
    edges = _edges(
        "WhatsApp, another subsidiary of Meta Platforms, handles messaging, and Oculus, a "
        "division of Meta Platforms, makes VR headsets."
    )
    assert {("Meta Platforms", "WhatsApp"), ("Meta Platforms", "Oculus")} <= edges


def test_bracketed_names_after_a_group_are_its_members() -> None:
    edges = _edges("The outer planets (Jupiter, Saturn, Uranus and Neptune) are much larger.")
    assert {("outer planets", "Jupiter"), ("outer planets", "Neptune")} <= edges


@pytest.mark.parametrize(
    "text",
    [
        "It borders three countries (France, Spain and Italy).",  # a count, no group
        "The main types (Arabica, Robusta) differ in taste.",  # a kind word, no group
        "Its lower slopes (mostly forest and scrub) are steep.",  # no names
    ],
)
def test_a_bracket_after_a_count_a_kind_word_or_without_names_is_no_group(text: str) -> None:
    assert not any(child in ("France", "Arabica", "forest") for _, child in _edges(text))


def test_a_list_that_is_the_n_parts_of_a_whole() -> None:
    edges = _edges(
        "The House of Commons and the House of Lords are the two chambers of the UK Parliament."
    )
    assert {("UK Parliament", "House of Commons"), ("UK Parliament", "House of Lords")} <= edges


def test_a_list_that_is_the_n_members_of_a_group() -> None:
    edges = _edges(
        "Helium, neon, argon, krypton, xenon and radon are the six naturally occurring noble gases."
    )
    assert ("noble gases", "argon") in edges and ("noble gases", "Helium") in edges


def test_an_owners_members_belong_to_the_owner() -> None:
    edges = _edges(
        "The Rolling Stones formed in London in 1962. The band's current members are Mick "
        "Jagger, Keith Richards and Ronnie Wood."
    )
    # the reader resolves "The band" as far as the document alone allows; the extractor's
    # names then give it the section subject's name (the probe's output: "Rolling Stones")
    parents = {parent for parent, child in edges if child == "Mick Jagger"}
    assert parents and parents <= {"Rolling Stones", "band"}, edges


def test_the_n_parts_of_a_whole_are_its_parts() -> None:
    edges = _edges(
        "The four chambers of the heart are the left atrium, the right atrium, the left "
        "ventricle and the right ventricle."
    )
    assert {("heart", "left atrium"), ("heart", "right ventricle")} <= edges, edges


def test_the_n_members_of_a_named_group_keep_the_groups_name() -> None:
    edges = _edges("The four Galilean moons of Jupiter are Io, Europa, Ganymede and Callisto.")
    assert {("Galilean moons", "Io"), ("Galilean moons", "Callisto")} <= edges, edges


@pytest.mark.parametrize(
    "text",
    [
        "Its four members were Agnetha Fältskog, Björn Ulvaeus, Benny Andersson and Anni-Frid "
        "Lyngstad.",
        "ABBA's four members were Agnetha Fältskog, Björn Ulvaeus, Benny Andersson and Anni-Frid "
        "Lyngstad.",
        "The group's four original members were Agnetha Fältskog, Björn Ulvaeus, Benny Andersson "
        "and Anni-Frid Lyngstad.",
    ],
)
def test_a_count_before_members_keeps_the_owners_members(text: str) -> None:
    # a count (and membership adjectives) between the owner and "members" is read by class:
    # "four" alone broke both the owner's and the section subject's members forms
    edges = _edges("ABBA was a Swedish pop group formed in Stockholm in 1972. " + text, "ABBA")
    assert {child for _, child in edges} >= {"Benny Andersson", "Agnetha Fältskog"}, edges
