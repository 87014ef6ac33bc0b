"""A defined term is a word or a short compound (readers.linguistic._tidy): a head of four words
or more over a gloss is a label or a description, not a term; a quoted foreign phrase is still
glossed however long."""

from __future__ import annotations

from collections.abc import Callable

Items = set[tuple[str, str, str]]


def test_a_four_word_head_is_no_defined_term(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "Sonata form:\n\n- **Exposition**: the section that presents the themes.\n"
        "- **Second subject in a contrasting key**: the dominant if the piece is in a major "
        "key.\n- **Coda**: a closing section after the recapitulation.",
        "What is sonata form?",
    )
    terms = {term for term, kind, _ in found if kind == "definition"}
    assert {"exposition", "coda"} <= terms
    assert not any(len(term.split()) >= 4 for term in terms)


def test_a_long_foreign_phrase_is_still_glossed(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        '*Carpe diem quam minimum credula* ("seize the day, trusting little in tomorrow") '
        "comes from Horace.",
        "What did Horace write?",
    )
    assert any(
        term == "carpe diem quam minimum credula" and kind == "definition"
        for term, kind, _ in found
    )
