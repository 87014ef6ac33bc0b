"""Late merges: an alias learned after the facts merges the stored duplicate; unmerge undoes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_records import ent, record

from grapheme_distill import EntityType, LinguisticItem, LinguisticKind
from grapheme_distill.errors import StoreError
from grapheme_distill.store import GraphStore, SQLiteStore, open_store

L = EntityType.LOCATION


def _snapshot(store: SQLiteStore) -> tuple[object, ...]:
    tables = ("entities", "aliases", "entity_redirects", "relations", "linguistic")
    rows = tuple(sorted(map(tuple, store._rows(f"SELECT * FROM {t}"))) for t in tables)
    return (*rows, store.observations())


def test_nyc_facts_read_first_join_new_york_city_and_unmerge_restores_them(tmp_path: Path) -> None:
    store: SQLiteStore = open_store(tmp_path / "m.db")
    nyc, usa, hudson = ent("NYC", L), ent("United States", L), ent("Hudson River")
    city = ent("New York City", L)
    store.add_knowledge(record([(nyc, "located_in", usa, 0.6)], source="a"))
    store.add_knowledge(record([(hudson, "flows_through", nyc, 0.7)], source="b"))
    store.add_knowledge(record([(city, "located_in", usa, 0.5)], source="c"))  # the same fact
    before = _snapshot(store)
    assert len(store.find_entities("NYC")) == 1 and store.merges() == []
    # "New York City (NYC)" is read: NYC becomes an alias, and the stored NYC joins it
    alias = LinguisticItem(entity=city.id, relation=LinguisticKind.ABBREVIATION, value="NYC")
    store.add_knowledge(record([], source="d", extra_entities=(city,), linguistic=(alias,)))
    (merge,) = store.merges()
    assert (merge["from_id"], merge["into_id"], merge["name"]) == (nyc.id, city.id, "NYC")
    assert merge["items"] == 2 and merge["undone_at"] is None
    graph = store.to_knowledge_graph()
    assert nyc.id not in graph.entities
    assert {(r.subject, r.predicate, r.object) for r in graph.relations.values()} == {
        (city.id, "located_in", usa.id),
        (hudson.id, "flows_through", city.id),
    }
    # two sources now say New York City is in the United States: noisy-or of 0.6 and 0.5
    fact = next(r for r in graph.relations.values() if r.predicate == "located_in")
    assert fact.confidence == pytest.approx(0.8) and set(graph.evidence[fact.id]) == {"a", "c"}
    assert store.get_entity(nyc.id) == store.get_entity(city.id)  # the old id redirects
    # facts naming NYC later land on New York City
    assert store.resolve_existing(nyc) == city.id
    # unmerge puts everything back as it was, and the log says so
    assert store.unmerge(merge["id"])["id"] == merge["id"]
    store.delete_items([li.id for li in store.to_knowledge_graph().linguistic.values()])
    store._conn.execute("DELETE FROM aliases WHERE key = 'nyc'")
    assert _snapshot(store) == before  # (less what record d itself taught: its alias item)
    assert store.merges()[0]["undone_at"] is not None
    with pytest.raises(StoreError, match="was undone"):
        store.unmerge(merge["id"])
    with pytest.raises(StoreError, match="no merge 9"):
        store.unmerge(9)
    store.close()


def test_merge_entities_by_hand_and_types_are_respected(tmp_path: Path) -> None:
    store: SQLiteStore = open_store(tmp_path / "h.db")
    paris, hilton = ent("Paris", L), ent("Paris", EntityType.PERSON)
    store.add_knowledge(record([(hilton, "born_in", ent("New York"), 0.9)], source="a"))
    city = ent("City of Light", L)
    alias = LinguisticItem(entity=city.id, relation=LinguisticKind.ALIAS, value="Paris")
    store.add_knowledge(record([(paris, "capital_of", ent("France", L), 0.9)], source="b"))
    store.add_knowledge(record([], source="c", extra_entities=(city,), linguistic=(alias,)))
    (merge,) = store.merges()  # the city merged, the person did not
    assert merge["from_id"] == paris.id and store.get_entity(hilton.id) is not None
    second = store.merge_entities(hilton.id, ent("New York").id, reason="by hand")
    with pytest.raises(StoreError, match="is already"):
        store.merge_entities(paris.id, city.id)  # the old id redirects to the city
    later = store.merge_entities(ent("France", L).id, city.id)
    with pytest.raises(StoreError, match=f"followed by merges {later} of the same entities"):
        store.unmerge(merge["id"])
    store.unmerge(later)
    store.unmerge(merge["id"])
    restored = store.get_entity(paris.id)
    assert restored is not None and (restored.id, restored.name) == (paris.id, "Paris")
    assert getattr(store.get_entity(hilton.id), "name", None) == "New York"  # still merged
    assert store.unmerge(second)["reason"] == "by hand"
    assert getattr(store.get_entity(hilton.id), "type", None) == EntityType.PERSON
    assert [m["undone_at"] is not None for m in store.merges()] == [True, True, True]
    store.close()


def test_both_stores_merge_late_and_unmerge_to_the_same_graph(store: GraphStore) -> None:
    nyc, usa, city = ent("NYC", L), ent("United States", L), ent("New York City", L)
    store.add_knowledge(record([(nyc, "located_in", usa, 0.6)], source="a"))
    store.add_knowledge(record([(city, "located_in", usa, 0.5)], source="b"))
    before = store.to_knowledge_graph()
    named = ent("New York City", L, aliases=("NYC",))  # "New York City (NYC)"
    store.add_knowledge(record([(named, "part_of", ent("New York State", L), 0.9)], source="c"))
    (merge,) = store.merges()
    assert merge["from_id"] == nyc.id and merge["items"] == 1
    merged = store.to_knowledge_graph()
    assert nyc.id not in merged.entities and len(merged.relations) == 2
    store.unmerge(merge["id"])
    after = store.to_knowledge_graph()
    assert after.entities[nyc.id] == before.entities[nyc.id]
    assert {k: v for k, v in after.relations.items() if v.predicate == "located_in"} == (
        before.relations
    )
    assert after.evidence.items() >= before.evidence.items()
