"""The fault matrix: every kind of broken server answer against the real HTTP stack.

Each hostile answer must come out as a :class:`TeacherError` (retryable when a repeat may cure it),
never as another exception and never as an answer; once the server behaves again the same request
gets its real answer (nothing lost); failures every request would meet stop a batch fast.
"""

from __future__ import annotations

import asyncio
import socket

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import (
    FatalTeacherError,
    RetryableTeacherError,
    TeacherError,
    TeacherUnavailable,
)
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.batch import complete_many
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.wrappers import wrap_teacher

#: answers a repeat may cure (server glitches): retryable, then the real answer
TRANSIENT = [
    "429",
    "500",
    "503",
    "timeout",
    "truncate",
    "malformed",
    "reset",
    "garbage",
    "deep",
    "huge",
    "null",
    "inf",
    "overflow",
    "shape",
    "surrogate",
]
#: answers every request would meet: fatal and systemic
SYSTEMIC = ["401", "403", "404"]


def _teacher(url: str, **options: object) -> OpenAICompatTeacher:
    settings: dict[str, object] = {
        "base_url": url,
        "model": "fake-model",
        "api_key_env": None,
        "timeout": 2.0,
        "max_body_bytes": 1024 * 1024,
        **options,
    }
    return OpenAICompatTeacher(**settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("fault", TRANSIENT)
def test_a_hostile_answer_is_a_retryable_error_never_an_answer(
    fake_server: FakeLLMServer, openai_url: str, fault: str
) -> None:
    fake_server.hang_s = 3.0
    teacher = _teacher(openai_url)
    fake_server.faults.append(fault)
    with pytest.raises(RetryableTeacherError) as err:
        teacher.complete(TeacherRequest(prompt="q"))
    assert not err.value.systemic
    assert teacher.complete(TeacherRequest(prompt="q")).text == "Answer: q"  # the server recovered


@pytest.mark.parametrize("fault", TRANSIENT)
def test_the_retry_layer_gets_the_real_answer_after_a_hostile_one(
    fake_server: FakeLLMServer, openai_url: str, fault: str
) -> None:
    fake_server.hang_s = 3.0
    stack = wrap_teacher(
        _teacher(openai_url), max_attempts=3, backoff_initial=0.01, backoff_max=0.02, cache=False
    )
    fake_server.faults.append(fault)
    response = asyncio.run(stack.acomplete(TeacherRequest(prompt="the question")))
    assert response.text == "Answer: the question" and fake_server.requests == 2


@pytest.mark.parametrize("fault", SYSTEMIC)
def test_teacher_wide_failures_are_fatal_and_systemic(
    openai_url: str, fake_server: FakeLLMServer, fault: str
) -> None:
    fake_server.faults.append(fault)
    with pytest.raises(FatalTeacherError) as err:
        _teacher(openai_url).complete(TeacherRequest(prompt="q"))
    assert err.value.systemic and err.value.kind == f"HTTP {fault}"


def test_a_batch_with_persistent_faults_keeps_every_other_answer(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    faults = ["500", "malformed", "garbage", "deep", "null", "inf", "shape", "400", "truncate"]
    prompts = [f"q{i}" for i in range(30)]
    prompts[3::3] = [f"bad [[fault:{f}]]" for f in faults]
    stack = wrap_teacher(
        _teacher(openai_url),
        concurrency=8,
        max_attempts=2,
        backoff_initial=0.01,
        backoff_max=0.02,
        cache=False,
    )
    results = asyncio.run(complete_many(stack, [TeacherRequest(prompt=p) for p in prompts]))
    assert len(results) == len(prompts)
    for prompt, result in zip(prompts, results, strict=True):
        if prompt.startswith("bad"):
            assert result.response is None and result.error_type in {
                "RetryableTeacherError",
                "FatalTeacherError",
            }
        else:
            assert result.response is not None and result.response.text == f"Answer: {prompt}"


def test_a_bad_key_stops_a_batch_after_a_few_requests(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fake_server.api_key = "the-right-key"
    stack = wrap_teacher(
        _teacher(openai_url, api_key="a-wrong-key"),
        concurrency=2,
        backoff_initial=0.01,
        backoff_max=0.02,
        cache=False,
    )
    requests = [TeacherRequest(prompt=f"q{i}") for i in range(200)]
    with pytest.raises(TeacherUnavailable) as err:
        asyncio.run(complete_many(stack, requests))
    assert fake_server.requests <= 7  # 5 in a row trip it; at most the in-flight ones follow
    assert "HTTP 401" in str(err.value) and "a-wrong-key" not in str(err.value)


def test_a_refused_connection_stops_a_run_fast() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    stack = wrap_teacher(
        _teacher(f"http://127.0.0.1:{port}/v1"),
        concurrency=4,
        backoff_initial=0.01,
        backoff_max=0.02,
        cache=False,
    )
    with pytest.raises(TeacherUnavailable, match="cannot connect"):
        asyncio.run(complete_many(stack, [TeacherRequest(prompt=f"q{i}") for i in range(100)]))
    assert stack.account.retries < 10


def test_intermittent_systemic_errors_do_not_trip_a_working_server(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fake_server.faults.extend(["401", "401", "ok", "404", "404", "ok", "401"])
    stack = wrap_teacher(_teacher(openai_url), concurrency=1, max_attempts=1, cache=False)
    results = asyncio.run(complete_many(stack, [TeacherRequest(prompt=f"q{i}") for i in range(9)]))
    assert sum(r.ok for r in results) == 4 and all(
        r.error_type in (None, "FatalTeacherError") for r in results
    )


def test_body_limit_and_depth_are_configurable(fake_server: FakeLLMServer, openai_url: str) -> None:
    fake_server.huge_bytes = 10_000
    fake_server.faults.append("huge")
    with pytest.raises(RetryableTeacherError, match="max_body_bytes"):
        _teacher(openai_url, max_body_bytes=5_000).complete(TeacherRequest(prompt="q"))
    fake_server.faults.append("huge")
    assert len(_teacher(openai_url).complete(TeacherRequest(prompt="q")).text) == 10_000
    with pytest.raises(RetryableTeacherError, match="nested deeper than 3"):
        _teacher(openai_url, max_depth=3).complete(TeacherRequest(prompt="q", logprobs=True))


def test_every_error_is_a_teacher_error_for_the_sync_and_async_twins(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    teacher = _teacher(openai_url)
    for fault in [*TRANSIENT, *SYSTEMIC]:
        if fault == "timeout":
            continue  # covered above; here it would only cost the time-out twice
        fake_server.faults.extend([fault, fault])
        with pytest.raises(TeacherError):
            teacher.complete(TeacherRequest(prompt="q"))
        with pytest.raises(TeacherError):
            asyncio.run(teacher.acomplete(TeacherRequest(prompt="q")))
