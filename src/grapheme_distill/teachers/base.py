"""The teacher seam: one request type, one response type, one protocol.

A teacher answers a :class:`TeacherRequest` with a :class:`TeacherResponse`.  Providers (OpenAI-
compatible HTTP, Ollama, Anthropic, an embedded GGUF model, replay of recorded transcripts) all
implement :class:`Teacher`; cross-cutting behaviour (retries, rate limits, caching, recording) wraps
any teacher without the provider knowing.  Async is primary because a teacher spends its life
waiting on the network; :meth:`Teacher.complete` is the sync twin.

A request's :meth:`~TeacherRequest.content_hash` covers everything that can change the answer
(messages, model, sampling parameters, logprob and format settings) and nothing else — never an API
key — so it is safe to store, and identical requests hit the cache or a replay recording.
"""

from __future__ import annotations

import json
import math
import weakref
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, model_validator

from grapheme_distill.model.hashing import Canonical, canonical_json, content_hash

__all__ = [
    "DEFAULT_CONCURRENCY",
    "Message",
    "Teacher",
    "TeacherRequest",
    "TeacherResponse",
    "TokenLogprob",
    "TopLogprob",
    "Usage",
]

#: Teacher requests in flight at once unless told otherwise: the one default of every layer that
#: bounds them (``wrap_teacher``, ``open_teacher``, the ``llm`` extractor, the request pool of
#: ``distill --topics``/``--documents`` and ``crawl``, and their ``--concurrency``), so that no
#: layer silently caps another.  Enough to hide a remote server's latency, few enough for a
#: provider's default rate limits; the embedded model answers one request at a time anyway.
DEFAULT_CONCURRENCY = 16

#: a logprob this far above 0 is float noise of a log-softmax (kept, as 0.0); above it, an error
LOGPROB_TOLERANCE = 1e-6


def _check_logprob(value: float) -> float:
    if math.isnan(value) or value > LOGPROB_TOLERANCE:
        raise ValueError(f"a logprob is a log-probability, at most 0, not {value!r}")
    return min(value, 0.0)


#: Why strict: a recorded ``true`` or ``"0.5"`` is a broken recording, not a number to coerce.
Logprob = Annotated[float, Strict(), AfterValidator(_check_logprob)]
TokenCount = Annotated[int, Strict(), Field(ge=0, le=2**62)]  # le: what SQLite can hold


class Message(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class TeacherRequest(BaseModel):
    """What to ask.  Give ``messages`` (chat) or ``prompt`` (completion-style); a bare prompt is
    sent to chat servers as one user message."""

    model_config = ConfigDict(frozen=True)

    messages: tuple[Message, ...] | None = None
    prompt: str | None = None
    model: str | None = None
    # strict and bounded: a NaN, negative or boolean sampling parameter (from a hand-edited
    # transcript, say) would otherwise be hashed, stored and sent as if it meant something
    temperature: Annotated[float, Strict(), Field(ge=0.0, allow_inf_nan=False)] = 0.0
    top_p: Annotated[float, Strict(), Field(gt=0.0, le=1.0)] | None = None
    max_tokens: Annotated[int, Strict(), Field(ge=1)] | None = 512
    seed: Annotated[int, Strict()] | None = None
    n: Annotated[int, Strict(), Field(ge=1)] = 1
    logprobs: Annotated[bool, Strict()] = False
    top_logprobs: Annotated[int, Strict(), Field(ge=0)] | None = None
    response_format: dict[str, Any] | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)  # not hashed: template ids, topic, ...

    @model_validator(mode="after")
    def _one_input(self) -> TeacherRequest:
        if (self.messages is None) == (self.prompt is None):
            raise ValueError("give exactly one of messages or prompt")
        return self

    @property
    def recorded_as(self) -> str | None:
        """What makes a *recorded* exchange (a transcript line) one exchange: the line's id, or
        a hash of its whole content (``metadata["exchange_id"]``, set by the transcript reader).
        ``None`` for a live request, which is one exchange per request (deterministic) or per
        answer (sampled).  Why: nine recorded answers to one prompt are nine pieces of data, not
        one answer seen nine times."""
        value = self.metadata.get("exchange_id")
        return value if isinstance(value, str) else None

    def chat_messages(self) -> list[Message]:
        """The request as chat messages (a bare prompt becomes one user message)."""
        if self.messages is not None:
            return list(self.messages)
        return [Message(role="user", content=self.prompt or "")]

    @property
    def text(self) -> str:
        """The prompt as plain text (the last user message for chat requests)."""
        if self.prompt is not None:
            return self.prompt
        users = [m.content for m in self.chat_messages() if m.role == "user"]
        return users[-1] if users else ""

    def sampling_params(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in {
                "temperature": self.temperature,
                "top_p": self.top_p,
                "max_tokens": self.max_tokens,
                "seed": self.seed,
                "n": self.n,
                "logprobs": self.logprobs,
                "top_logprobs": self.top_logprobs,
            }.items()
            if v is not None
        }

    def content_hash(self) -> str:
        """Hash of everything that can change the answer (metadata excluded, no secrets).

        Computed once per request object (it is frozen): a request is hashed by the cache, the
        provider, the call log and the ingester, and with a JSON schema in ``response_format``
        each hash serialises ~3 kB (~0.3 ms).  The memo lives beside the object (a weak
        reference), not on it, so equality and ``model_copy`` stay plain pydantic.
        """
        key = id(self)
        memo = _HASHES.get(key)
        if memo is not None and memo[0]() is self:
            return memo[1]
        value = content_hash(
            "teacher_request",
            _canonical_messages(self.messages) if self.messages is not None else None,
            self.prompt,
            self.model,
            self.sampling_params(),
            _canonical_format(self.response_format),
        )
        _HASHES[key] = (weakref.ref(self, lambda _: _HASHES.pop(key, None)), value)
        return value


#: the canonical JSON of each ``json_schema`` a response format carried, by the schema object
#: (held, so its id is not reused): the requests of a run share one schema object, while pydantic
#: gives each request its own copy of the outer ``response_format`` dict
_SCHEMA_CANON: dict[int, tuple[object, str]] = {}


#: canonical JSON of long messages (a template's system prompt, the same text for every request
#: of a run), by (role, content); short ones are serialised each time and never kept
_MESSAGE_CANON: dict[tuple[str, str], str] = {}
_LONG_MESSAGE = 512


def _canonical_messages(messages: tuple[Message, ...]) -> Canonical:
    """``canonical_json([m.model_dump() for m in messages])`` with each long message serialised
    once per process (the same bytes, so the same hash)."""
    parts = []
    for m in messages:
        if len(m.content) < _LONG_MESSAGE:
            parts.append(canonical_json({"content": m.content, "role": m.role}))
            continue
        key = (m.role, m.content)
        text = _MESSAGE_CANON.get(key)
        if text is None:
            if len(_MESSAGE_CANON) >= 256:  # a bound, not a policy: a run has a few templates
                _MESSAGE_CANON.clear()
            text = _MESSAGE_CANON[key] = canonical_json({"content": m.content, "role": m.role})
        parts.append(text)
    return Canonical("[" + ",".join(parts) + "]")


def _canonical_format(fmt: dict[str, Any] | None) -> dict[str, Any] | Canonical | None:
    """``fmt`` as :class:`Canonical` JSON with its ``json_schema`` serialised once per schema
    object (the same bytes as ``canonical_json(fmt)``, so the same hash)."""
    schema = fmt.get("json_schema") if fmt is not None else None
    if fmt is None or not isinstance(schema, dict):
        return fmt
    memo = _SCHEMA_CANON.get(id(schema))
    if memo is None or memo[0] is not schema:
        if len(_SCHEMA_CANON) >= 64:  # a bound, not a policy: a run uses one or two schemas
            _SCHEMA_CANON.clear()
        memo = _SCHEMA_CANON[id(schema)] = (schema, canonical_json(schema))
    members = (
        json.dumps(k, ensure_ascii=False)
        + ":"
        + (memo[1] if k == "json_schema" else canonical_json(fmt[k]))
        for k in sorted(fmt)
    )
    return Canonical("{" + ",".join(members) + "}")


#: id(request) -> (weak reference to it, its content hash); an entry leaves with its request
_HASHES: dict[int, tuple[weakref.ref[TeacherRequest], str]] = {}


class TopLogprob(BaseModel):
    model_config = ConfigDict(frozen=True)

    token: Annotated[str, Strict()]
    logprob: Logprob


class TokenLogprob(BaseModel):
    """One generated token, its log-probability and the top-k alternatives the server offered."""

    model_config = ConfigDict(frozen=True)

    token: Annotated[str, Strict()]
    logprob: Logprob
    top_logprobs: tuple[TopLogprob, ...] = ()


class Usage(BaseModel):
    """Tokens a call cost: whole, non-negative numbers (a negative or boolean count is a broken
    answer, and would corrupt every total it is added to)."""

    model_config = ConfigDict(frozen=True)

    prompt_tokens: TokenCount = 0
    completion_tokens: TokenCount = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class TeacherResponse(BaseModel):
    """What the teacher said, with what it cost and how sure it was token by token."""

    model_config = ConfigDict(frozen=True)

    text: str
    model: str | None = None
    logprobs: tuple[TokenLogprob, ...] | None = None
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    finish_reason: str | None = None
    request_hash: str | None = None
    cached: bool = False
    raw: dict[str, Any] | None = None  # provider's raw body, when kept for audit


@runtime_checkable
class Teacher(Protocol):
    """An LLM that answers requests.

    Attributes:
        name: provider name, recorded in provenance (``openai``, ``local``, ``replay``, ...).
        supports_logprobs: whether responses can carry per-token logprobs.
    """

    name: str
    supports_logprobs: bool

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        """Answer one request (async)."""
        ...

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        """Answer one request (sync twin of :meth:`acomplete`)."""
        ...
