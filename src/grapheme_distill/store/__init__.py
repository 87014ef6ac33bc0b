"""Persistent graph stores behind the :class:`GraphStore` protocol (SQLite by default).

:func:`open_store` is the one front door: it picks the backend from the path (today every path is
a SQLite file; ``":memory:"`` gives a throw-away SQLite store) so callers and the CLI never name a
class.  :class:`~grapheme_distill.store.memory.MemoryStore` is the second implementation of the
protocol, in plain Python, used by the tests to show that nothing above the store depends on SQL.
Callers type-hint the narrowest slice of :class:`GraphStore` they use (:class:`CallLog`,
:class:`KnowledgeWriter`, :class:`SoftTargetLog`, :class:`RunLog`, :class:`GraphReader`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from grapheme_distill.store.base import (
    CallLog,
    CallRecorder,
    GraphReader,
    GraphStore,
    KnowledgeWriter,
    Observation,
    RunLog,
    SoftTargetLog,
    StoreStats,
)
from grapheme_distill.store.memory import MemoryStore
from grapheme_distill.store.migrations import SCHEMA_VERSION
from grapheme_distill.store.sqlite import SQLiteStore
from grapheme_distill.store.sqlite.crawl import FrontierEntry

if TYPE_CHECKING:
    from grapheme_distill.resolution.embed import NameEmbedder

__all__ = [
    "SCHEMA_VERSION",
    "CallLog",
    "CallRecorder",
    "FrontierEntry",
    "GraphReader",
    "GraphStore",
    "KnowledgeWriter",
    "MemoryStore",
    "Observation",
    "RunLog",
    "SQLiteStore",
    "SoftTargetLog",
    "StoreStats",
    "open_store",
]


def open_store(
    path: str | Path,
    *,
    fuzzy_threshold: float | None = None,
    read_only: bool | None = None,
    embedder: NameEmbedder | None = None,
) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``path``.

    Args:
        path: a SQLite file, or ``":memory:"``.
        fuzzy_threshold: merge entities whose names score at least this rapidfuzz ratio (0-100)
            against an existing one; None (default) merges only exact names and aliases.
        read_only: True opens an existing store without writing anything to it; None (default)
            does so by itself when the file or its folder is not writable.
        embedder: also merge names whose vectors are close (the embedding stage, extra
            ``[embed]``: :class:`~grapheme_distill.resolution.embed.MiniLMEmbedder`).

    Raises:
        StoreError: the path cannot be opened, is not a store (another program's SQLite file is
            refused untouched), or is read-only and needs a schema upgrade.
        MigrationError: the store is newer than this version of grapheme-distill.
    """
    if str(path) != ":memory:":
        parent = Path(path).expanduser().parent
        if not parent.is_dir():
            from grapheme_distill.errors import StoreError

            raise StoreError(f"cannot create store {path}: directory {parent} does not exist")
        path = Path(path).expanduser()
    return SQLiteStore(
        path, fuzzy_threshold=fuzzy_threshold, read_only=read_only, embedder=embedder
    )
