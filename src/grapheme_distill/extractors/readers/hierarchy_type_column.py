"""A table's category column: "| Vegetable | Category | … |" over "| Carrot | Root vegetable |":
each row's name is a member of the class its category cell names.

Why.  A written probe of the twenty-fourth session (``tests/data/probes/hierarchy.jsonl``,
``table_category_column``): chat assistants tabulate examples with a Type, Category, Family or
Class column, and the shared eval README files items under their category (``member_of``; a
classification table's ``subclass_of``).  The table readers of :mod:`.hierarchy_sections` read a
table whose rows are children of one whole (a lead-in, a heading); a column that gives each row
its own class went unread.  Only short class names count (a word to four, no digit, no sentence
in the cell), so that a "Type" column holding a description or a number reads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_sections import tables_of
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["read_type_columns"]

#: a column whose cells name each row's class ("Type", "Category", "Family", "Class", "Genre")
_TYPE_HEADER = re.compile(
    r"^(?:type|category|kind|class|classification|family|group|genre)s?$", re.IGNORECASE
)
#: a class name: letters, up to four words, no digit or sentence punctuation
_CLASS_CELL = re.compile(r"^[A-Za-z][A-Za-z'’\- ]{1,40}$")
#: cells that fill a column without naming a class
_COUNT_WORD = re.compile(
    r"(?i)^(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|some|many|most|all)\b"
)
_NO_CLASS = frozenset({"none", "n/a", "na", "other", "various", "mixed", "unknown", "yes", "no"})


def read_type_columns(ctx: ReadContext) -> Iterator[Fact]:
    """(category cell, row name) for every table with a category column after its first."""
    for rows in tables_of(ctx):
        first = rows[0]
        if not first.header or len(rows) < 2 or any(ctx.injected(b) for b in rows):
            continue
        cols = [
            i
            for i, h in enumerate(first.header)
            if i > 0 and _TYPE_HEADER.match(re.sub(r"[*_]", "", h).strip())
        ]
        if len(cols) != 1:
            continue
        col = cols[0]
        pairs: list[tuple[str, str, Block]] = []
        for row in rows:
            cells = row.cell_texts()
            child = clean_name(re.sub(r"\s*\([^)]*\)", "", cells[0])) if cells else ""
            cls = clean_name(re.sub(r"\s*\([^)]*\)", "", cells[col])) if len(cells) > col else ""
            if not child or cls.lower() == child.lower():
                break
            pairs.append((cls, child, row))
        else:
            # every cell of the column must name a class: one number or phrase ("1–2", "the two
            # detached rows") says the column is something else, and none of it is read
            if all(_is_class(cls) for cls, _, _ in pairs):
                for cls, child, row in pairs:
                    yield Fact(
                        "hierarchy",
                        "table.type_column",
                        row.span,
                        Name(cls),
                        Name(child),
                        hierarchy=HierarchyKind.MEMBER_OF,
                    )


def _is_class(cell: str) -> bool:
    return (
        bool(_CLASS_CELL.match(cell))
        and len(cell.split()) <= 4
        and cell.lower() not in _NO_CLASS
        and not _COUNT_WORD.match(cell)
    )
