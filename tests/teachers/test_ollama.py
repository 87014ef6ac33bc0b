from __future__ import annotations

import json
import math

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import FatalTeacherError, RetryableTeacherError
from grapheme_distill.teachers.base import Message, TeacherRequest
from grapheme_distill.teachers.ollama import OllamaTeacher


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_native_chat_body_and_answer(fake_server: FakeLLMServer, mode: str) -> None:
    teacher = OllamaTeacher(base_url=fake_server.url, model="llama3.2", keep_alive="5m")
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
    request = TeacherRequest(
        messages=(Message(role="system", content="short"), Message(role="user", content="Rome?")),
        temperature=0.2,
        top_p=0.8,
        max_tokens=40,
        seed=3,
        logprobs=True,
        top_logprobs=2,
        response_format={"type": "json_schema", "json_schema": {"name": "a", "schema": schema}},
    )
    response = await teacher.acomplete(request) if mode == "async" else teacher.complete(request)
    assert fake_server.paths["/api/chat"] == 1
    body = fake_server.bodies[0]
    assert body["model"] == "llama3.2" and body["stream"] is False and body["keep_alive"] == "5m"
    assert body["options"] == {"temperature": 0.2, "top_p": 0.8, "num_predict": 40, "seed": 3}
    assert body["format"] == schema
    assert body["logprobs"] is True and body["top_logprobs"] == 2
    assert json.loads(response.text) == {"answer": "Rome?"}
    assert response.finish_reason == "stop" and response.model == "llama3.2"
    assert response.usage.prompt_tokens == 2 and response.usage.completion_tokens == 2
    assert response.logprobs is not None and len(response.logprobs) == 2
    assert all(len(t.top_logprobs) == 2 for t in response.logprobs)
    assert response.logprobs[0].logprob == pytest.approx(math.log(0.5))
    await teacher.aclose()


@pytest.mark.parametrize(("fmt", "expected"), [({"type": "json_object"}, "json"), (None, None)])
async def test_json_object_format(
    fake_server: FakeLLMServer, fmt: dict[str, str] | None, expected: str | None
) -> None:
    teacher = OllamaTeacher(base_url=fake_server.url, model="m")
    response = await teacher.acomplete(TeacherRequest(prompt="x", response_format=fmt))
    assert fake_server.bodies[0].get("format") == expected
    assert response.logprobs is None  # not asked for, not invented
    await teacher.aclose()


async def test_errors(fake_server: FakeLLMServer) -> None:
    teacher = OllamaTeacher(base_url=fake_server.url, model="missing")
    fake_server.faults.extend(["404", "503"])
    with pytest.raises(FatalTeacherError, match="model not found"):
        await teacher.acomplete(TeacherRequest(prompt="x"))
    with pytest.raises(RetryableTeacherError):
        await teacher.acomplete(TeacherRequest(prompt="x"))
    with pytest.raises(FatalTeacherError, match="n=2"):
        await teacher.acomplete(TeacherRequest(prompt="x", n=2))
    with pytest.raises(FatalTeacherError, match="model name"):
        OllamaTeacher(base_url=fake_server.url).complete(TeacherRequest(prompt="x"))
    assert fake_server.requests == 2  # the refused requests never left the client
    await teacher.aclose()
