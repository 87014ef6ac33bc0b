"""Two other names offered as alternatives in a head's bracket (readers.linguistic._head_alias):
"## Killer whale (orca, or blackfish)", "- **Cougar** (puma or mountain lion): …" give two
aliases of the head, not one alias "orca, or blackfish"."""

from __future__ import annotations

from collections.abc import Callable

Items = set[tuple[str, str, str]]


def _aliases(found: Items) -> set[tuple[str, str]]:
    return {(term, value) for term, kind, value in found if kind != "definition"}


def test_a_heading_bracket_with_or_gives_two_aliases(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "## Killer whale (orca, or blackfish)\n\n"
        "The largest dolphin hunts in family groups called pods.",
        "Tell me about killer whales",
    )
    aliases = _aliases(found)
    assert {("killer whale", "orca"), ("killer whale", "blackfish")} <= aliases
    assert not any("," in value or " or " in value for _, value in aliases)


def test_a_list_head_bracket_with_or_gives_two_aliases(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "Big cats of the Americas:\n\n"
        "- **Cougar** (puma or mountain lion): a large solitary cat.\n"
        "- **Jaguar**: the largest cat of the Americas.",
        "Which big cats live in the Americas?",
    )
    assert {("cougar", "puma"), ("cougar", "mountain lion")} <= _aliases(found)


def test_a_single_other_name_stays_one_alias(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "## Baleen whales (Mysticeti)\n\nThey filter krill through plates of baleen.",
        "Tell me about baleen whales",
    )
    assert ("baleen whales", "mysticeti") in _aliases(found)
