"""The resolution stages over an :class:`~grapheme_distill.resolution.index.EntityIndex`.

:meth:`EntityResolver.find` answers "which existing entity is this?" without writing;
:meth:`EntityResolver.upsert` also records the outcome (a new entity, or a redirect plus the
incoming name as an alias of the one it merged into, plus its own aliases), so every index —
SQL tables or dicts — ends up holding the same facts for the same input.
"""

from __future__ import annotations

from collections import Counter

from grapheme_distill.model.knowledge import Entity, EntityType
from grapheme_distill.model.references import types_compatible
from grapheme_distill.resolution.index import EntityIndex, Rank
from grapheme_distill.resolution.variants import key_form, name_form

__all__ = ["FUZZY_MIN_KEY_LENGTH", "EntityResolver"]

#: Names shorter than this are never matched fuzzily: one edit is a large share of a short
#: name ("Lyon"/"Lynn"), so short names merge on exact names and aliases only.
FUZZY_MIN_KEY_LENGTH = 5


def _numbers(folded: str) -> list[str]:
    """The numbers and initials in a folded name: "Shenzhou 6" and "Shenzhou 10", "Michael
    Jordan" and "Michael B. Jordan" are two things however close the strings are."""
    return [w for w in folded.split() if w.isdigit() or len(w) == 1]


class EntityResolver:
    """Resolves entities against ``index``.

    Args:
        index: where the existing entities are looked up and the outcome is recorded.
        fuzzy_threshold: merge a name scoring at least this rapidfuzz token-sort ratio (0-100)
            on folded names against a candidate sharing one of its tokens; None (default) merges
            exact names and aliases only.
        rules: run the variant-rule stage (initials, acronyms, diacritics, word order, legal
            suffixes: :mod:`~grapheme_distill.resolution.variants`); None (default) runs it
            exactly when a ``fuzzy_threshold`` is set, so a store opened without one resolves
            as it always did.

    :attr:`stages` counts which stage found each match ("exact", "rules", "fuzzy"), which is
    what the benchmark reports per stage.
    """

    def __init__(
        self,
        index: EntityIndex,
        fuzzy_threshold: float | None = None,
        *,
        rules: bool | None = None,
    ) -> None:
        self.index = index
        self.fuzzy_threshold = fuzzy_threshold
        self.rules = fuzzy_threshold is not None if rules is None else rules
        self.stages: Counter[str] = Counter()

    def find(self, entity: Entity) -> str | None:
        """The id of the existing entity ``entity`` is, or None when it is new.

        A redirect or the same id wins whatever the types; a name or an alias only with a
        compatible type; then, when enabled, the best fuzzy match among compatible types.
        """
        key = entity.key
        etype = entity.type.value
        for rank, entity_id, other in self.index.exact_candidates(entity.id, key):
            if rank < Rank.NAME or types_compatible(etype, other or ""):
                self.stages["exact"] += 1
                return entity_id
        found = self._rules(entity) if self.rules else None
        if found is not None:
            self.stages["rules"] += 1
            return found
        if self.fuzzy_threshold is not None and len(key) >= FUZZY_MIN_KEY_LENGTH:
            found = self._fuzzy(key, etype, self.fuzzy_threshold)
            if found is not None:
                self.stages["fuzzy"] += 1
        return found

    def _rules(self, entity: Entity) -> str | None:
        """The one type-compatible entity sharing a variant key with ``entity`` (None when
        there is none, or several: a rule that fits two entities says nothing)."""
        etype = entity.type.value
        form = name_form(entity.name, types_compatible(etype, EntityType.PERSON.value))
        found = {
            eid
            for _, eid, other in self.index.variant_candidates(form.probe_keys)
            if types_compatible(etype, other)
        }
        return found.pop() if len(found) == 1 else None

    def _fuzzy(self, key: str, etype: str, threshold: float) -> str | None:
        from rapidfuzz import fuzz, process  # only when fuzzy matching is asked for

        form = key_form(key)
        numbers = _numbers(form.folded)
        candidates: dict[str, str] = {}
        for other, eid, t in self.index.fuzzy_candidates(key):
            other_form = key_form(other)
            if (
                types_compatible(etype, t)
                and other_form.qualifier == form.qualifier
                and _numbers(other_form.folded) == numbers
            ):
                candidates.setdefault(other_form.folded, eid)
        best = process.extractOne(
            form.folded, list(candidates), scorer=fuzz.token_sort_ratio, score_cutoff=threshold
        )
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
