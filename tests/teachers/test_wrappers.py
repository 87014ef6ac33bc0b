from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import FatalTeacherError, RetryableTeacherError
from grapheme_distill.teachers.base import Message, TeacherRequest, TeacherResponse, Usage
from grapheme_distill.teachers.batch import complete_many
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.pricing import PriceTable
from grapheme_distill.teachers.wrappers import (
    AccountingTeacher,
    CachingTeacher,
    ConcurrencyLimit,
    MemoryCache,
    RateLimitedTeacher,
    RecordingTeacher,
    RetryingTeacher,
    StoreCache,
    wrap_teacher,
)

#: Why generous: on a loaded CI machine a request answered at once can still take over a second
#: to be scheduled, and a spurious time-out breaks the exact request counts these tests assert.
#: Tests that inject a hang ("timeout" fault) pass HANG_TIMEOUT.
DEFAULT_TIMEOUT = 30.0
HANG_TIMEOUT = 2.0


def _provider(url: str, timeout: float = DEFAULT_TIMEOUT) -> OpenAICompatTeacher:
    return OpenAICompatTeacher(base_url=url, model="fake-model", timeout=timeout)


def _stack(url: str, timeout: float = DEFAULT_TIMEOUT, **options: Any) -> Any:
    options.setdefault("backoff_initial", 0.01)
    options.setdefault("backoff_max", 0.05)
    return wrap_teacher(_provider(url, timeout), **options)


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_retries_every_retryable_fault_until_success(
    fake_server: FakeLLMServer, openai_url: str, mode: str
) -> None:
    faults = ["500", "429:0", "truncate", "malformed", "timeout", "503"]
    fake_server.faults.extend(faults)
    stack = _stack(openai_url, HANG_TIMEOUT, max_attempts=10)
    request = TeacherRequest(prompt="q")
    response = await stack.acomplete(request) if mode == "async" else stack.complete(request)
    assert response.text == "Answer: q"
    assert fake_server.requests == len(faults) + 1
    assert stack.account.retries == len(faults)
    assert stack.retrying.retries == len(faults)


async def test_fatal_errors_are_not_retried(fake_server: FakeLLMServer, openai_url: str) -> None:
    fake_server.faults.append("400")
    stack = _stack(openai_url)
    with pytest.raises(FatalTeacherError):
        await stack.acomplete(TeacherRequest(prompt="q"))
    assert fake_server.requests == 1
    assert stack.account.failures == 1 and stack.account.retries == 0


async def test_gives_up_after_max_attempts_with_a_note(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fake_server.faults.extend(["500"] * 5)
    stack = _stack(openai_url, max_attempts=3)
    with pytest.raises(RetryableTeacherError) as info:
        await stack.acomplete(TeacherRequest(prompt="q"))
    assert fake_server.requests == 3
    assert any("3 attempt" in note for note in info.value.__notes__)


@pytest.mark.parametrize(
    ("fault", "at_least", "mode"),
    [("429:1", 1.0, "async"), ("429date:2", 1.0, "async"), ("429:1", 1.0, "sync")],
)
async def test_retry_after_is_honoured(
    fake_server: FakeLLMServer, openai_url: str, fault: str, at_least: float, mode: str
) -> None:
    fake_server.faults.append(fault)
    stack = _stack(openai_url, backoff_initial=0.001, backoff_max=0.001)
    start = time.perf_counter()
    request = TeacherRequest(prompt="q")
    response = await stack.acomplete(request) if mode == "async" else stack.complete(request)
    elapsed = time.perf_counter() - start
    assert response.text == "Answer: q"
    # the backoff alone would retry within milliseconds; only Retry-After explains the wait
    assert elapsed >= at_least * 0.95
    assert elapsed < at_least + 5.0  # generous: the machine may be loaded


async def test_too_long_retry_after_is_reported_not_slept(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fake_server.faults.append("429:3600")
    stack = _stack(openai_url, max_retry_after=10)
    start = time.perf_counter()
    with pytest.raises(RetryableTeacherError) as info:
        await stack.acomplete(TeacherRequest(prompt="q"))
    # not slept: sleeping even the cap (max_retry_after=10) would take 10 s; a busy machine
    # still answers well under that
    assert time.perf_counter() - start < 9.0
    assert info.value.retry_after == 3600.0
    assert fake_server.requests == 1


async def test_no_request_is_lost_under_faults(fake_server: FakeLLMServer, openai_url: str) -> None:
    kinds = ["500", "429:0", "truncate", "malformed", "timeout"]
    fake_server.faults.extend(kinds[i % len(kinds)] if i % 4 == 0 else "ok" for i in range(160))
    injected = sum(1 for f in fake_server.faults if f != "ok")
    stack = _stack(openai_url, HANG_TIMEOUT, concurrency=16, max_attempts=8, cache=False)
    requests = [TeacherRequest(prompt=f"question {i}") for i in range(120)]
    results = await complete_many(stack, requests)
    assert [r.response.text for r in results if r.response] == [
        f"Answer: question {i}" for i in range(120)
    ]
    assert fake_server.requests == 120 + injected
    assert stack.account.retries == injected
    assert stack.account.responses == 120 and stack.account.failures == 0


@pytest.mark.parametrize("limit", [1, 8])
async def test_server_never_sees_more_than_c_in_flight(limit: int) -> None:
    with FakeLLMServer(latency=0.05) as server:
        stack = _stack(server.url + "/v1", concurrency=limit, cache=False)
        requests = [TeacherRequest(prompt=f"q{i}") for i in range(24)]
        results = await complete_many(stack, requests, concurrency=40)  # more workers than C
        assert all(r.ok for r in results)
        assert server.max_in_flight == limit
        # and the bound is what did it: without it the server sees the 40 workers at once
        server.reset()
        unbounded = _stack(server.url + "/v1", concurrency=None, cache=False)
        await complete_many(
            unbounded, [TeacherRequest(prompt=f"r{i}") for i in range(40)], concurrency=40
        )
        assert server.max_in_flight > limit


async def test_sync_concurrency_limit_with_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with FakeLLMServer(latency=0.03) as server:
        limited = ConcurrencyLimit(_provider(server.url + "/v1"), 3)
        with ThreadPoolExecutor(12) as pool:
            texts = list(
                pool.map(lambda i: limited.complete(TeacherRequest(prompt=f"q{i}")).text, range(24))
            )
        assert texts == [f"Answer: q{i}" for i in range(24)]
        assert server.max_in_flight == 3


async def test_identical_requests_hit_the_cache(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    stack = _stack(openai_url)
    request = TeacherRequest(prompt="same")
    first = await stack.acomplete(request)
    again = [await stack.acomplete(request) for _ in range(4)]
    together = await asyncio.gather(
        *(stack.acomplete(TeacherRequest(prompt="burst")) for _ in range(10))
    )
    assert fake_server.requests == 2  # "same" once, "burst" once (coalesced while in flight)
    assert not first.cached and all(r.cached and r.text == first.text for r in again)
    assert sum(r.cached for r in together) == 9
    assert stack.cache.hits == 13 and stack.account.cache_hits == 13
    # anything that can change the answer is part of the key
    await stack.acomplete(TeacherRequest(prompt="same", temperature=0.5))
    assert fake_server.requests == 3
    # a request naming the default model explicitly is the same request
    await stack.acomplete(TeacherRequest(prompt="same", model="fake-model"))
    assert fake_server.requests == 3


async def test_failures_are_not_cached(fake_server: FakeLLMServer, openai_url: str) -> None:
    fake_server.faults.append("400")
    teacher = CachingTeacher(_provider(openai_url))
    with pytest.raises(FatalTeacherError):
        await teacher.acomplete(TeacherRequest(prompt="q"))
    assert (await teacher.acomplete(TeacherRequest(prompt="q"))).cached is False
    assert teacher.complete(TeacherRequest(prompt="q")).cached is True
    assert fake_server.requests == 2 and teacher.hits == 1


def test_memory_cache_is_lru_bounded() -> None:
    cache = MemoryCache(max_entries=2)
    request = TeacherRequest(prompt="q")
    for key in ("a", "b"):
        cache.put(key, request, TeacherResponse(text=key))
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", request, TeacherResponse(text="c"))
    assert cache.get("b") is None and cache.get("a") is not None and len(cache) == 2


async def test_store_cache_survives_a_new_run(
    fake_server: FakeLLMServer, openai_url: str, tmp_path: Any
) -> None:
    from grapheme_distill.store import open_store

    path = tmp_path / "kg.sqlite"
    with open_store(path) as store:
        stack = _stack(openai_url, cache=StoreCache(store))
        await stack.acomplete(TeacherRequest(prompt="remember me"))
    with open_store(path) as store:  # a later run: the answer comes from the store
        stack = _stack(openai_url, cache=StoreCache(store))
        response = await stack.acomplete(TeacherRequest(prompt="remember me"))
    assert response.cached and response.text == "Answer: remember me"
    assert fake_server.requests == 1


async def test_rate_limit_requests_per_minute(fake_server: FakeLLMServer, openai_url: str) -> None:
    # 600/min = 10/s with a burst of 10: 25 requests need at least 1.5 s
    limited = RateLimitedTeacher(_provider(openai_url), requests_per_minute=600)
    start = time.perf_counter()
    await asyncio.gather(*(limited.acomplete(TeacherRequest(prompt=f"q{i}")) for i in range(25)))
    assert time.perf_counter() - start >= 1.4
    start = time.perf_counter()
    for i in range(12):  # sync twin, same arithmetic: burst of 10 then 10/s
        limited.complete(TeacherRequest(prompt=f"s{i}"))
    assert time.perf_counter() - start >= 0.15


async def test_rate_limit_tokens_per_minute(fake_server: FakeLLMServer, openai_url: str) -> None:
    # 6000 tokens/min, 100 tokens per request: 60 at once, then one per second
    limited = RateLimitedTeacher(
        _provider(openai_url), tokens_per_minute=6000, estimate=lambda request: 100
    )
    start = time.perf_counter()
    await asyncio.gather(*(limited.acomplete(TeacherRequest(prompt=f"q{i}")) for i in range(60)))
    await limited.acomplete(TeacherRequest(prompt="one more"))
    assert time.perf_counter() - start >= 0.95  # unlimited, 61 local requests take ~50 ms


async def test_cost_accounting_with_a_price_table(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    prices = PriceTable({"fake-model": (1.0, 2.0)}, include_defaults=False)
    stack = _stack(openai_url, prices=prices)
    await stack.acomplete(TeacherRequest(prompt="one two three"))  # 3 prompt, 4 completion tokens
    await stack.acomplete(TeacherRequest(prompt="one two three"))  # cache hit: free
    summary = stack.account.summary()
    assert summary["prompt_tokens"] == 3 and summary["completion_tokens"] == 4
    assert summary["cost_usd"] == pytest.approx((3 * 1.0 + 4 * 2.0) / 1e6)
    assert summary["saved_by_cache_usd"] == pytest.approx(summary["cost_usd"])
    assert summary["cache_hits"] == 1 and summary["cost_complete"] is True
    assert summary["per_model"]["fake-model"]["calls"] == 1


def test_unpriced_models_are_listed_not_free() -> None:
    class Quiet:
        name, supports_logprobs, model = "openai", False, "mystery-model"

        async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
            return self.complete(request)

        def complete(self, request: TeacherRequest) -> TeacherResponse:
            return TeacherResponse(text="x", model=self.model, usage=Usage(prompt_tokens=10))

    account = AccountingTeacher(Quiet(), prices=PriceTable()).account
    teacher = AccountingTeacher(Quiet(), prices=PriceTable(), account=account)
    teacher.complete(TeacherRequest(prompt="q"))
    summary = account.summary()
    assert summary["unpriced_models"] == ["mystery-model"] and summary["cost_complete"] is False
    assert summary["per_model"]["mystery-model"]["cost_usd"] is None
    Quiet.name = "local"
    free = AccountingTeacher(Quiet())
    free.complete(TeacherRequest(prompt="q"))
    assert free.account.summary()["cost_complete"] is True


async def test_recording_gets_every_real_exchange_once(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    calls: list[tuple[TeacherRequest, TeacherResponse, dict[str, Any]]] = []

    class Recorder:
        def record_call(self, request: TeacherRequest, response: TeacherResponse, **kw: Any) -> str:
            calls.append((request, response, kw))
            return request.content_hash()

    stack = _stack(openai_url, recorder=Recorder(), run_id="run-1")
    meta = {"prompt_template": "factual.v1", "prompt_template_hash": "sha256:abc"}
    await stack.acomplete(TeacherRequest(prompt="a", metadata=meta))
    await stack.acomplete(TeacherRequest(prompt="a", metadata=meta))  # cached: not re-recorded
    stack.complete(TeacherRequest(prompt="b", metadata={"template": "t2", "template_hash": "h2"}))
    assert [c[1].text for c in calls] == ["Answer: a", "Answer: b"]
    assert calls[1][2]["prompt_template"] == "t2" and calls[1][2]["prompt_template_hash"] == "h2"
    assert calls[0][0].model == "fake-model"  # the recorded request says which model answered
    assert calls[0][2] == {
        "prompt_template": "factual.v1",
        "prompt_template_hash": "sha256:abc",
        "run_id": "run-1",
    }
    plain: list[str] = []
    teacher = RecordingTeacher(_provider(openai_url), lambda q, r: plain.append(r.text))
    await teacher.acomplete(TeacherRequest(prompt="c"))
    assert plain == ["Answer: c"] and teacher.recorded == 1


async def test_recording_into_the_sqlite_store(
    fake_server: FakeLLMServer, openai_url: str, tmp_path: Any
) -> None:
    from grapheme_distill.store import open_store

    with open_store(tmp_path / "kg.sqlite") as store:
        stack = _stack(openai_url, recorder=store)
        response = await stack.acomplete(
            TeacherRequest(prompt="kept", logprobs=True, top_logprobs=2)
        )
        assert response.request_hash is not None
        key = TeacherRequest(
            prompt="kept", logprobs=True, top_logprobs=2, model="fake-model"
        ).content_hash()
        found = store.get_call(key)
        assert found is not None and found[1].text == "Answer: kept"
        assert found[1].logprobs == response.logprobs


def test_wrappers_pass_identity_through(openai_url: str) -> None:
    stack = _stack(openai_url, concurrency=4)
    assert stack.name == "openai" and stack.supports_logprobs and stack.model == "fake-model"
    assert stack.max_concurrency == 4
    assert isinstance(stack.provider, OpenAICompatTeacher)
    assert "RetryingTeacher(FailFastTeacher(OpenAICompatTeacher(" in repr(stack)
    assert isinstance(RetryingTeacher(stack.provider).inner, OpenAICompatTeacher)


async def test_retry_after_pauses_the_other_requests_too(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fake_server.faults.append("429:1")
    stack = _stack(openai_url, concurrency=8, cache=False)
    first = asyncio.create_task(stack.acomplete(TeacherRequest(prompt="first")))
    while fake_server.requests < 1:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)  # the 429 has arrived; now more work comes in
    others = await asyncio.gather(
        *(stack.acomplete(TeacherRequest(prompt=f"o{i}")) for i in range(5))
    )
    await first
    assert [r.text for r in others] == [f"Answer: o{i}" for i in range(5)]
    assert fake_server.requests == 7  # the 429, its retry and the five others: no extra 429s
    first_arrival = fake_server.arrivals[0]
    assert all(t - first_arrival >= 0.95 for t in fake_server.arrivals[1:])


async def test_a_server_on_this_machine_is_free_unless_its_model_is_priced(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    unpriced = _stack(openai_url, prices=PriceTable(include_defaults=False))
    await unpriced.acomplete(TeacherRequest(prompt="q"))
    summary = unpriced.account.summary()
    assert summary["cost_usd"] == 0.0 and summary["cost_complete"] is True
    remote = wrap_teacher(
        OpenAICompatTeacher(base_url="http://192.0.2.1/v1", model="m", api_key="k"),
        prices=PriceTable(include_defaults=False),
    )
    assert remote.local is False and unpriced.local is True


async def test_a_live_run_leaves_a_transcript_that_replays_offline(
    fake_server: FakeLLMServer, openai_url: str, tmp_path: Any
) -> None:
    from grapheme_distill.teachers.replay import ReplayTeacher
    from grapheme_distill.teachers.wrappers import TranscriptWriter

    path = tmp_path / "run.jsonl"
    requests = [
        TeacherRequest(prompt="The capital of France is", logprobs=True, top_logprobs=3),
        TeacherRequest(
            messages=(
                Message(role="system", content="terse"),
                Message(role="user", content="Rome?"),
            ),
            temperature=0.4,
            seed=1,
        ),
    ]
    with TranscriptWriter(path) as writer:
        stack = _stack(openai_url, recorder=writer)
        live = [await stack.acomplete(r) for r in requests]
        await stack.acomplete(requests[0])  # a cache hit is not written again
    assert writer.written == 2 and len(path.read_text().splitlines()) == 2
    replay = ReplayTeacher.from_transcripts([path])  # strict: a miss would raise
    for request, answer in zip(requests, live, strict=True):
        resolved = request.model_copy(update={"model": "fake-model"})
        again = replay.complete(resolved)
        assert again.text == answer.text and again.logprobs == answer.logprobs
    assert fake_server.requests == 2
