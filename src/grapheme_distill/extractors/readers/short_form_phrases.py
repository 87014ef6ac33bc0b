"""Short forms stated in words: "ETF stands for exchange-traded fund", "latte is short for caffè
latte", "read-only memory, usually abbreviated ROM", "the European Central Bank (ECB for
short)", "NASA is the National Aeronautics and Space Administration", "The acronym stands for
…".  Cut out of :mod:`.alias_forms` (issue 11, twenty-fifth session) so that each module reads
one family of forms: these name a short form and its long one (an abbreviation, the scorer's
long-form subject), where :mod:`.alias_forms` reads the markers of a second name ("also known
as"), :mod:`.name_statements` a name given as a statement and :mod:`.or_forms` "X, or Y".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definitions import TERM_NOUN
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import trim_gloss
from grapheme_distill.extractors.readers.parentheses import spells
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    STANDS,
    initials_match,
    lfact,
    term_at,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "read_acronym_statements",
    "read_for_short",
    "read_short_for",
    "read_stands_for",
    "short_form_text",
]

_SHORT_FOR = re.compile(
    r"(?P<a>\b[\w\-]+)[*_]*\s*(?:,|[\u2013\u2014])?\s*(?:is\s+)?"
    r"(?:short for|an abbreviation (?:of|for)|which stands for)"
    r"\s+[*_\"“]*(?P<v>[^.;:,()*_\"”\u2013\u2014]+)"
)
_SHORTENED = re.compile(
    r",?\s*\(?(?:usually|often|commonly|typically|also|sometimes)?\s*(?:shortened|abbreviated)"
    r"(?:\s+(?:to|as))?\s+(?:the\s+)?[\"“*]*(?P<a>[\w.&\-]+(?:\s+[A-Z][A-Z0-9.&\-]+)*)"
)
# "the European Central Bank (ECB for short)", "…, or ECB for short": the short form named
_FOR_SHORT = re.compile(
    r"(?:\(|,\s*(?:or\s+)?|\bor\s+|[\u2013\u2014]\s*)(?:just\s+|simply\s+)?[\"“*_]*"
    r"(?P<a>[\w.&\-]+)[\"”*_]*"
    r"\s+for short"
)
#: "The acronym SCUBA comes from …": the naming noun's short form and its source
_COMES_FROM = re.compile(
    r"^(?P<a>" + ABBR + r")\s+(?:comes from|is formed from|is derived from)\s+"
)
_ACRONYM_IS = re.compile(
    r"^(?P<a>[A-Z][A-Z0-9&]{1,7})\s+is\s+the\s+(?P<v>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|"
    r"the|and|on|de|du|des|in))*\s+[A-Z][\w'’\-]*)"
)
_IT_STANDS = re.compile(
    r"^(?:The|This|Its|The full)\s+(?P<noun>acronym|abbreviation|initialism|name)\s+(?:stands for|is short for|"
    r"comes from)\s+(?P<v>[^,;:.()]{3,80})"
)


def short_form_text(text: str) -> str:
    """The sentence with a naming noun before its short form set aside ("The acronym CPU stands
    for …" reads as "CPU stands for …"; "The acronym SCUBA comes from …" as "SCUBA stands for
    …"), so that :data:`.terms.STANDS` finds the short form; the other forms read this text too."""
    # "ETF stands for exchange-traded fund", "NAV means net asset value: the value of ...", "The
    # acronym CPU stands for …" (the naming noun is no part of the short form)
    naming = TERM_NOUN.match(text)
    if naming is not None and re.match(r"(?i)(?:the\s+)?(?:acronym|abbreviation|term)\s", text):
        # "The acronym SCUBA comes from self-contained …": said of the short form, as "stands for"
        rest = _COMES_FROM.sub(r"\g<a> stands for ", text[naming.end() :], count=1)
        if STANDS.match(rest) is not None:
            text = rest
    return text


def read_stands_for(block: Block, sent: Sentence, text: str, hedged: bool) -> Iterator[Fact]:
    """ "ETF stands for exchange-traded fund", "NAV means net asset value: the value of …": the
    long form a short form stands for, and the gloss after a colon or a dash."""
    m = STANDS.match(text)
    if m is not None:
        value = m.group("v").strip()
        # "URL stands for Uniform Resource Locator — the address of a resource on the web": the
        # long form ends at the dash, and what follows it says what the thing is
        dash = re.search(r"\s+[\u2013\u2014]\s+", value)
        dashed = value[dash.end() :].strip() if dash is not None else ""
        value = value[: dash.start()] if dash is not None else value
        whole = clean_name(re.split(r"\s*[,(]", value)[0])
        cut = clean_name(re.split(r"\s*[,(]|\s+and\s+", value)[0])
        said = re.search(r"stands|short|acronym|abbreviation|shorthand", text[: m.start("v")])
        # "National Aeronautics and Space Administration", "radio detection and ranging": cut at
        # "and" only where the part before it spells the short form and the whole run does not
        # ("ETF stands for exchange-traded fund and is …")
        long = (
            whole
            if initials_match(whole, m.group("a"))
            or (said and not initials_match(cut, m.group("a")))
            else cut
        )
        if long and (initials_match(long, m.group("a")) or said):
            yield lfact(
                block,
                sent,
                "abbrev.stands_for",
                Name(long),
                LinguisticKind.ABBREVIATION,
                m.group("a"),
                hedged,
            )
            rest = text[m.end() :].lstrip()
            # "DKA stands for diabetic ketoacidosis, a dangerous build-up of acids …": a genus
            # in apposition after the long form says what the thing is, as a dash's gloss does
            comma = re.match(r"[^,]+,\s+(?P<g>(?:a|an|the)\s+\w.+)$", value)
            if comma is not None and not dashed and initials_match(long, m.group("a")):
                dashed = trim_gloss(comma.group("g").rstrip("."))
            if dashed or text[m.end() : m.end() + 1] == ":" or rest.startswith(":"):
                gloss = dashed or rest.lstrip(": ").rstrip(".")
                if len(gloss.split()) >= 2:
                    yield lfact(
                        block,
                        sent,
                        "means.gloss",
                        Name(long),
                        LinguisticKind.DEFINITION,
                        gloss,
                        hedged,
                    )
        elif " means " in text:
            yield lfact(
                block,
                sent,
                "means",
                Name(clean_name(m.group("a"))),
                LinguisticKind.DEFINITION,
                value.rstrip("."),
                hedged,
            )


def read_short_for(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "latte is short for caffè latte", "…, usually abbreviated ROM": a short form and the
    long form it clips or spells."""
    short_for = "short for" in text or "abbreviation" in text or "stands for" in text
    for m in _SHORT_FOR.finditer(text) if short_for else ():
        long = clean_name(m.group("v"))
        if long and (spells(long, m.group("a")) or _clipped(long, m.group("a"))):
            yield lfact(
                block,
                sent,
                "abbrev.short_for",
                Name(long),
                LinguisticKind.ABBREVIATION,
                m.group("a"),
                hedged,
            )
    shortened = "shortened" in text or "abbreviated" in text
    for m in _SHORTENED.finditer(text) if shortened else ():
        abbr = clean_name(m.group("a"))
        term = term_at(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield lfact(
                block, sent, "abbrev.shortened", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )


def read_for_short(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "the European Central Bank (ECB for short)": the short form of the term before it."""
    for m in _FOR_SHORT.finditer(text) if "for short" in text else ():
        abbr = clean_name(m.group("a"))
        term = term_at(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield lfact(
                block, sent, "abbrev.for_short", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )


def read_acronym_statements(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "NASA is the National Aeronautics and Space Administration", "The acronym stands for
    …" (said of the section's subject): a short form's long form given as a statement."""
    if (m := _ACRONYM_IS.match(text)) is not None:
        long = clean_name(m.group("v"))
        kind = (
            LinguisticKind.ABBREVIATION
            if initials_match(long, m.group("a"))
            else LinguisticKind.ALIAS
        )
        yield lfact(block, sent, "alias.acronym_is", Name(m.group("a")), kind, long, hedged)
    if (
        (m := _IT_STANDS.match(text)) is not None
        and (topic := ctx.section_subject(block)) is not None
        # "The name comes from Hindi …" is where a name comes from, not what it expands to:
        # a plain "name" expands only into words whose initials spell it
        and (m.group("noun") != "name" or initials_match(clean_name(m.group("v")), topic.text))
    ):
        yield lfact(
            block,
            sent,
            "abbrev.the_acronym",
            Name(clean_name(m.group("v"))),
            LinguisticKind.ABBREVIATION,
            topic.text,
            hedged,
        )


def _clipped(long: str, short: str) -> bool:
    """ "latte" / "caffè latte", "bike" / "bicycle": the short form is a word of the long one or
    the beginning of one."""
    s, words = short.lower(), long.lower().split()
    return len(s) >= 3 and len(words) <= 4 and any(w.startswith(s[:3]) for w in words)
