"""Linguistic items in the layouts of unseen answers (issue 11, eleventh session): each case is a
small answer of our own words that the readers misread before the session.  ``present`` items
must be read ((term, kind, value), lower case); ``absent`` ones pin precision."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, str, Items, Items]] = [
    # a fact sheet's labels name attributes of the subject, not terms it defines: a sibling
    # key is an attribute's ("Founded"), or the lead-in says "Key facts"; a glossary keeps them
    (
        "# Oxfam\n\n- **Founded:** 1942, in Oxford\n- **Structure:** a confederation of 21 "
        "independent national organisations\n- **Focus:** ending poverty and injustice",
        "Tell me about Oxfam",
        set(),
        {
            (
                "structure",
                "definition",
                "a confederation of 21 independent national organisations",
            ),
        },
    ),
    (
        "**Key facts**\n- **Technique:** oil on canvas, in which thin glazes are laid over an "
        "underpainting\n- **Setting:** a small room lit from the left",
        "Tell me about The Milkmaid",
        set(),
        {
            (
                "technique",
                "definition",
                "oil on canvas, in which thin glazes are laid over an underpainting",
            ),
            ("setting", "definition", "a small room lit from the left"),
        },
    ),
    (
        "## Key terms\n\n- **Sfumato:** a technique of soft, gradual blending without lines\n"
        "- **Founded:** an odd key for a glossary",
        "",
        {("sfumato", "definition", "a technique of soft, gradual blending without lines")},
        set(),
    ),
]


def _items(answer: str, prompt: str) -> Items:
    facts = read_document(answer, prompt)[1]
    return {
        (f.subject.text.lower(), f.linguistic.value, f.value.lower()) for f in facts if f.linguistic
    }


@pytest.mark.parametrize(("answer", "prompt", "present", "absent"), CASES)
def test_linguistic_layouts(answer: str, prompt: str, present: Items, absent: Items) -> None:
    found = _items(answer, prompt)
    assert present <= found and not absent & found, found
