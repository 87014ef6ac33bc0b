"""The accounting layer: tokens, cost, cache hits, retries and failures of one run.

:class:`RunAccount` is shared by every layer of a stack (the retry layer counts its retries into
it), so it is thread-safe; :class:`AccountingTeacher` is the outermost layer and adds each answer
or failure to it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.pricing import PriceTable
from grapheme_distill.teachers.wrappers.base import FREE_TEACHERS, TeacherWrapper, runs_locally

__all__ = ["AccountingTeacher", "ModelAccount", "RunAccount"]


@dataclass
class ModelAccount:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    priced: bool = True


@dataclass
class RunAccount:
    """Per-run counters, shared by the wrappers of one stack (thread-safe).

    ``cost_usd`` sums the priced calls only; ``unpriced_models`` lists the models whose calls are
    not in it, so an incomplete total is never mistaken for a complete one.
    """

    requests: int = 0
    responses: int = 0
    cache_hits: int = 0
    retries: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    saved_usd: float = 0.0
    latency_s: float = 0.0
    per_model: dict[str, ModelAccount] = field(default_factory=dict)
    unpriced_models: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add_retry(self) -> None:
        with self._lock:
            self.retries += 1

    def add_failure(self) -> None:
        with self._lock:
            self.requests += 1
            self.failures += 1

    def add_response(self, response: TeacherResponse, cost: float | None, model: str) -> None:
        with self._lock:
            self.requests += 1
            self.responses += 1
            if response.cached:
                self.cache_hits += 1
                self.saved_usd += cost or 0.0
                return
            usage = response.usage
            self.prompt_tokens += usage.prompt_tokens
            self.completion_tokens += usage.completion_tokens
            self.latency_s += response.latency_s
            entry = self.per_model.setdefault(model, ModelAccount())
            entry.calls += 1
            entry.prompt_tokens += usage.prompt_tokens
            entry.completion_tokens += usage.completion_tokens
            if cost is None:
                entry.priced = False
                self.unpriced_models.add(model)
            else:
                entry.cost_usd += cost
                self.cost_usd += cost

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary (what the CLI prints and a run records)."""
        with self._lock:
            return {
                "requests": self.requests,
                "responses": self.responses,
                "cache_hits": self.cache_hits,
                "retries": self.retries,
                "failures": self.failures,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "cost_usd": round(self.cost_usd, 6),
                "cost_complete": not self.unpriced_models,
                "saved_by_cache_usd": round(self.saved_usd, 6),
                "unpriced_models": sorted(self.unpriced_models),
                "per_model": {
                    name: {
                        "calls": m.calls,
                        "prompt_tokens": m.prompt_tokens,
                        "completion_tokens": m.completion_tokens,
                        "cost_usd": round(m.cost_usd, 6) if m.priced else None,
                    }
                    for name, m in sorted(self.per_model.items())
                },
            }


class AccountingTeacher(TeacherWrapper):
    """Counts tokens and cost of every answer and failure into a :class:`RunAccount`.

    Args:
        prices: the price table (default: :class:`PriceTable` with the default prices).
        account: the account to add to (default: a new one, at ``.account``).
        free: calls cost nothing (default: the local, replay and ollama providers).  A server
            on this machine (:func:`runs_locally`) is charged only for models the table prices.
    """

    def __init__(
        self,
        inner: Teacher,
        *,
        prices: PriceTable | None = None,
        account: RunAccount | None = None,
        free: bool | None = None,
    ) -> None:
        super().__init__(inner)
        self.prices = prices or PriceTable()
        self.account = account or RunAccount()
        self.free = (inner.name in FREE_TEACHERS) if free is None else free
        self.local = runs_locally(inner)

    def _add(self, request: TeacherRequest, response: TeacherResponse) -> None:
        model = response.model or request.model or self.model or "unknown"
        cost = 0.0 if self.free else self.prices.cost(model, response.usage)
        if cost is None and self.local:
            cost = 0.0  # an unpriced model on this machine costs nothing, it is not "unknown"
        self.account.add_response(response, cost, model)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            response = await self.inner.acomplete(request)
        except Exception:
            self.account.add_failure()
            raise
        self._add(request, response)
        return response

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            response = self.inner.complete(request)
        except Exception:
            self.account.add_failure()
            raise
        self._add(request, response)
        return response
