"""What a streaming exporter reads: a graph in chunks, from a store or from memory alike.

Reading a large store whole into a :class:`KnowledgeGraph` (pydantic items, one ``Evidence`` per
source) costs ~2 GB at a million observations, more than every writer needs together; so the
writers take a :class:`GraphSource` and walk :meth:`GraphSource.chunks`: a store's
:meth:`~grapheme_distill.store.base.GraphReader.iter_graph` (a chunk of entities, the items they
own, their evidence; every entity's name), or an in-memory graph as one chunk.  A writer is then
the same code for both, and memory holds one chunk, the entity names (~150 bytes an entity) and
what the format itself must remember (a set of value ids, the viewer's most confident items).
What spans chunks — contradictions, conflicting values of functional properties — is read once,
compactly, by the store's own queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from grapheme_distill.model.functional import Conflict, find_conflicts
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Entity, Relation
from grapheme_distill.store.base import GraphChunk, GraphReader

__all__ = ["CHUNK_ENTITIES", "GraphSource", "as_source"]

#: entities per chunk read from a store: ~4 items and ~10 observations each at 1M observations
CHUNK_ENTITIES = 2000


class GraphSource:
    """A graph to export: a store read in chunks, or an in-memory graph (one chunk)."""

    def __init__(self, source: KnowledgeGraph | GraphReader, chunk_size: int = CHUNK_ENTITIES):
        self.source = source
        self.chunk_size = chunk_size

    @property
    def graph(self) -> KnowledgeGraph | None:
        """The whole graph when it is in memory anyway (None for a store)."""
        return self.source if isinstance(self.source, KnowledgeGraph) else None

    def chunks(self) -> Iterator[GraphChunk]:
        """The graph a chunk at a time; each call reads it again from the start."""
        if isinstance(self.source, KnowledgeGraph):
            names = {eid: entity.name for eid, entity in self.source.entities.items()}
            yield GraphChunk(self.source, names)
        else:
            yield from self.source.iter_graph(self.chunk_size)

    def entity(self, entity_id: str) -> Entity | None:
        """One entity by id, without reading the graph."""
        if isinstance(self.source, KnowledgeGraph):
            return self.source.entities.get(entity_id)
        return self.source.get_entity(entity_id)

    @cached_property
    def contradictions(self) -> list[tuple[Relation, Relation]]:
        """Pairs (asserted, negated) of relations with the same subject, predicate, object."""
        return self.source.contradictions()

    @cached_property
    def functional_conflicts(self) -> list[Conflict]:
        """Conflicting values of functional properties (the store reads only the attributes and
        relations that can hold them)."""
        if isinstance(self.source, KnowledgeGraph):
            return find_conflicts(self.source)
        return self.source.functional_conflicts()

    @cached_property
    def conflict_flags(self) -> dict[str, str]:
        """Item id -> the contradiction flag every export carries: the functional property
        whose other value the item contradicts, or ``negation`` for both sides of an asserted
        and negated relation (:func:`~grapheme_distill.model.functional.conflict_flags`)."""
        flags = {i.id: "negation" for pair in self.contradictions for i in pair}
        for conflict in self.functional_conflicts:
            for side in conflict.sides:
                flags.update(dict.fromkeys(side.items, conflict.property))
        return flags


def as_source(graph: KnowledgeGraph | GraphSource) -> GraphSource:
    """``graph`` as a :class:`GraphSource` (exporters are called with either)."""
    return graph if isinstance(graph, GraphSource) else GraphSource(graph)
