"""``--executor ray``: read answers in Ray tasks on a cluster, store them with the one writer.

The driver (the process that opened the store) cuts the pending exchanges into the same batches a
single-process run makes, ships each batch's ``(prompt, answer, types)`` to a Ray task named by
the content hash of what it reads, and keeps a bounded window of tasks in flight.  Results come
back *in input order* — the driver waits for the oldest task, never "the first to finish" — and
the writer stores them exactly as a single-process run would.  So the store does not depend on
the number of workers or on the order tasks finish in (``docs/scale.md``).

Failures.  A worker that dies (OOM-killed, a node lost) fails its task, and Ray runs the task
again (``max_retries``); a task is a pure function of its input, so the retry gives the same
result.  An answer that makes the extractor raise is not a task failure: it comes back as that
answer's exception and the writer records it, as in a single-process run.  Nothing lives in the
cluster that the store does not have: a run stopped with the cluster (or the driver) is resumed by
running it again, and the store's processed-call marks skip what is done.

The extractor travels once per run: it is put in Ray's object store, and each worker process
unpickles it once and keeps it (spaCy's model is loaded once per worker process).  An extractor
that cannot be pickled (one holding a live HTTP client) is given as a factory
(``extractor_factory``) that builds it in the worker; its teacher is then wrapped in a
:class:`~grapheme_distill.executors.gate.GatedTeacher`, so every worker's requests share one
rate limit, concurrency bound and budget (``teacher_limits``).
"""

from __future__ import annotations

import logging
import pickle
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from grapheme_distill.errors import ConfigError, MissingDependency
from grapheme_distill.executors.gate import GatedTeacher, TeacherLimits, start_gate
from grapheme_distill.executors.local import ExtractJob, extract_batch
from grapheme_distill.extractors.base import Extraction, Extractor
from grapheme_distill.model.hashing import content_hash

__all__ = ["RayExecutor", "shard_name"]

T = TypeVar("T")
ExtractorFactory = Callable[[], Extractor]

#: extractors a worker process keeps, by the object-store id they came under (a long-lived worker
#: serves several runs; the oldest is dropped)
_WORKER_EXTRACTORS: OrderedDict[str, Extractor] = OrderedDict()
_WORKER_CACHE_SIZE = 4


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise MissingDependency("--executor ray", "ray") from exc
    return ray


@dataclass(frozen=True)
class _Shipment:
    """What every task of a run gets: where its extractor is (a ref inside a dataclass, so Ray
    hands it over as a ref and the worker fetches it once) and the run's teacher gate."""

    ref: Any
    is_factory: bool
    gate: Any = None


def _worker_extractor(shipment: _Shipment) -> Extractor:
    """The run's extractor in this worker process (fetched and built on its first task)."""
    key = shipment.ref.hex()
    extractor = _WORKER_EXTRACTORS.get(key)
    if extractor is None:
        obj = _ray().get(shipment.ref)
        extractor = obj() if shipment.is_factory else obj
        teacher = getattr(extractor, "teacher", None)
        if shipment.gate is not None and teacher is not None:
            setattr(extractor, "teacher", GatedTeacher(teacher, shipment.gate))  # noqa: B010
        _WORKER_EXTRACTORS[key] = extractor
        while len(_WORKER_EXTRACTORS) > _WORKER_CACHE_SIZE:
            _WORKER_EXTRACTORS.popitem(last=False)
    return extractor


def _extract_shard(
    shipment: _Shipment, jobs: Sequence[ExtractJob], preserve_structure: bool
) -> list[Extraction | Exception]:
    """The Ray task: one batch, read exactly as the single-process writer reads it."""
    return extract_batch(_worker_extractor(shipment), jobs, preserve_structure=preserve_structure)


def shard_name(jobs: Sequence[ExtractJob]) -> str:
    """A task's name: the content hash of the answers it reads (the same input gets the same
    name in every run, on every cluster — what the logs and the dashboard show)."""
    digest = content_hash(*(part for prompt, text, _ in jobs for part in (prompt, text)))
    return "extract-" + digest.partition(":")[2][:16]


class RayExecutor:
    """Extraction in Ray tasks; results in input order (see the module docstring).

    Args:
        address: the cluster to join (``auto``, ``host:6379``, ``ray://host:10001``); None
            joins the cluster this process already started, else starts a local one.
        num_cpus: CPUs of a local cluster this executor starts (default: all of this machine's).
        tasks_in_flight: tasks submitted ahead of the writer (default: twice the cluster's
            CPUs, so no worker waits while the writer stores a batch); bounds driver memory.
        max_retries: times Ray runs a task again after its worker died.
        extractor_factory: builds the extractor in each worker instead of shipping the driver's
            (for extractors that cannot be pickled, e.g. the ``llm`` extractor's HTTP teacher).
        teacher_limits: one rate limit, concurrency bound and budget shared by the teacher
            requests of every worker (a :class:`~grapheme_distill.executors.gate.TeacherGate`
            actor); applies to extractors with a ``teacher`` attribute.
        runtime_env: Ray's ``runtime_env`` for a remote cluster (e.g. ``{"pip": [...]}``).
    """

    name = "ray"

    def __init__(
        self,
        address: str | None = None,
        *,
        num_cpus: int | None = None,
        tasks_in_flight: int | None = None,
        max_retries: int = 3,
        extractor_factory: ExtractorFactory | None = None,
        teacher_limits: TeacherLimits | None = None,
        runtime_env: dict[str, Any] | None = None,
    ) -> None:
        ray = _ray()
        if address is not None and num_cpus is not None:
            raise ConfigError(
                "num_cpus is for a local cluster; a cluster at an address has its own"
            )
        self._owns_cluster = False
        if not ray.is_initialized():
            try:
                ray.init(
                    address=address,
                    num_cpus=num_cpus,
                    include_dashboard=False,
                    logging_level=logging.WARNING,
                    runtime_env=runtime_env,
                )
            except ConnectionError as exc:
                raise ConfigError(f"cannot join the Ray cluster at {address}: {exc}") from exc
            self._owns_cluster = True
        self.cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.tasks_in_flight = tasks_in_flight or 2 * self.cpus
        if self.tasks_in_flight < 1:
            raise ConfigError("tasks_in_flight must be >= 1")
        self.max_retries = max_retries
        self.extractor_factory = extractor_factory
        self.gate = start_gate(teacher_limits) if teacher_limits is not None else None
        self._task = ray.remote(num_cpus=1, max_retries=max_retries)(_extract_shard)
        self.tasks = 0  # submitted by this executor, over all runs

    def map_extract(
        self,
        extractor: Extractor,
        batches: Iterable[tuple[T, Sequence[ExtractJob]]],
        *,
        preserve_structure: bool = True,
    ) -> Iterator[tuple[T, list[Extraction | Exception]]]:
        """``(tag, extractions)`` per batch, in input order (see :class:`Executor`)."""
        ray = _ray()
        shipment = self._ship(extractor)
        window: deque[tuple[T, Any]] = deque()
        try:
            for tag, jobs in batches:
                task = self._task.options(name=shard_name(jobs))
                window.append((tag, task.remote(shipment, list(jobs), preserve_structure)))
                self.tasks += 1
                if len(window) >= self.tasks_in_flight:
                    oldest, ref = window.popleft()
                    yield oldest, ray.get(ref)
            while window:
                oldest, ref = window.popleft()
                yield oldest, ray.get(ref)
        finally:
            for _, ref in window:  # stopped early (an error, a kill): drop what is queued
                ray.cancel(ref)

    def _ship(self, extractor: Extractor) -> _Shipment:
        """The run's extractor (or its factory) in the object store, once."""
        ray = _ray()
        if self.extractor_factory is not None:
            return _Shipment(ray.put(self.extractor_factory), True, self.gate)
        try:
            return _Shipment(ray.put(extractor), False, self.gate)
        except (TypeError, ValueError, pickle.PicklingError) as exc:
            raise ConfigError(
                f"the {extractor.name} extractor cannot be sent to Ray workers ({exc}); build it "
                "in each worker instead: RayExecutor(extractor_factory=...)"
            ) from exc

    def close(self) -> None:
        """Stop the local cluster if this executor started it (a joined one keeps running)."""
        if self.gate is not None:
            _ray().kill(self.gate)
            self.gate = None
        if self._owns_cluster:
            _ray().shutdown()
            self._owns_cluster = False
