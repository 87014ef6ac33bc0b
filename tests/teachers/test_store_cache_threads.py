"""A store shared by concurrent requests (threads of the llm extractor at concurrency 64, with the
store as cache and recorder) never breaks a transaction."""

from __future__ import annotations

from pathlib import Path

from fakeserver import FakeLLMServer

from grapheme_distill.extractors.llm import LLMExtractor
from grapheme_distill.store import open_store
from grapheme_distill.teachers.registry import get_teacher
from grapheme_distill.teachers.wrappers import StoreCache, wrap_teacher


def test_store_cache_and_recorder_at_concurrency_64(
    fake_server: FakeLLMServer, tmp_path: Path
) -> None:
    fake_server.latency = 0.01
    store = open_store(tmp_path / "g.db")
    teacher = wrap_teacher(
        get_teacher("vllm", base_url=fake_server.url + "/v1", model="m"),
        concurrency=64,
        cache=StoreCache(store),
        recorder=store,
    )
    extractor = LLMExtractor(teacher, concurrency=64)
    texts = [("", f"Text number {i} about Paris.") for i in range(300)]
    results = list(extractor.pipe(texts))
    assert len(results) == 300
    assert not [f for r in results for f in r.failures if "teacher failed" in f.reason]
    assert store.usage_totals()["calls"] == 300 == fake_server.requests
    again = list(extractor.pipe(texts))  # every answer from the store, none asked again
    assert len(again) == 300 and fake_server.requests == 300
