"""Persistent graph stores behind the :class:`GraphStore` protocol (SQLite by default)."""

from grapheme_distill.store.base import GraphStore, StoreStats

__all__ = ["GraphStore", "StoreStats"]
