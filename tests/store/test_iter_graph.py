"""``GraphReader.iter_graph``: the graph read a chunk of entities at a time, on every store.

What exports of a large store rely on: the chunks together are exactly ``to_knowledge_graph()``
(every entity and every item once, with the same evidence), whichever chunks an item's references
fall in, and every chunk can name every entity its items reference.
"""

from __future__ import annotations

import random

import pytest
from knowledge_records import ent

from grapheme_distill import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeGraph,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Provenance,
    Relation,
)
from grapheme_distill.store import GraphStore


def _records(seed: int = 3) -> list[DistilledKnowledge]:
    """Knowledge over 23 entities whose items cross any chunking: relations between random
    entities (negated ones too, so contradictions), attributes, hierarchy, linguistic items,
    procedures with and without an entity, several sources per item."""
    rng = random.Random(seed)
    types = [EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.CONCEPT]
    entities = [ent(f"entity {n:02d}", types[n % 4]) for n in range(22)]
    entities.append(Entity(name="Aliased thing", type=EntityType.OTHER, aliases=("AT",)))
    out = []
    for call in range(12):
        items: list[Relation | Attribute | HierarchyEdge | LinguisticItem | Procedure] = []
        for _ in range(8):
            s, o = rng.sample(entities, 2)
            items.append(
                Relation(
                    subject=s.id,
                    predicate=rng.choice(["knows", "located_in", "part_of_team"]),
                    object=o.id,
                    negated=rng.random() < 0.3,
                    confidence=rng.choice([0.5, 0.6, 0.8]),
                    span=(call, call + 4),
                )
            )
        a, b = rng.sample(entities, 2)
        first, second = entities[call % 2], entities[21]
        items += [
            Relation(subject=first.id, predicate="rivals", object=second.id, negated=call % 4 >= 2),
            Attribute(entity=a.id, name="founded", value=str(1900 + call % 5), datatype="date"),
            HierarchyEdge(parent=a.id, child=b.id, relation=HierarchyKind.MEMBER_OF),
            LinguisticItem(
                entity=b.id, relation=LinguisticKind.DEFINITION, value=f"def {call % 4}"
            ),
            Procedure(goal=f"task {call % 3}", steps=("one", "two"), entity=None),
            Procedure(goal="use it", steps=("a", "b", "c"), entity=a.id),
        ]
        out.append(
            DistilledKnowledge(
                knowledge_type=KnowledgeType.RELATIONAL,
                prompt=f"prompt {call}",
                response=f"answer {call}",
                entities=tuple(entities),
                items=tuple(items),
                confidence=Confidence(value=0.9),
                provenance=Provenance(extractor=f"rules@{call % 2}", call_hash=f"call{call % 7}"),
            )
        )
    return out


def _union(store: GraphStore, chunk_size: int) -> tuple[KnowledgeGraph, int]:
    whole, chunks = KnowledgeGraph(), 0
    previous_high = ""
    for chunk in store.iter_graph(chunk_size):
        chunks += 1
        ids = list(chunk.graph.entities)
        assert ids == sorted(ids) and 0 < len(ids) <= chunk_size
        item_ids = [item.id for item in chunk.graph.iter_items()]
        assert min([*ids, *item_ids]) >= previous_high, "chunks are consecutive id ranges"
        previous_high = max([*ids, *item_ids])
        for entity in chunk.graph.entities.values():
            assert entity.id not in whole.entities
            whole.entities[entity.id] = entity
        for item in chunk.graph.iter_items():
            assert whole.get_item(item.id) is None, f"{item.id} read twice"
            whole._table(item)[item.id] = item
            for ref in item.entity_refs():
                assert chunk.names[ref] == store.get_entity(ref).name  # type: ignore[union-attr]
        whole.evidence.update(chunk.graph.evidence)
    return whole, chunks


@pytest.mark.parametrize("chunk_size", [1, 2, 5, 1000])
def test_chunks_together_are_the_whole_graph(store: GraphStore, chunk_size: int) -> None:
    store.add_knowledge_many(_records())
    expected = store.to_knowledge_graph()
    assert len(expected.entities) == 23 and expected.procedures and expected.hierarchy
    assert store.contradictions()
    whole, chunks = _union(store, chunk_size)
    assert whole == expected
    assert chunks == -(-len(expected.entities) // chunk_size)


def test_a_store_without_entities(store: GraphStore) -> None:
    assert list(store.iter_graph(3)) == []
    store.add_knowledge(
        DistilledKnowledge(
            knowledge_type=KnowledgeType.PROCEDURAL,
            prompt="p",
            response="r",
            items=(Procedure(goal="bake", steps=("mix", "bake")),),
            confidence=Confidence(value=0.9),
            provenance=Provenance(extractor="rules@1", call_hash="c1"),
        )
    )
    chunks = list(store.iter_graph(3))
    assert len(chunks) == 1 and len(chunks[0].graph.procedures) == 1
    assert chunks[0].graph.evidence == store.to_knowledge_graph().evidence
    with pytest.raises(ValueError, match="chunk_size"):
        next(store.iter_graph(0))
