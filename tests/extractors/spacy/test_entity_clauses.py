"""Names that are no things (issue 11, eleventh session): a clause read whole as a name ("If
asked", "IMF doesn't fund projects") is no node unless an item uses it."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import reads_as_clause
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import Relation


def _names(x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in x.extract(text).entities.values()}


@pytest.mark.parametrize(
    "name",
    [
        "If asked",
        "If he doesn't reply",
        "After the ANC",
        "IMF doesn't fund projects",
        "Plague did not disappear",
        "President can veto a bill",
        # fourteenth session: instructions and questions read whole
        "Don't rinse the rice",
        "Never add all the stock at once",
        "What",
        "Where:",
        "Connect the iPhone",
        "Fill it",
        "Making the claim",
        "Runs the corporation and sets its strategy",
    ],
)
def test_a_clause_reads_as_a_clause(name: str) -> None:
    assert reads_as_clause(name)


@pytest.mark.parametrize(
    "name",
    [
        *("When Harry Met Sally", "After Earth", "I Can't Go On", "Marie Curie"),
        *("Once Upon a Time", "Edward the Black Prince", "Kill the Messenger", "Whitehall"),
    ],
)
def test_a_title_or_a_name_does_not(name: str) -> None:
    assert not reads_as_clause(name)


def test_a_conditional_step_opener_is_no_node(spacy_x: SpacyExtractor) -> None:
    names = _names(
        spacy_x, "3. If asked, tap **Trust This Computer** on the phone and enter your passcode."
    )
    assert "If asked" not in names, names
    # (the button's label is no node either since the thirtieth session: the gold names no control)
    names = _names(spacy_x, "3. If asked, open **Google Authenticator** on the phone.")
    assert "If asked" not in names, names
    assert "Google Authenticator" in names, names


def test_an_instruction_read_whole_is_no_node(spacy_x: SpacyExtractor) -> None:
    """Fourteenth session: also when only a relation refers to it (the relation goes too)."""
    out = spacy_x.extract(
        "## Tips\n\n- **Connect the iPhone** to the Mac with a cable.\n- What: a short check.\n"
    )
    names = {e.name for e in out.entities.values()}
    assert "Connect the iPhone" not in names, names
    assert "What" not in names, names
    assert all(
        i.subject in out.entities and i.object in out.entities
        for i in out.items
        if isinstance(i, Relation)
    )
