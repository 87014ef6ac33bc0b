"""Glossary items (readers.glossary): a taxon glossed by its members' everyday name."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document


def _ling(answer: str, prompt: str = "") -> set[tuple[str, str, str]]:
    return {
        (f.subject.text, f.linguistic.value, f.value)
        for f in read_document(answer, prompt)[1]
        if f.kind == "linguistic" and f.linguistic is not None
    }


def test_a_family_glossed_by_its_common_name_is_an_alias() -> None:
    found = _ling(
        "The main families are:\n"
        "- **Hesperiidae** — skippers\n"
        "- **Nymphalidae** — brush-footed butterflies, the largest family, including the monarch\n"
        "- **Lycaenidae** — blues, coppers and hairstreaks\n"
    )
    assert ("Hesperiidae", "alias", "skippers") in found
    assert ("Nymphalidae", "alias", "brush-footed butterflies") in found
    assert ("Lycaenidae", "alias", "blues, coppers and hairstreaks") in found
    assert not any(kind == "definition" for _, kind, _ in found)


def test_a_genus_under_a_rank_word_is_an_alias_of_its_plural_name() -> None:
    found = _ling(
        "Penguins are classified into genera:\n"
        "- **Eudyptes** — the crested penguins, including the macaroni and rockhopper penguins\n"
        "- **Aptenodytes** — the largest penguins, the emperor and king\n"
    )
    assert ("Eudyptes", "alias", "crested penguins") in found
    # a superlative describes the group: no name of it
    assert not any(term == "Aptenodytes" and kind == "alias" for term, kind, _ in found)


def test_a_glossary_of_terms_keeps_its_definitions() -> None:
    found = _ling("Key terms:\n- **Mitochondria** — organelles that make energy for the cell\n")
    assert ("Mitochondria", "definition", "organelles that make energy for the cell") in found


def test_examples_after_e_g_are_no_part_of_the_gloss() -> None:
    text = (
        "Built-in types:\n- **Numeric types**\n"
        "  - **int**: whole numbers of any size, e.g. `42` (there is no overflow)\n"
        "  - **float**: double-precision floating-point numbers, e.g. `3.14`\n"
    )
    defined = {term: value for term, kind, value in _ling(text) if kind == "definition"}
    # the full stop of "e.g." no longer cuts the gloss ("…, e.g"), and the examples go
    assert defined == {
        "int": "whole numbers of any size",
        "float": "double-precision floating-point numbers",
    }


def test_what_a_listed_part_does_is_its_role_outside_a_glossary() -> None:
    parts = (
        "- **Derailleur** — moves the chain between sprockets\n"
        "- **Crank** — turns the chainring when you pedal\n"
        "- **Brake caliper** — squeezes the rim to slow the wheel"
    )
    # a list of parts under a heading: what each does is no gloss of its name
    found = _ling("## Parts of a bicycle\n\n" + parts, "How does a bicycle work?")
    assert not any(kind == "definition" for _, kind, _ in found), found
    # the same items under a cue naming them terms still define them
    found = _ling("Glossary of bicycle terms:\n\n" + parts, "What do these bicycle terms mean?")
    assert ("Derailleur", "definition", "moves the chain between sprockets") in found
