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
    "GraphSink",
    "walk",
]

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

    def add_edge(self, src: int, dst: int, edge_type: str, weight: float) -> None: ...

    def entity(self, node: int, entity_id: str) -> None:
        """``node`` is the concept of entity ``entity_id`` (a sidecar record)."""
        ...

    def unresolved(self, node: int, entity_id: str) -> None:
        """``node`` stands for an id that items reference but the graph has no entity for."""
        ...

    def item(self, node: int, item: Item) -> None:
        """``node`` is the item node of ``item`` (a sidecar record)."""
        ...


def walk(graph: KnowledgeGraph, sink: GraphSink) -> None:
    """Lay ``graph`` out into ``sink``: hubs, entities (with aliases), then items by kind.

    Items whose entity ids have no entity in the graph get one ``Hidden`` node per missing id, so
    that nothing is dropped and the reader can restore the dangling reference.
    """
    for hub in HUBS:
        sink.add_node("Keyword", hub)
    concept: dict[str, int] = {}
    add_text, add_node, add_edge = sink.add_text, sink.add_node, sink.add_edge
    for entity in graph.entities.values():
        node = add_text(entity.name)
        concept[entity.id] = node
        sink.entity(node, entity.id)
        add_edge(node, ENTITY_TYPE_HUB[entity.type.value], "Structural", 1.0)
        for alias in entity.aliases:
            add_edge(node, add_text(alias), "Semantic", 1.0)

    def ref(entity_id: str) -> int:
        node = concept.get(entity_id)
        if node is None:
            node = concept[entity_id] = add_node("Hidden", None)
            sink.unresolved(node, entity_id)
        return node

    for rel in graph.relations.values():
        subject, obj = ref(rel.subject), ref(rel.object)
        node = add_node("SemanticUnit", rel.predicate)
        sink.item(node, rel)
        add_edge(node, KNOWLEDGE_HUB["relational"], "Structural", 1.0)
        add_edge(subject, node, "Semantic", rel.confidence)
        add_edge(node, obj, "Semantic", rel.confidence)
        if rel.negated:
            add_edge(node, NEGATED_HUB, "Structural", 1.0)
    for att in graph.attributes.values():
        owner = ref(att.entity)
        node = add_node("SemanticUnit", att.name)
        sink.item(node, att)
        add_edge(node, KNOWLEDGE_HUB["factual"], "Structural", 1.0)
        add_edge(node, DATATYPE_HUB[att.datatype], "Structural", 1.0)
        add_edge(owner, node, "Semantic", att.confidence)
        add_edge(node, add_text(att.value), "Semantic", att.confidence)
    for proc in graph.procedures.values():
        owner_node = ref(proc.entity) if proc.entity is not None else None
        node = add_node("Keyword", "procedure")
        sink.item(node, proc)
        add_edge(node, KNOWLEDGE_HUB["procedural"], "Structural", 1.0)
        if owner_node is not None:
            add_edge(owner_node, node, "Semantic", proc.confidence)
        add_edge(node, add_text(proc.goal), "Semantic", proc.confidence)
        previous: int | None = None
        for step in proc.steps:
            step_node = add_text(step)
            add_edge(node, step_node, "Structural", proc.confidence)
            if previous is not None:
                add_edge(previous, step_node, "Sequential", 1.0)
            previous = step_node
    for edge in graph.hierarchy.values():
        child, parent = ref(edge.child), ref(edge.parent)
        node = add_node("Keyword", edge.relation.value)
        sink.item(node, edge)
        add_edge(node, KNOWLEDGE_HUB["structural"], "Structural", 1.0)
        add_edge(child, node, "Structural", edge.confidence)
        add_edge(node, parent, "Structural", edge.confidence)
    for ling in graph.linguistic.values():
        owner = ref(ling.entity)
        node = add_node("Keyword", ling.relation.value)
        sink.item(node, ling)
        add_edge(node, KNOWLEDGE_HUB["linguistic"], "Structural", 1.0)
        add_edge(owner, node, "Semantic", ling.confidence)
        add_edge(node, add_text(ling.value), "Semantic", ling.confidence)
