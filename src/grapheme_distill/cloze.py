"""Soft targets from a live teacher: the distribution over a cloze's candidate answers.

A cloze ("The capital of France is ___") is asked with logprobs on; the teacher's top-k
alternatives at the first generated position that carries content (leading whitespace tokens are
skipped) are the distribution over how the answer *starts*.  Each candidate answer is matched to
the offered tokens by text — a token matches a candidate when one is a prefix of the other after
trimming whitespace and case folding — because the caller does not know the teacher's tokenizer
(the same code serves OpenAI, llama.cpp servers and the embedded model).  Several tokens that
match one candidate (``"Paris"`` and ``" Paris"``) pool their probability; a token matching two
candidates cannot tell them apart and is left out (listed in the metadata); candidates the teacher
did not rank in its top-k are listed as ``unseen`` rather than invented.  Without candidates, the
offered first tokens themselves (merged the same way) are the outcomes.

The :class:`~grapheme_distill.soft_targets.SoftTarget` keeps T = 1 log-probabilities normalised
over the matched candidates, the mass the teacher put elsewhere as ``tail_mass``, and is viewed at
``DistillationConfig.temperature`` — re-tempering later is exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import ExtractionFailed, FatalTeacherError
from grapheme_distill.soft_targets import SoftTarget, log_softmax
from grapheme_distill.teachers.base import (
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
)

__all__ = [
    "ClozePrompt",
    "ClozeResult",
    "aask_cloze",
    "ask_cloze",
    "cloze_request",
    "cloze_soft_target",
]

BLANK = "___"
_SYSTEM = (
    "Fill in the blank. Reply with only the missing word or words, "
    "not a full sentence, with no explanation."
)


class ClozePrompt(BaseModel):
    """A sentence to be continued, optionally with the candidate answers to score.

    Attributes:
        text: the sentence up to the blank ("The capital of France is"); a trailing ``___`` is
            accepted and dropped.
        candidates: answers whose probabilities are wanted; empty for "whatever the teacher
            offers".
    """

    model_config = ConfigDict(frozen=True)

    text: str
    candidates: tuple[str, ...] = ()

    @field_validator("text")
    @classmethod
    def _strip_blank(cls, v: str) -> str:
        v = v.strip()
        if v.endswith(BLANK):
            v = v[: -len(BLANK)].rstrip()
        if not v:
            raise ValueError("a cloze needs some text before the blank")
        return v

    @classmethod
    def parse(cls, line: str) -> ClozePrompt:
        """``"The capital of France is | Paris; Lyon; Marseille"`` (candidates optional)."""
        text, _, cands = line.partition("|")
        return cls(text=text, candidates=tuple(c.strip() for c in cands.split(";") if c.strip()))


@dataclass(frozen=True)
class ClozeResult:
    """One asked cloze: what was sent, what came back, and the distribution made of it."""

    request: TeacherRequest
    response: TeacherResponse
    target: SoftTarget


def cloze_request(
    cloze: ClozePrompt,
    *,
    chat: bool = True,
    top_logprobs: int = 20,
    max_tokens: int = 4,
    model: str | None = None,
) -> TeacherRequest:
    """The request that asks ``cloze``: greedy, short, with top-k logprobs.

    Chat teachers get an instruction and the sentence with a visible blank; completion-style
    (base) models get the bare sentence to continue, which is what they are trained to do.
    """
    meta = {"kind": "cloze", "cloze": cloze.text}
    if chat:
        return TeacherRequest(
            messages=(
                Message(role="system", content=_SYSTEM),
                Message(role="user", content=f"{cloze.text} {BLANK}"),
            ),
            model=model,
            temperature=0.0,
            max_tokens=max_tokens,
            logprobs=True,
            top_logprobs=top_logprobs,
            metadata=meta,
        )
    return TeacherRequest(
        prompt=cloze.text,
        model=model,
        temperature=0.0,
        max_tokens=max_tokens,
        logprobs=True,
        top_logprobs=top_logprobs,
        metadata=meta,
    )


def _norm(token: str) -> str:
    return token.strip().strip("\"'“”‘’*_").casefold()


def _first_content(logprobs: Sequence[TokenLogprob]) -> tuple[int, TokenLogprob] | None:
    for position, tok in enumerate(logprobs):
        if _norm(tok.token) and tok.top_logprobs:
            return position, tok
    return None


def _logsumexp(values: Sequence[float]) -> float:
    peak = max(values)
    return peak + math.log(sum(math.exp(v - peak) for v in values))


def cloze_soft_target(
    cloze: ClozePrompt, response: TeacherResponse, *, temperature: float = 1.0
) -> SoftTarget:
    """The teacher's distribution over ``cloze``'s candidates (or offered first tokens).

    Raises:
        ExtractionFailed: the response has no logprobs, no content token, or none of the
            candidates appears among the teacher's alternatives (the raw answer is kept).
    """
    if not response.logprobs:
        raise ExtractionFailed(
            "cloze",
            "the teacher returned no logprobs; use a teacher that "
            "supports them (local, openai-compatible)",
            response.text,
        )
    found = _first_content(response.logprobs)
    if found is None:
        raise ExtractionFailed("cloze", "no answer token with top logprobs", response.text)
    position, tok = found
    offered: dict[str, list[float]] = {}
    shown: dict[str, str] = {}
    for alt in tok.top_logprobs:
        key = _norm(alt.token)
        if key:
            offered.setdefault(key, []).append(alt.logprob)
            shown.setdefault(key, alt.token.strip())
    if cloze.candidates:
        pooled: dict[str, list[float]] = {c: [] for c in cloze.candidates}
        ambiguous: list[str] = []
        for key, lps in offered.items():
            hits = [
                c for c in cloze.candidates if _norm(c).startswith(key) or key.startswith(_norm(c))
            ]
            if len(hits) == 1:
                pooled[hits[0]].extend(lps)
            elif len(hits) > 1:
                ambiguous.append(shown[key])
        seen = {c: _logsumexp(v) for c, v in pooled.items() if v}
        unseen = [c for c, v in pooled.items() if not v]
        if not seen:
            raise ExtractionFailed(
                "cloze",
                f"none of the candidates {list(cloze.candidates)} is among the teacher's top "
                f"{len(tok.top_logprobs)} first tokens ({', '.join(shown.values())})",
                response.text,
            )
    else:
        seen = {shown[k]: _logsumexp(v) for k, v in offered.items()}
        unseen, ambiguous = [], []
    names = list(seen)
    raw = np.array([seen[n] for n in names], dtype=np.float64)
    listed = float(np.sum(np.exp(raw)))
    return SoftTarget(
        slot=cloze.text,
        candidates=tuple(names),
        logits=tuple(log_softmax(raw, 1.0).tolist()),
        temperature=temperature,
        tail_mass=min(1.0, max(0.0, 1.0 - listed)),
        metadata={
            "kind": "cloze",
            "position": position,
            "token": tok.token,
            "unseen": unseen,
            "ambiguous_tokens": ambiguous,
            "model": response.model,
            "request_hash": response.request_hash,
        },
    )


def _is_chat(teacher: Teacher) -> bool:
    """Whether ``teacher`` wants chat messages: wrappers are looked through, and only teachers
    that say otherwise (a local base model) get completion-style prompts."""
    inner: object = teacher
    while not hasattr(inner, "is_chat") and hasattr(inner, "inner"):
        inner = inner.inner
    return bool(getattr(inner, "is_chat", True))


def _check(teacher: Teacher) -> None:
    if not teacher.supports_logprobs:
        raise FatalTeacherError(
            f"teacher {teacher.name!r} does not return logprobs, so it cannot give cloze soft "
            "targets; use the local teacher or an OpenAI-compatible server"
        )


async def aask_cloze(
    teacher: Teacher,
    cloze: ClozePrompt,
    config: DistillationConfig | None = None,
    *,
    top_logprobs: int = 20,
    max_tokens: int = 4,
    model: str | None = None,
) -> ClozeResult:
    """Ask ``teacher`` one cloze and return the exchange and its soft target at
    ``config.temperature``.

    Raises:
        FatalTeacherError: the teacher does not offer logprobs.
        ExtractionFailed: see :func:`cloze_soft_target`.
    """
    _check(teacher)
    config = config or DistillationConfig.default()
    request = cloze_request(
        cloze, chat=_is_chat(teacher), top_logprobs=top_logprobs, max_tokens=max_tokens, model=model
    )
    response = await teacher.acomplete(request)
    return ClozeResult(
        request, response, cloze_soft_target(cloze, response, temperature=config.temperature)
    )


def ask_cloze(
    teacher: Teacher,
    cloze: ClozePrompt,
    config: DistillationConfig | None = None,
    *,
    top_logprobs: int = 20,
    max_tokens: int = 4,
    model: str | None = None,
) -> ClozeResult:
    """Sync twin of :func:`aask_cloze`."""
    _check(teacher)
    config = config or DistillationConfig.default()
    request = cloze_request(
        cloze, chat=_is_chat(teacher), top_logprobs=top_logprobs, max_tokens=max_tokens, model=model
    )
    response = teacher.complete(request)
    return ClozeResult(
        request, response, cloze_soft_target(cloze, response, temperature=config.temperature)
    )
