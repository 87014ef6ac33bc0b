"""The connection, its pragmas and the transaction every write goes through.

Every write goes through :meth:`SQLiteConnection.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``,
savepoints when nested), so a crash or a ``kill -9`` leaves the store exactly as it was after the
last committed transaction; WAL keeps readers (``stats``, ``show``) working while a run writes.
``sqlite3`` errors are translated here, at the boundary, into :class:`StoreError` naming the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from grapheme_distill.errors import MigrationError, StoreError
from grapheme_distill.store.migrations import migrate, schema_version

__all__ = ["CHUNK", "SQLiteConnection", "now"]

CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit


def now() -> str:
    return datetime.now(UTC).isoformat()


def _has_sql_math(conn: sqlite3.Connection) -> bool:
    """Whether SQLite has ``ln``/``exp`` (3.35+ built with math functions) and ``UPDATE FROM``."""
    if sqlite3.sqlite_version_info < (3, 35, 0):
        return False
    try:
        conn.execute("SELECT ln(0.5), exp(1.0)").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


class SQLiteConnection:
    """One SQLite connection shared by every part of :class:`~grapheme_distill.store.sqlite.SQLiteStore`.

    It also holds the entity-resolution cache (entity id → canonical id, aliases written), because
    a rolled-back transaction must forget the resolutions made inside it.

    Raises:
        StoreError: the file cannot be opened or is not a SQLite database.
        MigrationError: the store was written by a newer grapheme-distill.
    """

    def __init__(self, path: str | Path, *, fuzzy_threshold: float | None = None) -> None:
        self.path = str(path)
        self.fuzzy_threshold = fuzzy_threshold
        self._depth = 0
        self._canon: dict[str, str] = {}  # entity id -> canonical entity id (cache)
        self._aliased: set[tuple[str, str]] = set()  # (canonical id, alias) already written
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}; check the path") from exc
        try:
            self._conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            # up to 512 MiB page cache, used as needed
            self._conn.execute("PRAGMA cache_size = -524288")
            self._conn.execute("PRAGMA temp_store = MEMORY")
            migrate(self._conn, self.path)
            self._sql_math = _has_sql_math(self._conn)
            self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
        except MigrationError:
            self._conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(
                f"{self.path} is not a grapheme-distill store ({exc}); give a new path or an "
                "existing store"
            ) from exc

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: commit on success, roll back on any error.  Nested calls use savepoints,
        so an inner failure that the caller catches undoes only the inner writes."""
        depth = self._depth
        try:
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot start a transaction: {exc}") from exc
        self._depth += 1
        try:
            yield
        except BaseException as exc:
            self._depth = depth
            self._canon.clear()  # resolutions made inside the transaction are undone
            self._aliased.clear()
            if depth == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO sp{depth}")
                self._conn.execute(f"RELEASE sp{depth}")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"store {self.path}: {exc}; nothing of this transaction was kept"
                ) from exc
            raise
        self._depth = depth
        try:
            self._conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: commit failed: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: query failed: {exc}") from exc

    def _chunked_rows(self, sql: str, ids: Sequence[str]) -> list[Any]:
        """Run ``sql`` (with one ``{ids}`` placeholder list) over ``ids`` in chunks."""
        out: list[Any] = []
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            out.extend(self._rows(sql.format(ids=",".join("?" * len(chunk))), chunk))
        return out

    def _count(self, sql: str) -> int:
        return int(self._rows(sql)[0][0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
