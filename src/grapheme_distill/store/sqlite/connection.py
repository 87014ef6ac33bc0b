"""The connection, its pragmas and the transaction every write goes through.

Every write goes through :meth:`SQLiteConnection.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``,
savepoints when nested), so a crash or a ``kill -9`` leaves the store exactly as it was after the
last committed transaction; WAL keeps readers (``stats``, ``show``) working while a run writes.
``sqlite3`` errors are translated here, at the boundary, into :class:`StoreError` naming the file.

A store touches no file that is not its own: an existing SQLite database without the store's
``migrations`` table (another program's) is refused before anything is written to it — not even
the WAL journal mode, which would change its header.  A store that cannot be written (a read-only
mount, a file or folder without write permission), or one opened with ``read_only=True``, is
opened with ``mode=ro`` and serves every read while refusing writes with a clear error, instead of
being reported as "not a store".  And a store file created by an open that then failed — or by a
run that failed before storing anything (:meth:`SQLiteConnection.discard_if_unused`) — is removed,
so a failed start leaves no empty store behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from grapheme_distill.errors import MigrationError, StoreError

if TYPE_CHECKING:
    from grapheme_distill.resolution.embed import NameEmbedder
from grapheme_distill.store.migrations import SCHEMA_VERSION, migrate, pending, schema_version

__all__ = ["CHUNK", "SQLiteConnection", "now"]

CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit
WAL_CHECKPOINT_PAGES = 10_000  # pages of WAL (4 KiB each) before SQLite checkpoints it


def now() -> str:
    return datetime.now(UTC).isoformat()


def _writable(path: str) -> bool:
    """Whether the file and its folder (where SQLite keeps ``-wal``/``-shm``) can be written;
    false on a read-only mount even for root."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _connect(path: str, *, read_only: bool) -> sqlite3.Connection:
    """A connection; read-only ones never write (``mode=ro``), and a WAL store on a read-only
    mount, whose ``-shm`` cannot be created, is opened as immutable (nothing can change it)."""
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    uri = Path(path).resolve().as_uri()
    conn = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(
        f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """Raise unless ``conn`` is a grapheme-distill store (or an empty database): a SQLite file of
    another program is left exactly as it was, not migrated into a store."""
    tables = sorted(
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    )
    if tables and "migrations" not in tables:
        shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is a SQLite database of another program (tables: {shown}), not a "
            "grapheme-distill store; it was left as it was — give a new path or an existing store"
        )


def _remove_store_files(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + suffix)


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

    Args:
        path: the database file; ``":memory:"`` for a throw-away store.
        fuzzy_threshold: see :class:`~grapheme_distill.store.sqlite.SQLiteStore`.
        embedder: the embedding stage of entity resolution (extra ``[embed]``,
            :class:`~grapheme_distill.resolution.embed.MiniLMEmbedder`); None (default): none.
        read_only: True opens the store without writing anything; None (default) does so when
            the file or its folder is not writable.

    Raises:
        StoreError: the file cannot be opened, is not a SQLite database, belongs to another
            program, or is read-only and needs a schema upgrade.
        MigrationError: the store was written by a newer grapheme-distill.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        fuzzy_threshold: float | None = None,
        read_only: bool | None = None,
        embedder: NameEmbedder | None = None,
    ) -> None:
        self.path = str(path)
        self.fuzzy_threshold = fuzzy_threshold
        self.embedder = embedder
        self._depth = 0
        self._open: list[_Transaction] = []  # the transactions open now, outermost first
        self._canon: dict[str, str] = {}  # entity id -> canonical entity id (cache)
        self._aliased: set[tuple[str, str]] = set()  # (canonical id, alias) already written
        self._variants_indexed = False  # entity_variants backfilled (resolution.variants)
        self._closed = False
        memory = self.path == ":memory:"
        existed = memory or (os.path.isfile(self.path) and os.path.getsize(self.path) > 0)
        #: Whether this open created the file (a failed start then removes it again).
        self.created = not memory and not os.path.exists(self.path)
        self._read_only_reason = ""
        if read_only is None and existed and not memory and not _writable(self.path):
            read_only, self._read_only_reason = True, "the file or its folder is not writable"
        elif read_only:
            self._read_only_reason = "it was opened read-only"
        #: Whether writes are refused (nothing is written to the file, not even the journal mode).
        self.read_only = bool(read_only)
        if self.read_only and not existed:
            raise StoreError(f"no store at {self.path} to open read-only")
        try:
            self._conn = _connect(self.path, read_only=self.read_only)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}; check the path") from exc
        try:
            self._conn.execute("PRAGMA busy_timeout = 10000")
            if existed and not memory:
                _refuse_foreign(self._conn, self.path)  # before anything could write to it
            if self.read_only:
                if pending(self._conn, self.path):
                    raise StoreError(
                        f"store {self.path} is at schema version {schema_version(self._conn)} and "
                        f"read-only ({self._read_only_reason}); this grapheme-distill needs "
                        f"version {SCHEMA_VERSION}: open it once where it is writable to upgrade it"
                    )
            else:
                if not memory:
                    self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                # checkpoint every ~40 MB of WAL instead of ~4 MB: a checkpoint copies the hot
                # index pages once however often they were rewritten, and its fsyncs block the
                # writer (a crawl's event loop: 0.60 -> 0.39 ms of commit wall per request)
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
                migrate(self._conn, self.path)
            # up to 512 MiB page cache, used as needed
            self._conn.execute("PRAGMA cache_size = -524288")
            self._conn.execute("PRAGMA temp_store = MEMORY")
            self._sql_math = _has_sql_math(self._conn)
            if not self.read_only:  # after temp_store: changing it drops temp tables
                self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
        except (MigrationError, StoreError):
            self._abandon()
            raise
        except sqlite3.DatabaseError as exc:
            self._abandon()
            raise StoreError(
                f"{self.path} is not a grapheme-distill store ({exc}); it was left as it was — "
                "give a new path or an existing store"
            ) from exc

    def _abandon(self) -> None:
        """A failed open: close, and remove the file if this open created it."""
        self._conn.close()
        self._closed = True
        if self.created:
            _remove_store_files(self.path)

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    def transaction(self, *, restartable: bool = False) -> _Transaction:
        """Group writes: commit on success, roll back on any error.  Nested calls use savepoints,
        so an inner failure that the caller catches undoes only the inner writes.

        ``restartable`` (an outermost transaction whose opener reads nothing before its first write
        that it relies on afterwards — a crawl's absorb): a transaction nested in it before
        anything was written opens no savepoint, and if it fails the whole transaction, still
        empty, is rolled back and begun again — the same state a savepoint would restore.  A
        savepoint held open across a batch keeps every page each of the batch's own savepoints
        journalled until it is released (~0.1 ms of SQLite's CPU per crawl answer); without it,
        each answer's savepoint is the outermost and its journal is dropped at once."""
        if self.read_only:
            raise StoreError(
                f"store {self.path} is read-only ({self._read_only_reason}); nothing was written "
                "— copy it somewhere writable to add to it"
            )
        return _Transaction(self, restartable)

    def _write(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """One write statement, as if in its own :meth:`transaction` — without a savepoint when
        nested: a statement is atomic by itself (SQLite undoes a failed one whole), so a savepoint
        around one statement guards nothing, and on a crawl's path, where each answer made ~6 such
        writes, the savepoints cost more than the statements (a ``RELEASE`` ~30 µs)."""
        if self._depth == 0:
            with self.transaction():
                return self._conn.execute(sql, params)
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            self._canon.clear()  # as a failed nested transaction does
            self._aliased.clear()
            raise StoreError(
                f"store {self.path}: {exc}; nothing of this transaction was kept"
            ) from exc

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
        """Close the connection (a second call does nothing)."""
        if not self._closed:
            self._closed = True
            self._conn.close()

    def discard_if_unused(self) -> bool:
        """Close; and if this open created the file and nothing was stored in it, remove it (with
        its ``-wal``/``-shm``), so that a run which failed before writing anything leaves no empty
        store behind.  Returns whether the file was removed.  A store that holds anything — even
        one run record — is kept."""
        if self._closed or not self.created or self.read_only:
            self.close()
            return False
        tables = [
            name
            for (name,) in self._rows(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'migrations'"
            )
        ]
        unused = not any(self._rows(f'SELECT 1 FROM "{t}" LIMIT 1') for t in tables)
        self.close()
        if unused:
            _remove_store_files(self.path)
        return unused

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        """Close; when the block failed, a store it created and never wrote to is removed."""
        if exc_type is not None:
            self.discard_if_unused()
        else:
            self.close()


class _Transaction:
    """:meth:`SQLiteConnection.transaction`'s context (a class, not a generator: a crawl request
    opens ~10 of them, and ``contextlib.contextmanager`` costs ~3 µs more each).

    A nested transaction entered before anything was written since the enclosing one began opens
    no savepoint of its own: it shares the enclosing one's rollback point, which is its own start
    too.  Under a savepoint (an ingester's answer, whose first write is its knowledge) a failure
    rolls back to that savepoint, which stays open, as the enclosing transaction expects; under a
    ``restartable`` outermost transaction the still-empty transaction is begun again.  "Nothing
    written" is the connection's change count, unchanged since the enclosing start (a rolled-back
    write still counts, so the test errs towards a savepoint of its own)."""

    __slots__ = ("_depth", "_point", "_restartable", "_shared", "_start", "_store")

    def __init__(self, store: SQLiteConnection, restartable: bool = False) -> None:
        self._store = store
        self._restartable = restartable
        self._shared = False  # no savepoint: shares the enclosing (empty) start
        self._depth = 0
        self._point = 0  # the savepoint a failure rolls back to (0: the whole transaction)
        self._start = 0  # the connection's total_changes when this rollback point was made

    def __enter__(self) -> None:
        store = self._store
        conn = store._conn
        depth = self._depth = store._depth
        try:
            if depth == 0:
                conn.execute("BEGIN IMMEDIATE")
            else:
                outer = store._open[-1]
                empty = conn.total_changes == outer._start  # nothing written since it began
                if empty and outer._point == 0 and outer._restartable:
                    self._shared = self._restartable = True
                elif empty and outer._point > 0:
                    self._shared = True
                    self._point = outer._point
                    self._restartable = False
                else:
                    conn.execute(f"SAVEPOINT sp{depth}")
                    self._point = depth
                    self._restartable = False
        except sqlite3.Error as exc:
            raise StoreError(f"store {store.path}: cannot start a transaction: {exc}") from exc
        self._start = conn.total_changes
        store._open.append(self)
        store._depth += 1

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        store, depth = self._store, self._depth
        store._depth = depth
        store._open.pop()
        conn = store._conn
        if exc is not None:
            store._canon.clear()  # resolutions made inside the transaction are undone
            store._aliased.clear()
            if self._shared and self._point == 0:  # nothing was written before it: begin again
                conn.execute("ROLLBACK")
                conn.execute("BEGIN IMMEDIATE")
            elif self._shared:  # back to the enclosing savepoint's start, which is its own
                conn.execute(f"ROLLBACK TO sp{self._point}")
            elif depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO sp{depth}")
                conn.execute(f"RELEASE sp{depth}")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"store {store.path}: {exc}; nothing of this transaction was kept"
                ) from exc
            return  # the exception propagates
        if self._shared:
            return
        try:
            conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
        except sqlite3.Error as err:
            raise StoreError(f"store {store.path}: commit failed: {err}") from err
