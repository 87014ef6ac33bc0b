"""Names the small model cuts or runs on (issue 11, eleventh session): a place name's lower-case
particles ("Piazza della Signoria", "Sully-sur-Loire") are part of it; a one-word name that only
modifies the common noun after it ("the Bernoulli numbers", "Dijon mustard") is no node of its
own, the term is; and a sentence a label's colon opens is no subtitle of the label ("**Desert
Oases:** Small green areas" gave the node "Small")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


@pytest.mark.parametrize(
    ("text", "name", "parts"),
    [
        (
            "The statue stood in the Piazza della Signoria until 1873.",
            "Piazza della Signoria",
            {"Piazza", "Signoria"},
        ),
        (
            "The river passes Sully-sur-Loire before reaching the sea.",
            "Sully-sur-Loire",
            {"sur-Loire", "Sully"},
        ),
        ("They visited Stratford-upon-Avon last year.", "Stratford-upon-Avon", {"Stratford"}),
        ("Whisk in the Dijon mustard slowly.", "Dijon mustard", {"Dijon"}),
        ("The Bernoulli numbers appear in number theory.", "Bernoulli numbers", {"Bernoulli"}),
        ("**Desert Oases:** Small green areas fed by springs.", "Desert Oases", {"Small"}),
        ("I watched Star Wars: A New Hope last night.", "Star Wars", {"Small"}),
        ("Mozart wrote 41 symphonies. Mozart symphonies are often performed.", "Mozart", set()),
    ],
)
def test_a_name_is_read_whole(
    spacy_x: SpacyExtractor, text: str, name: str, parts: set[str]
) -> None:
    names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert name in names and not parts & names, names
