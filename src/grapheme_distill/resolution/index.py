"""The candidate lookup entity resolution needs, as a protocol, and its in-memory implementation.

:class:`EntityIndex` is deliberately narrow — what resolution reads (ranked exact candidates, fuzzy
candidates) and the three writes a resolution makes — so that a store can answer it with one
indexed query per entity and resolution never sees a connection.  :class:`MemoryEntityIndex` keeps
the same facts in dicts; it journals what it was told to add so that a store that prefetched a
batch into it can write the additions back in bulk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from enum import IntEnum
from typing import NamedTuple, Protocol

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import Entity, EntityType
from grapheme_distill.model.references import types_compatible
from grapheme_distill.resolution.variants import key_form, name_form

__all__ = [
    "FUZZY_BLOCK_LIMIT",
    "Candidate",
    "EntityIndex",
    "MemoryEntityIndex",
    "Rank",
    "entity_variant_keys",
]

#: At most this many fuzzy candidates are scored for one name (the blocking stays cheap on
#: stores with millions of entities).
FUZZY_BLOCK_LIMIT = 5000


class Rank(IntEnum):
    """Why an entity is a candidate; lower ranks win."""

    REDIRECT = 0  # an earlier merge sent this id to another entity
    SAME_ID = 1  # the entity itself is already known
    NAME = 2  # same normalised name
    ALIAS = 3  # the normalised name is a known alias


class Candidate(NamedTuple):
    """One existing entity an incoming one may be; ``type`` is None for a redirect target."""

    rank: int
    entity_id: str
    type: str | None


def entity_variant_keys(name: str, etype: str) -> tuple[str, ...]:
    """Every key an entity is indexed under for the rule and fuzzy stages (variant and block
    keys, :mod:`grapheme_distill.resolution.variants`)."""
    form = name_form(name, types_compatible(etype, EntityType.PERSON.value))
    return form.index_keys + form.block_keys


class EntityIndex(Protocol):
    """What resolution reads and writes.  Implementations: the SQLite store's entity tables,
    :class:`MemoryEntityIndex`."""

    def exact_candidates(self, entity_id: str, key: str) -> Iterable[Candidate]:
        """The redirect from ``entity_id``, the entity ``entity_id`` itself, the entities named
        ``key``, then those with the alias ``key``: by rank, then by id."""
        ...

    def variant_candidates(self, keys: Sequence[str]) -> Iterable[tuple[str, str, str]]:
        """``(key, id, type)`` of the entities indexed under any of the variant ``keys``
        (:func:`entity_variant_keys`); the key is the entity's normalised name."""
        ...

    def fuzzy_candidates(self, key: str) -> Iterable[tuple[str, str, str]]:
        """``(key, id, type)`` of the entities worth scoring against ``key`` (token blocking:
        those sharing a distinctive token of its folded name, rarest tokens first, at most
        :data:`FUZZY_BLOCK_LIMIT`)."""
        ...

    def add_entity(self, entity: Entity) -> None:
        """Record a new entity (its id, name, type and key; aliases come by :meth:`add_alias`)."""
        ...

    def add_redirect(self, from_id: str, to_id: str) -> None:
        """Send ``from_id`` to ``to_id`` from now on (a no-op when ``from_id`` has a redirect)."""
        ...

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Make ``alias`` find ``entity_id`` (the first text of a normalised alias stays)."""
        ...


class MemoryEntityIndex:
    """An :class:`EntityIndex` over dicts.

    ``known_*`` fill it with facts that already exist elsewhere (a store's rows) and are not
    journaled; ``add_*`` are resolution's writes, journaled in :attr:`added_entities`,
    :attr:`added_redirects` and :attr:`added_aliases` (``(entity id, normalised alias) → alias``,
    first text wins), which is the whole alias table when nothing was prefetched.
    """

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.by_alias: dict[str, list[str]] = defaultdict(list)
        self.added_entities: list[Entity] = []
        self.added_redirects: list[tuple[str, str]] = []
        self.added_aliases: dict[tuple[str, str], str] = {}
        self._alias_texts: dict[str, list[str]] = defaultdict(list)
        self.names: dict[str, str] = {}
        self._variants: dict[str, list[str]] | None = None  # built on first use

    @classmethod
    def of_entities(cls, entities: Iterable[Entity]) -> MemoryEntityIndex:
        """An index of ``entities`` as they are (their names and aliases; nothing journaled):
        what resolving against an in-memory graph needs."""
        index = cls()
        for entity in entities:
            index.known_entity(entity.id, entity.type.value, entity.key, entity.name)
            for alias in entity.aliases:
                key = normalise_name(alias)
                if key and entity.id not in index.by_alias[key]:
                    index.known_alias(key, entity.id, entity.type.value)
        return index

    # ------------------------------------------------------------------ prefetched facts
    def known_redirect(self, from_id: str, to_id: str) -> None:
        self.redirects[from_id] = to_id

    def known_entity(
        self, entity_id: str, etype: str, key: str | None = None, name: str | None = None
    ) -> None:
        self.types[entity_id] = etype
        if key is not None:
            self.keys[entity_id] = key
            self.by_key[key].append(entity_id)
            self.names[entity_id] = name or key
            if self._variants is not None:
                self._index_variants(entity_id)

    def _index_variants(self, entity_id: str) -> None:
        assert self._variants is not None
        for vkey in entity_variant_keys(self.names[entity_id], self.types[entity_id]):
            self._variants[vkey].append(entity_id)

    def _variant_table(self) -> dict[str, list[str]]:
        if self._variants is None:
            self._variants = defaultdict(list)
            for entity_id in self.names:
                self._index_variants(entity_id)
        return self._variants

    def known_alias(self, key: str, entity_id: str, etype: str) -> None:
        self.types[entity_id] = etype
        self.by_alias[key].append(entity_id)

    # ------------------------------------------------------------------ EntityIndex
    def exact_candidates(self, entity_id: str, key: str) -> Iterator[Candidate]:
        to_id = self.redirects.get(entity_id)
        if to_id is not None:
            yield Candidate(Rank.REDIRECT, to_id, None)
        if entity_id in self.types:
            yield Candidate(Rank.SAME_ID, entity_id, self.types[entity_id])
        for rank, table in ((Rank.NAME, self.by_key), (Rank.ALIAS, self.by_alias)):
            for eid in sorted(table.get(key, ())):
                yield Candidate(rank, eid, self.types[eid])

    def variant_candidates(self, keys: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        table = self._variant_table()
        for vkey in keys:
            for eid in table.get(vkey, ()):
                yield self.keys[eid], eid, self.types[eid]

    def fuzzy_candidates(self, key: str) -> Iterator[tuple[str, str, str]]:
        table = self._variant_table()
        blocks = sorted((table[b] for b in key_form(key).block_keys if b in table), key=len)
        seen: set[str] = set()
        for block in blocks:
            for eid in block:
                if eid not in seen:
                    if len(seen) == FUZZY_BLOCK_LIMIT:
                        return
                    seen.add(eid)
                    yield self.keys[eid], eid, self.types[eid]

    def add_entity(self, entity: Entity) -> None:
        self.known_entity(entity.id, entity.type.value, entity.key, entity.name)
        self.added_entities.append(entity)

    def add_redirect(self, from_id: str, to_id: str) -> None:
        if from_id not in self.redirects:
            self.redirects[from_id] = to_id
            self.added_redirects.append((from_id, to_id))

    def add_alias(self, entity_id: str, alias: str) -> None:
        key = normalise_name(alias)
        if key and (entity_id, key) not in self.added_aliases:
            self.added_aliases[(entity_id, key)] = alias
            self._alias_texts[entity_id].append(alias)
            if entity_id not in self.by_alias[key]:
                self.by_alias[key].append(entity_id)

    # ------------------------------------------------------------------ reading back
    def aliases_of(self, entity_id: str) -> tuple[str, ...]:
        """The alias texts added for ``entity_id``, sorted (as a store lists them)."""
        return tuple(sorted(self._alias_texts.get(entity_id, ())))
