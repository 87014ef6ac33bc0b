"""Entity resolution: which stored entity an incoming one is, so the graph has no duplicates.

Resolution is matching logic, not storage, so it lives here and talks to the entities it matches
against through one narrow protocol, :class:`~grapheme_distill.resolution.index.EntityIndex`
(candidates by id, by normalised name, by alias; fuzzy candidates for a name; and the three writes a
resolution makes: a new entity, a redirect, an alias).  The SQLite store implements it over its
tables (:mod:`grapheme_distill.store.sqlite.entities`); :class:`MemoryEntityIndex` implements it over
dicts, for the in-memory store and for the SQLite store's bulk path, which prefetches a batch's
candidates into one with a few chunked queries and resolves in Python.  No storage code here.

The stages, in order (:class:`EntityResolver`): a redirect left by an earlier merge; the same id;
the same normalised name (:attr:`Entity.key`) with a compatible type
(:func:`~grapheme_distill.model.references.types_compatible`: equal, or either side generic);
an alias with a compatible type; then — only when a ``fuzzy_threshold`` is set, because a wrong
merge is harder to undo than a duplicate — the closest name by rapidfuzz ratio among the
candidates the index blocks on (names sharing the first two characters).  Later stages (variant
rules, token blocking, embeddings) are meant to join this package behind the same protocol.
"""

from __future__ import annotations

from grapheme_distill.model.references import types_compatible
from grapheme_distill.resolution.index import Candidate, EntityIndex, MemoryEntityIndex, Rank
from grapheme_distill.resolution.resolver import FUZZY_MIN_KEY_LENGTH, EntityResolver

__all__ = [
    "FUZZY_MIN_KEY_LENGTH",
    "Candidate",
    "EntityIndex",
    "EntityResolver",
    "MemoryEntityIndex",
    "Rank",
    "types_compatible",
]
