"""What a bracket after a term says (readers.parentheses), in the forms the annotated answers
use: an expansion with commas, a regional name after "called", a word with its language, an
approximate measure, a term opened by a hyphenated modifier, a term said of "it" after a place."""

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
            "- **WASH** (short for water, sanitation and hygiene) — wells and latrines.",
            ("water, sanitation and hygiene", "abbreviation", "WASH"),
        ),
        (
            "A **latte** (short for caffè latte, an espresso drink) is popular.",
            ("caffè latte", "abbreviation", "latte"),
        ),
        (
            "It raises levels of **noradrenaline** (called norepinephrine in the US) in the brain.",
            ("noradrenaline", "alias", "norepinephrine"),
        ),
        (
            "- **Megadyptes** — one living species, the yellow-eyed penguin (*hoiho* in Māori)",
            ("hoiho", "definition", "yellow-eyed penguin"),
        ),
        ("Heat the oven to about 230 °C (450 °F).", ("about 230 °C", "alias", "450 °F")),
        ("The tower is 324 m (1,063 ft) tall.", ("324 m", "alias", "1,063 ft")),
        (
            "Frost-free models (also called no-frost freezers) defrost themselves.",
            ("Frost-free models", "alias", "no-frost freezers"),
        ),
        (
            '### Sushi rice\nIn Japan it is simply called *gohan*; "sushi rice" is a Western label.',
            ("Sushi rice", "alias", "gohan"),
        ),
        (
            'A **JWT** (JSON Web Token, pronounced "jot") is a compact string.',
            ("JSON Web Token", "abbreviation", "JWT"),
        ),
        (
            "Lenders look at your **debt-to-income ratio** (DTI) first.",
            ("debt-to-income ratio", "abbreviation", "DTI"),
        ),
        (
            "**Type 1 diabetes (T1D)** is an autoimmune disease.",
            ("Type 1 diabetes", "abbreviation", "T1D"),
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
        (
            "- **TRIPS** (Trade-Related Aspects of Intellectual Property Rights) — patents",
            ("Trade-Related Aspects of Intellectual Property Rights", "abbreviation", "TRIPS"),
        ),
        (
            "It runs the European Space Research and Technology Centre (ESTEC) in Noordwijk.",
            ("European Space Research and Technology Centre", "abbreviation", "ESTEC"),
        ),
    ],
)
def test_bracket_forms(answer: str, expected: tuple[str, str, str]) -> None:
    assert expected in _ling(answer)


def test_a_share_in_brackets_is_no_conversion_of_a_measure() -> None:
    found = _ling("- 160 ml water (64% hydration)\n- 250 g flour")
    assert not any(kind == "alias" for _, kind, _ in found)


def test_a_marked_terms_bracket_gloss_may_hold_a_capitalised_word() -> None:
    found = _ling("- 250 g **tipo 00 flour** (a finely milled Italian flour)\n- 160 ml water")
    assert ("tipo 00 flour", "definition", "a finely milled Italian flour") in found


def test_a_bracket_of_capitalised_words_that_holds_no_acronym_spells_none() -> None:
    # the letters must open with the acronym's and come in its order, most of them initials
    found = _ling("Armstrong stepped out at 02:56 UTC (Coordinated Time Zone) that night.")
    assert not any(kind == "abbreviation" for _, kind, _ in found)


def test_a_bracket_glued_to_a_word_is_part_of_the_term() -> None:
    found = _ling("A **401(k)** is a retirement savings plan offered by many US employers.")
    terms = {term for term, kind, _ in found if kind == "definition"}
    assert terms and all(term.startswith("401(k") for term in terms)


def test_a_heads_bracket_names_its_language_apart_from_the_other_name() -> None:
    found = _ling("- **Puff pastry** (French: *pâte feuilletée*) — a laminated pastry")
    assert ("Puff pastry", "alias", "pâte feuilletée") in found
    assert not any(value.startswith("French") for _, _, value in found)
