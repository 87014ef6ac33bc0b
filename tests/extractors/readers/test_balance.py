"""No entity name holds half a pair of brackets or quotes (issue 11): a cut inside a bracket
or a quotation ("Spanish Armada (1588", 'Herbal "teas') matches no gold name."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers.balance import balanced


@pytest.mark.parametrize(
    ("cut", "name"),
    [
        ("Spanish Armada (1588", "Spanish Armada"),  # a gloss after a space: the name before it
        ("IRA (individual retirement account", "IRA"),
        ("401(k", "401(k)"),  # glued to the word: part of the name, closed again
        ("section 403(b", "section 403(b)"),
        ("BEC) forms", "forms"),  # a gloss the cut started inside: the name after it
        ('Revolutionary" Étude', "Revolutionary Étude"),  # an unpaired quotation mark goes
        ('precast concrete "shells', "precast concrete shells"),
        ("“fifth taste", "fifth taste"),
        ("(1588", "1588"),
    ],
)
def test_a_name_cut_inside_a_pair_is_mended(cut: str, name: str) -> None:
    assert balanced(cut) == name


@pytest.mark.parametrize(
    "name", ["World Health Organization (WHO)", '"Revolutionary" Étude', "Big O [n]", "Paris"]
)
def test_a_balanced_name_stays_as_it_is(name: str) -> None:
    assert balanced(name) == name
