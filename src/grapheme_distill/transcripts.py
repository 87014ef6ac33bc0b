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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    field_validator,
    model_validator,
)

from grapheme_distill.errors import InputError, printable
from grapheme_distill.model.hashing import content_hash, exchange_key
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.teachers.base import Message, TeacherRequest, TeacherResponse, Usage
from grapheme_distill.teachers.wire import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_LINE_BYTES,
    ChatCompletionBody,
    LogprobsField,
    MalformedJSON,
    UsageBody,
    decode_json,
    logprobs_input,
    reason_of,
)

__all__ = [
    "BatchLine",
    "Exchange",
    "NativeLine",
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
        request = self.request
        return exchange_key(
            request.content_hash(), request.temperature, self.response.text, request.recorded_as
        )

    def soft_targets(self) -> list[SoftTarget]:
        """One soft target per generated token that came with ``top_logprobs``."""
        return soft_targets_of(self.response, self.call_hash, self.source)


def soft_targets_of(
    response: TeacherResponse, call_hash: str, source: str = ""
) -> list[SoftTarget]:
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
            targets.append(
                target.model_copy(
                    update={
                        "metadata": {
                            "position": position,
                            "token": tok.token,
                            "call_hash": call_hash,
                            "source": source,
                        }
                    }
                )
            )
        prefix += tok.token
    return targets


@dataclass
class ReadStats:
    """What a reader has seen: lines, exchanges, rejected lines with reasons, side files, and
    lines that repeat an earlier exchange of the same input (``repeats``: how many; ``repeat_notes``:
    the first few, each saying which line it repeats and why), so a summary can tell "already
    processed" apart from "stored by an earlier run"."""

    lines: int = 0
    exchanges: int = 0
    rejected: int = 0
    errors: list[InputError] = field(default_factory=list)
    rejected_files: list[str] = field(default_factory=list)
    repeats: int = 0
    repeat_notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- the schema
_Text = Annotated[str, Strict()]


class _Line(BaseModel):
    """Fields a line may carry that are read; anything else on the line is ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


class NativeLine(_Line):
    """``{"prompt" | "messages", "response", ...}``: the project's own transcript line."""

    prompt: _Text | None = None
    messages: list[Message] | None = Field(default=None, min_length=1)
    response: _Text | ChatCompletionBody
    model: _Text | None = None
    params: dict[str, Any] | None = None
    logprobs: LogprobsField | None = None
    usage: UsageBody | None = None
    knowledge_type: _Text | None = None
    id: _Text | Annotated[int, Strict()] | None = None

    @field_validator("logprobs", mode="before")
    @classmethod
    def _bare_list(cls, value: Any) -> Any:
        return logprobs_input(value)

    @model_validator(mode="after")
    def _one_input(self) -> NativeLine:
        if (self.prompt is None) == (self.messages is None):
            raise ValueError("give exactly one of 'prompt' or 'messages'")
        return self


class BatchResponse(_Line):
    status_code: Annotated[int, Strict()] | None = None
    body: Any = None


class BatchLine(_Line):
    """One line of an OpenAI Batch API output file."""

    custom_id: _Text | Annotated[int, Strict()]
    response: BatchResponse | None = None
    error: Any = None


# ---------------------------------------------------------------------------- parsing
def _from_completion(obj: Any, where: str = "") -> TeacherResponse:
    """An OpenAI chat-completion (or text-completion) object → TeacherResponse."""
    try:
        return ChatCompletionBody.parse(obj).to_response()
    except ValidationError as exc:
        raise ValueError(f"{where}{reason_of(exc)}") from None


def _request(
    *,
    prompt: str | None,
    messages: Sequence[Message] | None,
    model: str | None,
    params: dict[str, Any],
) -> TeacherRequest:
    kwargs: dict[str, Any] = {k: params[k] for k in _REQUEST_PARAMS if params.get(k) is not None}
    extra = {k: v for k, v in params.items() if k not in _REQUEST_PARAMS}
    try:
        if messages is not None:
            return TeacherRequest(
                messages=tuple(messages), model=model, metadata={"params": extra}, **kwargs
            )
        return TeacherRequest(prompt=prompt, model=model, metadata={"params": extra}, **kwargs)
    except ValidationError as exc:
        raise ValueError(f"params.{reason_of(exc)}") from None


def _identified(
    request: TeacherRequest, response: TeacherResponse, line_id: str | None
) -> TeacherRequest:
    """The request tagged with what makes this recording one exchange (see :class:`Exchange`)."""
    identity = (
        f"id:{line_id}"
        if line_id is not None
        else content_hash(
            "recorded_exchange",
            response.request_hash,
            response.text,
            response.model,
            [t.model_dump() for t in response.logprobs or ()],
        )
    )
    return request.model_copy(update={"metadata": {**request.metadata, "exchange_id": identity}})


def parse_exchange(obj: Any, source: str = "") -> Exchange:
    """Turn one decoded transcript line into an :class:`Exchange`.

    Raises:
        ValueError, KeyError, TypeError, ValidationError: the line is not a usable exchange (the
            reader turns these into :class:`InputError` with the file and line).
    """
    if not isinstance(obj, dict):
        raise TypeError(f"expected a JSON object, got {_json_type(obj)}")
    if "custom_id" in obj and "response" in obj and "prompt" not in obj and "messages" not in obj:
        return _batch_line(obj, source)
    if "choices" in obj:
        response = _from_completion(obj)
        rid = obj.get("id")
        rid = str(rid) if isinstance(rid, (str, int)) and rid != "" else source
        request = TeacherRequest(prompt=f"[recorded response {rid}]", model=response.model)
        return Exchange(request, response, prompt="", id=rid, source=source)
    if "response" not in obj:
        raise ValueError(
            "missing 'response' (expected prompt/messages + response, an OpenAI "
            "chat-completion object, or an OpenAI batch output line)"
        )
    line = NativeLine.model_validate(obj)
    params = dict(line.params or {})
    if isinstance(line.response, ChatCompletionBody):
        response = line.response.to_response()
        if line.logprobs is not None:
            response = response.model_copy(update={"logprobs": line.logprobs.tokens()})
    else:
        response = TeacherResponse(
            text=line.response,
            logprobs=line.logprobs.tokens() if line.logprobs else None,
            usage=line.usage.usage() if line.usage is not None else Usage(),
        )
    model = line.model or response.model
    if response.logprobs and "logprobs" not in params:
        # logprobs were returned, so they were asked for: the request says so, and its hash then
        # matches the live request that would have produced this recording
        params["logprobs"] = True
        k = max(len(t.top_logprobs) for t in response.logprobs)
        if k and "top_logprobs" not in params:
            params["top_logprobs"] = k
    request = _request(prompt=line.prompt, messages=line.messages, model=model, params=params)
    if response.model is None and model is not None:
        response = response.model_copy(update={"model": model})
    ktype: KnowledgeType | None = None
    if line.knowledge_type is not None:
        try:
            ktype = KnowledgeType(line.knowledge_type.lower())
        except ValueError:
            raise ValueError(
                f"unknown knowledge_type {line.knowledge_type!r}; use one of "
                f"{', '.join(t.value for t in KnowledgeType)}"
            ) from None
    line_id = str(line.id) if line.id is not None else None
    response = response.model_copy(update={"request_hash": request.content_hash()})
    return Exchange(
        _identified(request, response, line_id),
        response,
        prompt=request.text,
        knowledge_type=ktype,
        id=line_id,
        source=source,
    )


def _json_type(value: Any) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), "a value")


def _batch_line(obj: dict[str, Any], source: str) -> Exchange:
    line = BatchLine.model_validate(obj)
    cid = str(line.custom_id)
    resp = line.response or BatchResponse()
    status = resp.status_code
    if line.error or (status is not None and status != 200):
        reason = _error_text(line.error) or _error_text(
            resp.body.get("error") if isinstance(resp.body, dict) else None
        )
        raise ValueError(
            f"batch request {cid} failed (status {status}): {reason or 'no reason given'}"
        )
    if not isinstance(resp.body, dict):
        raise TypeError("batch output line has no response.body object")
    response = _from_completion(resp.body, "response.body.")
    request = TeacherRequest(prompt=f"[batch request {cid}]", model=response.model)
    return Exchange(request, response, prompt="", id=cid, source=source)


def _error_text(error: Any) -> str:
    """The message of an error value of any shape (a string, or an object with ``message``)."""
    if isinstance(error, dict):
        error = error.get("message") or error.get("code")
    return printable(str(error))[:300] if isinstance(error, (str, int)) and error != "" else ""


# ---------------------------------------------------------------------------- reading
_BOM = b"\xef\xbb\xbf"
_REPEAT_NOTES = 5


class TranscriptReader:
    """Iterate the exchanges of one or more transcript files, in order.

    Lines are counted as ``wc -l`` counts them: only ``\n`` ends a line (a lone ``\r`` is part
    of it), so a reported line number is the one an editor shows; a UTF-8 byte-order mark at the
    start of a file is skipped.  Each line is checked before it is believed: at most
    ``max_line_bytes`` long (a longer one is skipped without being held in memory), valid UTF-8,
    JSON (:func:`~grapheme_distill.teachers.wire.decode_json`: nesting at most ``max_depth``,
    finite numbers, no lone surrogates) and one of the three shapes, with typed fields.

    Args:
        paths: JSONL files.
        skip_bad: continue past bad lines (counted in :attr:`stats`, written verbatim to
            ``<file>.rejected.jsonl``) instead of raising :class:`InputError`.
        max_line_bytes: longest line accepted.
        max_depth: deepest JSON nesting accepted.
    """

    def __init__(
        self,
        paths: Iterable[str | Path],
        *,
        skip_bad: bool = False,
        max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
        max_depth: int = DEFAULT_MAX_DEPTH,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.skip_bad = skip_bad
        self.max_line_bytes = max_line_bytes
        self.max_depth = max_depth
        self.stats = ReadStats()
        self._seen: dict[str, str] = {}  # exchange key -> the line that first had it
        for path in self.paths:
            if not path.is_file():
                raise InputError(str(path), None, "no such transcript file; check the path")

    def count_lines(self) -> int:
        """Non-blank lines over all files (for progress bars), read in bounded chunks."""
        total = 0
        for path in self.paths:
            with path.open("rb") as fh:
                blank = True
                while chunk := fh.readline(1 << 20):
                    blank = blank and not chunk.strip()
                    if chunk.endswith(b"\n"):
                        total += not blank
                        blank = True
                total += not blank
        return total

    def __iter__(self) -> Iterator[Exchange]:
        for path in self.paths:
            yield from self._read(path)

    def _read(self, path: Path) -> Iterator[Exchange]:
        side: IO[bytes] | None = None
        try:
            with path.open("rb") as fh:
                lineno = 0
                while raw := fh.readline(self.max_line_bytes + 1):
                    lineno += 1
                    if lineno == 1 and raw.startswith(_BOM):
                        raw = raw[len(_BOM) :]
                    too_long = len(raw) > self.max_line_bytes and not raw.endswith(b"\n")
                    if not too_long and not raw.strip():
                        continue
                    self.stats.lines += 1
                    source = f"{printable(str(path))}:{lineno}"
                    if too_long:
                        error = InputError(
                            str(path),
                            lineno,
                            f"line longer than "
                            f"{self.max_line_bytes:,} bytes (the max_line_bytes limit)",
                        )
                    else:
                        try:
                            exchange = self._parse(raw, source)
                        except _BadLine as exc:
                            error = InputError(str(path), lineno, exc.reason)
                        else:
                            self.stats.exchanges += 1
                            self._note_repeat(exchange)
                            yield exchange
                            continue
                    if not self.skip_bad:
                        raise error
                    self.stats.rejected += 1
                    self.stats.errors.append(error)
                    if side is None:
                        side_path = path.with_name(path.name + ".rejected.jsonl")
                        side = side_path.open("wb")
                        self.stats.rejected_files.append(printable(str(side_path)))
                    side.write(raw)
                    while too_long and not raw.endswith(b"\n") and (raw := fh.readline(1 << 20)):
                        side.write(raw)  # the rest of the long line, streamed, never held
                    if not raw.endswith(b"\n"):
                        side.write(b"\n")
                    side.flush()
        finally:
            if side is not None:
                side.close()

    def _note_repeat(self, exchange: Exchange) -> None:
        """Count a line that is the same exchange as an earlier one (same id, or same content)."""
        key = exchange.call_hash
        first = self._seen.setdefault(key, exchange.source)
        if first == exchange.source:
            return
        self.stats.repeats += 1
        if len(self.stats.repeat_notes) < _REPEAT_NOTES:
            why = (
                f"same id {exchange.id!r}"
                if exchange.request.recorded_as and exchange.id
                else ("same request" if not exchange.request.recorded_as else "same content")
            )
            self.stats.repeat_notes.append(f"{exchange.source} repeats {first} ({why})")

    def _parse(self, raw: bytes, source: str) -> Exchange:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadLine(
                f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line"
            ) from None
        try:
            return parse_exchange(decode_json(raw, max_depth=self.max_depth), source)
        except MalformedJSON as exc:
            raise _BadLine(str(exc)) from None
        except (ValueError, KeyError, TypeError) as exc:  # ValidationError is a ValueError
            prefix = "invalid exchange: " if isinstance(exc, ValidationError) else ""
            raise _BadLine(prefix + reason_of(exc)) from None


class _BadLine(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def read_transcripts(
    paths: Iterable[str | Path], *, skip_bad: bool = False, **limits: int
) -> list[Exchange]:
    """All exchanges of ``paths`` (small files; use :class:`TranscriptReader` to stream).
    ``limits``: ``max_line_bytes`` and ``max_depth`` of :class:`TranscriptReader`."""
    return list(TranscriptReader(paths, skip_bad=skip_bad, **limits))
