"""A highlighted name that opens with a word the alias readers take for a marker: "**Red miso**
(*aka miso*)" is the Japanese name *aka miso* ("aka" is Japanese for red), not "also known as
miso".  Read as "also known as", the name folded the answer's topic (miso) into one of its kinds
and turned the kinds' hierarchy edges into loops.  The cue is the layout: a writer highlights a
name, never the marker that introduces one, so a highlighted phrase that opens with "aka" is one
name, marker word included ("a.k.a.", written with stops, is always the marker)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import Sentence
from grapheme_distill.extractors.readers.facts import Fact, clean_name
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["marker_in_name", "whole_marked_names"]

#: a marker that is also a word of names ("aka miso", "aka-dashi")
_WORD_MARKER = re.compile(r"(?i)aka\s+(?P<v>\S.*)")


def _opening(block: Block, sent: Sentence, at: int) -> tuple[int, int] | None:
    """The highlighted span of the block that opens at the sentence's offset ``at``."""
    start = sent.start + at
    return next(((a, b) for a, b in block.inline.emphasis if a == start), None)


def marker_in_name(block: Block, sent: Sentence, at: int, end: int) -> bool:
    """Whether the marker word at the sentence's offsets ``[at, end)`` opens a highlighted phrase
    that runs past it ("(*aka miso*)"): then it is a word of that name, no marker."""
    span = _opening(block, sent, at)
    return span is not None and span[1] > sent.start + end


def whole_marked_names(block: Block, sent: Sentence, facts: Iterable[Fact]) -> Iterator[Fact]:
    """``facts`` with an alias cut out of a highlighted name opening with "aka" ("*aka miso*" →
    "miso") given the whole name back ("aka miso")."""
    if "aka" not in sent.text.lower():
        yield from facts
        return
    whole: dict[str, str] = {}
    for a, b in block.inline.emphasis:
        if sent.start <= a < b <= sent.end:
            name = clean_name(block.text[a:b])
            if (m := _WORD_MARKER.fullmatch(name)) is not None:
                whole[clean_name(m.group("v")).lower()] = name
    for fact in facts:
        named = whole.get(fact.value.lower()) if fact.linguistic is LinguisticKind.ALIAS else None
        yield fact if named is None else dataclasses.replace(fact, value=named)
