"""Procedure records the spaCy extractor reads off the whole document after its walk over the
parse: procedures written in prose, and numbered lists that the walk read in pieces.

Why after the walk.  The walk reads a list where it meets it; a prose procedure ("Before you
start, … First … Then …") or a numbered list with sub-steps spans several pieces, so it is only
seen whole once every piece is read — and its records then replace or extend the walk's own.
The same holds for whether a list is a how-to's steps at all: that depends on the prompt, the
list's heading and lead-in and on whether the answer numbers another list, which the document
says in one place.
"""

from __future__ import annotations

import dataclasses

from grapheme_distill.extractors.document import Document
from grapheme_distill.extractors.readers.procedure_layouts import (
    case_steps,
    numbered_block_steps,
    table_steps,
)
from grapheme_distill.extractors.readers.procedures import (
    asked_steps,
    how_to_list,
    nested_step_lists,
    read_prose_procedures,
)
from grapheme_distill.extractors.spacy.records import Record, State

__all__ = ["join_prose_procedures"]


def join_prose_procedures(document: Document, prompt: str, goal: str | None, state: State) -> None:
    """Procedures written in prose (:mod:`~grapheme_distill.extractors.readers.procedures`):
    preparation steps join the numbered list after them, the others are procedures of their own
    (a "First … Then …" sequence read from the same sentences gives way to them).  A numbered
    list with sub-steps, which its pieces cut in two, is made one procedure again.  A list read
    as steps that is no how-to's (a ranking, a history, tips under numbered steps) is dropped; a
    prompt asking for steps that no list answered gets its answer's first numbered list.  Steps
    numbered in headings, paragraphs or a table, and the cases a "What to do" list gives steps
    for (:mod:`~grapheme_distill.extractors.readers.procedure_layouts`), replace what was read of
    them sentence by sentence."""
    state.records = [
        r
        for r in state.records
        if r.kind != "procedure"
        or r.construction != "procedure.list"
        or _how_to(document, r, prompt)
    ]
    asked = asked_steps(document, prompt)
    if asked is not None and not any(r.kind == "procedure" for r in state.records):
        state.records.append(
            Record(
                kind="procedure",
                value=goal or "procedure",
                steps=asked[1],
                confidence=0.75,
                span=asked[0],
                construction="procedure.asked",
            )
        )
    for (a, b), steps in nested_step_lists(document):
        parts = [r for r in state.records if r.kind == "procedure" and a <= r.span[0] < b]
        if parts:
            whole = dataclasses.replace(parts[0], steps=steps, span=(a, b))
            state.records = [r for r in state.records if not any(r is p for p in parts)]
            state.records.append(whole)
    for proc in read_prose_procedures(document, prompt):
        if proc.prepares_list:
            after = [
                r for r in state.records if r.kind == "procedure" and r.span[0] >= proc.span[1]
            ]
            if after:
                first = min(after, key=lambda r: r.span[0])
                index = state.records.index(first)
                state.records[index] = dataclasses.replace(
                    first, steps=proc.steps + first.steps, span=(proc.span[0], first.span[1])
                )
            continue
        _replace(state, proc.goal or goal, proc.steps, proc.span, proc.construction, True)
    for found in [
        *numbered_block_steps(document, prompt),
        *table_steps(document, prompt),
        *case_steps(document),
    ]:
        # steps numbered in headings, paragraphs or a table: what the walk and the prose reader
        # read of them sentence by sentence gives way to them
        _replace(state, found.goal or goal, found.steps, found.span, found.construction, False)


def _replace(
    state: State,
    goal: str | None,
    steps: tuple[str, ...],
    span: tuple[int, int],
    construction: str,
    sequences_only: bool,
) -> None:
    """Add a procedure read off the document, dropping the procedures read over the same span
    that it replaces: a "First … Then …" sequence (``sequences_only``), or any."""
    a, b = span
    state.records = [
        r
        for r in state.records
        if not (
            r.kind == "procedure"
            and (not sequences_only or r.construction == "procedure.sequence")
            and r.span[0] < b
            and a < r.span[1]
        )
    ]
    state.records.append(
        Record(
            kind="procedure",
            value=goal or "procedure",
            steps=steps,
            confidence=0.75,
            span=span,
            construction=construction,
        )
    )


def _how_to(document: Document, record: Record, prompt: str) -> bool:
    """Whether the list a ``procedure.list`` record was read from may be a how-to's steps
    (:func:`~grapheme_distill.extractors.readers.procedures.how_to_list`): its top-level items,
    their heading and lead-in, and the prompt."""
    a, b = record.span
    items = [x for x in document.blocks if x.is_item and x.parent is None and a <= x.span[0] < b]
    if not items:
        return True
    heading = document.heading_of(items[0])
    lead = document.lead_of(items[0])
    return how_to_list(
        [x.text for x in items],
        lead.text if lead is not None else "",
        heading.text if heading is not None else "",
        prompt,
        numbered=items[0].ordered,
        numbered_elsewhere=any(x.ordered for x in document.blocks if x.is_item),
    )
