"""``graphml``: the knowledge graph as a GraphML multigraph, written by networkx.

Nodes are entities (``label`` = name, ``type``, ``aliases`` joined by ``|``) plus one node per
literal value an item points at (attribute values, linguistic values, procedure goals and steps,
``type`` = ``VALUE``/``PROCEDURE``), so every item becomes at least one edge and nothing is lost
for graph tools.  Edges carry ``kind`` (relation, hierarchy, attribute, linguistic, procedure),
``predicate`` (the relation predicate, hierarchy kind, attribute name, linguistic kind or
``has_step``), ``label`` (the predicate as graph tools show edge text: Gephi, yEd and Cytoscape
read ``label``; ``NOT`` before a negated one), ``confidence``, ``negated``, ``sources``
(independent evidence count), ``conflict`` (the functional property whose other value it
contradicts, ``negation`` for an asserted/negated pair, else empty) and the item ``id``.  GraphML
attributes must be scalars, hence the joined strings.

Streaming: :func:`export_graphml` writes the XML itself (``xml.sax.saxutils.XMLGenerator``
escapes it) element by element as the store's chunks go by (:mod:`._source`): a chunk's entity
nodes, the value nodes its items introduce, then its edges — GraphML lets nodes and edges
interleave, and readers resolve an edge's ends after reading the whole file.  Every key is
declared up front (``datatype`` and ``step`` even when no edge uses them: an unused key is no
data).  What is remembered across chunks is a 16-byte digest per value node already written, the
entity names, and the items in conflict (few).  :func:`to_networkx` builds the same graph in memory, for
networkx users.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

import networkx as nx

from grapheme_distill.model.functional import conflict_flags
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
)
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_file, xml_text
from ._source import GraphSource, as_source

__all__ = ["export_graphml", "to_networkx"]

#: (for, name, GraphML type) of every key, in the order declared
KEYS = (
    ("edge", "id", "string"),
    ("edge", "kind", "string"),
    ("edge", "predicate", "string"),
    ("edge", "label", "string"),
    ("edge", "confidence", "double"),
    ("edge", "negated", "boolean"),
    ("edge", "sources", "long"),
    ("edge", "conflict", "string"),
    ("edge", "datatype", "string"),
    ("edge", "step", "long"),
    ("node", "label", "string"),
    ("node", "type", "string"),
    ("node", "aliases", "string"),
)
_NS = "http://graphml.graphdrawing.org/xmlns"

#: a node (id, attributes) or an edge (source, target, key, attributes)
Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, str, dict[str, Any]]


def _value_node(kind: str, text: str) -> Node:
    return f"{kind}:{text}", {"label": text, "type": kind.upper(), "aliases": ""}


def _item_edges(item: Item, sources: int, conflict: str) -> Iterator[tuple[list[Node], Edge]]:
    """The edges an item becomes, each with the value nodes it needs."""

    def edge(u: str, v: str, kind: str, predicate: str, suffix: str = "", **extra: Any) -> Edge:
        negated = bool(getattr(item, "negated", False))
        attrs = {
            "id": item.id,
            "kind": kind,
            "predicate": predicate,
            "label": ("NOT " if negated else "") + predicate,
            "confidence": float(item.confidence),
            "negated": negated,
            "sources": sources,
            "conflict": conflict,
            **extra,
        }
        return u, v, item.id + suffix, attrs

    if isinstance(item, Relation):
        yield [], edge(item.subject, item.object, "relation", item.predicate)
    elif isinstance(item, HierarchyEdge):
        yield [], edge(item.child, item.parent, "hierarchy", item.relation.value)
    elif isinstance(item, Attribute):
        value = _value_node("value", item.value)
        yield [value], edge(item.entity, value[0], "attribute", item.name, datatype=item.datatype)
    elif isinstance(item, LinguisticItem):
        value = _value_node("value", item.value)
        yield [value], edge(item.entity, value[0], "linguistic", item.relation.value)
    elif isinstance(item, Procedure):
        goal_node = [] if item.entity else [_value_node("procedure", item.goal)]
        goal = item.entity or goal_node[0][0]
        for n, step in enumerate(item.steps, 1):
            value = _value_node("value", step)
            yield (
                [*goal_node, value],
                edge(goal, value[0], "procedure", "has_step", suffix=f"#{n}", step=n),
            )


def _unknown(node: str) -> Node:
    """A node for an entity an item points at but the graph does not hold."""
    return node, {"label": node, "type": "UNKNOWN", "aliases": ""}


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph as a networkx ``MultiDiGraph`` with the attributes described above."""
    g = nx.MultiDiGraph()
    flags = conflict_flags(graph)
    for e in graph.entities.values():
        g.add_node(e.id, label=e.name, type=e.type.value, aliases="|".join(e.aliases))
    for item in graph.iter_items():
        sources = len(graph.evidence.get(item.id, {})) or 1
        for values, (u, v, key, attrs) in _item_edges(item, sources, flags.get(item.id, "")):
            for node, node_attrs in values:
                if node not in g:
                    g.add_node(node, **node_attrs)
            for end in (u, v):
                if end not in g:
                    g.add_node(*_unknown(end))
            g.add_edge(u, v, key=key, **attrs)
    return g


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_text(value) if isinstance(value, str) else repr(value)


class _Writer:
    """GraphML element by element; nodes written once (a digest per node id remembered)."""

    def __init__(self, xml: XMLGenerator) -> None:
        self.xml, self.seen = xml, set[bytes]()
        self.nodes = self.edges = 0

    def _element(self, name: str, attrs: dict[str, str], data: dict[str, Any]) -> None:
        self.xml.ignorableWhitespace("\n    ")
        self.xml.startElement(name, AttributesImpl(attrs))
        for key, value in data.items():
            self.xml.ignorableWhitespace("\n      ")
            self.xml.startElement("data", AttributesImpl({"key": key}))
            self.xml.characters(_text(value))
            self.xml.endElement("data")
        self.xml.ignorableWhitespace("\n    ")
        self.xml.endElement(name)

    def node(self, node: str, attrs: dict[str, Any]) -> None:
        node = xml_text(node)
        digest = hashlib.blake2b(node.encode("utf-8"), digest_size=16).digest()
        if digest not in self.seen:
            self.seen.add(digest)
            self._element("node", {"id": node}, {f"node_{k}": v for k, v in attrs.items()})
            self.nodes += 1

    def edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        ends = {"source": xml_text(u), "target": xml_text(v), "id": xml_text(key)}
        self._element("edge", ends, attrs)
        self.edges += 1


def export_graphml(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """Write GraphML that ``networkx.read_graphml`` (and Gephi, yEd, Cytoscape) can load.

    Written atomically (a full disk or a crash never leaves half a file under ``path``) and
    well-formed for any label: characters XML 1.0 cannot hold become U+FFFD.
    """
    source = as_source(graph)
    flags = source.conflict_flags
    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        xml = XMLGenerator(handle, encoding="utf-8", short_empty_elements=True)
        xml.startDocument()
        xml.startElement("graphml", AttributesImpl({"xmlns": _NS}))
        for kind, name, graphml_type in KEYS:
            xml.ignorableWhitespace("\n  ")
            declared = {"id": f"{kind}_{name}", "for": kind, "attr.name": name}
            xml.startElement("key", AttributesImpl({**declared, "attr.type": graphml_type}))
            xml.endElement("key")
        xml.ignorableWhitespace("\n  ")
        xml.startElement("graph", AttributesImpl({"edgedefault": "directed"}))
        out = _Writer(xml)
        for chunk in source.chunks():
            g = chunk.graph
            for e in g.entities.values():
                out.node(
                    e.id, {"label": e.name, "type": e.type.value, "aliases": "|".join(e.aliases)}
                )
            for item in g.iter_items():
                sources = len(g.evidence.get(item.id, {})) or 1
                for values, (u, v, key, attrs) in _item_edges(
                    item, sources, flags.get(item.id, "")
                ):
                    for node, node_attrs in values:
                        out.node(node, node_attrs)
                    for end in {u, v} - {node for node, _ in values}:
                        if end not in chunk.names:
                            out.node(*_unknown(end))
                    out.edge(u, v, key, {f"edge_{k}": a for k, a in attrs.items()})
        xml.ignorableWhitespace("\n  ")
        xml.endElement("graph")
        xml.ignorableWhitespace("\n")
        xml.endElement("graphml")
        xml.endDocument()
        handle.write("\n")
    return ExportReport(format="graphml", path=str(path), nodes=out.nodes, edges=out.edges)
