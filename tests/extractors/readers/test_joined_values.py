"""A table cell or a key's value that joins names by "and" or "or" (issue 11, twenty-second
session): "India and Pakistan" under "Origin", "Himalayas and south-west China" under "Range",
"quarks and leptons" under "Acts on" give one fact per name; adjectives, a shared head, a single
letter and a work's title stay whole.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.attribute_values import joined


def _triples(answer: str) -> set[tuple[str, str, str]]:
    facts = [f for f in read_document(answer)[1] if f.kind == "relation"]
    return {(f.subject.text, f.predicate, f.object.text if f.object else "") for f in facts}


def test_a_cell_joining_names_is_one_fact_per_name() -> None:
    found = _triples(
        "## Teas\n\n| Tea | Grown in | Leaves |\n|---|---|---|\n"
        "| Darjeeling | India and Nepal | whole and curled |\n"
        "| Pu-erh | Yunnan or Sichuan | pressed into cakes |\n"
    )
    assert {
        ("Darjeeling", "grown_in", "India"),
        ("Darjeeling", "grown_in", "Nepal"),
        ("Pu-erh", "grown_in", "Yunnan"),
        ("Pu-erh", "grown_in", "Sichuan"),
    } <= found, found
    assert ("Darjeeling", "grown_in", "India and Nepal") not in found, found


def test_adjectives_shared_heads_letters_and_titles_stay_whole() -> None:
    assert joined("acts on", "quarks and leptons") == ["quarks", "leptons"]
    assert joined("range", "Himalayas and south-west China") == ["Himalayas", "south-west China"]
    for key, value in (
        ("texture", "light and airy"),
        ("best with", "narrow or button-down collars"),
        ("carrier particle", "W and Z bosons"),
        ("key step", "withered and dried"),
        ("novel", "Pride and Prejudice"),
        ("role", "runs the board and sets its strategy"),
    ):
        assert joined(key, value) == [value], (key, value)
