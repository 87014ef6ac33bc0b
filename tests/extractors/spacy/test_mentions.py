"""The clause kinds that ``spacy/mentions.py`` gives structure verbs (``_STRUCT_VERBS``), read end
to end: a verb in the table makes a hierarchy edge, any other verb a relation."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _edges(x: SpacyExtractor, text: str) -> set[tuple[str, str]]:
    with use_entity_model(None):
        ex = x.extract(text)
    names = {k: v.name.lower() for k, v in ex.entities.items()}
    return {(names[h.parent], names[h.child]) for h in ex.hierarchy}


@pytest.mark.parametrize(
    ("text", "material"),
    [
        pytest.param("Rocks are made of minerals.", ("rocks", "minerals"), id="made-of"),
        pytest.param(
            "Sourdough bread is made from flour, water and yeast.",
            ("sourdough bread", "flour"),
            id="made-from",
        ),
    ],
)
def test_what_a_thing_is_made_of_is_its_material_not_a_part(
    spacy_x: SpacyExtractor, text: str, material: tuple[str, str]
) -> None:
    # the conventions keep a material as a relation (made_of / made_from), not as part_of
    assert material not in _edges(spacy_x, text)


def test_made_up_of_still_names_the_parts(spacy_x: SpacyExtractor) -> None:
    text = "The diamond is made up of four bases: first base, second base and home plate."
    assert ("diamond", "home plate") in _edges(spacy_x, text)
