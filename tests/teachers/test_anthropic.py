from __future__ import annotations

import json

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import FatalTeacherError, RetryableTeacherError
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.base import Message, TeacherRequest


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_messages_api_body_headers_and_answer(
    fake_server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "ak-test")
    teacher = AnthropicTeacher(base_url=fake_server.url, model="claude-haiku-4-5")
    assert teacher.supports_logprobs is False
    request = TeacherRequest(
        messages=(
            Message(role="system", content="be terse"),
            Message(role="user", content="Who wrote Hamlet?"),
        ),
        max_tokens=None,
        temperature=0.3,
        logprobs=True,
    )
    response = await teacher.acomplete(request) if mode == "async" else teacher.complete(request)
    assert fake_server.paths["/v1/messages"] == 1
    body = fake_server.bodies[0]
    assert body["system"] == "be terse"
    assert body["messages"] == [{"role": "user", "content": "Who wrote Hamlet?"}]
    assert body["max_tokens"] == 1024 and body["temperature"] == 0.3
    assert fake_server.auth_seen == ["ak-test"]
    assert response.text == "Answer: Who wrote Hamlet?"
    assert response.finish_reason == "end_turn" and response.logprobs is None
    assert response.usage.prompt_tokens == 3 and response.usage.completion_tokens == 4
    await teacher.aclose()


async def test_json_schema_becomes_a_system_instruction(fake_server: FakeLLMServer) -> None:
    teacher = AnthropicTeacher(base_url=fake_server.url, model="c", api_key="ak")
    schema = {"type": "object", "required": ["answer"]}
    response = await teacher.acomplete(
        TeacherRequest(
            prompt="x", response_format={"type": "json_schema", "json_schema": {"schema": schema}}
        )
    )
    system = fake_server.bodies[0]["system"]
    assert "JSON" in system and json.dumps(schema, sort_keys=True) in system
    assert json.loads(response.text) == {"answer": "x"}
    await teacher.aclose()


async def test_errors_and_refusals(fake_server: FakeLLMServer) -> None:
    teacher = AnthropicTeacher(base_url=fake_server.url, model="c", api_key="ak")
    fake_server.faults.extend(["503", "429:4", "400"])
    with pytest.raises(RetryableTeacherError):
        await teacher.acomplete(TeacherRequest(prompt="x"))
    with pytest.raises(RetryableTeacherError) as info:
        await teacher.acomplete(TeacherRequest(prompt="x"))
    assert info.value.retry_after == 4.0
    with pytest.raises(FatalTeacherError, match="invalid request"):
        await teacher.acomplete(TeacherRequest(prompt="x"))
    with pytest.raises(FatalTeacherError, match="n=3"):
        await teacher.acomplete(TeacherRequest(prompt="x", n=3))
    await teacher.aclose()


def test_remote_default_needs_a_key() -> None:
    with pytest.raises(FatalTeacherError, match=r"\$ANTHROPIC_API_KEY"):
        AnthropicTeacher(model="c").complete(TeacherRequest(prompt="x"))
