"""One entity's neighbourhood as a graph of its own, for any export (``export --entity NAME``).

A whole store drawn by graphviz is a hairball; what a person looks at is one entity and what
surrounds it, ``hops`` items away.  A store answers each hop with its own indexed
:meth:`~grapheme_distill.store.base.GraphReader.neighbourhood`, so a neighbourhood of a large store
is read without loading the store whole.
"""

from __future__ import annotations

from grapheme_distill.errors import ExportError
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

__all__ = ["neighbourhood_graph"]


def _hood(source: KnowledgeGraph | GraphStore, entity_id: str) -> KnowledgeGraph:
    if not isinstance(source, KnowledgeGraph):
        return source.neighbourhood(entity_id)
    out = KnowledgeGraph()
    for item in source.neighbourhood(entity_id):
        out._table(item)[item.id] = item
        if item.id in source.evidence:
            out.evidence[item.id] = dict(source.evidence[item.id])
        for ref in item.entity_refs():
            if ref in source.entities:
                out.entities[ref] = source.entities[ref]
    if entity_id in source.entities:
        out.entities[entity_id] = source.entities[entity_id]
    return out


def neighbourhood_graph(
    source: KnowledgeGraph | GraphStore, entity: str, hops: int | str = 1
) -> KnowledgeGraph:
    """The entity named ``entity`` (a name, alias or id) with every item up to ``hops`` away.

    Raises:
        ExportError: no such entity, or ``hops`` is not a whole number from 1 to 5.
    """
    try:
        depth = int(hops)
    except ValueError:
        depth = 0
    if not 1 <= depth <= 5:
        raise ExportError(f"hops must be a whole number from 1 to 5, not {hops!r}")
    found = source.find_entities(entity)
    if not found and isinstance(source, KnowledgeGraph) and entity in source.entities:
        found = [source.entities[entity]]
    if not found:
        raise ExportError(
            f"no entity named {entity!r}; names match case-insensitively, aliases and ids too"
        )
    out = KnowledgeGraph()
    seen: set[str] = set()
    frontier = {found[0].id}
    for _ in range(depth):
        reached: set[str] = set()
        for entity_id in sorted(frontier - seen):
            seen.add(entity_id)
            hood = _hood(source, entity_id)
            for ent in hood.entities.values():
                out.add_entity(ent)
            for item in hood.iter_items():
                if out.get_item(item.id) is None:
                    out._table(item)[item.id] = item
                    if item.id in hood.evidence:
                        out.evidence[item.id] = dict(hood.evidence[item.id])
                reached.update(item.entity_refs())
        frontier = reached
    return out
