"""Late merges in an in-memory graph: the same rule the stores apply, for :mod:`grapheme_distill.merge`.

A store merges an entity already stored into another when a batch teaches an alias that is the
first one's name (:mod:`grapheme_distill.store.sqlite.merges`, the memory store likewise); a merge
into an in-memory :class:`KnowledgeGraph` must do the same or the two kinds of target give two
graphs from one input.  A graph keeps no redirects and no merge log: what it holds is the result.
"""

from __future__ import annotations

from collections.abc import Iterable

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.references import remap_item, types_compatible

__all__ = ["merge_by_aliases", "merge_graph_entities"]


def merge_graph_entities(graph: KnowledgeGraph, from_id: str, into_id: str) -> int:
    """Rewrite every item naming ``from_id`` onto ``into_id`` (evidence source by source, in
    item-id order as the stores do), make ``from_id``'s names aliases of ``into_id`` and drop
    it; returns how many items were rewritten."""
    naming = sorted(
        (i for i in graph.iter_items() if from_id in i.entity_refs()), key=lambda i: i.id
    )
    for item in naming:
        evidence = graph.evidence.get(item.id, {})
        graph.remove_item(item.id)
        new = remap_item(item, {from_id: into_id})
        if not evidence:
            graph.add_item(new)
        for ev in evidence.values():
            graph.add_item(
                new.model_copy(update={"confidence": ev.confidence, "span": ev.span}),
                source=ev.source,
                extractor=ev.extractor,
            )
    entity = graph.entities.pop(from_id)
    into = graph.entities[into_id]
    names = (*into.aliases, *entity.aliases, *((entity.name,) if entity.key != into.key else ()))
    graph.entities[into_id] = into.model_copy(update={"aliases": tuple(dict.fromkeys(names))})
    return len(naming)


def merge_by_aliases(graph: KnowledgeGraph, aliased: Iterable[tuple[str, str]]) -> int:
    """For each ``(entity id, alias)``, merge the other entities *named* the alias (compatible
    types) into that entity; returns how many entities were merged away."""
    merged = 0
    for owner_id, alias in dict.fromkeys(aliased):
        owner = graph.entities.get(owner_id)
        if owner is None:
            continue
        key = normalise_name(alias)
        for other in [e for e in graph.entities.values() if e.key == key and e.id != owner_id]:
            if types_compatible(owner.type.value, other.type.value):
                merge_graph_entities(graph, other.id, owner_id)
                merged += 1
    return merged
