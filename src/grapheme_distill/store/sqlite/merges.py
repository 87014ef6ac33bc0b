"""Late merges: two stored entities found to be one, merged in place, logged, and undoable.

Resolution (:mod:`grapheme_distill.resolution`) decides where an entity goes *when it arrives*;
what it learns later — "New York City (NYC)" read after the facts about "NYC" — must also reach
the entities already stored, or the duplicates stay for good.  :meth:`MergesMixin.merge_entities`
does that in one transaction: every item naming the merged entity is rewritten onto the surviving
one (a new id, since ids hash the references; its observations, i.e. its provenance, move with
it and confidences are recomputed), the entity's aliases move, its name becomes an alias, and a
redirect sends its id on.  Everything the merge changed is logged in ``merges`` and
``merge_items`` (migration 7) so :meth:`MergesMixin.unmerge` can put it back exactly: the old
items with their own observations, the entity, its aliases and redirects.  Evidence that arrived
after the merge stays on the surviving entity (nothing says which name it used).

:meth:`MergesMixin._merge_by_aliases` is the trigger: after a batch writes aliases, any other
stored entity whose normalised *name* is one of them (and whose type is compatible) is merged
into the entity that has the alias.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from grapheme_distill.errors import StoreError
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import Entity
from grapheme_distill.model.references import remap_item, types_compatible
from grapheme_distill.store.base import Observation, alias_pairs
from grapheme_distill.store.sqlite.observations import KnowledgeMixin
from grapheme_distill.store.sqlite.rows import KIND_TABLES, item_row

__all__ = ["MergesMixin"]

_OBS = "source, extractor, span_start, span_end, confidence"


class MergesMixin(KnowledgeMixin):
    """Entity merges after the fact, their log, and unmerge."""

    def add_observations(
        self, entities: Sequence[Entity], observations: Sequence[Observation]
    ) -> int:
        """As :meth:`KnowledgeMixin.add_observations`, then the late merges the batch's aliases
        call for (:meth:`_merge_by_aliases`), in the same transaction."""
        with self.transaction():  # one savepoint for both parts (this runs once per answer)
            new = self._add_observations(entities, observations)
            aliased = alias_pairs(entities, observations)
            if aliased:
                self._merge_by_aliases(aliased)
        return new

    def _canonical_id(self, entity_id: str) -> str:
        rows = self._rows("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,))
        return str(rows[0][0]) if rows else entity_id

    def merge_entities(self, from_id: str, into_id: str, *, reason: str = "") -> int:
        """Merge stored entity ``from_id`` into ``into_id``; returns the merge's id.

        Raises:
            StoreError: either entity is not stored, or they are the same entity.
        """
        with self.transaction():
            from_id, into_id = self._canonical_id(from_id), self._canonical_id(into_id)
            rows = self._rows("SELECT name, type, key FROM entities WHERE id = ?", (from_id,))
            if not rows or not self._rows("SELECT 1 FROM entities WHERE id = ?", (into_id,)):
                raise StoreError(
                    f"{self.path}: cannot merge {from_id} into {into_id}: "
                    "both must be stored entities"
                )
            if from_id == into_id:
                raise StoreError(f"{self.path}: {from_id} is already {into_id}")
            name, etype, key = rows[0]
            merge_id = self._log_merge(from_id, into_id, reason, (name, etype, key))
            self._move_items(merge_id, from_id, into_id)
            self._canon.clear()
            self._aliased.clear()
        return merge_id

    def _log_merge(self, from_id: str, into_id: str, reason: str, entity: tuple[Any, ...]) -> int:
        name = entity[0]
        aliases = []
        for akey, alias in self._rows(
            "SELECT key, alias FROM aliases WHERE entity_id = ?", (from_id,)
        ):
            had = bool(
                self._rows("SELECT 1 FROM aliases WHERE entity_id = ? AND key = ?", (into_id, akey))
            )
            aliases.append((akey, alias, had))
            if had:
                self._conn.execute(
                    "DELETE FROM aliases WHERE entity_id = ? AND key = ?", (from_id, akey)
                )
            else:
                self._conn.execute(
                    "UPDATE aliases SET entity_id = ? WHERE entity_id = ? AND key = ?",
                    (into_id, from_id, akey),
                )
        name_key = normalise_name(name)
        added = self._conn.execute(
            "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
            (into_id, name_key, name),
        ).rowcount
        redirected = [
            r[0]
            for r in self._rows("SELECT from_id FROM entity_redirects WHERE to_id = ?", (from_id,))
        ]
        self._conn.execute(
            "UPDATE entity_redirects SET to_id = ? WHERE to_id = ?", (into_id, from_id)
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO entity_redirects(from_id, to_id) VALUES (?, ?)",
            (from_id, into_id),
        )
        self._conn.execute("DELETE FROM entity_variants WHERE entity_id = ?", (from_id,))
        self._conn.execute("DELETE FROM entities WHERE id = ?", (from_id,))
        cur = self._conn.execute(
            "INSERT INTO merges(from_id, into_id, reason, at, entity, aliases, added_alias, "
            "redirects) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                from_id,
                into_id,
                reason,
                datetime.now(UTC).isoformat(),
                json.dumps(entity),
                json.dumps(aliases),
                name_key if added else None,
                json.dumps(redirected),
            ),
        )
        return int(cur.lastrowid or 0)

    def _move_items(self, merge_id: int, from_id: str, into_id: str) -> None:
        """Rewrite every item naming ``from_id``, in item-id order (when two old items become
        one, the first one's observation of a source stays, as in the memory store)."""
        mapping = {from_id: into_id}
        found = []
        for kind, spec in KIND_TABLES.items():
            where = " OR ".join(f"{c} = ?" for c in spec.entity_columns)
            found += [
                (row[0], kind, row)
                for row in self._rows(
                    f"{spec.select} WHERE {where}", [from_id] * len(spec.entity_columns)
                )
            ]
        touched: dict[str, list[str]] = {}
        for _, kind, row in sorted(found):
            spec = KIND_TABLES[kind]
            item = spec.from_row(row)
            new = remap_item(item, mapping)
            existed = bool(self._rows(f"SELECT 1 FROM {spec.table} WHERE id = ?", (new.id,)))
            if not existed:
                self._conn.execute(spec.insert, item_row(new))
            had = {
                (s, e)
                for s, e in self._rows(
                    "SELECT source, extractor FROM observations WHERE item_id = ?", (new.id,)
                )
            }
            obs = [
                [*o, (o[0], o[1]) not in had]  # moved, or already there (kept on unmerge)
                for o in self._rows(
                    f"SELECT {_OBS} FROM observations WHERE item_id = ?", (item.id,)
                )
            ]
            self._conn.executemany(
                f"INSERT OR IGNORE INTO observations(item_id, {_OBS}) VALUES (?, ?, ?, ?, ?, ?)",
                [(new.id, *o[:5]) for o in obs],
            )
            self._conn.execute("DELETE FROM observations WHERE item_id = ?", (item.id,))
            self._conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (item.id,))
            self._conn.execute(
                "INSERT INTO merge_items(merge_id, kind, old_id, old_row, new_id, "
                "new_existed, observations) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    merge_id,
                    kind,
                    item.id,
                    json.dumps(list(row)),
                    new.id,
                    int(existed),
                    json.dumps(obs),
                ),
            )
            touched.setdefault(spec.table, []).append(new.id)
        for table, ids in touched.items():
            self._recompute(table, ids)

    def unmerge(self, merge_id: int) -> dict[str, Any]:
        """Take merge ``merge_id`` back: the entity, its aliases, redirects, items and their
        observations as they were before it; returns the merge as :meth:`merges` lists it.

        Raises:
            StoreError: no such merge, it was already undone, or a later merge still in force
                involves one of its entities (undo that one first).
        """
        with self.transaction():
            found = [m for m in self.merges() if m["id"] == merge_id]
            if not found:
                raise StoreError(f"{self.path}: no merge {merge_id} (see `merges`)")
            merge = found[0]
            if merge["undone_at"]:
                raise StoreError(
                    f"{self.path}: merge {merge_id} was undone at {merge['undone_at']}"
                )
            ends = {merge["from_id"], merge["into_id"]}
            later = [
                m["id"]
                for m in self.merges()
                if m["id"] > merge_id and not m["undone_at"] and ends & {m["from_id"], m["into_id"]}
            ]
            if later:
                raise StoreError(
                    f"{self.path}: merge {merge_id} is followed by merges "
                    f"{', '.join(map(str, later))} of the same entities; "
                    "unmerge those first"
                )
            self._restore(merge_id, merge["from_id"], merge["into_id"])
            self._conn.execute(
                "UPDATE merges SET undone_at = ? WHERE id = ?",
                (datetime.now(UTC).isoformat(), merge_id),
            )
            self._canon.clear()
            self._aliased.clear()
            self._variants_indexed = False  # the restored entity needs its variant keys again
        return merge

    def _restore(self, merge_id: int, from_id: str, into_id: str) -> None:
        entity, aliases, added, redirected = self._rows(
            "SELECT entity, aliases, added_alias, redirects FROM merges WHERE id = ?", (merge_id,)
        )[0]
        name, etype, key = json.loads(entity)
        self._conn.execute(
            "INSERT INTO entities(id, name, type, key) VALUES (?, ?, ?, ?)",
            (from_id, name, etype, key),
        )
        for akey, alias, had in json.loads(aliases):
            if had:
                self._conn.execute(
                    "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
                    (from_id, akey, alias),
                )
            else:
                self._conn.execute(
                    "UPDATE aliases SET entity_id = ? WHERE entity_id = ? AND key = ?",
                    (from_id, into_id, akey),
                )
        if added is not None:
            self._conn.execute(
                "DELETE FROM aliases WHERE entity_id = ? AND key = ?", (into_id, added)
            )
        self._conn.execute("DELETE FROM entity_redirects WHERE from_id = ?", (from_id,))
        self._conn.executemany(
            "UPDATE entity_redirects SET to_id = ? WHERE from_id = ?",
            [(from_id, r) for r in json.loads(redirected)],
        )
        touched: dict[str, list[str]] = {}
        for kind, old_id, old_row, new_id, existed, obs in self._rows(
            "SELECT kind, old_id, old_row, new_id, new_existed, observations FROM merge_items "
            "WHERE merge_id = ?",
            (merge_id,),
        ):
            spec = KIND_TABLES[kind]
            observations = json.loads(obs)
            self._conn.executemany(
                "DELETE FROM observations WHERE item_id = ? AND source = ? AND extractor = ?",
                [(new_id, o[0], o[1]) for o in observations if o[5]],
            )
            self._conn.execute(spec.insert, tuple(json.loads(old_row)))
            self._conn.executemany(
                f"INSERT OR IGNORE INTO observations(item_id, {_OBS}) VALUES (?, ?, ?, ?, ?, ?)",
                [(old_id, *o[:5]) for o in observations],
            )
            if not existed and not self._rows(
                "SELECT 1 FROM observations WHERE item_id = ? LIMIT 1", (new_id,)
            ):
                self._conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (new_id,))
            touched.setdefault(spec.table, []).extend((old_id, new_id))
        for table, ids in touched.items():
            self._recompute(table, ids)

    def merges(self) -> list[dict[str, Any]]:
        """Every merge, oldest first: id, from_id, into_id, the merged entity's name and type,
        reason, at, how many items it rewrote, and undone_at (None while in force)."""
        return [
            {
                "id": mid,
                "from_id": f,
                "into_id": i,
                "name": json.loads(e)[0],
                "type": json.loads(e)[1],
                "reason": reason,
                "at": at,
                "items": int(n),
                "undone_at": undone,
            }
            for mid, f, i, e, reason, at, undone, n in self._rows(
                "SELECT m.id, m.from_id, m.into_id, m.entity, m.reason, m.at, m.undone_at, "
                "(SELECT COUNT(*) FROM merge_items x WHERE x.merge_id = m.id) "
                "FROM merges m ORDER BY m.id"
            )
        ]

    def _merge_by_aliases(self, aliased: Iterable[tuple[str, str]]) -> list[int]:
        """Merge every other stored entity *named* one of the ``(entity id, alias)`` pairs'
        aliases (compatible types only) into that entity; returns the merges made."""
        made: list[int] = []
        for entity_id, alias in dict.fromkeys(aliased):
            owner = self._canonical_id(entity_id)
            own = self._rows("SELECT type FROM entities WHERE id = ?", (owner,))
            if not own:
                continue
            for other, otype in self._rows(
                "SELECT id, type FROM entities WHERE key = ? AND id != ?",
                (normalise_name(alias), owner),
            ):
                if types_compatible(own[0][0], otype):
                    made.append(self.merge_entities(other, owner, reason=f"alias {alias!r}"))
        return made
