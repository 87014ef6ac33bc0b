"""A highlighted name that opens with "aka" (issue 11, twenty-second session): "**Red miso**
(*aka miso*)" is the Japanese name *aka miso* ("aka" is Japanese for red), not "also known as
miso" — read so, it folded the answer's topic into one of its kinds.  Answers of my own."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document

_MISO = (
    "Miso is a Japanese seasoning paste. Three kinds are common:\n\n"
    "- **White miso** (*shiro miso*): fermented briefly; mild.\n"
    "- **Red miso** (*aka miso*): fermented for up to three years; salty.\n"
)


def _aliases(answer: str, prompt: str = "") -> set[tuple[str, str]]:
    return {
        (f.subject.text, f.value)
        for f in read_document(answer, prompt)[1]
        if f.kind == "linguistic" and f.linguistic is not None and f.linguistic.value == "alias"
    }


def test_a_highlighted_name_opening_with_aka_is_one_name() -> None:
    found = _aliases(_MISO, "What is miso?")
    assert ("Red miso", "aka miso") in found, found
    assert ("Red miso", "miso") not in found, found  # was read twice, as "also known as miso"


def test_aka_outside_a_highlight_stays_a_marker() -> None:
    found = _aliases("Marshall Mathers (aka *Eminem*) is a rapper from Detroit.")
    assert ("Marshall Mathers", "Eminem") in found, found
    found = _aliases("**Red miso** (a.k.a. *aka miso*) is salty.")
    assert ("Red miso", "aka miso") in found, found
