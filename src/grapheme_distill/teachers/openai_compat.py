"""Any OpenAI-compatible chat-completions server: OpenAI, vLLM, llama.cpp's server, LM Studio,
Ollama's ``/v1``.

One class covers them all because they speak the same wire format; a new server is a base URL (and
maybe a key variable) in the config, never new code — see :func:`register_openai_compatible` in
:mod:`grapheme_distill.teachers.registry`.  Server quirks that do differ are options, not
subclasses: ``max_tokens_field`` (OpenAI's newest models want ``max_completion_tokens``) and
``extra_body`` (server-specific sampling knobs such as vLLM's ``top_k``).

Per-token logprobs with their top-k alternatives are parsed from ``choices[0].logprobs.content``;
with ``n > 1`` the first choice is the answer and the full body is kept in ``raw``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from grapheme_distill.teachers._http import HTTPTeacher
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wire import ChatCompletionBody

__all__ = ["OpenAICompatTeacher"]


class OpenAICompatTeacher(HTTPTeacher):
    """A teacher behind ``POST {base_url}/chat/completions``.

    Args:
        base_url: server root including the version path (default ``https://api.openai.com/v1``).
        model: default model name.
        api_key_env: variable holding the key (default ``OPENAI_API_KEY``; ``None``: no key).
        max_tokens_field: body field for the length limit (``max_tokens`` or
            ``max_completion_tokens``).
        extra_body: extra JSON fields merged into every body (server-specific options).
        **options: see :class:`~grapheme_distill.teachers._http.HTTPTeacher`.
    """

    name = "openai"
    supports_logprobs = True
    endpoint = "/chat/completions"
    default_base_url = "https://api.openai.com/v1"
    default_api_key_env = "OPENAI_API_KEY"

    def __init__(
        self,
        *,
        max_tokens_field: str = "max_tokens",
        extra_body: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.max_tokens_field = max_tokens_field
        self.extra_body = dict(extra_body or {})

    def build_body(self, request: TeacherRequest) -> dict[str, Any]:
        body: dict[str, Any] = {
            "messages": [{"role": m.role, "content": m.content} for m in request.chat_messages()],
            "temperature": request.temperature,
        }
        model = self.resolve_model(request)
        if model:
            body["model"] = model
        if request.top_p is not None:
            body["top_p"] = request.top_p
        if request.max_tokens is not None:
            body[self.max_tokens_field] = request.max_tokens
        if request.seed is not None:
            body["seed"] = request.seed
        if request.n != 1:
            body["n"] = request.n
        if request.logprobs:
            body["logprobs"] = True
            if request.top_logprobs is not None:
                body["top_logprobs"] = request.top_logprobs
        if request.response_format is not None:
            body["response_format"] = request.response_format
        body.update(self.extra_body)
        return body

    def parse_body(self, request: TeacherRequest, data: Any, latency_s: float) -> TeacherResponse:
        """The first choice, validated by :class:`~grapheme_distill.teachers.wire.ChatCompletionBody`
        (a choice with ``content: null`` — a refusal, a tool call, a glitch — raises: an empty
        string stored as the answer would never be asked again)."""
        return ChatCompletionBody.parse(data).to_response(
            model=self.resolve_model(request),
            latency_s=latency_s,
            request_hash=request.content_hash(),
        )
