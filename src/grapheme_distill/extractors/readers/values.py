"""Attribute facts stated in prose: "the ICRC, founded in 1863", "Venice is built on 118 small
islands", "He wrote nine symphonies", "he died ..., aged 32".

The gold conventions record an attribute as a relation to a DATE or NUMBER node
(``founded_in`` 1863, ``number_of_islands`` 118, ``age_at_death`` 32).  Key-value bullets and
tables give most of them (:mod:`.attributes`) and the clause reader reads the main clauses
("It was founded in 1863"); what neither reads is the participle set off after a name ("the Rialto
Bridge, completed in 1591") and a count inside a clause about a named subject, where the parser
makes the number a modifier of its noun.  Both are read here by shape, over a sentence's text.

A count is read only about a subject the sentence names at its start (or a pronoun: the section's
subject), never a count that introduces a list ("It has three components:") nor a measure of
time ("for 24 years"); the value keeps its words as written ("more than 400", "nine").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, heading_name
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged

__all__ = ["EVENT_NOUNS", "MONTH_NAMES", "SentenceFacts", "leading_count", "prose", "read_values"]

_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:of|the|and|for|de|du|von|van|on|la|le)\s+)*[A-Z][\w'’.\-]*)*"
#: the months' full names, an alternation (people's lifespans read them too)
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DATE = (
    r"(?:(?:c\.|circa|about|around)\s*)?(?:\d{1,2}\s+"
    + _MONTH
    + r",?\s+\d{3,4}|"
    + _MONTH
    + r"\s+\d{1,2},?\s+\d{3,4}|"
    + _MONTH
    + r"\s+\d{4}|\d{4}s|\d{3,4}(?:\s*(?:BCE|BC|CE|AD))?)"
)
_VERBS = (
    "founded|established|built|completed|opened|published|released|launched|premiered|composed"
    "|written|painted|discovered|adopted|formed|created|signed|enacted|inscribed|designed|invented"
    "|introduced|constructed|consecrated|dedicated|unveiled|patented|coined|described|recorded"
)
# "the Rialto Bridge, completed in 1591", "the ICRC (…), founded in 1863 and based in Geneva"
_PARTICIPLE = re.compile(
    rf"(?P<x>{_NAME})(?:\s*\([^)]*\))?(?:,|\s+[\u2013\u2014]|\s+-)\s+(?:which\s+was\s+|first\s+)?"
    rf"(?P<verb>{_VERBS})(?:\s+as\s+an?\s+[a-z]+)?\s+(?:in|on)\s+(?P<date>{_DATE})(?![\w,.]*\d)"
)
# what happens rather than exists: its date is when it happened ("the Peasants' Revolt of 1381")
EVENT_NOUNS = (
    "War|Wars|Revolt|Revolution|Rebellion|Uprising|Battle|Siege|Plague|Restoration|Crisis|Massacre"
    "|Conference|Congress|Council|Fair|Exhibition|Expo|Olympics|Games|Cup|Coup|Raid|Invasion"
    "|Earthquake|Eruption|Famine|Riots?|Strike|Election|Summit|Festival|Reformation|Crusade"
)
_EVENT_DATE = re.compile(
    rf"(?P<x>{_NAME}\s(?:{EVENT_NOUNS})(?:\s+of\s+[A-Z][\w'’]+)?|(?:{EVENT_NOUNS})\s+of\s+{_NAME})"
    r"(?:\s+(?:of|in)\s+|\s*\()"
    rf"(?P<date>{_DATE}(?:\s*[\u2013-]\s*\d{{2,4}})?)(?![\w,.]*\d)"
)
# "**Turing test** (1950)", "the Statute of Labourers (1351)": a year in parentheses after a name
_NAME_YEAR = re.compile(
    rf"(?:[\"“](?P<q>[^\"”]{{2,60}})[\"”]|(?P<x>{_NAME}(?:\s+\d+)?[!?]?))\s*"
    r"\((?P<date>(?:c\.\s*)?\d{3,4}(?:\s*(?:BCE|BC|CE|AD))?"
    # "the **Swing Era** (about 1935–1946)": a hedged span is a period's, not a life's (people)
    r"|(?:about|roughly|around|approximately)\s+\d{3,4}\s*[\u2013\u2014-]\s*\d{2,4})\)"
)
# "the Truth in Lending Act of 1968": a law is enacted in its year
_LAW_YEAR = re.compile(
    r"(?P<x>[A-Z][\w'’.\-]*(?:\s+(?:(?:of|the|and|for|in|on)\s+)*[A-Z][\w'’.\-]*)*\s"
    r"(?:Act|Statute|Law|Code|Directive|Regulation))\s+of\s+(?P<date>\d{4})\b"
)
# "Henry VII (r. 1485–1509)": the reign's first and last year
_REIGN = re.compile(
    rf"(?P<x>{_NAME})\s*\((?:r\.|reigned|ruled)\s*(?P<b>\d{{3,4}})\s*[\u2013\u2014-]\s*(?P<e>\d{{3,4}})\)"
)
_WORD_NUMBERS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    "|a hundred|hundreds|a dozen"
)
_APPROX = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|over|some|more\s+than|fewer\s+than"
    r"|less\s+than|at\s+least|up\s+to)\s+)?"
)
_COUNT = re.compile(
    rf"(?<![\w$€£.,-])(?P<n>{_APPROX}(?:\d(?:[\d,.]*\d)?(?:\s*[\u2013-]\s*\d(?:[\d,.]*\d)?)?"
    rf"(?:\s+(?:million|billion|thousand))?|{_WORD_NUMBERS}))"
    r"\s+(?P<np>(?:[a-z][a-z\-]+\s+){0,2}?[a-z][a-z\-]*[^s\W]s)\b(?!\s+of\b)(?!\s*[\-–])",
)
# what follows the number is a measure of time or a unit, not a thing counted
_NOT_COUNTED = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "times",
        "millions",
        "billions",
        "thousands",
        "hundreds",
        "percent",
        "kms",
        "metres",
        "meters",
        "miles",
        "kilometres",
        "kilometers",
        "feet",
        "inches",
        "grams",
        "kilograms",
        "tonnes",
        "tons",
        "litres",
        "liters",
        "degrees",
        "points",
        "votes",
        "dollars",
        "euros",
        "pounds",
        "pence",
        "cents",
        "ways",
        "steps",
        "things",
        "ones",
        "others",
    ]
)
_POPULATION = frozenset({"people", "inhabitants", "residents"})
# words in front of the counted noun that do not name what is counted ("118 small islands")
_NOT_KIND = frozenset(
    [
        "small",
        "large",
        "big",
        "major",
        "main",
        "different",
        "separate",
        "new",
        "old",
        "distinct",
        "known",
        "recognised",
        "recognized",
        "official",
        "active",
        "individual",
        "other",
        "more",
        "additional",
        "full",
        "original",
        "surviving",
        "total",
        "local",
        "notable",
        "famous",
        "important",
        "key",
        "various",
        "main",
        "tiny",
        "huge",
        "great",
        "further",
    ]
)
# a number after these words labels a thing rather than counting it ("type 2 diabetes")
_LABELS = frozenset(
    [
        "type",
        "no",
        "no.",
        "number",
        "phase",
        "level",
        "grade",
        "class",
        "category",
        "stage",
        "step",
        "chapter",
        "page",
        "section",
        "article",
        "version",
        "the",
        "first",
        "last",
        "top",
        "every",
        "per",
        "each",
    ]
)
_FUNCTION = frozenset(
    [
        "also",
        "by",
        "in",
        "on",
        "at",
        "of",
        "and",
        "or",
        "the",
        "a",
        "an",
        "per",
        "to",
        "for",
        "with",
        "from",
        "as",
        "its",
        "their",
        "his",
        "her",
        "than",
    ]
)
# words that open a sentence without naming its subject ("Both have about 190 members")
_NOT_SUBJECTS = frozenset(
    [
        "Both",
        "Each",
        "All",
        "Most",
        "Many",
        "Some",
        "This",
        "These",
        "That",
        "Those",
        "There",
        "Here",
        "One",
        "Other",
        "Such",
        "Today",
    ]
)
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ful|ive|less|able|ible|ed|ing|ern|est)$")
_PRONOUN = re.compile(r"^(?:He|She|It|They)\s+(?=[a-z])")
_LEAD = re.compile(
    rf"^(?:(?:In|By|Today|Since)\b[^,]{{0,30}},\s+)?(?:The\s+(?:[a-z]+\s+)?)?(?P<x>{_NAME})"
    r"(?:\s*\([^)]*\))?\s+(?:(?:also|still|now|already|[a-z]+ly)\s+)?"
    r"(?=(?:is|was|are|were|has|had|have|contains?|includes?|comprises?|consists|wrote|"
    r"composed|recorded|released|published|won|built|spans?|covers?|lies|sits|holds|employs|"
    r"counts|boasts|numbers|made|painted|scored|sold)\b)"
)
# a year or a span of years ("1914–1918 campaigns"), never a count
_YEARS = re.compile(r"(?:1\d{3}|20\d{2})(?:\s*[\u2013-]\s*\d{2,4})?")
_DIGIT = re.compile(r"\d")  # the same digits as the patterns' \d
_DIED_AGED = re.compile(
    r"\bdied\b.*?\b(?:aged|at\s+the\s+age\s+of|at\s+age)\s+(?:just\s+)?(?P<n>\d{1,3})\b"
)


def _subject(ctx: ReadContext, block: Block, text: str) -> Name | None:
    """The named subject a sentence opens with, or the section's for a pronoun."""
    if _PRONOUN.match(text):
        return ctx.section_subject(block)
    m = _LEAD.match(text)
    if m is None:
        return None
    name = clean_name(m.group("x"))
    if not name or name.split()[0] in _NOT_SUBJECTS or len(name.split()) > 6:
        return None
    return Name(name)


def _counted(np: str) -> str | None:
    """The snake_case kind a count counts ("small islands" -> "islands"), or None."""
    words = [w for w in np.split() if w not in _NOT_KIND]
    while len(words) > 1 and _ADJECTIVE.search(words[0]):
        words = words[1:]
    if not words or words[-1] in _NOT_COUNTED or _FUNCTION.intersection(words):
        return None
    if words[-1] in _POPULATION:
        return "population"
    return "number_of_" + "_".join(w.replace("-", "_") for w in words)


def leading_count(text: str) -> tuple[str, str] | None:
    """The count a phrase opens with and the attribute it counts ("about 180 wrestlers" →
    ``("about 180", "number_of_wrestlers")``), or None: a year, a measure of time or a unit is
    no count ("24 years", "5 km")."""
    m = _COUNT.match(text)
    if m is None or _YEARS.fullmatch(m.group("n")):
        return None
    predicate = _counted(m.group("np"))
    return None if predicate is None else (m.group("n"), predicate)


def _snake_tail(name: str) -> str:
    """ "Breeds number roughly 350 breeds": a count of the subject itself is no attribute of it."""
    return "_" + re.sub(r"\W+", "_", name.lower()).strip("_")


def prose(ctx: ReadContext) -> Iterator[tuple[Block, str, tuple[int, int], bool]]:
    """Each prose sentence (paragraphs and list items): its block, text, span in the answer and
    whether it hedges."""
    for block in ctx.doc.blocks:
        if block.role not in ("paragraph", "list_item"):
            continue
        for sent in ctx.sentences(block):
            span = block.inline.span(sent.start, sent.end)
            yield block, sent.text, span, is_hedged(sent.text)


class SentenceFacts:
    """Relations of one sentence: its span and hedge, given once."""

    def __init__(self, span: tuple[int, int], hedged: bool) -> None:
        self.span, self.hedged = span, hedged

    def __call__(self, construction: str, subject: Name, value: Name, predicate: str) -> Fact:
        return Fact(
            "relation", construction, self.span, subject, value, predicate, hedged=self.hedged
        )


def _reigns(ctx: ReadContext) -> Iterator[Fact]:
    """ "Henry VII (r. 1485–1509)": read over the whole block, whose sentences end at "r."."""
    for block in ctx.doc.blocks:
        if block.role in ("paragraph", "list_item", "glossary", "key_value") and "(" in block.text:
            for m in _REIGN.finditer(block.text):
                fact = SentenceFacts(block.inline.span(m.start(), m.end()), False)
                ruler = Name(clean_name(m.group("x")), "PERSON")
                yield fact("values.reign", ruler, Name(m.group("b"), "DATE"), "reign_start")
                yield fact("values.reign", ruler, Name(m.group("e"), "DATE"), "reign_end")


def _item_years(ctx: ReadContext) -> Iterator[Fact]:
    """ "**Best-known book:** *Silent Spring* (1962)", "**Protest songs:** "Mississippi Goddam"
    (1964), …": the works a key-value or glossary item lists, each dated by its year in brackets
    (the prose sentences are read by :func:`read_values`; an item's value is no sentence)."""
    for block in ctx.doc.blocks:
        if block.role not in ("key_value", "glossary") or block.value is None:
            continue
        start = block.value[0]
        value = block.value_text()
        if "(" not in value or ctx.injected(block):
            continue
        for m in _NAME_YEAR.finditer(value):
            span = block.inline.span(start + m.start(), start + m.end())
            yield from _name_year(block, start, m, SentenceFacts(span, is_hedged(value)))


#: a heading that names a dated thing: "## The Spanish Armada (1588)", "# The Cuban Missile
#: Crisis (October 1962)" — one date, no range (a range after a heading's name is mostly a
#: person's lifespan: "# Alan Turing (1912–1954)", the people reader's)
_HEADING_DATE = re.compile(rf"^(?:The\s+)?(?P<x>{_NAME})\s*\((?P<date>{_DATE})\)\s*$")


def _heading_dates(ctx: ReadContext) -> Iterator[Fact]:
    """ "## The Spanish Armada (1588)": the section's subject and its date, which no sentence
    states (headings are no prose); an event's date is when it happened, as in prose.  The
    facts keep the prose readings' constructions (``values.name_year``, ``values.event``): the
    relation model and the calibration map know those, and the reading is the same."""
    for block in ctx.doc.blocks:
        if block.role != "heading" or "(" not in block.text or ctx.injected(block):
            continue
        m = _HEADING_DATE.match(" ".join(block.text.replace("*", "").split()))
        if m is None:
            continue
        name = clean_name(m.group("x"))
        if not name or heading_name(name) is None:
            continue  # "## Timeline (2020)", "## Overview (2024)": a generic heading names nothing
        event = re.search(rf"\b(?:{EVENT_NOUNS})$", name) is not None
        fact = SentenceFacts(block.span, False)
        date = Name(m.group("date"), "DATE")
        if event:
            yield fact("values.event", Name(name, "EVENT"), date, "happened_in")
        else:
            yield fact("values.name_year", Name(name), date, "date")


#: a preposition opening a sentence before a title ("In The Descent of Man (1871) he …")
_OPENING_PREP = re.compile(
    r"^(?:In|On|At|By|From|With|After|Before|During|Under|For|Since|Until|Like|As)\s+(?=[A-Z])"
)
#: the owner before a work's title ("Rembrandt van Rijn's The Night Watch (1642)")
_OWNER = re.compile(r"^.*['’]s\s+(?=[A-Z])")
_LAW = re.compile(r"\b(?:Act|Statute|Law|Code|Directive|Regulation)$")


def _name_year(block: Block, start: int, m: re.Match[str], fact: SentenceFacts) -> Iterator[Fact]:
    """The fact of one "<name> (<year>)" match at ``start`` in ``block``'s text: the name is the
    highlighted title that ends right before the bracket, where there is one ("*Self-Portrait
    with Thorn Necklace and Hummingbird* (1940)", "**Truth in Savings Act** (1991)": the name
    pattern stops at "with" and "in"), else the matched name without a sentence's opening
    preposition or a possessive owner.  A law's year is when it was enacted; an event's year is
    read by the event pattern.  A bare name of one word, neither quoted nor highlighted, is no
    title: "including Qatar (2019), Ecuador (2020)" names countries by the year they left."""
    name = clean_name(m.group("q") or "")
    titled: str | None = name or None
    if not name:
        end = start + m.end("x")
        titled = next((block.text[a:b] for a, b in block.inline.emphasis if b == end), None)
        name = clean_name(titled or _OWNER.sub("", _OPENING_PREP.sub("", m.group("x"))))
    if titled is None and len(name.split()) == 1:
        return
    if name and not re.search(rf"\b(?:{EVENT_NOUNS})$", name):
        predicate = "enacted_in" if _LAW.search(name) else "date"
        yield fact("values.name_year", Name(name), Name(m.group("date"), "DATE"), predicate)


def read_values(ctx: ReadContext) -> Iterator[Fact]:
    """Participle dates after a name, counts about a sentence's named subject, age at death."""
    yield from _reigns(ctx)
    yield from _item_years(ctx)
    yield from _heading_dates(ctx)
    for block, text, span, hedged in prose(ctx):
        fact = SentenceFacts(span, hedged)
        # every date, year and age pattern below holds a digit: a sentence without one is not
        # scanned by them (five scans of ~2.5 µs each, on every sentence of every answer)
        dated = _DIGIT.search(text) is not None
        for m in _PARTICIPLE.finditer(text) if dated else ():
            name = clean_name(m.group("x"))
            if name and len(name.split()) <= 10:
                date = Name(m.group("date"), "DATE")
                yield fact("values.participle", Name(name), date, f"{m.group('verb')}_in")
        for m in _EVENT_DATE.finditer(text) if dated else ():
            event = Name(clean_name(m.group("x")), "EVENT")
            yield fact("values.event", event, Name(m.group("date"), "DATE"), "happened_in")
        for m in _LAW_YEAR.finditer(text) if dated else ():
            law = Name(clean_name(m.group("x")))
            yield fact("values.law", law, Name(m.group("date"), "DATE"), "enacted_in")
        if dated and "(" in text:
            at = block.text.find(text)
            for m in _NAME_YEAR.finditer(text):
                yield from _name_year(block, max(at, 0), m, fact)
        subject = _subject(ctx, block, text)
        if dated and (aged := _DIED_AGED.search(text)) is not None:
            who = subject
            if who is None and re.search(r"\b(?:he|she)\b", text, re.IGNORECASE):
                who = ctx.section_subject(block)
            if who is not None:
                yield fact("values.age", who, Name(aged.group("n"), "CARDINAL"), "age_at_death")
        if subject is None or text.rstrip().endswith(":"):
            continue  # "It has three components:": a count that introduces a list
        for m in _COUNT.finditer(text):
            n = m.group("n")
            before = text[: m.start()].split()[-1:]
            if _YEARS.fullmatch(n) or (before and before[0].lower() in _LABELS):
                continue  # a year, or a label's number ("type 2 diabetes"), not a count
            if text[m.end() :].lstrip().startswith(":"):
                continue  # "two main parts: the atria and ...": the count introduces a list
            predicate = _counted(m.group("np"))
            if predicate is not None and not predicate.endswith(_snake_tail(subject.text)):
                yield fact("values.count", subject, Name(n, "CARDINAL"), predicate)
