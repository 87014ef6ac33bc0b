"""Ollama's native chat API (``POST /api/chat``), logprobs included.

Ollama also speaks OpenAI's format on ``/v1`` (use the ``openai`` teacher with that base URL), but
the native API is what every Ollama version has and it reports the real token counts
(``prompt_eval_count``/``eval_count``).  Since Ollama 0.12.11 it returns per-token logprobs with
top-k alternatives (``logprobs: true, top_logprobs: k``) in the OpenAI shape, so this teacher
``supports_logprobs``; an older server simply omits them and the response carries ``None``.

Mapping: sampling parameters go into ``options`` (``max_tokens`` → ``num_predict``);
``response_format`` ``json_object`` → ``format: "json"``, ``json_schema`` → ``format: <schema>``;
``n > 1`` is refused (the API has no such parameter) rather than silently answered once.
"""

from __future__ import annotations

from typing import Any

from grapheme_distill.errors import FatalTeacherError
from grapheme_distill.teachers._http import HTTPTeacher, parse_openai_logprobs
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage

__all__ = ["OllamaTeacher"]


class OllamaTeacher(HTTPTeacher):
    """A teacher behind Ollama's ``POST {base_url}/api/chat`` (default ``http://localhost:11434``).

    Args:
        keep_alive: how long Ollama keeps the model loaded after a call (e.g. ``"5m"``).
        **options: see :class:`~grapheme_distill.teachers._http.HTTPTeacher` (no key by default).
    """

    name = "ollama"
    supports_logprobs = True
    endpoint = "/api/chat"
    default_base_url = "http://localhost:11434"
    default_api_key_env = None

    def __init__(self, *, keep_alive: str | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.keep_alive = keep_alive

    def build_body(self, request: TeacherRequest) -> dict[str, Any]:
        model = self.resolve_model(request)
        if not model:
            raise FatalTeacherError(
                "ollama needs a model name: give --model NAME on the command line "
                "(model=... in Python) "
                "(`ollama list` shows the installed ones)",
                systemic=True,
                kind="no model",
            )
        if request.n != 1:
            raise FatalTeacherError(
                f"ollama's /api/chat cannot return n={request.n} choices; send n separate "
                "requests with different seeds instead"
            )
        options: dict[str, Any] = {"temperature": request.temperature}
        if request.top_p is not None:
            options["top_p"] = request.top_p
        if request.max_tokens is not None:
            options["num_predict"] = request.max_tokens
        if request.seed is not None:
            options["seed"] = request.seed
        body: dict[str, Any] = {
            "model": model,
            "messages": [{"role": m.role, "content": m.content} for m in request.chat_messages()],
            "stream": False,
            "options": options,
        }
        if request.logprobs:
            body["logprobs"] = True
            if request.top_logprobs is not None:
                body["top_logprobs"] = request.top_logprobs
        fmt = _ollama_format(request.response_format)
        if fmt is not None:
            body["format"] = fmt
        if self.keep_alive is not None:
            body["keep_alive"] = self.keep_alive
        return body

    def parse_body(self, request: TeacherRequest, data: Any, latency_s: float) -> TeacherResponse:
        message = data["message"]
        text = message.get("content")
        if not isinstance(text, str):  # null, or not text: a broken answer, never stored as ""
            raise TypeError(f"message.content is {type(text).__name__}, not text")
        block = data.get("logprobs")
        model = data.get("model")
        done_reason = data.get("done_reason")
        return TeacherResponse(
            text=text,
            model=model if isinstance(model, str) and model else self.resolve_model(request),
            logprobs=parse_openai_logprobs(block) if block is not None else None,
            usage=Usage(  # validated: counts are whole and non-negative
                prompt_tokens=data.get("prompt_eval_count") or 0,
                completion_tokens=data.get("eval_count") or 0,
            ),
            latency_s=latency_s,
            finish_reason=done_reason
            if isinstance(done_reason, str)
            else ("stop" if data.get("done") else None),
            request_hash=request.content_hash(),
        )


def _ollama_format(response_format: dict[str, Any] | None) -> Any:
    """OpenAI ``response_format`` → Ollama ``format`` (``"json"`` or a JSON schema)."""
    if not response_format:
        return None
    kind = response_format.get("type")
    if kind == "json_object":
        return "json"
    if kind == "json_schema":
        spec = response_format.get("json_schema") or {}
        schema = spec.get("schema", response_format.get("schema"))
        return schema if schema is not None else "json"
    if kind == "text":
        return None
    raise FatalTeacherError(
        f"unsupported response_format type {kind!r}; use json_object or json_schema"
    )
