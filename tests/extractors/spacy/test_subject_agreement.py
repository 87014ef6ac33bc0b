"""``spacy/subject_agreement``: a relative clause whose verb disagrees in number with the noun
the parse hung it on is about the noun next to it that agrees (on spaCy's real parse)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from grapheme_distill.extractors.spacy.subject_agreement import agreeing_head, finite_number
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def _relative(doc: Any) -> Any:
    return next(t for t in doc if t.dep_ == "relcl")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The river, which flows north, is long.", "single"),
        ("The rivers, which flow north, are long.", "plural"),
        ("The towers, which were built in 1900, stand.", "plural"),
        ("The tower, which was built in 1900, stands.", "single"),
        ("The tower, which collapsed in 1900, stood there.", None),
    ],
)
def test_the_finite_form_shows_the_number(
    spacy_x: SpacyExtractor, text: str, shown: str | None
) -> None:
    assert finite_number(_relative(spacy_x.nlp(text))) == shown


def test_a_plural_verb_on_the_name_of_an_of_phrase_is_about_its_noun(
    spacy_x: SpacyExtractor,
) -> None:
    doc = spacy_x.nlp("The pyramids of Giza, which were built as tombs, stand on a plateau.")
    verb = _relative(doc)
    assert verb.head.text == "Giza"  # the parse's attachment
    assert agreeing_head(verb, verb.head).text == "pyramids"


def test_a_plural_verb_on_the_last_member_is_about_the_coordination(
    spacy_x: SpacyExtractor,
) -> None:
    doc = spacy_x.nlp("Björn and Benny, who were songwriters, wrote Waterloo.")
    verb = _relative(doc)
    assert agreeing_head(verb, verb.head).text == "Björn"


@pytest.mark.parametrize(
    "text",
    [
        "The capital of France, which has two million people, lies on the Seine.",
        "The band, who are from Sweden, won the contest.",  # no other noun: kept
        # a noun that sorts its "of" phrase: the clause stays on what it sorts
        "The cat family is a group of mammals that includes cats, lions and tigers.",
    ],
)
def test_an_agreeing_or_lone_noun_is_kept(spacy_x: SpacyExtractor, text: str) -> None:
    verb = _relative(spacy_x.nlp(text))
    assert agreeing_head(verb, verb.head).i == verb.head.i


def test_the_clause_reader_gives_the_relative_clause_the_agreeing_subject(facts: Facts) -> None:
    got = facts("The pyramids of Giza, which were built as tombs for the pharaohs, stand there.")
    assert any(s == "pyramids" and p.startswith("built") for s, p, _, _ in got)
    assert not any(s == "Giza" and p.startswith("built") for s, p, _, _ in got)
