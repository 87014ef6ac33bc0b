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


def test_a_highlighted_notion_is_defined_by_a_definite_genus(
    linguistic_items: Callable[..., Items],
) -> None:
    # "**cron** is the time-based job scheduler …": the answer introduces the lower-case term it
    # highlights, and "the" before its genus makes no rank or role of it
    found = linguistic_items(
        "**cron** is the time-based job scheduler built into Linux and other Unix-like systems."
        "\n\n- **Weathering**: the breaking down of rock at the surface; **erosion** is the"
        " carrying away of the pieces."
    )
    assert (
        "cron",
        "definition",
        "the time-based job scheduler built into linux and other unix-like systems",
    ) in found
    assert ("erosion", "definition", "the carrying away of the pieces") in found


def test_a_definite_genus_still_needs_a_highlighted_notion(
    linguistic_items: Callable[..., Items],
) -> None:
    # an unmarked subject ("the book"), a rank ("the largest …") stay undefined
    found = linguistic_items(
        "The book is the story of a family over seven generations. The **blue whale** is the"
        " largest animal known to have lived."
    )
    assert not any(kind == "definition" for _, kind, _ in found)


def test_a_named_thing_met_on_the_way_is_not_defined(
    linguistic_items: Callable[..., Items],
) -> None:
    """A name of two or more capitalised words the answer does not introduce (no topic, no
    question, no section's head) is a named thing described on the way, even when highlighted;
    the one asked about is still defined."""
    answer = (
        "**Isaac Newton** was an English mathematician who wrote the Principia.\n\n"
        "In 1703 he became president of the Royal Society. The **Royal Society** is a learned "
        "society that promotes science."
    )
    found = linguistic_items(answer, "Who was Isaac Newton?")
    assert not any(term == "royal society" for term, kind, _ in found if kind == "definition")
    asked = linguistic_items(answer, "What is the Royal Society?")
    assert ("royal society", "definition", "a learned society that promotes science") in asked
