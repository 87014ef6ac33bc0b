"""Entities in the forms assistant answers give them (issue 11), one small synthetic answer per
construction: every named thing and explicit date is a node even when no fact reaches it, a
"Key: value" item names its value and not "Key: value", and a title of a work stays whole (quoted,
italic or at the start of a sentence: "Kind of Blue", "Part of Me", "The Lord of the Rings")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str, prompt: str = "") -> set[str]:
    return {e.name for e in spacy_x.extract(text, prompt=prompt).entities.values()}


@pytest.mark.parametrize(
    ("answer", "wanted", "unwanted"),
    [
        # a timeline item: the places and people in it are nodes, not only its date
        (
            "**Later life**\n- 1815: he returns from Elba, is defeated at Waterloo by Wellington "
            "and Blücher, and is exiled to Saint Helena.\n- 1821: he dies.",
            {"Elba", "Wellington", "Saint Helena"},
            set(),
        ),
        # key-value items: the value is the name, the key is not part of it
        (
            "**Grace Hopper**\n\n- **Born:** 9 December 1906, New York City\n"
            "- **Spouse:** Vincent Hopper\n- **Employer:** Remington Rand",
            {"9 December 1906", "Vincent Hopper", "Remington Rand"},
            {"Spouse: Vincent Hopper", "Employer: Remington Rand"},
        ),
        # an explicit date in prose that no relation reaches is still a node; "today" is not
        (
            "The bridge was painted again, and the work was finished on 3 March 1998. "
            "Today it is a landmark.",
            {"3 March 1998"},
            {"Today"},
        ),
        # a named thing mentioned in passing (a nationality, a collaborator)
        (
            "The opera premiered in Prague, and the Czech soprano Ema Destinnová sang the lead.",
            {"Prague", "Ema Destinnová"},
            set(),
        ),
        # a comma list NER reads as one name; "Docker, Inc." stays one
        (
            "Its best-known volcanoes include Hekla, Katla and Eyjafjallajökull. The company "
            "was renamed Docker, Inc. in 2013.",
            {"Hekla", "Katla"},
            {"Hekla, Katla", "Inc."},
        ),
        # a place owning a named thing: the thing is the name
        (
            "Earthquakes are common along California's San Andreas Fault.",
            {"San Andreas Fault"},
            {"California's San Andreas Fault"},
        ),
        # an imperative opening a step is no part of a name, and "Select Backup" names nothing
        (
            "1. Install Docker Desktop on your laptop.\n2. Select Backup codes and print them.\n",
            set(),
            {"Install Docker Desktop", "Select Backup", "Backup"},
        ),
        # key-value lines of one paragraph: NER runs over the line break and the key
        (
            "**Died:** 5 December 2013, Johannesburg\n**Party:** African National Congress\n",
            {"African National Congress"},
            {"Johannesburg Party", "Party"},
        ),
        # a glossary item's term followed by a dash: the term, not "term — gloss"
        (
            "- **Docker Hub** — Docker's public registry of images.\n"
            "- **Docker Engine** — the service that runs containers.",
            set(),
            {"Docker Hub — Docker"},
        ),
    ],
)
def test_named_things_are_nodes(
    spacy_x: SpacyExtractor, answer: str, wanted: set[str], unwanted: set[str]
) -> None:
    names = _names(spacy_x, answer)
    assert wanted <= names, names
    assert not unwanted & names, names


@pytest.mark.parametrize(
    ("answer", "title", "fragment"),
    [
        # "Kind of" / "Part of" opening a title: the parser makes them adverbs or the head noun
        ("Kind of Blue is a 1959 album by Miles Davis.", "Kind of Blue", "Blue"),
        ("In 1959 Miles Davis released Kind of Blue.", "Kind of Blue", "Blue"),
        # a number spelled in capitals inside a title is part of it, not a money amount
        (
            "Gabriel García Márquez wrote One Hundred Years of Solitude in 1967.",
            "One Hundred Years of Solitude",
            "Years of Solitude",
        ),
    ],
)
def test_titles_stay_whole(spacy_x: SpacyExtractor, answer: str, title: str, fragment: str) -> None:
    names = _names(spacy_x, answer)
    assert title in names, names
    assert fragment not in names, names
