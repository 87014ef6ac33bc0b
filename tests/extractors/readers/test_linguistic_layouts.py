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
    # … nor a name opening a label's value there ("**Employer:** the X, merged …")
    (
        "- **Born:** 27 May 1907, Springdale\n- **Employer:** the US Bureau of Fisheries, merged "
        "in 1940 into the Fish and Wildlife Service",
        "Who was Rachel Carson?",
        set(),
        {("employer", "alias", "us bureau of fisheries")},
    ),
    # "he" or "she" never means the event a section is about
    (
        "# The Meiji Restoration\n\nThe Meiji Restoration of 1868 returned power to the "
        "emperor. He is known today as Emperor Meiji.",
        "What was the Meiji Restoration?",
        set(),
        {("meiji restoration", "alias", "emperor meiji")},
    ),
    (
        "# Marie Curie\n\nMarie Curie was a physicist. She is often known simply as Madame Curie.",
        "Who was Marie Curie?",
        {("marie curie", "alias", "madame curie")},
        set(),
    ),
    # two common nouns share a gloss; a pronoun's clause glosses nothing
    (
        "The instruments:\n\n- **Gongs** — they mark the structure of the piece\n"
        "- **kempul**: smaller hanging gongs\n"
        "- **kenong** and **ketuk**: kettle gongs lying flat in frames",
        "What is a gamelan?",
        {
            ("kenong", "definition", "kettle gongs lying flat in frames"),
            ("ketuk", "definition", "kettle gongs lying flat in frames"),
        },
        {("gongs", "definition", "they mark the structure of the piece")},
    ),
    # a named thing in apposition with a genus is typed, not defined; a one-word term still is
    (
        "In 1834 Babbage designed the *Analytical Engine*, a mechanical computer that was never "
        "built. At Bletchley Park Turing designed the *Bombe*, an electromechanical machine used "
        "to break the Enigma cipher.",
        "",
        {("bombe", "definition", "an electromechanical machine used to break the enigma cipher")},
        {("analytical engine", "definition", "a mechanical computer that was never built")},
    ),
    # an acronym with the noun it qualifies, spelt out with the same noun: the whole phrases
    (
        "Each card has a MAC address (media access control address) burnt in.",
        "",
        {("media access control address", "alias", "mac address")},
        set(),
    ),
    # a definite genus in a bracket glosses the noun before it; a name after it, inside the
    # bracket, is that noun's too (not the clause subject's, nor the bracket's first name's)
    (
        "If it still drains slowly, clean the trap (the U-shaped bend under the basin, also "
        "called the P-trap).",
        "",
        {
            ("trap", "definition", "the u-shaped bend under the basin"),
            ("trap", "alias", "p-trap"),
        },
        {("if it still drains slowly", "alias", "p-trap")},
    ),
    (
        "You need a **fit note** (formally the *Statement of Fitness for Work*, still widely "
        "called a sick note).",
        "",
        {("fit note", "alias", "sick note")},
        {("statement of fitness for work", "alias", "sick note")},
    ),
    # a bracket that states something glosses nothing
    (
        "He may have met Mozart there (the meeting is poorly documented).",
        "",
        set(),
        {("mozart", "definition", "the meeting is poorly documented")},
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
