"""The default graph store: one SQLite file, one module per job.

* :mod:`.connection` — the connection, pragmas, transactions, error translation;
* :mod:`.rows` — item ↔ row mapping, one :class:`~.rows.KindTable` per item kind;
* :mod:`.calls` — the teacher-call log and "already processed" marks;
* :mod:`.entities` — entity upserts through :mod:`grapheme_distill.resolution`, and lookups;
* :mod:`.observations` — items, observations and their noisy-or confidence;
* :mod:`.soft_targets`, :mod:`.runs` — distributions; runs and failures;
* :mod:`.reads` — neighbourhoods, the whole graph, contradictions, stats;
* :mod:`.store` — :class:`SQLiteStore`, which composes them (why mixins: see there).

Entity resolution on upsert, to avoid the duplicate entities users hate, is described in
:mod:`grapheme_distill.resolution`: a merge leaves a redirect (old id → canonical id) so later
knowledge naming the old id lands on the same entity, and aliases (including those taught by
alias/abbreviation/synonym linguistic items) are kept for lookup.
"""

from grapheme_distill.store.sqlite.store import SQLiteStore

__all__ = ["SQLiteStore"]
