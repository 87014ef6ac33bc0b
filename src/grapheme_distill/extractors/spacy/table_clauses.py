"""Verb phrases in table cells, read as clauses about the column's or the row's name.

Why.  A comparison table's cell is often what its column's thing does ("| Main job | keeps the
international monetary system stable | reduces poverty through long-term development |" under
"| | IMF | World Bank |"), and so is a cell of a table whose rows name things ("| **BBC Board** |
Runs the corporation and sets its strategy |"): a verb phrase without a subject, whose subject
is the column (row) the cell stands in.  The annotators record those clauses ("IMF keeps …",
"World Bank reduces poverty", "BBC Board sets strategy"); the table readers
(:mod:`grapheme_distill.extractors.readers.attributes`) take a cell whole as an attribute's value
and leave a verb phrase, which names no value, unread.  The cells are parsed already, each as a
text of its own (``spacy_extractor.table_cells``), so reading them costs no parse: each cell that
holds a clause (a finite verb its root) is handed to the prose walk with the column's (row's)
name as its implicit subject, as a list item is with its list's; a clause with a subject of its
own keeps it.  A two-column table whose first column only numbers the rows ("| # | Event |") is a
numbered list of its second column: its clause cells are read as such a list's items are, with
no implicit subject (the row has no name to lend).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from grapheme_distill.extractors.document import Block, Document
from grapheme_distill.extractors.readers.attribute_values import PAREN
from grapheme_distill.extractors.readers.attributes import (
    column_names,
    numbered_rows,
    value_type,
)
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.hierarchy_sections import tables_of
from grapheme_distill.extractors.spacy.lists import Prose
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.records import State
from grapheme_distill.extractors.spacy.text import OffsetMap, Piece

__all__ = ["cells_to_parse", "read_table_clauses"]

_FINITE = frozenset({"VBZ", "VBP", "VBD"})
_MAX_NAME_WORDS = 6


def cells_to_parse(
    document: Document, injected: Sequence[tuple[int, int]] = ()
) -> Iterator[tuple[Block, int, str]]:
    """Each table cell the extractor parses as a text of its own, with its row and column: rows
    in order, cells with a letter or digit, none of a row inside an instruction addressed to the
    model (``injected``, answer spans).  One walk for both sides, so that the parsed docs
    (``spacy_extractor.table_cells``) and the cells they are read back into stay aligned."""
    for block in document.blocks:
        if block.role != "table_row" or any(
            a < block.span[1] and block.span[0] < b for a, b in injected
        ):
            continue
        for j, text in enumerate(block.cell_texts()):
            if any(ch.isalnum() for ch in text):
                yield block, j, text.strip()


def _clause(doc: Any) -> bool:
    """A cell that holds a clause: a finite verb its parse's root ("keeps the system stable",
    "Runs the corporation and sets its strategy", "smallest by area; drains into the St.
    Lawrence River"), not a name, a value or a noun phrase, which the table readers read."""
    return any(t.dep_ == "ROOT" and t.tag_ in _FINITE for t in doc)


def _subject(ctx: ReadContext, block: Block, j: int) -> str | None:
    """Whose cell ``j`` of a row is: its column's thing in a comparison table, else the row's
    name (its first cell, a short name, no date or number)."""
    columns = column_names(ctx, block.header)
    if columns is not None:
        return columns[j - 1] if 0 < j <= len(columns) and columns[j - 1] else None
    cells = block.cell_texts()
    name = clean_name(PAREN.sub("", cells[0]))
    if not name or len(name.split()) > _MAX_NAME_WORDS or value_type(name):
        return None
    return name


def _read_as_item(block: Block, j: int, doc: Any, prose: Prose) -> None:
    """Read a numbered row's clause cell as a numbered list's item is read: with the prose
    reader, no implicit subject (the clause names its own)."""
    a, _ = block.inline.span(*block.cells[j])
    offsets = OffsetMap()
    offsets.add(0, a)
    prose(Piece(kind="para", text=doc.text, offsets=offsets), doc, None)


def read_table_clauses(
    ctx: ReadContext,
    injected: Sequence[tuple[int, int]],
    cell_docs: Sequence[Any],
    state: State,
    prose: Prose,
) -> None:
    """Read each clause cell of the answer's tables with ``prose``, its column's (row's) name
    the implicit subject and what its "it" means ("| How you get it | use it in trade |" is the
    column's trademark, not the thing the prose above the table spoke of last); what the prose
    after it may mean is left as it was."""
    co = state.coref
    # a table whose first column numbers the rows ("| # | Event |", 1, 2, 3 … under any header)
    # is a numbered list (``attributes.numbered_rows``)
    listed = {b.index for rows in tables_of(ctx) if numbered_rows(rows) for b in rows}
    for (block, j, _), doc in zip(cells_to_parse(ctx.doc, injected), cell_docs, strict=False):
        if j == 0 or not block.header or not _clause(doc):
            continue
        name = _subject(ctx, block, j)
        if name is None:
            if block.index in listed:
                _read_as_item(block, j, doc, prose)
            continue
        a, _ = block.inline.span(*block.cells[j])
        offsets = OffsetMap()
        offsets.add(0, a)
        piece = Piece(kind="para", text=doc.text, offsets=offsets)
        subject = Mention(name, -1, -1, label=value_type(name), proper=name[:1].isupper())
        saved = co.thing, co.any, co.plural, co.named, co.topic, dict(co.numbers)
        co.note(subject)
        prose(piece, doc, subject)
        co.thing, co.any, co.plural, co.named, co.topic, co.numbers = saved
