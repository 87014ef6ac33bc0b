"""Recorded teacher transcripts in: JSONL, OpenAI chat-completion objects, OpenAI batch output.

Each non-blank line of a transcript file is one teacher exchange, in any of three shapes, told
apart by their keys so users can feed files "as they come":

* **native** — ``{"prompt" | "messages", "response", "model"?, "params"?, "logprobs"?,
  "knowledge_type"?, "id"?}``; ``response`` may be a string or an OpenAI chat-completion object,
  ``logprobs`` the OpenAI ``logprobs.content`` list (or the ``{"content": [...]}`` wrapper);
* **chat completion** — an OpenAI ``chat.completion`` (or legacy ``text_completion``) response
  object as returned by the API; it carries no prompt, so its request is keyed by the response id;
* **batch output** — a line of an OpenAI Batch API output file (``custom_id`` + ``response.body``);
  failed batch requests are bad lines with the server's reason.

Every exchange becomes a :class:`TeacherRequest`/:class:`TeacherResponse` pair, so recorded and live
teachers flow through the same pipeline and store.  A bad line raises :class:`InputError` naming the
file, the 1-based line and the reason; with ``skip_bad`` the reader counts it, keeps the reason and
writes the line verbatim to a side file (``<file>.rejected.jsonl``) so it can be fixed and fed
again.  Top-logprobs become one :class:`SoftTarget` per generated token position.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from grapheme_distill.errors import InputError
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store.sqlite import exchange_key
from grapheme_distill.teachers.base import (
    Message,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)

__all__ = [
    "Exchange",
    "ReadStats",
    "TranscriptReader",
    "parse_exchange",
    "read_transcripts",
    "soft_targets_of",
]

#: Sampling parameters a transcript's ``params`` may carry that are part of the request hash.
_REQUEST_PARAMS = ("temperature", "top_p", "max_tokens", "seed", "n", "logprobs", "top_logprobs")
_SLOT_CONTEXT = 400  # characters of preceding answer text that name a soft-target slot


@dataclass(frozen=True)
class Exchange:
    """One recorded teacher exchange.

    Attributes:
        request: what was asked (hashable; the replay and store key).
        response: what the teacher answered.
        prompt: the prompt text extraction sees ("" when the recording has none).
        knowledge_type: the type the prompt asked for, when the transcript says so.
        id: the line's own id (``id`` or ``custom_id``), if any.
        source: ``"<file>:<line>"``, kept as provenance.
    """

    request: TeacherRequest
    response: TeacherResponse
    prompt: str
    knowledge_type: KnowledgeType | None = None
    id: str | None = None
    source: str = ""

    @property
    def call_hash(self) -> str:
        """The key the store records this exchange under (request, plus answer when sampled)."""
        return exchange_key(self.request, self.response)

    def soft_targets(self) -> list[SoftTarget]:
        """One soft target per generated token that came with ``top_logprobs``."""
        return soft_targets_of(self.response, self.call_hash, self.source)


def soft_targets_of(response: TeacherResponse, call_hash: str, source: str = "") -> list[SoftTarget]:
    """One soft target per generated token of ``response`` that came with top-logprobs.

    The slot is the answer text before the token (its last 400 characters), so a target says
    "after this text the teacher would have continued with these tokens"; ``metadata`` keeps the
    token position, the chosen token and the call it came from.
    """
    targets: list[SoftTarget] = []
    prefix = ""
    for position, tok in enumerate(response.logprobs or ()):
        if tok.top_logprobs:
            target = SoftTarget.from_top_logprobs(
                prefix[-_SLOT_CONTEXT:], [(t.token, t.logprob) for t in tok.top_logprobs]
            )
            targets.append(target.model_copy(update={"metadata": {
                "position": position, "token": tok.token, "call_hash": call_hash, "source": source,
            }}))
        prefix += tok.token
    return targets


@dataclass
class ReadStats:
    """What a reader has seen: lines, exchanges, rejected lines with reasons, side files."""

    lines: int = 0
    exchanges: int = 0
    rejected: int = 0
    errors: list[InputError] = field(default_factory=list)
    rejected_files: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- parsing
def _logprobs(value: Any) -> tuple[TokenLogprob, ...] | None:
    """OpenAI ``logprobs.content`` (or the wrapper, or the legacy completions layout)."""
    if value is None:
        return None
    if isinstance(value, dict) and "content" in value:
        value = value["content"]
        if value is None:
            return None
    elif isinstance(value, dict) and "tokens" in value:  # legacy completions API
        tops = value.get("top_logprobs") or [None] * len(value["tokens"])
        return tuple(
            TokenLogprob(
                token=t, logprob=lp,
                top_logprobs=tuple(TopLogprob(token=k, logprob=v) for k, v in (top or {}).items()),
            )
            for t, lp, top in zip(value["tokens"], value["token_logprobs"], tops, strict=True)
        )
    if not isinstance(value, list):
        raise TypeError("logprobs must be the OpenAI logprobs.content list")
    return tuple(TokenLogprob.model_validate(t) for t in value)


def _usage(value: Any) -> Usage:
    if not isinstance(value, dict):
        return Usage()
    return Usage(prompt_tokens=int(value.get("prompt_tokens") or 0),
                 completion_tokens=int(value.get("completion_tokens") or 0))


def _from_completion(obj: dict[str, Any]) -> TeacherResponse:
    """An OpenAI chat-completion (or text-completion) response object → TeacherResponse."""
    choices = obj.get("choices")
    if not isinstance(choices, list) or not choices:
        raise ValueError("completion object has no choices")
    choice = choices[0]
    if "message" in choice:
        message = choice["message"] or {}
        text = message.get("content")
        if text is None:
            refusal = message.get("refusal")
            raise ValueError(f"the answer has no content{f' (refusal: {refusal})' if refusal else ''}")
    else:
        text = choice.get("text")
    if not isinstance(text, str):
        raise TypeError("completion choice has no text")
    return TeacherResponse(
        text=text,
        model=obj.get("model"),
        logprobs=_logprobs(choice.get("logprobs")),
        usage=_usage(obj.get("usage")),
        finish_reason=choice.get("finish_reason"),
    )


def _request(
    *, prompt: str | None, messages: Any, model: str | None, params: dict[str, Any]
) -> TeacherRequest:
    kwargs: dict[str, Any] = {k: params[k] for k in _REQUEST_PARAMS if params.get(k) is not None}
    extra = {k: v for k, v in params.items() if k not in _REQUEST_PARAMS}
    if messages is not None:
        if not isinstance(messages, list) or not messages:
            raise ValueError("messages must be a non-empty list of {role, content}")
        msgs = tuple(Message(role=m["role"], content=m["content"]) for m in messages)
        return TeacherRequest(messages=msgs, model=model, metadata={"params": extra}, **kwargs)
    return TeacherRequest(prompt=prompt, model=model, metadata={"params": extra}, **kwargs)


def parse_exchange(obj: Any, source: str = "") -> Exchange:
    """Turn one decoded transcript line into an :class:`Exchange`.

    Raises:
        ValueError, KeyError, TypeError, ValidationError: the line is not a usable exchange (the
            reader turns these into :class:`InputError` with the file and line).
    """
    if not isinstance(obj, dict):
        raise TypeError(f"expected a JSON object, got {type(obj).__name__}")
    if "custom_id" in obj and "response" in obj and "prompt" not in obj and "messages" not in obj:
        return _batch_line(obj, source)
    if "choices" in obj:
        response = _from_completion(obj)
        rid = str(obj.get("id") or source)
        request = TeacherRequest(prompt=f"[recorded response {rid}]", model=response.model)
        return Exchange(request, response, prompt="", id=rid, source=source)
    if "response" not in obj:
        raise ValueError("missing 'response' (expected prompt/messages + response, an OpenAI "
                         "chat-completion object, or an OpenAI batch output line)")
    prompt, messages = obj.get("prompt"), obj.get("messages")
    if (prompt is None) == (messages is None):
        raise ValueError("give exactly one of 'prompt' or 'messages'")
    if prompt is not None and not isinstance(prompt, str):
        raise ValueError("'prompt' must be a string")
    params = obj.get("params") or {}
    if not isinstance(params, dict):
        raise TypeError("'params' must be an object")
    raw = obj["response"]
    if isinstance(raw, dict):
        response = _from_completion(raw)
        if obj.get("logprobs") is not None:
            response = response.model_copy(update={"logprobs": _logprobs(obj["logprobs"])})
    elif isinstance(raw, str):
        response = TeacherResponse(text=raw, logprobs=_logprobs(obj.get("logprobs")),
                                   usage=_usage(obj.get("usage")))
    else:
        raise TypeError("'response' must be a string or an OpenAI completion object")
    model = obj.get("model") or response.model
    if response.logprobs and "logprobs" not in params:
        # logprobs were returned, so they were asked for: the request says so, and its hash then
        # matches the live request that would have produced this recording
        params = {**params, "logprobs": True}
        k = max(len(t.top_logprobs) for t in response.logprobs)
        if k and "top_logprobs" not in params:
            params["top_logprobs"] = k
    request = _request(prompt=prompt, messages=messages, model=model, params=params)
    if response.model is None and model is not None:
        response = response.model_copy(update={"model": model})
    raw_type = obj.get("knowledge_type")
    ktype: KnowledgeType | None = None
    if raw_type is not None:
        try:
            ktype = KnowledgeType(str(raw_type).lower())
        except ValueError:
            raise ValueError(
                f"unknown knowledge_type {raw_type!r}; use one of "
                f"{', '.join(t.value for t in KnowledgeType)}"
            ) from None
    line_id = obj.get("id")
    return Exchange(request, response.model_copy(update={"request_hash": request.content_hash()}),
                    prompt=request.text, knowledge_type=ktype,
                    id=str(line_id) if line_id is not None else None, source=source)


def _batch_line(obj: dict[str, Any], source: str) -> Exchange:
    error = obj.get("error")
    resp = obj.get("response") or {}
    status = resp.get("status_code")
    if error or (status is not None and status != 200):
        reason = (error or {}).get("message") if isinstance(error, dict) else error
        body_err = (resp.get("body") or {}).get("error") if isinstance(resp.get("body"), dict) else None
        if not reason and isinstance(body_err, dict):
            reason = body_err.get("message")
        raise ValueError(f"batch request {obj['custom_id']} failed (status {status}): {reason or 'no reason given'}")
    body = resp.get("body")
    if not isinstance(body, dict):
        raise TypeError("batch output line has no response.body")
    response = _from_completion(body)
    cid = str(obj["custom_id"])
    request = TeacherRequest(prompt=f"[batch request {cid}]", model=response.model)
    return Exchange(request, response, prompt="", id=cid, source=source)


# ---------------------------------------------------------------------------- reading
class TranscriptReader:
    """Iterate the exchanges of one or more transcript files, in order.

    Args:
        paths: JSONL files.
        skip_bad: continue past bad lines (counted in :attr:`stats`, written verbatim to
            ``<file>.rejected.jsonl``) instead of raising :class:`InputError`.
    """

    def __init__(self, paths: Iterable[str | Path], *, skip_bad: bool = False) -> None:
        self.paths = [Path(p) for p in paths]
        self.skip_bad = skip_bad
        self.stats = ReadStats()
        for path in self.paths:
            if not path.is_file():
                raise InputError(str(path), None, "no such transcript file; check the path")

    def count_lines(self) -> int:
        """Non-blank lines over all files (for progress bars)."""
        total = 0
        for path in self.paths:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        return total

    def __iter__(self) -> Iterator[Exchange]:
        for path in self.paths:
            yield from self._read(path)

    def _read(self, path: Path) -> Iterator[Exchange]:
        side: IO[str] | None = None
        try:
            with path.open("r", encoding="utf-8", errors="strict", newline="") as fh:
                lineno = 0
                while True:
                    try:
                        line = fh.readline()
                    except UnicodeDecodeError as exc:
                        raise InputError(str(path), lineno + 1, f"not UTF-8 text: {exc.reason}") from exc
                    if not line:
                        break
                    lineno += 1
                    if not line.strip():
                        continue
                    self.stats.lines += 1
                    try:
                        exchange = parse_exchange(json.loads(line), f"{path}:{lineno}")
                    except json.JSONDecodeError as exc:
                        error = InputError(str(path), lineno, f"invalid JSON: {exc.msg} at column {exc.colno}")
                    except ValidationError as exc:
                        first = exc.errors()[0]
                        where = ".".join(str(x) for x in first["loc"])
                        error = InputError(str(path), lineno, f"invalid exchange: {where}: {first['msg']}")
                    except (ValueError, KeyError, TypeError) as exc:
                        reason = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
                        error = InputError(str(path), lineno, reason)
                    else:
                        self.stats.exchanges += 1
                        yield exchange
                        continue
                    if not self.skip_bad:
                        raise error
                    self.stats.rejected += 1
                    self.stats.errors.append(error)
                    if side is None:
                        side_path = path.with_name(path.name + ".rejected.jsonl")
                        side = side_path.open("w", encoding="utf-8")
                        self.stats.rejected_files.append(str(side_path))
                    side.write(line if line.endswith("\n") else line + "\n")
                    side.flush()
        finally:
            if side is not None:
                side.close()


def read_transcripts(paths: Iterable[str | Path], *, skip_bad: bool = False) -> list[Exchange]:
    """All exchanges of ``paths`` (small files; use :class:`TranscriptReader` to stream)."""
    return list(TranscriptReader(paths, skip_bad=skip_bad))
