"""Names read from the parse hold whole pairs of brackets and quotes (issue 11; the text rule is
readers/balance.py, tested in tests/extractors/readers/test_balance.py)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import collect_candidates, use_entity_model
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Herbal "teas" are not made from the tea plant.', 'Herbal "teas"'),
        ('Kennedy ordered a naval "quarantine" of Cuba in October 1962.', 'naval "quarantine"'),
        ('The family Strigidae includes the "typical" owls of the world.', '"typical" owls'),
    ],
)
def test_a_clause_argument_keeps_both_halves_of_its_quotation(
    spacy_x: SpacyExtractor, text: str, name: str
) -> None:
    with use_entity_model(None):  # the rules' names
        names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert name in names, names
    assert not any(n.count('"') % 2 or n.count("(") != n.count(")") for n in names), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It takes its name from section 401(k) of the tax code.", "section 401(k)"),
        ("Savers often pick a 401(k) or a 403(b) when they change jobs.", "403(b)"),
        ('The Bulls won two "three-peats" in the 1990s.', 'two "three-peats"'),
        ('The family is known for the "typical" owls and their calls.', '"typical" owls'),
    ],
)
def test_a_noun_chunk_candidate_holds_whole_pairs(
    spacy_x: SpacyExtractor, text: str, name: str
) -> None:
    with collect_candidates(chunks=True) as found:
        spacy_x.extract(text)
    names = [c.name for c in found]
    assert name in names, names
    assert not any(n.count('"') % 2 or n.count("(") != n.count(")") for n in names), names
