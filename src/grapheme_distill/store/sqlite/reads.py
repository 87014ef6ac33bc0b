"""Graph reads: an entity's neighbourhood, the whole graph, raw evidence, contradictions, counts.

Reads go back to :class:`~grapheme_distill.model.graph.KnowledgeGraph` so that everything
downstream (exporters, ``show``, the student) works on one in-memory shape whatever the store; an
item's evidence keeps, per source, its best observation, as the graph does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from grapheme_distill.model.functional import DEFAULT_PROPERTIES, Conflict, FunctionalProperty
from grapheme_distill.model.functional import find_conflicts as _find_conflicts
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Entity, EntityType, Item, Relation
from grapheme_distill.store.base import GraphChunk, StoreStats, best_evidence
from grapheme_distill.store.sqlite.entities import EntitiesMixin
from grapheme_distill.store.sqlite.rows import KIND_TABLES, row_item

__all__ = ["ReadsMixin"]

_OBSERVATION_COLUMNS = "item_id, source, extractor, span_start, span_end, confidence"
_CONTRADICTIONS = (
    "FROM relations n JOIN relations a ON a.subject = n.subject AND a.predicate = n.predicate "
    "AND a.object = n.object WHERE n.negated = 1 AND a.negated = 0"
)


def _id_range(column: str, low: str | None, high: str | None) -> tuple[str, list[str]]:
    """SQL condition (with parameters) for ``low <= column < high``, None meaning unbounded."""
    conds, params = [], []
    if low is not None:
        conds.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        conds.append(f"{column} < ?")
        params.append(high)
    return " AND ".join(conds) or "1", params


class ReadsMixin(EntitiesMixin):
    """:class:`~grapheme_distill.store.base.GraphReader` over every table."""

    def _items_where(self, kind: str, where: str, params: Sequence[Any]) -> list[Item]:
        spec = KIND_TABLES[kind]
        return [spec.from_row(r) for r in self._rows(f"{spec.select} WHERE {where}", params)]

    def neighbourhood(self, entity_id: str) -> KnowledgeGraph:
        """The entity, every item touching it (with evidence) and the entities at the other ends."""
        redirect = self._rows("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,))
        if redirect:
            entity_id = redirect[0][0]
        graph = KnowledgeGraph()
        items: list[Item] = []
        for kind, spec in KIND_TABLES.items():
            where = " OR ".join(f"{c} = ?" for c in spec.entity_columns)
            items.extend(self._items_where(kind, where, [entity_id] * len(spec.entity_columns)))
        ids: set[str] = {entity_id}
        for item in items:
            graph._table(item)[item.id] = item
            ids.update(item.entity_refs())
        graph.entities.update(self._entities(sorted(ids)))
        graph.evidence.update(
            best_evidence(
                self._chunked_rows(
                    f"SELECT {_OBSERVATION_COLUMNS} FROM observations "
                    "WHERE item_id IN ({ids}) ORDER BY item_id, source, extractor",
                    [i.id for i in items],
                )
            )
        )
        return graph

    def to_knowledge_graph(self) -> KnowledgeGraph:
        graph = KnowledgeGraph()
        ids = [r[0] for r in self._rows("SELECT id FROM entities")]
        graph.entities.update(self._entities(ids))
        for spec in KIND_TABLES.values():
            for row in self._rows(spec.select):
                item = spec.from_row(row)
                graph._table(item)[item.id] = item
        graph.evidence.update(
            best_evidence(self._rows(f"SELECT {_OBSERVATION_COLUMNS} FROM observations"))
        )
        return graph

    def iter_graph(self, chunk_size: int = 2000) -> Iterator[GraphChunk]:
        """The graph a range of ids at a time (:class:`GraphChunk`): each range starts at an
        entity id and holds ``chunk_size`` entities; every table is read by a range of its
        primary key (the observations by item id), so a chunk is a few sequential reads."""
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
        names: dict[str, str] = dict(self._rows("SELECT id, name FROM entities"))
        low: str | None = None
        while True:
            where, params = _id_range("id", low, None)
            rows = self._rows(
                f"SELECT id FROM entities WHERE {where} ORDER BY id LIMIT ?",
                [*params, chunk_size + 1],
            )
            high: str | None = rows[chunk_size][0] if len(rows) > chunk_size else None
            chunk = GraphChunk(self._id_range_graph(low, high), names)
            if chunk.graph.entities or next(chunk.graph.iter_items(), None) is not None:
                yield chunk
            if high is None:
                return
            low = high

    def _id_range_graph(self, low: str | None, high: str | None) -> KnowledgeGraph:
        """The entities and items with ids in ``[low, high)`` (None: unbounded), with evidence."""
        graph = KnowledgeGraph()
        where, params = _id_range("id", low, high)
        alias_where, _ = _id_range("entity_id", low, high)
        graph.entities.update(
            self._stored_entities(
                self._rows(f"SELECT id, name, type FROM entities WHERE {where}", params),
                self._rows(f"SELECT entity_id, alias FROM aliases WHERE {alias_where}", params),
            )
        )
        for spec in KIND_TABLES.values():
            for row in self._rows(f"{spec.select} WHERE {where} ORDER BY id", params):
                item = spec.from_row(row)
                graph._table(item)[item.id] = item
        evidence_where, _ = _id_range("item_id", low, high)
        graph.evidence.update(
            best_evidence(
                self._rows(
                    f"SELECT {_OBSERVATION_COLUMNS} FROM observations WHERE {evidence_where} "
                    "ORDER BY item_id, source, extractor",
                    params,
                )
            )
        )
        return graph

    @staticmethod
    def _stored_entities(rows: list[Any], alias_rows: list[Any]) -> dict[str, Entity]:
        """Entities from their rows, by id in id order, aliases sorted: as ``_entities`` builds
        them, without validating what the store validated on the way in (a chunk names a few
        thousand entities; validation was a third of reading it)."""
        aliases: dict[str, list[str]] = defaultdict(list)
        for eid, alias in alias_rows:
            aliases[eid].append(alias)
        return {
            eid: Entity.model_construct(
                id=eid, name=name, type=EntityType(etype), aliases=tuple(sorted(aliases[eid]))
            )
            for eid, name, etype in sorted(rows)
        }

    def observations(self, item_id: str | None = None) -> list[tuple[Any, ...]]:
        """Raw observation rows ``(item_id, source, extractor, span_start, span_end, confidence)``,
        sorted; the whole evidence when ``item_id`` is None (used to compare runs)."""
        sql = f"SELECT {_OBSERVATION_COLUMNS} FROM observations"
        if item_id is not None:
            return self._rows(sql + " WHERE item_id = ? ORDER BY source, extractor", (item_id,))
        return self._rows(sql + " ORDER BY item_id, source, extractor")

    def contradictions(self) -> list[tuple[Relation, Relation]]:
        """Pairs (asserted, negated) of stored relations with the same subject, predicate, object."""
        cols = KIND_TABLES["relation"].columns
        rows = self._rows(
            f"SELECT {', '.join('a.' + c for c in cols)}, {', '.join('n.' + c for c in cols)} "
            f"{_CONTRADICTIONS} ORDER BY a.id"
        )
        pairs: list[tuple[Relation, Relation]] = []
        for r in rows:
            a, n = row_item("relations", r[: len(cols)]), row_item("relations", r[len(cols) :])
            assert isinstance(a, Relation) and isinstance(n, Relation)
            pairs.append((a, n))
        return pairs

    def functional_conflicts(
        self, properties: Sequence[FunctionalProperty] = DEFAULT_PROPERTIES
    ) -> list[Conflict]:
        """Conflicting values of functional properties
        (:func:`~grapheme_distill.model.functional.find_conflicts`), read from only the
        attributes and relations that can hold them."""
        names = sorted({n for p in properties for n in (*p.attributes, *p.relations, *p.inverse)})
        if not names:
            return []
        marks = ",".join("?" * len(names))
        graph = KnowledgeGraph()
        items = self._items_where(
            "attribute", f"replace(lower(name), ' ', '_') IN ({marks})", names
        ) + self._items_where("relation", f"predicate IN ({marks}) AND negated = 0", names)
        ids: set[str] = set()
        for item in items:
            graph._table(item)[item.id] = item
            ids.update(item.entity_refs())
        graph.entities.update(self._entities(sorted(ids)))
        graph.evidence.update(
            best_evidence(
                self._chunked_rows(
                    f"SELECT {_OBSERVATION_COLUMNS} FROM observations "
                    "WHERE item_id IN ({ids}) ORDER BY item_id, source, extractor",
                    [i.id for i in items],
                )
            )
        )
        return _find_conflicts(graph, properties)

    def stats(self) -> StoreStats:
        count = self._count
        tables = (
            "entities",
            "aliases",
            "relations",
            "attributes",
            "procedures",
            "hierarchy",
            "linguistic",
            "observations",
        )
        return StoreStats(
            **{t: count(f"SELECT COUNT(*) FROM {t}") for t in tables},
            teacher_calls=count("SELECT COUNT(*) FROM teacher_calls"),
            soft_targets=count("SELECT COUNT(*) FROM soft_targets"),
            runs=count("SELECT COUNT(*) FROM runs"),
            failures=count("SELECT COUNT(*) FROM failures"),
            contradictions=count(f"SELECT COUNT(*) {_CONTRADICTIONS}"),
            schema_version=self.schema_version,
        )
