"""``prepare``'s count of unreadable characters: a printable line is counted without a call per
character (only U+FFFD can be unreadable there), and the count agrees with the per-character test."""

from __future__ import annotations

import random

from grapheme_distill.extractors.spacy.text import _is_bad_char, prepare


def test_printable_lines_hold_no_unreadable_character_but_the_replacement_one() -> None:
    rng = random.Random(7)
    pool = [chr(c) for c in range(0x3000)] + ["\ufffd", "\ud800", "\ue000", "\U0010ffff", "\u2028"]
    for _ in range(20_000):
        line = "".join(rng.choice(pool) for _ in range(rng.randint(1, 6)))
        if line.isprintable():
            assert sum(map(_is_bad_char, line)) == line.count("\ufffd"), repr(line)


def test_garbled_lines_are_still_skipped() -> None:
    garbled = "Paris is the capital of France.\n\n" + "\ufffd" * 20 + " ok\n\n" + "\x01\x02" * 10
    prepared = prepare(garbled)
    assert [p.text for p in prepared.pieces] == ["Paris is the capital of France."]
    assert any("binary" in reason for reason, _ in prepared.failures)
