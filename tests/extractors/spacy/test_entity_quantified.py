"""A quantifier that opens a common noun phrase is no part of the name the entity decision weighs
(spacy/entity_choice._quantified; issue 11, thirty-fourth session)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import _quantified


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Most children", "children"),
        ("many recipes", "recipes"),
        ("various industries", "industries"),
        ("numerous space missions", "space missions"),
        ("several older buildings", None),
        ("most popular cycling race", None),
        ("many of them", None),
        ("recipes", None),
        ("Most Valuable Player", None),  # a title: only the quantifier is read in either case
        ("Many Rivers to Cross", None),
        ("most notably Paris", None),  # an adverb, no noun phrase
    ],
)
def test_a_leading_quantifier_is_cut(name: str, bare: str | None) -> None:
    assert _quantified(name) == bare
