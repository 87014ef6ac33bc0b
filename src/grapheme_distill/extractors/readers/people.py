"""Who someone is: nationality and occupation from "X was an English mathematician and writer",
"the Italian engineer Luigi Menabrea", "the muralist Diego Rivera", and the years of a life from
"Frida Kahlo (1907–1954)".

Answers state these in a handful of fixed shapes, and annotators record them as relations
(``nationality``, ``occupation``, ``born_in_year``, ``died_in_year``) rather than as an is-a
label, so they are read here by shape instead of being left to the clause reader's ``is_a``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged

__all__ = ["read_people"]

_NAT1 = r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|ch|sh|ic|i|ss|ot)|Greek|Thai|Dutch|Swiss|French|English|Welsh|Irish|Scottish)"
# "South African", "Sri Lankan", "Costa Rican": a nationality of two words
_NAT = rf"(?:(?:South|North|East|West|Central|Sri|Saudi|Costa|Puerto|El)\s+)?{_NAT1}"
# between nationality and occupation: a hyphenated modifier is part of the occupation
# ("anti-apartheid activist"); a plain one ("jazz trumpeter") or a capitalised one (a school or
# movement: "Post-Impressionist painter") is not
_MOD = r"(?:(?P<mod>[a-z][a-z\-]+)\s+)?(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+)?"
_NAME = r"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|de|da|di|van|von|y|del|la|le))*"
_OCC = r"[a-z][a-z\-]+(?:\s+(?:and|or)\s+[a-z][a-z\-]+)?"
_LIFESPAN = re.compile(
    rf"(?P<x>{_NAME})[*_]*\s*\((?:c\.\s*)?(?P<b>\d{{3,4}})\s*[\u2013\u2014-]\s*(?:c\.\s*)?"
    rf"(?P<d>\d{{3,4}})\)"
)
# groups of people: they have a nationality ("an English rock band") but no occupation
_GROUPS = frozenset({"band", "group", "duo", "trio", "quartet", "orchestra", "choir", "ensemble"})
_OCCUPATIONS = frozenset(
    {
        "mathematician",
        "writer",
        "painter",
        "composer",
        "physicist",
        "chemist",
        "engineer",
        "poet",
        "novelist",
        "philosopher",
        "scientist",
        "inventor",
        "architect",
        "sculptor",
        "muralist",
        "artist",
        "actor",
        "actress",
        "singer",
        "songwriter",
        "musician",
        "pianist",
        "violinist",
        "guitarist",
        "drummer",
        "trumpeter",
        "saxophonist",
        "conductor",
        "director",
        "filmmaker",
        "producer",
        "politician",
        "statesman",
        "lawyer",
        "judge",
        "economist",
        "historian",
        "astronomer",
        "biologist",
        "botanist",
        "naturalist",
        "geologist",
        "explorer",
        "navigator",
        "general",
        "admiral",
        "soldier",
        "emperor",
        "king",
        "queen",
        "monarch",
        "president",
        "journalist",
        "editor",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "industrialist",
        "banker",
        "physician",
        "doctor",
        "surgeon",
        "nurse",
        "psychologist",
        "sociologist",
        "linguist",
        "playwright",
        "dramatist",
        "footballer",
        "cyclist",
        "athlete",
        "tennis",
        "boxer",
        "swimmer",
        "runner",
        "chef",
        "designer",
        "photographer",
        "programmer",
        "computer",
        "activist",
        "theologian",
        "priest",
        "monk",
        "nun",
        "missionary",
        "diplomat",
        "aviator",
        "pilot",
        "astronaut",
        "cosmonaut",
        "mountaineer",
        "biochemist",
        "geneticist",
        "neuroscientist",
        "critic",
        "cartoonist",
        "illustrator",
        "dancer",
        "choreographer",
        "comedian",
        "rapper",
        "poet-philosopher",
    }
)


# the occupation is a known one, so that "a Mexican painter known for ..." backtracks onto it
_KNOWN = "(?:" + "|".join(sorted(_OCCUPATIONS | _GROUPS, key=len, reverse=True)) + ")"
_IS_A = re.compile(
    rf"^(?P<x>{_NAME})(?:\s*\([^)]*\))?\s+(?:was|is|were|are)\s+(?:an?|the)\s+(?:(?:[a-z]+ly|famous|renowned|celebrated|"
    rf"influential|leading|prominent|pioneering|great|important|noted)\s+)?(?P<nat>{_NAT}(?:-{_NAT1})?)\s+"
    rf"{_MOD}(?P<occ>{_KNOWN})\b(?:\s*(?:,|and)\s+(?P<occ2>[a-z][a-z\-]+))?(?P<rest>.*)$"
)
_APPOS = re.compile(rf"\b(?:the|an?)\s+(?P<nat>{_NAT})\s+{_MOD}(?P<occ>{_KNOWN})\s+(?P<x>{_NAME})")


def read_people(ctx: ReadContext) -> Iterator[Fact]:
    for block in ctx.doc.blocks:
        if block.role not in ("paragraph", "list_item"):
            continue
        for sent in ctx.sentences(block):
            text = sent.text
            span = block.inline.span(sent.start, sent.end)
            hedged = is_hedged(text)
            for m in _LIFESPAN.finditer(text):
                person = Name(clean_name(m.group("x")), "PERSON")
                if int(m.group("b")) < int(m.group("d")):
                    yield Fact(
                        "relation",
                        "people.lifespan",
                        span,
                        person,
                        Name(m.group("b"), "DATE"),
                        "born_in_year",
                        hedged=hedged,
                    )
                    yield Fact(
                        "relation",
                        "people.lifespan",
                        span,
                        person,
                        Name(m.group("d"), "DATE"),
                        "died_in_year",
                        hedged=hedged,
                    )
            who = _IS_A.match(text)
            if who is not None and who.group("occ") in _GROUPS:
                yield Fact(
                    "relation",
                    "people.is_a",
                    span,
                    Name(clean_name(who.group("x")), "ORG"),
                    Name(who.group("nat"), "NORP"),
                    "nationality",
                    hedged=hedged,
                )
            elif who is not None and who.group("occ") in _OCCUPATIONS:
                person = Name(clean_name(who.group("x")), "PERSON")
                yield Fact(
                    "relation",
                    "people.is_a",
                    span,
                    person,
                    Name(who.group("nat"), "NORP"),
                    "nationality",
                    hedged=hedged,
                )
                for occ in (_occupation(who.group("mod"), who.group("occ")), who.group("occ2")):
                    if occ and occ.split()[-1] in _OCCUPATIONS:
                        yield Fact(
                            "relation",
                            "people.is_a",
                            span,
                            person,
                            Name(occ),
                            "occupation",
                            hedged=hedged,
                        )
            for a in _APPOS.finditer(text):
                if a.group("occ") not in _OCCUPATIONS:
                    continue
                person = Name(clean_name(a.group("x")), "PERSON")
                yield Fact(
                    "relation",
                    "people.appos",
                    span,
                    person,
                    Name(a.group("nat"), "NORP"),
                    "nationality",
                    hedged=hedged,
                )
                yield Fact(
                    "relation",
                    "people.appos",
                    span,
                    person,
                    Name(_occupation(a.group("mod"), a.group("occ"))),
                    "occupation",
                    hedged=hedged,
                )


def _occupation(modifier: str | None, noun: str) -> str:
    """The occupation with its hyphenated modifier ("anti-apartheid activist", not "self-taught");
    a plain modifier is a genre or a field ("jazz trumpeter"), said apart from the occupation."""
    if modifier is None or "-" not in modifier or modifier in _PRAISE:
        return noun
    return f"{modifier} {noun}"


_PRAISE = frozenset({"self-taught", "world-famous", "well-known", "award-winning"})
