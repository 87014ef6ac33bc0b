"""What every teacher wrapper shares: the pass-through base class, per-event-loop objects, and the
two questions several layers ask of a teacher (does it run here? which model answers?).

Why a module of its own: each layer (accounting, caching, recording, limits, retries) is a
subclass of :class:`TeacherWrapper` and some keep asyncio primitives per loop (:class:`PerLoop`);
the layers import this, and of each other only what two of them share (the store lock, the
run account).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse

__all__ = [
    "FREE_TEACHERS",
    "PerLoop",
    "TeacherWrapper",
    "resolve_request",
    "runs_locally",
]

T = TypeVar("T")

#: teachers that run on this machine: their calls cost no money (tokens are still counted).
FREE_TEACHERS = frozenset({"local", "replay", "ollama"})


class PerLoop(Generic[T]):
    """One object per running event loop, made on first use (asyncio primitives are loop-bound)."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._items: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T]
        self._items = weakref.WeakKeyDictionary()

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        item = self._items.get(loop)
        if item is None:
            item = self._items[loop] = self._factory()
        return item


def runs_locally(teacher: Teacher) -> bool:
    """Whether the provider is a server on this machine (``localhost``/``127.0.0.1``: vLLM,
    llama.cpp, LM Studio, Ollama behind any preset), looking through wrappers."""
    while True:
        base_url = getattr(teacher, "base_url", None)
        if isinstance(base_url, str):
            return (urlsplit(base_url).hostname or "") in {"localhost", "127.0.0.1", "::1"}
        inner = getattr(teacher, "inner", None)
        if inner is None:
            return False
        teacher = inner


def resolve_request(teacher: Teacher, request: TeacherRequest) -> TeacherRequest:
    """The request with the model filled in from the teacher's default.

    Why: the cache key and the recorded call must say which model answered; a request that leaves
    the model to the teacher would otherwise share a hash across models.
    """
    if request.model is None:
        model = getattr(teacher, "model", None)
        if isinstance(model, str) and model:
            return request.model_copy(update={"model": model})
    return request


class TeacherWrapper:
    """A teacher around another one; passes name, capabilities and model through."""

    def __init__(self, inner: Teacher) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.supports_logprobs: bool = inner.supports_logprobs

    @property
    def model(self) -> str | None:
        model = getattr(self.inner, "model", None)
        return model if isinstance(model, str) else None

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        return await self.inner.acomplete(request)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        return self.inner.complete(request)

    async def aclose(self) -> None:
        closer = getattr(self.inner, "aclose", None)
        if closer is not None:
            await closer()

    def close(self) -> None:
        closer = getattr(self.inner, "close", None)
        if closer is not None:
            closer()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r})"
