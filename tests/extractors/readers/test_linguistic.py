"""The linguistic reader's document-wide passes (readers.linguistic): an acronym the answer uses
without spelling it out is paired with a name it spelled out elsewhere, even when the answer
defines the acronym (a definition pairs it with no long form)."""

from __future__ import annotations

from collections.abc import Callable

Items = set[tuple[str, str, str]]


def test_a_defined_acronym_is_still_paired_with_its_spelled_out_name(
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(
        "**NATO** is an intergovernmental military alliance that links North America and Europe."
        "\n\nThe North Atlantic Treaty Organization was founded in 1949."
    )
    assert (
        "nato",
        "definition",
        "an intergovernmental military alliance that links north america and europe",
    ) in found
    assert ("north atlantic treaty organization", "abbreviation", "nato") in found
