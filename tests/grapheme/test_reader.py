"""read_grapheme: damaged, truncated or mismatched exports are errors naming the file, never a
silently different graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme import read_grapheme, to_grapheme
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Entity, EntityType, Relation


def _sample() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    paris, france = Entity(name="Paris", type=EntityType.LOCATION), Entity(name="France 🇫🇷")
    kg.add_entity(paris)
    kg.add_entity(france)
    kg.add_item(Relation(subject=paris.id, predicate="located_in", object=france.id, confidence=0.9),
                source="call-1", extractor="rules@1")
    return kg


def test_missing_sidecar_is_named(tmp_path: Path) -> None:
    kg = _sample()
    result = to_grapheme(kg, tmp_path / "kg")
    result.sidecar_path.unlink()
    with pytest.raises(ExportError, match=r"kg\.sidecar\.json: sidecar not found"):
        read_grapheme(result.graph_path)


def test_truncated_graph_is_reported_not_read_as_empty(tmp_path: Path) -> None:
    kg = _sample()
    result = to_grapheme(kg, tmp_path / "kg")
    data = result.graph_path.read_text(encoding="utf-8")
    result.graph_path.write_text(data[: len(data) // 2], encoding="utf-8")
    with pytest.raises(ExportError, match="not valid JSON"):
        read_grapheme(result.graph_path)


def test_sidecar_from_another_graph_is_refused(tmp_path: Path) -> None:
    kg = _sample()
    other = KnowledgeGraph()
    other.add_entity(Entity(name="x"))
    a = to_grapheme(kg, tmp_path / "a")
    b = to_grapheme(other, tmp_path / "b")
    a.sidecar_path.write_bytes(b.sidecar_path.read_bytes())
    with pytest.raises(ExportError, match="from different exports"):
        read_grapheme(a.graph_path)


def test_wrong_sidecar_format_is_refused(tmp_path: Path) -> None:
    result = to_grapheme(_sample(), tmp_path / "kg")
    result.sidecar_path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ExportError, match="not a grapheme-distill sidecar"):
        read_grapheme(tmp_path / "kg")


def test_edited_graph_is_refused(tmp_path: Path) -> None:
    """An item node whose knowledge-type edge was removed cannot be read as some other item."""
    result = to_grapheme(_sample(), tmp_path / "kg")
    doc = json.loads(result.graph_path.read_text(encoding="utf-8"))
    nodes = doc["graph"]["nodes"]
    for edge in doc["graph"]["edges"]:  # retype the predicate node's hub edge (counts unchanged)
        if edge[2]["edge_type"] == "Structural" and nodes[edge[0]]["node_type"] == {"SemanticUnit": "located_in"}:
            edge[2]["edge_type"] = "Skip"
    result.graph_path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ExportError, match="expected one edge to a 'knowledge:' hub"):
        read_grapheme(result.graph_path)
