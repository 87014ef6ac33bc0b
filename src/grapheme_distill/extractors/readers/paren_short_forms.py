"""Brackets that give a short form or its long form: "GDP (an acronym for gross domestic
product)", "carbon dioxide (CO₂)", "Alpha Beta Code (ABC)", "ABC (alpha beta code)", "a MAC
address (media access control address)", "the default Wi-Fi name (**SSID**)".  Readings of
:func:`.parentheses.read_parentheses`, cut out of it (issue 11, twenty-fifth session); each
yields its facts and returns whether it took the bracket.
"""

from __future__ import annotations

import re
from collections.abc import Generator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.readers.bracket_phrases import (
    FORMULA,
    chemical_name,
    phrase_before,
)
from grapheme_distill.extractors.readers.bracket_terms import (
    Bracket,
    acronym_of_run,
    long_before,
    marked_before,
    spells,
    term_before,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import (
    ABBR,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_acronym", "read_expansion", "read_formula", "read_short_before"]

_PAREN_EXPANSION = re.compile(
    r"(?i)^(?:(?:an?|the)\s+)?(?:acronym|abbreviation|initialism|short)\s+(?:for|of)\s+(?P<v>[^;]+)$"
)


def read_expansion(b: Bracket) -> Generator[Fact, None, bool]:
    """ "GDP (an acronym for gross domestic product)", "Latte (short for caffè latte)"."""
    ctx, block, sent, m, plain = b.ctx, b.block, b.sent, b.m, b.plain
    expansion = _PAREN_EXPANSION.match(plain)
    if expansion is not None:
        # "GDP (an acronym for gross domestic product)", "Latte (short for caffè latte)"
        term = term_before(ctx, block, sent, m.start())
        expanded = clean_name(expansion.group("v"))
        if "," in expanded and (term is None or not spells(expanded, term.text)):
            # "(short for water, sanitation and hygiene)" is whole where it spells the term;
            # elsewhere a comma ends it ("(short for caffè latte, an espresso drink)")
            expanded = clean_name(expanded.split(",")[0])
        if term is not None and expanded:
            yield b.fact("abbrev.paren_for", Name(expanded), LinguisticKind.ABBREVIATION, term.text)
        return True
    return False


def read_formula(b: Bracket) -> Generator[Fact, None, bool]:
    """ "carbon dioxide (CO₂)": a substance and its formula."""
    plain, before = b.plain, b.before
    if FORMULA.fullmatch(plain) and (substance := chemical_name(before)) is not None:
        # "carbon dioxide (CO₂)", "sodium chloride (NaCl)": a substance and its formula, the
        # formula's short form of the name (a capitalised name before it is read below as
        # one an acronym spells: "Museum of Modern Art (MoMA)")
        yield b.fact("paren.formula", Name(substance), LinguisticKind.ABBREVIATION, plain)
        return True
    return False


def read_acronym(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Alpha Beta Code (ABC)": a short form in the bracket, its long form before it."""
    block, sent, m, inner, plain, before = b.block, b.sent, b.m, b.inner, b.plain, b.before
    first = re.split(r"[,;]\s*", plain)[0]
    if re.fullmatch(ABBR, first) and not first.isdigit():
        plain = first
        long = long_before(before, plain) or acronym_of_run(before, plain)
        if long:
            yield b.fact("abbrev.paren", Name(long), LinguisticKind.ABBREVIATION, plain)
        elif (
            plain == inner
            and any(a == block.text.find(inner, sent.start) for a, _ in block.inline.emphasis)
            and re.match(r"(?:the|an?)\s+[a-z]", phrase := phrase_before(before).strip())
            and 3 <= len(phrase.split()) <= 4
        ):
            # "along with the default Wi-Fi name (**SSID**)": a highlighted short form the
            # words before do not spell is a term those words gloss
            yield b.fact(
                "paren.marked_short", Name(plain), LinguisticKind.DEFINITION, phrase, hedged=False
            )
        elif (
            plain == inner
            and len(plain) >= 3  # "(UK)", "(US)": a two-letter code says where, not what
            and not re.fullmatch(r"[IVXLCDM]+", plain)  # "(VIII)": a regnal number
            and (marked := marked_before(block, sent, m.start())) is not None
            and not re.fullmatch(ABBR, marked)
        ):
            # "a compound called **2-acetyl-1-pyrroline** (2AP)": a short form right after
            # the term the answer highlights is that term's, though its letters are not the
            # term's initials
            yield b.fact("abbrev.marked", Name(marked), LinguisticKind.ABBREVIATION, plain)
        return True
    return False


def read_short_before(b: Bracket) -> Generator[Fact, None, bool]:
    """ "ABC (alpha beta code)", "a MAC address (media access control address)": the long
    form in the bracket, after its short form."""
    plain, before = b.plain, b.before
    # "ABC (…)", and "ABC codes (…)": the acronym may come with the noun it qualifies
    # (a short form may be clipped from its words' starts: "**ExComm** (the Executive …)")
    short = re.search(
        r"(?:^|[\s*_\"“])(?P<a>" + ABBR + r"|[A-Z][a-z]+(?:[A-Z][a-z]*)+)[*_\"”]*"
        r"(?:\s+(?P<n>[a-z]+))?$",
        before,
    )
    noun = short.group("n") if short is not None else None
    if (
        short is not None
        and noun is not None
        and "," not in plain
        and may_contain(plain, (noun,))  # before a pattern built from it (``re``'s cache)
        and re.search(r"\s" + re.escape(noun) + r"$", plain, re.IGNORECASE)
        and spells(plain[: -len(noun)].strip(), short.group("a"))
    ):
        # "a MAC address (media access control address)": both forms end in the noun the
        # acronym qualifies; the names are the whole phrases, one another's alias
        yield b.fact(
            "abbrev.noun_expansion", Name(plain), LinguisticKind.ALIAS, f"{short.group('a')} {noun}"
        )
        return True
    # "JWT (JSON Web Token, pronounced "jot")": the expansion ends at a comma
    spelt = plain if "," not in plain else clean_name(plain.split(",")[0])
    if short is not None and spelt and spells(spelt, short.group("a")):
        # "ABC (Alpha Beta Code)" and "ABC (alpha beta code)": the expansion, never an is-a
        yield b.fact("abbrev.expansion", Name(spelt), LinguisticKind.ABBREVIATION, short.group("a"))
        return True
    return False
