"""Executors: where answers are read (extracted), while one writer stores what they say.

Why this seam and not a distributed store.  Reading an answer (a spaCy parse, or a teacher asked
for JSON) is ~95% of a distillation run's time and depends on nothing but the answer; storing it
(entity resolution, content-hash ids, noisy-or confidences) is cheap but depends on everything
stored before it, in input order.  So an executor only *extracts*, in parallel, and hands the
results back in input order to the one writer (:class:`~grapheme_distill.pipeline.ExchangeIngester`),
which stores them exactly as a single-process run would: the same ids, observations and
confidences, whatever the number of workers and whichever task finishes first
(``docs/scale.md`` argues the design with measured figures).

* :class:`LocalExecutor` — in this process, the default (nothing is imported for it);
* :class:`~grapheme_distill.executors.ray.RayExecutor` — Ray tasks on a local or remote cluster
  (extra ``[ray]``, imported only when asked for: a default run never imports Ray).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

from grapheme_distill.errors import ConfigError
from grapheme_distill.executors.local import ExtractJob, LocalExecutor, extract_batch
from grapheme_distill.extractors.base import Extraction, Extractor

__all__ = ["EXECUTORS", "Executor", "ExtractJob", "LocalExecutor", "extract_batch", "get_executor"]

T = TypeVar("T")

#: executor names the command line accepts
EXECUTORS = ("local", "ray")


@runtime_checkable
class Executor(Protocol):
    """Extracts batches of answers somewhere, returning them in input order."""

    name: str

    def map_extract(
        self,
        extractor: Extractor,
        batches: Iterable[tuple[T, Sequence[ExtractJob]]],
        *,
        preserve_structure: bool = True,
    ) -> Iterator[tuple[T, list[Extraction | Exception]]]:
        """For each ``(tag, jobs)``, ``(tag, extractions)`` — in the order the batches came,
        whatever order they finish in.  ``batches`` is consumed lazily (a bounded window ahead
        of what was yielded), so a 10M-line input never sits in memory."""
        ...

    def close(self) -> None:
        """Release what the executor started (a Ray cluster it started itself)."""
        ...


def get_executor(name: str = "local", *, address: str | None = None, **options: Any) -> Executor:
    """The executor called ``name`` (``local`` or ``ray``).

    Args:
        address: with ``ray``, the cluster to join (``ray://host:10001``, ``host:6379`` or
            ``auto``); None starts a local cluster on this machine's cores.
        options: passed to the executor (see :class:`~grapheme_distill.executors.ray.RayExecutor`).

    Raises:
        ConfigError: an unknown name, or ``address`` without ``ray``.
        MissingDependency: ``ray`` without the ``[ray]`` extra.
    """
    if name == "local":
        if address is not None:
            raise ConfigError("--ray-address needs --executor ray")
        return LocalExecutor()
    if name == "ray":
        from grapheme_distill.executors.ray import RayExecutor

        return RayExecutor(address, **options)
    raise ConfigError(f"unknown executor {name!r}; available: {', '.join(EXECUTORS)}")
