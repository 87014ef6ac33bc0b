"""Anthropic's Messages API (``POST /v1/messages``).

The differences from the OpenAI format are handled here and nowhere else: the key goes in
``x-api-key`` with an ``anthropic-version`` header; system messages move to the top-level
``system`` field; ``max_tokens`` is mandatory (``default_max_tokens`` when a request leaves it
open); the answer is a list of content blocks whose text blocks are joined.  The API offers no
logprobs (``supports_logprobs = False``; responses carry ``None``), no seed (ignored: it cannot
change an answer the API does not let us seed) and no ``n`` (refused).  A JSON ``response_format``
becomes a system instruction naming the schema, because that works on every model version;
the answer is still validated downstream by the extractors.  529 "overloaded" is a 5xx and retried.
"""

from __future__ import annotations

import json
from typing import Any

from grapheme_distill.errors import FatalTeacherError
from grapheme_distill.teachers._http import HTTPTeacher
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage

__all__ = ["AnthropicTeacher"]

ANTHROPIC_VERSION = "2023-06-01"


class AnthropicTeacher(HTTPTeacher):
    """A teacher behind ``POST {base_url}/v1/messages`` (default ``https://api.anthropic.com``).

    Args:
        api_key_env: variable holding the key (default ``ANTHROPIC_API_KEY``).
        default_max_tokens: used when a request has ``max_tokens=None`` (the API requires one).
        anthropic_version: value of the ``anthropic-version`` header.
        **options: see :class:`~grapheme_distill.teachers._http.HTTPTeacher`.
    """

    name = "anthropic"
    supports_logprobs = False
    endpoint = "/v1/messages"
    default_base_url = "https://api.anthropic.com"
    default_api_key_env = "ANTHROPIC_API_KEY"

    def __init__(
        self,
        *,
        default_max_tokens: int = 1024,
        anthropic_version: str = ANTHROPIC_VERSION,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.default_max_tokens = default_max_tokens
        self.anthropic_version = anthropic_version

    def auth_headers(self, key: str) -> dict[str, str]:
        return {"x-api-key": key, "anthropic-version": self.anthropic_version}

    def build_body(self, request: TeacherRequest) -> dict[str, Any]:
        model = self.resolve_model(request)
        if not model:
            raise FatalTeacherError(
                "anthropic needs a model name: give --model NAME on the command line "
                "(model=... in Python)",
                systemic=True,
                kind="no model",
            )
        if request.n != 1:
            raise FatalTeacherError(
                f"anthropic's Messages API cannot return n={request.n} choices; "
                "send n separate requests instead"
            )
        messages = request.chat_messages()
        system = [m.content for m in messages if m.role == "system"]
        instruction = _format_instruction(request.response_format)
        if instruction:
            system.append(instruction)
        body: dict[str, Any] = {
            "model": model,
            "max_tokens": request.max_tokens or self.default_max_tokens,
            "messages": [
                {"role": m.role, "content": m.content} for m in messages if m.role != "system"
            ],
            "temperature": request.temperature,
        }
        if system:
            body["system"] = "\n\n".join(system)
        if request.top_p is not None:
            body["top_p"] = request.top_p
        return body

    def parse_body(self, request: TeacherRequest, data: Any, latency_s: float) -> TeacherResponse:
        blocks = data["content"]
        texts = [b.get("text") for b in blocks if b.get("type") == "text"]
        if not texts or not all(isinstance(t, str) for t in texts):
            raise TypeError("the answer has no text content block")
        usage = data.get("usage") or {}
        model = data.get("model")
        stop = data.get("stop_reason")
        return TeacherResponse(
            text="".join(texts),
            model=model if isinstance(model, str) and model else self.resolve_model(request),
            logprobs=None,
            usage=Usage(  # validated: counts are whole and non-negative
                prompt_tokens=usage.get("input_tokens") or 0,
                completion_tokens=usage.get("output_tokens") or 0,
            ),
            latency_s=latency_s,
            finish_reason=stop if isinstance(stop, str) else None,
            request_hash=request.content_hash(),
        )


def _format_instruction(response_format: dict[str, Any] | None) -> str | None:
    if not response_format or response_format.get("type") == "text":
        return None
    if response_format.get("type") == "json_object":
        return "Answer with one JSON object and nothing else."
    if response_format.get("type") == "json_schema":
        spec = response_format.get("json_schema") or {}
        schema = spec.get("schema", response_format.get("schema"))
        return (
            "Answer with one JSON object and nothing else, valid against this JSON schema:\n"
            + json.dumps(schema, sort_keys=True)
        )
    raise FatalTeacherError(
        f"unsupported response_format type {response_format.get('type')!r}; "
        "use json_object or json_schema"
    )
