from __future__ import annotations

import pytest
from pydantic import ValidationError

from grapheme_distill import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Provenance,
    Relation,
    content_hash,
    normalise_name,
    normalise_predicate,
)
from grapheme_distill.model.hashing import verify_hash


def test_knowledge_types() -> None:
    assert [k.name for k in KnowledgeType] == [
        "FACTUAL",
        "RELATIONAL",
        "PROCEDURAL",
        "STRUCTURAL",
        "LINGUISTIC",
    ]


def test_entity_types() -> None:
    assert {t.value for t in EntityType} == {
        "PERSON",
        "ORGANIZATION",
        "LOCATION",
        "DATETIME",
        "NUMBER",
        "CONCEPT",
        "EVENT",
        "OTHER",
    }


@pytest.mark.parametrize(
    "variant", ["Paris", "paris", "  PARIS. ", "**Paris**", "The Paris", "Paris\u00a0"]
)
def test_entity_id_is_content_hash_of_normalised_name_and_type(variant: str) -> None:
    assert (
        Entity(name=variant, type=EntityType.LOCATION).id
        == Entity(name="Paris", type=EntityType.LOCATION).id
    )


def test_entity_id_depends_on_type_and_is_stable() -> None:
    a = Entity(name="Paris", type=EntityType.LOCATION)
    assert a.id != Entity(name="Paris", type=EntityType.PERSON).id
    assert a.id == content_hash("entity", "paris", "LOCATION")
    assert a.id.startswith("sha256:") and verify_hash(a.id, "entity", "paris", "LOCATION")


def test_ids_never_collide_for_distinct_content() -> None:
    ids = {Entity(name=f"entity {i}").id for i in range(10_000)}
    assert len(ids) == 10_000


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("birthPlace", "birth_place"),
        ("located in", "located_in"),
        ("Is-A", "is_a"),
        ("  works  for ", "works_for"),
        ("!!!", "related_to"),
        ("capitalOf", "capital_of"),
    ],
)
def test_predicates_are_lower_snake_case(raw: str, expected: str) -> None:
    assert normalise_predicate(raw) == expected
    assert Relation(subject="a", predicate=raw, object="b").predicate == expected


def test_negated_relation_is_a_distinct_item() -> None:
    pos = Relation(subject="a", predicate="is_a", object="b")
    neg = Relation(subject="a", predicate="is_a", object="b", negated=True)
    assert pos.id != neg.id and pos.triple_key == neg.triple_key


def test_item_ids_ignore_confidence_and_span() -> None:
    a = Relation(subject="a", predicate="owns", object="b", confidence=0.9, span=(0, 4))
    b = Relation(subject="a", predicate="owns", object="b", confidence=0.2)
    assert a.id == b.id


@pytest.mark.parametrize(
    "item",
    [
        Attribute(entity="e", name="population", value="2.1 million", datatype="number"),
        Procedure(goal="bake bread", steps=("mix", "knead", "bake")),
        HierarchyEdge(parent="p", child="c", relation=HierarchyKind.MEMBER_OF),
        LinguisticItem(entity="e", relation=LinguisticKind.ABBREVIATION, value="EU"),
    ],
)
def test_items_are_frozen_and_hashed(item: object) -> None:
    assert item.id.startswith("sha256:")
    with pytest.raises(ValidationError):
        item.confidence = 0.1


def test_procedure_step_order_matters() -> None:
    assert Procedure(goal="g", steps=("a", "b")).id != Procedure(goal="g", steps=("b", "a")).id


@pytest.mark.parametrize("bad", [-0.1, 1.1])
def test_confidence_range(bad: float) -> None:
    with pytest.raises(ValueError):
        Relation(subject="a", predicate="p", object="b", confidence=bad)
    with pytest.raises(ValueError):
        Confidence(value=bad)


def test_distilled_knowledge_id_and_items() -> None:
    rel = Relation(subject="a", predicate="p", object="b")
    k = DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt="q",
        response="r",
        relations=(rel,),
        confidence=Confidence(value=0.8, signals={"extractor": 0.8}),
        provenance=Provenance(extractor="rules@1"),
    )
    same = DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt="q",
        response="r",
        confidence=Confidence(value=0.1),
        provenance=Provenance(extractor="rules@1"),
    )
    other = DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt="q",
        response="r",
        confidence=Confidence(value=0.8),
        provenance=Provenance(extractor="spacy@1"),
    )
    assert k.id == same.id != other.id
    assert k.items == (rel,) and k.item_count == 1


def test_normalise_name_keeps_accents_and_folds_case() -> None:
    assert normalise_name("Straße") == normalise_name("STRASSE")
    assert normalise_name("Zoë") != normalise_name("Zoe")
    assert normalise_name("ﬁsh") == "fish"  # NFKC ligature
