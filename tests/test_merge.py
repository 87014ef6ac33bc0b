"""Merging with ADD_ALL, LINK_EXISTING and REPLACE, in memory and into stores; counts checked
against the resulting graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill import (
    Attribute,
    Entity,
    EntityType,
    InputError,
    KnowledgeGraph,
    Relation,
)
from grapheme_distill.merge import GraphKnowledgeApplier, MergeStrategy, load_graph, merge_into
from grapheme_distill.store import GraphStore, MemoryStore, open_store

PARIS = Entity(name="Paris", type=EntityType.LOCATION)
FRANCE = Entity(name="France", type=EntityType.LOCATION)
EUROPE = Entity(name="Europe", type=EntityType.LOCATION)
PARIS_GENERIC = Entity(name="paris")  # CONCEPT: resolves to PARIS by name
SEINE, BERLIN, GERMANY = Entity(name="Seine"), Entity(name="Berlin"), Entity(name="Germany")


def graph(entities: list[Entity], items: list[Relation | Attribute], source: str) -> KnowledgeGraph:
    g = KnowledgeGraph()
    for e in entities:
        g.add_entity(e)
    for i in items:
        g.add_item(i, source=source, extractor="rules@1")
    return g


def target_graph() -> KnowledgeGraph:
    return graph(
        [PARIS, FRANCE, EUROPE],
        [
            Relation(subject=PARIS.id, predicate="capital_of", object=FRANCE.id, confidence=0.8),
            Relation(subject=FRANCE.id, predicate="located_in", object=EUROPE.id, confidence=0.9),
            Attribute(entity=PARIS.id, name="population", value="2.1 million", confidence=0.9),
        ],
        "a",
    )


def incoming_graph() -> KnowledgeGraph:
    return graph(
        [PARIS_GENERIC, FRANCE, SEINE, BERLIN, GERMANY],
        [
            Relation(
                subject=SEINE.id, predicate="flows_through", object=PARIS_GENERIC.id, confidence=0.9
            ),
            Relation(subject=BERLIN.id, predicate="capital_of", object=GERMANY.id, confidence=0.9),
            Relation(
                subject=PARIS_GENERIC.id, predicate="capital_of", object=FRANCE.id, confidence=0.5
            ),
            Attribute(
                entity=PARIS_GENERIC.id, name="population", value="2.2 million", confidence=0.9
            ),
        ],
        "b",
    )


def n_items(g: KnowledgeGraph) -> int:
    return sum(1 for _ in g.iter_items())


EXPECTED = {
    # strategy: (nodes_added, nodes_merged, edges_added, edges_skipped, edges_replaced)
    MergeStrategy.ADD_ALL: (3, 2, 3, 0, 0),
    MergeStrategy.LINK_EXISTING: (1, 2, 2, 1, 0),
    MergeStrategy.REPLACE: (3, 2, 4, 0, 3),
}


def store_target(tmp_path: Path, kind: str = "store") -> GraphStore:
    """The target graph in a SQLite store (``store``) or a MemoryStore (``memory-store``)."""
    store: GraphStore = open_store(tmp_path / "t.db") if kind == "store" else MemoryStore()
    GraphKnowledgeApplier(MergeStrategy.ADD_ALL).apply(target_graph(), store)
    return store


def test_store_import_reproduces_the_graph(tmp_path: Path) -> None:
    store = store_target(tmp_path)
    got, want = store.to_knowledge_graph(), target_graph()
    assert got.entities == want.entities
    assert {i.id: i.confidence for i in got.iter_items()} == {
        i.id: i.confidence for i in want.iter_items()
    }
    assert got.evidence.keys() == want.evidence.keys()


@pytest.mark.parametrize("strategy", list(MergeStrategy))
@pytest.mark.parametrize("kind", ["memory", "store", "memory-store"])
def test_counts_match_resulting_graph(tmp_path: Path, strategy: MergeStrategy, kind: str) -> None:
    if kind == "memory":
        target: KnowledgeGraph | GraphStore = target_graph()
        before = target_graph()
    else:
        target = store_target(tmp_path, kind)
        before = target.to_knowledge_graph()
    result = GraphKnowledgeApplier(strategy).apply(incoming_graph(), target)
    after = target if isinstance(target, KnowledgeGraph) else target.to_knowledge_graph()
    counts = (
        result.nodes_added,
        result.nodes_merged,
        result.edges_added,
        result.edges_skipped,
        result.edges_replaced,
    )
    assert counts == EXPECTED[strategy]
    assert len(after.entities) - len(before.entities) == result.nodes_added
    assert n_items(after) == n_items(before) - result.edges_replaced + result.edges_added
    assert len(after.find_entities("paris")) == 1  # merged, not duplicated
    names = {e.name for e in after.entities.values()}
    assert ("Berlin" in names) is (strategy is not MergeStrategy.LINK_EXISTING)
    capital = Relation(subject=PARIS.id, predicate="capital_of", object=FRANCE.id)
    population_old = Attribute(entity=PARIS.id, name="population", value="2.1 million")
    if strategy is MergeStrategy.REPLACE:
        assert population_old.id not in after.attributes
        assert after.relations[capital.id].confidence == pytest.approx(0.5)  # old evidence gone
    else:
        assert population_old.id in after.attributes
        assert after.relations[capital.id].confidence == pytest.approx(1 - 0.2 * 0.5)  # noisy-or


@pytest.mark.parametrize("strategy", list(MergeStrategy))
def test_memory_and_store_targets_agree(tmp_path: Path, strategy: MergeStrategy) -> None:
    memory = target_graph()
    GraphKnowledgeApplier(strategy).apply(incoming_graph(), memory)
    store = store_target(tmp_path)
    GraphKnowledgeApplier(strategy).apply(incoming_graph(), store)
    stored = store.to_knowledge_graph()
    assert set(stored.entities) == set(memory.entities)
    assert {i.id: i.confidence for i in stored.iter_items()} == pytest.approx(
        {i.id: i.confidence for i in memory.iter_items()}
    )
    in_memory_store = store_target(tmp_path, "memory-store")
    GraphKnowledgeApplier(strategy).apply(incoming_graph(), in_memory_store)
    assert in_memory_store.to_knowledge_graph() == stored  # both stores: the same graph
    assert in_memory_store.stats() == store.stats()


def test_merging_twice_adds_nothing(tmp_path: Path) -> None:
    store = store_target(tmp_path)
    merge_into(incoming_graph(), store, "add_all")
    again = merge_into(incoming_graph(), store, "add_all")
    assert (again.nodes_added, again.edges_added, again.observations_added) == (0, 0, 0)


def test_merge_from_store_file_and_json_export(tmp_path: Path) -> None:
    src = open_store(tmp_path / "src.db")
    GraphKnowledgeApplier().apply(incoming_graph(), src)
    src.close()
    export = tmp_path / "g.json"
    export.write_text(json.dumps(incoming_graph().to_dict()))
    for source in (tmp_path / "src.db", export):
        target = target_graph()
        result = merge_into(source, target, MergeStrategy.ADD_ALL)
        assert (result.nodes_added, result.edges_added) == (3, 3)


@pytest.mark.parametrize("content", ["not json", '{"x": 1}'])
def test_bad_merge_source_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError):
        load_graph(path)


def test_unknown_strategy() -> None:
    with pytest.raises(InputError, match="add_all, link_existing, replace"):
        GraphKnowledgeApplier("everything")


def test_memory_target_resolves_by_the_stores_rule(tmp_path: Path) -> None:
    """A name beats an alias, and an incoming entity's own aliases are not looked up — in memory
    as in a store (the in-memory merge used to take the smallest id among names and aliases, and
    to match incoming aliases, so the two targets could disagree)."""
    eu = Entity(name="EU")
    union = Entity(name="Union of Europe", aliases=("EU",))
    assert union.id < eu.id  # the smaller id is the alias holder: the old rule picked it
    first = graph(
        [eu, FRANCE],
        [Relation(subject=FRANCE.id, predicate="member_of", object=eu.id, confidence=0.9)],
        "a",
    )
    second = graph([union], [], "a")
    eu_org = Entity(name="eu", type=EntityType.ORGANIZATION)
    bloc = Entity(name="Brussels bloc", aliases=("EU",))
    incoming = graph(
        [eu_org, bloc, BERLIN],
        [
            Relation(subject=BERLIN.id, predicate="seat_of", object=eu_org.id, confidence=0.8),
            Relation(subject=bloc.id, predicate="based_in", object=BERLIN.id, confidence=0.7),
        ],
        "b",
    )
    memory, store = KnowledgeGraph(), open_store(tmp_path / "t.db")
    for target in (memory, store):
        for g in (first, second, incoming):
            GraphKnowledgeApplier().apply(g, target)
    stored = store.to_knowledge_graph()
    # "Union of Europe (EU)" arrives after the facts about EU: the entity named EU joins it
    # (a late merge, in memory as in the store), so the later "eu" resolves to it by its alias
    assert set(memory.entities) == set(stored.entities) == {union.id, FRANCE.id, bloc.id, BERLIN.id}
    assert {i.id for i in memory.iter_items()} == {i.id for i in stored.iter_items()}
    # two entities hold the alias EU when "eu" arrives (the union, and the bloc upserted just
    # before it): both targets resolve at upsert time, and the smaller id wins in both
    holder = min(union.id, bloc.id)
    seat = Relation(subject=BERLIN.id, predicate="seat_of", object=holder)
    assert seat.id in memory.relations and seat.id in stored.relations
    member = Relation(subject=FRANCE.id, predicate="member_of", object=union.id)
    assert member.id in memory.relations and member.id in stored.relations


@pytest.mark.parametrize("kind", ["memory", "store"])
def test_each_observation_keeps_its_own_span(tmp_path: Path, kind: str) -> None:
    """Two answers quoting one fact at different places stay two spans after a merge (the
    merge used to give every observation the item's first span)."""
    fact = Relation(subject=SEINE.id, predicate="flows_through", object=PARIS.id, confidence=0.7)
    incoming = KnowledgeGraph()
    for e in (SEINE, PARIS):
        incoming.add_entity(e)
    incoming.add_item(fact.model_copy(update={"span": (0, 20)}), source="a", extractor="x@1")
    incoming.add_item(fact.model_copy(update={"span": (40, 65)}), source="b", extractor="x@1")
    if kind == "memory":
        target: KnowledgeGraph | GraphStore = KnowledgeGraph()
        merge_into(incoming, target)
        result = target
    else:
        store = open_store(tmp_path / "t.db")
        target = store
        merge_into(incoming, store)
        result = store.to_knowledge_graph()
        store.close()
    spans = {ev.source: ev.span for ev in result.evidence[fact.id].values()}
    assert spans == {"a": (0, 20), "b": (40, 65)}
