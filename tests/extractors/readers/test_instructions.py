"""What an instruction is (readers/instructions.py, split from procedures.py in the
twenty-fourth session): openers that set a time or say the order through "you"."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers.instructions import is_instruction, is_order


@pytest.mark.parametrize(
    "text",
    [
        "Each day, discard half of the starter and stir in more flour.",
        "Every morning, water the seedlings lightly.",
        "You then pay the fee by card.",
        "You now select the backup you want.",
    ],
)
def test_an_order_after_each_or_every_or_said_through_you_then_is_an_instruction(
    text: str,
) -> None:
    assert is_instruction(text) or is_order(text)


@pytest.mark.parametrize(
    "text",
    [
        "Every cell, whether plant or animal, contains DNA.",
        "Each player, in turn, is dealt seven cards.",
    ],
)
def test_a_statement_after_each_or_every_stays_no_instruction(text: str) -> None:
    assert not is_instruction(text)
