"""The marker forms of a second name (readers.alias_forms): "It is also called X" in a paragraph
that opens with a highlighted name gives the alias to that name, not to the answer's topic;
where the paragraph opens with no name (or with a label), "it" stays the block's subject."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]

_TOPIC = "**Photosynthesis** is how plants make sugar from light.\n\n"


@pytest.mark.parametrize(
    "marker",
    [
        "It is also called",
        "It is also known as",
        "It's sometimes called",
        "It is often referred to as",
    ],
)
def test_it_is_also_called_names_the_paragraphs_highlighted_term(
    marker: str, linguistic_items: Callable[..., Items]
) -> None:
    answer = (
        f"{_TOPIC}**Photosystem II** absorbs light and splits water. {marker} the"
        " water-plastoquinone oxidoreductase."
    )
    found = linguistic_items(answer, "What is photosynthesis?")
    assert ("photosystem ii", "alias", "water-plastoquinone oxidoreductase") in found
    assert ("photosynthesis", "alias", "water-plastoquinone oxidoreductase") not in found


def test_they_are_also_called_names_the_highlighted_plural(
    linguistic_items: Callable[..., Items],
) -> None:
    answer = (
        f"{_TOPIC}- **Thylakoids** are stacked membrane sacs in the chloroplast. They are also"
        " called thylakoid discs."
    )
    found = linguistic_items(answer, "What is photosynthesis?")
    assert ("thylakoids", "alias", "thylakoid discs") in found


def test_a_paragraph_opening_without_a_name_keeps_the_topic(
    linguistic_items: Callable[..., Items],
) -> None:
    answer = f"{_TOPIC}It happens in the chloroplasts. It is also called carbon assimilation."
    found = linguistic_items(answer, "What is photosynthesis?")
    assert ("photosynthesis", "alias", "carbon assimilation") in found


def test_a_label_opening_the_paragraph_is_no_name(
    linguistic_items: Callable[..., Items],
) -> None:
    answer = (
        "# The Cuban Missile Crisis\n\n**What it was:** a 13-day confrontation over missiles in"
        " Cuba. In Russia it is called the **Caribbean Crisis**."
    )
    found = linguistic_items(answer)
    assert ("cuban missile crisis", "alias", "caribbean crisis") in found
