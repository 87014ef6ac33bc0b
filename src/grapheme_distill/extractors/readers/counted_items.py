"""List items that each count the same thing: "1. **Jūryō** — 28 wrestlers", "2. **Makushita** —
120 wrestlers", "3. **Sandanme** — about 180 wrestlers".

A key-value item's key is usually an attribute of the section's subject ("**Members:** 194 member
states": the subject's ``number_of_member_states``).  When two or more items of one list count
one and the same noun under different keys, the keys are the things counted over — the divisions
of a league, the rounds of a tournament, the chambers of a parliament — and each key has its own
``number_of_<noun>``.  The agreement of the items is what says so: a lone "**Staff:** 8,000
employees" stays an attribute of the subject, and an item whose key is the counted noun itself
("**Teams:** 32 teams") is left to the key-value reader.  A key that is a name ("the **Supreme
Court**: nine justices appointed for life") is what it counts of, alone as well.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.attribute_keys import is_name_key
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.plurals import same_noun
from grapheme_distill.extractors.readers.values import leading_count

__all__ = ["read_counted_items"]

_PAREN = re.compile(r"\s*\([^)]*\)")
_PARTS = re.compile(r"\s*[,;]\s*")
_ROLES = frozenset({"key_value", "glossary"})


def read_counted_items(ctx: ReadContext) -> tuple[list[Fact], set[int]]:
    """The counts of the lists whose items agree on what they count, and the indices of the
    key-value blocks read so (which then state no attribute of the section's subject)."""
    facts: list[Fact] = []
    read: set[int] = set()
    for items in ctx.doc.lists():
        for fact, index in _list_counts(ctx, items):
            facts.append(fact)
            read.add(index)
    return facts, read


def _list_counts(ctx: ReadContext, items: list[Block]) -> Iterator[tuple[Fact, int]]:
    by_kind: dict[str, list[tuple[str, str, int, tuple[int, int], bool]]] = defaultdict(list)
    alone: set[int] = set()  # "**Supreme Court**: nine justices": a name's count needs no company
    for block in items:
        if block.role not in _ROLES or ctx.injected(block):
            continue
        key = clean_name(_PAREN.sub("", block.key_text()))
        if not key or len(key.split()) > 5:
            continue
        value = _PAREN.sub("", block.value_text())
        # "the top division, 42 wrestlers": the count may follow a description of the item
        for part in _PARTS.split(value)[:2]:
            counted = leading_count(part)
            if counted is not None:
                n, predicate = counted
                head = predicate.rsplit("_", 1)[-1]
                if not same_noun(key.lower().split()[-1], head):
                    by_kind[predicate].append((key, n, block.index, block.span, is_hedged(value)))
                    if is_name_key(key):
                        alone.add(block.index)
                break
    for predicate, found in by_kind.items():
        if len({key.lower() for key, *_ in found}) < 2:
            found = [f for f in found if f[2] in alone]
        for key, n, index, span, hedged in found:
            fact = Fact(
                "relation",
                "list.counted",
                span,
                Name(key),
                Name(n, "CARDINAL"),
                predicate,
                hedged=hedged,
            )
            yield fact, index
