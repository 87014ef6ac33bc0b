"""A request body is the same JSON whether its response format's schema was serialised before
(memoised per schema object) or not, and an answer to it arrives as usual."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.extractors.llm import response_format
from grapheme_distill.model.hashing import content_hash
from grapheme_distill.teachers._http import _body_json
from grapheme_distill.teachers.base import Message, TeacherRequest
from grapheme_distill.teachers.registry import get_teacher

SCHEMA = {"type": "object", "properties": {"a": {"type": "string"}}}


@pytest.mark.parametrize(
    "body",
    [
        {"model": "m", "messages": [{"role": "user", "content": 'say "hi"\n'}], "n": 1},
        {"model": "m", "response_format": {"type": "json_schema", "json_schema": SCHEMA}},
        {"response_format": {"json_schema": {}}},
        {"response_format": {"type": "json_object"}},
        {"response_format": "text", "x": [1.5, None, True]},
        {},
        {"messages": [{"role": "system", "content": 'Réponds "en JSON"\n' * 40}], "n": 2},
        {
            "model": "m",
            "messages": [
                {"role": "system", "content": "é\x1f" * 600},
                {"role": "user", "content": "Entity: Ada"},
                {"content": "x" * 600, "role": "user"},  # another key order: no memo
                {"role": "user", "content": "y" * 600, "name": "n"},
            ],
            "response_format": {"type": "json_schema", "json_schema": SCHEMA},
            "seed": 0,
        },
    ],
)
def test_body_json_is_the_plain_json(body: dict[str, Any]) -> None:
    for _ in range(2):  # the second time from the memo
        assert json.loads(_body_json(body)) == body
    assert b" " not in _body_json({"a": [1, 2], "b": {"c": 3}})  # compact


def test_requests_with_the_shared_schema_reach_the_server_whole(
    fake_server: FakeLLMServer, openai_url: str
) -> None:
    teacher = get_teacher("vllm", base_url=openai_url, model="m")
    for i in range(3):
        teacher.complete(TeacherRequest(prompt=f"q{i}", response_format=response_format()))
    sent = fake_server.bodies  # as the server parsed them
    assert [b["response_format"] for b in sent] == [response_format()] * 3
    assert [b["messages"][-1]["content"] for b in sent] == ["q0", "q1", "q2"]


@pytest.mark.parametrize(
    "fmt",
    [
        None,
        {"type": "json_object"},
        {"type": "json_schema", "json_schema": SCHEMA},
        {"zeta": 1, "json_schema": {"name": "é\x1f", "schema": SCHEMA}, "type": "json_schema"},
        response_format(),
    ],
)
def test_request_hash_with_a_memoised_schema_is_the_plain_hash(fmt: dict[str, Any] | None) -> None:
    """The request hash serialises a shared schema once, and must still hash the same bytes as
    the plain canonical JSON (a changed hash would re-ask every recorded request)."""
    request = TeacherRequest(prompt="p", model="m", response_format=fmt)
    plain = content_hash(
        "teacher_request", None, "p", "m", request.sampling_params(), request.response_format
    )
    assert request.content_hash() == plain
    again = TeacherRequest(prompt="p", model="m", response_format=fmt)  # from the memo
    assert again.content_hash() == plain


def test_request_hash_with_a_memoised_long_message_is_the_plain_hash() -> None:
    system = Message(role="system", content="Answer as JSON, é \x1f " * 40)  # long: memoised
    for user in ("Entity: Ada", "Entity: " + "x" * 600):
        messages = (system, Message(role="user", content=user))
        request = TeacherRequest(messages=messages, model="m")
        plain = content_hash(
            "teacher_request",
            [m.model_dump() for m in messages],
            None,
            "m",
            request.sampling_params(),
            None,
        )
        assert request.content_hash() == plain
        assert TeacherRequest(messages=messages, model="m").content_hash() == plain
