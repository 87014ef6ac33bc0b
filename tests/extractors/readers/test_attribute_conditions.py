"""A key's condition (issue 11, thirty-second session): "Colour in cup", "Texture when cooked"
name the colour and the texture; a participle before "in" keeps its words.  Answers of my own,
no spaCy."""

from __future__ import annotations

from tests.extractors.readers.conftest import relation_triples as _triples

_TABLE = (
    "## Two lentils\n\n| Lentil | Colour when dry | Taste in soup | Grown in |\n|---|---|---|---|\n"
    "| Puy lentil | slate green | peppery | Auvergne |\n"
    "| Beluga lentil | black | earthy | Saskatchewan |\n"
)


def test_an_attribute_key_under_a_condition_names_the_attribute() -> None:
    found = _triples(_TABLE)
    assert {
        ("Puy lentil", "colour", "slate green"),
        ("Beluga lentil", "colour", "black"),
        ("Puy lentil", "taste", "peppery"),
    } <= found, found
    assert not any(p.startswith(("colour_", "taste_")) for _, p, _ in found), found


def test_a_participle_before_in_keeps_its_words() -> None:
    found = _triples(_TABLE)
    assert not any(p == "grown" for _, p, _ in found), found


def test_a_quality_described_by_comma_joined_words_is_one_value() -> None:
    found = _triples(
        "## Two apples\n\n| Apple | Taste | Shape | Uses |\n|---|---|---|---|\n"
        "| Bramley | sharp, very sour | large, flattened | pies, sauce |\n"
        "| Gala | sweet, mild | round | snacks |\n"
    )
    assert {
        ("Bramley", "taste", "sharp, very sour"),
        ("Bramley", "shape", "large, flattened"),
        ("Gala", "taste", "sweet, mild"),
    } <= found, found
    assert ("Bramley", "taste", "sharp") not in found, found
