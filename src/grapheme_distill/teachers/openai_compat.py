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

from grapheme_distill.teachers._http import HTTPTeacher, parse_openai_logprobs
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage

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
        choice = data["choices"][0]
        message = choice.get("message") or {}
        text = message.get("content")
        if text is None:
            # a refusal or a tool call carries no content; keep the refusal text if there is one
            text = message.get("refusal") or ""
        logprobs = None
        block = choice.get("logprobs")
        if block and block.get("content") is not None:
            logprobs = parse_openai_logprobs(block["content"])
        usage = data.get("usage") or {}
        return TeacherResponse(
            text=str(text),
            model=data.get("model") or self.resolve_model(request),
            logprobs=logprobs,
            usage=Usage(
                prompt_tokens=int(usage.get("prompt_tokens") or 0),
                completion_tokens=int(usage.get("completion_tokens") or 0),
            ),
            latency_s=latency_s,
            finish_reason=choice.get("finish_reason"),
            request_hash=request.content_hash(),
        )
