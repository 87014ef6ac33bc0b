"""What one token names (spacy/names.py, spacy/name_extent.py): a person with the style after a
comma is one name, and a date's day the parser hung off a key's colon stays in the date (issue
11, twenty-eighth session)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in spacy_x.extract(text).entities.values()}


@pytest.mark.parametrize(
    ("answer", "person", "parts"),
    [
        (
            "Diana, Princess of Wales, was born in 1961 at Park House.",
            "Diana, Princess of Wales",
            {"Diana", "Princess", "Wales"},
        ),
        (
            "- **Mary, Queen of Scots** — her execution in 1587 removed the Catholic claimant.",
            "Mary, Queen of Scots",
            {"Mary", "Scots", "Queen"},
        ),
        (
            "- **Spouse:** William King, 1st Earl of Lovelace",
            "William King, 1st Earl of Lovelace",
            {"William King", "1st Earl of Lovelace", "Lovelace"},
        ),
        (
            "Prince Philip, Duke of Edinburgh, died in 2021.",
            "Prince Philip, Duke of Edinburgh",
            {"Prince Philip", "Edinburgh", "Duke"},
        ),
    ],
)
def test_a_person_with_a_style_after_the_comma_is_one_name(
    spacy_x: SpacyExtractor, answer: str, person: str, parts: set[str]
) -> None:
    names = _names(spacy_x, answer)
    assert person in names
    assert not names & parts


def test_a_person_with_a_style_keeps_the_facts_on_the_whole(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Diana, Princess of Wales, was born in 1961 at Park House.")
    names = {k: v.name for k, v in ex.entities.items()}
    assert {names[r.subject] for r in ex.relations} == {"Diana, Princess of Wales"}


def test_a_later_first_name_folds_into_the_person_with_the_style(
    spacy_x: SpacyExtractor,
) -> None:
    names = _names(
        spacy_x, "Her son married Diana, Princess of Wales, in 1981. Diana died in 1997."
    )
    assert "Diana, Princess of Wales" in names
    assert "Diana" not in names


def test_a_style_without_a_person_or_an_of_place_is_left_alone(spacy_x: SpacyExtractor) -> None:
    names = _names(spacy_x, "Paris, London and Rome are capitals. Smith, Jones and Brown agreed.")
    assert {"Paris", "London", "Rome"} <= names


@pytest.mark.parametrize(
    "answer",
    [
        "- **Died:** 14 April 1964, Silver Spring, Maryland",
        "**Rachel Carson** was a biologist.\n\n- **Died:** 14 April 1964, Silver Spring, Maryland",
    ],
)
def test_a_dates_day_after_a_keys_colon_stays_in_the_date(
    spacy_x: SpacyExtractor, answer: str
) -> None:
    names = _names(spacy_x, answer)
    assert "14 April 1964" in names
    assert "April 1964" not in names


def test_a_control_a_step_presses_is_no_name(spacy_x: SpacyExtractor) -> None:
    """ "tap Trust This Computer", "tap Allow": a button's label (NER made them an ORG and a
    PERSON) is no gold entity; the phone and the app a step names stay."""
    ex = spacy_x.extract(
        "4. If asked, tap Trust This Computer on the phone.\n"
        "5. Open Settings, tap Connect, then tap Allow when iOS asks.\n"
    )
    names = {e.name for e in ex.entities.values()}
    assert not {"Trust This Computer", "Allow"} & names, names
