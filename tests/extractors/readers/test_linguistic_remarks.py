"""Bracket words that are a remark, not another name, and an appositive said of a pair (issue 11,
sixteenth session): each case is a small answer of our own words; ``present`` items must be read
((term, kind, value), lower case), ``absent`` must not be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, Items, Items]] = [
    # "short" opens another name only before a colon or a capitalised name ("(short: Ed)"); in
    # "(short course)" it is an adjective of the bracket's own noun phrase
    (
        "## Pool sizes\n\n| Pool | Length |\n|---|---|\n"
        "| Sprint (short course) | 25 m |\n| Standard (long course) | 50 m |\n",
        {("sprint", "alias", "short course")},
        {("sprint", "alias", "course")},
    ),
    (
        "Her friends call Edwina by a nickname (short: Eddie).",
        set(),
        {("edwina", "alias", ": eddie")},
    ),
    # a list of participles and adjectives in brackets characterises a group ("ordered,
    # indexable"): the comma after a word hides no ending
    (
        "- **Mapping types** (keyed, mutable)\n  - **dict**: key–value pairs\n"
        "- **Set types** (unordered, hashed)\n  - **set**: distinct items\n",
        set(),
        {("mapping types", "alias", "keyed, mutable"), ("set types", "alias", "unordered, hashed")},
    ),
    # where a thing sits in a figure or a table is no name and no gloss of it
    (
        "Most of the chart is **shrubland** (left and centre), while **wetlands** (top right) "
        "fringe the river. The **Shinkansen** (bullet train) links the cities.",
        {("shinkansen", "alias", "bullet train")},
        {
            ("shrubland", "alias", "left and centre"),
            ("shrubland", "definition", "left and centre"),
            ("wetlands", "alias", "top right"),
        },
    ),
]


CASES += [
    # an appositive after two terms joined by "and" is said of the pair; after a term joined to
    # a plain word it still glosses that term
    (
        "Fruit holds **glucose** and **fructose**, the two sugars that sweeten it. Soy sauce is "
        "brewed from beans and **koji**, a mould grown on rice or barley.",
        {("koji", "definition", "a mould grown on rice or barley")},
        {("fructose", "definition", "the two sugars that sweeten it")},
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_bracket_remarks(
    answer: str, present: Items, absent: Items, linguistic_items: Callable[..., Items]
) -> None:
    items = linguistic_items(answer)
    assert present <= items, (present - items, items)
    assert not (absent & items), (absent & items, items)
