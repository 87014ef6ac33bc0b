"""A table's category column (``readers.hierarchy_type_column``): each row's name under the class
its Type / Category cell names, only when every cell of the column names a class."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document


def _edges(text: str) -> set[tuple[str, str, str]]:
    _, facts = read_document(text, "")
    return {
        (f.construction, f.subject.text, f.object.text)
        for f in facts
        if f.kind == "hierarchy" and f.subject is not None and f.object is not None
    }


def test_each_row_is_a_member_of_its_category() -> None:
    edges = _edges(
        "| Vegetable | Category | Season |\n|---|---|---|\n| Carrot | Root vegetable | Autumn |\n"
        "| Spinach | Leafy green | Spring |\n| Kale | Leafy green | Winter |\n"
    )
    assert ("table.type_column", "Root vegetable", "Carrot") in edges
    assert ("table.type_column", "Leafy green", "Kale") in edges


def test_a_column_with_a_number_or_a_phrase_reads_nothing() -> None:
    edges = _edges(
        "| Block | Groups |\n|---|---|\n| s-block | 1–2 |\n| p-block | 13–18 |\n"
        "| f-block | the two detached rows |\n"
    )
    assert not any(c == "table.type_column" for c, _, _ in edges), edges


def test_the_first_column_is_never_the_category() -> None:
    edges = _edges("| Type | Example |\n|---|---|\n| Spiral | Andromeda |\n| Elliptical | M87 |\n")
    assert not any(c == "table.type_column" for c, _, _ in edges), edges
