"""The document layer's second pass (:mod:`grapheme_distill.extractors.document.refine`): which
"key: value" items of a list are glossary items."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document


def _roles(answer: str) -> dict[str, str]:
    """Each keyed item's role, by its key."""
    return {b.key_text(): b.role for b in parse_document(answer).blocks if b.key is not None}


def _glosses(answer: str) -> set[tuple[str, str]]:
    """The (term, value) pairs the readers read as linguistic items."""
    return {
        (f.subject.text, f.value)
        for f in read_document(answer)[1]
        if f.kind == "linguistic" and f.subject is not None
    }


def test_an_attribute_word_glossed_by_an_indefinite_genus_in_a_glossary_is_a_term() -> None:
    # "range" keys an attribute elsewhere ("**Range:** 1,200 km"); among glossed types and
    # glossed by "an …" it is a term like its siblings
    answer = (
        "Built-in sequence types:\n\n"
        "- **str**: immutable text, stored as Unicode\n"
        "- **tuple**: an immutable, ordered collection of values\n"
        "- **range**: an immutable sequence of integers, generated lazily\n"
    )
    roles = _roles(answer)
    assert roles["range"] == "glossary"
    items = _glosses(answer)
    assert ("range", "an immutable sequence of integers, generated lazily") in items
    assert ("str", "immutable text, stored as Unicode") in items


def test_an_attribute_key_with_its_value_stays_a_key_value_item() -> None:
    answer = (
        "Key terms:\n\n"
        "- **Payload**: the data sent in the body of a request\n"
        "- **Endpoint**: the address a client sends requests to\n"
        "- **Range**: 1 to 100 items per page\n"
    )
    roles = _roles(answer)
    assert roles["Range"] == "key_value"


def test_a_genus_with_a_relative_clause_without_that_is_a_gloss() -> None:
    # "the amount you must …": the modal is the relative clause's, the item still a glossary item
    answer = (
        "Pension terms:\n\n"
        "- **Annuity** — a product that pays you an income for life\n"
        "- **RMD** (required minimum distribution) — the amount you must withdraw each year\n"
    )
    roles = _roles(answer)
    assert roles["RMD (required minimum distribution)"] == "glossary"
    items = _glosses(answer)
    assert ("RMD", "the amount you must withdraw each year") in items


def test_a_gloss_of_its_own_clause_with_a_modal_stays_a_plain_item() -> None:
    answer = "- **Secret** — the US would quietly remove its missiles\n- **Public** — a deal\n"
    roles = _roles(answer)
    assert roles["Secret"] == "list_item"
