"""The things a how-to's steps handle are entity nodes (issue 11, fifth session): the gold
annotates the tools, parts and ingredients a step names ("remove the wheel", "put the mustard in
a jar"), without their article, count or measure; a step's verb, pronoun or unit never is one."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy.named import step_things
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model


def _things(text: str) -> list[str]:
    return [m.text for m in step_things(load_model()(text))]


@pytest.mark.parametrize(
    ("step", "things"),
    [
        ("Use two tyre levers to lift the tyre off the rim.", {"tyre levers", "rim"}),
        ("Pour 1 tbsp red wine vinegar into a jar.", {"red wine vinegar", "jar"}),
        ("Refit the wheel and check the valve.", {"wheel", "valve"}),
        ("Grind the coffee beans and fill the kettle.", {"coffee beans", "kettle"}),
    ],
)
def test_the_objects_of_a_step_are_its_things(step: str, things: set[str]) -> None:
    found = set(_things(step))
    assert things <= found, found


@pytest.mark.parametrize(
    ("step", "absent"),
    [
        ("Add 3 tbsp of oil and stir for 2 minutes.", {"tbsp", "minutes", "3 tbsp"}),
        ("Take it out and leave them to cool.", {"it", "them"}),
        ("Use two tyre levers on the tyre.", {"two tyre levers"}),
    ],
)
def test_a_measure_a_pronoun_or_a_count_is_no_thing(step: str, absent: set[str]) -> None:
    found = set(_things(step))
    assert not absent & found, found


def test_a_numbered_how_to_makes_its_things_nodes_and_prose_does_not(
    spacy_x: SpacyExtractor,
) -> None:
    steps = "1. Remove the wheel.\n2. Pull out the inner tube.\n3. Patch the tube and refit it.\n"
    with use_entity_model(None):  # the rules' step things, not the learned decision's
        ex = spacy_x.extract(steps, prompt="How do I fix a flat tyre?")
    names = {e.name.casefold() for e in ex.entities.values()}
    assert {"wheel", "inner tube"} <= names, names
    # the same words in a statement are read by the clause reader, not as a step's things
    with use_entity_model(None):  # the rules alone: the learned decision may add nodes
        prose = spacy_x.extract("The mechanic said the wheel was fine.")
    assert "wheel" not in {e.name.casefold() for e in prose.entities.values()}
