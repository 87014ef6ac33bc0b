from __future__ import annotations

import asyncio

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.batch import BatchResult, complete_many, complete_many_sync
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.wrappers import wrap_teacher


def _stack(url: str):  # type: ignore[no-untyped-def]
    teacher = OpenAICompatTeacher(base_url=url, model="m", timeout=30.0)  # no hang injected
    return wrap_teacher(
        teacher, max_attempts=2, backoff_initial=0.01, backoff_max=0.02, concurrency=4
    )


async def test_one_permanent_failure_does_not_discard_the_batch(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    prompts = [f"q{i}" for i in range(30)]
    prompts[3] = "bad [[fault:400]]"
    prompts[17] = "broken [[fault:500]]"
    seen: list[BatchResult] = []
    results = await complete_many(
        _stack(openai_url), [TeacherRequest(prompt=p) for p in prompts], on_result=seen.append
    )
    assert [r.index for r in results] == list(range(30))
    assert len(seen) == 30
    failed = {r.index: r for r in results if not r.ok}
    assert set(failed) == {3, 17}
    assert failed[3].error_type == "FatalTeacherError" and not failed[3].retryable
    assert "HTTP 400" in (failed[3].error or "")
    assert failed[17].error_type == "RetryableTeacherError" and failed[17].retryable
    assert "HTTP 500" in (failed[17].error or "")
    for r in results:
        if r.ok:
            assert r.response is not None and r.response.text == f"Answer: {prompts[r.index]}"
    assert fake_server.requests == 28 + 1 + 2  # the 500 was tried twice (max_attempts=2)


def test_sync_twin(fake_server: FakeLLMServer, openai_url: str) -> None:
    results = complete_many_sync(
        _stack(openai_url), (TeacherRequest(prompt=f"q{i}") for i in range(9))
    )
    assert [r.response.text for r in results if r.response] == [f"Answer: q{i}" for i in range(9)]


async def test_empty_batch(openai_url: str) -> None:
    assert await complete_many(_stack(openai_url), []) == []


async def test_cancelling_a_batch_stops_every_worker_and_keeps_what_finished() -> None:
    with FakeLLMServer(latency=0.05) as server:
        seen: list[BatchResult] = []
        task = asyncio.create_task(
            complete_many(
                _stack(server.url + "/v1"),
                [TeacherRequest(prompt=f"q{i}") for i in range(200)],
                on_result=seen.append,
            )
        )
        while len(seen) < 8:
            await asyncio.sleep(0.01)
        task.cancel()  # what Ctrl-C does to a running batch
        with pytest.raises(asyncio.CancelledError):
            await task
        kept = len(seen)
        await asyncio.sleep(0.2)
        assert len(seen) == kept < 200  # no worker carried on after the cancellation
        assert all(r.ok for r in seen)
        sent = server.requests
        await asyncio.sleep(0.1)
        assert server.requests == sent


async def test_an_on_result_error_stops_the_batch(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    def boom(result: BatchResult) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        await complete_many(
            _stack(openai_url), [TeacherRequest(prompt=f"q{i}") for i in range(50)], on_result=boom
        )
    await asyncio.sleep(0.1)
    assert fake_server.requests < 50
