"""Entity resolution over both EntityIndex implementations (dicts, and a store's tables)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from grapheme_distill import Entity, EntityType
from grapheme_distill.resolution import (
    FUZZY_MIN_KEY_LENGTH,
    EntityIndex,
    EntityResolver,
    MemoryEntityIndex,
    Rank,
)
from grapheme_distill.store import SQLiteStore, open_store
from grapheme_distill.store.sqlite.entities import SQLEntityIndex


@pytest.fixture(params=["memory", "sqlite"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EntityIndex]:
    if request.param == "memory":
        yield MemoryEntityIndex()
        return
    store: SQLiteStore = open_store(tmp_path / "r.db")
    with store.transaction():  # the index writes inside the store's transaction
        yield SQLEntityIndex(store, variants=True)
    store.close()


PARIS = Entity(name="Paris", type=EntityType.LOCATION)


def test_a_new_entity_is_added_and_then_found(index: EntityIndex) -> None:
    resolver = EntityResolver(index)
    assert resolver.find(PARIS) is None
    assert resolver.upsert(PARIS) == (PARIS.id, True)
    assert resolver.upsert(PARIS) == (PARIS.id, False)
    assert [c.rank for c in index.exact_candidates(PARIS.id, PARIS.key)] == [
        Rank.SAME_ID,
        Rank.NAME,
    ]


def test_name_then_alias_with_compatible_types_and_a_redirect_after(index: EntityIndex) -> None:
    resolver = EntityResolver(index)
    resolver.upsert(PARIS)
    generic = Entity(name="**paris**")  # CONCEPT: compatible with LOCATION
    assert resolver.upsert(generic) == (PARIS.id, False)
    # the merge left a redirect and made the incoming name an alias
    assert next(iter(index.exact_candidates(generic.id, "zzz"))).rank == Rank.REDIRECT
    person = Entity(name="Paris", type=EntityType.PERSON)  # Paris Hilton is not a city
    assert resolver.find(person) is None
    city = Entity(name="City of Light", type=EntityType.LOCATION, aliases=("Paris",))
    assert resolver.upsert(city) == (city.id, True)  # its own aliases are not looked up
    assert resolver.find(Entity(name="paris")) == PARIS.id  # a name beats an alias


def test_an_alias_finds_its_entity(index: EntityIndex) -> None:
    resolver = EntityResolver(index)
    dna = Entity(name="DNA", aliases=("deoxyribonucleic acid",))
    resolver.upsert(dna)
    assert resolver.find(Entity(name="Deoxyribonucleic Acid")) == dna.id
    assert resolver.find(Entity(name="Deoxyribonucleic Acid", type=EntityType.PERSON)) == dna.id


@pytest.mark.parametrize(("threshold", "merged"), [(None, False), (90.0, True), (99.0, False)])
def test_fuzzy_matching_is_optional_and_bounded(
    index: EntityIndex, threshold: float | None, merged: bool
) -> None:
    resolver = EntityResolver(index, fuzzy_threshold=threshold)
    tower = Entity(name="Eiffel Tower", type=EntityType.LOCATION)
    resolver.upsert(tower)
    typo = Entity(name="Eifel Tower", type=EntityType.LOCATION)
    assert (resolver.find(typo) == tower.id) is merged
    short = Entity(name="Lyon"[: FUZZY_MIN_KEY_LENGTH - 1])
    resolver.upsert(Entity(name="Lyons"))
    assert EntityResolver(index, fuzzy_threshold=50.0).find(short) is None  # too short to guess


def test_memory_index_journals_what_resolution_added() -> None:
    index = MemoryEntityIndex()
    resolver = EntityResolver(index)
    resolver.upsert(PARIS)
    generic = Entity(name="PARIS.", aliases=("Lutetia",))
    resolver.upsert(generic)
    assert [e.id for e in index.added_entities] == [PARIS.id]
    assert index.added_redirects == [(generic.id, PARIS.id)]
    # the merged name is kept as written, with the merged entity's own aliases
    assert index.aliases_of(PARIS.id) == ("Lutetia", "PARIS.")
    assert index.aliases_of(generic.id) == ()
