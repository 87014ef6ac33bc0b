"""Item ↔ row mapping: for each item kind, its table, columns and conversions, in one place.

Every other part of the SQLite store loops over :data:`KIND_TABLES` instead of naming kinds, so a
new item kind (a class in :mod:`grapheme_distill.model.knowledge`, listed in ``ITEM_CLASSES``)
needs one :class:`KindTable` here and one migration creating its table.  The columns are the
item's fields; the JSON ones (qualifiers, steps) are stored as canonical JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from grapheme_distill.model.knowledge import (
    ITEM_CLASSES,
    Attribute,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
)

__all__ = ["KIND_TABLES", "TABLES", "KindTable", "item_row", "row_item", "table_of"]


@dataclass(frozen=True)
class KindTable:
    """How one item kind is stored.

    Attributes:
        kind: the item's ``kind``.
        table: its table.
        columns: the table's columns, ``id`` first and ``confidence`` last.
        entity_columns: the columns that hold entity ids.
        owner_column: the entity whose facts the item states (what a REPLACE merge supersedes).
        to_row / from_row: the conversions.
    """

    kind: str
    table: str
    columns: tuple[str, ...]
    entity_columns: tuple[str, ...]
    owner_column: str
    to_row: Callable[[Any], tuple[Any, ...]]
    from_row: Callable[[Sequence[Any]], Item]

    @property
    def select(self) -> str:
        return f"SELECT {', '.join(self.columns)} FROM {self.table}"

    @property
    def insert(self) -> str:
        return (
            f"INSERT OR IGNORE INTO {self.table}({', '.join(self.columns)}) "
            f"VALUES ({', '.join('?' * len(self.columns))})"
        )


def _relation_row(r: Relation) -> tuple[Any, ...]:
    quals = json.dumps(r.qualifiers, sort_keys=True) if r.qualifiers else "{}"
    return (r.id, r.subject, r.predicate, r.object, int(r.negated), quals, r.confidence)


def _row_relation(row: Sequence[Any]) -> Item:
    return Relation(
        id=row[0],
        subject=row[1],
        predicate=row[2],
        object=row[3],
        negated=bool(row[4]),
        qualifiers=json.loads(row[5]),
        confidence=row[6],
    )


def _attribute_row(a: Attribute) -> tuple[Any, ...]:
    return (a.id, a.entity, a.name, a.value, a.datatype, a.confidence)


def _row_attribute(row: Sequence[Any]) -> Item:
    return Attribute(
        id=row[0], entity=row[1], name=row[2], value=row[3], datatype=row[4], confidence=row[5]
    )


def _procedure_row(p: Procedure) -> tuple[Any, ...]:
    return (p.id, p.goal, json.dumps(list(p.steps)), p.entity, p.confidence)


def _row_procedure(row: Sequence[Any]) -> Item:
    return Procedure(
        id=row[0], goal=row[1], steps=tuple(json.loads(row[2])), entity=row[3], confidence=row[4]
    )


def _hierarchy_row(h: HierarchyEdge) -> tuple[Any, ...]:
    return (h.id, h.parent, h.child, h.relation.value, h.confidence)


def _row_hierarchy(row: Sequence[Any]) -> Item:
    return HierarchyEdge(id=row[0], parent=row[1], child=row[2], relation=row[3], confidence=row[4])


def _linguistic_row(li: LinguisticItem) -> tuple[Any, ...]:
    return (li.id, li.entity, li.relation.value, li.value, li.confidence)


def _row_linguistic(row: Sequence[Any]) -> Item:
    return LinguisticItem(
        id=row[0], entity=row[1], relation=row[2], value=row[3], confidence=row[4]
    )


_SPECS = (
    KindTable(
        "relation",
        "relations",
        ("id", "subject", "predicate", "object", "negated", "qualifiers", "confidence"),
        Relation.ref_fields,
        Relation.owner_field,
        _relation_row,
        _row_relation,
    ),
    KindTable(
        "attribute",
        "attributes",
        ("id", "entity", "name", "value", "datatype", "confidence"),
        Attribute.ref_fields,
        Attribute.owner_field,
        _attribute_row,
        _row_attribute,
    ),
    KindTable(
        "procedure",
        "procedures",
        ("id", "goal", "steps", "entity", "confidence"),
        Procedure.ref_fields,
        Procedure.owner_field,
        _procedure_row,
        _row_procedure,
    ),
    KindTable(
        "hierarchy",
        "hierarchy",
        ("id", "parent", "child", "relation", "confidence"),
        HierarchyEdge.ref_fields,
        HierarchyEdge.owner_field,
        _hierarchy_row,
        _row_hierarchy,
    ),
    KindTable(
        "linguistic",
        "linguistic",
        ("id", "entity", "relation", "value", "confidence"),
        LinguisticItem.ref_fields,
        LinguisticItem.owner_field,
        _linguistic_row,
        _row_linguistic,
    ),
)
#: kind → how it is stored, in ``ITEM_CLASSES`` order (the order tables are read and written).
KIND_TABLES: dict[str, KindTable] = {
    kind: spec for kind in ITEM_CLASSES for spec in _SPECS if spec.kind == kind
}
if set(KIND_TABLES) != set(ITEM_CLASSES):  # pragma: no cover - a kind added without its table
    raise RuntimeError(f"store tables {sorted(KIND_TABLES)} != item kinds {sorted(ITEM_CLASSES)}")

#: Every item table, in kind order.
TABLES: tuple[str, ...] = tuple(spec.table for spec in KIND_TABLES.values())
_BY_TABLE = {spec.table: spec for spec in KIND_TABLES.values()}


def table_of(item: Item) -> str:
    return KIND_TABLES[item.kind].table


def item_row(item: Item) -> tuple[Any, ...]:
    """The row storing ``item`` (its ``confidence`` last)."""
    return KIND_TABLES[item.kind].to_row(item)


def row_item(table: str, row: Sequence[Any]) -> Item:
    """The item a row of ``table`` stores."""
    return _BY_TABLE[table].from_row(row)
