"""``--executor ray``: a local 2-CPU Ray cluster gives exactly the store a single process gives.

One cluster for the whole module (Ray takes seconds to start).  The baseline is a
single-process run (spaCy, SQLite) over real recorded answers with repeats and sampled answers
(:mod:`answers`); every Ray run — plain, with a worker killed mid-run, interrupted and resumed, and
through the command line — must end with the same :func:`store_fingerprint` (items, observations,
confidences, calls, soft targets).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from answers import recorded_answers, write_transcript
from click.testing import CliRunner

from grapheme_distill.cli import cli
from grapheme_distill.config import DistillationConfig
from grapheme_distill.executors import get_executor
from grapheme_distill.executors.gate import GatedTeacher, TeacherGate, TeacherLimits
from grapheme_distill.executors.ray import RayExecutor
from grapheme_distill.extractors import Extraction, get_extractor
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store
from grapheme_distill.store.fingerprint import fingerprint_parts, store_fingerprint
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage
from grapheme_distill.teachers.replay import ReplayTeacher

ray = pytest.importorskip("ray")
pytest.importorskip("spacy")

BATCH = 16  # ten batches: enough for tasks to finish out of order on two workers
#: a low threshold keeps most of what is read, so the stores compared hold hundreds of items
CONFIG = DistillationConfig(min_confidence=0.3)


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    # classes defined here travel to the workers by value (the workers cannot import tests/)
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.cloudpickle.register_pickle_by_value(sys.modules[recorded_answers.__module__])
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_transcript(tmp_path_factory.mktemp("ray") / "answers.jsonl")


@pytest.fixture(scope="module")
def baseline(transcript: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The single-process store's fingerprint (by parts, so a failure says what differs)."""
    store = open_store(tmp_path_factory.mktemp("one") / "one.db")
    summary = distill_transcripts(
        [transcript], store, CONFIG, extractor=SpacyExtractor(), batch_size=BATCH
    )
    assert summary.processed > 100 and summary.already_processed > 10  # repeats were skipped
    assert summary.store is not None and summary.store.observations > 200
    parts = fingerprint_parts(store)
    store.close()
    return parts


class KillOnce:
    """The spaCy extractor, except that the worker reading the batch with ``trigger`` in a
    prompt kills its own process the first time (SIGKILL: no clean-up, as an OOM kill)."""

    def __init__(self, marker: Path, trigger: str) -> None:
        self.inner = SpacyExtractor()
        self.name, self.version = self.inner.name, self.inner.version
        self.marker, self.trigger = marker, trigger

    def extract(self, text: str, **options: Any) -> Extraction:
        return self.inner.extract(text, **options)

    def pipe(self, texts: Iterable[tuple[str, str]], **options: Any) -> Iterator[Extraction]:
        texts = list(texts)
        if any(self.trigger in prompt for prompt, _ in texts):
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass  # the retry: read the batch
            else:
                os.write(fd, str(os.getpid()).encode())
                os.close(fd)
                os.kill(os.getpid(), signal.SIGKILL)
        return self.inner.pipe(texts, **options)


def _ray_run(transcript: Path, db: Path, extractor: Any = None, **options: Any) -> dict[str, str]:
    store = open_store(db)
    executor = RayExecutor()
    try:
        distill_transcripts(
            [transcript],
            store,
            CONFIG,
            extractor=extractor or SpacyExtractor(),
            batch_size=BATCH,
            executor=executor,
            **options,
        )
        assert executor.tasks >= 8
        return fingerprint_parts(store)
    finally:
        executor.close()
        store.close()


def test_ray_run_gives_the_single_process_store(
    cluster: None, transcript: Path, baseline: dict[str, str], tmp_path: Path
) -> None:
    parts = _ray_run(transcript, tmp_path / "ray.db")
    assert parts == baseline
    assert ray.is_initialized()  # a joined cluster is left running


def test_a_worker_killed_mid_run_changes_nothing(
    cluster: None, transcript: Path, baseline: dict[str, str], tmp_path: Path
) -> None:
    marker = tmp_path / "killed.pid"
    parts = _ray_run(transcript, tmp_path / "killed.db", KillOnce(marker, "(question 70)"))
    killed = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)  # that worker is gone: Ray ran its task again elsewhere
    assert parts == baseline


def test_interrupted_then_resumed_on_a_new_executor(
    cluster: None, transcript: Path, baseline: dict[str, str], tmp_path: Path
) -> None:
    class Stop(Exception):
        pass

    def stop_after_three(done: int, total: int | None) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise Stop

    calls: list[int] = []
    db = tmp_path / "resumed.db"
    store = open_store(db)
    executor = RayExecutor()
    with pytest.raises(Stop):
        distill_transcripts(
            [transcript],
            store,
            CONFIG,
            extractor=SpacyExtractor(),
            batch_size=BATCH,
            executor=executor,
            progress=stop_after_three,
        )
    executor.close()
    store.close()
    store = open_store(db)
    executor = RayExecutor()
    try:
        summary = distill_transcripts(
            [transcript],
            store,
            CONFIG,
            extractor=SpacyExtractor(),
            batch_size=BATCH,
            executor=executor,
        )
        assert summary.already_processed >= 3 * BATCH - 10  # three batches were kept
        assert fingerprint_parts(store) == baseline
    finally:
        executor.close()
        store.close()


def test_cli_executor_ray(
    cluster: None, transcript: Path, baseline: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(
        cli,
        [
            "distill",
            "--transcripts",
            str(transcript),
            "--store",
            str(db),
            "--extractor",
            "spacy",
            "--batch-size",
            str(BATCH),
            "--set",
            "min_confidence=0.3",
            "--executor",
            "ray",
            "--no-progress",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    store = open_store(db)
    assert fingerprint_parts(store) == baseline
    assert store_fingerprint(store).startswith("sha256:")
    store.close()
    bad = CliRunner().invoke(
        cli,
        [
            "distill",
            "--transcripts",
            str(transcript),
            "--store",
            str(tmp_path / "x.db"),
            "--ray-address",
            "auto",
        ],
    )
    assert bad.exit_code == 2 and "--executor ray" in bad.output


def test_get_executor_names(cluster: None) -> None:
    executor = get_executor("ray")
    assert isinstance(executor, RayExecutor) and executor.cpus == 2
    executor.close()


# ---------------------------------------------------------------------------- the teacher gate
def _gate(limits: TeacherLimits) -> Any:
    from grapheme_distill.executors.gate import start_gate

    return start_gate(limits)


def test_gate_bounds_requests_in_flight(cluster: None) -> None:
    gate = _gate(TeacherLimits(concurrency=2))
    waiting = [gate.acquire.remote(10) for _ in range(5)]
    ready, rest = ray.wait(waiting, num_returns=2, timeout=60)
    assert len(ready) == 2 and all(ray.get(ready))
    ready_more, rest = ray.wait(rest, num_returns=1, timeout=1.0)
    assert ready_more == []  # a third slot is never given while two are held
    ray.get(gate.release.remote(10, 7))
    ready_more, rest = ray.wait(rest, num_returns=1, timeout=60)
    assert len(ready_more) == 1
    state = ray.get(gate.state.remote())
    assert state["max_in_flight"] == 2 and state["in_flight"] == 2 and state["requests"] == 5
    ray.kill(gate)


def test_gate_budget_refuses_what_it_cannot_cover(cluster: None) -> None:
    gate = _gate(TeacherLimits(max_requests=3, max_tokens=100))
    assert ray.get(gate.acquire.remote(60))
    assert not ray.get(gate.acquire.remote(60))  # 120 > 100 tokens: refused, nothing waited
    ray.get(gate.release.remote(60, 20))  # the answer used 20: 80 of the budget is free again
    assert ray.get(gate.acquire.remote(60))
    assert ray.get(gate.acquire.remote(10))
    assert not ray.get(gate.acquire.remote(1))  # a fourth request: over max_requests
    state = ray.get(gate.state.remote())
    assert state == {"requests": 3, "tokens": 90, "refused": 2, "in_flight": 2, "max_in_flight": 2}
    ray.kill(gate)


def test_gate_rate_limit_spaces_requests() -> None:
    """The leaky bucket itself (in-process): 120/min lets two through per second."""

    async def burst() -> float:
        gate = TeacherGate(TeacherLimits(requests_per_minute=120))
        loop = asyncio.get_running_loop()
        start = loop.time()
        for _ in range(6):
            assert await gate.acquire(1)
        return loop.time() - start

    assert asyncio.run(burst()) >= 1.5  # 6 requests at 2/s with a burst of 2: at least 2 s


def _replay() -> ReplayTeacher:
    pairs = []
    for i, row in enumerate(recorded_answers()[:12]):
        pairs.append(
            (
                TeacherRequest(prompt=row["prompt"], model="m"),
                TeacherResponse(
                    text=row["response"],
                    model="m",
                    usage=Usage(prompt_tokens=10, completion_tokens=i),
                ),
            )
        )
    return ReplayTeacher(pairs)


def test_gated_teachers_in_workers_share_one_gate(cluster: None) -> None:
    gate = _gate(TeacherLimits(concurrency=1, max_requests=12))

    @ray.remote(num_cpus=0)  # type: ignore[untyped-decorator]
    def ask(prompts: list[str]) -> list[str]:
        teacher = GatedTeacher(_replay(), gate)
        return [teacher.complete(TeacherRequest(prompt=p, model="m")).text for p in prompts]

    prompts = [row["prompt"] for row in recorded_answers()[:12]]
    answers = ray.get([ask.remote(prompts[i::4]) for i in range(4)])
    assert sorted(a for part in answers for a in part) == sorted(
        row["response"] for row in recorded_answers()[:12]
    )
    state = ray.get(gate.state.remote())
    assert state["requests"] == 12 and state["max_in_flight"] == 1
    assert state["tokens"] == sum(10 + i for i in range(12))  # what the answers really used
    teacher = GatedTeacher(_replay(), gate)
    with pytest.raises(Exception, match="budget is spent"):
        teacher.complete(TeacherRequest(prompt=prompts[0], model="m"))
    ray.kill(gate)


def test_extractor_factory_builds_in_workers_and_results_keep_input_order(cluster: None) -> None:
    """An extractor built in each worker (what an unpicklable one, e.g. ``llm`` with an HTTP
    teacher, needs): results come back per batch, in input order, as a local read gives them."""
    from functools import partial

    from grapheme_distill.executors import LocalExecutor

    rows = recorded_answers()[:24]
    jobs = [(row["prompt"], row["response"], frozenset(KnowledgeType)) for row in rows]
    batches = [(n, jobs[n * 3 : (n + 1) * 3]) for n in range(8)]
    executor = RayExecutor(extractor_factory=partial(get_extractor, "rules"), tasks_in_flight=8)
    try:
        got = list(executor.map_extract(get_extractor("baseline"), batches))
    finally:
        executor.close()
    want = list(LocalExecutor().map_extract(get_extractor("rules"), batches))
    assert [tag for tag, _ in got] == list(range(8))

    def items(results: list[tuple[int, list[Extraction | Exception]]]) -> list[list[Any]]:
        return [[e.items if isinstance(e, Extraction) else e for e in es] for _, es in results]

    assert items(got) == items(want)


def test_documents_read_by_a_teacher_in_workers_share_one_concurrency_bound(
    cluster: None, tmp_path: Path
) -> None:
    """``distill --documents --extract-teacher … --executor ray``: each worker opens its own
    teacher (an HTTP client cannot be pickled) and one gate keeps ``--concurrency`` requests in
    flight over both workers; the store is the single-process one."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "crawl"))
    from knowledge_server import KnowledgeServer

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(16):
        (docs / f"d{i:02}.txt").write_text(
            f"Node {i} is linked to Node {2 * i + 1}.\n", encoding="utf-8"
        )
    fingerprints = []
    with KnowledgeServer(size=100, latency=0.05) as server:
        for executor in ("local", "ray"):
            db = tmp_path / f"{executor}.db"
            result = CliRunner().invoke(
                cli,
                [
                    "distill",
                    "--documents",
                    str(docs),
                    "--extract-teacher",
                    "vllm",
                    "--base-url",
                    server.url + "/v1",
                    "--set",
                    "extractor.model=m-x",
                    "--concurrency",
                    "2",
                    "--batch-size",
                    "4",
                    "--executor",
                    executor,
                    "--store",
                    str(db),
                    "--json",
                ],
            )
            assert result.exit_code == 0, result.output
            assert '"processed": 16' in result.output
            store = open_store(db)
            fingerprints.append(fingerprint_parts(store))
            store.close()
        assert 1 <= server.max_in_flight <= 2  # two workers, each with its own teacher: 2 in all
    assert fingerprints[0] == fingerprints[1]
