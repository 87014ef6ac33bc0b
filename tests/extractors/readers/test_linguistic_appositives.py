"""Definitions set off by a comma or named by "is called", and bracket names after a quantity
(issue 11, fifteenth session): each case is a small answer of our own words in one construction
the readers missed on the development answers.  ``present`` items must be read ((term, kind,
value), lower case); ``absent`` must not be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, Items, Items]] = [
    # a lower-case notion after its article or verb, a genus with its difference in apposition
    (
        "Water first collects as groundwater, the water that fills the cracks in the rock, and "
        "then it moves downhill.",
        {("groundwater", "definition", "the water that fills the cracks in the rock")},
        set(),
    ),
    (
        "Their nearest relatives are the grebes, the family of diving birds with lobed toes.",
        {("grebes", "definition", "the family of diving birds with lobed toes")},
        set(),
    ),
    # a highlighted term glossed by a bare plural genus with its participle
    (
        "The survey mapped the first **contours**, lines joining points of equal height.",
        {("contours", "definition", "lines joining points of equal height")},
        set(),
    ),
    # the genus belongs to the head noun, not to the noun of its prepositional phrase
    (
        "The virus attacks the white cells in the blood, the cells that fight infection.",
        set(),
        {("blood", "definition", "the cells that fight infection")},
    ),
    # items of a list of alternatives are no gloss
    (
        "The noise could be a loose panel, the rattle of a pipe, or a bird in the loft.",
        set(),
        {("loose panel", "definition", "the rattle of a pipe")},
    ),
    # a named thing described by an appositive is left to its entity type
    (
        "We stopped at **Lyon**, the city where the two rivers meet.",
        set(),
        {("lyon", "definition", "the city where the two rivers meet")},
    ),
    # "<description> is called **term**": a description without an article
    (
        "Frozen dew on grass is called **hoarfrost**; it melts by mid-morning.",
        {("hoarfrost", "definition", "frozen dew on grass")},
        set(),
    ),
    (
        "This is called **priming** the pump.",
        set(),
        {("priming", "definition", "this")},
    ),
    # an ingredient's quantity is no part of the phrase a foreign word in brackets glosses; a
    # bare number (a year) is no quantity
    (
        "**Ingredients**\n\n- 300 g short-grain rice\n- 2 tbsp fish sauce (*nam pla*)\n"
        "- 1 lime, juiced\n",
        {("nam pla", "definition", "fish sauce")},
        {("nam pla", "definition", "2 tbsp fish sauce")},
    ),
    (
        "He left home in 1325 to make the pilgrimage (*hajj*) to Mecca.",
        {("hajj", "definition", "make the pilgrimage")},
        set(),
    ),
    # a gloss whose "and" or comma joins the objects of its head noun's phrase, or adds a
    # participle clause, lists no examples
    (
        "Number types:\n\n- **rational**: numbers with a numerator and a denominator\n"
        "- **text**: characters in order, stored as bytes\n",
        {
            ("rational", "definition", "numbers with a numerator and a denominator"),
            ("text", "definition", "characters in order, stored as bytes"),
        },
        set(),
    ),
    # a comparison table's naming row may give a list of names
    (
        "| | Soda water | Tonic water |\n|---|---|---|\n"
        "| Also called | club soda, seltzer | quinine water |\n| Taste | neutral | bitter |\n",
        {
            ("soda water", "synonym", "club soda"),
            ("soda water", "synonym", "seltzer"),
            ("tonic water", "synonym", "quinine water"),
        },
        set(),
    ),
    # a highlighted plural term named as the members of a counted set
    (
        "## Parts of the grid\n\n- **Ranks** are the eight horizontal rows of squares.\n"
        "- **Files** are the eight vertical columns.\n",
        {
            ("ranks", "definition", "the eight horizontal rows of squares"),
            ("files", "definition", "the eight vertical columns"),
        },
        set(),
    ),
    (
        "The **Beatles** were the four lads from Liverpool.",
        set(),
        {("beatles", "definition", "the four lads from liverpool")},
    ),
    # "has come to mean": what a word means now
    (
        'The word "marathon" has since come to mean any long, gruelling task.',
        {("marathon", "definition", "any long, gruelling task")},
        set(),
    ),
    # a people's own name for the subject, marked or quoted
    (
        "## Finland\n\nFinland is a Nordic country. Finns call their country **Suomi**.",
        {("finland", "alias", "suomi")},
        set(),
    ),
    (
        "- **Green tea** is steamed or pan-fired. The Japanese call it **ryokucha**.\n"
        "- **White tea** is barely processed.\n",
        {("green tea", "alias", "ryokucha")},
        set(),
    ),
    (
        "## Finland\n\nFinland is a Nordic country. Finns call their country cold in winter.",
        set(),
        {("finland", "alias", "cold in winter")},
    ),
    # a bare genus whose adjectives are listed, then its relative clause
    (
        "Parts of a leaf:\n\n- **Stomata**: tiny, lens-shaped pores that let gases in and out\n"
        "- **Veins**: bundles that carry water\n",
        {("stomata", "definition", "tiny, lens-shaped pores that let gases in and out")},
        set(),
    ),
    # the words a marker leaves around a name pair: an example's "e.g.", the "of" of "the pen
    # name of", a possessive in the term's place
    (
        "Treatments:\n\n- Relievers open the airways quickly\n"
        "  - e.g. salbutamol, known as albuterol in the US\n",
        {("salbutamol", "alias", "albuterol")},
        {("e.g. salbutamol", "alias", "albuterol")},
    ),
    (
        "His friendship with **Mark Twain** (the pen name of Samuel Clemens) lasted decades.",
        {("mark twain", "alias", "samuel clemens")},
        {("his", "alias", "of samuel clemens"), ("mark twain", "alias", "of samuel clemens")},
    ),
    # a highlighted word capitalised by its place, written in lower case elsewhere, is a notion
    (
        "**Batter** is a pourable dough of flour, eggs and milk. A thin batter makes crêpes.",
        {("batter", "definition", "a pourable dough of flour, eggs and milk")},
        set(),
    ),
    (
        "**Lyon** is a city of silk weavers and bankers.",
        set(),
        {("lyon", "definition", "a city of silk weavers and bankers")},
    ),
    # a bracket between a highlighted term and its colon or dash, when it gives the word's
    # language or spells it out, is no part of the gloss
    (
        'Singers prize **legato** (Italian for "tied"): a smooth line with no breaks between '
        "notes.",
        {("legato", "definition", "a smooth line with no breaks between notes")},
        set(),
    ),
    (
        "Quicksort splits the array around a **pivot** (see below): the element picked first.",
        set(),
        {("pivot", "definition", "the element picked first")},
    ),
    # a table row's first cell is its head: a bracket there gives the row's thing another name
    (
        "| Distance | Swim | Run |\n|---|---|---|\n| Sprint | 750 m | 5 km |\n"
        "| Olympic (standard) | 1.5 km | 10 km |\n",
        {("olympic", "alias", "standard")},
        set(),
    ),
    # a measure in two units of one system is one conversion
    (
        "- **Height:** 1.85 m (6 ft 1 in)\n- **Weight:** 80 kg\n",
        {("1.85 m", "alias", "6 ft 1 in")},
        set(),
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_form(
    answer: str, present: Items, absent: Items, linguistic_items: Callable[..., Items]
) -> None:
    got = linguistic_items(answer)
    assert present <= got, (present - got, got)
    assert not (absent & got), absent & got


def test_a_description_before_a_bare_term_renames_nothing(
    linguistic_items: Callable[..., Items],
) -> None:
    """A description set before a term renames it when the term takes an article ("a female
    solo singer, the **pesindhèn**"); a bare term after a comma is a list's next member or the
    subject after an opening phrase."""
    got = linguistic_items(
        "The music is led by a female solo singer, the **pesindhèn**, and a male chorus.\n\n"
        "For the dough you need cold water, fine salt, **butter**, and flour.\n\n"
        "At the river's mouth, **deltas**, fan-shaped deposits of silt, build out to sea."
    )
    assert ("pesindhèn", "definition", "female solo singer") in got
    assert not any(term in ("butter", "deltas") for term, kind, _ in got if kind == "definition")
