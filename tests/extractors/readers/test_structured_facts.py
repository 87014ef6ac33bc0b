"""Structured facts (issue 11, fifth session): timelines are no attribute tables, and a count is
named the way the gold conventions name counts.  Answers of my own, no spaCy."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.attributes import count_of
from tests.extractors.readers.conftest import relation_triples as _triples


def test_a_date_keyed_item_is_a_timeline_entry_not_an_attribute_named_by_the_date() -> None:
    found = _triples(
        "Ingrid Vanger was a Swedish geologist.\n\n## Timeline\n\n"
        "- **1921:** Born in Uppsala\n- **March 1950:** Mapped the Kebnekaise glaciers\n"
    )
    assert not any(p in ("1921", "march_1950") for _, p, _ in found), found


def test_a_timeline_table_row_names_no_subject_by_its_date() -> None:
    facts = read_document(
        "## Life of Ingrid Vanger\n\n| Year | Event |\n|---|---|\n"
        "| 1948 | Joined the Geological Survey |\n| 1950 | Mapped the glaciers |\n",
        "",
    )[1]
    assert not [f for f in facts if f.kind == "relation" and f.subject.text in ("1948", "1950")]
    # the dates are still nodes of the graph
    assert {f.subject.text for f in facts if f.kind == "entity"} >= {"1948", "1950"}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("moons", "95", ("number_of_moons", "95")),
        ("employees", "about 8,000", ("number_of_employees", "about 8,000")),
        ("official languages", "three", ("number_of_official_languages", "three")),
        ("members", "194 member states", ("number_of_member_states", "194")),
        ("population", "2 million", None),  # a singular key names its own attribute
        ("length", "1,006 km", None),  # a measure, not a count
        ("residents", "5,000 people", None),  # "people" counts nothing new
        ("capacity", "99,000", None),
    ],
)
def test_a_count_is_the_number_of_what_it_counts(
    key: str, value: str, expected: tuple[str, str] | None
) -> None:
    assert count_of(key, value) == expected


def test_a_plural_key_with_a_bare_count_is_a_number_of_attribute() -> None:
    found = _triples(
        "## Moons of the outer planets\n\n| Planet | Moons | Diameter |\n|---|---|---|\n"
        "| Saturn | 146 | 116,460 km |\n"
    )
    assert ("Saturn", "number_of_moons", "146") in found, found
    assert ("Saturn", "diameter", "116,460 km") in found, found


def test_people_keys_keep_the_names_not_their_description() -> None:
    found = _triples(
        "Ocean Aid is a relief charity.\n\n"
        "- **Founders:** a group of Norwegian sailors and divers, including Kari Nordby\n"
    )
    assert ("Ocean Aid", "founded_by", "Kari Nordby") in found, found
    assert not any(o.startswith(("group", "divers")) for _, _, o in found), found


def test_an_award_is_won_and_its_one_year_is_when() -> None:
    found = _triples("Kari Nordby is a diver.\n\n- **Award:** Polar Medal, 2004\n")
    assert ("Kari Nordby", "won", "Polar Medal") in found, found
    assert ("Kari Nordby", "won_in", "2004") in found, found
    two = _triples(
        "Kari Nordby is a diver.\n\n- **Awards:** Polar Medal (2004), Fram Prize (2011)\n"
    )
    assert not any(p == "won_in" for _, p, _ in two), two


def test_a_known_key_over_a_sentence_takes_no_value_from_it() -> None:
    # "Religion" is a key the key table knows, but what follows its dash is a sentence about
    # someone else ("Philip was a Catholic"), not the religion of the section's subject; a short
    # value before a comma and a phrase about it still counts
    found = _triples(
        "## The Vanger Expedition\n\n"
        "- **Religion** — Harald was a Lutheran; Olav was a Catholic.\n"
        "- **Founded:** 1921, with funds that were raised in Bergen\n"
    )
    assert not any(p == "religion" for _, p, _ in found), found
    assert any(p.startswith("founded") and o == "1921" for _, p, o in found), found
