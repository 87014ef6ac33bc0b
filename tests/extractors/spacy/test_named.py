"""The named things a sentence mentions (``spacy/named.py``, issue 11, eighth session): a number
written with its unit is one measure ("400 g"), and the town of a "Town, Region" name is a node
of its own beside the whole, which the facts keep using (WebNLG names places so)."""

from __future__ import annotations

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in spacy_x.extract(text).entities.values()}


def test_a_number_keeps_its_unit_abbreviation(spacy_x: SpacyExtractor) -> None:
    names = _names(spacy_x, "## You need\n\n- 300 g arborio rice\n- 150 g peas\n")
    assert {"300 g", "150 g"} <= names, names
    assert "300" not in names and "150" not in names


def test_the_town_of_a_town_region_name_is_a_node_and_facts_keep_the_whole(
    spacy_x: SpacyExtractor,
) -> None:
    ex = spacy_x.extract("The Harlow Academy is based in Dalton, Georgia.")
    names = {e.name for e in ex.entities.values()}
    assert {"Dalton", "Dalton, Georgia"} <= names, names
    objects = {ex.entities[r.object].name for r in ex.relations}
    assert "Dalton, Georgia" in objects and "Dalton" not in objects, objects
