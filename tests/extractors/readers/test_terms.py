"""Which long forms spell which short forms (readers.terms.initials_match), and the items the
parentheses reader makes of them."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import initials_match, read_document


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("Executive Committee", "ExComm"),  # clipped from the words' starts
        ("Executive Committee of the National Security Council", "ExComm"),
        ("Icelandic króna", "ISK"),  # a currency's code: country letters + its initial
        ("Japanese yen", "JPY"),
        ("Ísafjörður Regional Airport", "IRA"),  # accents give their plain capital
        ("ribonucleic acid", "RNA"),  # letters from inside a word still count
        ("adenosine triphosphate", "ATP"),
        # a title-case name whose acronym takes a letter from inside one of its words, with
        # more words than letters (the rule parentheses once kept apart as _loosely_spells)
        ("Trade-Related Aspects of Intellectual Property Rights", "TRIPS"),
        ("European Space Research and Technology Centre", "ESTEC"),
        ("International Organization for Standardization", "ISO"),
    ],
)
def test_spelled(long: str, short: str) -> None:
    assert initials_match(long, short)


@pytest.mark.parametrize(
    ("long", "short"),
    [
        # a verb before the name gives no letters ("IS" from "is", "K" from "króna")
        ("is the Icelandic króna", "ISK"),
        ("Executive Committee", "ExBoard"),
        ("Executive Board", "ExComm"),
        ("Icelandic Kings", "ISK"),  # a name, not a currency (lower-case) word
        ("Amphibians", "Amphibia"),
        ("European Union", "EUROPE"),  # letters in order, but the initials give two of six
        ("trade related aspects of property rights", "TRIPS"),  # not a title-case name
    ],
)
def test_not_spelled(long: str, short: str) -> None:
    assert not initials_match(long, short)


def _ling(answer: str) -> set[tuple[str, str, str]]:
    return {
        (f.subject.text, f.linguistic.value, f.value)
        for f in read_document(answer, "")[1]
        if f.kind == "linguistic" and f.linguistic is not None
    }


def test_a_currency_code_after_a_verb_names_the_currency_alone() -> None:
    found = _ling("The currency is the Icelandic króna (ISK).")
    assert ("Icelandic króna", "abbreviation", "ISK") in found
    assert not any(term.startswith("is ") for term, _, _ in found)


def test_a_clipped_short_form_before_its_expansion() -> None:
    found = _ling(
        "Kennedy sets up **ExComm** (the Executive Committee of the National Security Council)."
    )
    assert (
        "Executive Committee of the National Security Council",
        "abbreviation",
        "ExComm",
    ) in found
