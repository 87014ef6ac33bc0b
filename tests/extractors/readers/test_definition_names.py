"""What a name means (readers.definitions): "The name is <language> for "…"" glosses the term of
its glossary item, or the subject of its section."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document


def _definitions(answer: str) -> set[tuple[str, str]]:
    return {
        (f.subject.text, f.value)
        for f in read_document(answer, "")[1]
        if f.kind == "linguistic"
        and f.linguistic is not None
        and f.linguistic.value == "definition"
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "**Metamorphic rock**: rock changed by heat or pressure, without melting. The name is"
            ' from the Greek for "change of form". Shale becomes slate.',
            ("Metamorphic rock", "change of form"),
        ),
        (
            "### Basmati\nA long, slender grain from India and Pakistan. The name comes from Hindi"
            ' and probably means "fragrant".',
            ("Basmati", "fragrant"),
        ),
    ],
)
def test_what_a_name_means_is_said_of_the_item_or_section(
    answer: str, expected: tuple[str, str]
) -> None:
    assert expected in _definitions(answer)


def test_a_name_whose_subject_is_unknown_gives_nothing() -> None:
    # no heading, no key, no topic: "the name" names nothing the answer can match
    assert not any(v == "pan" for _, v in _definitions('The name is simply Spanish for "pan".'))
