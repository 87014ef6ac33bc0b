from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill import (
    Confidence,
    DistilledKnowledge,
    Entity,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeGraph,
    KnowledgeType,
    Provenance,
    Relation,
    noisy_or,
)

A, B, C = Entity(name="Alpha"), Entity(name="Beta"), Entity(name="Gamma")


def _record(prompt: str, *relations: Relation, call: str | None = None) -> DistilledKnowledge:
    return DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt=prompt,
        response=prompt,
        entities=(A, B, C),
        relations=relations,
        confidence=Confidence(value=0.9),
        provenance=Provenance(extractor="rules@1", call_hash=call),
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], 0.0), ([0.5], 0.5), ([0.5, 0.5], 0.75), ([0.9, 0.8, 0.0], 0.98), ([1.0, 0.1], 1.0)],
)
def test_noisy_or(values: list[float], expected: float) -> None:
    assert noisy_or(values) == pytest.approx(expected)


def test_independent_sources_combine_same_source_does_not() -> None:
    rel = Relation(subject=A.id, predicate="owns", object=B.id, confidence=0.6)
    g = KnowledgeGraph()
    g.add_knowledge(_record("q1", rel, call="c1"))
    g.add_knowledge(_record("q1 again", rel, call="c1"))  # same teacher call: not independent
    assert g.relations[rel.id].confidence == pytest.approx(0.6)
    g.add_knowledge(_record("q2", rel, call="c2"))
    assert g.relations[rel.id].confidence == pytest.approx(0.84)
    assert set(g.evidence[rel.id]) == {"c1", "c2"}
    recomputed = noisy_or(e.confidence for e in g.evidence[rel.id].values())
    assert g.relations[rel.id].confidence == pytest.approx(recomputed)


def test_contradictions_are_kept_and_reported() -> None:
    pos = Relation(subject=A.id, predicate="is_a", object=B.id, confidence=0.8)
    neg = Relation(subject=A.id, predicate="is_a", object=B.id, negated=True, confidence=0.8)
    g = KnowledgeGraph()
    g.add_knowledge(_record("q", pos, neg))
    assert len(g.relations) == 2
    assert g.contradictions() == [(pos, neg)]
    assert g.stats().contradictions == 1


def test_merge_combines_evidence() -> None:
    rel = Relation(subject=A.id, predicate="owns", object=B.id, confidence=0.5)
    g1, g2 = KnowledgeGraph(), KnowledgeGraph()
    g1.add_knowledge(_record("q1", rel, call="c1"))
    g2.add_knowledge(_record("q2", rel, call="c2"))
    g1.merge(g2)
    assert g1.relations[rel.id].confidence == pytest.approx(0.75)
    g1.merge(g2)  # merging the same evidence again changes nothing
    assert g1.relations[rel.id].confidence == pytest.approx(0.75)


def test_aliases_union_on_add() -> None:
    g = KnowledgeGraph()
    g.add_entity(Entity(name="European Union", aliases=("EU",)))
    assert not g.add_entity(Entity(name="european union", aliases=("Union",)))
    (ent,) = g.entities.values()
    assert ent.aliases == ("EU", "Union")
    assert g.find_entities("eu") == [ent]


def test_neighbourhood_and_stats() -> None:
    r1 = Relation(subject=A.id, predicate="owns", object=B.id, confidence=0.7)
    r2 = Relation(subject=C.id, predicate="owns", object=A.id, confidence=0.9)
    r3 = Relation(subject=B.id, predicate="owns", object=C.id, confidence=0.9)
    h = HierarchyEdge(parent=A.id, child=C.id, relation=HierarchyKind.CONTAINS, confidence=0.8)
    g = KnowledgeGraph()
    g.add_knowledge(_record("q", r1, r2, r3))
    g.add_item(h, source="x")
    assert [i.id for i in g.neighbourhood(A.id)] == [r2.id, h.id, r1.id]
    s = g.stats()
    assert (s.entities, s.relations, s.hierarchy, s.observations) == (3, 3, 1, 4)


def test_dict_round_trip_is_equal_and_json_safe() -> None:
    rel = Relation(
        subject=A.id,
        predicate="owns",
        object=B.id,
        confidence=0.5,
        span=(1, 5),
        qualifiers={"since": "1999"},
    )
    g = KnowledgeGraph()
    g.add_knowledge(_record("q1", rel, call="c1"))
    g.add_item(HierarchyEdge(parent=A.id, child=B.id, relation=HierarchyKind.PART_OF))
    data = json.loads(json.dumps(g.to_dict()))
    assert KnowledgeGraph.from_dict(data) == g


def test_compress_keeps_most_confident_within_budget() -> None:
    rels = [
        Relation(subject=A.id, predicate=f"p{i}", object=B.id, confidence=i / 10)
        for i in range(1, 11)
    ]
    g = KnowledgeGraph()
    g.add_knowledge(_record("q", *rels, call="c"))
    small = g.compress(0.3)
    assert sorted(r.confidence for r in small.relations.values()) == pytest.approx([0.8, 0.9, 1.0])
    assert set(small.entities) == {A.id, B.id}  # Gamma is touched by nothing kept


def test_remove_item_drops_it_with_its_evidence_and_noisy_or_state() -> None:
    keep = Relation(subject=A.id, predicate="owns", object=B.id, confidence=0.6)
    gone = Relation(subject=A.id, predicate="owns", object=C.id, confidence=0.5)
    neg = Relation(subject=A.id, predicate="owns", object=C.id, negated=True, confidence=0.5)
    g = KnowledgeGraph()
    g.add_knowledge(_record("q1", keep, gone, neg, call="c1"))
    g.add_knowledge(_record("q2", gone, call="c2"))
    assert g.relations[gone.id].confidence == pytest.approx(0.75)
    assert g.contradictions() != []

    removed = g.remove_item(gone.id)

    assert removed is not None and removed.id == gone.id
    assert g.get_item(gone.id) is None and gone.id not in g.evidence
    assert [i.id for i in g.neighbourhood(C.id)] == [neg.id]
    assert g.contradictions() == []
    assert g.observation_count() == 2  # keep and neg, one source each
    assert set(g.entities) == {A.id, B.id, C.id}  # entities stay: other items may use them
    # Seen again from one source only: its confidence is that source's, not the removed
    # sources' noisy-or (the incremental product must have gone with the evidence).
    g.add_knowledge(_record("q3", gone, call="c3"))
    assert g.relations[gone.id].confidence == pytest.approx(0.5)
    assert set(g.evidence[gone.id]) == {"c3"}
    assert KnowledgeGraph.from_dict(g.to_dict()) == g


def test_remove_item_without_evidence_and_unknown_ids() -> None:
    h = HierarchyEdge(parent=A.id, child=B.id, relation=HierarchyKind.PART_OF, confidence=0.7)
    g = KnowledgeGraph()
    g.add_item(h)  # no source: no evidence kept
    before = g.to_dict()
    assert g.remove_item("no-such-item") is None  # unknown: a no-op, like the store's delete
    assert g.to_dict() == before
    assert g.remove_item(h.id) == h
    assert g.hierarchy == {} and g.remove_item(h.id) is None  # removing twice is idempotent


def test_a_graph_read_back_keeps_aggregating_its_evidence(tmp_path: Path) -> None:
    """A graph read from a store or a GRAPHEME export gets its evidence set directly, not through
    ``add_item``; one more observation must still combine with all of it (noisy-or), not start
    from nothing (which gave 0.5 for a fact already seen at 0.6 and 0.6)."""
    from grapheme_distill.grapheme import read_grapheme, to_grapheme
    from grapheme_distill.merge import merge_into
    from grapheme_distill.store import open_store

    rel = Relation(subject=A.id, predicate="owns", object=B.id, confidence=0.6)
    g = KnowledgeGraph()
    for e in (A, B):
        g.add_entity(e)
    g.add_item(rel, source="c1", extractor="x@1")
    g.add_item(rel, source="c2", extractor="x@1")
    store = open_store(tmp_path / "s.db")
    merge_into(g, store)
    from_store = store.to_knowledge_graph()
    store.close()
    to_grapheme(g, tmp_path / "g")
    for back in (from_store, read_grapheme(tmp_path / "g"), KnowledgeGraph.from_dict(g.to_dict())):
        back.add_item(rel.model_copy(update={"confidence": 0.5}), source="c3", extractor="x@1")
        assert back.relations[rel.id].confidence == pytest.approx(1 - 0.4 * 0.4 * 0.5)
