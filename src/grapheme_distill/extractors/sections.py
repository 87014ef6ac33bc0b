"""Cutting a long text into the pieces an LLM extractor reads one request at a time.

A long markdown document sent whole loses the model's attention in its middle, and a small local
model's context window cannot hold it at all.  Cutting at fixed character counts splits a list from
its lead-in and a definition from its term.  So the cuts follow the document layer
(:mod:`grapheme_distill.extractors.document`, a real CommonMark parser): a piece ends where a
heading starts when it can, else at a blank line, else at whitespace; consecutive short sections are
packed together so a short answer stays one request.  Each piece keeps the headings above it (its
*context*: "History › Early years"), because a section's subject is often only named in its heading.

Pieces are spans of the original text, so what is read in a piece maps back to the answer by adding
the piece's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grapheme_distill.extractors.document import parse_document

__all__ = ["Piece", "split_sections"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Piece:
    """One request's worth of text: ``text[start:end]`` of the document, under ``headings``."""

    start: int
    end: int
    headings: tuple[str, ...] = ()

    def context(self) -> str:
        """The headings above the piece, outermost first ("" when there are none)."""
        return " › ".join(self.headings)


def _heading_lines(text: str) -> list[tuple[int, int, str]]:
    """(line start, level, heading text) of every heading the parser finds, in order."""
    out: list[tuple[int, int, str]] = []
    for block in parse_document(text).blocks:
        if block.role != "heading":
            continue
        start = text.rfind("\n", 0, block.span[0]) + 1
        out.append((start, block.level, block.text.strip()))
    return out


def _cut(text: str, start: int, limit: int, headings: list[int]) -> int:
    """Where the piece starting at ``start`` ends: the last heading, else the last blank line,
    else the last whitespace within ``limit`` characters; a heading or blank line that would
    leave the piece less than a third full (a heading cut off from its section) is passed over
    for the next kind of cut.  A hard cut only happens inside one enormous word."""
    hard = start + limit
    if hard >= len(text):
        return len(text)
    floor = start + limit // 3
    fits = [h for h in headings if floor < h <= hard]
    if fits:
        return fits[-1]
    blanks = [m.end() for m in _BLANK_LINE.finditer(text, start, hard) if m.end() > floor]
    if blanks:
        return blanks[-1]
    space = max(text.rfind(" ", start + 1, hard), text.rfind("\n", start + 1, hard))
    return space + 1 if space > start else hard


def split_sections(text: str, max_chars: int) -> list[Piece]:
    """``text`` as pieces of at most ``max_chars`` characters cut at section boundaries.

    A text that fits is one piece.  ``max_chars`` of 0 or less means never cut.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return [Piece(0, len(text))]
    heads = _heading_lines(text)
    starts = [h[0] for h in heads]
    pieces: list[Piece] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, max_chars, starts)
        # the headings in force at the piece's start; one starting the piece is in its text
        stack: list[tuple[int, str]] = []
        for line_start, level, title in heads:
            if line_start >= start:
                break
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
        if text[start:end].strip():
            pieces.append(Piece(start, end, tuple(title for _, title in stack)))
        start = end
    return pieces
