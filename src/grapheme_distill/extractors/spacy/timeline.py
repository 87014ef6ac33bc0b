"""Timelines: list items keyed by a date ("- **16 July 1969:** launched from Kennedy Space Center").

Assistant answers about people, events and missions often carry a timeline: a bullet list whose
items open with a date and a colon, followed by what happened, usually without a subject (the
answer's topic) and sometimes with one ("20 July 1969: the lunar module Eagle landed in ...").  As
key-value items they are left alone by the clause reader and the date is no attribute name, so
nothing was read from them.  Here the date is the time of the item's main verb, and the verb's
named objects and place phrases are what the subject did: ``launch_on 16 July 1969``,
``launch_from Kennedy Space Center``.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.mentions import Coref, Mention
from grapheme_distill.extractors.spacy.names import mention_of, phrase_mention

__all__ = ["DATE_KEY", "timeline_facts"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: a date (day month year, month day, year, or a year span) opening an item, then a colon or dash
DATE_KEY = re.compile(
    rf"^(?P<d>(?:c\.\s*)?(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?\d{{3,4}}s?"
    r"(?:\s*[\u2013\u2014-]\s*\d{2,4})?)(?:\s*\([^)]{0,20}\))?\s*(?::|\s[\u2013\u2014-])\s+"
)
_DAY = re.compile(r"\d{1,2}\s+\w|\w\s+\d{1,2}\b")


def timeline_facts(
    doc: Any, subject: Mention | None, coref: Coref | None
) -> list[tuple[Mention, str, Mention]]:
    """``(subject, predicate, object)`` facts of one date-keyed item, parsed as ``doc``; none when
    the item is not "DATE: clause" or no subject is known."""
    m = DATE_KEY.match(doc.text)
    if m is None:
        return []
    date = phrase_mention(doc, m.start("d"), m.end("d"))
    root = next(iter(doc.sents)).root
    if date is None or root.pos_ != "VERB" or root.idx < m.end():
        return []
    actor = subject
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.idx >= m.end():
            actor = mention_of(child, coref)
    if actor is None:
        return []
    verb = root.lemma_.lower()
    out = [(actor, f"{verb}_{'on' if _DAY.search(m.group('d')) else 'in'}", date)]
    for child in root.children:
        if child.dep_ == "dobj":
            obj = mention_of(child, coref)
            if obj is not None and (obj.proper or obj.label):
                out.append((actor, verb, obj))
        elif child.dep_ in ("prep", "agent"):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                obj = mention_of(pobj, coref)
                if obj is not None and (obj.proper or obj.label):
                    out.append((actor, f"{verb}_{child.lower_}", obj))
    return out
