"""The typed document an answer becomes before anything reads its language.

Chat answers keep most of their knowledge in their layout: a heading names what its section is
about, a lead-in line ("The band's members:") says how the list under it relates to the subject,
"**Born:** 12 May 1915" is a key and a value, a table row pairs each cell with its column header.
:func:`~grapheme_distill.extractors.document.parse.parse_document` turns the markdown into a flat
list of :class:`Block` objects with those roles and links (section, lead-in, parent item), so that
every reader after it asks "which list is this item in, and what introduced it?" instead of
re-deriving the layout from raw lines.  Every block keeps an :class:`OffsetMap` from its clean text
(markup removed) to the original answer, so every item read from it gets a span in the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from grapheme_distill.extractors.spacy.text import OffsetMap

__all__ = ["Block", "BlockRole", "Document", "Inline"]

BlockRole = Literal["heading", "paragraph", "list_item", "key_value", "glossary", "table_row"]


@dataclass
class Inline:
    """Clean text of one inline run (markup removed), with its map back into the answer and the
    clean spans of its bold/italic parts (the terms an answer highlights)."""

    text: str
    offsets: OffsetMap
    emphasis: tuple[tuple[int, int], ...] = ()

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """The answer span of the clean span ``[start, end)`` (all of it by default)."""
        return self.offsets.span(start, len(self.text) if end is None else end)

    @property
    def opening(self) -> tuple[int, int] | None:
        """The clean span of a bold/italic term the run opens with ("**ESRIN** in Frascati"), if
        any: key-value lines, glossary items and list heads are all named by it."""
        return self.emphasis[0] if self.emphasis and self.emphasis[0][0] == 0 else None


@dataclass
class Block:
    """One unit of an answer's layout.

    Attributes:
        role: ``heading``, ``paragraph``, ``list_item`` (a plain item), ``key_value``
            ("**Born:** 12 May 1915", "Capital: Paris"), ``glossary`` ("**Term** — gloss") or
            ``table_row``.  Key-value and glossary blocks are list items or one-line paragraphs.
        inline: the clean text.
        index: position in :attr:`Document.blocks`.
        level: heading level (1-6); nesting depth of a list item (0 = top level).
        section: index of the heading whose section holds this block (None before any heading).
        lead_in: index of the block that introduces this one's list — the paragraph ending with a
            colon right before it, or the enclosing item of a nested list.
        parent: index of the enclosing list item (nested lists and an item's later paragraphs).
        list_id: items of one list share it (-1 outside lists).
        ordered: the item is in a numbered list.
        key, value: the two halves of a key-value or glossary block (clean text offsets); a
            plain item or paragraph keeps them when its rest is a sentence of its own
            ("**Anaphase** — sister chromatids are pulled to opposite poles").
        header, cells: a table row's column headers and cells (clean text offsets of each cell).
        cell_emphasis: a table row's emphasis inside its cells ("| Pupa | a bare **chrysalis** |"),
            clean text offsets (``inline.span`` maps them into the answer).  Kept apart from
            ``inline.emphasis``, which the name and hierarchy readers read as highlighted names:
            given to them as the row's inline emphasis, it lost relations on three gates (-.005
            to -.008 micro), so only the table cell reader reads it.
    """

    role: BlockRole
    inline: Inline
    index: int = 0
    level: int = 0
    section: int | None = None
    lead_in: int | None = None
    parent: int | None = None
    list_id: int = -1
    ordered: bool = False
    key: tuple[int, int] | None = None
    value: tuple[int, int] | None = None
    header: tuple[str, ...] = ()
    cells: tuple[tuple[int, int], ...] = ()
    cell_emphasis: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.inline.text

    @property
    def span(self) -> tuple[int, int]:
        return self.inline.span()

    @property
    def is_item(self) -> bool:
        """A list item, whatever it holds (plain, key-value or glossary)."""
        return self.list_id >= 0

    def key_text(self) -> str:
        return self.text[self.key[0] : self.key[1]] if self.key else ""

    def value_text(self) -> str:
        return self.text[self.value[0] : self.value[1]] if self.value else ""

    def cell_texts(self) -> tuple[str, ...]:
        return tuple(self.text[a:b] for a, b in self.cells)


@dataclass
class Document:
    """An answer as blocks in reading order; code, HTML and rules are left out."""

    source: str
    blocks: list[Block] = field(default_factory=list)

    def heading_of(self, block: Block) -> Block | None:
        return self.blocks[block.section] if block.section is not None else None

    def lead_of(self, block: Block) -> Block | None:
        return self.blocks[block.lead_in] if block.lead_in is not None else None

    def items_of(self, list_id: int) -> list[Block]:
        return [b for b in self.blocks if b.list_id == list_id]

    def lists(self) -> list[list[Block]]:
        """The items of each list, lists in reading order."""
        groups: dict[int, list[Block]] = {}
        for b in self.blocks:
            if b.list_id >= 0:
                groups.setdefault(b.list_id, []).append(b)
        return list(groups.values())
