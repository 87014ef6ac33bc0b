"""Knowledge writes: items and their observations, and the noisy-or confidence they give.

An observation is one (item, source, extractor) triple with its span and confidence; the primary
key makes re-ingesting the same evidence a no-op, which is what makes runs idempotent and
resumable.  An item's stored confidence is the noisy-or ``1 − Π(1 − cₛ)`` over its independent
sources ``s`` (a teacher call, keyed by :func:`~grapheme_distill.model.hashing.exchange_key`, or
the knowledge record when there was no call), where ``cₛ`` is the best confidence any extractor
gave from that source — the same rule as :class:`~grapheme_distill.model.graph.KnowledgeGraph`, so
:meth:`KnowledgeMixin.recompute_confidence` can rebuild every value from the kept evidence.
Asserted and negated versions of a triple are different items and both stay.

Ingestion is bulk-first: :meth:`KnowledgeMixin.add_observations` resolves entities, rewrites item
references to canonical entity ids, and writes items and observations with ``executemany`` over
prepared statements, then recomputes the confidence of only the items stored before the batch
(new items get theirs computed in Python, with the batch's evidence, and written with the row).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from grapheme_distill.model.knowledge import (
    DistilledKnowledge,
    Entity,
    LinguisticItem,
)
from grapheme_distill.model.references import ALIAS_KINDS, remap_item
from grapheme_distill.store.base import Observation, stored_noisy_or
from grapheme_distill.store.sqlite.connection import CHUNK
from grapheme_distill.store.sqlite.entities import EntitiesMixin, SQLEntityIndex
from grapheme_distill.store.sqlite.rows import KIND_TABLES, TABLES, item_row

__all__ = ["KnowledgeMixin"]

_INSERT_OBS = (
    "INSERT OR IGNORE INTO observations(item_id, source, extractor, span_start, span_end, "
    "confidence) VALUES (?, ?, ?, ?, ?, ?)"
)


class KnowledgeMixin(EntitiesMixin):
    """:class:`~grapheme_distill.store.base.KnowledgeWriter` over the item tables and
    ``observations``."""

    def add_knowledge(self, knowledge: DistilledKnowledge, *, run_id: str | None = None) -> int:
        return self.add_knowledge_many([knowledge], run_id=run_id)

    def add_knowledge_many(
        self, records: Iterable[DistilledKnowledge], *, run_id: str | None = None
    ) -> int:
        """Bulk :meth:`add_knowledge`: one transaction, ``executemany`` per table.

        ``run_id`` is accepted for the protocol; an observation reaches its run through its call
        (``teacher_calls.run_id`` and ``processed.run_id``), which keeps observation rows small.

        Returns:
            How many observations were new (0 when all this evidence was already stored).
        """
        entities: list[Entity] = []
        observations: list[Observation] = []
        for record in records:
            source = record.provenance.call_hash or record.id
            extractor = record.provenance.extractor
            entities.extend(record.entities)
            for item in record.items:
                observations.append(
                    Observation(item, source, extractor, item.confidence, item.span)
                )
        return self.add_observations(entities, observations)

    def _canonical_refs(self, mapping: dict[str, str], refs: Sequence[tuple[str, ...]]) -> None:
        """Add to ``mapping`` the redirects of references to entities not given in this batch
        (one chunked query for those the cache does not know)."""
        canon = self._canon
        unknown = sorted({r for rs in refs for r in rs if r not in mapping and r not in canon})
        if unknown:
            found = dict(
                self._chunked_rows(
                    "SELECT from_id, to_id FROM entity_redirects WHERE from_id IN ({ids})", unknown
                )
            )
            for ref in unknown:
                canon[ref] = found.get(ref, ref)
        for rs in refs:
            for ref in rs:
                if ref not in mapping and canon.get(ref, ref) != ref:
                    mapping[ref] = canon[ref]

    def add_observations(
        self, entities: Sequence[Entity], observations: Sequence[Observation]
    ) -> int:
        """Upsert ``entities``, then the observed items (references rewritten to canonical
        entities) and their observations; recompute the touched items' confidence.

        Returns:
            How many observations were new.
        """
        with self.transaction():
            return self._add_observations(entities, observations)

    def _add_observations(
        self, entities: Sequence[Entity], observations: Sequence[Observation]
    ) -> int:
        """:meth:`add_observations` inside the caller's transaction."""
        mapping = self._upsert_entities(entities)
        refs = [obs.item.entity_refs() for obs in observations]
        self._canonical_refs(mapping, refs)
        item_rows: dict[str, dict[str, tuple[Any, ...]]] = defaultdict(dict)
        obs_rows: list[tuple[Any, ...]] = []
        aliases: list[tuple[str, str]] = []
        batch_best: dict[str, dict[str, float]] = defaultdict(dict)
        first_seen: set[tuple[str, str, str]] = set()
        for obs, rs in zip(observations, refs, strict=True):
            item = obs.item
            if mapping and any(r in mapping for r in rs):
                item = remap_item(item, mapping)
            table = KIND_TABLES[item.kind].table
            if item.id not in item_rows[table]:
                item_rows[table][item.id] = item_row(item)
                if isinstance(item, LinguisticItem) and item.relation in ALIAS_KINDS:
                    aliases.append((item.entity, item.value))
            span = obs.span
            obs_rows.append(
                (
                    item.id,
                    obs.source,
                    obs.extractor,
                    span[0] if span else None,
                    span[1] if span else None,
                    obs.confidence,
                )
            )
            key = (item.id, obs.source, obs.extractor)
            if key not in first_seen:  # like INSERT OR IGNORE: the first observation stays
                first_seen.add(key)
                per_source = batch_best[item.id]
                if obs.confidence > per_source.get(obs.source, -1.0):
                    per_source[obs.source] = obs.confidence
        # Items new to the store have all their evidence in this batch: their confidence is
        # computed here and written with the row; only items stored before are recomputed.
        stored_before = self._stored_ids(item_rows)
        inserts = {spec.table: spec.insert for spec in KIND_TABLES.values()}
        for table, per_table in item_rows.items():
            old = set(stored_before[table])
            rows = [
                (*row[:-1], stored_noisy_or(batch_best[item_id]))
                for item_id, row in per_table.items()
                if item_id not in old
            ]
            self._conn.executemany(inserts[table], rows)
        before = self._conn.total_changes
        self._conn.executemany(_INSERT_OBS, obs_rows)
        new = self._conn.total_changes - before
        index = SQLEntityIndex(self)
        for entity_id, alias in aliases:
            index.add_alias(entity_id, alias)
        for table, ids in stored_before.items():
            self._recompute(table, ids)
        return new

    def _stored_ids(self, item_rows: dict[str, dict[str, tuple[Any, ...]]]) -> dict[str, list[str]]:
        """Per table, which of its ``item_rows`` ids are stored already — in one query for an
        answer's few items (a query per table before)."""
        stored: dict[str, list[str]] = {table: [] for table in item_rows}
        if sum(map(len, item_rows.values())) > CHUNK:
            for table, per_table in item_rows.items():
                stored[table] = [
                    r[0]
                    for r in self._chunked_rows(
                        f"SELECT id FROM {table} WHERE id IN ({{ids}})", list(per_table)
                    )
                ]
            return stored
        parts = [
            f"SELECT {n}, id FROM {table} WHERE id IN ({','.join('?' * len(per_table))})"
            for n, (table, per_table) in enumerate(item_rows.items())
        ]
        if parts:
            tables = list(item_rows)
            for n, item_id in self._rows(
                " UNION ALL ".join(parts),
                [i for per_table in item_rows.values() for i in per_table],
            ):
                stored[tables[n]].append(item_id)
        return stored

    def _recompute(self, table: str, ids: Sequence[str]) -> int:
        """Set the confidence of ``ids`` in ``table`` to the noisy-or of their sources.

        In SQL (one ``UPDATE … FROM`` over a temp table of the ids) when SQLite has its math
        functions, otherwise in Python; both compute ``1 − exp(Σ ln(1 − cₛ))`` / ``1 − Π(1 − cₛ)``
        over each source's best observation, and a single source keeps its value exactly.
        """
        if not ids:
            return 0
        if self._sql_math:
            self._conn.execute("DELETE FROM temp.touched")
            self._conn.executemany(
                "INSERT OR IGNORE INTO temp.touched(id) VALUES (?)", [(i,) for i in ids]
            )
            before = self._conn.total_changes
            self._conn.execute(
                f"UPDATE {table} AS t SET confidence = n.value FROM ("
                "  SELECT item_id, CASE WHEN count(*) = 1 THEN max(c) WHEN max(c) >= 1.0 THEN 1.0"
                "         ELSE 1.0 - exp(sum(ln(1.0 - c))) END AS value"
                # CROSS JOIN pins the loop order: touched ids outside, observation PK lookups
                # inside (left to itself the planner may scan every observation per batch)
                "  FROM (SELECT o.item_id, max(o.confidence) AS c FROM temp.touched k"
                "        CROSS JOIN observations o ON o.item_id = k.id"
                "        GROUP BY o.item_id, o.source)"
                "  GROUP BY item_id) AS n "
                "WHERE t.id = n.item_id AND abs(t.confidence - n.value) > 1e-12"
            )
            return self._conn.total_changes - before
        best: dict[str, dict[str, float]] = defaultdict(dict)
        for item_id, source, conf in self._chunked_rows(
            "SELECT item_id, source, MAX(confidence) FROM observations "
            "WHERE item_id IN ({ids}) GROUP BY item_id, source",
            ids,
        ):
            best[item_id][source] = conf
        updates = [(stored_noisy_or(per), item_id) for item_id, per in best.items()]
        before = self._conn.total_changes
        self._conn.executemany(
            f"UPDATE {table} SET confidence = ? WHERE id = ? AND abs(confidence - ?) > 1e-12",
            [(v, i, v) for v, i in updates],
        )
        return self._conn.total_changes - before

    def recompute_confidence(self) -> int:
        """Recompute every item's confidence from its observations (noisy-or over sources).

        Returns:
            How many stored confidences changed.
        """
        changed = 0
        with self.transaction():
            for table in TABLES:
                ids = [r[0] for r in self._rows(f"SELECT id FROM {table}")]
                changed += self._recompute(table, ids)
        return changed

    def existing_items(self, item_ids: Sequence[str]) -> set[str]:
        """Which of ``item_ids`` are stored (any kind)."""
        found: set[str] = set()
        for table in TABLES:
            found.update(
                r[0]
                for r in self._chunked_rows(
                    f"SELECT id FROM {table} WHERE id IN ({{ids}})", list(item_ids)
                )
            )
        return found

    def delete_items(self, item_ids: Sequence[str]) -> int:
        """Remove items and their observations (used when new knowledge supersedes old)."""
        removed = 0
        with self.transaction():
            for i in range(0, len(item_ids), CHUNK):
                chunk = list(item_ids[i : i + CHUNK])
                marks = ",".join("?" * len(chunk))
                for table in TABLES:
                    removed += self._conn.execute(
                        f"DELETE FROM {table} WHERE id IN ({marks})", chunk
                    ).rowcount
                self._conn.execute(f"DELETE FROM observations WHERE item_id IN ({marks})", chunk)
        return removed

    def fact_ids(self, entity_id: str) -> list[str]:
        """Ids of the items that state facts *about* ``entity_id`` (it is their subject/owner)."""
        ids: list[str] = []
        for spec in KIND_TABLES.values():
            ids.extend(
                r[0]
                for r in self._rows(
                    f"SELECT id FROM {spec.table} WHERE {spec.owner_column} = ?", (entity_id,)
                )
            )
        return ids
