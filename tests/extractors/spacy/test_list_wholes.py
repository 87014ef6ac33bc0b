"""Whole answers through the ``spacy`` extractor: the learned list reader's edges reach the
extraction, and a title that opens with a kind word never becomes a cue (issue 11)."""

from __future__ import annotations

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

KIND_OF_BLUE = """**Kind of Blue** is a 1959 studio album by Miles Davis. Part of its fame comes from
its modal approach.

## Why it matters

- It is the best-selling jazz record of all time.
- It introduced modal jazz to a wide audience.

The musicians:

- Miles Davis
- John Coltrane
- Bill Evans
"""


def _edges(spacy_x: SpacyExtractor, text: str, prompt: str) -> set[tuple[str, str]]:
    ex = spacy_x.extract(text, prompt=prompt)
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[h.parent], names[h.child]) for h in ex.hierarchy}


def test_a_titled_prompt_gives_no_tail_parent_and_the_musicians_are_read(
    spacy_x: SpacyExtractor,
) -> None:
    edges = _edges(spacy_x, KIND_OF_BLUE, "Why is Kind of Blue so famous?")
    assert not any("so famous" in p or p == "Blue" for p, _ in edges), edges
    assert ("Kind of Blue", "John Coltrane") in edges
    assert not any(c.startswith("It ") for _, c in edges)  # the reasons are no children


def test_every_list_edge_says_where_its_whole_was_read(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(KIND_OF_BLUE, prompt="Why is Kind of Blue so famous?")
    constructions = {str(ex.item_signals[h.id]["construction"]) for h in ex.hierarchy}
    assert constructions and all(c.startswith("list.") for c in constructions)
