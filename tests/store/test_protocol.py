"""The GraphStore protocol, run against every implementation (SQLite and in memory).

What one store does here, the other must do too: record and serve calls, resolve entities, keep
evidence idempotently, aggregate confidence by noisy-or over sources, keep soft targets, runs and
failures, read neighbourhoods — and give the same graph for the same input.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from knowledge_records import FRANCE, PARIS, STORE_KINDS, ent, make_store, record

from grapheme_distill import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeGraph,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Provenance,
    SoftTarget,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    noisy_or,
)
from grapheme_distill.model.hashing import exchange_key
from grapheme_distill.store import (
    CallLog,
    GraphReader,
    GraphStore,
    KnowledgeWriter,
    MemoryStore,
    RunLog,
    SoftTargetLog,
    SQLiteStore,
)


def test_store_satisfies_protocol_and_every_slice(store: GraphStore) -> None:
    for proto in (GraphStore, CallLog, KnowledgeWriter, SoftTargetLog, RunLog, GraphReader):
        assert isinstance(store, proto), proto.__name__
    assert not isinstance(object(), GraphStore)


def test_ingesting_twice_adds_no_observation(store: GraphStore) -> None:
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
def test_confidence_is_noisy_or_over_sources(
    store: GraphStore, observations: list[tuple[str, str, float]], expected: float
) -> None:
    for source, extractor, conf in observations:
        store.add_knowledge(
            record([(PARIS, "capital_of", FRANCE, conf)], source=source, extractor=extractor)
        )
    (rel,) = store.to_knowledge_graph().relations.values()
    assert rel.confidence == pytest.approx(expected)
    assert store.stats().observations == len(observations)
    assert store.recompute_confidence() == 0  # what ingestion stored is what the evidence gives


def test_one_batch_with_repeats_gives_noisy_or(store: GraphStore) -> None:
    batch = [
        record([(PARIS, "capital_of", FRANCE, c)], source=s)
        for s, c in [("a", 0.5), ("b", 0.5), ("a", 0.7), ("c", 0.2)]
    ]
    assert store.add_knowledge_many(batch) == 3
    (rel,) = store.to_knowledge_graph().relations.values()
    assert rel.confidence == pytest.approx(noisy_or([0.5, 0.5, 0.2]))  # a's first answer stays
    assert store.recompute_confidence() == 0


def test_asserted_and_negated_are_both_kept_and_reported(store: GraphStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.7)], source="b", negated=True))
    assert store.stats().relations == 2
    assert store.stats().contradictions == 1
    ((asserted, negated),) = store.contradictions()
    assert not asserted.negated and negated.negated
    assert asserted.triple_key == negated.triple_key
    assert (asserted.confidence, negated.confidence) == pytest.approx((0.9, 0.7))


def test_same_name_compatible_type_resolves_to_one_entity(store: GraphStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    generic_paris = ent("**paris**", EntityType.CONCEPT)  # different id, same key
    assert generic_paris.id != PARIS.id
    store.add_knowledge(record([(generic_paris, "located_in", ent("Europe"), 0.9)], source="b"))
    stats = store.stats()
    assert stats.entities == 3  # Paris, France, Europe
    (found,) = store.find_entities("PARIS")
    assert found.id == PARIS.id
    assert len(store.neighbourhood(generic_paris.id).relations) == 2  # redirect followed
    assert store.get_entity(generic_paris.id) == found
    assert store.resolve_existing(generic_paris) == PARIS.id


def test_same_name_conflicting_specific_types_stay_apart(store: GraphStore) -> None:
    person = ent("Washington", EntityType.PERSON)
    place = ent("Washington", EntityType.LOCATION)
    store.add_knowledge(record([(person, "born_in", ent("Virginia"), 0.9)], source="a"))
    store.add_knowledge(record([(place, "located_in", ent("USA"), 0.9)], source="b"))
    assert len(store.find_entities("washington")) == 2


def test_alias_resolution_and_linguistic_aliases(store: GraphStore) -> None:
    dna = ent("DNA", aliases=("blueprint of life",))
    acid = ent("Deoxyribonucleic acid")
    abbrev = LinguisticItem(entity=acid.id, relation=LinguisticKind.ABBREVIATION, value="D.N.A")
    store.add_knowledge(
        record(
            [(dna, "part_of", ent("chromosome"), 0.9)],
            source="a",
            extra_entities=(acid,),
            linguistic=(abbrev,),
        )
    )
    later = ent("Blueprint of Life")
    store.add_knowledge(record([(later, "is_a", ent("molecule"), 0.9)], source="b"))
    (found,) = store.find_entities("blueprint of life")
    assert found.id == dna.id
    assert len(store.neighbourhood(dna.id).relations) == 2
    assert [e.id for e in store.find_entities("d.n.a")] == [acid.id]


def test_entity_name_is_the_first_found_entity(store: GraphStore) -> None:
    """``entity_name`` (the crawl's one-query lookup) answers what ``find_entities`` ranks first:
    by normalised name, id, alias and redirect, and the best connected of homonyms."""
    person = ent("Washington", EntityType.PERSON)
    place = ent("Washington", EntityType.LOCATION)
    dna = ent("DNA", aliases=("blueprint of life",))
    store.add_knowledge(record([(person, "born_in", ent("Virginia"), 0.9)], source="a"))
    store.add_knowledge(record([(place, "located_in", ent("USA"), 0.9)], source="b"))
    store.add_knowledge(record([(place, "part_of", ent("Americas"), 0.9)], source="c"))
    store.add_knowledge(record([(dna, "part_of", ent("chromosome"), 0.9)], source="d"))
    generic = ent("**dna**", EntityType.CONCEPT)  # redirected to DNA
    store.add_knowledge(record([(generic, "is_a", ent("molecule"), 0.9)], source="e"))
    names = ["washington", "WASHINGTON", "Blueprint of Life", "dna", generic.id, dna.id, "Mars"]
    for name in names:
        found = store.find_entities(name)
        assert store.entity_name(name) == (found[0].name if found else None), name
    assert store.entity_name("washington") == "Washington"
    assert store.find_entities("washington")[0].id == place.id  # two facts: ranked first
    assert store.entity_name("Mars") is None


@pytest.mark.parametrize(("threshold", "entities"), [(None, 3), (90.0, 2)])
def test_fuzzy_resolution_is_optional(
    tmp_path: Path, store_kind: str, threshold: float | None, entities: int
) -> None:
    store = make_store(store_kind, tmp_path, fuzzy_threshold=threshold)
    store.add_knowledge(record([(ent("Eiffel Tower"), "located_in", PARIS, 0.9)], source="a"))
    store.add_knowledge(record([(ent("Eifel Tower"), "located_in", PARIS, 0.9)], source="b"))
    assert store.stats().entities == entities
    store.close()


def test_failed_transaction_keeps_nothing(store: GraphStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
        raise RuntimeError("boom")
    assert store.stats().observations == 0 and store.stats().entities == 0
    # resolutions were forgotten with the rollback: the same knowledge can be stored afterwards
    assert store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a")) == 1
    assert store.stats().entities == 2


def test_nested_transaction_failure_undoes_only_inner(store: GraphStore) -> None:
    with store.transaction():
        store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
        with pytest.raises(ValueError), store.transaction():
            store.add_knowledge(record([(PARIS, "located_in", ent("Europe"), 0.9)], source="b"))
            raise ValueError
    assert store.stats().relations == 1


def test_calls_round_trip_and_first_answer_wins(store: GraphStore) -> None:
    req = TeacherRequest(prompt="What is Paris?", model="m", logprobs=True, top_logprobs=2)
    lp = (
        TokenLogprob(
            token="Paris", logprob=-0.1, top_logprobs=(TopLogprob(token="Paris", logprob=-0.1),)
        ),
    )
    resp = TeacherResponse(text="Paris is a city.", model="m", logprobs=lp, latency_s=0.5)
    h = store.record_call(
        req, resp, prompt_template="t", prompt_template_hash="sha256:t", source="chat.jsonl:3"
    )
    assert h == req.content_hash() == store.call_key(req, resp)
    store.record_call(req, resp.model_copy(update={"text": "other"}))
    got = store.get_call(h)
    assert got is not None
    assert got[0] == req
    assert got[1].text == "Paris is a city." and got[1].logprobs == lp
    assert store.get_call("sha256:none") is None
    assert store.has_call(h) and not store.has_call("sha256:none")
    assert store.stats().teacher_calls == 1
    assert store.usage_totals()["calls"] == 1
    assert store.call_sources([h, "sha256:none"]) == {h: "chat.jsonl:3"}
    assert not store.is_processed(h, "rules@1")
    store.mark_processed(h, "rules@1")
    assert store.is_processed(h, "rules@1") and not store.is_processed(h, "spacy@1")


def test_sampled_request_keeps_every_distinct_answer(store: GraphStore) -> None:
    """At temperature > 0 each distinct answer is its own call (independent evidence); the same
    answer again is the same call; a lookup by the request's hash serves the first answer."""
    req = TeacherRequest(prompt="Name a French city.", model="m", temperature=0.9)
    first = store.record_call(req, TeacherResponse(text="Lyon.", model="m"))
    second = store.record_call(req, TeacherResponse(text="Nice.", model="m"))
    assert len({first, second, req.content_hash()}) == 3
    assert store.record_call(req, TeacherResponse(text="Lyon.", model="m", latency_s=9.0)) == first
    # the answer's text decides
    assert first == exchange_key(req.content_hash(), req.temperature, "Lyon.")
    assert store.stats().teacher_calls == 2
    by_request = store.get_call(req.content_hash())
    assert by_request is not None and by_request[1].text == "Lyon."
    assert by_request[1].request_hash == req.content_hash()
    assert [resp.text for _, resp in store.iter_calls()] == ["Lyon.", "Nice."]


def test_soft_targets_round_trip(store: GraphStore) -> None:
    t = SoftTarget.from_top_logprobs("The capital is", {"Paris": -0.1, "Lyon": -2.5}).model_copy(
        update={"metadata": {"position": 3}}
    )
    u = SoftTarget.from_top_logprobs("It is", {"big": -0.2, "old": -1.5}).model_copy(
        update={"metadata": {"position": 1}}
    )
    assert store.add_soft_target(t, call_hash="c1")
    assert not store.add_soft_target(t, call_hash="c1")
    assert store.add_soft_target(u, call_hash="c1")
    assert store.add_soft_target(t, call_hash="c2")  # the same distribution from another call
    assert list(store.iter_soft_targets("c1")) == [u, t]  # by position
    assert list(store.iter_soft_targets()) == [u, t, t]
    assert store.stats().soft_targets == 3


def test_runs_and_failures(store: GraphStore) -> None:
    run = store.begin_run("distill", {"inputs": ["a.jsonl"], "path": Path("x")})
    other = store.begin_run("merge", {})
    store.record_failure(run, "a.jsonl:3", "no knowledge found", raw="{}")
    store.record_failure(other, "b.jsonl:1", "bad line")
    store.finish_run(run, {"ok": True})
    runs = store.runs()
    assert [r["id"] for r in runs] == [run, other]
    assert runs[0]["params"] == {"inputs": ["a.jsonl"], "path": "x"}  # kept as JSON
    assert runs[0]["summary"] == {"ok": True} and runs[0]["finished_at"]
    assert runs[1]["summary"] is None and runs[1]["finished_at"] is None
    (failure,) = store.failures(run)
    assert (failure["source"], failure["reason"], failure["raw"]) == (
        "a.jsonl:3",
        "no knowledge found",
        "{}",
    )
    assert len(store.failures()) == 2
    store.clear_failures("a.jsonl:3")
    assert [f["source"] for f in store.failures()] == ["b.jsonl:1"]
    assert store.stats().runs == 2 and store.stats().failures == 1


def test_neighbourhood_carries_evidence_and_far_ends(store: GraphStore) -> None:
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.8)], source="a"))
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.5)], source="b"))
    store.add_knowledge(record([(ent("Berlin"), "capital_of", ent("Germany"), 0.9)], source="c"))
    hood = store.neighbourhood(PARIS.id)
    assert set(hood.entities) == {PARIS.id, FRANCE.id}
    (rel,) = hood.relations.values()
    assert set(hood.evidence[rel.id]) == {"a", "b"}
    assert rel.confidence == pytest.approx(0.9)


def test_delete_items_and_fact_ids(store: GraphStore) -> None:
    store.add_knowledge(
        record(
            [(PARIS, "capital_of", FRANCE, 0.8), (FRANCE, "borders", ent("Spain"), 0.7)], source="a"
        )
    )
    (about_paris,) = store.fact_ids(PARIS.id)
    assert store.existing_items([about_paris, "sha256:none"]) == {about_paris}
    assert store.delete_items([about_paris, "sha256:none"]) == 1
    assert store.existing_items([about_paris]) == set()
    assert store.observations(about_paris) == []
    assert store.stats().relations == 1 and store.stats().observations == 1


def _five_kinds(source: str, conf: float) -> DistilledKnowledge:
    water, h2o = ent("Water", aliases=("aqua",)), ent("H2O")
    ocean = ent("Ocean", EntityType.LOCATION)
    items = (
        Attribute(entity=water.id, name="boiling point", value="100 C", confidence=conf),
        Procedure(
            goal="boil water",
            steps=("fill a kettle", "switch it on"),
            entity=water.id,
            confidence=conf,
        ),
        HierarchyEdge(
            parent=ocean.id, child=water.id, relation=HierarchyKind.CONTAINS, confidence=conf
        ),
        LinguisticItem(
            entity=water.id, relation=LinguisticKind.SYNONYM, value="H2O", confidence=conf
        ),
        LinguisticItem(
            entity=water.id,
            relation=LinguisticKind.DEFINITION,
            value="a clear liquid",
            confidence=conf,
        ),
    )
    return DistilledKnowledge(
        knowledge_type=KnowledgeType.FACTUAL,
        prompt=f"About water {source}",
        response=f"water {source}",
        entities=(water, h2o, ocean),
        items=items,
        confidence=Confidence(value=conf),
        provenance=Provenance(extractor="x@1", call_hash=source),
    )


def _comparable(graph: KnowledgeGraph) -> dict[str, object]:
    """A graph with confidences rounded (SQL and Python may differ in the last bit)."""

    def rounded(value: float) -> float:
        return round(value, 12)

    return {
        "entities": graph.entities,
        "items": {
            i.id: i.model_copy(update={"confidence": rounded(i.confidence)})
            for i in graph.iter_items()
        },
        "evidence": {
            k: {
                s: e.model_copy(update={"confidence": rounded(e.confidence)})
                for s, e in per.items()
            }
            for k, per in graph.evidence.items()
        },
    }


def _mixed_records(seed: int, n: int) -> list[DistilledKnowledge]:
    rng = random.Random(seed)
    names = ["Paris", "paris", "PARIS.", "Washington", "Mercury", "Amazon", "The Amazon", "EU"]
    types = [
        EntityType.LOCATION,
        EntityType.PERSON,
        EntityType.CONCEPT,
        EntityType.OTHER,
        EntityType.ORGANIZATION,
    ]

    def random_entity() -> Entity:
        aliases = (
            (rng.choice([*names, "European Union", "Quicksilver"]),) if rng.random() < 0.3 else ()
        )
        return ent(rng.choice(names), rng.choice(types), aliases)

    records = [
        record(
            [
                (
                    random_entity(),
                    rng.choice(["is_a", "part_of"]),
                    random_entity(),
                    rng.choice([0.4, 0.7, 0.9]),
                )
            ],
            source=f"s{rng.randrange(8)}",
            negated=rng.random() < 0.2,
        )
        for _ in range(n)
    ]
    return [*records, _five_kinds("w1", 0.6), _five_kinds("w2", 0.8)]


def test_both_stores_give_the_same_graph(tmp_path: Path) -> None:
    """Same input → same graph, entities (merges, aliases, redirects), items, evidence, counts."""
    records = _mixed_records(3, 60)
    stores = [make_store(kind, tmp_path) for kind in STORE_KINDS]
    for s in stores:
        s.add_knowledge_many(records[:30])
        for k in records[30:]:
            s.add_knowledge(k)
    sqlite_store, memory_store = stores
    assert isinstance(sqlite_store, SQLiteStore) and isinstance(memory_store, MemoryStore)
    assert _comparable(sqlite_store.to_knowledge_graph()) == _comparable(
        memory_store.to_knowledge_graph()
    )
    assert sqlite_store.stats() == memory_store.stats()
    assert sqlite_store.observations() == memory_store.observations()
    for name in ("paris", "washington", "european union", "h2o", "aqua", "eu"):
        assert sqlite_store.find_entities(name) == memory_store.find_entities(name), name
    for entity_id in list(sqlite_store.to_knowledge_graph().entities)[:10]:
        assert _comparable(sqlite_store.neighbourhood(entity_id)) == _comparable(
            memory_store.neighbourhood(entity_id)
        )
    assert sqlite_store.contradictions() == memory_store.contradictions()
    for s in stores:
        s.close()


def test_bulk_resolution_matches_entity_by_entity(tmp_path: Path, store_kind: str) -> None:
    """Batched resolution gives exactly what upsert_entity gives one entity at a time."""
    records = _mixed_records(3, 60)
    bulk = make_store(store_kind, tmp_path, name="bulk.db")
    single = make_store(store_kind, tmp_path, name="single.db")
    bulk.add_knowledge_many(records)
    for k in records:
        for e in k.entities:
            single.upsert_entity(e)
        single.add_knowledge(k)
    assert bulk.stats() == single.stats()
    # Late merges (an alias naming another stored entity) run at the end of each batch, so one
    # batch and sixty merge at different moments: the same entities, items and sources result,
    # but where two merged items had one source, which observation of it stayed first may differ.
    big, small = bulk.to_knowledge_graph(), single.to_knowledge_graph()
    assert big.entities == small.entities
    assert {i.id for i in big.iter_items()} == {i.id for i in small.iter_items()}
    assert {k: sorted(v) for k, v in big.evidence.items()} == {
        k: sorted(v) for k, v in small.evidence.items()
    }
    assert [m["from_id"] for m in bulk.merges()] == [m["from_id"] for m in single.merges()]
    for name in ("Paris", "Washington", "The Amazon", "EU", "Quicksilver"):
        assert [e.id for e in bulk.find_entities(name)] == [
            e.id for e in single.find_entities(name)
        ]


@given(
    obs=st.lists(
        st.tuples(
            st.integers(0, 5),
            st.integers(0, 5),
            st.sampled_from(["a", "b", "c", "d"]),
            st.sampled_from([0.3, 0.55, 0.8, 1.0]),
            st.booleans(),
            st.sampled_from([EntityType.LOCATION, EntityType.CONCEPT, EntityType.PERSON]),
        ),
        min_size=1,
        max_size=25,
    )
)
@settings(max_examples=30, deadline=None)
def test_stores_agree_with_each_other_and_with_the_graph(
    obs: list[tuple[int, int, str, float, bool, EntityType]],
) -> None:
    """Whatever the order, repeats and entity types (which decide merges), both stores keep the
    same graph, and recomputing confidence from the kept evidence changes nothing."""
    cities = [f"City {i}" for i in range(6)]
    records = [
        record([(ent(cities[s], t), "near", ent(cities[o], t), c)], source=src, negated=neg)
        for s, o, src, c, neg, t in obs
    ]
    graphs = []
    for s in (SQLiteStore(":memory:"), MemoryStore()):
        s.add_knowledge_many(records[: len(records) // 2])
        for k in records[len(records) // 2 :]:
            s.add_knowledge(k)
        assert s.recompute_confidence() == 0
        graphs.append(_comparable(s.to_knowledge_graph()))
        s.close()
    assert graphs[0] == graphs[1]
