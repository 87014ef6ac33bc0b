"""A short form or its long form in a bracket (readers.paren_short_forms): an expansion with
commas, one ending at a comma, a highlighted term's own short form, a long form whose acronym
takes some of its words; a bracket of capitalised words that holds no acronym spells none."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "- **WASH** (short for water, sanitation and hygiene) — wells and latrines.",
            ("water, sanitation and hygiene", "abbreviation", "wash"),
        ),
        (
            "A **latte** (short for caffè latte, an espresso drink) is popular.",
            ("caffè latte", "abbreviation", "latte"),
        ),
        (
            'A **JWT** (JSON Web Token, pronounced "jot") is a compact string.',
            ("json web token", "abbreviation", "jwt"),
        ),
        (
            "Lenders look at your **debt-to-income ratio** (DTI) first.",
            ("debt-to-income ratio", "abbreviation", "dti"),
        ),
        (
            "**Type 1 diabetes (T1D)** is an autoimmune disease.",
            ("type 1 diabetes", "abbreviation", "t1d"),
        ),
        (
            "- **TRIPS** (Trade-Related Aspects of Intellectual Property Rights) — patents",
            ("trade-related aspects of intellectual property rights", "abbreviation", "trips"),
        ),
        (
            "It runs the European Space Research and Technology Centre (ESTEC) in Noordwijk.",
            ("european space research and technology centre", "abbreviation", "estec"),
        ),
    ],
)
def test_short_forms_in_brackets(
    answer: str,
    expected: tuple[str, str, str],
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    assert expected in linguistic_items(answer)


def test_a_bracket_of_capitalised_words_that_holds_no_acronym_spells_none(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    # the letters must open with the acronym's and come in its order, most of them initials
    found = linguistic_items(
        "Armstrong stepped out at 02:56 UTC (Coordinated Time Zone) that night."
    )
    assert not any(kind == "abbreviation" for _, kind, _ in found)
