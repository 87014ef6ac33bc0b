"""Comparison rows of listed values (issue 11, thirty-second session): a plural key's list in a
comparison row keeps its parts that name something, when one part is a phrase with an article.
Answers of my own, no spaCy."""

from __future__ import annotations

from tests.extractors.readers.conftest import relation_triples as _triples


def test_a_listed_row_with_a_phrase_keeps_its_named_parts() -> None:
    found = _triples(
        "## Flu and a cold\n\n| | Flu | Common cold |\n|---|---|---|\n"
        "| Main symptoms | fever, aches spreading over the back, fatigue | sneezing, sore throat |\n"
    )
    assert {
        ("Flu", "symptom", "fever"),
        ("Flu", "symptom", "fatigue"),
        ("Common cold", "symptom", "sneezing"),
        ("Common cold", "symptom", "sore throat"),
    } <= found, found
    assert not any("spreading" in o for _, _, o in found), found
