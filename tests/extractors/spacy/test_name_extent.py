"""Where a name's extent ends (:mod:`grapheme_distill.extractors.spacy.name_extent`): the
widenings and cuts read from the parse alone, on sentences of our own."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.doc_cache import doc_tokens
from grapheme_distill.extractors.spacy.name_extent import (
    _and_name_end,
    _extend_name,
    _of_name_end,
    _owned_name,
    _question_opener,
    clause_cut,
    in_name_end,
    named_determiner,
)
from grapheme_distill.extractors.spacy.names import mention_of
from grapheme_distill.extractors.spacy_extractor import load_model


def _index(doc: object, word: str) -> int:
    return next(t.i for t in doc if t.text == word)  # type: ignore[attr-defined]


def test_a_dash_glued_name_runs_over_both_halves_and_its_head() -> None:
    doc = load_model()("Flights land at Adolfo Suárez Madrid–Barajas Airport every hour.")
    start, end = _extend_name(doc, _index(doc, "Madrid"), _index(doc, "Madrid") + 1)
    assert doc[start:end].text.endswith("Madrid–Barajas Airport"), doc[start:end].text


def test_an_of_part_that_is_a_name_belongs_to_the_name() -> None:
    doc = load_model()("She painted Pools of Light in 1920.")
    end = _of_name_end(doc, _index(doc, "Pools") + 1)
    assert doc[_index(doc, "Pools") : end].text == "Pools of Light"


def test_two_places_joined_by_of_stay_two_names() -> None:
    doc = load_model()("She moved to New Jersey of the United States in May.")
    end = _index(doc, "Jersey") + 1
    assert _of_name_end(doc, end) == end


def test_an_institution_runs_on_over_and_b() -> None:
    doc = load_model()("He studied at the College of William and Mary in Virginia.")
    head = _index(doc, "College")
    end = _and_name_end(doc, head, _index(doc, "William") + 1)
    assert doc[head:end].text == "College of William and Mary"


@pytest.mark.parametrize(
    ("text", "owner", "owned"),
    [
        ("Earthquakes shake California's San Andreas Fault often.", "California", True),
        ("Crowds fill St Mark's Square at noon.", "Mark", False),
    ],
)
def test_a_possessive_owns_a_name_of_its_own_only_before_one(
    text: str, owner: str, owned: bool
) -> None:
    doc = load_model()(text)
    toks = doc_tokens(doc)
    start = _index(doc, owner)
    pos = next(t.i for t in doc if t.tag_ == "POS")
    end = next(t.i for t in doc if t.i > pos and not t.text[:1].isupper())
    first = start - 1 if owner == "Mark" else start
    assert _owned_name(toks, first, pos, end) is owned


def test_a_question_heading_opens_before_its_subject() -> None:
    doc = load_model()("Is the ICRC part of the UN?")
    toks = doc_tokens(doc)
    assert _question_opener(toks, 0, 3)
    assert not _question_opener(toks, 0, 1)  # the whole name is no opener


def test_an_unlabelled_name_runs_on_over_its_own_in_phrase() -> None:
    doc = load_model()(
        "Bach wrote many pieces, including the Goldberg Variations and the Mass in B Minor."
    )
    toks = doc_tokens(doc)
    mass = _index(doc, "Mass")
    assert doc[mass : in_name_end(toks, mass + 1)].text == "Mass in B Minor"
    m = mention_of(doc[mass])
    assert m is not None and m.text == "Mass in B Minor"


def test_a_name_in_a_place_stays_two_names() -> None:
    doc = load_model()("Elizabeth visits Pemberley in Derbyshire with her aunt.")
    toks = doc_tokens(doc)
    end = _index(doc, "Pemberley") + 1
    assert in_name_end(toks, end) == end


def test_a_clause_preposition_cuts_a_name_span_in_two() -> None:
    doc = load_model()("The Loire rises in the Massif Central at Mont Gerbier de Jonc.")
    toks = doc_tokens(doc)
    start, end = _index(doc, "Massif"), _index(doc, "Jonc") + 1
    lo, hi = clause_cut(toks, start, end, _index(doc, "Central"))
    assert doc[lo:hi].text == "Massif Central"
    lo, hi = clause_cut(toks, start, end, _index(doc, "Jonc"))
    assert doc[lo:hi].text == "Mont Gerbier de Jonc"
    m = mention_of(doc[_index(doc, "Central")])
    assert m is not None and m.text == "Massif Central"


def test_a_preposition_of_the_name_itself_stays_in_it() -> None:
    doc = load_model()("Marie Curie won the Nobel Prize in Physics in 1903.")
    m = mention_of(doc[_index(doc, "Prize")])
    assert m is not None and m.text == "Nobel Prize in Physics"


def test_a_title_preposition_before_an_indefinite_article_stays_in_the_name() -> None:
    doc = load_model()("The series Death on a Factory Farm was broadcast by HBO.")
    toks = doc_tokens(doc)
    start, end = _index(doc, "Death"), _index(doc, "Farm") + 1
    assert clause_cut(toks, start, end, start) == (start, end)


def test_a_landform_after_a_place_is_its_descriptor_not_its_name() -> None:
    """ "the Himalayas mountain range": the gold names the Himalayas (a trailing descriptor)."""
    doc = load_model()("Mount Everest is part of the Himalayas mountain range.")
    m = mention_of(doc[_index(doc, "range")])
    assert m is not None and m.text == "Himalayas", m
    doc = load_model()("Apple sells the iPhone range in Europe.")
    m = mention_of(doc[_index(doc, "range")])
    assert m is not None and m.text != "iPhone", m  # no place: a product's range is left alone


@pytest.mark.parametrize(
    "text",
    [
        "He studied at All Souls College, Oxford, and later taught at Balliol College.",
        "All Souls College is a constituent college of the University of Oxford.",
    ],
)
def test_a_capitalised_quantifier_that_opens_a_name_is_part_of_it(text: str) -> None:
    """ "All Souls College": NER's span opens on "All", which the parse tags as the phrase's
    determiner, and the name was cut to "Souls College"."""
    doc = load_model()(text)
    m = mention_of(doc[_index(doc, "College")])
    assert m is not None and m.text == "All Souls College", m


def test_a_determiner_outside_the_name_is_still_cut() -> None:
    doc = load_model()("Some European countries joined the union in 1995.")
    m = mention_of(doc[_index(doc, "countries")])
    assert m is None or not m.text.startswith("Some"), m
    assert not named_determiner(doc_tokens(doc), 0, 3, "")
