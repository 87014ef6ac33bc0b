"""No entity name holds half a pair of brackets or quotes (issue 11): a cut inside a bracket
or a quotation ("Spanish Armada (1588", 'Herbal "teas') matches no gold name."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.balance import balanced
from grapheme_distill.extractors.spacy.entity_choice import collect_candidates, use_entity_model
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


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
