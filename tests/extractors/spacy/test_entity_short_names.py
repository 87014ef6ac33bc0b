"""A shorter name stands for a longer one only when the longer one is its full name (issue 11,
fifth session): a genus is not the species named after it ("Rosa" / "Rosa canina")."""

from __future__ import annotations

from collections import Counter

from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.records import State, short_names


def _state(*names: tuple[str, str]) -> State:
    state = State()
    for text, label in names:
        state.see(Mention(text, -1, -1, label, True))
    return state


def test_a_genus_is_not_folded_into_a_species_of_it() -> None:
    state = _state(("Rosa", "PERSON"), ("Rosa canina", ""), ("Rosaceae", "ORG"))
    assert "rosa" not in short_names(state)


def test_a_surname_and_a_shortened_club_still_fold_into_their_full_names() -> None:
    state = _state(("Alan Shepard", "PERSON"), ("Shepard", "PERSON"), ("Spartak Moscow", "ORG"))
    state.see(Mention("FC Spartak Moscow", -1, -1, "ORG", True))
    folded = short_names(state)
    assert folded.get("shepard") == "alan shepard", folded
    assert folded.get("spartak moscow") == "fc spartak moscow", folded
    assert isinstance(state.votes["shepard"], Counter)


def test_a_work_is_not_folded_into_an_operation_or_project_named_after_it() -> None:
    # "Operation Night Watch", a restoration project, is not the painting's full name, as
    # "Operation Barbarossa" is not the emperor's
    state = _state(
        ("Night Watch", "WORK_OF_ART"),
        ("Operation Night Watch", ""),
        ("Harbour", ""),
        ("Project Harbour", "ORG"),
    )
    folded = short_names(state)
    assert "night watch" not in folded, folded
    assert "harbour" not in folded, folded
