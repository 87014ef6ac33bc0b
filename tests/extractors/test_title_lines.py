"""A title line above a numbered list names the procedure (models write them unprompted)."""

from __future__ import annotations

import pytest

from grapheme_distill import get_extractor
from grapheme_distill.extractors.base import is_title_line

ANSWER = (
    "Photosynthesis: Light-Dependent Reactions\n"
    "1. Light energy is absorbed by chlorophyll.\n"
    "2. Water molecules are split.\n"
    "3. ATP and NADPH are produced.\n"
)


@pytest.mark.parametrize("name", ["rules", "spacy"])
def test_title_line_becomes_the_procedure_goal(name: str) -> None:
    ex = get_extractor(name).extract(
        ANSWER, prompt="Explain one important process involving photosynthesis."
    )
    (proc,) = ex.procedures
    assert proc.goal == "Photosynthesis: Light-Dependent Reactions"
    assert proc.steps[0] == "Light energy is absorbed by chlorophyll"
    assert len(proc.steps) == 3


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Brewing Tea", True),
        ("Photosynthesis: Light Reactions", True),
        ("Water is wet.", False),
        ("", False),
        ("one two three four five six seven eight nine ten eleven twelve thirteen", False),
        ("Is it?", False),
    ],
)
def test_is_title_line(line: str, title: bool) -> None:
    assert is_title_line(line) is title
