"""How a knowledge graph is laid out as a GRAPHEME graph: one walk, several sinks.

:func:`walk` visits a :class:`~grapheme_distill.model.graph.KnowledgeGraph` once, in a fixed order,
and tells a :class:`GraphSink` which texts, nodes and edges to create.  The streaming JSON writer
(:mod:`.convert`) and the student-array builder (:mod:`grapheme_distill.student`) are two sinks of
the same walk, so the ``.npz`` node and edge indices are exactly those of the ``.grapheme.json``
file, and the reader (:mod:`.reader`) inverts this one layout.  ``docs/grapheme.md`` argues the
encoding; in short:

* hub ``Keyword`` nodes first (entity types, knowledge types, attribute datatypes, ``negated``);
* every text (entity label, alias, attribute value, procedure goal and step, linguistic value) is
  a chain of ``Input`` characters plus one ``Clique`` concept node over them (``Clique`` edges from
  the concept to each member), with ``Pattern`` nodes marking multi-code-point grapheme clusters;
* every item is one *item node* between concepts: relations a ``SemanticUnit`` holding the
  predicate, attributes a ``SemanticUnit`` holding the attribute name, hierarchy edges, linguistic
  items and procedures a ``Keyword`` holding their closed-vocabulary kind.  Role edges carry the
  item's confidence as weight; one ``Structural`` edge ties the item node to its knowledge-type hub.
"""

from __future__ import annotations

from typing import Final, Protocol

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import EntityType, Item, KnowledgeType

__all__ = [
    "DATATYPE_HUB",
    "ENTITY_TYPE_HUB",
    "HUBS",
    "KNOWLEDGE_HUB",
    "NEGATED_HUB",
    "Edge",
    "GraphSink",
    "walk",
]

Edge = tuple[int, int, str, float]  # (source, target, edge type, weight)

_DATATYPES: Final = ("string", "number", "date")

#: The ``Keyword`` strings of the hub nodes, in node order (indices 0 … len(HUBS) − 1).
HUBS: Final[tuple[str, ...]] = (
    *(f"entity_type:{t.value}" for t in EntityType),
    *(f"knowledge:{k.value}" for k in KnowledgeType),
    *(f"datatype:{d}" for d in _DATATYPES),
    "negated",
)
ENTITY_TYPE_HUB: Final[dict[str, int]] = {t.value: HUBS.index(f"entity_type:{t.value}") for t in EntityType}
KNOWLEDGE_HUB: Final[dict[str, int]] = {k.value: HUBS.index(f"knowledge:{k.value}") for k in KnowledgeType}
DATATYPE_HUB: Final[dict[str, int]] = {d: HUBS.index(f"datatype:{d}") for d in _DATATYPES}
NEGATED_HUB: Final[int] = HUBS.index("negated")


class GraphSink(Protocol):
    """Receives the layout.  Node indices are handed out by the sink, densely, in call order."""

    def add_text(self, text: str) -> int:
        """Add the character chain of ``text`` and its concept node; return the concept's index."""
        ...

    def add_node(self, kind: str, label: str | None) -> int:
        """Add a ``Keyword``/``SemanticUnit`` node holding ``label``, or a ``Hidden`` node."""
        ...

    def add_item(self, kind: str, label: str, item: Item) -> int:
        """Add the item node of ``item`` (``kind`` holding ``label``) and its sidecar record."""
        ...

    def add_edges(self, edges: list[Edge]) -> None:
        """Add ``(source, target, edge type, weight)`` edges, in order."""
        ...

    def entity(self, node: int, entity_id: str) -> None:
        """``node`` is the concept of entity ``entity_id`` (a sidecar record)."""
        ...

    def unresolved(self, node: int, entity_id: str) -> None:
        """``node`` stands for an id that items reference but the graph has no entity for."""
        ...



def walk(graph: KnowledgeGraph, sink: GraphSink) -> None:
    """Lay ``graph`` out into ``sink``: hubs, entities (with aliases), then items by kind.

    Items whose entity ids have no entity in the graph get one ``Hidden`` node per missing id, so
    that nothing is dropped and the reader can restore the dangling reference.
    """
    for hub in HUBS:
        sink.add_node("Keyword", hub)
    concept: dict[str, int] = {}
    add_text, add_item, add_edges = sink.add_text, sink.add_item, sink.add_edges
    for entity in graph.entities.values():
        node = add_text(entity.name)
        concept[entity.id] = node
        sink.entity(node, entity.id)
        edges: list[Edge] = [(node, ENTITY_TYPE_HUB[entity.type.value], "Structural", 1.0)]
        for alias in entity.aliases:
            edges.append((node, add_text(alias), "Semantic", 1.0))
        add_edges(edges)

    def missing(entity_id: str) -> int:
        node = concept[entity_id] = sink.add_node("Hidden", None)
        sink.unresolved(node, entity_id)
        return node

    relational, factual = KNOWLEDGE_HUB["relational"], KNOWLEDGE_HUB["factual"]
    for rel in graph.relations.values():
        subject = concept.get(rel.subject)
        if subject is None:
            subject = missing(rel.subject)
        obj = concept.get(rel.object)
        if obj is None:
            obj = missing(rel.object)
        node = add_item("SemanticUnit", rel.predicate, rel)
        c = rel.confidence
        if rel.negated:
            add_edges([(node, relational, "Structural", 1.0), (subject, node, "Semantic", c),
                       (node, obj, "Semantic", c), (node, NEGATED_HUB, "Structural", 1.0)])
        else:
            add_edges([(node, relational, "Structural", 1.0), (subject, node, "Semantic", c),
                       (node, obj, "Semantic", c)])
    for att in graph.attributes.values():
        owner = concept.get(att.entity)
        if owner is None:
            owner = missing(att.entity)
        node = add_item("SemanticUnit", att.name, att)
        value = add_text(att.value)
        c = att.confidence
        add_edges([(node, factual, "Structural", 1.0), (node, DATATYPE_HUB[att.datatype], "Structural", 1.0),
                   (owner, node, "Semantic", c), (node, value, "Semantic", c)])
    for proc in graph.procedures.values():
        owner_node = None
        if proc.entity is not None:
            owner_node = concept.get(proc.entity)
            if owner_node is None:
                owner_node = missing(proc.entity)
        node = add_item("Keyword", "procedure", proc)
        c = proc.confidence
        edges = [(node, KNOWLEDGE_HUB["procedural"], "Structural", 1.0)]
        if owner_node is not None:
            edges.append((owner_node, node, "Semantic", c))
        edges.append((node, add_text(proc.goal), "Semantic", c))
        previous: int | None = None
        for step in proc.steps:
            step_node = add_text(step)
            edges.append((node, step_node, "Structural", c))
            if previous is not None:
                edges.append((previous, step_node, "Sequential", 1.0))
            previous = step_node
        add_edges(edges)
    for edge in graph.hierarchy.values():
        child = concept.get(edge.child)
        if child is None:
            child = missing(edge.child)
        parent = concept.get(edge.parent)
        if parent is None:
            parent = missing(edge.parent)
        node = add_item("Keyword", edge.relation.value, edge)
        c = edge.confidence
        add_edges([(node, KNOWLEDGE_HUB["structural"], "Structural", 1.0), (child, node, "Structural", c),
                   (node, parent, "Structural", c)])
    for ling in graph.linguistic.values():
        owner = concept.get(ling.entity)
        if owner is None:
            owner = missing(ling.entity)
        node = add_item("Keyword", ling.relation.value, ling)
        value = add_text(ling.value)
        c = ling.confidence
        add_edges([(node, KNOWLEDGE_HUB["linguistic"], "Structural", 1.0), (owner, node, "Semantic", c),
                   (node, value, "Semantic", c)])
