"""The short form's sentence (readers.short_form_phrases): "X stands for Y, a Z …" spells X out
and then says what it is, as a dash or a colon after the long form does."""

from __future__ import annotations

from collections.abc import Callable

Items = set[tuple[str, str, str]]


def test_a_genus_in_apposition_after_the_long_form_defines_it(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "**DKA** stands for diabetic ketoacidosis, a dangerous build-up of acids called ketones"
        " when the body has too little insulin."
    )
    assert ("diabetic ketoacidosis", "abbreviation", "dka") in found
    assert (
        "diabetic ketoacidosis",
        "definition",
        "a dangerous build-up of acids called ketones when the body has too little insulin",
    ) in found


def test_a_clause_after_the_long_forms_comma_defines_nothing(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items("**ETF** stands for exchange-traded fund, and it trades like a share.")
    assert ("exchange-traded fund", "abbreviation", "etf") in found
    assert not any(kind == "definition" for _, kind, _ in found)
