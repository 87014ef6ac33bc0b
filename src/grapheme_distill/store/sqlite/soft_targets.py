"""Soft targets: the teacher's distributions, kept for training a student.

A target recorded with its call is keyed by call, target id and position, so the same answer read
twice stores its distributions once while two calls that produced the same distribution keep one
row each (each is evidence of its own call).
"""

from __future__ import annotations

from collections.abc import Iterator

from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store.sqlite.connection import SQLiteConnection

__all__ = ["SoftTargetsMixin"]


class SoftTargetsMixin(SQLiteConnection):
    """:class:`~grapheme_distill.store.base.SoftTargetLog` over ``soft_targets``."""

    def add_soft_target(self, target: SoftTarget, *, call_hash: str | None = None) -> bool:
        """Keep a teacher distribution; returns False when it was already stored."""
        position = target.metadata.get("position")
        with self.transaction():
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO soft_targets(id, call_hash, slot, position, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    target.id if call_hash is None else f"{call_hash}/{target.id}/{position}",
                    call_hash,
                    target.slot,
                    position if isinstance(position, int) else None,
                    target.model_dump_json(),
                ),
            )
        return cur.rowcount == 1

    def iter_soft_targets(self, call_hash: str | None = None) -> Iterator[SoftTarget]:
        """Every kept distribution (by call, then position), or those of one call."""
        if call_hash is None:
            rows = self._rows("SELECT data FROM soft_targets ORDER BY call_hash, position, id")
        else:
            rows = self._rows(
                "SELECT data FROM soft_targets WHERE call_hash = ? ORDER BY position, id",
                (call_hash,),
            )
        for (data,) in rows:
            yield SoftTarget.model_validate_json(data)
