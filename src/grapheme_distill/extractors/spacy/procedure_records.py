"""Procedure records the spaCy extractor reads off the whole document after its walk over the
parse: procedures written in prose, and numbered lists that the walk read in pieces.

Why after the walk.  The walk reads a list where it meets it; a prose procedure ("Before you
start, … First … Then …") or a numbered list with sub-steps spans several pieces, so it is only
seen whole once every piece is read — and its records then replace or extend the walk's own.
"""

from __future__ import annotations

import dataclasses

from grapheme_distill.extractors.document import Document
from grapheme_distill.extractors.readers.procedures import (
    nested_step_lists,
    read_prose_procedures,
)
from grapheme_distill.extractors.spacy.records import Record, State

__all__ = ["join_prose_procedures"]


def join_prose_procedures(document: Document, prompt: str, goal: str | None, state: State) -> None:
    """Procedures written in prose (:mod:`~grapheme_distill.extractors.readers.procedures`):
    preparation steps join the numbered list after them, the others are procedures of their own
    (a "First … Then …" sequence read from the same sentences gives way to them).  A numbered
    list with sub-steps, which its pieces cut in two, is made one procedure again."""
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
        state.records = [
            r
            for r in state.records
            if not (
                r.kind == "procedure"
                and r.construction == "procedure.sequence"
                and r.span[0] < proc.span[1]
                and proc.span[0] < r.span[1]
            )
        ]
        state.records.append(
            Record(
                kind="procedure",
                value=proc.goal or goal or "procedure",
                steps=proc.steps,
                confidence=0.75,
                span=proc.span,
                construction=proc.construction,
            )
        )
