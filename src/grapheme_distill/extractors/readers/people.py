"""Who someone is: nationality and occupation from "X was an English mathematician, logician and
writer", "the Italian engineer Luigi Menabrea", "the muralist Diego Rivera", "Pablo Neruda, a
Chilean poet and diplomat,", and the years of a life from "Frida Kahlo (1907–1954)".

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
        "senator",
        "governor",
        "mayor",
        "minister",
        "chancellor",
        "ambassador",
        "officer",
        "professor",
        "teacher",
        "researcher",
        "logician",
    }
)


# the occupation is a known one, so that "a Mexican painter known for ..." backtracks onto it
_KNOWN = "(?:" + "|".join(sorted(_OCCUPATIONS | _GROUPS, key=len, reverse=True)) + ")"
# more occupations coordinated with the first ("a British mathematician, logician and computer
# scientist"): one or two lower-case words each, up to a comma, "and", a parenthesis or the end
_MORE = (
    r"(?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?"
    r"(?=\s*(?:,|\b(?:and|who|whose|known|best|from|of|in|at|with)\b|\(|;|\.|$)))*)"
)
_IS_A = re.compile(
    rf"^(?P<x>{_NAME})(?:\s*\([^)]*\))?\s+(?:was|is|were|are)\s+(?:an?|the)\s+(?:(?:[a-z]+ly|famous|renowned|celebrated|"
    rf"influential|leading|prominent|pioneering|great|important|noted)\s+)?(?:(?P<nat>{_NAT}(?:-{_NAT1})?)\s+)?"
    rf"{_MOD}(?P<occ>{_KNOWN})\b{_MORE}(?P<rest>.*)$"
)
# "the (Italian) engineer Luigi Menabrea", "the muralist Diego Rivera": a role before the name
_APPOS = re.compile(
    rf"\b(?:the|an?)\s+(?:(?P<nat>{_NAT})\s+)?{_MOD}(?P<occ>{_KNOWN})\s+(?P<x>{_NAME})"
)
# "Pablo Neruda, a Chilean poet and diplomat,", "William Roth, the Delaware senator who ...":
# the role after the name, set off by a comma
_APPOS_AFTER = re.compile(
    rf"(?P<x>{_NAME}),\s+(?:an?|the)\s+(?:(?P<nat>{_NAT})\s+)?{_MOD}(?P<occ>{_KNOWN})\b{_MORE}"
    r"(?=\s*(?:,|\bwho\b|\bwhose\b|\(|;|\.|$))"
)
# a coordinated word is an occupation when it names an agent ("logician", "diplomat",
# "computer scientist"), not a quality ("and writer" yes, "and famous" no)
_AGENT = re.compile(r"(?:ist|ian|er|or|eer|ant|man|woman|ess|at|ic|wright|smith)$")


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
            if who is not None and who.group("occ") in _GROUPS and who.group("nat"):
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
                yield from _who(who, "people.is_a", span, hedged)
            for a in _APPOS.finditer(text):
                if a.group("occ") in _OCCUPATIONS:
                    yield from _who(a, "people.appos", span, hedged)
            for a in _APPOS_AFTER.finditer(text):
                if a.group("occ") in _OCCUPATIONS:
                    yield from _who(a, "people.appos", span, hedged)


def _who(
    m: re.Match[str], construction: str, span: tuple[int, int], hedged: bool
) -> Iterator[Fact]:
    """Nationality (when given) and each occupation of the person a match describes."""
    person = Name(clean_name(m.group("x")), "PERSON")
    if m.group("nat"):
        yield Fact(
            "relation",
            construction,
            span,
            person,
            Name(m.group("nat"), "NORP"),
            "nationality",
            hedged=hedged,
        )
    occupations = [_occupation(m.group("mod"), m.group("occ"))]
    more = m.groupdict().get("more") or ""
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", more):
        word = item.strip()
        if word and (word.split()[-1] in _OCCUPATIONS or _AGENT.search(word.split()[-1])):
            occupations.append(word)
        elif word:
            break  # "a painter and famous": the list of occupations ends
    for occ in occupations:
        yield Fact("relation", construction, span, person, Name(occ), "occupation", hedged=hedged)


def _occupation(modifier: str | None, noun: str) -> str:
    """The occupation with its hyphenated modifier ("anti-apartheid activist", not "self-taught");
    a plain modifier is a genre or a field ("jazz trumpeter"), said apart from the occupation."""
    if modifier is None or "-" not in modifier or modifier in _PRAISE:
        return noun
    return f"{modifier} {noun}"


_PRAISE = frozenset({"self-taught", "world-famous", "well-known", "award-winning"})
