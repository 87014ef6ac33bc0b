"""The plausibility check every hierarchy edge passes (readers/hierarchy_names.py,
``plausible_edge``): shapes no whole or part has, whatever construction read the pair."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy import read_lists
from grapheme_distill.extractors.readers.hierarchy_learned import read_hierarchy
from grapheme_distill.extractors.readers.hierarchy_names import plausible_edge
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        ("Races and", "medley relay"),  # a heading cut mid-phrase
        ("What's a JWT and what", "JWS"),  # the prompt's question
        ("eleven countries", "Uganda"),  # a count of things, not a class
        ("21 stages", "prologue"),
        ("thing", "reflection"),  # "that kind of thing"
        ("everything in Python", "int"),
        ("hold mixed types", "1"),  # a number is no part
        ("they store energy as glycogen", "animals"),  # a clause
        ("for attacks", "aspirin"),  # a purpose
        ("Triggers to avoid", "cold air"),  # a phrase, not a title
        ("rub a thin coat of neutral", "handle"),
        ("filo pastry", "in baklava"),  # a phrase's tail
        ("green tea", "sencha their grassy taste"),
        ("I just", "tenor"),  # the asker of "I just joined a choir …", not a whole
        ("Tour de France", "21 stages"),  # a count of the parts, not a part
        ("river basin", "eleven countries"),
        # a rank or kind word alone points back to the taxon or group named before it
        ("class", "squid"),  # "Besides octopuses, the class includes squid"
        ("the family", "Gulo"),
        ("subfamily", "Felinae"),
        ("This group", "Ringo Starr"),
        # so does a division or stratum word alone ("This division includes the limbs …")
        ("division", "limbs"),
        ("the section", "cellos"),
        ("This layer", "ozone"),
        ("the species", "Bengal tiger"),
        # a names word names what a thing is called, not a class it belongs to
        ("brand names", "Glucophage"),  # "brand names include Glucophage": an alias
        ("common names", "ling"),
        ("nicknames", "Boss"),
        # a lead-in's verb read into the whole ("The World Bank Group is divided into five
        # institutions:": the noun "Group" was taken for the verb "group … into")
        ("is divided", "IBRD"),
        ("are grouped", "sedans"),
        ("companies fall", "Tata Steel"),  # "Tata Group companies fall into three groups:"
        ("guitars come", "archtop"),
    ],
)
def test_implausible_edges(parent: str, child: str) -> None:
    assert not plausible_edge(parent, child)


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        ("Lymphatic vessels", "Collecting vessels"),
        ("Five Pillars of Islam", "Shahada"),  # a capitalised count is a name
        ("Solar System", "Mars"),
        ("Department of Defense", "Army"),
        ("The Beatles", "Ringo Starr"),
        ("Laws of the Game", "Law 11"),  # a title keeps its words capitalised
        ("A Night at the Opera", "Bohemian Rhapsody"),
        ("Triggers", "cold air"),
        ("Git", "tools for managing the repository"),
        ("Planets of the inner solar system", "Mercury"),  # a preposition's article
        ("Io", "Io Patera"),  # a name that opens with the letters of a pronoun
        ("heptathlon", "800 metres"),  # a distance names an event
        ("Day two", "110 metres hurdles"),
        ("Pleiades", "Seven Sisters"),  # a capitalised count is a name
        ("executive branch", "President"),  # a rank or kind word with its modifier names a whole
        ("Buendía family", "Aureliano"),
        ("Mapping type", "dict"),
        ("Group 1", "lithium"),
        ("string section", "cellos"),  # a division word with its modifier names a whole
        ("Appendicular skeleton", "Pelvic girdle"),
        ("Will Smith", "Jaden Smith"),  # a capitalised name that opens like a verb
        ("Can Tho", "Ninh Kieu"),
        ("Niagara Falls", "Horseshoe Falls"),
        ("autumn fall", "leaf drop"),  # "fall" after no plural: a noun
    ],
)
def test_plausible_edges(parent: str, child: str) -> None:
    assert plausible_edge(parent, child)


def test_reader_drops_a_placeholder_whole_from_the_prompt() -> None:
    # "that kind of thing" in the prompt named no kind of the glossary's terms (gate answers:
    # six wrong pairs "thing > reflection", …)
    text = (
        "## How light behaves\n\n"
        "- **Reflection** — light bouncing off a surface.\n"
        "- **Refraction** — the bending of light as it passes into another medium.\n"
        "- **Dispersion** — the splitting of white light into colours.\n"
    )
    ctx = ReadContext.of(
        parse_document(text),
        "Can you give me a glossary of basic optics terms? Reflection, refraction, that kind "
        "of thing.",
    )
    facts = list(read_hierarchy(ctx, [*read_lists(ctx), *read_prose_hierarchy(ctx)]))
    parents = {f.subject.text.lower() for f in facts if f.kind == "hierarchy"}
    assert "thing" not in parents


@pytest.mark.parametrize(
    ("parent", "child"),
    [("Related terms", "rock cycle"), ("Special rules", "castling"), ("Key takeaways", "save")],
)
def test_discourse_nouns_name_no_whole(parent: str, child: str) -> None:
    # a list of the answer's terms, rules or tips holds no parts, kinds or members of them
    assert not plausible_edge(parent, child)


def test_prompt_kind_stays_off_a_clause_heading() -> None:
    # "What is X made of?" names parts, but the disorders under "When it goes wrong" are none
    from grapheme_distill.extractors.readers import read_document

    text = (
        "# The heart\n\nThe **heart** pumps blood around the body.\n\n"
        "## When it goes wrong\n\n"
        "- **Arrhythmia**: an irregular heartbeat.\n"
        "- **Heart failure**: the heart cannot pump enough blood.\n"
    )
    _, facts = read_document(text, "What is the heart made of?")
    pairs = {
        (f.subject.text.lower(), f.object.text.lower()) for f in facts if f.kind == "hierarchy"
    }
    assert ("heart", "arrhythmia") not in pairs
    assert ("heart", "heart failure") not in pairs


def test_a_group_name_before_a_lead_in_verb_is_no_verb() -> None:
    # "Group is divided into" read as the verb "group … into" gave the whole "is divided"
    text = (
        "The Harbour Group is divided into three companies:\n\n"
        "- **Harbour Ferries**: passenger boats\n"
        "- **Harbour Freight**: container shipping\n"
        "- **Harbour Docks**: repair yards\n"
    )
    ctx = ReadContext.of(parse_document(text), "What does the Harbour Group do?")
    facts = list(read_hierarchy(ctx, [*read_lists(ctx), *read_prose_hierarchy(ctx)]))
    parents = {f.subject.text.lower() for f in facts if f.kind == "hierarchy"}
    assert "is divided" not in parents
