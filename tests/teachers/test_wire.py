"""The wire layer's pre-check on raw bodies: the one-pass byte classification must give the
answers of the patterns it replaced, on every body (a wrong "no" would let an overflowing number
or a too-deep tree through unchecked)."""

from __future__ import annotations

import random
import re

import pytest

from grapheme_distill.teachers.wire import MalformedJSON, _may_break_limits, decode_json

_EXPONENT = re.compile(rb"\d[eE][+-]?0*[1-9]\d\d")
_LONG_DIGITS = re.compile(rb"\d{309}")


def _by_patterns(data: bytes, limit: int) -> bool:
    """The definition: more opening brackets than ``limit``, or either pattern found."""
    return (
        data.count(b"[") + data.count(b"{") > limit
        or bool(_EXPONENT.search(data))
        or bool(_LONG_DIGITS.search(data))
    )


def _bodies() -> list[bytes]:
    rnd = random.Random(17)
    alphabet = [
        b"0",
        b"1",
        b"9",
        b"e",
        b"E",
        b"+",
        b"-",
        b"[",
        b"{",
        b'"',
        b"a",
        b" ",
        b".",
        b"\xc3\xa9",
    ]
    bodies = [
        b"".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(20000)
    ]
    bodies += [
        b'{"x": 1e308}',
        b'{"x": 1e309}',
        b'{"x": 1E+0400}',
        b'{"x": 1e-999}',
        b'{"x": 12e99}',
        b'{"id": "chatcmpl-3e4f", "n": 1.5e10}',
        b"[" + b"7" * 308 + b"]",
        b"[" + b"7" * 309 + b"]",
        b"[" + b"7" * 200 + b"x" + b"7" * 200 + b"]",
        b"[" * 64 + b"]" * 64,
        b"[" * 65 + b"]" * 65,
        b"{" * 40 + b"[" * 25,
        "٣".encode() * 400,  # Arabic-Indic digits are no ASCII digits
    ]
    return bodies


@pytest.mark.parametrize("limit", [0, 3, 64])
def test_byte_classes_answer_as_the_patterns(limit: int) -> None:
    for body in _bodies():
        assert _may_break_limits(body, limit) == _by_patterns(body, limit), body


def test_an_overflowing_number_in_a_body_is_still_refused() -> None:
    with pytest.raises(MalformedJSON):
        decode_json(b'{"choices": [{"x": 1e400}]}')
    with pytest.raises(MalformedJSON):
        decode_json(b"[" * 70 + b"]" * 70)
    assert decode_json(b'{"x": 1e300, "id": "a3e9"}') == {"x": 1e300, "id": "a3e9"}
