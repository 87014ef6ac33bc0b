"""One bounded pool across topics: the server sees `concurrency` requests in flight, not one
topic's five."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "teachers"))

from fakeserver import FakeLLMServer

from grapheme_distill.extractors import get_extractor
from grapheme_distill.pool import RequestPool
from grapheme_distill.store import open_store
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.open import open_teacher
from grapheme_distill.topics import run_topics


def test_topics_keep_the_whole_pool_in_flight(tmp_path: Path) -> None:
    with FakeLLMServer(latency=0.1) as server:
        store = open_store(tmp_path / "t.db")
        summary = run_topics(
            [f"topic {i}" for i in range(20)],
            store,
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=server.url + "/v1",
            concurrency=16,
            auto_clozes=0,
        )
        assert summary.asked == 100 and server.requests == 100
        assert server.max_in_flight == 16  # not 5 (one topic at a time)
        assert list(summary.learned) == [f"topic {i}" for i in range(20)]
        again = run_topics(
            [f"topic {i}" for i in range(20)],
            store,
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=server.url + "/v1",
            concurrency=16,
            auto_clozes=0,
        )
        assert again.asked == 0 and server.requests == 100


def test_pool_bounds_requests_across_callers() -> None:
    with FakeLLMServer(latency=0.05) as server:
        teacher = open_teacher("vllm", model="m", base_url=server.url + "/v1", concurrency=64)
        pool = RequestPool(5)

        async def main() -> None:
            await asyncio.gather(
                *(pool.complete(teacher, TeacherRequest(prompt=f"q{i}")) for i in range(30))
            )

        asyncio.run(main())
        assert pool.max_in_flight == server.max_in_flight == 5
    with pytest.raises(ValueError):
        RequestPool(0)
