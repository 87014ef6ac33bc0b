"""The readers' one plural helper (``readers/plurals.py``, twenty-fourth session): a noun's
singular by the suffix rules of spaCy's English noun lemmatizer that need no noun index, and
whether two words are one noun.  It stands for the five private ``_singular`` helpers and the
titles' ``_same_word``; the cases below are each what one of them did, or what none did (a
"-ies" plural under a table's column, a singular in "-ss" / "-us" / "-is")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Name
from grapheme_distill.extractors.readers.hierarchy_titles import prompt_names
from grapheme_distill.extractors.readers.plurals import same_noun, singular
from tests.extractors.readers.conftest import hierarchy_pairs as _pairs


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("parts", "part"),
        ("Symphonies", "Symphony"),
        ("tributaries", "tributary"),
        ("branches", "branch"),
        ("dishes", "dish"),
        ("boxes", "box"),
        ("glasses", "glass"),
        ("volcanoes", "volcano"),
        ("shoes", "shoe"),
        ("pies", "pie"),
        ("layers", "layer"),
    ],
)
def test_a_plural_loses_its_ending(plural: str, expected: str) -> None:
    assert singular(plural) == expected


@pytest.mark.parametrize(
    "word", ["class", "status", "analysis", "species", "series", "news", "layer", "data", ""]
)
def test_a_word_that_is_no_plural_in_s_stays(word: str) -> None:
    assert singular(word) == word


@pytest.mark.parametrize(
    ("a", "b"),
    [("art", "arts"), ("classes", "class"), ("city", "cities"), ("bus", "buses"), ("art", "art")],
)
def test_one_noun_a_plural_ending_aside(a: str, b: str) -> None:
    assert same_noun(a, b)


@pytest.mark.parametrize(("a", "b"), [("art", "parts"), ("art", "charts"), ("class", "clasp")])
def test_other_words_are_other_nouns(a: str, b: str) -> None:
    assert not same_noun(a, b)


BRANCHES = (
    "The **government** has three parts.\n\n"
    "| Branches | Head | Role |\n|---|---|---|\n"
    "| Legislative | Speaker | Makes laws |\n"
    "| Executive | President | Carries them out |\n"
    "| Judicial | Chief Justice | Interprets them |\n\n"
    "The legislative branch writes the laws and the executive branch enforces them."
)


def test_a_cell_is_joined_with_the_singular_of_an_es_plural_header() -> None:
    """ "Legislative" under "| Branches |" is the legislative branch (the tables' old helper
    cut one letter, "branche", which no answer writes)."""
    pairs = _pairs(BRANCHES, "What are the branches of government?")
    assert ("government", "legislative branch") in pairs
    assert ("government", "judicial branch") in pairs  # most rows are said so: all are joined


def test_an_attribute_tables_names_are_joined_with_the_singular_of_its_header() -> None:
    """The attribute tables join the same way: "Judicial" under "| Branches |" is the judicial
    branch whose member count the row gives (the attributes' old helper gave "branche")."""
    table = (
        "The **government** has three parts.\n\n"
        "| Branches | Founded | Members |\n|---|---|---|\n"
        "| Legislative | 1789 | 535 |\n| Executive | 1789 | 1 |\n| Judicial | 1790 | 9 |\n\n"
        "The legislative branch writes the laws and the executive branch enforces them."
    )
    facts = [f for f in read_document(table, "")[1] if f.kind == "relation"]
    found = {(f.subject.text, f.predicate, f.object.text if f.object else "") for f in facts}
    assert ("Judicial branch", "number_of_members", "9") in found, found


@pytest.mark.parametrize(
    ("prompt", "whole", "named"),
    [
        ("What kinds of butterfly are there?", "Swallowtail butterflies", True),
        ("What are the main classes of warship?", "Destroyer class", True),
        ("What kinds of whales are there?", "Baleen whales", True),
        ("What are the parts of a cell?", "Devices by layer", False),
    ],
)
def test_a_whole_names_the_prompts_noun_in_either_number(
    prompt: str, whole: str, named: bool
) -> None:
    """``hierarchy_titles.prompt_names`` compares the whole's head with the prompt's words by
    their singulars: an "-ies" or "-sses" plural was cut to "butterflie" / "classe" before."""
    ctx = ReadContext.of(parse_document(f"## {whole}\n\n- one\n- two\n"), prompt)
    first = next(b for b in ctx.doc.blocks if b.is_item)
    assert prompt_names(ctx, first, Name(whole)) is named
