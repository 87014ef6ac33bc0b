"""Entities: the SQL side of entity resolution, and entity lookups.

The matching rules live in :mod:`grapheme_distill.resolution`; this module answers its
:class:`~grapheme_distill.resolution.index.EntityIndex` over the ``entities``, ``aliases`` and
``entity_redirects`` tables (:class:`SQLEntityIndex`: one ranked, indexed query per entity).  The
bulk path (:meth:`EntitiesMixin._upsert_entities`) fetches the candidates of a whole batch with a
few chunked queries into a :class:`~grapheme_distill.resolution.index.MemoryEntityIndex`, lets the
same resolver run entity by entity against it, and writes what it added with ``executemany`` — the
outcome is exactly that of resolving one entity at a time, at a fraction of the queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import Entity
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.resolution.index import FUZZY_BLOCK_LIMIT, Candidate, entity_variant_keys
from grapheme_distill.resolution.variants import name_form
from grapheme_distill.store.sqlite.connection import CHUNK, SQLiteConnection
from grapheme_distill.store.sqlite.rows import KIND_TABLES

__all__ = ["EntitiesMixin", "SQLEntityIndex"]


class SQLEntityIndex:
    """:class:`~grapheme_distill.resolution.index.EntityIndex` over a store's entity tables."""

    def __init__(self, store: SQLiteConnection, *, variants: bool = False) -> None:
        self._store = store
        self._variants = variants

    def backfill_variants(self) -> None:
        """Index the entities stored without variant keys (before migration 6, or by a
        resolution that did not need them)."""
        rows = self._store._rows(
            "SELECT id, name, type FROM entities e WHERE NOT EXISTS "
            "(SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id)"
        )
        self._store._conn.executemany(
            "INSERT OR IGNORE INTO entity_variants(key, entity_id) VALUES (?, ?)",
            [
                (k, eid)
                for eid, name, etype in rows
                for k in (*entity_variant_keys(name, etype), "")
            ],
        )

    def variant_candidates(self, keys: Sequence[str]) -> list[tuple[str, str, str]]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return [
            (str(k), str(i), str(t))
            for k, i, t in self._store._rows(
                f"SELECT e.key, e.id, e.type FROM entity_variants v JOIN entities e "
                f"ON e.id = v.entity_id WHERE v.key IN ({marks})",
                tuple(keys),
            )
        ]

    def exact_candidates(self, entity_id: str, key: str) -> Iterator[Candidate]:
        for rank, eid, etype in self._store._rows(
            "SELECT 0, to_id, NULL FROM entity_redirects WHERE from_id = ?1 "
            "UNION ALL SELECT 1, id, type FROM entities WHERE id = ?1 "
            "UNION ALL SELECT 2, id, type FROM entities WHERE key = ?2 "
            "UNION ALL SELECT 3, e.id, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.key = ?2 ORDER BY 1, 2",
            (entity_id, key),
        ):
            yield Candidate(rank, str(eid), etype)

    def fuzzy_candidates(self, key: str) -> list[tuple[str, str, str]]:
        found: dict[str, tuple[str, str, str]] = {}
        for block in name_form(key).block_keys:
            rows = self._store._rows(
                "SELECT e.key, e.id, e.type FROM entity_variants v JOIN entities e "
                f"ON e.id = v.entity_id WHERE v.key = ? LIMIT {FUZZY_BLOCK_LIMIT}",
                (block,),
            )
            for k, i, t in rows:
                if len(found) == FUZZY_BLOCK_LIMIT:
                    return list(found.values())
                found.setdefault(str(i), (str(k), str(i), str(t)))
        return list(found.values())

    def add_entity(self, entity: Entity) -> None:
        self._store._conn.execute(
            "INSERT INTO entities(id, name, type, key) VALUES (?, ?, ?, ?)",
            (entity.id, entity.name, entity.type.value, entity.key),
        )
        if self._variants:  # "" marks the entity as indexed, even with no variant key
            self._store._conn.executemany(
                "INSERT OR IGNORE INTO entity_variants(key, entity_id) VALUES (?, ?)",
                [
                    (k, entity.id)
                    for k in (*entity_variant_keys(entity.name, entity.type.value), "")
                ],
            )

    def add_redirect(self, from_id: str, to_id: str) -> None:
        self._store._conn.execute(
            "INSERT OR IGNORE INTO entity_redirects(from_id, to_id) VALUES (?, ?)",
            (from_id, to_id),
        )

    def add_alias(self, entity_id: str, alias: str) -> None:
        key = normalise_name(alias)
        if key:
            self._store._conn.execute(
                "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
                (entity_id, key, alias),
            )


class EntitiesMixin(SQLiteConnection):
    """Entity upserts (resolved) and lookups."""

    @property
    def _resolver(self) -> EntityResolver:
        if self.fuzzy_threshold is None and self.embedder is None:
            return EntityResolver(SQLEntityIndex(self))
        index = SQLEntityIndex(self, variants=True)
        if not self._variants_indexed and not self.read_only:
            with self.transaction():
                index.backfill_variants()
            self._variants_indexed = True
        return EntityResolver(index, self.fuzzy_threshold, embedder=self.embedder)

    def resolve_existing(self, entity: Entity) -> str | None:
        """The id of the stored entity ``entity`` would merge into, or None (nothing is written)."""
        return self._canon.get(entity.id) or self._resolver.find(entity)

    def upsert_entity(self, entity: Entity) -> tuple[str, bool]:
        """Resolve ``entity`` against the store and insert it if it is new.

        Returns:
            (canonical id, whether a new entity row was created).
        """
        cached = self._canon.get(entity.id)
        if cached is not None and all((cached, a) in self._aliased for a in entity.aliases):
            return cached, False
        if self._depth:  # inside a bulk transaction the outer one guards atomicity
            canon, new = self._resolver.upsert(entity, known=cached)
        else:
            with self.transaction():
                canon, new = self._resolver.upsert(entity, known=cached)
        self._canon[entity.id] = canon
        self._aliased.update((canon, a) for a in entity.aliases)
        return canon, new

    def _upsert_entities(self, entities: Sequence[Entity]) -> dict[str, str]:
        """Bulk :meth:`upsert_entity` with the same resolution, in the same order.

        The candidates for every unseen entity (redirects, ids, names, aliases) are fetched with a
        few chunked queries into a :class:`MemoryEntityIndex`; the resolver then runs entity by
        entity against it (so entities created earlier in the batch are candidates too) and the
        rows it added are written with ``executemany``.  Fuzzy matching needs the whole table, so
        with a ``fuzzy_threshold`` entities go one at a time.  Must run inside a transaction.

        Returns:
            entity id -> canonical id, for the entities whose id changes.
        """
        mapping: dict[str, str] = {}
        pending: list[Entity] = []
        queued: set[tuple[str, tuple[str, ...]]] = set()
        canon_cache, aliased = self._canon, self._aliased
        for entity in entities:
            cached = canon_cache.get(entity.id)
            if cached is not None and (
                not entity.aliases or all((cached, a) in aliased for a in entity.aliases)
            ):
                if cached != entity.id:
                    mapping[entity.id] = cached
            elif (entity.id, entity.aliases) not in queued:  # repeats resolve the same way
                queued.add((entity.id, entity.aliases))
                pending.append(entity)
        if not pending:
            return mapping
        if self.fuzzy_threshold is not None or self.embedder is not None:
            for entity in pending:
                resolved, _ = self.upsert_entity(entity)
                if resolved != entity.id:
                    mapping[entity.id] = resolved
            return mapping
        index = self._prefetch(pending)
        resolver = EntityResolver(index)
        for entity in pending:
            canon, _ = resolver.upsert(entity, known=canon_cache.get(entity.id))
            canon_cache[entity.id] = canon
            aliased.update((canon, a) for a in entity.aliases)
            if canon != entity.id:
                mapping[entity.id] = canon
        if index.added_entities:
            self._conn.executemany(
                "INSERT INTO entities(id, name, type, key) VALUES (?, ?, ?, ?)",
                [(e.id, e.name, e.type.value, e.key) for e in index.added_entities],
            )
        if index.added_redirects:
            self._conn.executemany(
                "INSERT OR IGNORE INTO entity_redirects(from_id, to_id) VALUES (?, ?)",
                index.added_redirects,
            )
        if index.added_aliases:
            self._conn.executemany(
                "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
                [(canon, key, alias) for (canon, key), alias in index.added_aliases.items()],
            )
        return mapping

    def _prefetch(self, pending: Sequence[Entity]) -> MemoryEntityIndex:
        """Every stored fact resolution may ask about ``pending``, in a few chunked queries."""
        index = MemoryEntityIndex()
        ids = sorted({e.id for e in pending})
        keys = sorted(
            {e.key for e in pending} | {normalise_name(a) for e in pending for a in e.aliases}
        )
        if len(ids) <= CHUNK and len(keys) <= CHUNK:  # (an answer's few entities: one query)
            id_marks, key_marks = ",".join("?" * len(ids)), ",".join("?" * len(keys))
            for part, a, b, c in self._rows(
                f"SELECT 0, from_id, to_id, NULL FROM entity_redirects WHERE from_id IN ({id_marks})"
                f" UNION ALL SELECT 1, id, type, NULL FROM entities WHERE id IN ({id_marks})"
                f" UNION ALL SELECT 2, key, id, type FROM entities WHERE key IN ({key_marks})"
                " UNION ALL SELECT 3, a.key, e.id, e.type FROM aliases a JOIN entities e"
                f" ON e.id = a.entity_id WHERE a.key IN ({key_marks})",
                [*ids, *ids, *keys, *keys],
            ):
                if part == 0:
                    index.known_redirect(a, b)
                elif part == 1:
                    index.known_entity(a, b)
                elif part == 2:
                    index.known_entity(b, c, a)
                else:
                    index.known_alias(a, b, c)
            return index
        for from_id, to_id in self._chunked_rows(
            "SELECT from_id, to_id FROM entity_redirects WHERE from_id IN ({ids})", ids
        ):
            index.known_redirect(from_id, to_id)
        for eid, etype in self._chunked_rows(
            "SELECT id, type FROM entities WHERE id IN ({ids})", ids
        ):
            index.known_entity(eid, etype)
        for key, eid, etype in self._chunked_rows(
            "SELECT key, id, type FROM entities WHERE key IN ({ids})", keys
        ):
            index.known_entity(eid, etype, key)
        for key, eid, etype in self._chunked_rows(
            "SELECT a.key, e.id, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.key IN ({ids})",
            keys,
        ):
            index.known_alias(key, eid, etype)
        return index

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._rows("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,))
        if rows:
            entity_id = rows[0][0]
        return self._entities([entity_id]).get(entity_id)

    def _entities(self, ids: Sequence[str]) -> dict[str, Entity]:
        rows = self._chunked_rows("SELECT id, name, type FROM entities WHERE id IN ({ids})", ids)
        aliases: dict[str, list[str]] = defaultdict(list)
        for eid, alias in self._chunked_rows(
            "SELECT entity_id, alias FROM aliases WHERE entity_id IN ({ids}) ORDER BY alias", ids
        ):
            aliases[eid].append(alias)
        return {
            eid: Entity(id=eid, name=name, type=etype, aliases=tuple(aliases.get(eid, ())))
            for eid, name, etype in rows
        }

    def entity_name(self, name: str) -> str | None:
        """The name of :meth:`find_entities`' first entity, in one query when at most one entity
        matches (the usual case; a crawl asks this of every name an answer discovers, and
        :meth:`find_entities` takes three queries and builds the entities with their aliases)."""
        key = normalise_name(name)
        rows = self._rows(
            "SELECT name FROM entities WHERE id IN (SELECT id FROM entities WHERE key = ? OR id = ? "
            "UNION SELECT entity_id FROM aliases WHERE key = ? "
            "UNION SELECT to_id FROM entity_redirects WHERE from_id = ?) LIMIT 2",
            (key, name, key, name),
        )
        if len(rows) < 2:
            return str(rows[0][0]) if rows else None
        return self.find_entities(name)[0].name  # ranked by degree

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose id, normalised name or alias matches ``name`` (best connected first)."""
        key = normalise_name(name)
        ids = [
            r[0]
            for r in self._rows(
                "SELECT id FROM entities WHERE key = ? OR id = ? "
                "UNION SELECT entity_id FROM aliases WHERE key = ? "
                "UNION SELECT to_id FROM entity_redirects WHERE from_id = ?",
                (key, name, key, name),
            )
        ]
        found = self._entities(ids)
        if len(found) < 2:  # nothing to rank (the usual case: ~10 COUNT queries saved)
            return list(found.values())
        degree = {eid: self._degree(eid) for eid in found}
        return sorted(found.values(), key=lambda e: (-degree[e.id], e.name, e.id))

    def _degree(self, entity_id: str) -> int:
        total = 0
        for spec in KIND_TABLES.values():
            for col in spec.entity_columns:
                total += self._count_where(spec.table, col, entity_id)
        return total

    def _count_where(self, table: str, column: str, value: str) -> int:
        return int(self._rows(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (value,))[0][0])
