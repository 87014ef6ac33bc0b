"""Hearst's reader's noun-phrase checks (:mod:`grapheme_distill.extractors.readers.hierarchy_hearst`)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy_hearst import bare_plural
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy


@pytest.mark.parametrize("text", ["Hits", "the judges", "Alternatives", "their campaigns"])
def test_one_plural_common_noun_is_bare(text: str) -> None:
    assert bare_plural(text)


@pytest.mark.parametrize(
    "text",
    ["brand names", "payment systems", "class", "status", "analysis", "ABBA", "The Beatles songs"],
)
def test_a_modified_plural_or_a_singular_is_not_bare(text: str) -> None:
    assert not bare_plural(text)


def _pairs(text: str) -> set[tuple[str, str]]:
    ctx = ReadContext.of(parse_document(text), "")
    return {
        (f.subject.text, f.object.text)
        for f in read_prose_hierarchy(ctx)
        if f.kind == "hierarchy" and f.object is not None
    }


def test_examples_in_an_items_gloss_belong_to_the_items_name() -> None:
    pairs = _pairs(
        "Key terms:\n\n"
        "- **Docker Hub** — Docker's public registry, where you can find official images such as "
        "`nginx`, `python` and `postgres`.\n"
        "- **Image** — a read-only template.\n"
    )
    assert {("Docker Hub", "nginx"), ("Docker Hub", "postgres")} <= pairs
    assert ("official images", "nginx") in pairs  # the class named before them stays


@pytest.mark.parametrize(
    "item",
    [
        # a phrase opening the item names no whole
        "- For attacks: painkillers such as ibuprofen, aspirin or paracetamol.\n",
        # the examples in the item's own opening, not in a gloss
        "- authenticator apps such as Google Authenticator or Microsoft Authenticator\n",
    ],
)
def test_no_items_name_outside_a_gloss(item: str) -> None:
    pairs = _pairs("Options:\n\n" + item + "- another option\n")
    assert not any(
        p in ("For attacks", "authenticator apps such as Google Authenticator") for p, _ in pairs
    )


def test_including_in_an_items_gloss_names_only_the_items_children() -> None:
    pairs = _pairs(
        "The main genera:\n\n"
        "- **Eudyptes** — the crested penguins, including the macaroni and rockhopper penguins\n"
        "- **Spheniscus** — the banded penguins, such as the African penguin and the Humboldt "
        "penguin\n"
    )
    assert ("Eudyptes", "rockhopper penguins") in pairs
    assert not any(p == "crested penguins" for p, _ in pairs)
    assert ("banded penguins", "African penguin") in pairs  # "such as" keeps its class


@pytest.mark.parametrize(
    ("sentence", "parent"),
    [
        # a relative clause's verb and object: the class is "storms", a bare plural, so no edge
        (
            "Condensation releases heat higher up, which powers storms such as hurricanes and "
            "typhoons.",
            "storms",
        ),
        ("Sorting is subtle, which explains why libraries such as Timsort and pdqsort exist.", ""),
        ("The gamelan, whose composers such as Debussy and Ravel borrowed its scales, spread.", ""),
    ],
)
def test_a_relative_or_question_word_ends_the_class_name(sentence: str, parent: str) -> None:
    parents = {p for p, _ in _pairs(sentence + "\n")}
    assert not any(
        p.split()[0].lower() in ("which", "why", "whose", "explains", "powers") for p in parents
    )
    assert parent == "" or parents <= {parent}


def test_the_verb_after_which_is_no_part_of_the_class() -> None:
    pairs = _pairs(
        "The estuary is a reserve, which hosts migratory birds such as swifts and terns.\n"
    )
    assert ("migratory birds", "swifts") in pairs
    assert not any(p.startswith("hosts") for p, _ in pairs)


def test_the_names_end_before_a_clause_a_conjunction_opens() -> None:
    pairs = _pairs(
        "Some programming languages such as Python and Ruby use dynamic typing, while others "
        "such as Java and Kotlin check types when the code is compiled.\n"
    )
    assert ("programming languages", "Ruby") in pairs
    assert not any(" " in child or child.startswith("while") for _, child in pairs)


def test_but_also_adds_the_lists_last_name() -> None:
    pairs = _pairs("It supports scripting languages such as Python and Ruby, but also Lua.\n")
    assert ("scripting languages", "Lua") in pairs
    pairs = _pairs(
        "The cliffs are home to nesting seabirds such as puffins, gannets, but also albatrosses.\n"
    )
    assert {("nesting seabirds", "puffins"), ("nesting seabirds", "albatrosses")} <= pairs


def test_but_also_opening_a_clause_ends_the_names() -> None:
    pairs = _pairs(
        "It supports scripting languages such as Python and Ruby, but also has a C API.\n"
    )
    assert ("scripting languages", "Ruby") in pairs
    assert not any("API" in child or child.startswith("but") for _, child in pairs)


def test_a_list_that_opens_its_sentence_ends_before_the_verb() -> None:
    pairs = _pairs("Noble gases such as helium, neon and argon hardly react.\n")
    assert ("noble gases", "argon") in pairs
    assert not any("react" in child for _, child in pairs)
