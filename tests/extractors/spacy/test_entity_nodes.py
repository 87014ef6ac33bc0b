"""Which mentions of an answer become entity nodes (issue 11, gold conventions in
``../shared/eval/README.md``): a how-to's goal is the procedure's own text, not a node; a list
item's head is a node only when it names a thing, not when it labels a step, a key or a question."""

from __future__ import annotations

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str, prompt: str = "") -> set[str]:
    return {e.name.casefold() for e in spacy_x.extract(text, prompt=prompt).entities.values()}


def test_a_procedure_goal_stays_on_the_procedure_and_is_no_node(spacy_x: SpacyExtractor) -> None:
    text = "1. Mix flour and water.\n2. Knead the dough.\n3. Bake the loaf for 30 minutes.\n"
    ex = spacy_x.extract(text, prompt="How do I bake sourdough bread?")
    assert [p.goal for p in ex.procedures] == ["bake sourdough bread"]
    names = {e.name.casefold() for e in ex.entities.values()}
    assert "bake sourdough bread" not in names
    assert all(p.entity is None or p.entity in ex.entities for p in ex.procedures)


def test_a_procedure_about_a_named_thing_points_at_its_node(spacy_x: SpacyExtractor) -> None:
    text = (
        "## Installing Docker\n\nDocker runs containers.\n\n"
        "1. Download the installer.\n2. Run the installer.\n3. Restart the computer.\n"
    )
    ex = spacy_x.extract(text, prompt="How do I install Docker?")
    assert ex.procedures
    names = {e.name.casefold() for e in ex.entities.values()}
    assert "install docker" not in names and "installing docker" not in names
