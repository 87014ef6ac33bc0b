"""Agreement: three teachers saying one thing are three sources; one fact read twice is one item."""

from __future__ import annotations

import json
from pathlib import Path

from grapheme_distill import (
    Confidence,
    DistilledKnowledge,
    Entity,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    Provenance,
    Relation,
)
from grapheme_distill.config import DistillationConfig
from grapheme_distill.extractors.rules import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.session import DistillationSession
from grapheme_distill.store import open_store

ANSWER = "Paris is located in France. The Eiffel Tower is located in Paris."


def test_three_teachers_saying_one_thing_are_three_sources(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    models = ["gpt-4o", "llama-3", "qwen-2"]
    path.write_text(
        "".join(
            json.dumps({"model": m, "prompt": "Tell me about Paris.", "response": ANSWER}) + "\n"
            for m in models
        )
    )
    config = DistillationConfig(min_confidence=0.1)
    with open_store(tmp_path / "a.db") as one, open_store(tmp_path / "b.db") as three:
        first = tmp_path / "one.jsonl"
        first.write_text(path.read_text().splitlines()[0] + "\n")
        distill_transcripts([first], one, config, RuleExtractor())
        distill_transcripts([path], three, config, RuleExtractor())
        alone, agreed = one.to_knowledge_graph(), three.to_knowledge_graph()
        assert alone.relations.keys() == agreed.relations.keys() and alone.relations
        for item_id, item in agreed.relations.items():
            assert len(agreed.evidence[item_id]) == 3  # one source per teacher model
            assert item.confidence > alone.relations[item_id].confidence
        # a re-run adds nothing: the three calls are already processed
        again = distill_transcripts([path], three, config, RuleExtractor())
        assert (again.already_processed, again.new_observations) == (3, 0)


def test_a_part_of_relation_and_a_part_of_edge_are_one_item() -> None:
    seine, france = Entity(name="Seine"), Entity(name="France")
    session = DistillationSession()

    def read(items: tuple[Relation | HierarchyEdge, ...], call: str) -> None:
        session.add_knowledge(
            DistilledKnowledge(
                knowledge_type=KnowledgeType.STRUCTURAL,
                prompt="p",
                response=call,
                entities=(seine, france),
                items=items,
                confidence=Confidence(value=0.9),
                provenance=Provenance(extractor="x@1", call_hash=call),
            )
        )

    as_relation = Relation(subject=seine.id, predicate="part of", object=france.id, confidence=0.8)
    as_edge = HierarchyEdge(
        parent=france.id, child=seine.id, relation=HierarchyKind.PART_OF, confidence=0.7
    )
    read((as_relation, as_edge), "a")  # one reader, both readings
    read((as_relation,), "b")  # another reader, the relation only
    contains = Relation(subject=france.id, predicate="contains", object=seine.id, confidence=0.6)
    negated = as_relation.model_copy(update={"negated": True, "id": ""})
    read((contains, Relation.model_validate(negated.model_dump())), "c")
    graph = session.to_knowledge_graph()
    assert list(graph.hierarchy.values())[0].relation is HierarchyKind.PART_OF
    assert len(graph.hierarchy) == 2  # part_of (sources a, b) and contains (c)
    (edge_id,) = [i for i, h in graph.hierarchy.items() if h.relation is HierarchyKind.PART_OF]
    assert sorted(graph.evidence[edge_id]) == ["a", "b"]
    assert [r.negated for r in graph.relations.values()] == [True]  # a negation stays a relation
