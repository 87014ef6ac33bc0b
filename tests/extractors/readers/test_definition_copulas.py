"""The copula definition (readers.definition_copulas): "It is a Y that …" in a paragraph that
opens with a highlighted name defines that name, not the answer's topic; in a paragraph that
opens with no name the pronoun stays the topic."""

from __future__ import annotations

from collections.abc import Callable

Items = set[tuple[str, str, str]]

_TOPIC = "**Photosynthesis** is how plants make sugar from light.\n\n"


def test_it_is_a_genus_defines_the_paragraphs_highlighted_name(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        f"{_TOPIC}**Photosystem II** sits in the thylakoid membrane. It is a protein complex"
        " that splits water with light energy.",
        "What is photosynthesis?",
    )
    definitions = {(term, value) for term, kind, value in found if kind == "definition"}
    assert ("photosystem ii", "a protein complex that splits water with light energy") in (
        definitions
    )
    assert not any(term == "photosynthesis" and "protein" in value for term, value in definitions)


def test_a_paragraph_opening_without_a_name_keeps_the_topic(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        f"{_TOPIC}It happens in leaves. It is a process that needs light and water.",
        "What is photosynthesis?",
    )
    assert ("photosynthesis", "definition", "a process that needs light and water") in found
