"""How a knowledge graph is laid out as a GRAPHEME graph: one walk, several sinks.

:func:`walk` visits a :class:`~grapheme_distill.model.graph.KnowledgeGraph` once, in a fixed order,
and tells a :class:`GraphSink` which texts, nodes and edges to create.  The streaming JSON writer
(:mod:`.convert`) and the student-array builder (:mod:`grapheme_distill.student`) are two sinks of
the same walk, so the ``.npz`` node and edge indices are exactly those of the ``.grapheme.json``
file, and the reader (:mod:`.reader`) inverts this one layout.  ``docs/grapheme.md`` argues the
encoding; in short:

* only node types that grapheme-core 89cf574 (the last version that loads JSON) knows, and every
  node that is not a character is the *source* of an edge, as its ``validate_output()`` demands:
  edges point from the more abstract node to the more concrete one and end in characters;
* every text (entity label, alias, attribute value, procedure goal and step, linguistic value) is
  a chain of ``Input`` characters plus one ``Clique`` concept node over them (``Clique`` edges from
  the concept to each member), with ``Pattern`` nodes marking multi-code-point grapheme clusters;
* every item is one ``Call`` node holding its predicate (relations), attribute name (attributes)
  or closed-vocabulary kind (``procedure``, ``part_of``, ``alias`` …), between the concepts it
  relates; its role edges carry its confidence as weight;
* closed vocabularies (entity types, knowledge types, datatypes, negation) are ``Keyword`` hubs,
  created when first used, with a ``Structural`` edge *from* the hub to each node it classifies;
* a node with nothing below it (an empty text, an entity id the graph has no entity for, shown as
  a ``Hidden`` node) gets one ``Skip`` edge back to the node that introduced it.

Items are laid out by one loop over :meth:`KnowledgeGraph.iter_items` that dispatches on
``item.kind`` to one small function per kind (:data:`ITEM_LAYOUT`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Protocol

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    EntityType,
    HierarchyEdge,
    Item,
    KnowledgeType,
    LinguisticItem,
    Procedure,
    Relation,
)

__all__ = [
    "HUBS",
    "ITEM_LAYOUT",
    "ITEM_NODE",
    "NEGATED",
    "Edge",
    "GraphSink",
    "walk",
]

Edge = tuple[int, int, str, float]  # (source, target, edge type, weight)

_DATATYPES: Final = ("string", "number", "date")

#: Every possible hub ``Keyword`` string (a closed vocabulary; a graph holds the ones it uses).
HUBS: Final[tuple[str, ...]] = (
    *(f"entity_type:{t.value}" for t in EntityType),
    *(f"knowledge:{k.value}" for k in KnowledgeType),
    *(f"datatype:{d}" for d in _DATATYPES),
    "negated",
)
NEGATED: Final = "negated"
#: The GRAPHEME node type of item nodes.
ITEM_NODE: Final = "Call"


class GraphSink(Protocol):
    """Receives the layout.  Node indices are handed out by the sink, densely, in call order."""

    def add_text(self, text: str) -> int:
        """Add the character chain of ``text`` and its concept node; return the concept's index."""
        ...

    def add_node(self, kind: str, label: str | None) -> int:
        """Add a ``Keyword`` hub holding ``label``, or a ``Hidden`` node (``label`` None)."""
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


class _Walk:
    """State of one walk: the sink, the hubs created so far, and entity id → concept node."""

    def __init__(self, sink: GraphSink) -> None:
        self.sink = sink
        self.hubs: dict[str, int] = {}
        self.concept: dict[str, int] = {}

    def hub(self, name: str) -> int:
        """The hub ``name``, created on first use: every hub then classifies at least one node,
        so it is the source of at least one edge."""
        node = self.hubs.get(name)
        if node is None:
            node = self.hubs[name] = self.sink.add_node("Keyword", name)
        return node

    def item(self, item: Item, label: str, edges: list[Edge]) -> int:
        """The item's ``Call`` node, classified by its ``knowledge:*`` hub."""
        node = self.sink.add_item(ITEM_NODE, label, item)
        edges.append((self.hub(f"knowledge:{item.knowledge_type.value}"), node, "Structural", 1.0))
        return node

    def ref(self, entity_id: str, item_node: int) -> int:
        """The concept of ``entity_id``; an id without an entity becomes one ``Hidden`` node,
        shared by every item naming it, with a ``Skip`` edge back to the first such item."""
        node = self.concept.get(entity_id)
        if node is None:
            node = self.concept[entity_id] = self.sink.add_node("Hidden", None)
            self.sink.unresolved(node, entity_id)
            self.sink.add_edges([(node, item_node, "Skip", 1.0)])
        return node

    def text(self, text: str, owner: int, edges: list[Edge]) -> int:
        """The concept of ``text``; an empty text (no characters to point at) points back at
        ``owner`` with a ``Skip`` edge."""
        node = self.sink.add_text(text)
        if not text:
            edges.append((node, owner, "Skip", 1.0))
        return node


def _relation(w: _Walk, rel: Relation) -> None:
    edges: list[Edge] = []
    node = w.item(rel, rel.predicate, edges)
    if rel.negated:
        edges.append((w.hub(NEGATED), node, "Structural", 1.0))
    c = rel.confidence
    edges.append((w.ref(rel.subject, node), node, "Semantic", c))
    edges.append((node, w.ref(rel.object, node), "Semantic", c))
    w.sink.add_edges(edges)


def _valued(w: _Walk, item: Item, label: str, entity: str, value: str, hub: str | None) -> None:
    """entity →Semantic→ item node →Semantic→ value concept (attributes, linguistic items)."""
    edges: list[Edge] = []
    node = w.item(item, label, edges)
    if hub is not None:
        edges.append((w.hub(hub), node, "Structural", 1.0))
    c = item.confidence
    edges.append((w.ref(entity, node), node, "Semantic", c))
    edges.append((node, w.text(value, node, edges), "Semantic", c))
    w.sink.add_edges(edges)


def _attribute(w: _Walk, att: Attribute) -> None:
    _valued(w, att, att.name, att.entity, att.value, f"datatype:{att.datatype}")


def _procedure(w: _Walk, proc: Procedure) -> None:
    edges: list[Edge] = []
    node = w.item(proc, "procedure", edges)
    c = proc.confidence
    if proc.entity is not None:
        edges.append((w.ref(proc.entity, node), node, "Semantic", c))
    edges.append((node, w.text(proc.goal, node, edges), "Semantic", c))
    previous: int | None = None
    for step in proc.steps:
        step_node = w.text(step, node, edges)
        edges.append((node, step_node, "Structural", c))
        if previous is not None:
            edges.append((previous, step_node, "Sequential", 1.0))
        previous = step_node
    w.sink.add_edges(edges)


def _hierarchy(w: _Walk, edge: HierarchyEdge) -> None:
    edges: list[Edge] = []
    node = w.item(edge, edge.relation.value, edges)
    c = edge.confidence
    edges.append((w.ref(edge.child, node), node, "Structural", c))
    edges.append((node, w.ref(edge.parent, node), "Structural", c))
    w.sink.add_edges(edges)


def _linguistic(w: _Walk, ling: LinguisticItem) -> None:
    _valued(w, ling, ling.relation.value, ling.entity, ling.value, None)


#: item kind → the function that lays out one item of that kind.
ITEM_LAYOUT: Final[dict[str, Callable[[_Walk, Any], None]]] = {
    "relation": _relation,
    "attribute": _attribute,
    "procedure": _procedure,
    "hierarchy": _hierarchy,
    "linguistic": _linguistic,
}


def walk(graph: KnowledgeGraph, sink: GraphSink) -> None:
    """Lay ``graph`` out into ``sink``: entities (with aliases) in graph order, then every item
    in :meth:`~KnowledgeGraph.iter_items` order, each by its kind's layout function.

    Items whose entity ids have no entity in the graph get one ``Hidden`` node per missing id, so
    that nothing is dropped and the reader can restore the dangling reference.
    """
    w = _Walk(sink)
    add_text, add_edges, record, hub = sink.add_text, sink.add_edges, sink.entity, w.hub
    type_hub: dict[EntityType, int] = {}
    concept = w.concept
    for entity in graph.entities.values():
        t = type_hub.get(entity.type)
        if t is None:
            t = type_hub[entity.type] = hub(f"entity_type:{entity.type.value}")
        node = add_text(entity.name)
        concept[entity.id] = node
        record(node, entity.id)
        edges: list[Edge] = [(t, node, "Structural", 1.0)]
        if not entity.name:
            edges.append((node, t, "Skip", 1.0))
        for alias in entity.aliases:
            edges.append((node, w.text(alias, node, edges), "Semantic", 1.0))
        add_edges(edges)
    layout = ITEM_LAYOUT
    for item in graph.iter_items():
        layout[item.kind](w, item)
