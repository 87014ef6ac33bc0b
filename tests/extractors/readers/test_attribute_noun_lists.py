"""A singular key over a comma list of common nouns gives each noun (issue 11, thirty-third
session): "| Classic use | biryani, pilau |" gave biryani alone; and a row whose name cell lists
three things or more is about none of them.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers.attribute_values import common_nouns
from tests.extractors.readers.conftest import relation_triples as _triples


def test_a_singular_keys_list_of_common_nouns_is_one_value_each() -> None:
    found = _triples(
        "## Lentils\n\n| Lentil | Colour | Classic use |\n|---|---|---|\n"
        "| Puy | slate green | salads, stews |\n| Red | orange | dal, soups, purées |\n"
    )
    assert {
        ("Puy", "used_for", "salads"),
        ("Puy", "used_for", "stews"),
        ("Red", "used_for", "dal"),
        ("Red", "used_for", "soups"),
        ("Red", "used_for", "purées"),
    } <= found, found


def test_what_is_no_list_of_common_nouns_stays_as_it_was_read() -> None:
    assert common_nouns("use", "salads, slow-cooked stews") == ["salads", "slow-cooked stews"]
    assert common_nouns("location", "Lyon, France") == []  # names: an address
    assert common_nouns("texture", "dry, fluffy, separate") == []  # a quality: one description
    assert common_nouns("flavour", "strong, with crema on top") == []
    assert common_nouns("habit", "mostly at night, often alone") == []  # hedged phrases
    assert common_nouns("use", "the roof, a wall") == []  # phrases with an article
    assert common_nouns("size", "12 cm, 30 g") == []  # measures
    assert common_nouns("use", "salads") == []  # no list


def test_a_row_whose_name_cell_lists_three_things_is_about_none() -> None:
    found = _triples(
        "## Types\n\n| Mutable | Immutable |\n|---|---|\n| list, dict, set | int, float, str |\n"
    )
    assert not any(s.startswith("list, dict") for s, _, _ in found), found
