from __future__ import annotations

import asyncio
import json
import math
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import FatalTeacherError, RetryableTeacherError
from grapheme_distill.teachers._http import parse_retry_after
from grapheme_distill.teachers.base import Message, TeacherRequest
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher


def _teacher(url: str, **options: object) -> OpenAICompatTeacher:
    options.setdefault("timeout", 0.5)
    return OpenAICompatTeacher(base_url=url, model="fake-model", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_body_carries_every_parameter_and_response_is_parsed(
    fake_server: FakeLLMServer, openai_url: str, mode: str
) -> None:
    teacher = _teacher(openai_url)
    request = TeacherRequest(
        messages=(
            Message(role="system", content="be brief"),
            Message(role="user", content="Paris?"),
        ),
        temperature=0.7,
        top_p=0.9,
        max_tokens=33,
        seed=7,
    )
    response = await teacher.acomplete(request) if mode == "async" else teacher.complete(request)
    body = fake_server.bodies[0]
    assert body["model"] == "fake-model"
    assert body["messages"] == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "Paris?"},
    ]
    assert (body["temperature"], body["top_p"], body["max_tokens"], body["seed"]) == (
        0.7,
        0.9,
        33,
        7,
    )
    assert "logprobs" not in body and "n" not in body
    assert response.text == "Answer: Paris?"
    assert response.finish_reason == "stop"
    assert (response.usage.prompt_tokens, response.usage.completion_tokens) == (3, 2)
    assert response.latency_s > 0
    assert response.request_hash == request.content_hash()
    assert response.logprobs is None
    await teacher.aclose()


async def test_logprobs_with_top_k_alternatives(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    teacher = _teacher(openai_url)
    response = await teacher.acomplete(
        TeacherRequest(prompt="the capital of France", logprobs=True, top_logprobs=3)
    )
    assert fake_server.bodies[0]["logprobs"] is True and fake_server.bodies[0]["top_logprobs"] == 3
    assert response.logprobs is not None
    assert "".join(t.token for t in response.logprobs) == response.text
    for i, token in enumerate(response.logprobs):
        assert token.logprob == pytest.approx(math.log(0.5 + 0.1 * (i % 5)))
        assert len(token.top_logprobs) == 3
        assert token.top_logprobs[0].token == token.token
        assert sum(math.exp(a.logprob) for a in token.top_logprobs) <= 1.0 + 1e-9
    await teacher.aclose()


async def test_response_format_json_schema_is_sent(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    fmt = {"type": "json_schema", "json_schema": {"name": "a", "schema": {"type": "object"}}}
    teacher = _teacher(
        openai_url, extra_body={"top_k": 5}, max_tokens_field="max_completion_tokens"
    )
    response = await teacher.acomplete(
        TeacherRequest(prompt="x", response_format=fmt, max_tokens=9)
    )
    body = fake_server.bodies[0]
    assert body["response_format"] == fmt
    assert body["top_k"] == 5 and body["max_completion_tokens"] == 9 and "max_tokens" not in body
    assert json.loads(response.text) == {"answer": "x"}
    await teacher.aclose()


async def test_n_choices_keep_the_raw_body(fake_server: FakeLLMServer, openai_url: str) -> None:
    teacher = _teacher(openai_url)
    response = await teacher.acomplete(TeacherRequest(prompt="q", n=3, temperature=1.0))
    assert fake_server.bodies[0]["n"] == 3
    assert response.raw is not None and len(response.raw["choices"]) == 3
    await teacher.aclose()


@pytest.mark.parametrize(
    ("fault", "kind", "status", "retry_after", "chained"),
    [
        ("429:2", RetryableTeacherError, 429, 2.0, False),
        ("429", RetryableTeacherError, 429, None, False),
        ("500", RetryableTeacherError, 500, None, False),
        ("503", RetryableTeacherError, 503, None, False),
        ("timeout", RetryableTeacherError, None, None, True),
        ("truncate", RetryableTeacherError, None, None, True),
        ("malformed", RetryableTeacherError, 200, None, True),
        ("301", FatalTeacherError, 301, None, False),
        ("400", FatalTeacherError, 400, None, False),
        ("401", FatalTeacherError, 401, None, False),
        ("404", FatalTeacherError, 404, None, False),
    ],
)
@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_errors_are_mapped_at_the_boundary(
    fake_server: FakeLLMServer,
    openai_url: str,
    mode: str,
    fault: str,
    kind: type[Exception],
    status: int | None,
    retry_after: float | None,
    chained: bool,
) -> None:
    teacher = _teacher(openai_url, timeout=2.0)  # the "timeout" case waits this long
    fake_server.faults.append(fault)
    request = TeacherRequest(prompt="q")
    with pytest.raises(kind) as info:
        if mode == "async":
            await teacher.acomplete(request)
        else:
            teacher.complete(request)
    assert type(info.value) is kind
    assert getattr(info.value, "status", None) == status
    if kind is RetryableTeacherError:
        assert info.value.retry_after == retry_after  # type: ignore[attr-defined]
    assert (info.value.__cause__ is not None) is chained
    assert openai_url in str(info.value)
    # the teacher still works afterwards (connections were not poisoned)
    assert (await teacher.acomplete(request)).text == "Answer: q"
    await teacher.aclose()


async def test_retry_after_as_http_date(fake_server: FakeLLMServer, openai_url: str) -> None:
    fake_server.faults.append("429date:3")
    teacher = _teacher(openai_url)
    with pytest.raises(RetryableTeacherError) as info:
        await teacher.acomplete(TeacherRequest(prompt="q"))
    assert info.value.retry_after is not None and 1.0 <= info.value.retry_after <= 3.0
    await teacher.aclose()


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        (
            {
                "retry-after": format_datetime(
                    datetime(2030, 1, 1, 0, 0, 30, tzinfo=UTC), usegmt=True
                )
            },
            30.0,
        ),
        ({"retry-after": format_datetime(datetime(2029, 12, 31, tzinfo=UTC), usegmt=True)}, 0.0),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert parse_retry_after(headers, now=now) == expected


def test_remote_server_without_key_fails_fast_naming_the_variable() -> None:
    teacher = OpenAICompatTeacher(
        base_url="https://api.example.invalid/v1", model="m", api_key_env="MY_LLM_KEY"
    )
    with pytest.raises(FatalTeacherError, match=r"\$MY_LLM_KEY"):
        teacher.complete(TeacherRequest(prompt="q"))


def test_key_from_env_is_sent_as_bearer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_KEY", "sk-right")
    with FakeLLMServer(api_key="sk-right") as server:
        teacher = _teacher(server.url + "/v1", api_key_env="FAKE_KEY")
        assert teacher.complete(TeacherRequest(prompt="q")).text == "Answer: q"
        monkeypatch.setenv("FAKE_KEY", "sk-wrong")
        with pytest.raises(FatalTeacherError, match="check the API key") as info:
            teacher.complete(TeacherRequest(prompt="q"))
        assert info.value.status == 401
        assert "sk-wrong" not in str(info.value)
        assert server.auth_seen == ["sk-right", "sk-wrong"]
        teacher.close()


def test_async_client_survives_new_event_loops(fake_server: FakeLLMServer, openai_url: str) -> None:
    teacher = _teacher(openai_url)
    for i in range(3):  # each asyncio.run brings a new loop; a loop-bound pool would break
        assert (
            asyncio.run(teacher.acomplete(TeacherRequest(prompt=f"q{i}"))).text == f"Answer: q{i}"
        )
    assert fake_server.requests == 3


def test_bad_base_url_is_refused() -> None:
    with pytest.raises(FatalTeacherError, match="http"):
        OpenAICompatTeacher(base_url="localhost:8000")
