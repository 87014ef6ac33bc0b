"""A list value the answer highlights whole is one value (issue 11, twenty-third session):
"**Notable works:** *War and Peace*, *Anna Karenina*" gave the works "War" and "Peace"."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document


def _values(text: str) -> set[str]:
    _, facts = read_document(text)
    return {f.object.text for f in facts if f.construction == "kv" and f.object is not None}


def test_a_highlighted_title_holding_and_is_one_value() -> None:
    values = _values(
        "**Leo Tolstoy** was a Russian writer.\n\n"
        "- **Notable works:** *War and Peace*, *Anna Karenina*\n"
        "- **Children:** Sergei and Tatiana\n"
    )
    assert {"War and Peace", "Anna Karenina"} <= values, values
    assert not {"War", "Peace"} & values, values
    assert {"Sergei", "Tatiana"} <= values, values  # plain names joined by "and" still split
