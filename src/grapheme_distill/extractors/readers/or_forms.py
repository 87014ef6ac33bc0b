"""A second name or a gloss set off in apposition: "Deoxyribonucleic acid, or DNA, carries …",
"every wrestler, or **rikishi**, sits …", "Tinnitus — ringing in the ears — often follows …".
Cut out of :mod:`.alias_forms` (issue 11, twenty-fifth session): these forms have no marker
word, so what they give (a short form, an alias, a synonym or a definition) is judged from the
two phrases themselves, where the marker forms left in :mod:`.alias_forms` always give an alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import lfact, long_and_short
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_dash_aside", "read_or_apposition", "read_or_marked"]

#: "X, or Y, <verb> …" opening a sentence: a second name for the subject (a list would go on
#: with another "or")
_OR_APPOSITION = re.compile(
    r"^(?P<x>[^,;:()]{2,50}?),\s+or\s+(?P<y>[^,;:()]{2,50}?),\s+(?!(?:or|and|nor)\b)(?=[a-z]+\b)"
)
#: "every wrestler, or *rikishi*, sits …", "harvestmen, or "daddy longlegs" (Opiliones)": inside a
#: sentence, a second name the answer marks (highlighted or quoted) after "X, or"; an unmarked
#: one would as well be an alternative ("rice, or noodles, …")
_OR_MARKED = re.compile(
    r"(?P<x>[^\W\d_][\w\-'’]*(?:\s+[^\W\d_][\w\-'’]*){0,2}),\s+or\s+(?P<q>[\"“])?"
    r"(?P<y>[^,;:()\"“”.]{2,40}?)[\"”]?(?=\s*[,;:(.]|\s+[\u2013\u2014]|$)"
)
#: a word before which a noun phrase starts: the noun before "or" is what follows the last one
_OR_CUT = re.compile(
    r"\b(?:and|or|but|the|a|an|every|each|any|all|some|its|their|his|her|our|your|this|that|"
    r"these|those|of|in|on|for|to|by|with|from|as|at|into|is|are|was|were|called|named|"
    r"\w+['’](?:re|s|ve|ll|d))\s+",
    re.IGNORECASE,
)
#: "Tinnitus — ringing in the ears — often follows …": a second name set off by dashes
_DASH_ASIDE = re.compile(
    r"^(?P<x>[A-Z][^\u2013\u2014,;:()]{1,50}?)\s+[\u2013\u2014]\s+(?P<y>[^\u2013\u2014,;:()]{2,60}?)"
    r"\s+[\u2013\u2014]\s+(?=[a-z])"
)


def _noun_phrase_end(text: str) -> str:
    """The noun phrase ending a clause ("Cells break down glucose through the Krebs cycle" →
    "Krebs cycle"): the words after its last article or preposition, or the text itself when it
    is short enough to be a name ("" when neither)."""
    if len(text.split()) <= 4:
        return text
    tail = re.search(
        r"\b(?:the|a|an|of|in|on|through|by|with|for|to|from|as|into|via|and)\s+"
        r"(?P<np>(?:[^\s,]+\s+){0,3}[^\s,]+)$",
        text,
    )
    return tail.group("np") if tail is not None else ""


def read_or_apposition(block: Block, sent: Sentence, text: str, hedged: bool) -> Iterator[Fact]:
    """ "X, or Y, <verb> …" opening a sentence: a short form, a definition ("Erosion, or the
    slow wearing away of rock …"), or a second name of the subject."""
    if (m := _OR_APPOSITION.match(text)) is not None:
        # "Deoxyribonucleic acid, or DNA, carries …", "Hypertension, or high blood pressure, …"
        # "The Federal Reserve, or simply the Fed, …": the adverb is no part of the name
        y_text = re.sub(r"^(?:simply|just|more simply|informally)\s+(?:the\s+)?", "", m.group("y"))
        y_text = re.sub(r"\s+for short$", "", y_text)  # "…, or DNA for short, …"
        x, y = clean_name(_noun_phrase_end(m.group("x"))), clean_name(y_text)
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block,
                sent,
                "abbrev.or",
                Name(pair[0]),
                LinguisticKind.ABBREVIATION,
                pair[1],
                hedged,
            )
        elif (
            x
            and re.match(r"(?:the|a|an)\s+[a-z]", m.group("y").strip("*_ "))
            and len(y.split()) >= 4
            and not re.search(r"\s[A-Z]", x)  # a notion, capitalised by its place only
        ):
            # "Erosion, or the slow wearing away of rock by water, shapes …": a definition
            value = m.group("y").strip("*_ ")
            yield lfact(block, sent, "definition.or", Name(x), LinguisticKind.DEFINITION, value)
        elif (
            x
            and y
            and x.lower() != y.lower()
            and len(y.split()) <= 4
            and not re.search(r"\d", x + y)  # "250 g dried chickpeas, or two 400 g tins,": amounts
        ):
            kind = (  # "Olga Bondareva, or Olga Nikolaevna Bondareva, …": two names, an alias
                LinguisticKind.ALIAS
                if x[:1].isupper() and y[:1].isupper()
                else LinguisticKind.SYNONYM
            )
            yield lfact(block, sent, f"{kind.value}.or", Name(x), kind, y, hedged)


def read_dash_aside(block: Block, sent: Sentence, text: str, hedged: bool) -> Iterator[Fact]:
    """ "Tinnitus — ringing in the ears — often follows …": a short form or a plain synonym set
    off by dashes after the subject."""
    if (m := _DASH_ASIDE.match(text)) is not None:
        x, y = clean_name(m.group("x")), clean_name(m.group("y"))
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block,
                sent,
                "abbrev.dashes",
                Name(pair[0]),
                LinguisticKind.ABBREVIATION,
                pair[1],
                hedged,
            )
        elif (
            not re.search(r"\s[A-Z]", x)  # a notion, not a named thing
            and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", x)  # a clause, no term
            and y.islower()
            and 1 <= len(y.split()) <= 5
            and not re.search(r"\b(?:is|are|was|were|has|have|not|also|often|usually)\b", y)
        ):
            yield lfact(block, sent, "synonym.dashes", Name(x), LinguisticKind.SYNONYM, y, hedged)


def read_or_marked(block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "every wrestler, or **rikishi**, sits …": the marked second name of the noun before
    "or" (the sentence-opening form is :data:`_OR_APPOSITION`'s)."""
    text = sent.text
    if ", or " not in text:
        return
    ends = {b for _, b in block.inline.emphasis}
    starts = {a for a, _ in block.inline.emphasis}
    for m in _OR_MARKED.finditer(text):
        y_start, y_end = sent.start + m.start("y"), sent.start + m.end("y")
        marked = m.group("q") is not None or (y_start in starts and y_end in ends)
        # the words after the last article or preposition ("blocks the enzyme" → "enzyme")
        x = clean_name(_OR_CUT.split(m.group("x"))[-1])
        y = clean_name(m.group("y"))
        if not marked or not x or not y or (m.start("x") == 0 and _OR_APPOSITION.match(text)):
            continue  # unmarked, or the sentence-opening form (read by _OR_APPOSITION)
        if x.lower() == y.lower() or re.search(r"\d", x + y) or len(y.split()) > 4:
            continue
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block, sent, "abbrev.or_marked", Name(pair[0]), LinguisticKind.ABBREVIATION, pair[1]
            )
            continue
        kind = (
            LinguisticKind.ALIAS if x[:1].isupper() or y[:1].isupper() else LinguisticKind.SYNONYM
        )
        yield lfact(block, sent, f"{kind.value}.or_marked", Name(x), kind, y, hedged)
