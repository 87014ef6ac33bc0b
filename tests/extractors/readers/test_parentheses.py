"""What a bracket after a term says (readers.parentheses): a highlighted foreign word glossed by
the phrase before it, a genus glossing a marked term, a bracket glued to a word, and the markers
around a bracket that name the term before it.  The readings by what a bracket gives have their
own tests: test_paren_renderings, test_paren_short_forms, test_paren_names, test_bracket_terms."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document


def _ling(answer: str) -> set[tuple[str, str, str]]:
    return {
        (f.subject.text, f.linguistic.value, f.value)
        for f in read_document(answer, "")[1]
        if f.kind == "linguistic" and f.linguistic is not None
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "- **Megadyptes** — one living species, the yellow-eyed penguin (*hoiho* in Māori)",
            ("hoiho", "definition", "yellow-eyed penguin"),
        ),
        (
            '### Sushi rice\nIn Japan it is simply called *gohan*; "sushi rice" is a Western label.',
            ("Sushi rice", "alias", "gohan"),
        ),
        (
            "The **red panda** (*Ailurus fulgens*), also called the lesser panda, is no bear.",
            ("red panda", "alias", "lesser panda"),
        ),
        (
            "**Type 1 diabetes**, formerly called juvenile diabetes or insulin-dependent diabetes,"
            " is an autoimmune disease.",
            ("Type 1 diabetes", "alias", "insulin-dependent diabetes"),
        ),
    ],
)
def test_bracket_forms(answer: str, expected: tuple[str, str, str]) -> None:
    assert expected in _ling(answer)


def test_a_marked_terms_bracket_gloss_may_hold_a_capitalised_word() -> None:
    found = _ling("- 250 g **tipo 00 flour** (a finely milled Italian flour)\n- 160 ml water")
    assert ("tipo 00 flour", "definition", "a finely milled Italian flour") in found


def test_a_bracket_glued_to_a_word_is_part_of_the_term() -> None:
    found = _ling("A **401(k)** is a retirement savings plan offered by many US employers.")
    terms = {term for term, kind, _ in found if kind == "definition"}
    assert terms and all(term.startswith("401(k") for term in terms)
