"""The learned list reader: which whole a list item belongs to (issue 11)."""

from __future__ import annotations

import pytest

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy import list_choices
from grapheme_distill.extractors.readers.list_parents import (
    ParentModel,
    active_parent_model,
    features,
    load_parent_model,
    use_parent_model,
)

BAND = "The band's members:\n\n- John Lennon\n- Paul McCartney\n- George Harrison\n"


def _edges(text: str, prompt: str = "") -> set[tuple[str, str]]:
    _, facts = read_document(text, prompt)
    return {(f.subject.text, f.object.text) for f in facts if f.kind == "hierarchy" and f.object}


def test_no_model_ships_so_the_rules_read_lists_unless_one_is_set() -> None:
    assert load_parent_model() is None and active_parent_model() is None
    model = ParentModel({"lead": 1.0}, bias=0.5, threshold=0.3)
    with use_parent_model(model):
        assert active_parent_model() is model
    assert active_parent_model() is None


def test_each_item_gets_candidate_wholes_with_where_they_were_read() -> None:
    ctx = ReadContext.of(parse_document(BAND), "Who were the Beatles?")
    choices = list(list_choices(ctx))
    assert [c.head for c in choices] == ["John Lennon", "Paul McCartney", "George Harrison"]
    sources = {c.name.text: c.sources for c in choices[0].candidates}
    assert "lead_np" in sources.get("band", set()) | sources.get("Beatles", set())
    feats = features(choices[0], choices[0].candidates[0])
    assert feats["lead"] == 1.0 and feats["lead_kind=member_of"] == 1.0


def test_a_set_model_decides_and_a_model_that_never_fires_gives_no_list_edge() -> None:
    assert ("Beatles", "John Lennon") in _edges(BAND, "Who were the Beatles?")  # the rules
    with use_parent_model(ParentModel({}, bias=-10.0, threshold=0.5)):
        assert not any(c == "John Lennon" for _, c in _edges(BAND, "Who were the Beatles?"))
    with use_parent_model(ParentModel({"src=lead_np": 5.0}, bias=0.0, threshold=0.5)):
        assert ("Beatles", "John Lennon") in _edges(BAND, "Who were the Beatles?")


def test_tips_and_bare_key_value_lists_are_no_structure() -> None:
    assert not _edges("## Tips\n- Drink plenty of water\n- Get enough sleep\n", "How do I run?")
    assert not _edges("- **Tip:** use cold water\n- **Note:** it takes an hour\n")


def test_a_bad_model_file_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="format"):
        ParentModel.from_dict({"format": "other"})
    with pytest.raises(ConfigError, match="bad model"):
        ParentModel.from_dict({"format": "grapheme-distill.list-parents.v1", "weights": {}})
    model = ParentModel({"lead": 1.0}, bias=0.5, threshold=0.3)
    assert ParentModel.from_dict(model.to_dict(note="x")) == model


def test_no_cue_no_structure_and_key_values_are_attributes() -> None:
    works = "Some of her best-known works:\n- *The Two Fridas*\n- *The Broken Column*\n"
    assert not _edges(works, "Who was Frida Kahlo?")
    glance = "## At a glance\n\n- **Artist:** Vincent van Gogh\n- **Date:** June 1889\n"
    assert not _edges(glance, "Tell me about The Starry Night")
    movements = "The symphony has four movements:\n\n1. Adagio\n2. Largo\n3. Scherzo\n"
    assert ("New World Symphony", "Largo") in _edges(
        movements, "Tell me about the New World Symphony"
    )
