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

from grapheme_distill.extractors.base import is_hedged
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.values import (
    EVENT_NOUNS,
    MONTH_NAMES,
    SentenceFacts,
    prose,
)

__all__ = ["LIFESPAN", "read_people", "role_of"]

_NAT1 = r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|ch|sh|ic|i|ss|ot)|Greek|Thai|Dutch|Swiss|French|English|Welsh|Irish|Scottish)"
# "South African", "Sri Lankan", "Costa Rican": a nationality of two words
_NAT = rf"(?:(?:South|North|East|West|Central|Sri|Saudi|Costa|Puerto|El)\s+)?{_NAT1}"
# "Austrian-born American", "Finnish-American": the birthplace is no nationality, the pair is one
_BORN = rf"(?:{_NAT1}-born\s+)?"
# between nationality and occupation: a hyphenated modifier is part of the occupation
# ("anti-apartheid activist"); a plain one ("jazz trumpeter") or a capitalised one (a school or
# movement: "Post-Impressionist painter") is not
_MOD = r"(?:(?P<mod>[a-z][a-z\-]+)\s+)?(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+)?"
# a particle ("da", "van", "y") is a word of its own before a capitalised name, never the start of
# the next word: "Marie Curie discovered" was the person "Marie Curie di"
_NAME = r"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|(?:de|da|di|van|von|y|del|la|le)(?=\s+[A-Z])))*"
_OCC = r"[a-z][a-z\-]+(?:\s+(?:and|or)\s+[a-z][a-z\-]+)?"
_MONTHS = rf"(?:{MONTH_NAMES})"
# one end of a life: "1815", "c. 1368/69", "10 December 1815", "August 1227", "May 3, 1469"
_END = rf"(?:c\.\s*)?(?:\d{{1,2}}\s+{_MONTHS}\s+|{_MONTHS}\s+(?:\d{{1,2}},\s+)?)?\d{{3,4}}(?:/\d{{2}})?"
#: ... after an aside the bracket opens with: "(born Eunice Kathleen Waymon; 1933–2003)",
#: "(Polish: Fryderyk Chopin; 1810–1849)"
LIFESPAN = re.compile(
    rf"(?P<x>{_NAME})[*_]*\s*\((?:[^();]{{1,80}};\s*)?"
    rf"(?P<b>{_END})\s*[\u2013\u2014-]\s*(?P<d>{_END})\)"
)
_YEAR_OF = re.compile(r"(\d{3,4})(?:/\d{2})?$")
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
        "merchant",
        "trader",
        "geographer",
        "cartographer",
        "scholar",
        "envoy",
        "commodore",
        "sprinter",
        "organist",
        "traveller",
        "traveler",
        "mystic",
        "jurist",
        "mathematician-astronomer",
        "physiologist",
        "zoologist",
        "anthropologist",
        "archaeologist",
        "educator",
        "reformer",
        "revolutionary",
        "abolitionist",
        "suffragist",
        "broadcaster",
        "essayist",
        "translator",
        "sultan",
        "pharaoh",
        "star",
        "player",
    }
)
# plural roles before a list of names ("the painters Titian and Tintoretto")
_PLURALS = {
    f"{o}s": o
    for o in (
        "painter",
        "composer",
        "poet",
        "writer",
        "architect",
        "sculptor",
        "scientist",
        "physicist",
        "chemist",
        "novelist",
        "philosopher",
        "mathematician",
        "explorer",
        "astronomer",
        "engineer",
        "inventor",
        "artist",
        "musician",
        "singer",
        "actor",
    )
}


# the occupation is a known one, so that "a Mexican painter known for ..." backtracks onto it
_KNOWN = "(?:" + "|".join(sorted(_OCCUPATIONS | _GROUPS, key=len, reverse=True)) + ")"
# more occupations coordinated with the first ("a British mathematician, logician and computer
# scientist"): one or two lower-case words each, up to a comma, "and", a parenthesis or the end
_MORE = (
    r"(?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?"
    r"(?=\s*(?:,|\b(?:and|who|whose|known|best|from|of|in|at|with)\b|\(|;|\.|$)))*)"
)
# an occupation that is no listed one but names an agent by its ending ("bacteriologist",
# "tragedian", "clergyman" but not "woman" or "human"); read after a nationality, which says that
# a person is described, or before a name ("the ornithologist John Gould")
_AGENT_OCC = r"[a-z]+(?:ist|ian|(?<!wo)(?<!hu)man)"
# what a person is, not what they do: "a former professional basketball player"
_STATUS = r"(?:former|professional|retired|amateur|late)"
_IS_A = re.compile(
    rf"^(?P<x>{_NAME}(?:\s+(?:of|the)\s+[A-Z][\w'’.\-]+)?)(?:\s*\([^)]*\))?(?:,\s+[a-z][^,]{{0,60}},)?"
    rf"\s+(?:was|is|were|are)(?:\s+(?:defined|described|regarded|known)\s+as)?\s+(?:an?|the)\s+(?:(?:[a-z]+ly|famous|renowned|celebrated|"
    rf"influential|leading|prominent|pioneering|great|important|noted)\s+)?(?:{_BORN}(?P<nat>{_NAT}(?:-{_NAT1})?)\s+)?"
    rf"(?:{_STATUS}\s+){{0,2}}{_MOD}(?P<occ>{_KNOWN}|{_AGENT_OCC})\b{_MORE}(?P<rest>.*)$"
)
# "the (Italian) engineer Luigi Menabrea", "the muralist Diego Rivera": a role before the name
# (an unlisted agent noun too: "the ornithologist John Gould"; "the river Thames" is none)
_APPOS = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?:{_BORN}(?P<nat>{_NAT}(?:-{_NAT1})?)\s+)?{_MOD}(?P<occ>{_KNOWN}|{_AGENT_OCC})\s+"
    rf"(?P<x>{_NAME})"
)
# "the painters Titian and Tintoretto", "the Dutch painters Rembrandt and Vermeer": each name
_APPOS_MANY = re.compile(
    rf"\b[Tt]he\s+(?:(?P<nat>{_NAT})\s+)?(?P<occs>{'|'.join(_PLURALS)})\s+"
    rf"(?P<xs>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME}))"
)
# "Pablo Neruda, a Chilean poet and diplomat,", "William Roth, the Delaware senator who ...":
# the role after the name, set off by a comma
# (the role may end at "and former ...": what someone was is no occupation, or go on with "of"
# what: "Pliny the Elder, the admiral of the Roman fleet"; an epithet is part of the name, and so
# is a place after "of": "Theon of Alexandria, a mathematician" is Theon's, not Alexandria's)
_APPOS_AFTER = re.compile(
    rf"(?P<x>{_NAME}(?:\s+the\s+[A-Z][a-z]+|\s+of\s+[A-Z][\w'’.\-]+)?),\s+(?:an?|the)\s+(?:{_BORN}(?P<nat>{_NAT}(?:-{_NAT1})?)\s+)?{_MOD}"
    rf"(?P<occ>{_KNOWN}|{_AGENT_OCC})\b{_MORE}"
    r"(?=\s*(?:,|\bwho\b|\bwhose\b|\band\s+former\b|\bof\b|\(|;|\.|$))"
)
# organisations have a nationality too: "the Wikimedia Foundation (WMF), an American non-profit
# organisation", "the Australian football club Central Coast Mariners"
_ORG_NOUNS = (
    r"(?:organisation|organization|company|club|charity|firm|corporation|non-profit|nonprofit"
    r"|foundation|newspaper|airline|bank|team|band|broadcaster|manufacturer|carmaker|retailer)"
)
_ORG_AFTER = re.compile(
    rf"(?P<x>{_NAME})(?:\s*\([^)]*\))?,\s+an?\s+(?P<nat>{_NAT}(?:-{_NAT1})?)\s+"
    rf"(?:[a-z][a-z\-]+\s+){{0,2}}?{_ORG_NOUNS}\b"
)
_ORG_BEFORE = re.compile(
    rf"\b[Tt]he\s+(?P<nat>{_NAT})\s+(?:[a-z][a-z\-]+\s+){{0,2}}?{_ORG_NOUNS}\s+(?P<x>{_NAME})"
)
# a coordinated word is an occupation when it names an agent ("logician", "diplomat",
# "computer scientist"), not a quality ("and writer" yes, "and famous" no)
_AGENT = re.compile(r"(?:ist|ian|er|or|eer|ant|man|woman|ess|at|ic|wright|smith)$")


def read_people(ctx: ReadContext) -> Iterator[Fact]:
    for block, text, span, hedged in (*prose(ctx), *_glosses(ctx), *_values(ctx)):
        fact = SentenceFacts(span, hedged)
        # (a pattern is not run over a sentence without the "(" or "," it needs: the scans of
        # every sentence cost more than what they find); the years after a value are its period
        # ("Chicago Bulls (1984–1993)"), no life
        valued = block.role in ("key_value", "table_row")
        for m in LIFESPAN.finditer(text) if "(" in text and not valued else ():
            person = Name(clean_name(m.group("x")), "PERSON")
            if re.search(rf"\b(?:{EVENT_NOUNS})$", person.text):
                continue  # "the Boshin War (1868–1869)": when it happened (values), no life
            born, died = (re.sub(r"^c\.\s*", "", m.group(g)) for g in ("b", "d"))
            years = [_YEAR_OF.search(d) for d in (born, died)]
            if not (years[0] and years[1]) or int(years[0].group(1)) >= int(years[1].group(1)):
                continue
            if (
                re.search(r"[+&]\s*$", text[: m.start()])
                or int(years[1].group(1)) - int(years[0].group(1)) < _MIN_LIFE
            ):
                # "Queen + Paul Rodgers (2004–2009)": a billing's or a short period's years
                # are a time together, a date node of its own, no life
                period = f"{born}\u2013{died}"
                yield Fact("entity", "people.period", span, Name(period, "DATE"))
                continue
            # a full date is the day of birth ("10 December 1815" -> born_on), a year the year
            for when, event in ((born, "born"), (died, "died")):
                day = re.search(r"\d{1,2}\s+[A-Z]|[A-Z][a-z]+\s+\d{1,2},", when) is not None
                predicate = f"{event}_on" if day else f"{event}_in_year"
                yield fact("people.lifespan", person, Name(when, "DATE"), predicate)
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
        elif who is not None and _is_occupation(who):
            yield from _who(who, "people.is_a", span, hedged)
        for a in _APPOS.finditer(text):
            if a.group("occ") not in _GROUPS:
                yield from _who(a, "people.appos", span, hedged)
        for a in _APPOS_AFTER.finditer(text) if "," in text else ():
            if _is_occupation(a):
                yield from _who(a, "people.appos", span, hedged)
        for a in _APPOS_MANY.finditer(text):
            yield from _many(a, span, hedged)
        for t in _TITLED.finditer(text) if block.role in ("paragraph", "list_item") else ():
            if _titled_person(t.group("x")):
                title = t.group("t")
                person = Name(clean_name(t.group("x")), "PERSON")
                yield fact("people.title", person, Name(title.lower()), _TITLE_PREDICATES[title])
        for pattern in (_ORG_AFTER, _ORG_BEFORE) if "," in text else (_ORG_BEFORE,):
            for a in pattern.finditer(text):
                org = Name(clean_name(a.group("x")), "ORG")
                yield fact("people.org", org, Name(a.group("nat"), "NORP"), "nationality")
    yield from _line_up(ctx)
    yield from _office_holders(ctx)


#: years between the bracketed years after a name below which they are no life but a period
#: (a membership, a term: "Queen + Paul Rodgers (2004–2009)"); a life of under ten years is rarely
#: a name's gloss
_MIN_LIFE = 10

#: a title before a name and the predicate the gold conventions give it: a military grade is a
#: ``rank``, an elected office an ``occupation`` (of the scorer's is-a group) — "Captain Robert
#: FitzRoy", "President Woodrow Wilson".  A sovereign's style ("Sultan Mehmed II", "King Louis
#: XVI") is left out: annotators record it for some rulers only (on devtrain 2 of 10 such facts
#: were gold), and the construction's confidence, not yet calibrated, comes out near 0.6
_TITLE_PREDICATES = {
    **dict.fromkeys(("Captain", "General", "Admiral", "Lieutenant", "Colonel"), "rank"),
    **dict.fromkeys(("Commodore", "Sergeant", "Marshal"), "rank"),
    **dict.fromkeys(("President", "Senator", "Governor", "Chancellor"), "occupation"),
}
#: a sovereign's style before an office holder's name is no part of the name ("King Mohammed VI")
_SOVEREIGNS = ("King", "Queen", "Sultan", "Emperor", "Empress", "Tsar", "Czar", "Shah")
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]\.)"
_TITLED = re.compile(
    rf"(?<![\w'’-])(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] )(?P<t>{'|'.join(_TITLE_PREDICATES)})\s+"
    rf"(?P<x>{_NAME_WORD}(?:\s+{_NAME_WORD})+)(?![\w'’-])"
)
# the last word of a titled name that makes it a body, a law or a building ("General Assembly",
# "General Data Protection Regulation", "Governor Phillip Tower"), no person
_NOT_PERSON = frozenset(
    {"Assembly", "Council", "Regulation", "Agreement", "Mosque", "Palace", "Motors", "Electric"}
    | {"Hospital", "Street", "Square", "Bridge", "College", "University", "Court", "Island"}
    | {"Bay", "Sound", "Land", "Hotel", "Theatre", "Church", "Cathedral", "Station", "Park"}
    | {"Act", "Treaty", "Company", "Corporation", "Staff", "Secretary", "Manager", "Store"}
    | {"Tower", "Building", "Airport", "School", "Office"}
)


def _titled_person(name: str) -> bool:
    """A title before a person's name, not a name that opens with a title word: a given name and
    a surname ("General Motors" is no general), no body or building, no initial at the end (a
    sentence cut at "John F.")."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1] not in _NOT_PERSON
        and not words[-1].endswith(".")
        and words[0] not in _TITLE_PREDICATES
    )


#: a key-value item's office key ("**Executive Director:** Catherine Russell (since 2022)",
#: "**Head of state:** King Mohammed VI"): the value is the person who holds it
_OFFICE_KEY = re.compile(
    r"^(?:current\s+)?(?:(?:executive|managing)\s+director|director[- ]general"
    r"|secretary[- ]general|president|chair(?:man|woman|person)?|head\s+of\s+(?:state|government)"
    r"|prime\s+minister|chief\s+executive(?:\s+officer)?|ceo|monarch|governor|mayor)$",
    re.IGNORECASE,
)
_HOLDER = re.compile(
    rf"^(?:(?:{'|'.join(_SOVEREIGNS)})\s+)?"
    rf"(?P<x>{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+[IVX]+)?)\s*(?:$|[(,;]|\s+since\b)"
)


def _office_holders(ctx: ReadContext) -> Iterator[Fact]:
    """The holder of an office a key-value item names: (holder, ``role``, office), a predicate
    of the scorer's is-a group; a sovereign's style before the holder's name is no part of the
    name ("King Mohammed VI" is gold "Mohammed VI").  ``is_name_key`` reads such a key
    ("Executive Director") as a name, so the attribute readers give nothing for the item."""
    for block in ctx.doc.blocks:
        if block.role != "key_value" or block.value is None or ctx.injected(block):
            continue
        key = re.sub(r"[*_:]+", "", block.key_text()).strip()
        if _OFFICE_KEY.match(key) is None:
            continue
        m = _HOLDER.match(block.value_text().strip(" *_"))
        person = Name(clean_name(m.group("x")), "PERSON") if m is not None else None
        if person is None or len(person.text.split()) < 2 or person.text.endswith("."):
            continue
        fact = SentenceFacts(block.span, is_hedged(block.text))
        yield fact("people.office", person, Name(key), "role")


#: a line-up item's gloss: short lower-case noun phrases in a list, nothing else ("lead vocals,
#: piano", "tenor saxophone", "guitar, vocals, songwriting"); up to a sentence's end or a bracket
_ROLE_PART = re.compile(r"^[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}$")
_NOT_ROLE = frozenset(
    {"the", "a", "an", "of", "in", "on", "for", "with", "to", "from", "by", "at", "as", "his"}
    | {"her", "their", "its", "is", "was", "are", "were", "who", "which", "that", "also", "not"}
)
_PERSON_KEY = re.compile(rf"^{_NAME}$")


def _roles(gloss: str) -> list[str]:
    """The parts of a line-up gloss, or none where the gloss is prose or a phrase with words
    that make it one ("the band's drummer", "founded the group")."""
    head = re.split(r"\s*[.;:(\u2013\u2014]", gloss, maxsplit=1)[0].strip()
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", head) if p]
    if not parts or len(parts) > 4:
        return []
    if not all(_ROLE_PART.match(p) and not set(p.split()) & _NOT_ROLE for p in parts):
        return []
    return parts


def _line_up(ctx: ReadContext) -> Iterator[Fact]:
    """ "- **Brian May** — lead guitar, vocals" / "- **Roger Taylor** — drums, vocals": a list
    whose items each name a person and gloss them with bare nouns gives each person's roles in
    the group (the gold conventions record a person's part as ``role``, a predicate of the
    scorer's is-a group).  Two such items at least: the layout, not one item, says it is a
    line-up; a person's key is a name of capitalised words ("(born 1945)" and ", known as …"
    after it are asides)."""
    for items in ctx.doc.lists():
        found = []
        for block in items:
            if block.role != "glossary" or block.value is None or ctx.injected(block):
                continue
            key = clean_name(re.split(r"\s*[(,]", block.key_text(), maxsplit=1)[0])
            if len(key.split()) < 2 or _PERSON_KEY.match(key) is None:
                continue
            if parts := _roles(block.value_text()):
                found.append((block, key, parts))
        if len(found) < 2:
            continue
        for block, key, parts in found:
            for part in parts:
                yield Fact(
                    "relation", "people.role", block.span, Name(key, "PERSON"), Name(part), "role"
                )


def _glosses(ctx: ReadContext) -> Iterator[tuple[Block, str, tuple[int, int], bool]]:
    """The sentences of each glossary item's gloss ("**Refraction** — the bending of light ...
    named after the Dutch astronomer Willebrord Snellius"): prose about the term in which a
    person may be introduced, as in a paragraph (:func:`.values.prose` leaves glossary blocks
    to the glossary reader).  Only the gloss: the term is no sentence's subject here."""
    for block in ctx.doc.blocks:
        if block.role != "glossary" or block.value is None:
            continue
        start = block.value[0]
        for sent in ctx.sentences(block):
            if sent.end <= start:
                continue
            a = max(sent.start, start)
            text = block.text[a : sent.end].strip()
            if text:
                yield block, text, block.inline.span(a, sent.end), is_hedged(text)


def _values(ctx: ReadContext) -> Iterator[tuple[Block, str, tuple[int, int], bool]]:
    """The value of each key-value item and each table cell after the first ("**Travel partner:**
    Aimé Bonpland, a French botanist", "| Partner | George Sand, a French novelist (1838–1847) |"):
    the attribute readers take the value's head (the partner), and the description after it says
    who that person is, in the same shapes as a paragraph.  Only values with the comma or the
    article the shapes need are read."""
    for block in ctx.doc.blocks:
        if block.role == "key_value" and block.value is not None:
            parts = [block.value]
        elif block.role == "table_row":
            parts = list(block.cells[1:])
        else:
            continue
        for a, b in parts:
            text = block.text[a:b].strip()
            if text and ("," in text or re.search(r"\b(?:[Tt]he|an?)\s", text)):
                yield block, text, block.inline.span(a, b), is_hedged(text)


def _is_occupation(m: re.Match[str]) -> bool:
    """A listed occupation, or an agent noun after a nationality ("a Polish bacteriologist")."""
    occ = m.group("occ")
    return occ in _OCCUPATIONS or (m.group("nat") is not None and occ not in _GROUPS)


_PRONOUNS = frozenset({"He", "She", "It", "They", "This", "That", "These", "Those"})


def _who(
    m: re.Match[str], construction: str, span: tuple[int, int], hedged: bool
) -> Iterator[Fact]:
    """Nationality (when given) and each occupation of the person a match describes."""
    person = Name(clean_name(m.group("x")), "PERSON")
    if person.text in _PRONOUNS:
        return  # "He was a teacher": the pronoun is resolved by the clause reader, not here
    occupations = [_occupation(m.group("mod"), m.group("occ"))]
    more = m.groupdict().get("more") or ""
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", more):
        word = item.strip()
        if word and (word.split()[-1] in _OCCUPATIONS or _AGENT.search(word.split()[-1])):
            occupations.append(word)
        elif word:
            break  # "a painter and famous": the list of occupations ends
    yield from _describe(person, m.group("nat"), occupations, span, hedged, construction)


def _describe(
    person: Name,
    nationality: str | None,
    occupations: list[str],
    span: tuple[int, int],
    hedged: bool,
    construction: str = "people.appos",
) -> Iterator[Fact]:
    """The person's nationality (when given) and each occupation, as relations."""
    if nationality:
        yield Fact(
            "relation",
            construction,
            span,
            person,
            Name(nationality, "NORP"),
            "nationality",
            hedged=hedged,
        )
    for occ in occupations:
        yield Fact("relation", construction, span, person, Name(occ), "occupation", hedged=hedged)


def _many(m: re.Match[str], span: tuple[int, int], hedged: bool) -> Iterator[Fact]:
    """ "the (Dutch) painters Rembrandt and Vermeer": each name's occupation (and nationality)."""
    occupation = _PLURALS[m.group("occs")]
    for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("xs")):
        person = Name(clean_name(name), "PERSON")
        if person.text:
            yield from _describe(person, m.group("nat"), [occupation], span, hedged)


def _occupation(modifier: str | None, noun: str) -> str:
    """The occupation with its hyphenated modifier ("anti-apartheid activist", not "self-taught");
    a plain modifier is a genre or a field ("jazz trumpeter"), said apart from the occupation."""
    if modifier is not None and noun in ("star", "player"):  # "film star": nothing by itself
        return f"{modifier} {noun}"
    if modifier is None or "-" not in modifier or modifier in _PRAISE:
        return noun
    return f"{modifier} {noun}"


_PRAISE = frozenset({"self-taught", "world-famous", "well-known", "award-winning"})


_NAT_ROLE = re.compile(
    rf"^{_BORN}{_NAT}(?:-{_NAT1})?\s+(?P<occ>(?:[a-z][a-z\-]+\s+)?[a-z][a-z\-]+)$"
)


def role_of(name: str) -> str | None:
    """The occupation a "nationality occupation" phrase names ("Indian mathematician" ->
    "mathematician", "Australian architects" -> "architects"), or None: the phrase describes a
    person, whose nationality and occupation are relations of their own, and is no node."""
    m = _NAT_ROLE.match(name)
    if m is None:
        return None
    occ = m.group("occ")
    head = occ.split()[-1]
    single = head[:-1] if head.endswith("s") else head
    return occ if head in _OCCUPATIONS or single in _OCCUPATIONS else None
