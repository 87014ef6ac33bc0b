"""Names the small model cuts or runs on (issue 11, eleventh session): a place name's lower-case
particles ("Piazza della Signoria", "Sully-sur-Loire") are part of it; a one-word name that only
modifies the common noun after it ("the Bernoulli numbers", "Dijon mustard") is no node of its
own, the term is; and a sentence a label's colon opens is no subtitle of the label ("**Desert
Oases:** Small green areas" gave the node "Small")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
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
        ("Mozart wrote 41 symphonies. Mozart symphonies are often performed.", "Mozart", set()),
        (
            "The IMF is headquartered in Washington, D.C., and has 190 members.",
            "Washington, D.C.",
            {"Washington", "D.C."},
        ),
        # at a line's end NER splits the initials from the city and the parse makes them
        # punctuation: the dotted initials are still part of the city's name
        (
            "NASA's headquarters is located in Washington, D.C.\nNASA has sent astronauts to"
            " the Moon.",
            "Washington, D.C.",
            {"Washington", "D.C."},
        ),
        # the class a longer name ends in, in lower case there, is not folded into it
        (
            "The song uses **Adi tala**, an eight-beat cycle. **Tala** is the rhythmic cycle of"
            " Carnatic music.",
            "Tala",
            {"Adi"},
        ),
    ],
)
def test_a_name_is_read_whole(
    spacy_x: SpacyExtractor, text: str, name: str, parts: set[str]
) -> None:
    with use_entity_model(None):  # how far a name runs, not whether the model keeps it
        names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert name in names and not parts & names, names


@pytest.mark.parametrize(
    ("text", "names", "whole"),
    [
        (
            "The islands are Isla del Sol and Isla de la Luna.",
            {"Isla del Sol", "Isla de la Luna"},
            "Isla del Sol and Isla de la Luna",
        ),
        ("The WHO fought COVID-19 and Ebola in Africa.", {"COVID-19", "Ebola"}, ""),
        (
            "There are seven major plates: the Pacific, North American, Eurasian and African"
            " plates. The Pacific Plate is the largest.",
            {"North American plate", "Eurasian plate", "African plate"},
            "Eurasian",
        ),
        # one name whose head follows the "and"; a described group is no name
        (
            "He joined the Securities and Exchange Commission in 1990.",
            {"Securities and Exchange Commission"},
            "Securities",
        ),
        ("The French and Italian delegates met in Paris.", {"French"}, "French delegate"),
        # a route's or a range's "to" before a new name is no title's small word
        (
            "The strait connects the Black Sea to the Sea of Marmara.",
            {"Black Sea", "Sea of Marmara"},
            "Black Sea to the Sea of Marmara",
        ),
        ("He wrote Ode to Joy in 1785.", {"Ode to Joy"}, "Joy"),
    ],
)
def test_coordinated_names_are_read_apart(
    spacy_x: SpacyExtractor, text: str, names: set[str], whole: str
) -> None:
    found = {e.name for e in spacy_x.extract(text).entities.values()}
    assert names <= found and whole not in found, found


def test_a_country_in_dotted_initials_only_locates_the_city(spacy_x: SpacyExtractor) -> None:
    # "Washington, D.C." is one name, but "London, U.K." is London in the United Kingdom, as
    # "Geneva, Switzerland" is Geneva: dotted initials join a city only where a US state would
    text = "The BBC is based in London, U.K.\nIt was founded in 1922."
    with use_entity_model(None):
        names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert "London" in names and "London, U.K." not in names, names
