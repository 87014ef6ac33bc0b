"""Untrusted JSON in: one bounded decoder and one validated schema for OpenAI-shaped answers.

Every teacher answer and every recorded transcript line is input we do not control: a server
may send a body nested 100,000 deep, ``"usage": 1e400``, ``"content": null``, a choice that is a
string, or lone surrogate escapes that no UTF-8 writer (the console, SQLite) can encode later.
Checked by hand at each use, one of these always slipped through as a traceback (RecursionError,
OverflowError, AttributeError, UnicodeEncodeError) far from where it came in.  So the checks happen
once, at the door:

* :func:`decode_json` parses with pydantic-core's ``from_json`` (jiter: strict RFC 8259, rejects
  ``NaN``/``Infinity`` and lone surrogates, and has its own recursion bound of 200 levels, so the
  parser can never exhaust the Python stack), then enforces a configurable nesting limit and that
  every number is finite (``1e400`` parses to ``inf``);
* :class:`ChatCompletionBody` is the pydantic schema of an OpenAI ``chat.completion`` (or legacy
  ``text_completion``) object: what we read must have the type we read it as; extra fields are
  ignored, because servers add their own.  Token counts, logprobs and sampling parameters are
  checked by the models in :mod:`grapheme_distill.teachers.base`.

A failure is a :class:`MalformedJSON` or a pydantic ``ValidationError`` (both ``ValueError``), and
:func:`reason_of` turns either into one short line for ``file:line: reason`` messages.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    Tag,
    ValidationError,
    model_validator,
)
from pydantic_core import from_json

from grapheme_distill.errors import printable
from grapheme_distill.teachers.base import (
    Logprob,
    TeacherResponse,
    TokenCount,
    TokenLogprob,
    TopLogprob,
    Usage,
)

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_LINE_BYTES",
    "PARSER_MAX_DEPTH",
    "ChatCompletionBody",
    "LogprobsField",
    "MalformedJSON",
    "UsageBody",
    "decode_json",
    "logprobs_input",
    "reason_of",
]

#: Nesting the parser itself refuses beyond (jiter's recursion bound); a larger limit is this one.
PARSER_MAX_DEPTH = 200
#: Real answers nest ~7 levels (choices → logprobs → content → top_logprobs → ...).
DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
_MAX_REASON_CHARS = 300
_LIST_KEY = "token list"  # a bare list of tokens, wrapped so the discriminator can tell it apart


class MalformedJSON(ValueError):
    """Text that is not acceptable JSON: invalid, nested too deep, or with a non-finite number."""


def decode_json(data: bytes | str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse untrusted JSON; raise :class:`MalformedJSON` with a one-line reason.

    Args:
        data: UTF-8 bytes (preferred: invalid UTF-8 is reported, not guessed) or text.
        max_depth: deepest nesting of arrays/objects accepted (at most :data:`PARSER_MAX_DEPTH`).
    """
    limit = min(max_depth, PARSER_MAX_DEPTH)
    try:
        value = from_json(data, allow_inf_nan=False)
    except ValueError as exc:
        message = str(exc)
        if "recursion limit" in message:
            raise MalformedJSON(f"JSON nested deeper than {limit} levels") from None
        if "surrogate" in message or "hex escape" in message:
            message += " (a lone UTF-16 surrogate escape such as \\ud800 is not text)"
        raise MalformedJSON(f"invalid JSON: {message}") from None
    if _may_break_limits(data, limit):  # most bodies cannot: skip the walk (it costs more than
        _check_tree(value, limit)  # the parse itself)
    return value


#: a number that may overflow a float: an exponent of 3+ digits, or 309+ digits in a row (two
#: patterns: one alternation is 2.5x slower on typical lines)
_EXPONENT = re.compile(r"\d[eE][+-]?0*[1-9]\d\d")
_LONG_DIGITS = re.compile(r"\d{309}")
_EXPONENT_BYTES = re.compile(_EXPONENT.pattern.encode())
_LONG_DIGITS_BYTES = re.compile(_LONG_DIGITS.pattern.encode())


#: each byte of a body mapped to its class for :func:`_may_break_limits`: ASCII digits to ``0``,
#: ``e``/``E`` to ``e``, ``[``/``{`` to ``[``, anything else to a space (one C pass, then substring
#: tests: the two regular expressions tried at every offset cost ~35 µs per 1 kB body, more than
#: the parse)
_BYTE_CLASSES = bytes(
    0x30 if 0x30 <= b <= 0x39 else 0x65 if b in b"eE" else 0x5B if b in b"[{" else 0x20
    for b in range(256)
)
_LONG_RUN = b"0" * 309


def _may_break_limits(data: bytes | str, limit: int) -> bool:
    """Whether the decoded value may nest deeper than ``limit`` or hold an infinite number: the
    text has more than ``limit`` opening brackets, or a number that may overflow (both counted on
    the raw text, strings included, so the answer errs towards checking).

    Bytes (every HTTP body) are classified in one pass: an overflowing exponent needs a digit
    right before an ``e``/``E`` (``0e`` among the classes) before its pattern is searched, and
    309 digits in a row are 309 ``0`` classes in a row — the same answers as the patterns alone
    (a bytes pattern's digit class is ASCII digits only).
    """
    if isinstance(data, str):
        return (
            data.count("[") + data.count("{") > limit
            or bool(_EXPONENT.search(data))
            or bool(_LONG_DIGITS.search(data))
        )
    classes = data.translate(_BYTE_CLASSES)
    return (
        classes.count(b"[") > limit
        or (b"0e" in classes and bool(_EXPONENT_BYTES.search(data)))
        or _LONG_RUN in classes
    )


def _check_tree(value: Any, limit: int) -> None:
    """Depth and finiteness, iteratively (a recursive walk is what the limit protects against)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            if isinstance(item, float) and not math.isfinite(item):
                raise MalformedJSON("a number is out of range (it overflows to infinity)")
            continue
        if depth + 1 > limit:
            raise MalformedJSON(f"JSON nested deeper than {limit} levels")
        stack.extend((child, depth + 1) for child in children)


def reason_of(exc: Exception) -> str:
    """One printable line saying why ``exc`` (validation or parse error) rejected the input."""
    if isinstance(exc, ValidationError):
        errors = exc.errors(include_url=False, include_input=False)
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        text = f"{where}: {first['msg']}{more}" if where else f"{first['msg']}{more}"
    elif isinstance(exc, KeyError):
        text = f"missing key {exc}"
    else:
        text = str(exc) or type(exc).__name__
    return printable(text)[:_MAX_REASON_CHARS]


# ---------------------------------------------------------------------------- the schema
class _Body(BaseModel):
    """Strict about what we read, silent about the rest (servers add fields of their own)."""

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


class LogprobsBlock(_Body):
    """OpenAI chat ``choices[i].logprobs``: ``{"content": [token, ...] | null}``."""

    content: tuple[TokenLogprob, ...] | None = None

    def tokens(self) -> tuple[TokenLogprob, ...] | None:
        return self.content


class LegacyLogprobs(_Body):
    """The legacy completions layout: parallel ``tokens``/``token_logprobs``/``top_logprobs``."""

    tokens_: list[Annotated[str, Strict()]] = Field(alias="tokens")
    token_logprobs: list[Logprob]
    top_logprobs: list[dict[str, Logprob] | None] | None = None

    def tokens(self) -> tuple[TokenLogprob, ...]:
        tops = self.top_logprobs or [None] * len(self.tokens_)
        if not len(self.tokens_) == len(self.token_logprobs) == len(tops):
            raise ValueError("logprobs: tokens, token_logprobs and top_logprobs differ in length")
        return tuple(
            TokenLogprob(
                token=t,
                logprob=lp,
                top_logprobs=tuple(TopLogprob(token=k, logprob=v) for k, v in (top or {}).items()),
            )
            for t, lp, top in zip(self.tokens_, self.token_logprobs, tops, strict=True)
        )


class _TokenList(_Body):
    """A bare ``[token, ...]`` list (a transcript's own ``logprobs`` field may be one)."""

    items: tuple[TokenLogprob, ...] = Field(alias=_LIST_KEY)

    def tokens(self) -> tuple[TokenLogprob, ...]:
        return self.items


def _logprobs_shape(value: Any) -> str:
    if isinstance(value, list) or (isinstance(value, dict) and _LIST_KEY in value):
        return "list"
    if isinstance(value, dict) and "tokens" in value:
        return "legacy"
    if isinstance(value, _TokenList):
        return "list"
    return "legacy" if isinstance(value, LegacyLogprobs) else "content"


def _wrap_list(value: Any) -> Any:
    return {_LIST_KEY: value} if isinstance(value, list) else value


#: Any of the three logprob layouts; ``.tokens()`` gives the parsed tokens.
LogprobsField = Annotated[
    Annotated[LogprobsBlock, Tag("content")]
    | Annotated[LegacyLogprobs, Tag("legacy")]
    | Annotated[_TokenList, Tag("list")],
    Discriminator(_logprobs_shape),
]


class ChoiceMessage(_Body):
    role: Annotated[str, Strict()] | None = None
    content: Annotated[str, Strict()] | None = None
    refusal: Annotated[str, Strict()] | None = None


class Choice(_Body):
    message: ChoiceMessage | None = None
    text: Annotated[str, Strict()] | None = None  # legacy text_completion
    logprobs: LogprobsField | None = None
    finish_reason: Annotated[str, Strict()] | None = None

    def answer(self) -> str:
        """The answer text; a choice without one (``content: null``, a refusal, a tool call) is
        an error: storing ``""`` as the answer would keep it from ever being asked again."""
        if self.message is not None:
            if self.message.content is None:
                refusal = f" (refusal: {self.message.refusal})" if self.message.refusal else ""
                raise ValueError(f"the answer has no content{refusal}")
            return self.message.content
        if self.text is None:
            raise ValueError("the completion choice has no message and no text")
        return self.text


class UsageBody(_Body):
    prompt_tokens: TokenCount | None = None
    completion_tokens: TokenCount | None = None

    def usage(self) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens or 0, completion_tokens=self.completion_tokens or 0
        )


class ChatCompletionBody(_Body):
    """An OpenAI ``chat.completion`` / ``text_completion`` object, as far as we read it."""

    id: Annotated[str, Strict()] | None = None
    model: Annotated[str, Strict()] | None = None
    choices: list[Choice] = Field(min_length=1)
    usage: UsageBody | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_logprob_lists(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("choices"), list):
            data = {**data, "choices": [_choice_input(c) for c in data["choices"]]}
        return data

    @classmethod
    def parse(cls, data: Any) -> ChatCompletionBody:
        """Validate a decoded body (raises ``ValidationError``, a ``ValueError``)."""
        return cls.model_validate(data)

    def to_response(
        self, *, model: str | None = None, latency_s: float = 0.0, request_hash: str | None = None
    ) -> TeacherResponse:
        """The first choice as a :class:`TeacherResponse` (``ValueError`` when it has no text)."""
        choice = self.choices[0]
        return TeacherResponse(
            text=choice.answer(),
            model=self.model or model,
            logprobs=choice.logprobs.tokens() if choice.logprobs is not None else None,
            usage=self.usage.usage() if self.usage is not None else Usage(),
            latency_s=latency_s,
            finish_reason=choice.finish_reason,
            request_hash=request_hash,
        )


def _choice_input(choice: Any) -> Any:
    if isinstance(choice, dict) and isinstance(choice.get("logprobs"), list):
        return {**choice, "logprobs": _wrap_list(choice["logprobs"])}
    return choice


def logprobs_input(value: Any) -> Any:
    """A transcript's own ``logprobs`` value, made ready for :data:`LogprobsField`."""
    return _wrap_list(value)
