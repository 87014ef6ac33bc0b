"""Glossary items as facts about their term.

A chat answer explains its terms in glossary bullets: "**Conductor** — sets the tempo and leads
rehearsals", "**Ribosome** — a molecular machine that builds proteins", "**Fish** — cold-blooded,
live in water and breathe through gills".  The gloss is read as prose with the term as its
implicit subject, but what it says was then thrown away as a *loose* clause (a verb between two
common nouns, neither the answer's topic: mostly noise in running prose).  In a glossary the
term is a defined thing the answer is about, so a verb said of it is a fact; and when the gloss
opens with a genus ("a molecular machine"), its relative clauses are said of that genus, which
stands for the term.  The gold conventions record these facts ("conductor sets tempo",
"ribosome builds protein").

Kept (issue 11, fifth session) because it raised relation F1 on unseen answers (val42 tp 135 →
138, fp 333 → 334) with every other type unchanged.

What a genus says of its term without a verb (:func:`genus_records`: "with", "famous for", a
ranked kind) lives here too (moved from ``lists.py``, 680 lines, in the twenty-first session, to
let it grow).  Reading a "**Key**: value" item glossed by an indefinite genus ("salt: a
mineral that helps preserve cheese") the same way was measured then and set aside: 4 right
relations and 1 wrong on devtrain, one wrong relation more on each of four gates.

Twenty-second session: a gloss that opens with a bare adjective says what its term is like
(:func:`quality_records`, "**Fish** — cold-blooded, …": fish is cold-blooded), and a piece of
the term's own words that the parse split off as a subject ("buoy" of "**Pull buoy**", each of
"**Tonsils and adenoids**") stands for the term, while a clause between the term and its own
words ("Pull buoy pull buoy") is dropped.  6 of the 7 quality readings on devtrain were gold
facts; the learned entity decision, which never saw the ``list.quality`` evidence (p 0.08-0.21
against its 0.35), no longer drops their adjective node (``entity_choice.ANCHORING``, second
round).  A general "X is ADJ" reading of prose copulas does not pay: of 74 on devtrain with a
noun subject, 4 were gold facts (the gold keeps a property only now and then).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from grapheme_distill.extractors.spacy.clauses import mention_of, phrase_mention
from grapheme_distill.extractors.spacy.items import participant
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.records import Record, State
from grapheme_distill.extractors.spacy.text import Piece

__all__ = [
    "CONSTRUCTION",
    "QUALITY",
    "genus_records",
    "gloss_genus",
    "gloss_head",
    "of_term",
    "quality_records",
]

#: the construction of a gloss's clause about its term (a calibration key of its own)
CONSTRUCTION = "clause.gloss"


def gloss_head(doc: Any, start: int) -> Any:
    """The gloss's head: its first word whose syntactic head lies before it (or that heads the
    parse), punctuation passed over, or ``None``; ``start`` is where the gloss starts in ``doc``."""
    return next(
        (
            t
            for t in doc
            if t.idx >= start and not t.is_punct and (t.head.idx < start or t.head.i == t.i)
        ),
        None,
    )


def gloss_genus(doc: Any, start: int) -> Any:
    """The noun a gloss opens with when no verb heads it ("— a molecular machine that builds
    proteins"), or ``None``: its :func:`gloss_head` when that is a common noun."""
    head = gloss_head(doc, start)
    return head if head is not None and head.pos_ == "NOUN" else None


def of_term(records: list[Record], term: Mention, doc: Any, start: int) -> list[Record]:
    """The records read from one glossary item (parsed as ``doc``, its gloss from ``start``) as
    facts about ``term``: a clause about the gloss's genus is about the term, and an active
    clause of the term whose object names a thing (not an action: "interpretation", "scoring";
    not a ranked phrase: "first ball") is kept as construction :data:`CONSTRUCTION` instead of
    being dropped as loose.  A common-noun piece of the term's own words as a subject is the
    term; a record of the term whose object is its own words is dropped."""
    genus = gloss_genus(doc, start)
    out: list[Record] = []
    for r in records:
        if r.kind == "relation" and r.subject is not None and r.construction == "clause":
            if (genus is not None and r.subject.start <= genus.idx < r.subject.end) or (
                r.subject != term and _common_piece(r.subject, term, doc)
            ):
                # the genus stands for the term; so does a piece of the term's own words
                # ("**Pull buoy**": "Pull" parsed as a verb leaves "buoy" the subject;
                # "**Tonsils and adenoids**": each conjunct a subject of its own)
                r = dataclasses.replace(r, subject=term)
            if r.subject == term and r.object is not None and _inside(r.object, term, doc):
                continue  # "Pull buoy pull buoy": the term's own words, misparsed as a clause
            if (
                r.voice == "active"
                and r.subject == term
                and r.object is not None
                and participant(r.object)
            ):
                r = dataclasses.replace(r, construction=CONSTRUCTION)
        out.append(r)
    return out


def _inside(m: Mention, term: Mention, doc: Any) -> bool:
    """Whether ``m`` is words of ``term`` itself, in this item (a mention resolved from
    elsewhere in the answer carries offsets into another piece: its text says so)."""
    return term.start <= m.start and m.end <= term.end and doc.text[m.start : m.end] == m.text


def _common_piece(m: Mention, term: Mention, doc: Any) -> bool:
    """Whether ``m`` is a common-noun piece of the term's words, which the parse split off
    ("buoy" of "Pull buoy", "Tonsils" of "Tonsils and adenoids"): it stands for the term.  A
    name inside the term stays itself ("Frascati" of "**ESRIN in Frascati, Italy**")."""
    return not (m.proper or m.label or m.pronoun) and _inside(m, term, doc)


#: words that count what the phrase after "of" names: that phrase is the object
_AMOUNTS = frozenset({"thousands", "hundreds", "dozens", "millions", "lots", "number", "range"})
_FAMED = frozenset({"famous", "known", "noted", "renowned", "celebrated"})


def genus_records(piece: Piece, doc: Any, term: Mention, start: int, state: State) -> list[Record]:
    """What the genus of a glossed or named item says of its term, where no verb says it: "**Sarod**:
    a fretless lute with a metal fingerboard" (the sarod has a metal fingerboard), "**Marrakesh**
    — the "Red City", famous for the Jemaa el-Fnaa square" (Marrakesh is known for the square).
    The gloss is a noun phrase, so the clause readers find no verb to read; its head (the first
    word of the gloss whose head lies before it) stands for the term, and its "with" and "famous
    for" modifiers are facts of the term (the gold's ``has`` and ``known_for``)."""
    genus = gloss_head(doc, start)
    out = quality_records(piece, doc, term, start)
    if genus is None or genus.pos_ not in ("NOUN", "PROPN"):
        return out
    kind = _kind_of(doc, genus, start)
    if kind is not None:
        out.append(
            Record(
                kind="relation",
                subject=term,
                object=kind,
                predicate="is_a",
                confidence=0.6,
                span=piece.offsets.span(genus.idx, genus.idx + len(genus.text)),
                construction="list.kind",
            )
        )
    for mod in genus.children:
        if mod.dep_ == "prep" and mod.lower_ == "with":
            predicate, prep = "has", mod
        elif mod.dep_ in ("amod", "acl") and mod.lower_ in _FAMED:
            predicate = "known_for"
            prep = next((c for c in mod.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            if prep is None:
                continue
        else:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in _AMOUNTS:  # "its thousands of torii gates"
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        names = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if obj.pos_ == "NOUN" and names and obj.idx > 0 and doc.text[obj.idx - 1] == " ":
            # "the Jemaa el-Fnaa square": the name is the square's, the square is the name's
            o = phrase_mention(doc, names[0].left_edge.idx, obj.idx - 1)
        else:
            o = mention_of(obj, state.coref)
        if o is None or o.pronoun:
            continue
        out.append(
            Record(
                kind="relation",
                subject=term,
                object=o,
                predicate=predicate,
                confidence=0.6,
                span=piece.offsets.span(genus.idx, obj.idx + len(obj.text)),
                construction="list.genus",
            )
        )
    return out


def _kind_of(doc: Any, genus: Any, start: int) -> Mention | None:
    """The kind a noun-phrase gloss (or a named key's value) names its term as: "**Makuuchi** —
    the top division", "**Full-back** — the last line of defence" (Makuuchi is_a top division).
    With no verb the clause readers never see the copula the dash stands for.  Only a common
    noun whose phrase opens the gloss counts, ranked ("the sultans' main residence"), and
    not a count ("about 600 bean-shaped filters", "100 runs"): a number before
    the noun says how many, not what kind.  Its record has a construction of its own
    (``list.kind``): the entity decision learned ``list.genus``'s objects ("metal fingerboard")
    as poor entities, and would drop the kind with its relation."""
    if genus.tag_ != "NN" or genus.left_edge.idx > start + 1:
        return None  # a plural ("the federal courts", "the claims") lists members, not a kind
    if any(c.dep_ == "nummod" or c.like_num for c in genus.lefts):
        return None
    if not any(c.tag_ == "JJS" or c.lower_ in _RANKS for c in genus.lefts):
        # "**Docker Hub** — a public registry": the gloss defines its term (the linguistic
        # reader's definition); a rank ("the largest phylum", "the top division") is a fact
        return None
    # the noun and its modifiers, not its article or owner ("the sultans' main residence"):
    # :func:`mention_of` would follow the apposition back to the term itself
    lefts = [t for t in genus.lefts if t.dep_ not in _NOT_KIND]
    first = lefts[0].left_edge.idx if lefts else genus.idx
    kind = phrase_mention(doc, first, genus.idx + len(genus.text))
    if kind is None or kind.pronoun or kind.start < start:
        return None  # grown to a name that runs over the dash: "Lymph — the clear fluid"
    return kind


#: words that rank the kind: its term is the one thing so ranked
_RANKS = frozenset({"top", "bottom", "first", "last", "main", "only", "chief", "leading"})
#: what stands before a gloss's noun without naming its kind: "the", "their", "usually"
_NOT_KIND = frozenset({"det", "poss", "predet", "advmod", "case", "punct", "cc", "preconj"})


#: the construction of a quality a gloss opens with ("**list** — mutable, …"): a calibration key
#: of its own (no other reader makes "is <adjective>" facts)
QUALITY = "list.quality"
#: what may close the adjective a gloss opens with: the gloss goes on with another clause
_CLOSERS = frozenset({",", ";", ".", ":", "(", "—", "–"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def quality_records(piece: Piece, doc: Any, term: Mention, start: int) -> list[Record]:
    """A gloss that opens with a bare adjective, "**Fish** — cold-blooded, live in water",
    "**list** — mutable, can hold mixed types", "**Pit 4** — empty, probably left unfinished",
    says what its term is like: the gold's ``is`` fact ("fish is cold-blooded").  The clause
    readers see no copula (the dash stands for it) and the adjective heads no noun phrase, so
    nothing else reads it.  Only a plain adjective (tag JJ, not a comparison: "better than
    nothing", "the smallest") that ends the gloss or is closed by punctuation counts: one
    followed by a noun qualifies that noun ("immutable text", "whole numbers"), one followed by a
    complement says something of it ("vulnerable to", "famous for", "quick to judge")."""
    words = [t for t in doc if t.idx >= start]
    first = next((t for t in words if not t.is_punct), None)
    if first is None or first.tag_ != "JJ" or first.pos_ != "ADJ":
        return []
    if first.dep_ == "amod" and first.head.idx > first.idx and first.head.pos_ in _NOUNS:
        return []  # "Long, narrow valleys": a list of adjectives before their noun
    end = first.i
    # "cold-blooded", "well-known": a hyphen joins the adjective's parts
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end + 1].whitespace_:
        end += 2
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.text not in _CLOSERS:
        return []
    # (built here: the mention rules trim a lone modifier away, "empty" as well as "the")
    stop = doc[end].idx + len(doc[end].text)
    quality = Mention(doc.text[first.idx : stop], first.idx, stop)
    return [
        Record(
            kind="relation",
            subject=term,
            object=quality,
            predicate="is",
            voice="copula",
            confidence=0.6,
            span=piece.offsets.span(first.idx, doc[end].idx + len(doc[end].text)),
            construction=QUALITY,
        )
    ]
