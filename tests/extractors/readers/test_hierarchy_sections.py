"""Tables read as structure (``readers/hierarchy_sections.py``, tenth session): a numbered table
names its things in the first column after the numbers; a cell is completed by the noun the
answer writes after it ("Floor" under "| Layer |" is the "floor layer" when the answer says so); an
"Examples" column, or a comparison table's "Examples" row, lists members of its row's or
column's thing, when they are names.  Cases in words of their own, not copied from an answer set."""

from __future__ import annotations

import pytest

from tests.extractors.readers.conftest import hierarchy_pairs as _pairs

NUMBERED = (
    "A **rainforest** grows in three storeys.\n\n"
    "| # | Layer | Light | Examples |\n|---|---|---|---|\n"
    "| 1 | Emergent | Full sun | Kapok, Brazil nut |\n"
    "| 2 | Middle | Dappled | Strangler fig, Monstera |\n"
    "| 3 | Floor | Under 2 % | fungi, leaf litter |\n\n"
    "The emergent layer takes the wind; the floor layer stays dark and damp."
)


def test_a_numbered_table_names_its_things_after_the_numbers() -> None:
    pairs = _pairs(NUMBERED, "How is a rainforest layered?")
    assert ("rainforest", "emergent layer") in pairs
    assert ("rainforest", "middle layer") in pairs  # most rows are said so: all are joined
    assert not any(child in {"1", "2", "3"} for _, child in pairs)


def test_an_examples_column_lists_members_of_its_row() -> None:
    pairs = _pairs(NUMBERED, "How is a rainforest layered?")
    assert {
        ("emergent layer", "kapok"),
        ("emergent layer", "brazil nut"),
        ("middle layer", "monstera"),
    } <= pairs
    assert not any(p == "floor layer" for p, _ in pairs)  # lower-case examples: descriptions


def test_a_cell_is_joined_only_with_a_noun_the_answer_writes() -> None:
    answer = (
        "Three moons stand out.\n\n| Moon | Planet |\n|---|---|\n| Titan | Saturn |\n"
        "| Europa | Jupiter |\n| Triton | Neptune |\n"
    )
    names = {c for _, c in _pairs(answer, "Which moons are notable?")}
    assert not any(n.endswith(" moon") for n in names)


def test_a_comparison_tables_examples_row_gives_members_of_each_column() -> None:
    answer = (
        "All three are kinds of bread, made with different leavening.\n\n"
        "| | Sourdough | Soda | Yeast |\n|---|---|---|---|\n"
        "| Leavening | wild culture | baking soda | baker's yeast |\n"
        "| Known examples | Pain de campagne | Irish brown (farl) | Baguette, Brioche |\n\n"
        "Sourdough bread keeps longest; soda bread is the quickest, and yeast bread the lightest."
    )
    pairs = _pairs(answer, "How do sourdough, soda and yeast bread differ?")
    assert {
        ("sourdough bread", "pain de campagne"),
        ("soda bread", "irish brown"),
        ("yeast bread", "baguette"),
        ("yeast bread", "brioche"),
    } <= pairs
    assert not any(p == "leavening" or c == "wild culture" for p, c in pairs)


def test_a_column_the_answer_also_names_alone_is_not_joined() -> None:
    # most columns are written with "bread" (so all would be joined), but the answer names the
    # soda kind alone outside the table: its own form is the bare name (thirty-third session)
    answer = (
        "All three are kinds of bread, made with different leavening.\n\n"
        "| | Sourdough | Soda | Yeast |\n|---|---|---|---|\n"
        "| Leavening | wild culture | baking soda | baker's yeast |\n"
        "| Known examples | Pain de campagne | Irish brown (farl) | Baguette, Brioche |\n\n"
        "- **Sourdough bread** keeps longest.\n"
        "- **Soda** is the quickest to make.\n"
        "- **Yeast bread** is the lightest.\n"
    )
    pairs = _pairs(answer, "How do sourdough, soda and yeast bread differ?")
    assert {("sourdough bread", "pain de campagne"), ("soda", "irish brown")} <= pairs
    assert ("soda bread", "irish brown") not in pairs


def test_a_sentence_counting_the_rows_kinds_is_the_tables_lead_in() -> None:
    # no colon before the table: the sentence that counts its kinds, as many as its rows, leads
    # it in (as it does sub-headings); a count that differs from the rows leads nothing in
    table = (
        "| Bread | Leavening |\n|---|---|\n| Sourdough | wild culture |\n| Soda bread | soda |\n"
    )
    counted = "There are two main kinds of bread, both very old.\n\n" + table
    assert {("bread", "sourdough"), ("bread", "soda bread")} <= _pairs(counted)
    miscounted = "There are three main kinds of bread.\n\n" + table
    assert not any(p == "bread" for p, _ in _pairs(miscounted))


def test_a_column_named_before_another_noun_is_still_joined() -> None:
    # "Floor plants" writes the floor's name before a noun, not alone: most rows are said with
    # "layer", so the floor is the "floor layer" still (review mend of the thirty-third session)
    answer = NUMBERED.replace(
        "the floor layer stays dark and damp.",
        "the middle layer is shaded.\n\nFloor plants need shade.",
    )
    pairs = _pairs(answer, "How is a rainforest layered?")
    assert ("rainforest", "floor layer") in pairs
    assert ("rainforest", "floor") not in pairs


_TABLE = "| Lake | Area |\n|---|---|\n| Superior | 82,100 km² |\n| Erie | 25,700 km² |\n"


@pytest.mark.parametrize(
    ("text", "present", "absent_words"),
    [
        pytest.param(  # sub-headings as many as the lead-in counts are its children
            "Living cetaceans are split into two groups:\n\n"
            "## Baleen whales\nThey filter krill.\n\n## Toothed whales\nThey hunt prey.\n",
            {("cetaceans", "baleen whales")},
            set(),
            id="counted-sub-headings",
        ),
        pytest.param(  # fewer than it counts: the answer's own sections
            "A symphony orchestra has 70-100 players, grouped into four sections and led by a "
            "conductor.\n\n## The four sections\nStrings, woodwinds, brass, percussion.\n\n"
            "## Key roles\nThe conductor sets the tempo.\n",
            set(),
            {"four sections", "key roles"},
            id="sub-headings-not-as-counted",
        ),
        pytest.param(  # a heading ending with the table's noun names its group
            "## The Great Lakes\nFive lakes on the border.\n\n" + _TABLE,
            {("great lakes", "superior")},
            set(),
            id="heading-names-the-group",
        ),
        pytest.param(  # one that only mentions it names none
            "## Lakes at a glance\nFive lakes on the border.\n\n" + _TABLE,
            set(),
            {"glance"},
            id="heading-mentions-the-noun",
        ),
    ],
)
def test_headings_over_sections_and_tables(
    text: str, present: set[tuple[str, str]], absent_words: set[str]
) -> None:
    pairs = _pairs(text)
    assert present <= pairs
    assert not any(
        word in parent or word in child for parent, child in pairs for word in absent_words
    )


def test_a_column_of_members_or_contents_lists_each_rows_children() -> None:
    pairs = _pairs(
        "An orchestra seats its players by family.\n\n"
        "| Section | Players | Sound |\n|---|---|---|\n"
        "| Woodwind | flutes, oboes, clarinets | reedy |\n"
        "| Brass | horns, trumpets and tubas | bright |\n\n"
        "A garden shed is laid out in zones.\n\n"
        "| Zone | Contains | Notes |\n|---|---|---|\n"
        "| Bench | seed trays, dibbers | by the window |\n"
        "| Rack | spades, hoes, e.g. a Dutch hoe | on the back wall |\n"
    )
    assert {
        ("woodwind", "oboes"),
        ("brass", "tubas"),
        ("bench", "dibbers"),
        ("rack", "hoes"),
    } <= pairs
    assert ("woodwind", "reedy") not in pairs
    assert ("rack", "dutch hoe") not in pairs  # the example is the hoes', not the rack's
