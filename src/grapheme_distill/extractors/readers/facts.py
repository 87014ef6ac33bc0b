"""What the readers produce: plain facts over names, before entity resolution.

Readers work on the document layer and on strings; they do not know entity ids or final types.
A :class:`Fact` names its arguments with :class:`Name` (the surface text and a type hint), says
which *construction* produced it (``kv``, ``table``, ``list.part_of``, ``gloss``, ``abbrev.paren``
…) and whether its sentence was hedged.  The construction is what confidence is calibrated on
(:mod:`grapheme_distill.extractors.confidence`): a key-value bullet and a parenthetical alias are
right at very different rates, and only the construction says which one an item came from.
Entity resolution (one id and one type per name, short names, aliases) happens once, after every
reader has run, in the extractor that turns facts into items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from grapheme_distill.extractors.base import HEDGES, is_hedged
from grapheme_distill.model.knowledge import HierarchyKind, LinguisticKind

__all__ = ["HEDGES", "Fact", "Name", "clean_name", "is_hedged"]

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: a bracket opened right after a letter or digit ("O(n", "401(k"): part of the name
_GLUED = re.compile(r"\w\([^()]*$")
_EDGE = " \t\n\"'“”‘’.,;:!?*_`()[]"


@lru_cache(maxsize=16_384)
def clean_name(text: str) -> str:
    """A name as the answer writes it, without markup, leading article or edge punctuation.

    Memoised (a pure function of the text): the readers clean the same item, key and lead-in
    texts again and again (~12,000 calls a pass over the 120 synthetic answers)."""
    text = " ".join(text.replace("**", "").replace("`", "").split())
    bare = text.strip(_EDGE)
    bare = _ARTICLE.sub("", bare).strip(_EDGE)
    if _GLUED.search(bare) and bare.count("(") > bare.count(")"):
        # "O(n)", "O(n!)", "401(k)": a bracket glued to the name is part of it, to its close
        at = text.find(bare)
        close = text.find(")", at + len(bare)) if at >= 0 else -1
        if close >= 0 and "(" not in text[at + len(bare) : close]:
            bare = text[at : close + 1]
    return _PRAISE.sub("", bare)


# praise in front of a common noun is no part of its name: "a good vinaigrette", "a classic French
# omelette".  Words that also make terms ("simple interest", "classic rock", "traditional
# medicine") are dropped only before a capitalised word; a capitalised one may be a name ("Classic FM")
_PRAISE = re.compile(
    r"^(?:(?:good|great|perfect|proper|authentic|decent|ideal)\s+(?=[a-zA-Z])"
    r"|(?:classic|traditional|typical|simple|basic|standard)\s+(?=[A-Z]))"
)


@dataclass(frozen=True)
class Name:
    """A mention by its text.  ``type`` is a hint in spaCy's label set (``PERSON``, ``ORG``,
    ``GPE``, ``DATE``, ``CARDINAL``, ``QUANTITY`` …, or ``""`` when unknown); ``thing`` says the
    answer called it a place or object ("the longest river"), so "he/she" never mean it."""

    text: str
    type: str = ""
    thing: bool = False

    @property
    def proper(self) -> bool:
        return bool(self.text[:1].isupper() or self.text[:1].isdigit())


FactKind = Literal["relation", "hierarchy", "linguistic", "entity"]


@dataclass(frozen=True)
class Fact:
    """One thing a reader read.

    Attributes:
        kind: ``relation`` (subject predicate object), ``hierarchy`` (subject = parent, object =
            child), ``linguistic`` (subject = term, ``value``) or ``entity`` (subject only: a
            name the answer mentions, kept even when no other fact refers to it).
        construction: which reader and pattern produced it (calibration key).
        span: the evidence's character span in the answer.
        hedged: the sentence hedged its claim.
        model_p: the probability a learned reader gave the fact, when one decided it.
    """

    kind: FactKind
    construction: str
    span: tuple[int, int]
    subject: Name
    object: Name | None = None
    predicate: str = ""
    negated: bool = False
    hierarchy: HierarchyKind | None = None
    linguistic: LinguisticKind | None = None
    value: str = ""
    hedged: bool = False
    model_p: float | None = None  # a learned reader's probability (the item's signals["model_p"])
