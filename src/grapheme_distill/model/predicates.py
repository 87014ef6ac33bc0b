"""Predicates that keep their meaning: one fact is one item whichever reader produced it.

A reader that parses sentences says "the Seine is part of France's river system" as a relation
``Seine part_of …``; a reader of lists and headings says the same as a hierarchy edge.  Both are
the one fact the graph's hierarchy kinds exist for, so a relation whose predicate *is* a hierarchy
kind (``part_of``, ``member_of``, ``subclass_of``, ``contains``) is stored as that hierarchy edge
(:func:`unify_item`): the two readings then have one id, their evidence adds up as two sources,
and nothing is printed twice.  A negated relation stays a relation (a hierarchy edge cannot be
negated), and so do relations with other predicates.
"""

from __future__ import annotations

from collections.abc import Iterable

from grapheme_distill.model.knowledge import HierarchyEdge, HierarchyKind, Item, Relation

__all__ = ["HIERARCHY_PREDICATES", "unify_item", "unify_items"]

#: Relation predicates that mean a hierarchy edge, and its kind.
HIERARCHY_PREDICATES: dict[str, HierarchyKind] = {kind.value: kind for kind in HierarchyKind}


def unify_item(item: Item) -> Item:
    """``item``, or the hierarchy edge a non-negated hierarchy-kind relation means (the
    relation's subject is the child, its object the parent; for ``contains`` the other way)."""
    if not isinstance(item, Relation) or item.negated:
        return item
    kind = HIERARCHY_PREDICATES.get(item.predicate)
    if kind is None:
        return item
    child, parent = (
        (item.object, item.subject)
        if kind is HierarchyKind.CONTAINS
        else (item.subject, item.object)
    )
    return HierarchyEdge(
        parent=parent, child=child, relation=kind, confidence=item.confidence, span=item.span
    )


def unify_items(items: Iterable[Item]) -> tuple[Item, ...]:
    """:func:`unify_item` over ``items``, the first of two readings of one fact kept."""
    out: dict[str, Item] = {}
    for item in items:
        unified = unify_item(item)
        out.setdefault(unified.id, unified)
    return tuple(out.values())
