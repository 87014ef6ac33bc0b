"""Entity references inside items: rewriting them, and which entity types may be one thing.

Items name entities by id (see :mod:`grapheme_distill.model.knowledge`), so merging two entities
is a matter of rewriting ids.  These two rules are pure and shared by every place that merges —
the stores (:mod:`grapheme_distill.store`), entity resolution (:mod:`grapheme_distill.resolution`)
and graph merging (:mod:`grapheme_distill.merge`) — which is why they live in ``model/`` and not
in any one of them: a rule that differs between the store and an in-memory merge gives two graphs
from the same input.
"""

from __future__ import annotations

from grapheme_distill.model.knowledge import EntityType, Item, LinguisticKind

__all__ = [
    "ALIAS_KINDS",
    "GENERIC_TYPES",
    "owner",
    "remap_item",
    "types_compatible",
]

#: Entity types that say nothing specific: they are compatible with every type.
GENERIC_TYPES: frozenset[str] = frozenset({EntityType.CONCEPT.value, EntityType.OTHER.value})

#: Linguistic items of these kinds teach another name for their entity: stores keep the value as
#: an alias, so later knowledge using that name resolves to the entity.
ALIAS_KINDS: frozenset[LinguisticKind] = frozenset(
    {LinguisticKind.ALIAS, LinguisticKind.ABBREVIATION, LinguisticKind.SYNONYM}
)


def owner(item: Item) -> str | None:
    """The entity ``item`` states a fact about (None for a procedure without an entity)."""
    value: str | None = getattr(item, type(item).owner_field)
    return value


def types_compatible(a: str, b: str) -> bool:
    """Entity types that may name the same thing: equal, or either one generic."""
    return a == b or a in GENERIC_TYPES or b in GENERIC_TYPES


def remap_item(item: Item, mapping: dict[str, str]) -> Item:
    """The item with its entity references rewritten through ``mapping`` (and a fresh id, since
    ids hash the references).  Returns the item itself when nothing changes."""
    update = {}
    for name in type(item).ref_fields:
        ref = getattr(item, name)
        if ref is not None and ref in mapping and mapping[ref] != ref:
            update[name] = mapping[ref]
    if not update:
        return item
    data = item.model_dump()
    data.update(update)
    data["id"] = ""
    return type(item).model_validate(data)
