"""The resolution stages over an :class:`~grapheme_distill.resolution.index.EntityIndex`.

:meth:`EntityResolver.find` answers "which existing entity is this?" without writing;
:meth:`EntityResolver.upsert` also records the outcome (a new entity, or a redirect plus the
incoming name as an alias of the one it merged into, plus its own aliases), so every index —
SQL tables or dicts — ends up holding the same facts for the same input.
"""

from __future__ import annotations

from grapheme_distill.model.knowledge import Entity
from grapheme_distill.model.references import types_compatible
from grapheme_distill.resolution.index import EntityIndex, Rank

__all__ = ["FUZZY_MIN_KEY_LENGTH", "EntityResolver"]

#: Names shorter than this are never matched fuzzily: one edit is a large share of a short
#: name ("Lyon"/"Lynn"), so short names merge on exact names and aliases only.
FUZZY_MIN_KEY_LENGTH = 5


class EntityResolver:
    """Resolves entities against ``index``.

    Args:
        index: where the existing entities are looked up and the outcome is recorded.
        fuzzy_threshold: merge a name scoring at least this rapidfuzz ratio (0-100) against a
            candidate's; None (default) merges exact names and aliases only.
    """

    def __init__(self, index: EntityIndex, fuzzy_threshold: float | None = None) -> None:
        self.index = index
        self.fuzzy_threshold = fuzzy_threshold

    def find(self, entity: Entity) -> str | None:
        """The id of the existing entity ``entity`` is, or None when it is new.

        A redirect or the same id wins whatever the types; a name or an alias only with a
        compatible type; then, when enabled, the best fuzzy match among compatible types.
        """
        key = entity.key
        etype = entity.type.value
        for rank, entity_id, other in self.index.exact_candidates(entity.id, key):
            if rank < Rank.NAME or types_compatible(etype, other or ""):
                return entity_id
        if self.fuzzy_threshold is not None and len(key) >= FUZZY_MIN_KEY_LENGTH:
            return self._fuzzy(key, etype, self.fuzzy_threshold)
        return None

    def _fuzzy(self, key: str, etype: str, threshold: float) -> str | None:
        from rapidfuzz import fuzz, process  # only when fuzzy matching is asked for

        candidates = {
            k: eid for k, eid, t in self.index.fuzzy_candidates(key) if types_compatible(etype, t)
        }
        best = process.extractOne(key, list(candidates), scorer=fuzz.ratio, score_cutoff=threshold)
        return candidates[best[0]] if best else None

    def upsert(self, entity: Entity, *, known: str | None = None) -> tuple[str, bool]:
        """Resolve ``entity`` and record the outcome in the index.

        Args:
            known: the canonical id a caller's cache already has for ``entity.id`` (resolution
                is skipped, the aliases are still recorded).

        Returns:
            (canonical id, whether a new entity was added).
        """
        canon = known or self.find(entity)
        if canon is None:
            self.index.add_entity(entity)
            canon = entity.id
            new = True
        else:
            new = False
            if canon != entity.id:
                self.index.add_redirect(entity.id, canon)
                if known is None:
                    self.index.add_alias(canon, entity.name)
        for alias in entity.aliases:
            self.index.add_alias(canon, alias)
        return canon, new
