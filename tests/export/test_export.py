"""Export registry, JSON round trip and GraphML loaded back with networkx."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from grapheme_distill import ExportError, KnowledgeGraph
from grapheme_distill.export import (
    EXPORTERS,
    ExportReport,
    available_formats,
    export_graph,
    register_exporter,
)
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import SQLiteStore, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = open_store(tmp_path / "g.db")
    distill_transcripts([EXAMPLES / "transcripts.jsonl"], s, extractor=RuleExtractor())
    return s


def test_graphml_loads_in_networkx_with_everything_intact(
    store: SQLiteStore, tmp_path: Path
) -> None:
    out = tmp_path / "g.graphml"
    report = export_graph(store, "graphml", out)
    graph = store.to_knowledge_graph()
    g = nx.read_graphml(out, force_multigraph=True)
    assert report.nodes == g.number_of_nodes() and report.edges == g.number_of_edges()
    for entity in graph.entities.values():
        assert g.nodes[entity.id]["label"] == entity.name
        assert g.nodes[entity.id]["type"] == entity.type.value
    edges = {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    assert graph.relations, "the example should give relations"
    for rel in graph.relations.values():
        u, v, d = edges[rel.id]
        assert (u, v) == (rel.subject, rel.object)
        assert d["predicate"] == rel.predicate and d["kind"] == "relation"
        assert d["confidence"] == pytest.approx(rel.confidence)
        assert d["negated"] is rel.negated
    for attr in graph.attributes.values():
        u, v, d = edges[attr.id]
        assert (
            u == attr.entity and g.nodes[v]["label"] == attr.value and d["predicate"] == attr.name
        )
    for edge in graph.hierarchy.values():
        u, v, d = edges[edge.id]
        assert (u, v, d["predicate"]) == (edge.child, edge.parent, edge.relation.value)
    negated = [d for _, _, d in g.edges(data=True) if d["negated"]]
    assert len(negated) == sum(r.negated for r in graph.relations.values()) > 0


def test_json_round_trips(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    report = export_graph(store, "json", out)
    data = json.loads(out.read_text())
    assert KnowledgeGraph.from_dict(data) == store.to_knowledge_graph()
    assert report.nodes == len(data["entities"]) > 0
    assert data["contradictions"] == []


def test_compress_keeps_the_most_confident(store: SQLiteStore, tmp_path: Path) -> None:
    full = export_graph(store, "json", tmp_path / "a.json")
    small = export_graph(store, "json", tmp_path / "b.json", compress_ratio=0.2)
    assert 0 < small.edges < full.edges


def test_registry_is_extensible(tmp_path: Path) -> None:
    def export_count(
        graph: KnowledgeGraph, path: Path, *, store: object = None, config: object = None
    ) -> ExportReport:
        path.write_text(str(len(graph.entities)))
        return ExportReport(format="count", path=str(path), nodes=len(graph.entities))

    register_exporter("count", export_count)
    try:
        assert "count" in available_formats()
        export_graph(KnowledgeGraph(), "count", tmp_path / "n.txt")
        assert (tmp_path / "n.txt").read_text() == "0"
    finally:
        EXPORTERS.pop("count")


@pytest.mark.parametrize(
    ("fmt", "where", "match"),
    [
        ("xml", "out.x", "unknown export format 'xml'; available: .*graphml.*json"),
        ("json", "missing/out.json", "does not exist"),
    ],
)
def test_export_errors(tmp_path: Path, fmt: str, where: str, match: str) -> None:
    with pytest.raises(ExportError, match=match):
        export_graph(KnowledgeGraph(), fmt, tmp_path / where)
