"""Entity names as the gold conventions write them (issue 11, seventh session): without "e.g.",
without the word a label's colon runs into, a concept without the quantity or choice words in
front of it; and no node for a pronoun NER took for a name or a bare small number no fact uses."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.items import entity_surface
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import EntityType


@pytest.mark.parametrize(
    ("name", "etype", "expected"),
    [
        ("e.g. salbutamol", EntityType.CONCEPT, "salbutamol"),
        ("Evaporation: Water", EntityType.OTHER, "Evaporation"),
        ("desired temperature", EntityType.CONCEPT, "temperature"),
        ("prolific composer", EntityType.CONCEPT, "composer"),
        ("more salt", EntityType.CONCEPT, "salt"),
        # a person described by nationality and occupation: the occupation is the node
        ("Indian mathematician", EntityType.CONCEPT, "mathematician"),
        ("Australian architects", EntityType.CONCEPT, "architects"),
        # a US city keeps its state (one name, as WebNLG's ontology names it)
        ("La Crosse, Wisconsin", EntityType.LOCATION, "La Crosse, Wisconsin"),
        ("Swedish pop group", EntityType.CONCEPT, "Swedish pop group"),
        # kept: a comparison, a title's colon, a proper name, a kind of thing
        ("more than 400 bridges", EntityType.CONCEPT, "more than 400 bridges"),
        ("Star Wars: A New Hope", EntityType.OTHER, "Star Wars: A New Hope"),
        ("Only Fools and Horses", EntityType.OTHER, "Only Fools and Horses"),
        ("small intestine", EntityType.CONCEPT, "small intestine"),
    ],
)
def test_entity_surface(name: str, etype: EntityType, expected: str) -> None:
    assert entity_surface(name, etype) == expected


def test_placeholders_are_no_nodes(spacy_x: SpacyExtractor) -> None:
    text = "Group stage: 8 groups, 4 teams each.\n\nThe final is at Wembley Stadium."
    names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert "Wembley Stadium" in names
    assert not names & {"8", "4"}, names


def test_a_bare_count_word_or_answer_label_no_item_uses_is_no_node() -> None:
    """Ninth session: "two", "thousands", "none" alone, and the "A" of a Q-and-A layout, are no
    node unless an item uses them (then the fact's value: "meiosis has two divisions")."""
    from grapheme_distill.extractors.base import Extraction
    from grapheme_distill.extractors.spacy.items import _drop_placeholders
    from grapheme_distill.model.knowledge import Entity, Relation

    out = Extraction(extractor="test")
    for name in ("two", "thousands", "none", "A", "Venice"):
        out.add_entity(Entity(name=name, type=EntityType.CONCEPT))
    meiosis = out.add_entity(Entity(name="meiosis", type=EntityType.CONCEPT))
    four = out.add_entity(Entity(name="four", type=EntityType.NUMBER))
    out.add(Relation(subject=meiosis.id, predicate="number_of_cells", object=four.id))
    _drop_placeholders(out)
    assert sorted(e.name for e in out.entities.values()) == ["Venice", "four", "meiosis"]


def test_a_key_the_answer_states_a_fact_by_is_no_node() -> None:
    """Ninth session: "| **Size** | 91 cm |" gives the relation ``size``; the node "Size" no item
    uses is the key, not a thing ("Largest city" of ``has_largest_city`` too)."""
    from grapheme_distill.extractors.base import Extraction
    from grapheme_distill.extractors.spacy.items import _drop_placeholders
    from grapheme_distill.model.knowledge import Entity, Relation

    out = Extraction(extractor="test")
    for name in ("Size", "Largest city", "Oslo"):
        out.add_entity(Entity(name=name, type=EntityType.OTHER))
    scream = out.add_entity(Entity(name="The Scream", type=EntityType.OTHER))
    size = out.add_entity(Entity(name="91 cm", type=EntityType.NUMBER))
    out.add(Relation(subject=scream.id, predicate="size", object=size.id))
    out.add(Relation(subject=scream.id, predicate="has_largest_city", object=size.id))
    _drop_placeholders(out)
    assert sorted(e.name for e in out.entities.values()) == ["91 cm", "Oslo", "The Scream"]


def test_one_node_per_name_up_to_a_plural() -> None:
    """ "cable" and "cables" are one name to the scorer: the node no item uses goes."""
    from grapheme_distill.extractors.base import Extraction
    from grapheme_distill.extractors.spacy.items import _drop_placeholders
    from grapheme_distill.model.knowledge import Entity

    out = Extraction(extractor="test")
    for name in ("cable", "cables", "battery", "countries", "country"):
        out.add_entity(Entity(name=name, type=EntityType.CONCEPT))
    _drop_placeholders(out)
    assert sorted(e.name for e in out.entities.values()) == ["battery", "cable", "countries"]
