"""Reader: ``<name>.grapheme.json`` + ``<name>.sidecar.json`` → an equal KnowledgeGraph.

The reader inverts :func:`~grapheme_distill.grapheme.layout.walk`.  Everything that *is* knowledge
comes from the GRAPHEME graph: labels and values are re-read from the ``Input`` characters of each
concept's ``Clique`` members, entity types, knowledge types, datatypes and negation from the edges
to the hub ``Keyword`` nodes, predicates and attribute names from ``SemanticUnit`` nodes, kinds of
hierarchy, linguistic items and procedures from ``Keyword`` nodes, confidences from role-edge
weights, order (aliases, steps) from edge order.  The sidecar only says which node is which id and
adds what GRAPHEME cannot hold (spans, qualifiers, evidence).  Every inconsistency is an
:class:`~grapheme_distill.errors.ExportError` naming the file and the node, because a reader that
guessed would silently turn a damaged file into a different graph.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme.convert import SIDECAR_FORMAT, grapheme_paths
from grapheme_distill.grapheme.layout import HUBS
from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    HierarchyEdge,
    LinguisticItem,
    Procedure,
    Relation,
)

__all__ = ["read_grapheme"]

_Edge = tuple[int, str, float]  # (other end, edge type, weight)
_HUB_NAMES = frozenset(HUBS)


def _load(path: Path, what: str) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise ExportError(
            f"{path}: {what} not found; a GRAPHEME export is two files written together "
            "(<name>.grapheme.json and <name>.sidecar.json) — export again or copy both"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ExportError(f"{path}:{exc.lineno}: {what} is not valid JSON ({exc.msg}); the file is truncated or damaged, export again") from exc


class _Graph:
    """Indexed view of the serde document: node types, out/in edges in file order."""

    def __init__(self, doc: Any, path: Path) -> None:
        self.path = path
        try:
            self.nodes: list[Any] = doc["graph"]["nodes"]
            raw_edges: list[Any] = doc["graph"]["edges"]
        except (KeyError, TypeError) as exc:
            raise ExportError(f"{path}: not a GRAPHEME graph (missing {exc})") from exc
        self.out: dict[int, list[_Edge]] = defaultdict(list)
        self.into: dict[int, list[_Edge]] = defaultdict(list)
        self.edge_count = 0
        for edge in raw_edges:
            if edge is None:  # a petgraph edge hole
                continue
            self.edge_count += 1
            src, dst, props = edge
            weight = float(props["weight"])
            self.out[src].append((dst, props["edge_type"], weight))
            self.into[dst].append((src, props["edge_type"], weight))
        # hubs are recognised by their Keyword text, not by position: the graph alone says which
        self.hubs: dict[int, str] = {}
        for index, node in enumerate(self.nodes):
            node_type = node["node_type"]
            if isinstance(node_type, dict) and node_type.get("Keyword") in _HUB_NAMES:
                self.hubs[index] = node_type["Keyword"]

    def fail(self, node: int, reason: str) -> ExportError:
        return ExportError(f"{self.path}: node {node}: {reason}; the export is damaged, export again")

    def payload(self, node: int, kind: str) -> Any:
        node_type = self.nodes[node]["node_type"] if 0 <= node < len(self.nodes) else None
        if not isinstance(node_type, dict) or kind not in node_type:
            raise self.fail(node, f"expected a {kind} node, found {node_type!r}")
        return node_type[kind]

    def text(self, concept: int) -> str:
        """The label of a concept: the Input characters of its Clique members."""
        members = self.payload(concept, "Clique")
        return "".join(self.payload(m, "Input") for m in members)

    def hub_targets(self, node: int, prefix: str) -> list[str]:
        return [
            self.hubs[dst][len(prefix):]
            for dst, kind, _ in self.out.get(node, ())
            if kind == "Structural" and dst in self.hubs and self.hubs[dst].startswith(prefix)
        ]

    def one_hub(self, node: int, prefix: str) -> str:
        found = self.hub_targets(node, prefix)
        if len(found) != 1:
            raise self.fail(node, f"expected one edge to a '{prefix}' hub, found {len(found)}")
        return found[0]

    def role_out(self, node: int, edge_type: str) -> list[tuple[int, float]]:
        return [(d, w) for d, k, w in self.out.get(node, ()) if k == edge_type and d not in self.hubs]

    def role_in(self, node: int, edge_type: str) -> list[tuple[int, float]]:
        return [(s, w) for s, k, w in self.into.get(node, ()) if k == edge_type]


def read_grapheme(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Rebuild the :class:`KnowledgeGraph` that :func:`~.convert.to_grapheme` wrote to ``path``.

    Args:
        path: ``out/name`` or ``out/name.grapheme.json``; ``out/name.sidecar.json`` must be beside it.

    Raises:
        ExportError: a file is missing, not JSON, or inconsistent with the other.
    """
    graph_path, sidecar_path = grapheme_paths(path)
    g = _Graph(_load(graph_path, "GRAPHEME graph"), graph_path)
    side = _load(sidecar_path, "sidecar")
    if not isinstance(side, dict) or side.get("format") != SIDECAR_FORMAT:
        raise ExportError(
            f"{sidecar_path}: not a grapheme-distill sidecar (format "
            f"{side.get('format') if isinstance(side, dict) else None!r}, expected {SIDECAR_FORMAT!r})"
        )
    counts = side.get("counts") or {}
    if counts.get("nodes") != len(g.nodes) or counts.get("edges") != g.edge_count:
        raise ExportError(
            f"{sidecar_path}: written for a graph of {counts.get('nodes')} nodes and "
            f"{counts.get('edges')} edges, but {graph_path.name} has {len(g.nodes)} and "
            f"{g.edge_count}; the two files are from different exports — export again"
        )
    try:
        return _rebuild(g, side)
    except ExportError:
        raise
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ExportError(f"{sidecar_path}: does not match {graph_path.name}: {exc!r}; export again") from exc


def _rebuild(g: _Graph, side: dict[str, Any]) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    ids: dict[int, str] = {}
    items: list[tuple[int, str, Any, Any]] = []
    for record in side["records"]:
        tag = record[0]
        if tag == "entity":
            node, entity_id = record[1], record[2]
            ids[node] = entity_id
            aliases = tuple(
                g.text(dst) for dst, _ in g.role_out(node, "Semantic") if "Clique" in g.nodes[dst]["node_type"]
            )
            kg.entities[entity_id] = Entity(
                id=entity_id, name=g.text(node), type=g.one_hub(node, "entity_type:"), aliases=aliases
            )
        elif tag == "unresolved":
            if g.nodes[record[1]]["node_type"] != "Hidden":
                raise g.fail(record[1], "expected the Hidden node of an unresolved entity id")
            ids[record[1]] = record[2]
        elif tag == "item":
            items.append((record[1], record[2], record[3], record[4]))
        else:
            raise ExportError(f"unknown sidecar record {tag!r}")

    def entity_at(node: int) -> str:
        if node not in ids:
            raise g.fail(node, "an item refers to a node that is not an entity")
        return ids[node]

    def single(edges: list[tuple[int, float]], node: int, role: str) -> tuple[int, float]:
        if len(edges) != 1:
            raise g.fail(node, f"expected one {role} edge, found {len(edges)}")
        return edges[0]

    for node, item_id, span, extra in items:
        kind = g.one_hub(node, "knowledge:")
        common: dict[str, Any] = {"id": item_id, "span": tuple(span) if span is not None else None}
        if kind == "relational":
            subject, weight = single(g.role_in(node, "Semantic"), node, "subject")
            obj, _ = single(g.role_out(node, "Semantic"), node, "object")
            rel = Relation(
                **common, subject=entity_at(subject), predicate=g.payload(node, "SemanticUnit"),
                object=entity_at(obj), negated=bool(g.hub_targets(node, "negated")),
                qualifiers=(extra or {}).get("qualifiers", {}), confidence=weight,
            )
            kg.relations[rel.id] = rel
        elif kind == "factual":
            owner, weight = single(g.role_in(node, "Semantic"), node, "entity")
            value, _ = single(g.role_out(node, "Semantic"), node, "value")
            att = Attribute(
                **common, entity=entity_at(owner), name=g.payload(node, "SemanticUnit"),
                value=g.text(value), datatype=g.one_hub(node, "datatype:"), confidence=weight,
            )
            kg.attributes[att.id] = att
        elif kind == "procedural":
            owners = g.role_in(node, "Semantic")
            goal, weight = single(g.role_out(node, "Semantic"), node, "goal")
            steps = tuple(g.text(dst) for dst, _ in g.role_out(node, "Structural"))
            if g.payload(node, "Keyword") != "procedure" or len(owners) > 1:
                raise g.fail(node, "not a procedure node")
            proc = Procedure(
                **common, goal=g.text(goal), steps=steps,
                entity=entity_at(owners[0][0]) if owners else None, confidence=weight,
            )
            kg.procedures[proc.id] = proc
        elif kind == "structural":
            child, weight = single(g.role_in(node, "Structural"), node, "child")
            parent, _ = single(g.role_out(node, "Structural"), node, "parent")
            edge = HierarchyEdge(
                **common, child=entity_at(child), parent=entity_at(parent),
                relation=g.payload(node, "Keyword"), confidence=weight,
            )
            kg.hierarchy[edge.id] = edge
        elif kind == "linguistic":
            owner, weight = single(g.role_in(node, "Semantic"), node, "entity")
            value, _ = single(g.role_out(node, "Semantic"), node, "value")
            ling = LinguisticItem(
                **common, entity=entity_at(owner), relation=g.payload(node, "Keyword"),
                value=g.text(value), confidence=weight,
            )
            kg.linguistic[ling.id] = ling
        else:
            raise g.fail(node, f"unknown knowledge type {kind!r}")
    for item_id, records in side["evidence"].items():
        kg.evidence[item_id] = {
            rec["source"]: Evidence.model_validate(
                {**rec, "span": tuple(rec["span"]) if rec["span"] is not None else None}
            )
            for rec in records
        }
    return kg
