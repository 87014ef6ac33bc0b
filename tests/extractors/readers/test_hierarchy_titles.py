"""A title that opens with a kind word ("Kind of Blue", "Part of Me") is a name, not a cue: it
must not make its list a hierarchy nor its tail ("Blue so famous") a parent (issue 11)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Name
from grapheme_distill.extractors.readers.hierarchy_titles import titled_by
from grapheme_distill.extractors.readers.phrases import in_title, kind_of


def _edges(text: str, prompt: str = "") -> list[tuple[str, str]]:
    _, facts = read_document(text, prompt)
    return [(f.subject.text, f.object.text) for f in facts if f.kind == "hierarchy" and f.object]


@pytest.mark.parametrize(
    ("prompt", "text"),
    [
        ("Why is Kind of Blue so famous?", "## Kind of Blue\n\n- Miles Davis\n- John Coltrane\n"),
        (
            "Why is Kind of Blue so famous?",
            "Kind of Blue is a 1959 album.\n\nWhy it lasts:\n\n- modal jazz\n- Bill Evans\n",
        ),
        ("Tell me about Part of Me", "## Part of Me\n\n- a 2012 single\n- Katy Perry\n"),
    ],
)
def test_a_title_with_a_kind_word_is_no_parent(prompt: str, text: str) -> None:
    edges = _edges(text, prompt)
    assert not any("so famous" in p or p in ("Blue", "Me") for p, _ in edges), edges


def test_a_plural_kind_heading_still_names_the_children() -> None:
    edges = _edges("## Types of Clouds\n\n- Cirrus\n- Cumulus\n", "What are the types of clouds?")
    assert ("Clouds", "Cirrus") in edges or ("clouds", "Cirrus") in edges


def test_in_title_tells_titles_from_cues() -> None:
    assert in_title("Kind of Blue", 0, 4)
    assert in_title("Why is Kind of Blue so famous?", 7, 11)
    assert not in_title("Types of Clouds", 0, 5)
    assert not in_title("kind of blue", 0, 4)
    assert kind_of("Kind of Blue") is None
    assert kind_of("Why is Kind of Blue so famous?") is None
    assert kind_of("Types of clouds") is not None


def test_a_heading_naming_one_thing_over_bare_names_is_their_group() -> None:
    """Seventeenth session: "### First round" over a numbered list of bare names (no key, gloss
    or sentence) names the group the names are members of; an indefinite item ("a 2012 single")
    or a key ("Rank: Animalia") says something of the heading's thing instead."""
    text = (
        "The contest runs over two rounds.\n\n### First round\n\n1. Sprint\n2. Long throw\n"
        "3. Rope climb\n\n### Second round\n\n1. Relay\n2. High vault\n3. Marathon\n"
    )
    edges = set(_edges(text))
    assert {("First round", "Sprint"), ("First round", "Rope climb")} <= edges
    assert ("Second round", "Marathon") in edges
    facts = "## Part of You\n\n- a 2014 single\n- Kay Parry\n- Top 10 hit\n"
    assert not any(p == "Part of You" for p, _ in _edges(facts, "Tell me about Part of You"))


_PASTRY = (
    "There are a handful of basic pastries.\n\n"
    "## Shortcrust pastry\n\nFlour, fat and water, rubbed together.\n\n"
    "## Puff pastry\n\nDough folded around butter many times.\n\n"
    "## Related terms\n\n"
    "- **Blind baking**: baking a pastry case empty, weighed down with baking beans.\n"
    "- **Lamination**: the process of folding fat into dough to create layers.\n"
)


def test_the_prompts_kind_needs_the_lists_title_to_name_the_whole() -> None:
    """A list under "## Related terms" is another topic: the prompt's "types of pastry" does not
    make its items kinds of pastry (the gates: 1 of 32 such pairs right)."""
    edges = _edges(_PASTRY, "What are the different types of pastry?")
    assert not any(c in ("Lamination", "Blind baking") for _, c in edges), edges


def test_a_heading_that_names_the_prompts_noun_still_takes_its_kind() -> None:
    text = (
        "Living whales fall into two groups.\n\n## Baleen whales (Mysticeti)\n\n"
        "These filter krill. Examples:\n\n- blue whale\n- humpback whale\n- minke whale\n"
    )
    edges = _edges(text, "What kinds of whales are there?")
    assert ("Baleen whales", "blue whale") in edges, edges


@pytest.mark.parametrize(
    ("heading", "titled"),
    [
        ("Charts and maps", False),  # "art" inside "Charts": no word of the title
        ("Smart picks", False),
        ("Modern art", True),
        ("Arts of Asia", True),  # the plural writes the name too
        ("Art classes", True),
        ("Art: a short glossary", True),
    ],
)
def test_a_title_names_the_whole_by_words_not_by_letters(heading: str, titled: bool) -> None:
    """Twenty-third session: ``titled_by`` matched the whole's name as a substring of the title,
    so "art" was written in "Charts" and "parts"; it must be whole words (a plural ending aside)."""
    text = f"## {heading}\n\n- Conservation\n- Curation\n"
    ctx = ReadContext.of(parse_document(text), "What are the different types of art?")
    first = next(b for b in ctx.doc.blocks if b.is_item)
    assert titled_by(ctx, first, Name("art"), heading) is titled


def test_a_count_before_a_proper_group_title_names_the_group() -> None:
    # "The five Great Lakes are:" over the lakes: the count counts, the proper name is the group
    edges = _edges(
        "The five Great Lakes are:\n\n1. Lake Superior\n2. Lake Michigan\n3. Lake Huron\n"
        "4. Lake Erie\n5. Lake Ontario\n",
        "What are the Great Lakes?",
    )
    assert ("Great Lakes", "Lake Superior") in edges and ("Great Lakes", "Lake Erie") in edges


def test_an_owners_group_title_makes_its_names_the_owners() -> None:
    # "The UN's main bodies are:" over proper names: the owner is the whole, not "UN's main bodies"
    edges = _edges(
        "The UN's main bodies are:\n\n- the General Assembly\n- the Security Council\n"
        "- the Secretariat\n",
        "Tell me about the United Nations",
    )
    assert ("UN", "General Assembly") in edges and ("UN", "Secretariat") in edges, edges
    assert not any("bodies" in parent for parent, _ in edges)
