"""Hierarchy constructions that generalise (issue 11, fourth session): each case was written
before the rule that reads it, in words of its own (not copied from an answer set).

The cases pin what the whole of a list or sentence is — a noun with "a" is never the answer's
topic ("the band" is); a bare kind word ("types"), "ones" or an adjective
("Original line-up") names no whole — and which constructions name
children: "X is divided into three branches: the A, the B and the C", "The inner planets are A,
B, C and D", Hearst's "NP such as A, B and C", "A, B and C are its members", a plural title
over proper names ("**Inner planets**").  The ``absent`` sets pin precision.
"""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document


def _pairs(answer: str, prompt: str = "") -> set[tuple[str, str]]:
    """Hierarchy (parent, child) pairs, lower-cased, whatever the label."""
    return {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_document(answer, prompt)[1]
        if f.kind == "hierarchy" and f.object is not None
    }


CASES = [
    pytest.param(
        "The Rolling Stones are an English rock band. The band is made up of Mick Jagger, Keith "
        "Richards and Ronnie Wood.",
        "Who are the Rolling Stones?",
        {("rolling stones", "mick jagger"), ("rolling stones", "ronnie wood")},
        set(),
        id="the-class-noun-is-the-topic",
    ),
    pytest.param(
        "All true teas come from one plant. The main types are:\n\n"
        "| Type | Oxidation |\n|---|---|\n| Green tea | None |\n| Black tea | Full |\n"
        "| Oolong | Partial |\n",
        "What kinds of tea are there?",
        {("tea", "green tea"), ("tea", "oolong")},
        {("types", "green tea"), ("types", "oolong")},
        id="a-bare-kind-word-is-no-whole",
    ),
    pytest.param(
        "The city council is divided into three committees: the planning, the finance and the "
        "transport committee.",
        "",
        {("city council", "finance committee"), ("city council", "transport committee")},
        set(),
        id="divided-into-shared-head-noun",
    ),
    pytest.param(
        "Reptiles are split into four groups:\n\n"
        "- **Crocodilians** – large semi-aquatic hunters such as the gharial and caimans\n"
        "- **Squamates** – the largest group\n",
        "What are reptiles?",
        {("reptiles", "crocodilians"), ("reptiles", "squamates")},
        {("crocodilians", "large semi-aquatic hunters"), ("crocodilians", "caimans")},
        id="a-gloss-with-such-as-is-no-list-of-examples",
    ),
    pytest.param(
        "Reptiles are split into four groups:\n\n"
        "- Squamates, including geckos, iguanas and pythons\n"
        "- Turtles, including interest\n",
        "What are reptiles?",
        {("squamates", "geckos"), ("squamates", "pythons")},
        {("turtles", "interest")},
        id="including-two-or-more-names-are-examples",
    ),
    pytest.param(
        "Talking Heads were an American band.\n\n**Original line-up:**\n"
        "- David Byrne – guitar, vocals\n- Tina Weymouth – bass\n- Chris Frantz – drums\n",
        "Tell me about Talking Heads.",
        {("talking heads", "david byrne"), ("talking heads", "chris frantz")},
        {("original", "david byrne"), ("david byrne", "guitar"), ("david byrne", "vocals")},
        id="members-have-no-examples-and-an-adjective-is-no-whole",
    ),
    pytest.param(
        "Chemistry has several major fields. The main ones are:\n\n"
        "- **Organic chemistry** – carbon compounds\n- **Inorganic chemistry** – the rest\n",
        "What are the branches of chemistry?",
        {("chemistry", "organic chemistry"), ("chemistry", "inorganic chemistry")},
        {("ones", "organic chemistry")},
        id="ones-is-no-whole",
    ),
    pytest.param(
        "A sonnet is a kind of poem. A villanelle is a type of poem from France.",
        "What is a sonnet?",
        {("poem", "sonnet"), ("poem", "villanelle")},
        {("poem from france", "sonnet"), ("poem from france", "villanelle")},
        id="an-indefinite-noun-is-not-the-topic",
    ),
    pytest.param(
        "The winners were announced in May. The reasons are simple: cost, speed and safety.",
        "",
        set(),
        {("reasons", "cost"), ("winners", "may")},
        id="the-group-are-not-names",
    ),
    pytest.param(
        "The Benelux Union is a political and economic union. Belgium, the Netherlands and "
        "Luxembourg are its members.",
        "What is the Benelux Union?",
        {("benelux union", "belgium"), ("benelux union", "luxembourg")},
        {("belgium", "netherlands")},
        id="names-are-its-members",
    ),
    pytest.param(
        "The outer moons of the system are small. The Galilean moons are Io, Europa, Ganymede and "
        "Callisto.",
        "",
        {("galilean moons", "io"), ("galilean moons", "callisto")},
        set(),
        id="the-group-are-names",
    ),
    pytest.param(
        "The quartet is a chamber group. The founding members were Anna Berg, Lucas Moreau and "
        "Ida Kranz.",
        "Tell me about the Aurora Quartet.",
        {("aurora quartet", "anna berg"), ("aurora quartet", "ida kranz")},
        set(),
        id="the-founding-members-were-names",
    ),
    pytest.param(
        "Its main exports are coffee, bananas and gold. The best years were 1998 and 2004.",
        "Tell me about Colombia.",
        set(),
        {("main exports", "coffee"), ("colombia", "coffee"), ("best years", "1998")},
        id="the-plural-noun-are-values-is-no-group",
    ),
    pytest.param(
        "The port handles bulk cargo such as coal, iron ore and grain. For heavy loads, use a "
        "crane such as the Liebherr LHM 550.",
        "",
        {("bulk cargo", "coal"), ("bulk cargo", "grain"), ("crane", "liebherr lhm 550")},
        {("heavy loads", "crane"), ("loads", "crane")},
        id="hearst-such-as",
    ),
    pytest.param(
        "Metoprolol belongs to a class of drugs called beta blockers. In situations such as this, "
        "rest. Many things, such as money and time, matter.",
        "",
        {("beta blockers", "metoprolol")},
        {("class of drugs", "metoprolol"), ("situations", "this"), ("things", "money")},
        id="class-called-and-generic-heads",
    ),
    pytest.param(
        "Types of drills to buy:\n\n- Hammer drills\n- Impact drivers\n",
        "",
        {("drills", "hammer drills")},
        {("drills to", "hammer drills")},
        id="kinds-of-x-to-verb",
    ),
    pytest.param(
        "A bike has two main parts:\n\n| Part | Role |\n|---|---|\n| Frame | holds it |\n"
        "| Wheels | roll |\n\nThe frame itself consists of a head tube and a down tube.",
        "",
        {("bike", "frame"), ("frame", "head tube")},
        {("frame itself", "head tube")},
        id="itself-is-no-part-of-the-name",
    ),
    pytest.param(
        "A rope is made of strands, and each strand has three parts:\n\n- a core\n- a sheath\n",
        "",
        {("strand", "core"), ("strand", "sheath")},
        {("rope", "core"), ("each strand", "core")},
        id="the-clause-before-the-colon-names-the-whole",
    ),
    pytest.param(
        "They signed treaties including the Treaty of Paris and the Treaty of Ghent.",
        "",
        {("treaties", "treaty of paris"), ("treaties", "treaty of ghent")},
        {("they signed treaties", "treaty of paris")},
        id="a-pronoun-is-no-part-of-the-group",
    ),
    pytest.param(
        "The Moon's seas fall into two groups.\n\n**Near-side seas**\n- Mare Imbrium\n"
        "- Mare Serenitatis\n\n**Notable craters**\n- Tycho\n- Copernicus\n",
        "",
        {("near-side seas", "mare imbrium"), ("near-side seas", "mare serenitatis")},
        {("notable craters", "tycho"), ("craters", "tycho")},
        id="a-plural-title-over-proper-names-is-their-group",
    ),
    pytest.param(
        "Owls are birds, which means they lay eggs. Bats are mammals, so they nurse their young.",
        "",
        {("birds", "owls"), ("mammals", "bats")},
        set(),
        id="xs-are-ys-with-a-comment-after-the-comma",
    ),
]


@pytest.mark.parametrize(("answer", "prompt", "present", "absent"), CASES)
def test_hierarchy_general(
    answer: str, prompt: str, present: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    pairs = _pairs(answer, prompt)
    assert present <= pairs, f"missing {present - pairs}; got {sorted(pairs)}"
    assert not absent & pairs, f"unexpected {absent & pairs}"
