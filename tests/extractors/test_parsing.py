"""Tolerant JSON parsing: strict when possible, repaired when needed, an error otherwise."""

from __future__ import annotations

import pytest

from grapheme_distill.errors import ParseError
from grapheme_distill.extractors.parsing import find_json_text, parse_json


@pytest.mark.parametrize(
    ("text", "value", "repaired"),
    [
        ('{"a": 1}', {"a": 1}, False),
        ('Here:\n```json\n{"a": [1, 2]}\n```\nDone.', {"a": [1, 2]}, False),
        ('```\n[{"a": 1}]\n```', [{"a": 1}], False),
        ('{"a": 1} and some words after', {"a": 1}, False),
        ('{"a": [1, 2,],}', {"a": [1, 2]}, True),
        ('```json\n{"a": {"b": "unterminated', {"a": {"b": "unterminated"}}, True),
        ("{'a': 'single quotes'}", {"a": "single quotes"}, True),
    ],
)
def test_parse_json_reads_or_repairs(text: str, value: object, repaired: bool) -> None:
    parsed = parse_json(text)
    assert parsed.value == value
    assert parsed.repaired is repaired
    assert (any(n.startswith("repaired") for n in parsed.notes)) is repaired


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty answer"),
        ("no json here at all", "prose only"),
        ("true", "prose only"),
        ('"just a string"', "prose only"),
        ("{xxxxxxxx", "could not turn into an object"),
    ],
)
def test_parse_json_refuses_with_a_reason_and_the_raw_text(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_json(text)
    assert reason in info.value.reason
    assert info.value.raw == text


def test_find_json_text_prefers_a_fenced_block_and_tolerates_an_open_fence() -> None:
    assert find_json_text('pre {"x": 1}\n```json\n{"y": 2}\n```') == '{"y": 2}'
    assert find_json_text('```json\n{"y": 2') == '{"y": 2'
    assert find_json_text("nothing") is None
