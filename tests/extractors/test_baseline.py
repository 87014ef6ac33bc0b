"""The baseline: the Rust toy's three heuristics, exactly and nothing more."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors import Extractor, get_extractor
from grapheme_distill.extractors.baseline import BaselineExtractor
from grapheme_distill.model.knowledge import KnowledgeType


def triples(text: str) -> set[tuple[str, str, str]]:
    out = BaselineExtractor().extract(text)
    names = {k: e.name for k, e in out.entities.items()}
    return {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}


def test_x_is_y_splits_at_the_first_is() -> None:
    assert triples("the sky is blue and the sea is green") == {
        ("the sky", "is", "blue and the sea is green")
    }


def test_capitalised_words_become_entities_sentence_start_included() -> None:
    out = BaselineExtractor().extract("Yesterday Alice visited Berlin. It rained.")
    assert {e.name for e in out.entities.values()} == {"Yesterday", "Alice", "Berlin", "It"}


def test_three_grams_between_capitalised_words() -> None:
    assert triples("Alice met Bob in Paris") == {("Alice", "met", "Bob"), ("Bob", "in", "Paris")}
    assert triples("Alice met the mayor") == set()  # needs a capitalised word at both ends


def test_confidence_is_flat_and_types_are_respected() -> None:
    out = BaselineExtractor().extract("Alice met Bob. Paris is a city.")
    assert {r.confidence for r in out.relations} == {0.5}
    only_entities = BaselineExtractor().extract(
        "Alice met Bob.", types=frozenset({KnowledgeType.FACTUAL})
    )
    assert only_entities.entities and not only_entities.relations


@pytest.mark.parametrize("text", ["", "   ", "\x00\xff\x01", "<script>alert(1)</script>"])
def test_hostile_or_empty_input_does_not_crash(text: str) -> None:
    out = BaselineExtractor().extract(text)
    assert not out.relations


def test_registered_and_follows_the_protocol() -> None:
    ex = get_extractor("baseline")
    assert isinstance(ex, Extractor)
    outs = list(ex.pipe([("", "Alice met Bob."), ("", "Paris is nice.")]))
    assert len(outs) == 2 and outs[1].relations
