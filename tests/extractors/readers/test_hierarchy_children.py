"""Children of one list item that names several (issue 11, sixteenth session).

The item head reader stops at the first bracket or comma, so an item naming two or three
children ("Inside centre (12) and outside centre (13)", "Adélie, chinstrap and gentoo penguins")
gave only the first.  Each case is in words of its own, not copied from an answer set; the
``absent`` sets pin that emphasised pairs and single names are read as before.
"""

from __future__ import annotations

import pytest

from tests.extractors.readers.conftest import hierarchy_pairs as _pairs

CASES = [
    pytest.param(
        "A hockey side lines up like this:\n\n"
        "- **Defence**\n"
        "  - Left back (2) and right back (3)\n"
        "  - Sweeper (5) and stopper (6) — they guard the middle\n"
        "- **Attack**\n"
        "  - Centre forward (9)\n",
        {
            ("defence", "left back"),
            ("defence", "right back"),
            ("defence", "sweeper"),
            ("defence", "stopper"),
            ("attack", "centre forward"),
        },
        {("defence", "left back (2) and right back")},
        id="two-names-each-with-its-bracket",
    ),
    pytest.param(
        "The gull family has several genera:\n\n"
        "- *Larus*\n"
        "  - herring, lesser and common gulls\n"
        "- *Chroicocephalus*\n"
        "  - Bonaparte, slender and brown gulls\n",
        {
            ("larus", "herring gulls"),
            ("larus", "lesser gulls"),
            ("larus", "common gulls"),
            ("chroicocephalus", "bonaparte gulls"),
            ("chroicocephalus", "brown gulls"),
        },
        {("larus", "herring")},
        id="modifiers-sharing-one-plural-head",
    ),
    pytest.param(
        "The orchestra's sections:\n\n"
        "- **Strings**\n"
        "  - **violins** and **violas**: the upper strings\n"
        "  - cello (lower register)\n",
        {("strings", "cello")},
        {("strings", "cello (lower register)")},
        id="one-bracket-is-a-gloss-not-a-second-name",
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_children_of_one_item(
    answer: str, present: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    pairs = _pairs(answer)
    assert present <= pairs, present - pairs
    assert not absent & pairs, absent & pairs
