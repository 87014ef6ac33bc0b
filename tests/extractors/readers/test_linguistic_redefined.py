"""A term defined once (readers.linguistic._redefined): a later "X is a …" about a term the
answer has already defined re-describes it and is no second definition; the first stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


def test_a_second_copula_definition_of_a_defined_term_is_dropped(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "Otters are aquatic mammals that live along rivers and coasts.\n\n"
        "They eat fish, crabs and frogs, and they spend hours grooming their fur.\n\n"
        "Otters are a keystone species that keeps river food webs in balance.",
        "What are otters?",
    )
    definitions = {(term, value) for term, kind, value in found if kind == "definition"}
    assert ("otters", "aquatic mammals that live along rivers and coasts") in definitions
    assert not any("keystone" in value for _, value in definitions)


def test_copula_definitions_of_two_terms_both_stay(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "Otters are aquatic mammals that live along rivers and coasts.\n\n"
        "Beavers are large rodents that build dams across streams.",
        "What are otters and beavers?",
    )
    terms = {term for term, kind, _ in found if kind == "definition"}
    assert {"otters", "beavers"} <= terms


def test_a_name_and_a_common_noun_are_two_terms(
    linguistic_items: Callable[..., Items],
) -> None:
    """(review) The terms were compared without case: "a python is a large snake" was taken
    for a second definition of "Python" the language and dropped."""
    found = linguistic_items(
        "Python is a programming language created by Guido van Rossum. In the zoo, a python "
        "is a large snake that constricts its prey.",
        "What is Python?",
    )
    definitions = {(term, value) for term, kind, value in found if kind == "definition"}
    assert ("python", "a programming language created by guido van rossum") in definitions
    assert ("python", "a large snake that constricts its prey") in definitions


def test_a_clipped_reading_is_no_first_definition() -> None:
    """(review) A reading that ``_clipped_terms`` drops ("trap" cut from "sink trap" in one
    bracket) counted as the term's first definition and dropped a later "A trap is …"."""
    from grapheme_distill.extractors.readers import linguistic
    from grapheme_distill.extractors.readers.facts import Fact, Name
    from grapheme_distill.model.knowledge import LinguisticKind

    gloss = "the U-shaped bend under the basin"
    long = Fact(
        "linguistic", "head.paren_gloss", (0, 60), Name("sink trap"),
        linguistic=LinguisticKind.DEFINITION, value=gloss,
    )  # fmt: skip
    short = Fact(
        "linguistic", "paren.gloss", (0, 60), Name("trap"),
        linguistic=LinguisticKind.DEFINITION, value=gloss,
    )  # fmt: skip
    later = Fact(
        "linguistic", "copula.definition", (62, 120), Name("trap"),
        linguistic=LinguisticKind.DEFINITION, value="a device that stops sewer gas",
    )  # fmt: skip
    read = [long, short, later]
    dropped = linguistic._dropped(read)
    assert id(short) in dropped
    assert id(later) not in dropped


@pytest.mark.parametrize("heading", ["", "## Overview\n\n"], ids=["no-heading", "under-a-heading"])
def test_a_capital_that_opens_a_sentence_makes_no_second_term(
    linguistic_items: Callable[..., Items], heading: str
) -> None:
    """(review) "Osmosis" opening the answer and "osmosis" inside a later sentence are one
    term: the capital was the sentence's, and the repeat is no second definition — under a
    heading too, whose last word ends at the line break, not inside the sentence."""
    found = linguistic_items(
        heading + "Osmosis is the movement of water across a membrane from a dilute solution to a "
        "concentrated one.\n\nPut simply, osmosis is a passive process that needs no energy "
        "from the cell.",
        "What is osmosis?",
    )
    definitions = {value for term, kind, value in found if kind == "definition"}
    assert any(value.startswith("the movement of water") for value in definitions)
    assert not any("passive process" in value for value in definitions)
