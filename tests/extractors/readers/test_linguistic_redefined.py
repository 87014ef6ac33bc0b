"""A term defined once (readers.linguistic._redefined): a later "X is a …" about a term the
answer has already defined re-describes it and is no second definition; the first stays."""

from __future__ import annotations

from collections.abc import Callable

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
