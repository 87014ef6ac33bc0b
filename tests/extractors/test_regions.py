"""Tests for the larger places a bracket after a place may hold."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.regions import is_country_or_state


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Peru", True),
        ("the Netherlands", True),
        ("Tamil Nadu", False),  # a state, but not one of the US: read only with "in" wording
        ("Florida", True),
        ("South America", True),
        ("Bombay", False),
        ("Fugaku", False),
    ],
)
def test_is_country_or_state(name: str, expected: bool) -> None:
    assert is_country_or_state(name) is expected
