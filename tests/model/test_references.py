"""Entity references inside items: the per-kind fields, remapping, owners, type compatibility."""

from __future__ import annotations

import pytest

from grapheme_distill import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)
from grapheme_distill.model.knowledge import ITEM_CLASSES, Item
from grapheme_distill.model.references import owner, remap_item, types_compatible

A, B, C = (Entity(name=n).id for n in ("Alpha", "Beta", "Gamma"))
ONE_OF_EACH: list[Item] = [
    Relation(subject=A, predicate="knows", object=B),
    Attribute(entity=A, name="height", value="3 m"),
    Procedure(goal="build", steps=("dig", "pour"), entity=A),
    HierarchyEdge(parent=B, child=A, relation=HierarchyKind.PART_OF),
    LinguisticItem(entity=A, relation=LinguisticKind.ALIAS, value="Alf"),
]


def test_every_kind_is_covered() -> None:
    assert {i.kind for i in ONE_OF_EACH} == set(ITEM_CLASSES)


@pytest.mark.parametrize("item", ONE_OF_EACH, ids=lambda i: i.kind)
def test_ref_fields_are_what_entity_refs_reads(item: Item) -> None:
    cls = type(item)
    assert item.entity_refs() == tuple(getattr(item, f) for f in cls.ref_fields)
    assert cls.owner_field in cls.ref_fields
    assert owner(item) == A  # every example states a fact about A


@pytest.mark.parametrize("item", ONE_OF_EACH, ids=lambda i: i.kind)
def test_remap_rewrites_every_reference_and_the_id(item: Item) -> None:
    moved = remap_item(item, {A: C, B: C})
    assert set(moved.entity_refs()) == {C}
    assert type(moved) is type(item)
    assert moved.id == type(item).model_validate({**moved.model_dump(), "id": ""}).id  # re-hashed
    assert remap_item(item, {"sha256:other": C}) is item  # nothing to rewrite: the same object


def test_procedure_without_entity_has_no_owner() -> None:
    bare = Procedure(goal="wait", steps=("sit",))
    assert bare.entity_refs() == () and owner(bare) is None
    assert remap_item(bare, {A: C}) is bare


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (EntityType.PERSON, EntityType.PERSON, True),
        (EntityType.PERSON, EntityType.LOCATION, False),
        (EntityType.CONCEPT, EntityType.LOCATION, True),
        (EntityType.ORGANIZATION, EntityType.OTHER, True),
    ],
)
def test_types_compatible(a: EntityType, b: EntityType, compatible: bool) -> None:
    assert types_compatible(a.value, b.value) is compatible
    assert types_compatible(b.value, a.value) is compatible
