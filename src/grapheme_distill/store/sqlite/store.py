"""The default graph store: one SQLite file (stdlib ``sqlite3``, WAL journal).

Why mixins over one connection rather than composed objects: every part — the call log
(:mod:`.calls`), entities and their resolution (:mod:`.entities`), observations and noisy-or
(:mod:`.observations`), soft targets, runs and failures, reads — must write inside the *same*
transaction (the ingester commits a call, its knowledge and its "processed" mark together), and
the entity-resolution cache must be forgotten when that transaction rolls back.  A shared
:class:`~.connection.SQLiteConnection` base gives each part the connection, the transaction and
the cache without a facade re-declaring ~40 methods; each mixin is one job in one module, and
:class:`SQLiteStore` only lists them.  The protocol it satisfies, slice by slice, is
:class:`~grapheme_distill.store.base.GraphStore`.
"""

from __future__ import annotations

from grapheme_distill.store.sqlite.calls import CallsMixin
from grapheme_distill.store.sqlite.crawl import CrawlMixin
from grapheme_distill.store.sqlite.merges import MergesMixin
from grapheme_distill.store.sqlite.observations import KnowledgeMixin
from grapheme_distill.store.sqlite.reads import ReadsMixin
from grapheme_distill.store.sqlite.runs import RunsMixin
from grapheme_distill.store.sqlite.soft_targets import SoftTargetsMixin

__all__ = ["SQLiteStore"]


class SQLiteStore(
    CallsMixin, MergesMixin, KnowledgeMixin, SoftTargetsMixin, RunsMixin, ReadsMixin, CrawlMixin
):
    """A :class:`~grapheme_distill.store.base.GraphStore` in one SQLite file.

    Args:
        path: the database file (created when missing); ``":memory:"`` for a throw-away store.
        fuzzy_threshold: when set (0–100), entities whose names score at least this rapidfuzz
            ratio against an existing entity's name are merged into it; off by default because a
            wrong merge is harder to undo than a duplicate.
        read_only: True opens the store without writing anything (writes raise
            :class:`StoreError`); None (default) does so when the file or its folder is not
            writable, e.g. on a read-only mount.

    Raises:
        StoreError: the file cannot be opened or is not a SQLite database.
        MigrationError: the store was written by a newer grapheme-distill.
    """
