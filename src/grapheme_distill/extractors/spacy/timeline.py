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

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.predicates import participle_of_making
from grapheme_distill.extractors.readers.context import heading_name
from grapheme_distill.extractors.spacy.mentions import Coref, Mention
from grapheme_distill.extractors.spacy.names import mention_of, phrase_mention
from grapheme_distill.extractors.spacy.records import Record, State
from grapheme_distill.extractors.spacy.text import OffsetMap, Piece

__all__ = ["DATE_KEY", "inserted", "read_timeline", "timeline_facts", "verb_fragment"]

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
#: a name that names what happened, or a document made on a day ("the Battle of Antietam", "the
#: Emancipation Proclamation", "the Gettysburg Address", "the Thirteenth Amendment"): the item's
#: date is its date, whoever the item's verb is about
_EVENT = re.compile(
    r"\b(?:War|Revolt|Revolution|Rebellion|Uprising|Battle|Siege|Massacre|Coup|Raid|Invasion"
    r"|Earthquake|Eruption|Famine|Riots?|Crusade|Treaty|Proclamation|Amendment|Address"
    r"|Declaration|Armistice|Accord|Pact|Edict)\b"
)
#: an event named first after the date ("**July 1861** — the **First Battle of Bull Run**, a
#: Confederate victory, ends …"), which the parser often hangs on nothing
_LEADING_NAME = re.compile(
    r"(?:the\s+)?(?P<x>[A-Z][\w'’.\-]*(?:\s+(?:(?:of|the|at|on)\s+)*[A-Z0-9][\w'’.\-]*)*)"
)


def timeline_facts(
    doc: Any, subject: Mention | None, coref: Coref | None
) -> list[tuple[Mention, str, Mention]]:
    """``(subject, predicate, object)`` facts of one date-keyed item, parsed as ``doc``; none when
    the item is not "DATE: clause" or no subject is known.

    The parser reads the date and the text after it as one sentence and often hangs the text on
    the date, so the item's head is found as the first word after the key whose head lies
    before it: a verb ("launched from ...") is what the subject did, an event noun with a named
    object ("flyby of Jupiter", "splashdown in the Pacific") names the event."""
    m = DATE_KEY.match(doc.text)
    if m is None:
        return []
    date = phrase_mention(doc, m.start("d"), m.end("d"))
    root = _body_head(doc, m.end())
    if date is None or root is None:
        return []
    actor = subject
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.idx >= m.end():
            actor = mention_of(child, coref)
    lead = _LEADING_NAME.match(doc.text, m.end())
    if actor is subject and lead is not None and lead.group(0)[:4].lower() == "the ":
        # "**July 1861** — the **First Battle of Bull Run** (…) ends hopes …": the item names
        # its own subject, which the parser left out of the clause; not the list's subject
        actor = phrase_mention(doc, lead.start("x"), lead.end("x")) or actor
    if actor is None:
        return []
    if subject is not None and _short_form(actor, subject):
        actor = subject  # "the Armada sails …" under "# The Spanish Armada": the subject itself
    # a participle as written ("Born in Warsaw", "Elected to the Senate"): the lemma of "born" is
    # "bear", which no reader of the fact would write
    head = root.lower_ if root.tag_ == "VBN" else root.lemma_.lower()
    named = _named_objects(root, head, coref)
    if root.pos_ == "NOUN" and not any(p != head for p, _ in named):
        # "1979: first album": no event, nothing named ("the Battle of Korsk, a victory": its date)
        return _event_dates(doc, m.end(), date, subject, [])
    prep = "on" if _DAY.search(m.group("d")) else "in"
    made = participle_of_making(root.lemma_.lower()) if root.pos_ == "VERB" else None
    thing = next((obj for p, obj in named if p == head and obj.proper), None)
    if made is not None and thing is not None:
        # "**1802** — Writes the *Heiligenstadt Testament*": the year is the testament's
        # (``written_in``), as in prose (records.date_the_made_thing)
        out = [(thing, f"{made}_{prep}", date)]
    elif _EVENT.search(actor.text) and actor.proper and not _same(actor, subject):
        # "the **Emancipation Proclamation** declares …": the date is the proclamation's
        out = [(actor, "date", date)]
    else:
        out = [(actor, f"{head}_{prep}", date)]
    out.extend((actor, predicate, obj) for predicate, obj in named)
    for verb in root.conjuncts:  # "Moved to Paris and enrolled at the Sorbonne": both happened
        if verb.pos_ == "AUX":  # "abdicates and is exiled to Elba": the participle after "is"
            verb = next((c for c in verb.children if c.tag_ == "VBN"), verb)
        if verb.pos_ == "VERB" and verb.i > root.i:
            word = verb.lower_ if verb.tag_ == "VBN" else verb.lemma_.lower()
            out.extend(
                (actor, predicate, obj)
                for predicate, obj in _named_objects(verb, word, coref)
                if not predicate.endswith("_by")  # "followed by Aldrin": who did it, not the actor
            )
    return _event_dates(doc, m.end(), date, subject, out)


#: an event the item's verb happened during, before or after: not on the item's date
_WHILE = ("_during", "_before", "_after", "_since", "_until", "_throughout")


def _short_form(a: Mention, b: Mention) -> bool:
    """``a`` is the list's subject ``b`` by the last words of its name ("the Armada" for the
    Spanish Armada, "the war" for the American Civil War): the item's own subject is the
    timeline's, and the gold writes its full name."""
    short, whole = a.text.lower().split(), b.text.lower().split()
    return 0 < len(short) < len(whole) and whole[-len(short) :] == short


def _same(a: Mention, b: Mention | None) -> bool:
    """``a`` names the list's subject ``b`` ("it", "the war" resolved to it)."""
    return b is not None and a.text.lower() == b.text.lower()


def _event_dates(
    doc: Any,
    start: int,
    date: Mention,
    subject: Mention | None,
    out: list[tuple[Mention, str, Mention]],
) -> list[tuple[Mention, str, Mention]]:
    """``out`` and the item's date as the date of each event it names ("wins the **Battle of
    Agincourt**", "delivers the **Gettysburg Address**": ``date`` 1415, the annotation
    conventions' name for when something happened), the event named first after the date
    included (the parser often leaves it out of the clause).  Not the list's own subject: the
    items of a war's timeline are what happened in it, each on its own date."""
    dated = {s.text.lower() for s, p, o in out if o is date and p == "date"}
    if subject is not None:
        dated.add(subject.text.lower())
        dated.update(s.text.lower() for s, _, _ in out if _same(s, subject))
    events: list[Mention] = []
    lead = _LEADING_NAME.match(doc.text, start)
    if lead is not None and _EVENT.search(lead.group("x")):
        first = phrase_mention(doc, lead.start("x"), lead.end("x"))
        if first is not None:
            events.append(first)
    for s, predicate, o in out:
        if predicate.endswith(_WHILE):
            continue  # "hidden in caves during the Second World War": the war is no 1940s event
        events.extend(x for x in (s, o) if x is not date and x.proper and _EVENT.search(x.text))
    for event in events:
        if event.text.lower() not in dated:
            dated.add(event.text.lower())
            out.append((event, "date", date))
    return out


def _body_head(doc: Any, start: int) -> Any:
    """The head of the text after the date key: a verb if one heads part of it, else a noun."""
    heads = [
        t
        for t in doc
        if t.idx >= start and (t.head.idx < start or t.head.i == t.i) and not t.is_punct
    ]
    verb = next((t for t in heads if t.pos_ == "VERB"), None)
    if verb is not None:
        return verb
    return next((t for t in heads if t.pos_ == "NOUN"), None)


# prepositions on an object that still say where or whence the event was
_PLACE_PREPS = frozenset({"from", "at", "in", "into", "to", "near", "off", "aboard"})


def _named_objects(head: Any, word: str, coref: Coref | None) -> list[tuple[str, Mention]]:
    """The named objects of the item's head (``word``) and the place phrases hanging on them
    ("launched on a rocket from Cape Canaveral": the launch was from Cape Canaveral).  A name is
    named once: "Shared the Nobel Prize in Physics" hangs "in Physics" on the verb, and the
    phrase the parser finds there is the prize again, not where the sharing was."""
    out: list[tuple[str, Mention]] = []
    holders = [head]
    for child in head.children:
        if child.dep_ == "dobj":
            holders.append(child)
            obj = mention_of(child, coref)
            if obj is not None and (obj.proper or obj.label):
                out.append((word, obj))
    for holder in list(holders):
        holders.extend(
            g
            for child in holder.children
            if child.dep_ in ("prep", "agent") and holder.i == head.i
            for g in child.children
            if g.dep_ == "pobj"
        )
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in ("prep", "agent"):
                continue
            if holder.i != head.i and child.lower_ not in _PLACE_PREPS:
                continue  # "the Ocean of Storms": an "of" phrase is part of its noun's name
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                obj = mention_of(pobj, coref)
                if (
                    obj is not None
                    and (obj.proper or obj.label)
                    and all(obj.text != o.text for _, o in out)
                ):
                    out.append((f"{word}_{child.lower_}", obj))
    return out


def inserted(
    piece: Piece, doc: Any, at: int, words: str, parse: Any, *, lower: bool = False
) -> tuple[Piece, Any] | None:
    """``piece`` parsed again with ``words`` put in at ``at`` ("Odysseus " before "blinds the
    Cyclops", "Beethoven " after "**1827** — "), the letter after them lower-cased with
    ``lower`` ("Beethoven dies", not "Beethoven Dies"); its offsets still point into the answer
    (the words' own characters at ``at``).  ``parse`` is the pipeline that made ``doc``
    (:attr:`State.parse`, set by the extractor); ``None`` where there is none, or it did not make
    ``doc`` (nothing to parse it again with)."""
    if parse is None or parse.vocab is not doc.vocab:
        return None
    old = piece.offsets
    offsets = OffsetMap()
    for start, origin in zip(old.starts, old.origins, strict=True):
        if start < at:
            offsets.add(start, origin)
    offsets.add(at, old.to_orig(at))  # the words stand where they were put
    offsets.add(at + len(words), old.to_orig(at))
    for start, origin in zip(old.starts, old.origins, strict=True):
        if start > at:
            offsets.add(start + len(words), origin)
    rest = piece.text[at:]
    if lower:
        rest = rest[:1].lower() + rest[1:]
    text = piece.text[:at] + words + rest
    return dataclasses.replace(piece, text=text, offsets=offsets), parse(text)


#: a subject-less timeline item's verb the parser takes for a plural noun ("**1827** — Dies in
#: Vienna", "**1792** — Moves to Vienna"): a capitalised word ending in "s", not part of a name
_NOUN_VERB = frozenset({"NNS", "NNPS", "NNP", "VBZ"})


def _said_verb(doc: Any, start: int) -> bool:
    first = next((t for t in doc if t.idx >= start and not t.is_punct), None)
    return (
        first is not None
        and first.text[:1].isupper()
        and first.lower_.endswith("s")
        and first.tag_ in _NOUN_VERB
        and not first.ent_type_
        and not any(t.dep_ in ("nsubj", "nsubjpass") and t.idx >= start for t in doc)
    )


def read_timeline(piece: Piece, doc: Any, subject: Mention | None, state: State) -> None:
    """The records of a date-keyed list item; a generic heading ("Timeline") is no subject,
    the answer's topic is.  An item whose verb the parser took for a noun ("Dies in Vienna
    on 26 March") is parsed again with the subject's name before it."""
    if subject is None or not (subject.proper or subject.label):
        subject = state.coref.topic
    if (
        subject is not None
        and (":" in subject.text or "(" in subject.text)
        and (name := heading_name(subject.text))
    ):
        # "# The American Civil War: key moments": the war, not its moments
        subject = dataclasses.replace(subject, text=name)
    key = DATE_KEY.match(doc.text)
    if subject is not None and key is not None and _said_verb(doc, key.end()):
        again = inserted(piece, doc, key.end(), f"{subject.text} ", state.parse, lower=True)
        if again is not None:
            piece, doc = again
    for s, predicate, o in timeline_facts(doc, subject, state.coref):
        state.records.append(
            Record(
                kind="relation",
                subject=s,
                object=o,
                predicate=predicate,
                confidence=0.6,
                span=piece.offsets.span(0, len(piece.text)),
                construction="list.timeline",
            )
        )


def verb_fragment(piece: Piece, doc: Any, subject: Mention, state: State) -> None:
    """A subject-less list item like "Discovered radium", which the small model parses as a noun
    phrase ("discovered" as an adjective): the leading verb form is the predicate, the noun the
    object, the list's implicit subject the subject."""
    if len(doc) < 2 or doc[0].tag_ not in ("VB", "VBD", "VBN", "VBZ") or doc[0].dep_ == "ROOT":
        return
    root = next(iter(doc.sents)).root
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    obj = phrase_mention(doc, doc[1].idx, root.idx + len(root.text))
    if obj is None:
        return
    state.records.append(
        Record(
            kind="relation",
            subject=subject,
            object=obj,
            predicate=doc[0].lemma_.lower(),
            voice="active",
            confidence=0.6,
            span=piece.offsets.span(0, obj.end),
        )
    )
