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
"""

from __future__ import annotations

import dataclasses
from typing import Any

from grapheme_distill.extractors.spacy.items import participant
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.records import Record

__all__ = ["CONSTRUCTION", "of_term"]

#: the construction of a gloss's clause about its term (a calibration key of its own)
CONSTRUCTION = "clause.gloss"


def _genus(doc: Any, start: int) -> Any:
    """The noun a gloss opens with when no verb heads it ("— a molecular machine that builds
    proteins"), or ``None``; ``start`` is where the gloss starts in ``doc``."""
    heads = [t for t in doc if t.idx >= start and (t.head.idx < start or t.head.i == t.i)]
    head = next((t for t in heads if not t.is_punct), None)
    return head if head is not None and head.pos_ == "NOUN" else None


def of_term(records: list[Record], term: Mention, doc: Any, start: int) -> list[Record]:
    """The records read from one glossary item (parsed as ``doc``, its gloss from ``start``) as
    facts about ``term``: a clause about the gloss's genus is about the term, and an active
    clause of the term whose object names a thing (not an action: "interpretation", "scoring";
    not a ranked phrase: "first ball") is kept as construction :data:`CONSTRUCTION` instead of
    being dropped as loose."""
    genus = _genus(doc, start)
    out: list[Record] = []
    for r in records:
        if r.kind == "relation" and r.subject is not None and r.construction == "clause":
            if genus is not None and r.subject.start <= genus.idx < r.subject.end:
                r = dataclasses.replace(r, subject=term)
            if (
                r.voice == "active"
                and r.subject == term
                and r.object is not None
                and participant(r.object)
            ):
                r = dataclasses.replace(r, construction=CONSTRUCTION)
        out.append(r)
    return out
