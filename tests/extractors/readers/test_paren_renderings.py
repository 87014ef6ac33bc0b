"""The same thing said another way in a bracket (readers.paren_renderings): a measure in other
units (its approximating word kept), another region's word after "called"; a share is no
conversion of a measure."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "It raises levels of **noradrenaline** (called norepinephrine in the US) in the brain.",
            ("noradrenaline", "alias", "norepinephrine"),
        ),
        ("Heat the oven to about 230 °C (450 °F).", ("about 230 °c", "alias", "450 °f")),
        ("The tower is 324 m (1,063 ft) tall.", ("324 m", "alias", "1,063 ft")),
    ],
)
def test_renderings_in_brackets(
    answer: str,
    expected: tuple[str, str, str],
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    assert expected in linguistic_items(answer)


def test_a_share_in_brackets_is_no_conversion_of_a_measure(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    found = linguistic_items("- 160 ml water (64% hydration)\n- 250 g flour")
    assert not any(kind == "alias" for _, kind, _ in found)


def test_a_count_of_things_is_no_measure_in_other_units(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    """A number of people with a date or a source in brackets is no conversion: only a
    measure written in units on both sides is one."""
    found = linguistic_items("The town had about 1,864 adults (2014 census) and two schools.")
    assert not any(kind == "alias" for _, kind, _ in found)
    found = linguistic_items("The Saturn V rocket weighed 2,970 tonnes (6.5 million lb) at launch.")
    assert ("2,970 tonnes", "alias", "6.5 million lb") in found


def test_a_named_unit_converts_and_a_count_of_people_does_not(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    """(review) units are a closed list of symbols and names: degrees Fahrenheit are a unit,
    "men" is no symbol however short."""
    found = linguistic_items(
        "Preheat the oven to 350 degrees Fahrenheit (175 degrees Celsius) before baking."
    )
    assert ("350 degrees fahrenheit", "alias", "175 degrees celsius") in found, found
    found = linguistic_items("The legion lost about 300 men (40 per cent) in the battle.")
    assert not any(kind == "alias" for _, kind, _ in found), found
