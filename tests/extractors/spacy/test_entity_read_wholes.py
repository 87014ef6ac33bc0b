"""A named thing only the parse found, opening a longer name a document reader read whole, is no
node of its own (issue 11, twenty-fifth session): NER reads "Prussian" in "**Prussian blue**",
"Oryza" in "*Oryza sativa*"; the highlighted term is the node, as "Dijon mustard" is."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import Evidence, _opens_read_whole
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in spacy_x.extract(text).entities.values()}


@pytest.mark.parametrize(
    ("answer", "whole", "part"),
    [
        (
            "**Pigment:** the print uses **Prussian blue**, a synthetic pigment from Europe.",
            "Prussian blue",
            "Prussian",
        ),
        (
            "All four are varieties of **Asian rice** (*Oryza sativa*), but they cook differently.",
            "Oryza sativa",
            "Oryza",
        ),
        (
            "Owls of Europe include the **Eurasian eagle-owl** (*Bubo bubo*) and the **tawny owl**"
            " (*Strix aluco*).",
            "Strix aluco",
            "Strix",
        ),
    ],
)
def test_the_first_words_of_a_highlighted_name_are_no_node(
    spacy_x: SpacyExtractor, answer: str, whole: str, part: str
) -> None:
    names = _names(spacy_x, answer)
    assert whole in names, names
    assert part not in names, names


def _parsed(text: str) -> Evidence:
    ev = Evidence()
    ev.add(Mention(text, 3, 3 + len(text), "NORP", True), "fact")
    return ev


def test_only_a_parse_found_name_that_opens_a_read_whole_goes() -> None:
    wholes = {("prussian", "blue"), ("google", "authenticator", "app")}
    assert _opens_read_whole("Prussian", _parsed("Prussian"), wholes)
    assert _opens_read_whole("Google", _parsed("Google"), wholes)
    # the whole itself, a name it does not open, and a name a reader read too stay
    assert not _opens_read_whole("Prussian blue", _parsed("Prussian blue"), wholes)
    assert not _opens_read_whole("Blue", _parsed("Blue"), wholes)
    read = _parsed("Prussian")
    read.add(Mention("Prussian", -1, -1, "NORP", True), "fact")
    assert not _opens_read_whole("Prussian", read, wholes)


def test_a_named_thing_with_no_highlighted_longer_name_stays(spacy_x: SpacyExtractor) -> None:
    names = _names(spacy_x, "The Spanish Armada sailed in 1588 against England.")
    assert "England" in names, names
