"""A year with its era marker is one DATE (issue 11, thirty-first session): the small English
model labels "218" CARDINAL and "BC" an ORG, so "BC" became a node and the relation's date was
lost ("Hannibal crossed_in BC")."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from grapheme_distill.extractors.spacy.pipeline import load_model  # noqa: E402


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in load_model()(text).ents]


def test_a_year_and_its_era_are_one_date() -> None:
    ents = _ents("The Carthaginian general crossed the Pyrenees in 218 BC with his army.")
    assert ("218 BC", "DATE") in ents, ents
    assert not [e for e in ents if e[0] in ("BC", "218")], ents


def test_a_century_and_its_era_are_one_date() -> None:
    ents = _ents("Trade along the route began in the 2nd century BCE and grew for centuries.")
    assert any(t.endswith("2nd century BCE") and label == "DATE" for t, label in ents), ents


def test_an_era_word_inside_a_name_is_left_alone() -> None:
    """ "The BC Liberal Party": no number before the marker, the name stays whole."""
    assert ("The BC Liberal Party", "ORG") in _ents("The BC Liberal Party won the vote.")
