"""A relation's verb named as its clause writes it (issue 11): an irregular past, and spaCy's
lemmas cut one letter short mended."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.verb_forms import as_written, lemma_as_written


@pytest.mark.parametrize(
    ("predicate", "evidence", "expected"),
    [
        # spaCy reads "codes" / "hoped" / "coding" as "cod" + "es", "hop" + "ed", "cod" + "ing"
        ("cod_for", "a stretch of DNA that codes for a protein", "code_for"),
        ("hop_for", "The farmers hoped for rain", "hope_for"),
        ("cod", "coding proteins", "code"),
        # the short stem's own forms are written: it stands
        ("hop", "rabbits hop across the field", "hop"),
        ("hop_over", "the frog hops over the log", "hop_over"),
        # not one closed syllable: spaCy's lemma stands ("visited" is "visit")
        ("visit", "she visited Vienna", "visit"),
        ("help", "she helped them", "help"),
    ],
)
def test_a_lemma_cut_one_letter_short_is_named_as_written(
    predicate: str, evidence: str, expected: str
) -> None:
    assert lemma_as_written(predicate, evidence) == expected


@pytest.mark.parametrize(
    ("predicate", "evidence"),
    [
        # a stem closed by a sibilant takes "-es" itself: "gases" is "gas" + "es", no "gase"
        ("gas", "The army gases the trenches"),
        ("bus_to", "The district buses pupils to the next town"),
        # and "bus" keeps one "s" before "-ed" / "-ing" (twenty-third session: it gave ``buse``)
        ("bus", "The city bused children across town"),
        ("bus", "They were busing tables all night"),
    ],
)
def test_a_stem_closed_by_a_sibilant_is_not_lengthened(predicate: str, evidence: str) -> None:
    assert lemma_as_written(predicate, evidence) == predicate


def test_the_irregular_past_moved_here_and_is_still_named_from_predicates() -> None:
    from grapheme_distill.extractors import predicates

    assert predicates.as_written is as_written
    assert as_written("break_with", "Henry VIII broke with Rome") == "broke_with"
