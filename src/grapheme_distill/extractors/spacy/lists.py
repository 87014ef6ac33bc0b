"""How the ``spacy`` extractor reads one markdown list: steps, or sentences about its subject.

Why a module of its own.  The extractor's walk (:mod:`..spacy_extractor`) reads prose sentence by
sentence; a markdown list is read differently, as a whole: first whether its items are the steps of
a procedure (numbered instructions, a procedural lead-in or prompt) or names and descriptions, then
each item as a sentence about the list's implicit subject (its heading or lead-in).  The item forms
"**Label**: value" and "**Term** — gloss" need their own handling: the label is cut off the names
the parser ran it into (:func:`after_label`), a named key or a glossed term becomes the subject of
what follows.  All of that concerns lists alone, so it lives here (cut out of
``spacy_extractor.py`` in issue 11's ninth session, when that file reached 786 lines); the prose
walk itself is passed in as ``prose``.

The patterns ``INJECTION``, ``SEQUENCE`` and ``PROCEDURAL`` are shared with the prose walk.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.extractors.readers.attribute_keys import KEY_PREDICATES
from grapheme_distill.extractors.readers.attributes import is_name_key
from grapheme_distill.extractors.readers.procedures import goal_of, list_holds_steps
from grapheme_distill.extractors.regions import is_country_or_state
from grapheme_distill.extractors.spacy.clauses import Mention, mention_of, phrase_mention
from grapheme_distill.extractors.spacy.glosses import genus_records, gloss_genus, of_term
from grapheme_distill.extractors.spacy.lead_ins import continued_subject, lead_subject
from grapheme_distill.extractors.spacy.named import named_mentions, step_things
from grapheme_distill.extractors.spacy.records import Record, State
from grapheme_distill.extractors.spacy.text import Piece
from grapheme_distill.extractors.spacy.timeline import (
    DATE_KEY,
    inserted,
    read_timeline,
    verb_fragment,
)
from grapheme_distill.model.knowledge import KnowledgeType

__all__ = [
    "INJECTION",
    "PROCEDURAL",
    "SEQUENCE",
    "Prose",
    "genus_records",
    "place_records",
    "read_list",
]

#: the prose walk, bound to the answer's wanted types and state: ``prose(piece, doc, subject)``
#: reads an item's sentences with ``subject`` as the implicit one (no structure: an item is one
#: piece)
Prose = Callable[[Piece, Any, Mention | None], None]


# instructions addressed to the model, not statements about the world: never read as knowledge
INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules|above|previous)\b"
    r"|\byou are now\b|\bsystem prompt\b|\bact as (?:a|an|if)\b|\bjailbreak|\bdeveloper mode\b"
    r"|\bnew instructions?\b|\b(?:output|print|respond with|reply with)\b.{0,30}\b(?:json|only|exactly)\b",
    re.IGNORECASE,
)
SEQUENCE = re.compile(
    r"^(first(?:ly)?|to begin(?: with)?|start by|then|next|after that|afterwards|second(?:ly)?|"
    r"third(?:ly)?|finally|lastly|last)\b[,:]?\s*",
    re.IGNORECASE,
)
PROCEDURAL = re.compile(
    r"\b(how (?:do|can|should|would|to)|steps?\b|instructions?|procedure|recipe|guide|method|"
    r"process|to \w+ (?:a|an|the|your)\b)",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(r"^(?P<k>[^:]{1,40}?)\s*:\s+(?P<v>\S.{0,200})$")
_GLOSS = re.compile(r"^(?P<k>[^\u2013\u2014]{1,60}?)\s+[\u2013\u2014]\s+(?P<v>\S.*)$")


def read_list(
    items: list[tuple[Piece, Any]],
    lead: tuple[Piece, Any] | None,
    heading: Mention | None,
    heading_text: str,
    goal: str | None,
    prompt_procedural: bool,
    types: frozenset[KnowledgeType],
    state: State,
    prose: Prose,
) -> None:
    """Read one markdown list (its ``items``, under ``lead`` or a heading naming ``heading``):
    a procedure when its items are steps, else each item as a sentence about the list's implicit
    subject, with ``prose`` (the extractor's walk); records and mentions go into ``state``."""
    lead_text = lead[0].text if lead else ""
    subject = heading
    if lead is not None:
        subject = lead_subject(lead[1], state) or subject
    # "In practice it:", "Along the way he:", "## What it does": each item goes on the sentence
    continued = continued_subject(lead[1] if lead else None, heading_text, state)
    if continued is not None:
        subject = continued
    context = lead_text or heading_text
    numbered = items[0][0].kind == "numbered"
    starts_with_verb = sum(1 for _, doc in items if len(doc) and doc[0].tag_ == "VB")
    # a numbered list is steps when its items are instructions, not when it numbers names
    # ("1. **Penicillins** — amoxicillin", "1. Adagio", "1. **Henry VII** (r. 1485–1509)")
    named = sum(
        1
        for p, _ in items
        if _KEY_VALUE.match(p.text)
        or _GLOSS.match(p.text)
        or (p.text[:1].isupper() and len(p.text.split()) <= 4 and not p.text.rstrip().endswith("."))
    )
    # the items' own verdict (readers/procedures.py): instructions, or names / descriptions
    verdict = list_holds_steps([p.text for p, _ in items], lead_text or heading_text)
    procedural = (
        len(items) >= 2
        and verdict is not False
        and (
            (numbered and (named * 2 < len(items) or verdict is True))
            or bool(PROCEDURAL.search(context))
            or bool(goal and prompt_procedural)
            or starts_with_verb * 2 > len(items)
        )
    )
    if procedural and KnowledgeType.PROCEDURAL in types:
        steps = tuple(SEQUENCE.sub("", p.text).rstrip(".") for p, _ in items)
        the_goal = goal_of(lead_text) or goal or (heading_text or None) or "procedure"
        start = items[0][0].offsets.to_orig(0)
        last = items[-1][0]
        end = last.offsets.span(0, len(last.text))[1]
        state.records.append(
            Record(
                kind="procedure",
                value=the_goal,
                steps=steps,
                confidence=0.85,
                span=(start, end),
                construction="procedure.list",
            )
        )
    # "**str**: …", "**list**: …": a run of lower-case terms over their glosses (one such item
    # among labels is as often a label's odd case)
    glossed = sum(
        1
        for p, _ in items
        if (m := _KEY_VALUE.match(p.text)) is not None
        and _glossary_term(m.group("k"), m.group("v"))
    )
    # hierarchy edges, key-value facts and the list's entities come from the document readers
    # (:mod:`grapheme_distill.extractors.readers`); here each item is read as a sentence about
    # the list's implicit subject
    for piece, doc in items:
        a, b = piece.offsets.span(0, len(piece.text))
        if (
            KnowledgeType.RELATIONAL in types
            and not INJECTION.search(piece.text)
            and not any(x < b and a < y for x, y in state.injected)
        ):
            state.records.extend(place_records(piece, doc))
        if (
            KnowledgeType.FACTUAL in types
            and (
                procedural
                or DATE_KEY.match(piece.text)
                or _KEY_VALUE.match(piece.text)
                or _GLOSS.match(piece.text)
            )
            and not INJECTION.search(piece.text)
            and not any(x < b and a < y for x, y in state.injected)
        ):  # items not read as prose below: their named things and dates are still nodes
            for m in [*named_mentions(doc), *(step_things(doc) if procedural else ())]:
                state.facts.append(m)
                state.see(m)
        if not procedural and DATE_KEY.match(piece.text):
            read_timeline(piece, doc, subject, state)
            continue
        gloss = _GLOSS.match(piece.text)
        if gloss is not None and not procedural and not _KEY_VALUE.match(piece.text):
            # "**Bees** — pollinate flowers and make honey": the gloss tells of its term
            # ("**Mammals** (class Mammalia)" is the term "Mammals")
            key = gloss.group("k").split(" (")[0]
            term = phrase_mention(doc, 0, len(key))
            pronoun = gloss_pronoun(doc, gloss.start("v"))
            acting = (
                term is not None
                and pronoun == "it"
                and agrees(pronoun, term, doc)
                and _acts_for_owner(doc, term, gloss.start("v"))
            )
            if (
                term is not None
                and pronoun is not None
                and (acting or not agrees(pronoun, term, doc))
            ):
                # "**Venezuela** — they paddled up the Orinoco", "**Owner**: he was …": the
                # pronoun is not the term but whom the list is about
                owner = next(
                    (
                        m
                        for m in (subject, state.coref.topic)
                        if agrees(pronoun, m, doc)
                        and (not acting or (m is not None and m.proper and m.label != "PERSON"))
                    ),
                    None,
                )
                if acting:
                    # the gloss read as the term's, its doer then the owner: the answers' gold
                    # reads the label as the verb's object ("it documents abuses" under
                    # "**Torture**" is "Amnesty documents Torture"), so no clause more
                    marks = len(state.records), len(state.candidates)
                    _read_gloss(piece, doc, term, gloss.start("v"), state, prose)
                    if owner is not None:
                        not_the_term(state, marks, gloss.start("v"), owner)
                    continue
                if owner is not None:
                    state.coref.note(owner)
                marks = len(state.records), len(state.candidates)
                prose(piece, doc, owner)
                not_the_term(state, marks, gloss.start("v"), owner)
                continue
            if term is not None:
                _read_gloss(piece, doc, term, gloss.start("v"), state, prose)
            continue
        if procedural and not _KEY_VALUE.match(piece.text) and declarative(doc):
            # "1. Marie Curie discovered radioactivity": a numbered statement, not a step
            prose(piece, doc, None)
            continue
        kv = _KEY_VALUE.match(piece.text)
        if (
            not procedural
            and kv is not None
            and is_name_key(kv.group("k"))
            and not (_activity(doc) and own_clause(doc, kv.start("v")))
        ):
            # "**Anders Celsius**: Swedish astronomer": the item is said of the named key
            term = phrase_mention(doc, 0, len(kv.group("k")))
            if term is not None:
                state.coref.note(term)
                marks = len(state.records), len(state.candidates)
                prose(piece, doc, term)
                after_label(state, doc, marks, kv.start("v"))
                state.records.extend(genus_records(piece, doc, term, kv.start("v"), state))
                state.records.extend(participle_records(piece, doc, term, kv.start("v"), state))
                region_records(piece, doc, term, kv.start("v"), state, marks[0])
            continue
        if (
            not procedural
            and kv is not None
            and glossed >= 2
            and _glossary_term(kv.group("k"), kv.group("v"))
        ):
            # "**str**: immutable text, stored as Unicode", "**dict**: maps keys to values": a
            # lower-case term's gloss tells of the term, as "**Term** — gloss" does (the document
            # layer makes it a glossary item; read as a label it was never read at all).  The
            # term is "it" inside its gloss only: the prose after the list speaks of what it
            # spoke of before ("… and it influenced Debussy" is the gamelan, not "**kempul**")
            term = phrase_mention(doc, 0, len(kv.group("k")))
            if term is not None:
                co = state.coref
                saved = co.thing, co.any, co.plural, co.named, co.topic, dict(co.numbers)
                _read_gloss(piece, doc, term, kv.start("v"), state, prose)
                co.thing, co.any, co.plural, co.named, co.topic, co.numbers = saved
            continue
        if not procedural and kv is not None and own_clause(doc, kv.start("v")):
            # "**Funding**: The trust funds research": a sentence of its own after a label
            marks = len(state.records), len(state.candidates)
            prose(piece, doc, subject)
            after_label(state, doc, marks, kv.start("v"), label_only=True)
            continue
        if not procedural and kv is not None and gloss is None:
            # "**Africa:** Algeria, Libya, Nigeria": a one-word region over its places
            key = phrase_mention(doc, 0, len(kv.group("k")))
            if key is not None:
                region_records(piece, doc, key, kv.start("v"), state, len(state.records))
        if procedural or kv is not None or gloss is not None:
            continue
        if (
            continued is not None
            and (said := said_of(continued, piece, doc, state.parse)) is not None
        ):
            # "- blinds the Cyclops Polyphemus" parses "blinds" as a plural noun; read as the
            # sentence it continues, "Odysseus blinds the Cyclops Polyphemus"
            prose(*said, subject)
            continue
        before = len(state.records)
        prose(piece, doc, subject)
        if len(state.records) == before and subject is not None:
            verb_fragment(piece, doc, subject, state)


def _read_gloss(
    piece: Piece, doc: Any, term: Mention, start: int, state: State, prose: Prose
) -> None:
    """Read a glossary item's gloss (from ``start``) as prose about its ``term``."""
    state.coref.note(term)  # "— they lay eggs": the term
    before = len(state.records)
    prose(piece, doc, term)
    state.records[before:] = of_term(state.records[before:], term, doc, start)
    state.records.extend(genus_records(piece, doc, term, start, state))
    state.records.extend(participle_records(piece, doc, term, start, state))


def participle_records(
    piece: Piece, doc: Any, term: Mention, start: int, state: State
) -> list[Record]:
    """What the participle after a noun-phrase gloss says of its term: "**Air Jordan:** the Nike
    shoe line launched in 1985" (Air Jordan launched_in 1985), "**Galleria** — a covered arcade
    built in Milan" (built_in Milan).  The dash or colon stands for the copula the clause readers
    need: "Air Jordan is the Nike shoe line launched in 1985" is read so, the gloss was not.  The
    gloss's head noun (``glosses.gloss_genus``) must carry a past participle with a preposition and
    its object, and the object must be a name, a date or a number: a common noun there ("a
    vesicle filled with enzymes", "a foam board held in front") is as often a description the
    annotators leave out (on the development answers about two in three were not gold)."""
    genus = gloss_genus(doc, start)
    if genus is None:
        return []
    out: list[Record] = []
    for verb in genus.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ or obj.like_num):
                continue
            o = mention_of(obj, state.coref)
            predicate = f"{verb.lower_}_{prep.lower_}"
            if o is None or o.pronoun or _read_already(state, piece, term, predicate, o):
                continue
            out.append(
                Record(
                    kind="relation",
                    subject=term,
                    object=o,
                    predicate=predicate,
                    voice="passive",
                    confidence=0.6,
                    span=piece.offsets.span(genus.idx, obj.idx + len(obj.text)),
                )
            )
    return out


def _read_already(state: State, piece: Piece, term: Mention, predicate: str, obj: Mention) -> bool:
    """Whether a reader of the item's own prose gave the same fact already: a second record of
    it would count as a second reader agreeing (the calibration's ``agreement``), which it is
    not."""
    a, b = piece.offsets.span(0, len(piece.text))
    return any(
        r.kind == "relation"
        and r.span[0] < b
        and a < r.span[1]
        and r.predicate == predicate
        and r.subject is not None
        and r.object is not None
        and r.subject.text == term.text
        and r.object.text == obj.text
        for r in state.records
    )


_REGIONS = frozenset({"LOC", "GPE"})
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|;\s*)")


def region_records(
    piece: Piece, doc: Any, term: Mention, start: int, state: State, mark: int
) -> None:
    """ "**Middle East:** Saudi Arabia, Iraq, Iran", "**Africa:** Algeria, Libya": a region's
    name as the key over nothing but names, most of them places — each lies in the region
    (``located_in``), and no place lies in the one listed after it (the clause readers take
    "Iraq, Iran" for a place and its region, as in "Paris, France").  Records from ``mark`` on
    are this item's."""
    if term.label not in _REGIONS:
        return
    value = doc.text[start:].strip().rstrip(".")
    parts = [p for p in _LISTED.split(value) if p]
    places = [e for e in doc.ents if e.start_char >= start]
    if (
        not parts
        or [e.text for e in places] != parts
        or 3 * sum(e.label_ in _REGIONS for e in places) < 2 * len(places)
    ):
        return  # (NER calls the odd country a person: "Gabon"; most must be places)
    inside = {e.text for e in places}
    state.records[mark:] = [
        r
        for r in state.records[mark:]
        if not (
            r.predicate == "located_in"
            and r.subject is not None
            and r.object is not None
            and r.subject.text in {*inside, term.text}
            and r.object.text in inside
        )
    ]
    for e in places:
        place = phrase_mention(doc, e.start_char, e.end_char)
        if place is not None:
            state.records.append(
                Record(
                    kind="relation",
                    subject=place,
                    object=term,
                    predicate="located_in",
                    confidence=0.6,
                    span=piece.offsets.span(e.start_char, e.end_char),
                    construction="list.region",
                )
            )


#: what may stand between a place and the region it lies in: "Erode (now in Tamil Nadu)",
#: "Puno (Peru)", "Kennedy Space Center, Florida" (a space before the bracket; group 1 is the
#: bracket's "in" wording)
_IN_REGION = re.compile(r"^(?:,|\s*\(((?:(?:now|today) )?in )?)\s*$")
_PLACES = frozenset({"FAC", "ORG", "LOC", "GPE"})


def place_records(piece: Piece, doc: Any) -> list[Record]:
    """``located_in`` records of a list item that names a place with its region after it, in
    parentheses ("Erode (now in Tamil Nadu)", "Isla del Sol (Bolivia)") or after a comma
    ("Kennedy Space Center, Florida").  A bare bracket also gives a place another name
    ("Mumbai (Bombay)", "Mount Fuji (Fugaku)"), and NER types both kinds GPE: without "in"
    wording the bracket must hold a country, continent or US state, after a place that is
    none.  Such a fragment has no verb, so no clause reader sees it, yet the gold conventions
    record it as a fact.  A comma between two places of one kind ("Germany, Austria") or
    inside an enumeration is a list of places, not a place and its region: after a comma only
    a facility, organisation or landform takes a region, and only as the last of what the
    comma joins."""
    ents = list(doc.ents)
    out: list[Record] = []
    text = doc.text
    for e1, e2 in zip(ents, ents[1:], strict=False):
        if e1.label_ not in _PLACES or e2.label_ != "GPE":
            continue
        between = text[e1.end_char : e2.start_char]
        found = _IN_REGION.match(between)
        if not found:
            continue
        after = text[e2.end_char :].lstrip()
        if "(" in between:
            if not after.startswith(")"):
                continue
            if not found.group(1) and (
                not is_country_or_state(e2.text) or is_country_or_state(e1.text)
            ):
                continue  # a bare bracket: "Mount Fuji (Fugaku)", "Burma (Myanmar)" rename it
        elif (
            e1.label_ == "GPE"
            or text[: e1.start_char].rstrip().endswith(",")
            or re.match(r"(?:,|and\b|or\b)", after)
        ):
            continue
        s = phrase_mention(doc, e1.start_char, e1.end_char)
        o = phrase_mention(doc, e2.start_char, e2.end_char)
        if s is None or o is None:
            continue
        out.append(
            Record(
                kind="relation",
                subject=s,
                object=o,
                predicate="located_in",
                confidence=0.6,
                span=piece.offsets.span(e1.start_char, e2.end_char),
                construction="list.place",
            )
        )
    return out


def said_of(subject: Mention, piece: Piece, doc: Any, parse: Any) -> tuple[Piece, Any] | None:
    """An item that goes on the lead-in's sentence ("blinds the Cyclops Polyphemus"), parsed
    again after its subject's name, with offsets that still point into the answer (the name's
    own characters at the item's start); ``None`` for an item with a subject or a key of its
    own, or where ``parse`` (the answer's pipeline) did not make ``doc``."""
    if not doc.text[:1].islower() or doc[0].tag_ in ("PRP", "DT", "CD") or DATE_KEY.match(doc.text):
        return None
    return inserted(piece, doc, 0, f"{subject.text} ", parse)


def gloss_pronoun(doc: Any, start: int) -> str | None:
    """The personal pronoun that is the subject of a gloss's first clause ("— they paddled up
    the Orinoco", "— in 1802 he climbed …"), lower-cased; ``None`` when the gloss has none."""
    for tok in doc:
        if tok.idx < start or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        return tok.lower_ if tok.lower_ in ("he", "she", "it", "they") else None
    return None


def not_the_term(state: State, marks: tuple[int, int], value: int, owner: Mention | None) -> None:
    """The parse of "**Ecuador** — in 1802 they climbed …" makes the term a second subject of
    the gloss's verb, and the clause readers take the first: where the pronoun does not mean the
    term, what the records and candidates from ``marks`` on say of a subject inside the term
    (before ``value``) is said of ``owner``, or not at all."""

    def inside(m: Mention | None) -> bool:
        return m is not None and not m.pronoun and m.start < value

    records, candidates = marks
    state.records[records:] = [
        dataclasses.replace(r, subject=owner) if inside(r.subject) else r
        for r in state.records[records:]
        if owner is not None or not inside(r.subject)
    ]
    kept = []
    for c, span in state.candidates[candidates:]:
        if inside(c.subject):
            if owner is None:
                continue
            c = dataclasses.replace(c, subject=owner)
        kept.append((c, span))
    state.candidates[candidates:] = kept


def _acts_for_owner(doc: Any, term: Mention, start: int) -> bool:
    """ "**Arms control** — it lobbied for the Arms Trade Treaty": a label of common nouns
    (no name) before an "it" that acts (the subject of an active verb other than "be" / "have"
    with an object) names an area of what the list's named subject does, not the doer."""
    span = doc.char_span(term.start, term.end, alignment_mode="expand")
    if span is None or any(t.pos_ == "PROPN" for t in span):
        return False
    for tok in doc:
        if tok.idx < start or tok.is_punct or tok.text in ("*", "_"):
            continue
        verb = tok.head  # the gloss opens on the pronoun ("— it lobbied …")
        return (
            tok.lower_ == "it"
            and tok.dep_ == "nsubj"
            and verb.pos_ == "VERB"
            and verb.lemma_ not in ("be", "have")
            and any(c.dep_ in ("dobj", "prep") for c in verb.children)
        )
    return False


def agrees(pronoun: str, mention: Mention | None, doc: Any) -> bool:
    """Whether ``pronoun`` may mean ``mention``: "he" and "she" a person (or a name NER left
    untyped), "it" one thing, "they" several ("**Gongs** — they mark …") or a group named by an
    organisation; a term of this item counts as several when its last word is plural or it
    joins two ("**Refugees and migrants** — it …" is not the term)."""
    if mention is None or mention.pronoun:
        return False
    person = mention.label == "PERSON" or (mention.proper and not mention.label)
    if pronoun in ("he", "she"):
        return person
    words = (
        doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if doc.text[mention.start : mention.end] == mention.text
        else None
    )
    several = words is not None and (
        words[-1].tag_ in ("NNS", "NNPS")
        # a capitalised plural the tagger calls a proper noun: "**Reptiles** (class Reptilia)"
        or (words[-1].lower_.endswith("s") and not words[-1].lower_.endswith(("ss", "us", "is")))
        or any(t.lower_ in ("and", "&") for t in words)
    )
    if pronoun == "they":
        return several or words is None or mention.label in ("ORG", "NORP")
    return not person and not several


def after_label(
    state: State, doc: Any, marks: tuple[int, int], value: int, *, label_only: bool = False
) -> None:
    """Cut the item's label off the names its clauses read from ``marks`` on: the parse of
    "**Evaporation**: Water evaporates into the air" runs the label into the subject
    ("Evaporation: Water"), a name no answer has; the value starts at ``value``.  Only where
    what is left is a whole noun phrase: "Pigment: Prussian" of "**Pigment:** Prussian blue, a
    synthetic pigment" is a name cut short, not a label before one.  The names noted for later
    pronouns are cut too.  With ``label_only`` (the label is no name the sentence is about) a
    clause whose object still starts inside the label goes: the parse of "**Supporting
    Education Systems**: It provides …" hangs the label's gerund on the sentence's verb ("It
    supports Education Systems"), a reading of the label, not of the sentence.  (A subject
    there stays: the parse of "**Standards**: UNESCO sets …" makes the label the subject and
    UNESCO its apposition, and the clause is UNESCO's.)"""

    def cut(m: Mention | None) -> Mention | None:
        if m is None or m.pronoun or not (m.start < value < m.end):
            return m
        _, colon, rest = m.text.partition(": ")
        words = doc.char_span(value, m.end, alignment_mode="expand")
        if not colon or not rest or words is None or not len(words):
            return m
        last = words[-1]
        if words[0].pos_ not in ("NOUN", "PROPN") or (
            last.head.i >= words.end and last.head.pos_ not in ("VERB", "AUX")
        ):
            return m  # an adjective or an article, or a name that runs on past the mention
        return dataclasses.replace(m, text=rest.strip(), start=value)

    def in_label(m: Mention | None) -> bool:
        # (a mention of this item's own text: the list's implicit subject is another's)
        return (
            label_only
            and m is not None
            and not m.pronoun
            and m.start < value
            and doc.text[m.start : m.end] == m.text
        )

    records, candidates = marks
    cut_records = [
        dataclasses.replace(r, subject=cut(r.subject), object=cut(r.object))
        for r in state.records[records:]
    ]
    state.records[records:] = [
        r
        for r in (_label_subject(r, doc, value) if label_only else r for r in cut_records)
        if r is not None and not in_label(r.object)
    ]
    # what a later "It" may mean was noted before the cut: "Promoting Education: UNESCO"
    co = state.coref
    for field in ("person", "thing", "any", "named", "topic", "sentence"):
        m = getattr(co, field)
        if m is not None and doc.text[m.start : m.end] == m.text:
            setattr(co, field, cut(m))
    if label_only:
        # "**Owner:** the French state, which …": the parse makes the value the label's
        # apposition ("Owner is a state"); a later "the state" is no label
        co.classes = {k: m for k, m in co.classes.items() if not in_label(m) or m.end > value}
    for i in range(candidates, len(state.candidates)):
        c, span = state.candidates[i]
        s, o = cut(c.subject), cut(c.object)
        if s is not None and o is not None:
            state.candidates[i] = (dataclasses.replace(c, subject=s, object=o), span)


def _label_subject(r: Record, doc: Any, value: int) -> Record | None:
    """A clause whose subject is the label of a "**Label:** value" item is the value's, or none.

    A label names a field, not a thing: the parse hangs the value on it as its apposition, and
    the clause readers then make the label the subject of what is said of the value ("**Pigment:**
    **Prussian blue**, a synthetic pigment imported from Europe" gave "Pigment imported_from
    Europe", "**Size:** about 3.8 × 4.5 m (it was …)" gave "Size is_a 3.8 × 4.5 m").  The value's
    first noun phrase, the label's apposition, is the subject when it names a thing other than
    the clause's object; otherwise the clause is the label's reading and goes.  Only where the
    apposition names a thing or a quantity (a name, a number in its phrase): a description
    ("**Gene:** a stretch of DNA that codes for …", "**Mitochondria:** organelles that make ATP")
    makes the label the term the item defines, and the clause the term's; nor under a label that
    is a name ("**RNA:** ribonucleic acid, a … relative of DNA that uses uracil") or a clause of
    its own ("Spain was not finished: it sent …")."""
    m = r.subject
    if m is None or m.pronoun or m.end > value or doc.text[m.start : m.end] != m.text:
        return r
    label = [tok for tok in doc if tok.idx < value]
    thing = next(
        (
            child
            for tok in label
            for child in tok.children
            if child.dep_ == "appos" and child.idx >= value and child.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if (
        thing is None
        or any(tok.pos_ in ("VERB", "AUX", "PROPN") for tok in label)
        or not any(
            t.ent_type_ or t.pos_ in ("PROPN", "NUM") for t in doc[thing.left_edge.i : thing.i + 1]
        )
    ):
        return r
    # (read by itself: through the coreference "the state" of "the French state" is the label
    # the parse made it an apposition of)
    said = mention_of(thing)
    o = r.object
    if (
        said is None
        or said.start < value
        or (o is not None and o.start < said.end and said.start < o.end and o.text in said.text)
    ):
        return None
    return dataclasses.replace(r, subject=said)


def _glossary_term(key: str, value: str) -> bool:
    """A "**term**: gloss" item whose term is one word written in lower case (a code term, "str",
    "dict", a word defined in a glossary) and whose value reads as a gloss (lower case or an
    article first): not an attribute key the key table knows ("**born**: …")."""
    k = key.strip()
    return (
        k[:1].islower()
        and len(k.split()) == 1
        and k.lower() not in ATTRIBUTE_KEYS
        and k.lower() not in KEY_PREDICATES
        and (value[:1].islower() or _ARTICLE.match(value) is not None)
    )


_ARTICLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)


def _activity(doc: Any) -> bool:
    """Whether an item's label opens with a gerund ("**Supporting Education Systems**: …",
    "**Promoting Peace**: …"): it names an activity the item describes, not a thing its
    sentence is about, however capitalised."""
    return len(doc) > 0 and doc[0].tag_ == "VBG"


def declarative(doc: Any) -> bool:
    """A list item that states something of a named subject (or a pronoun) rather than telling
    the reader to do it: its first sentence's root verb has a subject that is not "you"."""
    root = next(iter(doc.sents)).root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        root.pos_ in ("VERB", "AUX")
        and subj is not None
        and subj.lower_ not in ("you", "it", "this", "that")
        and (subj.pos_ in ("PROPN", "PRON") or bool(subj.ent_type_))
    )


def own_clause(doc: Any, start: int) -> bool:
    """True when the value of a "**Label**: value" item is a sentence of its own ("**Funding**:
    The trust funds research"): a verb after the colon with its own subject before it."""
    return any(
        tok.idx >= start
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.head.idx > tok.idx
        for tok in doc
    )
