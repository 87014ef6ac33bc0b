"""The SQLite store: idempotent ingestion, noisy-or confidence, contradictions, resolution."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grapheme_distill import (
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    KnowledgeGraph,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Provenance,
    Relation,
    SoftTarget,
    StoreError,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    noisy_or,
)
from grapheme_distill.store import GraphStore, SQLiteStore, open_store
from grapheme_distill.store.sqlite import exchange_key


def ent(name: str, etype: EntityType = EntityType.CONCEPT, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(name=name, type=etype, aliases=aliases)


def record(
    triples: list[tuple[Entity, str, Entity, float]],
    *,
    source: str,
    extractor: str = "rules@1",
    negated: bool = False,
    extra_entities: tuple[Entity, ...] = (),
    linguistic: tuple[LinguisticItem, ...] = (),
) -> DistilledKnowledge:
    rels = tuple(
        Relation(subject=s.id, predicate=p, object=o.id, confidence=c, negated=negated, span=(0, 5))
        for s, p, o, c in triples
    )
    ents = {e.id: e for s, _, o, _ in triples for e in (s, o)}
    ents.update({e.id: e for e in extra_entities})
    return DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt=f"prompt {source}",
        response=f"answer {source} {negated}",
        entities=tuple(ents.values()),
        relations=rels,
        linguistic=linguistic,
        confidence=Confidence(value=0.9),
        provenance=Provenance(extractor=extractor, call_hash=source),
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = open_store(tmp_path / "g.db")
    yield s
    s.close()


PARIS, FRANCE = ent("Paris", EntityType.LOCATION), ent("France", EntityType.LOCATION)


def test_store_satisfies_protocol(store: SQLiteStore) -> None:
    assert isinstance(store, GraphStore)


def test_ingesting_twice_adds_no_observation(store: SQLiteStore) -> None:
    k = record([(PARIS, "capital_of", FRANCE, 0.8)], source="call-1")
    assert store.add_knowledge(k) == 1
    first = store.stats()
    assert store.add_knowledge(k) == 0
    assert store.stats() == first
    assert first.observations == 1 and first.relations == 1 and first.entities == 2


@pytest.mark.parametrize(
    ("observations", "expected"),
    [
        ([("a", "x@1", 0.8), ("b", "x@1", 0.5)], 1 - 0.2 * 0.5),  # two sources: noisy-or
        ([("a", "x@1", 0.8), ("a", "y@1", 0.6)], 0.8),  # one source, two extractors: the best
        ([("a", "x@1", 0.6), ("a", "y@1", 0.9), ("b", "x@1", 0.5)], 1 - 0.1 * 0.5),
    ],
)
@pytest.mark.parametrize("sql_math", [True, False], ids=["in-sql", "in-python"])
def test_confidence_is_noisy_or_over_sources(
    store: SQLiteStore, observations: list[tuple[str, str, float]], expected: float, sql_math: bool
) -> None:
    store._sql_math = sql_math  # both recomputation paths must agree
    for source, extractor, conf in observations:
        store.add_knowledge(record([(PARIS, "capital_of", FRANCE, conf)], source=source, extractor=extractor))
    (rel,) = store.to_knowledge_graph().relations.values()
    assert rel.confidence == pytest.approx(expected)
    assert store.stats().observations == len(observations)
    assert store.recompute_confidence() == 0  # what ingestion stored is what the evidence gives


def test_one_batch_with_repeats_gives_noisy_or(store: SQLiteStore) -> None:
    batch = [record([(PARIS, "capital_of", FRANCE, c)], source=s)
             for s, c in [("a", 0.5), ("b", 0.5), ("a", 0.7), ("c", 0.2)]]
    assert store.add_knowledge_many(batch) == 3
    (rel,) = store.to_knowledge_graph().relations.values()
    assert rel.confidence == pytest.approx(noisy_or([0.5, 0.5, 0.2]))  # a's first answer stays
    assert store.recompute_confidence() == 0


def test_recompute_confidence_restores_values_from_evidence(store: SQLiteStore, tmp_path: Path) -> None:
    graph = KnowledgeGraph()
    for i, conf in enumerate([0.5, 0.7, 0.9]):
        k = record([(PARIS, "capital_of", FRANCE, conf), (PARIS, "located_in", ent("Europe"), 0.6)],
                   source=f"call-{i}")
        store.add_knowledge(k)
        graph.add_knowledge(k)
    stored = {r.id: r.confidence for r in store.to_knowledge_graph().relations.values()}
    assert stored == pytest.approx({r.id: r.confidence for r in graph.relations.values()})
    assert stored[next(iter(stored))] in (pytest.approx(noisy_or([0.5, 0.7, 0.9])), pytest.approx(noisy_or([0.6] * 3)))
    # damage the stored values behind the store's back, then rebuild them from the observations
    conn = sqlite3.connect(tmp_path / "g.db")
    conn.execute("UPDATE relations SET confidence = 0.01")
    conn.commit()
    conn.close()
    assert store.recompute_confidence() == 2
    assert {r.id: r.confidence for r in store.to_knowledge_graph().relations.values()} == pytest.approx(stored)
    assert store.recompute_confidence() == 0


def test_asserted_and_negated_are_both_kept_and_reported(store: SQLiteStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.7)], source="b", negated=True))
    assert store.stats().relations == 2
    assert store.stats().contradictions == 1
    ((asserted, negated),) = store.contradictions()
    assert not asserted.negated and negated.negated
    assert asserted.triple_key == negated.triple_key
    assert (asserted.confidence, negated.confidence) == pytest.approx((0.9, 0.7))


def test_same_name_compatible_type_resolves_to_one_entity(store: SQLiteStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    generic_paris = ent("**paris**", EntityType.CONCEPT)  # different id, same key
    assert generic_paris.id != PARIS.id
    store.add_knowledge(record([(generic_paris, "located_in", ent("Europe"), 0.9)], source="b"))
    stats = store.stats()
    assert stats.entities == 3  # Paris, France, Europe
    (found,) = store.find_entities("PARIS")
    assert found.id == PARIS.id
    assert len(store.neighbourhood(generic_paris.id).relations) == 2  # redirect followed


def test_same_name_conflicting_specific_types_stay_apart(store: SQLiteStore) -> None:
    person = ent("Washington", EntityType.PERSON)
    place = ent("Washington", EntityType.LOCATION)
    store.add_knowledge(record([(person, "born_in", ent("Virginia"), 0.9)], source="a"))
    store.add_knowledge(record([(place, "located_in", ent("USA"), 0.9)], source="b"))
    assert len(store.find_entities("washington")) == 2


def test_alias_resolution_and_linguistic_aliases(store: SQLiteStore) -> None:
    dna = ent("DNA", aliases=("blueprint of life",))
    acid = ent("Deoxyribonucleic acid")
    abbrev = LinguisticItem(entity=acid.id, relation=LinguisticKind.ABBREVIATION, value="D.N.A")
    store.add_knowledge(record([(dna, "part_of", ent("chromosome"), 0.9)], source="a",
                               extra_entities=(acid,), linguistic=(abbrev,)))
    later = ent("Blueprint of Life")
    store.add_knowledge(record([(later, "is_a", ent("molecule"), 0.9)], source="b"))
    (found,) = store.find_entities("blueprint of life")
    assert found.id == dna.id
    assert len(store.neighbourhood(dna.id).relations) == 2
    assert [e.id for e in store.find_entities("d.n.a")] == [acid.id]


@pytest.mark.parametrize(("threshold", "entities"), [(None, 3), (90.0, 2)])
def test_fuzzy_resolution_is_optional(tmp_path: Path, threshold: float | None, entities: int) -> None:
    store = open_store(tmp_path / "f.db", fuzzy_threshold=threshold)
    store.add_knowledge(record([(ent("Eiffel Tower"), "located_in", PARIS, 0.9)], source="a"))
    store.add_knowledge(record([(ent("Eifel Tower"), "located_in", PARIS, 0.9)], source="b"))
    assert store.stats().entities == entities
    store.close()


def test_failed_transaction_keeps_nothing(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
        raise RuntimeError("boom")
    assert store.stats().observations == 0 and store.stats().entities == 0
    # the entity cache was reset with the rollback: the same knowledge can be stored afterwards
    assert store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a")) == 1
    assert store.stats().entities == 2


def test_nested_transaction_failure_undoes_only_inner(store: SQLiteStore) -> None:
    with store.transaction():
        store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
        with pytest.raises(ValueError), store.transaction():
            store.add_knowledge(record([(PARIS, "located_in", ent("Europe"), 0.9)], source="b"))
            raise ValueError
    assert store.stats().relations == 1


def test_calls_round_trip_and_first_answer_wins(store: SQLiteStore) -> None:
    req = TeacherRequest(prompt="What is Paris?", model="m", logprobs=True, top_logprobs=2)
    lp = (TokenLogprob(token="Paris", logprob=-0.1, top_logprobs=(TopLogprob(token="Paris", logprob=-0.1),)),)
    resp = TeacherResponse(text="Paris is a city.", model="m", logprobs=lp, latency_s=0.5)
    h = store.record_call(req, resp, prompt_template="t", prompt_template_hash="sha256:t")
    assert h == req.content_hash()
    store.record_call(req, resp.model_copy(update={"text": "other"}))
    got_req, got_resp = store.get_call(h)  # type: ignore[misc]
    assert got_req == req
    assert got_resp.text == "Paris is a city." and got_resp.logprobs == lp
    assert store.get_call("sha256:none") is None
    assert store.stats().teacher_calls == 1
    assert store.usage_totals()["calls"] == 1


def test_sampled_request_keeps_every_distinct_answer(store: SQLiteStore) -> None:
    """At temperature > 0 each distinct answer is its own call (independent evidence); the same
    answer again is the same call; a lookup by the request's hash serves the first answer."""
    req = TeacherRequest(prompt="Name a French city.", model="m", temperature=0.9)
    first = store.record_call(req, TeacherResponse(text="Lyon.", model="m"))
    second = store.record_call(req, TeacherResponse(text="Nice.", model="m"))
    assert len({first, second, req.content_hash()}) == 3
    assert store.record_call(req, TeacherResponse(text="Lyon.", model="m", latency_s=9.0)) == first
    assert first == exchange_key(req, TeacherResponse(text="Lyon."))  # the answer's text decides
    assert store.stats().teacher_calls == 2
    by_request = store.get_call(req.content_hash())
    assert by_request is not None and by_request[1].text == "Lyon."
    assert by_request[1].request_hash == req.content_hash()
    assert [resp.text for _, resp in store.iter_calls()] == ["Lyon.", "Nice."]


def test_soft_targets_round_trip(store: SQLiteStore) -> None:
    t = SoftTarget.from_top_logprobs("The capital is", {"Paris": -0.1, "Lyon": -2.5}).model_copy(
        update={"metadata": {"position": 3}})
    assert store.add_soft_target(t, call_hash="c1")
    assert not store.add_soft_target(t, call_hash="c1")
    assert list(store.iter_soft_targets("c1")) == [t]
    assert store.stats().soft_targets == 1


def test_neighbourhood_carries_evidence_and_far_ends(store: SQLiteStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.8)], source="a"))
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.5)], source="b"))
    store.add_knowledge(record([(ent("Berlin"), "capital_of", ent("Germany"), 0.9)], source="c"))
    hood = store.neighbourhood(PARIS.id)
    assert set(hood.entities) == {PARIS.id, FRANCE.id}
    (rel,) = hood.relations.values()
    assert set(hood.evidence[rel.id]) == {"a", "b"}
    assert rel.confidence == pytest.approx(0.9)


def test_store_survives_reopen(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.db")
    s.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.8)], source="a"))
    run = s.begin_run("distill", {"x": 1})
    s.record_failure(run, "file:3", "no knowledge found")
    s.finish_run(run, {"ok": True})
    s.close()
    s = open_store(tmp_path / "p.db")
    assert s.stats().observations == 1
    assert s.failures(run)[0]["reason"] == "no knowledge found"
    assert s.runs()[0]["summary"] == {"ok": True}
    s.close()


def test_open_refuses_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "g.db")


def test_bulk_resolution_matches_entity_by_entity(tmp_path: Path) -> None:
    """The batched resolver must give exactly what upsert_entity gives one entity at a time."""
    import random

    rng = random.Random(3)
    names = ["Paris", "paris", "PARIS.", "Washington", "Mercury", "Amazon", "The Amazon", "EU"]
    types = [EntityType.LOCATION, EntityType.PERSON, EntityType.CONCEPT, EntityType.OTHER,
             EntityType.ORGANIZATION]

    def random_entity() -> Entity:
        aliases = (rng.choice(names + ["European Union", "Quicksilver"]),) if rng.random() < 0.3 else ()
        return ent(rng.choice(names), rng.choice(types), aliases)

    records = [record([(random_entity(), rng.choice(["is_a", "part_of"]), random_entity(), 0.9)],
                      source=f"s{i}") for i in range(60)]
    bulk, single = open_store(tmp_path / "bulk.db"), open_store(tmp_path / "single.db")
    bulk.add_knowledge_many(records)
    for k in records:
        for e in k.entities:
            single.upsert_entity(e)
        single.add_knowledge(k)
    assert bulk.stats() == single.stats()
    assert bulk.to_knowledge_graph() == single.to_knowledge_graph()
    for name in names:
        assert [e.id for e in bulk.find_entities(name)] == [e.id for e in single.find_entities(name)]


@given(
    obs=st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["a", "b", "c", "d"]),
                  st.sampled_from([0.3, 0.55, 0.8, 1.0]), st.booleans()),
        min_size=1, max_size=25,
    )
)
@settings(max_examples=30, deadline=None)
def test_store_graph_equals_in_memory_graph(obs: list[tuple[int, int, str, float, bool]]) -> None:
    """Whatever the order and repeats, the store keeps what KnowledgeGraph keeps (first answer of a
    source per record, noisy-or over sources) and recomputation changes nothing."""
    cities = [ent(f"City {i}", EntityType.LOCATION) for i in range(6)]
    records = [record([(cities[s], "near", cities[o], c)], source=src, negated=neg)
               for s, o, src, c, neg in obs]
    store = SQLiteStore(":memory:")
    store.add_knowledge_many(records[: len(records) // 2])
    for k in records[len(records) // 2 :]:
        store.add_knowledge(k)
    graph = KnowledgeGraph()
    first: set[tuple[str, str]] = set()
    for k in records:  # the store keeps the first observation of (item, source, extractor)
        for item in k.items():
            if (item.id, k.provenance.call_hash or "") not in first:
                first.add((item.id, k.provenance.call_hash or ""))
                graph.add_item(item, source=k.provenance.call_hash, extractor=k.provenance.extractor)
    stored = store.to_knowledge_graph()
    assert {i.id: i.confidence for i in stored.iter_items()} == pytest.approx(
        {i.id: i.confidence for i in graph.iter_items()})
    assert store.stats().contradictions == len(graph.contradictions())
    assert store.recompute_confidence() == 0
