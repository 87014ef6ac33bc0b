"""Table and key-value attributes whose value is a range of a measure, under a qualified column
(issue 11, seventh session): "| Gamma rays | below 0.01 nm |" under "Typical wavelength" is the
band's ``wavelength``, "1 mm – 1 m" one value (not cut at its dash), typed as a number."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document, value_type


@pytest.mark.parametrize(
    "text", ["10–400 nm", "1 mm – 1 m", "about 400–700 nm", "80–100 fL", "below 0.01 nm"]
)
def test_ranges_and_bounds_are_numbers(text: str) -> None:
    assert value_type(text) == "QUANTITY"


def test_a_qualified_column_names_the_attribute() -> None:
    answer = (
        "| Band | Typical wavelength | Common uses |\n|---|---|---|\n"
        "| Microwaves | 1 mm – 1 m (overlapping radio) | cooking |\n"
        "| Gamma rays | below 0.01 nm | radiotherapy |\n"
    )
    got = {
        (f.subject.text, f.predicate, f.object.text)
        for f in read_document(answer)[1]
        if f.kind == "relation" and f.object is not None
    }
    assert {
        ("Microwaves", "wavelength", "1 mm – 1 m"),
        ("Gamma rays", "wavelength", "below 0.01 nm"),
    } <= got
