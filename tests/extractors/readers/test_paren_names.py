"""Another name in a bracket (readers.paren_names): after a marker ("also called"), after its
language ("French: …", the language no part of the name)."""

from __future__ import annotations

from collections.abc import Callable


def test_a_marker_in_a_bracket_names_the_noun_phrase_before_it(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    found = linguistic_items(
        "Frost-free models (also called no-frost freezers) defrost themselves."
    )
    assert ("frost-free models", "alias", "no-frost freezers") in found


def test_a_heads_bracket_names_its_language_apart_from_the_other_name(
    linguistic_items: Callable[..., set[tuple[str, str, str]]],
) -> None:
    found = linguistic_items("- **Puff pastry** (French: *pâte feuilletée*) — a laminated pastry")
    assert ("puff pastry", "alias", "pâte feuilletée") in found
    assert not any(value.startswith("french") for _, _, value in found)
