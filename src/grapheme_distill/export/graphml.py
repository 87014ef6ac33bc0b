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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from grapheme_distill.model.functional import conflict_flags
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    HierarchyEdge,
    LinguisticItem,
    Procedure,
    Relation,
)
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_file, xml_text

__all__ = ["export_graphml", "to_networkx"]


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph as a networkx ``MultiDiGraph`` with the attributes described above."""
    g = nx.MultiDiGraph()
    flags = conflict_flags(graph)
    for e in graph.entities.values():
        g.add_node(e.id, label=e.name, type=e.type.value, aliases="|".join(e.aliases))

    def value_node(kind: str, text: str) -> str:
        node = f"{kind}:{text}"
        if node not in g:
            g.add_node(node, label=text, type=kind.upper(), aliases="")
        return node

    def edge(u: str, v: str, item: Any, kind: str, predicate: str, **extra: Any) -> None:
        for end in (u, v):
            if end not in g:  # an item pointing at an entity the graph does not hold
                g.add_node(end, label=end, type="UNKNOWN", aliases="")
        g.add_edge(
            u,
            v,
            key=item.id + extra.pop("suffix", ""),
            id=item.id,
            kind=kind,
            predicate=predicate,
            label=("NOT " if getattr(item, "negated", False) else "") + predicate,
            confidence=float(item.confidence),
            negated=bool(getattr(item, "negated", False)),
            sources=len(graph.evidence.get(item.id, {})) or 1,
            conflict=flags.get(item.id, ""),
            **extra,
        )

    for item in graph.iter_items():
        if isinstance(item, Relation):
            edge(item.subject, item.object, item, "relation", item.predicate)
        elif isinstance(item, HierarchyEdge):
            edge(item.child, item.parent, item, "hierarchy", item.relation.value)
        elif isinstance(item, Attribute):
            edge(
                item.entity,
                value_node("value", item.value),
                item,
                "attribute",
                item.name,
                datatype=item.datatype,
            )
        elif isinstance(item, LinguisticItem):
            edge(
                item.entity,
                value_node("value", item.value),
                item,
                "linguistic",
                item.relation.value,
            )
        elif isinstance(item, Procedure):
            goal = item.entity or value_node("procedure", item.goal)
            for n, step in enumerate(item.steps, 1):
                edge(
                    goal,
                    value_node("value", step),
                    item,
                    "procedure",
                    "has_step",
                    step=n,
                    suffix=f"#{n}",
                )
    return g


def export_graphml(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """Write GraphML that ``networkx.read_graphml`` (and Gephi, yEd, Cytoscape) can load.

    Written atomically (a full disk or a crash never leaves half a file under ``path``) and
    well-formed for any label: characters XML 1.0 cannot hold become U+FFFD.
    """
    g = _xml_safe(to_networkx(graph))
    with atomic_file(path) as tmp:
        nx.write_graphml(g, tmp, encoding="utf-8", named_key_ids=True)
    return ExportReport(
        format="graphml", path=str(path), nodes=g.number_of_nodes(), edges=g.number_of_edges()
    )


def _xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node ids and string attributes XML can hold (labels come from answers)."""

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: xml_text(v) if isinstance(v, str) else v for k, v in attrs.items()}

    safe = nx.MultiDiGraph()
    safe.add_nodes_from((xml_text(str(n)), clean(a)) for n, a in g.nodes(data=True))
    safe.add_edges_from(
        (xml_text(str(u)), xml_text(str(v)), xml_text(str(k)), clean(a))
        for u, v, k, a in g.edges(keys=True, data=True)
    )
    return safe
