"""The crawl against a deterministic teacher over real HTTP: termination, literals, budget, resume,
samples, several teachers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from knowledge_server import KnowledgeServer

from grapheme_distill.crawl import compare_stores, crawl
from grapheme_distill.crawl.frontier import crawlable
from grapheme_distill.crawl.reader import AnswerReader
from grapheme_distill.errors import InputError
from grapheme_distill.extractors.base import Extraction
from grapheme_distill.model.knowledge import Entity, EntityType
from grapheme_distill.store import open_store
from grapheme_distill.teachers.base import Teacher
from grapheme_distill.teachers.open import open_teacher

WORLD = {f"Node {i}" for i in range(15)} | {f"Region {i}" for i in range(3)}


def teacher(server: KnowledgeServer, model: str = "m-a") -> Teacher:
    return open_teacher("vllm", model=model, base_url=server.url + "/v1", concurrency=8)


def test_crawl_asks_every_reachable_entity_once_and_ends_on_an_empty_frontier(
    world: KnowledgeServer, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "kb.db")
    summary = crawl(["Node 0"], [teacher(world)], store, concurrency=8)
    assert summary.outcome == "frontier_empty"
    assert sorted(world.answered) == sorted(WORLD)  # every entity once; years never asked
    assert summary.requests == summary.asked == len(WORLD) == summary.visited
    assert summary.frontier_pending == 0 and summary.new_facts > 0
    assert summary.yield_facts == pytest.approx(summary.new_facts / summary.requests)
    names = {e.name for e in store.to_knowledge_graph().entities.values()}
    assert "1900" in names and "Region 2" in names  # the year is stored, as a value
    again = crawl(["Node 0"], [teacher(world)], store, concurrency=8)
    assert again.requests == 0 and again.outcome == "frontier_empty"
    assert len(world.answered) == len(WORLD)
    assert store.crawl_metrics("default")[-1]["visited"] == len(WORLD)


def test_budget_stops_the_crawl_and_a_rerun_continues_asking_nothing_twice(
    world: KnowledgeServer, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "kb.db")
    first = crawl(["Node 0"], [teacher(world)], store, budget_requests=5, concurrency=4)
    assert first.outcome == "budget_spent" and first.requests == 5
    assert len(world.answered) == 5
    rest = crawl([], [teacher(world)], store, budget_requests=100, concurrency=4)
    assert rest.outcome == "frontier_empty"
    assert sorted(world.answered) == sorted(WORLD)
    assert rest.spent["requests"] == len(WORLD)


def test_depth_limit(world: KnowledgeServer, tmp_path: Path) -> None:
    store = open_store(tmp_path / "kb.db")
    crawl(["Node 0"], [teacher(world)], store, depth=1)
    # Node 0 (depth 0); its links and region (depth 1); nothing deeper
    assert sorted(world.answered) == ["Node 0", "Node 1", "Node 2", "Region 0"]


def test_samples_are_separate_requests_and_raise_agreement(
    world: KnowledgeServer, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "kb.db")
    summary = crawl(["Node 0"], [teacher(world)], store, samples=3, depth=0)
    assert summary.requests == 3 and len(world.answered) == 3
    temps = {b.get("temperature") for b in world.bodies}
    seeds = sorted(int(b["seed"]) for b in world.bodies)
    assert temps == {0.7} and seeds == [0, 1, 2]


def test_two_teachers_that_disagree_are_flagged(
    world: KnowledgeServer, other_world: KnowledgeServer, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "kb.db")
    summary = crawl(
        ["Node 0"], {"a": teacher(world, "m-a"), "b": teacher(other_world, "m-b")}, store, depth=0
    )
    assert summary.teachers == ["a", "b"]
    flags = store.disagreements()
    kinds = {f["kind"] for f in flags}
    assert kinds == {"attribute_value", "negation"}
    colour = next(f for f in flags if f["kind"] == "attribute_value")
    assert "red (a)" in colour["detail"] and "blue (b)" in colour["detail"]
    negation = next(f for f in flags if f["kind"] == "negation")
    assert "asserted by a, negated by b" in negation["detail"]
    # items both teachers asserted (the number attribute, the region) count as agreement
    assert 0 < summary.agreement["a"]["agreement"] < 1
    assert summary.disagreements == len(flags)


def test_two_teachers_of_one_model_are_refused(world: KnowledgeServer, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="both ask model 'm-a'"):
        crawl(["Node 0"], {"a": teacher(world), "b": teacher(world)}, open_store(":memory:"))


def test_compare_two_crawls(world: KnowledgeServer, tmp_path: Path) -> None:
    full, part = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    crawl(["Node 0"], [teacher(world)], full)
    crawl(["Node 0"], [teacher(world, "m-b")], part, depth=1)
    result = compare_stores(full, part)
    assert result.facts.b_in_a == 1.0 and 0 < result.facts.a_in_b < 1
    assert result.entities.jaccard < 1.0
    same = compare_stores(full, full)
    assert same.facts.jaccard == same.entities.jaccard == 1.0


def test_literals_are_not_crawlable() -> None:
    assert not crawlable(Entity(name="1999", type=EntityType.DATETIME))
    assert not crawlable(Entity(name="42 km", type=EntityType.NUMBER))
    assert not crawlable(Entity(name="1,200", type=EntityType.OTHER))
    assert crawlable(Entity(name="Marie Curie", type=EntityType.PERSON))


def test_an_answer_whose_reading_fails_stays_in_the_call_log(
    world: KnowledgeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ingester rolls back an answer whose reading raised, with the call it was recording; the
    crawl puts that answer in the call log anyway, so a re-run never asks it again."""
    real = AnswerReader.extract

    def extract(self: AnswerReader, text: str, **options: Any) -> Extraction:
        if re.search(r"\bNode 1\b", str(options.get("prompt", ""))):
            raise RuntimeError("the reader broke on Node 1")
        return real(self, text, **options)

    monkeypatch.setattr(AnswerReader, "extract", extract)
    store = open_store(tmp_path / "kb.db")
    summary = crawl(["Node 0"], [teacher(world)], store, concurrency=4, depth=1)
    assert summary.failure_reasons.get("DistillError", 0) >= 1
    failed = [f["source"] for f in store.failures()]
    assert failed == ["crawl:vllm:Node 1#s0"], failed
    logged = {c["source"] for c in _calls(store)}
    assert set(failed) <= logged  # every answer whose reading failed is in the call log
    assert store.usage_totals()["calls"] == summary.requests


def _calls(store: Any) -> list[dict[str, Any]]:
    return [{"source": s} for (s,) in store._rows("SELECT source FROM teacher_calls")]
