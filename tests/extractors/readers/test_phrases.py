"""The whole a phrase names (readers/phrases.py, twenty-third session): the words that pick or
rank members go ("the main types", "key terms"); a classifying adjective names a class with its
noun and stays ("fundamental forces", "primary colours")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.phrases import resolve


def _resolve(phrase: str) -> str | None:
    ctx = ReadContext.of(parse_document("Physics names the forces of nature."), "")
    name = resolve(ctx, ctx.doc.blocks[0], phrase)
    return None if name is None else name.text


@pytest.mark.parametrize(
    ("phrase", "whole"),
    [
        # the adjective was taken for a quantifier: "forces", "colours"
        ("the four fundamental forces", "fundamental forces"),
        ("the three primary colours", "primary colours"),
        # ranking words still go
        ("the main symphony orchestras", "symphony orchestras"),
        ("key rock types", "rock types"),
    ],
)
def test_a_classifying_adjective_stays_in_the_whole(phrase: str, whole: str) -> None:
    assert _resolve(phrase) == whole


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "Queen were a British rock band formed in London.\n\n## Group members\n\n"
            "- Freddie Mercury\n- Brian May\n- Roger Taylor\n- John Deacon\n",
            "Queen",
        ),
        (
            "The Beatles were an English rock band from Liverpool.\n\n## Band members\n\n"
            "- John Lennon\n- Paul McCartney\n- George Harrison\n- Ringo Starr\n",
            "Beatles",
        ),
    ],
)
def test_a_collective_nouns_members_are_the_section_subjects(text: str, whole: str) -> None:
    # "Band members", "Group members": the collective noun is the kind of group the section is
    # about (was: a group named "Band" / "Group")
    _, facts = read_document(text, f"Tell me about {whole}")
    parents = {f.subject.text for f in facts if f.kind == "hierarchy" and f.object is not None}
    assert whole in parents and not parents & {"Band", "Group", "band", "group"}, parents


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "Meridian Group companies fall into several categories:\n\n"
            "- **Meridian Steel**: steel making\n- **Meridian Motors**: cars and trucks\n"
            "- **Meridian Foods**: packaged food\n",
            "Meridian Group companies",
        ),
        # the verb stays a verb in lower case, and where the lead-in opens with it
        (
            "Astronomers group the planets into two kinds:\n\n"
            "- **Terrestrial planets**: rocky\n- **Giant planets**: gas and ice\n",
            "planets",
        ),
    ],
)
def test_a_capitalised_group_inside_a_lead_in_is_a_name_not_the_verb(text: str, whole: str) -> None:
    # "Meridian Group companies fall into …": "Group" was read as the verb "group … into", its
    # object "companies fall" the whole, which plausible_edge then dropped: no whole at all
    _, facts = read_document(text, "")
    parents = {f.subject.text for f in facts if f.kind == "hierarchy" and f.object is not None}
    assert whole in parents, parents


def test_an_indefinite_of_after_an_emphasised_term_is_no_part_of_the_whole() -> None:
    # "The **human skeleton** of an adult has …": the whole was "human skeleton of an adult"
    text = (
        "The **human skeleton** of an adult has 206 bones, grouped into two main divisions.\n\n"
        "### Axial skeleton\nThe axial skeleton includes the skull and the rib cage.\n\n"
        "### Appendicular skeleton\nThe appendicular skeleton includes the limbs.\n"
    )
    _, facts = read_document(text, "How many bones are in the human body?")
    parents = {f.subject.text for f in facts if f.kind == "hierarchy" and f.object is not None}
    assert "human skeleton" in parents and "human skeleton of an adult" not in parents, parents
