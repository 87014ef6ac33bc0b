"""Hierarchy constructions that generalise (issue 11, fourth session): each case was written
before the rule that reads it, in words of its own (not copied from an answer set).

The cases pin what the whole of a list or sentence is — a noun with "a" is never the answer's
topic, the topic's class noun with "the" is; a bare kind word ("types"), "ones" or an adjective
("Original line-up") names no whole — and which constructions name
children: "X is divided into three branches: the A, the B and the C", "The inner planets are A,
B, C and D", examples after "such as" / "including" in a glossary item.  The ``absent`` sets pin
precision.
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
]


@pytest.mark.parametrize(("answer", "prompt", "present", "absent"), CASES)
def test_hierarchy_general(
    answer: str, prompt: str, present: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    pairs = _pairs(answer, prompt)
    assert present <= pairs, f"missing {present - pairs}; got {sorted(pairs)}"
    assert not absent & pairs, f"unexpected {absent & pairs}"
