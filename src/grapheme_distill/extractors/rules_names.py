"""How the ``rules`` extractor names and types what it reads (split out of :mod:`.rules`).

Why a module of its own.  :mod:`.rules` grew to 762 lines (the limit is ~800) with four jobs in
one file; this is the job every other one calls: a phrase becomes a name (markup, a leading
article and trailing punctuation dropped), a list becomes its names ("A, B and C"), and a name
gets the type it implies on its own (dates, numbers, honorifics, organisation suffixes), never
from the sentence, so one name always gets one type and one id across answers.  The spaCy
extractor types names the same way (:func:`guess_entity_type`).
"""

from __future__ import annotations

import re

from grapheme_distill.model.knowledge import EntityType

__all__ = ["clean_phrase", "guess_entity_type", "split_list", "strip_markup"]

_MARKUP = re.compile(r"(\*\*|__|\*|`|~~)")
_ORG = re.compile(
    r"\b(inc|corp|corporation|company|ltd|llc|gmbh|university|institute|society|association|"
    r"agency|bank|party|council|foundation|organi[sz]ation|group|ministry|committee)\b\.?$",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^(mr|mrs|ms|dr|prof|sir|lady|lord|king|queen|saint|st|president)\.?\s", re.IGNORECASE
)
_YEAR = re.compile(r"^(?:in\s+)?(1[0-9]{3}|20[0-9]{2})$")
_DATE = re.compile(
    r"^(?:\d{1,2}\s+)?(january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+\d{1,2})?,?\s+\d{3,4}$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"^[-+]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|million|billion|thousand))?$", re.IGNORECASE
)
_EVENT = re.compile(
    r"\b(war|revolution|battle|olympics|election|festival|summit|crisis)\b", re.IGNORECASE
)

_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"[\s.,;:!?\"'”’)]+$")
#: the words that introduce a list, not part of its first name
_LIST_INTRO = re.compile(r"^(?:the following|such as|including)\s*:?\s*", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Drop markdown emphasis and code ticks, keep the words."""
    return _MARKUP.sub("", text)


def guess_entity_type(name: str) -> EntityType:
    """The type a name implies on its own (so one name always gets the same type)."""
    n = name.strip()
    if _YEAR.match(n) or _DATE.match(n):
        return EntityType.DATETIME
    if _NUMBER.match(n):
        return EntityType.NUMBER
    if _PERSON.match(n):
        return EntityType.PERSON
    if _ORG.search(n):
        return EntityType.ORGANIZATION
    if _EVENT.search(n) and n[:1].isupper():
        return EntityType.EVENT
    if n[:1].isupper():
        return EntityType.OTHER
    return EntityType.CONCEPT


def clean_phrase(phrase: str) -> str:
    """A phrase as a name: markup, trailing punctuation and a leading article dropped."""
    phrase = _TRAILING_JUNK.sub("", strip_markup(phrase).strip())
    return _LEADING_ARTICLE.sub("", phrase).strip()


def split_list(text: str) -> list[str]:
    """The names of a list ("A, B and C"), each cleaned; a part of more than eight words is a
    clause, not a name."""
    text = _LIST_INTRO.sub("", text.strip())
    parts = [clean_phrase(p) for p in _LIST_SPLIT.split(text)]
    return [p for p in parts if p and len(p.split()) <= 8]
