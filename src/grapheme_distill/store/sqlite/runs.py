"""Runs and failures: what each run was asked to do and did, and the inputs that failed.

A failure is kept with its reason and raw input so that a resumed run retries it and an operator
can see why; processing the input later clears it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from grapheme_distill.store.sqlite.connection import SQLiteConnection, now

__all__ = ["FAILURE_FIELDS", "RunsMixin"]

FAILURE_FIELDS = ("run_id", "source", "reason", "raw", "created_at")


class RunsMixin(SQLiteConnection):
    """:class:`~grapheme_distill.store.base.RunLog` over ``runs`` and ``failures``."""

    def begin_run(self, kind: str, params: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex
        with self.transaction():
            self._conn.execute(
                "INSERT INTO runs(id, kind, params, started_at) VALUES (?, ?, ?, ?)",
                (run_id, kind, json.dumps(params, sort_keys=True, default=str), now()),
            )
        return run_id

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        with self.transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (now(), json.dumps(summary, sort_keys=True, default=str), run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        return [
            {
                "id": r[0],
                "kind": r[1],
                "params": json.loads(r[2]),
                "started_at": r[3],
                "finished_at": r[4],
                "summary": json.loads(r[5]) if r[5] else None,
            }
            for r in self._rows(
                "SELECT id, kind, params, started_at, finished_at, summary FROM runs "
                "ORDER BY started_at"
            )
        ]

    def record_failure(self, run_id: str | None, source: str, reason: str, raw: str = "") -> None:
        self._write(
            "INSERT INTO failures(run_id, source, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)",
            (run_id, source, reason, raw, now()),
        )

    def failures(self, run_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT run_id, source, reason, raw, created_at FROM failures"
        rows = (
            self._rows(sql + " WHERE run_id = ? ORDER BY id", (run_id,))
            if run_id
            else self._rows(sql + " ORDER BY id")
        )
        return [dict(zip(FAILURE_FIELDS, r, strict=True)) for r in rows]

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of ``source`` (it has now been processed)."""
        self._write("DELETE FROM failures WHERE source = ?", (source,))
