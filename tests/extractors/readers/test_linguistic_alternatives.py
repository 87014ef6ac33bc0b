"""Names offered as alternatives in one bracket: a head's bracket (readers.linguistic._head_alias):
"## Killer whale (orca, or blackfish)", "- **Cougar** (puma or mountain lion): …" give two
aliases of the head, not one alias "orca, or blackfish"; a marked list (readers.paren_names
.read_prefixed): "(also known as the puma, mountain lion or catamount)" gives each name."""

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


def test_a_bracketed_list_of_names_gives_each_name(
    linguistic_items: Callable[..., Items],
) -> None:
    """readers.paren_names.read_prefixed: "(also known as the puma, mountain lion or catamount)"
    lists three names; only the first was read."""
    found = linguistic_items(
        "The cougar (also known as the puma, mountain lion or catamount) ranges from Canada "
        "to the Andes.",
        "Tell me about cougars",
    )
    assert {("cougar", "puma"), ("cougar", "mountain lion"), ("cougar", "catamount")} <= (
        _aliases(found)
    )


def test_a_birth_name_and_a_year_stay_one_name(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "Ada Lovelace (born Augusta Ada Byron, 1815) wrote the first published program.",
        "Who was Ada Lovelace?",
    )
    aliases = _aliases(found)
    assert ("ada lovelace", "augusta ada byron") in aliases
    assert not any("1815" in value for _, value in aliases)


def test_a_count_offered_as_alternatives_is_no_alias(
    linguistic_items: Callable[..., Items],
) -> None:
    """(review) "(one or two tablets)" splits into "one" and "two tablets", each short enough for
    a name; a count or a frequency is no other name of the head."""
    found = linguistic_items(
        "## Dose (one or two tablets)\n\nTake them with water.\n\n"
        "## Watering (once or twice a week)\n\nWater the roots, not the leaves.",
        "How should I take it?",
    )
    assert not _aliases(found)


def test_a_name_used_in_places_gives_no_places_as_aliases(
    linguistic_items: Callable[..., Items],
) -> None:
    """(review) "(known as paracetamol in the UK, Australia or New Zealand)": the places say where
    the name holds; "(formerly Bombay, the capital of …)": a description is no name."""
    found = linguistic_items(
        "Acetaminophen (known as paracetamol in the UK, Australia or New Zealand) relieves "
        "pain.\n\nMumbai (formerly Bombay, the capital of Maharashtra or the financial hub) "
        "lies on the coast.",
        "Tell me about painkillers",
    )
    values = {value for _, value in _aliases(found)}
    assert {"paracetamol", "bombay"} <= values
    assert not values & {"australia", "new zealand", "capital of maharashtra", "financial hub"}
    assert not any(" in " in value for value in values)


def test_a_bracket_offering_choices_is_no_alias(
    linguistic_items: Callable[..., Items],
) -> None:
    """(review) A bracket that offers choices names the values a thing takes, not another name
    for it: "- Pay by (cash or card)" gave "cash" and "card" as aliases of "Pay by", "(one or
    two)" and "(small or large)" after a noun gave one synonym each."""
    found = linguistic_items(
        "## Pay by (cash or card)\n\nAt the desk.\n\n"
        "- **Tablets** (one or two): with water.\n"
        "- Take tablets (one or two) with water.\n\n"
        "Tickets are paid at the kiosk (cash or card) before boarding. Choose a size (small or "
        "large) for the drink.",
        "How do I buy a ticket?",
    )
    assert not _aliases(found)
