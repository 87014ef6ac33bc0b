"""How far back a bracket's term reaches (issue 11, seventeenth session): when two readers take
one bracket's term to different starts, the noun phrase is the term, not its last word.  Each
case is a small answer of our own words; ``present`` items must be read ((term, kind, value),
lower case), ``absent`` must not be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, Items, Items]] = [
    # a list item that is a noun phrase and its scientific name: the item's head, not its noun
    (
        "Members include:\n- **Garden plants**\n  - sweet pea (*Lathyrus odoratus*)\n"
        "  - common foxglove (*Digitalis purpurea*)\n",
        {
            ("sweet pea", "alias", "lathyrus odoratus"),
            ("common foxglove", "alias", "digitalis purpurea"),
        },
        {("pea", "alias", "lathyrus odoratus"), ("foxglove", "alias", "digitalis purpurea")},
    ),
    # a highlighted two-word term glossed in brackets
    (
        "- **Strings**\n  - **Violins** — two sections\n"
        "    - **second violin** (the inner part), who fills the harmony\n",
        {("second violin", "definition", "the inner part")},
        {("violin", "synonym", "inner part")},
    ),
    # an item's head of coordinated adjectives and a noun
    (
        "## Parts\n\n- **Low and deep voices (bottom parts)**\n  - **Bass** — the lowest part\n",
        {("low and deep voices", "alias", "bottom parts")},
        {("voices", "synonym", "bottom parts")},
    ),
    # a capitalised name after "and" is the one the bracket names: it is kept
    (
        "Aid came from the Danish Red Cross and the Norwegian Red Cross (Norsk Folkehjelp).",
        {("norwegian red cross", "alias", "norsk folkehjelp")},
        set(),
    ),
]


CASES += [
    # a plain adjective of size, colour or age opens the term before a plain-words bracket, as
    # an -al or -ic one does ("renal failure"); a verb before the noun does not
    (
        "Barriers hold back high tides (storm surges) each winter.",
        {("high tides", "synonym", "storm surges")},
        {("tides", "synonym", "storm surges")},
    ),
    (
        "Skipping the liquid stage, dry ice (solid carbon dioxide) turns straight to gas.",
        {("dry ice", "synonym", "solid carbon dioxide")},
        {("ice", "synonym", "solid carbon dioxide")},
    ),
    (
        "The recipe uses a cheap sweet wine (marsala wine).",
        {("sweet wine", "synonym", "marsala wine")},
        {("wine", "synonym", "marsala wine")},
    ),
]


CASES += [
    # a substance and its formula in brackets: the substance's name, not the verb before it; an
    # acronym the words before spell, or a disease's short form, is no formula
    (
        "Leaves release oxygen (O₂) and take in carbon dioxide (CO₂). Table salt is sodium "
        "chloride (NaCl).",
        {
            ("oxygen", "abbreviation", "o₂"),
            ("carbon dioxide", "abbreviation", "co₂"),
            ("sodium chloride", "abbreviation", "nacl"),
        },
        {("release oxygen", "alias", "o₂")},
    ),
    (
        "Type 1 diabetes (T1D) is autoimmune. The swine flu (H1N1) spread in 2009.",
        {("type 1 diabetes", "abbreviation", "t1d")},
        {("diabetes", "abbreviation", "t1d"), ("flu", "abbreviation", "h1n1")},
    ),
]


CASES += [
    # a bracket that opens with a question word glosses a capitalised term opening the sentence
    # as it glosses a lower-case one ("a capitalised term may be a name" does not hold for it)
    (
        "**Hardness** (how well a mineral resists scratching) is measured on the Mohs scale.",
        {("hardness", "definition", "how well a mineral resists scratching")},
        set(),
    ),
]


CASES += [
    # one word for another after "of", as after an article; not a modifier inside a noun
    # phrase whose noun follows the bracket
    (
        "The broth is a stock of kombu (kelp) and dried fish.",
        {("kombu", "synonym", "kelp")},
        set(),
    ),
    (
        "Atoms in a group share the number of outer (valence) electrons.",
        set(),
        {("outer", "synonym", "valence")},
    ),
]


CASES += [
    # a short form right after the term the answer highlights is that term's, though its
    # letters are not the term's initials; a two-letter code or a regnal number is not
    (
        "The smell comes from a compound called **geosmin-like terpene** (GLT3), which soil "
        "bacteria make. **Shared ownership** (UK) suits some buyers.",
        {("geosmin-like terpene", "abbreviation", "glt3")},
        {("shared ownership", "abbreviation", "uk")},
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_bracket_term_extent(
    linguistic_items: Callable[[str], Items], answer: str, present: Items, absent: Items
) -> None:
    items = linguistic_items(answer)
    assert present <= items, present - items
    assert not absent & items, absent & items
