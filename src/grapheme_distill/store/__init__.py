"""Persistent graph stores behind the :class:`GraphStore` protocol (SQLite by default).

:func:`open_store` is the one front door: it picks the backend from the path (today every path is
a SQLite file; ``":memory:"`` gives a throw-away store) so callers and the CLI never name a class.
"""

from __future__ import annotations

from pathlib import Path

from grapheme_distill.store.base import GraphStore, StoreStats
from grapheme_distill.store.migrations import SCHEMA_VERSION
from grapheme_distill.store.sqlite import SQLiteStore

__all__ = ["SCHEMA_VERSION", "GraphStore", "SQLiteStore", "StoreStats", "open_store"]


def open_store(path: str | Path, *, fuzzy_threshold: float | None = None) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``path``.

    Args:
        path: a SQLite file, or ``":memory:"``.
        fuzzy_threshold: merge entities whose names score at least this rapidfuzz ratio (0-100)
            against an existing one; None (default) merges only exact names and aliases.

    Raises:
        StoreError: the path cannot be opened or is not a store.
        MigrationError: the store is newer than this version of grapheme-distill.
    """
    if str(path) != ":memory:":
        parent = Path(path).expanduser().parent
        if not parent.is_dir():
            from grapheme_distill.errors import StoreError

            raise StoreError(f"cannot create store {path}: directory {parent} does not exist")
        path = Path(path).expanduser()
    return SQLiteStore(path, fuzzy_threshold=fuzzy_threshold)
