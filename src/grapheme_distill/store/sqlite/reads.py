"""Graph reads: an entity's neighbourhood, the whole graph, raw evidence, contradictions, counts.

Reads go back to :class:`~grapheme_distill.model.graph.KnowledgeGraph` so that everything
downstream (exporters, ``show``, the student) works on one in-memory shape whatever the store; an
item's evidence keeps, per source, its best observation, as the graph does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from grapheme_distill.model.functional import DEFAULT_PROPERTIES, Conflict, FunctionalProperty
from grapheme_distill.model.functional import find_conflicts as _find_conflicts
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Item, Relation
from grapheme_distill.store.base import GraphChunk, StoreStats, best_evidence
from grapheme_distill.store.sqlite.entities import EntitiesMixin
from grapheme_distill.store.sqlite.rows import KIND_TABLES, row_item

__all__ = ["ReadsMixin"]

_OBSERVATION_COLUMNS = "item_id, source, extractor, span_start, span_end, confidence"
_CONTRADICTIONS = (
    "FROM relations n JOIN relations a ON a.subject = n.subject AND a.predicate = n.predicate "
    "AND a.object = n.object WHERE n.negated = 1 AND a.negated = 0"
)


def _owner_range(column: str, low: str | None, high: str | None) -> tuple[str, list[str]]:
    """SQL condition (and parameters) for ``low <= column < high``, None meaning unbounded; the
    range without an upper bound also takes the rows whose column is NULL (ownerless items)."""
    conds, params = [], []
    if low is not None:
        conds.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        conds.append(f"{column} < ?")
        params.append(high)
    where = " AND ".join(conds) or "1"
    return (where if high is not None else f"({where} OR {column} IS NULL)"), params


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
        """The graph ``chunk_size`` entities at a time (:class:`GraphChunk`), paged by entity id:
        a chunk is the entities from one id up to the next chunk's first, and every item whose
        owner column lies in that range (read through the owner's index), so an item is read
        exactly once whichever chunks its other references fall in."""
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
        low: str | None = None
        while True:
            if low is None:
                rows = self._rows("SELECT id FROM entities ORDER BY id LIMIT ?", (chunk_size + 1,))
            else:
                rows = self._rows(
                    "SELECT id FROM entities WHERE id >= ? ORDER BY id LIMIT ?",
                    (low, chunk_size + 1),
                )
            ids = [r[0] for r in rows[:chunk_size]]
            high: str | None = rows[chunk_size][0] if len(rows) > chunk_size else None
            chunk = self._graph_chunk(ids, low, high)
            if ids or next(chunk.graph.iter_items(), None) is not None:
                yield chunk
            if high is None:
                return
            low = high

    def _graph_chunk(self, ids: list[str], low: str | None, high: str | None) -> GraphChunk:
        """Entities ``ids`` and the items owned in ``[low, high)`` (None: unbounded; the last
        range also takes the items without an owner)."""
        graph = KnowledgeGraph()
        found = self._entities(ids)
        graph.entities.update((eid, found[eid]) for eid in ids if eid in found)
        evidence: list[Any] = []
        cols = ", ".join("o." + c.strip() for c in _OBSERVATION_COLUMNS.split(","))
        for spec in KIND_TABLES.values():
            where, params = _owner_range(spec.owner_column, low, high)
            # sorted here, not by ORDER BY: that could lead SQLite to scan the table in id
            # order instead of the owner range through its index, once per chunk
            for row in sorted(self._rows(f"{spec.select} WHERE {where}", params)):
                item = spec.from_row(row)
                graph._table(item)[item.id] = item
            where, params = _owner_range("t." + spec.owner_column, low, high)
            evidence += self._rows(
                f"SELECT {cols} FROM {spec.table} t JOIN observations o ON o.item_id = t.id "
                f"WHERE {where}",
                params,
            )
        evidence.sort(key=lambda r: (r[0], r[1], r[2]))  # best_evidence keeps the first of equals
        graph.evidence.update(best_evidence(evidence))
        refs = {ref for item in graph.iter_items() for ref in item.entity_refs()}
        others = self._entities(sorted(refs - graph.entities.keys()))
        return GraphChunk(graph, others)

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
