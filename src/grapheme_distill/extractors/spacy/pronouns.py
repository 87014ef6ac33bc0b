"""Pronouns by gender: "she" is not the man named last.

Why.  The light coreference (:class:`~grapheme_distill.extractors.spacy.mentions.Coref`) gives
"he" and "she" alike the last person that was a sentence's subject, so in an answer about
Katherine Johnson "Barack Obama awarded her the Presidential Medal of Freedom in 2015. She died on
24 February 2020" made Obama die in 2020 (and a biography's "he" went to the queen who opened the
building).  An answer about a person names that person with one pronoun far more often than any
other ("she" forty times, "he" twice), which says the person's gender without any list of names.

:class:`AnswerCoref` keeps the base behaviour and corrects it by that count: a personal pronoun of
the topic's gender means the topic (a person) unless the person named last is of that gender too
(an earlier such pronoun was resolved to them, or a title says so: "Queen …", "Sir …"); a pronoun
of the other gender never means the topic and goes to the last other person instead.  Gender is
only used when the answer's count is clear (see :func:`dominant_gender`).
"""

from __future__ import annotations

import re
from typing import Literal

from grapheme_distill.extractors.spacy.mentions import DESCRIPTION_LABELS, Coref, Mention

__all__ = ["AnswerCoref", "dominant_gender", "title_gender"]

Gender = Literal["f", "m"]

_MALE_WORDS = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_FEMALE_WORDS = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_TITLES: dict[str, Gender] = {
    **dict.fromkeys(
        ("queen", "mrs", "ms", "miss", "lady", "princess", "empress", "duchess", "dame"), "f"
    ),
    **dict.fromkeys(
        ("king", "mr", "sir", "lord", "prince", "emperor", "duke", "pope", "tsar"), "m"
    ),
}


def dominant_gender(text: str) -> Gender | None:
    """The gender of the pronouns an answer uses most, when they are clearly one: at least three,
    and three times as many as the other's."""
    m, f = len(_MALE_WORDS.findall(text)), len(_FEMALE_WORDS.findall(text))
    if m >= 3 and m >= 3 * f:
        return "m"
    if f >= 3 and f >= 3 * m:
        return "f"
    return None


def title_gender(m: Mention) -> Gender | None:
    """The gender a name's title says ("Queen Elizabeth II", "Sir Isaac Newton"), if any."""
    words = m.text.split()
    return _TITLES.get(words[0].lower().rstrip(".")) if words else None


class AnswerCoref(Coref):
    """:class:`Coref` with the answer's dominant pronoun gender (see the module's docstring)."""

    def __init__(self, gender: Gender | None = None) -> None:
        super().__init__()
        self.gender = gender
        self.persons: list[Mention] = []  # every person noted, latest last
        self.genders: dict[str, Gender] = {}  # what earlier pronouns and titles said of a name

    @classmethod
    def of(cls, text: str) -> AnswerCoref:
        return cls(dominant_gender(text))

    def note(self, mention: Mention) -> None:
        super().note(mention)
        if self.person is mention:
            self.persons.append(mention)
            if (g := title_gender(mention)) is not None:
                self.genders.setdefault(mention.text.lower(), g)

    def _gender_of(self, m: Mention) -> Gender | None:
        topic = self.topic
        if topic is not None and m.text.lower() == topic.text.lower() and self.gender:
            return self.gender
        return self.genders.get(m.text.lower())

    def resolve_description(self, noun: str, *, plain: bool) -> Mention | None:
        """ "The country is a constitutional monarchy" in an answer about Morocco is Morocco, not
        Spain, the country named last: a bare class noun that no name carries and nothing was
        said to be means the answer's topic when the topic is of that class (by its NER type)."""
        got = super().resolve_description(noun, plain=plain)
        topic, low = self.topic, noun.lower()
        if got is None or topic is None or got is topic or not plain or low in self.classes:
            return got
        if any(low in m.text.lower().split() for m in self.names):
            return got  # "the institute": the name that says so
        wanted = DESCRIPTION_LABELS.get(low)
        return topic if wanted is not None and topic.label and topic.label in wanted else got

    def resolve(self, pronoun: str, *, owner_of: int = -1) -> Mention | None:
        got = super().resolve(pronoun, owner_of=owner_of)
        wanted = _PRONOUN_GENDER.get(pronoun)
        topic = self.topic
        if wanted is None or self.gender is None or topic is None or topic.label != "PERSON":
            return got
        if got is not None and self._gender_of(got) == wanted:
            return got  # the guess is of the pronoun's gender already
        same = topic.text.lower()
        if wanted == self.gender:
            # the topic, unless the person named last is known to be of this gender too
            if got is not None and got.text.lower() != same and got is self.sentence:
                return got  # "Her husband Diego … ; he …" inside one sentence: the base reading
            return topic
        # the other gender: never the topic; the last other person not known to be the topic's
        for m in reversed(self.persons):
            if m.text.lower() != same and self._gender_of(m) in (None, wanted):
                self.genders.setdefault(m.text.lower(), wanted)
                return m
        return None if got is not None and got.text.lower() == same else got
