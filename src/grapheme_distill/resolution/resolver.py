"""The resolution stages over an :class:`~grapheme_distill.resolution.index.EntityIndex`.

:meth:`EntityResolver.find` answers "which existing entity is this?" without writing;
:meth:`EntityResolver.upsert` also records the outcome (a new entity, or a redirect plus the
incoming name as an alias of the one it merged into, plus its own aliases), so every index —
SQL tables or dicts — ends up holding the same facts for the same input.

The fuzzy and embedding stages score the same candidates: those the index blocks on (a shared
distinctive token) that pass the hard constraints — a compatible type, the same qualifier, the
same numbers and initials.  The constraints are checked once per name (:meth:`_blocked`), and
every name form is cached (:mod:`~grapheme_distill.resolution.variants`), because a corpus names
the same entities again and again and the resolver must keep up with an extractor (the issue-13
target is 50,000 mentions/s without embeddings).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import Entity, EntityType
from grapheme_distill.model.references import types_compatible
from grapheme_distill.resolution.index import EntityIndex, Rank
from grapheme_distill.resolution.variants import key_form, name_form, numbers_of

if TYPE_CHECKING:
    from grapheme_distill.resolution.embed import NameEmbedder

__all__ = ["FUZZY_MIN_KEY_LENGTH", "EntityResolver"]

#: Names shorter than this are never matched fuzzily: one edit is a large share of a short
#: name ("Lyon"/"Lynn"), so short names merge on exact names and aliases only.
FUZZY_MIN_KEY_LENGTH = 5

_PERSON = EntityType.PERSON.value
#: ``type.value`` without the enum descriptor on every mention (it showed in the profile).
_TYPE_VALUE = {t: t.value for t in EntityType}
_BY_NAME = int(Rank.NAME)  # ranks below it (redirect, same id) win whatever the types
#: :func:`normalise_name` per name text, cached (``Entity.key`` recomputes it on every read).
_key_of = lru_cache(maxsize=200_000)(normalise_name)


def _embed_compatible(folded: str, other: str) -> bool:
    """Whether a sentence encoder's closeness may mean that two folded names are one thing.

    An encoder places a name near its parts and its kin: "Jaguar" near "Jaguar Cars", "Mexico"
    near "State of Mexico", "John F. Kennedy" near "Robert F. Kennedy" (cosine 0.86-0.88 on the
    benchmark, above most true pairs).  So the embedding stage never merges a name whose words
    are all in the other (a part, a kind, a longer title: the rule stage already merged the
    legitimate cases — dropped middle names, legal suffixes), nor two names with one last word
    and different first words (other given names of one family).
    """
    words, other_words = folded.split(), other.split()
    a, b = set(words), set(other_words)
    if a <= b or b <= a:
        return False
    return not (words[-1] == other_words[-1] and words[0] != other_words[0])


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
        embedder: run the embedding stage last (:mod:`~grapheme_distill.resolution.embed`,
            extra ``[embed]``): among the same blocked, constraint-compatible candidates the
            fuzzy stage scores, merge the one whose name vector is closest, at cosine
            ``embed_threshold`` or more.  None (default): no embedding stage.
        embed_threshold: see ``embedder`` (default
            :data:`~grapheme_distill.resolution.embed.DEFAULT_EMBED_THRESHOLD`, measured on the
            benchmark).

    :attr:`stages` counts which stage found each match ("exact", "rules", "fuzzy", "embed"),
    which is what the benchmark reports per stage.
    """

    def __init__(
        self,
        index: EntityIndex,
        fuzzy_threshold: float | None = None,
        *,
        rules: bool | None = None,
        embedder: NameEmbedder | None = None,
        embed_threshold: float | None = None,
    ) -> None:
        self.index = index
        self.fuzzy_threshold = fuzzy_threshold
        self.rules = fuzzy_threshold is not None or embedder is not None if rules is None else rules
        self.embedder = embedder
        if embed_threshold is None:
            from grapheme_distill.resolution.embed import DEFAULT_EMBED_THRESHOLD

            embed_threshold = DEFAULT_EMBED_THRESHOLD
        self.embed_threshold = embed_threshold
        self.stages: Counter[str] = Counter()

    def find(self, entity: Entity) -> str | None:
        """The id of the existing entity ``entity`` is, or None when it is new.

        A redirect or the same id wins whatever the types; a name or an alias only with a
        compatible type; then, when enabled, the best fuzzy match among compatible types.
        """
        key = _key_of(entity.name)
        etype = _TYPE_VALUE[entity.type]
        for rank, entity_id, other in self.index.exact_candidates(entity.id, key):
            if rank < _BY_NAME or types_compatible(etype, other or ""):
                self.stages["exact"] += 1
                return entity_id
        found = self._rules(entity.name, etype) if self.rules else None
        if found is not None:
            self.stages["rules"] += 1
            return found
        if len(key) < FUZZY_MIN_KEY_LENGTH or (
            self.fuzzy_threshold is None and self.embedder is None
        ):
            return None
        folded, candidates = self._blocked(key, etype)
        if not candidates:
            return None
        if self.fuzzy_threshold is not None:
            found = self._fuzzy(folded, candidates, self.fuzzy_threshold)
            if found is not None:
                self.stages["fuzzy"] += 1
                return found
        if self.embedder is not None:
            found = self._embed(self.embedder, folded, candidates)
            if found is not None:
                self.stages["embed"] += 1
        return found

    def _rules(self, name: str, etype: str) -> str | None:
        """The one type-compatible entity sharing a variant key with ``name`` (None when
        there is none, or several: a rule that fits two entities says nothing)."""
        form = name_form(name, types_compatible(etype, _PERSON))
        found = {
            eid
            for _, eid, other in self.index.variant_candidates(form.probe_keys)
            if types_compatible(etype, other)
        }
        return found.pop() if len(found) == 1 else None

    def _blocked(self, key: str, etype: str) -> tuple[str, dict[str, str]]:
        """``key``'s folded name and its candidates (folded name → id): the entities sharing a
        distinctive token with it whose type, qualifier, numbers and initials all agree."""
        form = key_form(key)
        numbers = numbers_of(form.folded)
        candidates: dict[str, str] = {}
        for other, eid, t in self.index.fuzzy_candidates(key):
            other_form = key_form(other)
            if (
                other_form.qualifier == form.qualifier
                and types_compatible(etype, t)
                and numbers_of(other_form.folded) == numbers
            ):
                candidates.setdefault(other_form.folded, eid)
        return form.folded, candidates

    @staticmethod
    def _fuzzy(folded: str, candidates: dict[str, str], threshold: float) -> str | None:
        from rapidfuzz import fuzz, process  # only when fuzzy matching is asked for

        best = process.extractOne(
            folded, list(candidates), scorer=fuzz.token_sort_ratio, score_cutoff=threshold
        )
        return candidates[best[0]] if best else None

    def _embed(self, embedder: NameEmbedder, folded: str, candidates: dict[str, str]) -> str | None:
        """The candidate whose folded name is closest to ``folded`` by cosine, if at least
        :attr:`embed_threshold` (folded names: the model sees "zurich" for "Zürich" and the
        name without its legal suffix, as the other stages do), among those
        :func:`_embed_compatible` with it."""
        names = [n for n in candidates if _embed_compatible(folded, n)]
        if not names:
            return None
        vectors = embedder.encode([folded, *names])
        scores = vectors[1:] @ vectors[0]
        best = int(scores.argmax())
        return candidates[names[best]] if float(scores[best]) >= self.embed_threshold else None

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
