"""The rule and fuzzy stages: the usual variants of a name join it, homonyms stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill import Entity, EntityType
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.store import open_store

P, L, ORG = EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION

STORED = [
    ("Marie Curie", P),
    ("Pierre Curie", P),
    ("Johann Sebastian Bach", P),
    ("New York City", L),
    ("National Aeronautics and Space Administration", ORG),
    ("Acme Inc.", ORG),
    ("Kraków", L),
    ("Paris", L),
    ("Pyotr Ilyich Tchaikovsky", P),
    ("Michael Jordan", P),
    ("Shenzhou 6", ORG),
    ("Gettysburg, Pennsylvania", L),
]


def _resolver(threshold: float | None = 88.0, rules: bool | None = None) -> EntityResolver:
    resolver = EntityResolver(MemoryEntityIndex(), threshold, rules=rules)
    for name, etype in STORED:
        resolver.upsert(Entity(name=name, type=etype))
    return resolver


def _found(resolver: EntityResolver, name: str, etype: EntityType) -> str | None:
    found = resolver.find(Entity(name=name, type=etype))
    return None if found is None else _name_of(found)


def _name_of(entity_id: str) -> str:
    return {Entity(name=n, type=t).id: n for n, t in STORED}[entity_id]


@pytest.mark.parametrize(
    ("name", "etype", "expected"),
    [
        ("M. Curie", P, "Marie Curie"),  # an initial
        ("Marie Skłodowska-Curie", P, "Marie Curie"),  # diacritics, a hyphenated surname
        ("Curie, Marie", P, "Marie Curie"),  # word order
        ("P. Curie", P, "Pierre Curie"),  # the other Curie keeps his own initial
        ("J.S. Bach", P, "Johann Sebastian Bach"),
        ("NYC", L, "New York City"),  # acronyms
        ("NASA", ORG, "National Aeronautics and Space Administration"),
        ("Acme Ltd", ORG, "Acme Inc."),  # legal suffixes
        ("Krakow", L, "Kraków"),
        ("Pyotr Tchaikovsky", P, "Pyotr Ilyich Tchaikovsky"),  # a middle name dropped
        ("Piotr Ilyich Tchaikovsky", P, "Pyotr Ilyich Tchaikovsky"),  # fuzzy, token-blocked
        ("Gettysburg Pennsylvania", L, "Gettysburg, Pennsylvania"),
        # homonyms and near-misses that must stay apart
        ("Paris, Texas", L, None),  # a distinguishing qualifier
        ("Paris (Texas)", L, None),
        ("Paris", P, None),  # a type
        ("Michael B. Jordan", P, None),  # a middle initial the other lacks
        ("Shenzhou 10", ORG, None),  # another number
        ("NYC", P, None),
    ],
)
def test_variants_join_and_homonyms_stay_apart(
    name: str, etype: EntityType, expected: str | None
) -> None:
    assert _found(_resolver(), name, etype) == expected


def test_an_ambiguous_rule_merges_nothing() -> None:
    resolver = _resolver()
    resolver.upsert(Entity(name="Marion Curie", type=P))
    assert resolver.find(Entity(name="M. Curie", type=P)) is None  # Marie or Marion?


def test_rules_run_only_when_asked() -> None:
    assert _found(_resolver(None), "M. Curie", P) is None  # the default stays exact
    assert _found(_resolver(None, rules=True), "M. Curie", P) == "Marie Curie"
    # two full given names are not an initial: only a fuzzy threshold may join them
    assert _found(_resolver(None, rules=True), "Maria Curie", P) is None
    resolver = _resolver(None, rules=True)
    assert _found(resolver, "Piotr Ilyich Tchaikovsky", P) is None  # fuzzy is off
    resolver.find(Entity(name="NYC", type=L))
    assert resolver.stages["rules"] == 1


def test_a_store_resolves_variants_also_for_entities_stored_before(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:  # no threshold: exact only, no variant keys written
        curie, _ = store.upsert_entity(Entity(name="Marie Curie", type=P))
        assert store.resolve_existing(Entity(name="M. Curie", type=P)) is None
    with open_store(path, fuzzy_threshold=90.0) as store:  # the keys are filled in on first use
        assert store.upsert_entity(Entity(name="M. Curie", type=P)) == (curie, False)
        assert store.resolve_existing(Entity(name="Curie, Marie", type=P)) == curie
        nasa, _ = store.upsert_entity(Entity(name="NASA", type=ORG))
        full = Entity(name="National Aeronautics and Space Administration", type=ORG)
        assert store.upsert_entity(full) == (nasa, False)
    with open_store(path, fuzzy_threshold=90.0) as store:
        assert store.resolve_existing(Entity(name="Marie Skłodowska-Curie", type=P)) == curie
