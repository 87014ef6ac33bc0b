"""``spacy/answer``: the answer walk — what a list leaves to the coreference of the prose after it."""

from __future__ import annotations

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _pairs(spacy_x: SpacyExtractor, text: str) -> set[tuple[str, str]]:
    ex = spacy_x.extract(text)
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[r.subject], names[r.object]) for r in ex.relations}


def test_a_key_value_list_leaves_it_to_the_thing_before(spacy_x: SpacyExtractor) -> None:
    # the key "Engineering" was the last subject the items named, and "it" went to it
    text = (
        "The Sydney Opera House is a performing arts centre in Sydney.\n\n"
        "- **The shells:** the roof is a series of precast concrete shells.\n"
        "- **Engineering:** the structural engineers, **Ove Arup & Partners**, used early "
        "computers to analyse the roof.\n\n"
        "UNESCO listed it as a World Heritage Site in 2007."
    )
    pairs = _pairs(spacy_x, text)
    assert ("UNESCO", "Sydney Opera House") in pairs, pairs
    assert ("UNESCO", "Engineering") not in pairs, pairs
