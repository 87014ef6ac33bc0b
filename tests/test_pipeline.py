"""The transcript pipeline: stored knowledge, idempotence, capacity, failures, and resuming after
``kill -9``."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from grapheme_distill import (
    DistillationConfig,
    Extraction,
    InputError,
    KnowledgeDistiller,
    KnowledgeType,
    RuleExtractor,
    noisy_or,
)
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import GraphStore, MemoryStore, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "transcripts.jsonl"


def synthetic_transcript(path: Path, n: int) -> Path:
    """``n`` distinct exchanges with overlapping entities (so resolution and noisy-or matter)."""
    with path.open("w") as fh:
        for i in range(n):
            response = (
                f"Station {i} is located in District {i % 37}. "
                f"Station {i} was founded by Engineer {i % 211}. "
                f"District {i % 37} is part of Region {i % 7}. "
                f"Station {i % 50} is not located in District {(i + 1) % 37}."
            )
            fh.write(
                json.dumps(
                    {
                        "id": f"s{i}",
                        "prompt": f"Tell me about station {i}.",
                        "response": response,
                        "model": "synthetic",
                    }
                )
                + "\n"
            )
    return path


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """Every GraphStore: the pipeline needs nothing beyond the protocol."""
    s: GraphStore = open_store(tmp_path / "g.db") if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def test_example_transcripts_fill_the_store(store: GraphStore) -> None:
    seen: list[tuple[int, int | None]] = []
    summary = distill_transcripts(
        [EXAMPLE], store, extractor=RuleExtractor(), progress=lambda d, t: seen.append((d, t))
    )
    assert summary.exchanges == summary.processed == 5
    assert summary.new_observations == store.stats().observations > 0
    assert summary.store is not None and summary.store.teacher_calls == 5
    assert seen[-1] == (5, 5)
    # the stored items are what an in-memory session of the same answers yields, up to the
    # store's entity resolution (it knows "DNA" is an alias of "Deoxyribonucleic Acid", which the
    # answer also names, so their facts land on one entity)
    pairs = [(json.loads(line)["prompt"], json.loads(line)["response"]) for line in EXAMPLE.open()]
    (result,) = KnowledgeDistiller(extractor=RuleExtractor()).distill_batch(pairs)
    stored = store.to_knowledge_graph()

    def facts(graph: KnowledgeGraph) -> list[tuple[str, ...]]:
        def name(entity_id: str) -> str:
            entity = graph.entities[entity_id]
            return "Deoxyribonucleic Acid" if entity.name == "DNA" else entity.name

        return sorted(
            (
                i.kind,
                str(getattr(i, "predicate", getattr(i, "relation", ""))),
                *map(name, i.entity_refs()),
            )
            for i in graph.iter_items()
        )

    assert facts(stored) == facts(result.graph)
    assert store.runs()[0]["summary"]["processed"] == 5


def test_second_run_adds_nothing(store: GraphStore) -> None:
    distill_transcripts([EXAMPLE], store)
    before = store.observations()
    again = distill_transcripts([EXAMPLE], store)
    assert (again.already_processed, again.processed, again.new_observations) == (5, 0, 0)
    assert store.observations() == before


@pytest.mark.parametrize("capacity", [1, 3])
def test_small_sessions_lose_nothing(tmp_path: Path, capacity: int) -> None:
    path = synthetic_transcript(tmp_path / "t.jsonl", 40)
    big, small = open_store(tmp_path / "big.db"), open_store(tmp_path / "small.db")
    distill_transcripts([path], big)
    summary = distill_transcripts([path], small, DistillationConfig(max_items_per_session=capacity))
    assert summary.sessions > 10 and summary.failures == 0
    assert small.observations() == big.observations()


class FlakyExtractor:
    """The rule extractor, except that it crashes on answers mentioning 'Station 3 '."""

    name, version = "flaky", "1"

    def __init__(self) -> None:
        self.inner = RuleExtractor()

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        if "Station 3 " in text:
            raise RuntimeError("extractor crashed")
        return self.inner.extract(
            text, prompt=prompt, types=types, preserve_structure=preserve_structure
        )

    def pipe(self, texts, *, types=None, preserve_structure=True):  # type: ignore[no-untyped-def]
        for prompt, text in texts:
            yield self.extract(
                text, prompt=prompt, types=types, preserve_structure=preserve_structure
            )


def test_failure_is_recorded_and_the_batch_kept(tmp_path: Path, store: GraphStore) -> None:
    path = synthetic_transcript(tmp_path / "t.jsonl", 8)
    summary = distill_transcripts([path], store, extractor=FlakyExtractor())
    assert summary.processed == 7 and summary.failures == 1
    (failure,) = store.failures()
    assert failure["source"].endswith("t.jsonl:4") and "extractor crashed" in failure["reason"]
    assert store.stats().teacher_calls == 7  # the failed call's writes were rolled back
    again = distill_transcripts([path], store, extractor=FlakyExtractor())  # retried on resume
    assert (again.already_processed, again.failures) == (7, 1)
    assert len(store.failures()) == 1


def test_bad_line_stops_but_keeps_committed_batches(tmp_path: Path, store: GraphStore) -> None:
    path = synthetic_transcript(tmp_path / "t.jsonl", 6)
    with path.open("a") as fh:
        fh.write("{oops\n")
    with pytest.raises(InputError, match=r"t\.jsonl:7: invalid JSON"):
        distill_transcripts([path], store, batch_size=2)
    assert store.stats().teacher_calls == 6


def test_skip_bad_counts_lines_and_records_them(tmp_path: Path, store: GraphStore) -> None:
    path = synthetic_transcript(tmp_path / "t.jsonl", 3)
    with path.open("a") as fh:
        fh.write('{"prompt": "no answer"}\n')
    summary = distill_transcripts([path], store, skip_bad=True)
    assert (summary.processed, summary.bad_lines) == (3, 1)
    assert Path(summary.rejected_files[0]).read_text() == '{"prompt": "no answer"}\n'
    assert [f["source"] for f in store.failures()] == [f"{path}:4"]


def test_soft_targets_are_stored_per_token(tmp_path: Path, store: GraphStore) -> None:
    top = [{"token": "Paris", "logprob": -0.05}, {"token": "Lyon", "logprob": -3.2}]
    line = {
        "prompt": "Capital of France?",
        "response": "Paris is the capital of France.",
        "logprobs": [
            {"token": "Paris", "logprob": -0.05, "top_logprobs": top},
            {"token": " is", "logprob": -0.01, "top_logprobs": []},
        ],
    }
    path = tmp_path / "lp.jsonl"
    path.write_text(json.dumps(line) + "\n")
    summary = distill_transcripts([path], store)
    assert summary.soft_targets == 1
    (target,) = store.iter_soft_targets()
    assert target.argmax() == "Paris" and target.metadata["position"] == 0


def _observations(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT item_id, source, extractor, span_start, span_end, confidence "
        "FROM observations ORDER BY 1, 2, 3"
    ).fetchall()
    conn.close()
    return rows


def _count(db: Path, *, recover: bool = False) -> int:
    """Observations stored so far; ``recover``: after a kill, open read-write so that SQLite can
    roll back what the killed writer left half-done (a read-only connection cannot, and fails)."""
    try:
        mode = "rw" if recover else "ro"
        conn = sqlite3.connect(f"file:{db}?mode={mode}", uri=True, timeout=30)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_then_resume_gives_the_uninterrupted_observations(tmp_path: Path) -> None:
    path = synthetic_transcript(tmp_path / "big.jsonl", 3000)
    reference = open_store(tmp_path / "ref.db")
    # the calibrated map gives these one-clause facts ~0.35-0.6 (what clause relations are worth on
    # unseen answers): keep them, so there is something to interrupt
    distill_transcripts([path], reference, config=DistillationConfig(min_confidence=0.3))
    expected = reference.observations()
    reference.close()
    assert len(expected) > 3000

    db = tmp_path / "killed.db"
    cmd = [
        sys.executable,
        "-m",
        "grapheme_distill",
        "distill",
        "--transcripts",
        str(path),
        "--store",
        str(db),
        "--batch-size",
        "16",
        "--set",
        "min_confidence=0.3",
        "--no-progress",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600  # generous: a busy CI machine loads spaCy slowly
    while _count(db) < len(expected) // 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed; make the input bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db, recover=True)
    assert 0 < partial < len(expected)

    done = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _observations(db) == expected
    store = open_store(db)
    assert store.stats().teacher_calls == 3000
    assert store.runs()[-1]["summary"]["already_processed"] > 0
    store.close()


def _sampled_lines(path: Path, temperature: float, answers: list[str]) -> Path:
    """One prompt asked len(answers) times at ``temperature`` (answers may repeat)."""
    with path.open("w") as fh:
        for answer in answers:
            fh.write(
                json.dumps(
                    {
                        "prompt": "Tell me about Paris.",
                        "response": answer,
                        "params": {"temperature": temperature},
                    }
                )
                + "\n"
            )
    return path


SAMPLE_A = "Paris is the capital of France. Paris is located in Europe."
SAMPLE_B = "Paris is the capital of France. The Louvre is located in Paris."


@pytest.mark.parametrize("batch_size", [1, 64])
def test_two_samples_of_one_request_are_two_sources(tmp_path: Path, batch_size: int) -> None:
    path = _sampled_lines(tmp_path / "t.jsonl", 0.8, [SAMPLE_A, SAMPLE_B, SAMPLE_A])
    store = open_store(tmp_path / "g.db")
    summary = distill_transcripts([path], store, extractor=RuleExtractor(), batch_size=batch_size)
    assert (summary.processed, summary.already_processed) == (
        2,
        1,
    )  # the repeated line is one sample
    assert store.stats().teacher_calls == 2
    graph = store.to_knowledge_graph()
    name = {e.id: e.name for e in graph.entities.values()}
    (capital,) = [r for r in graph.relations.values() if r.predicate == "capital_of"]
    (europe,) = [r for r in graph.relations.values() if name[r.object] == "Europe"]
    assert len(graph.evidence[capital.id]) == 2 and len(graph.evidence[europe.id]) == 1
    sources = graph.evidence[capital.id].values()
    assert capital.confidence == pytest.approx(noisy_or(e.confidence for e in sources))
    assert capital.confidence > europe.confidence  # agreeing samples strengthen each other
    before = store.observations()
    again = distill_transcripts([path], store, extractor=RuleExtractor(), batch_size=batch_size)
    assert (again.processed, again.already_processed, again.new_observations) == (0, 3, 0)
    assert store.observations() == before and store.stats().teacher_calls == 2
    store.close()


@pytest.mark.parametrize("batch_size", [1, 64])
def test_two_recorded_answers_to_a_deterministic_request_are_both_kept(
    tmp_path: Path, batch_size: int
) -> None:
    """A recorded answer is data (issue 12): two lines with different answers to one prompt are
    two exchanges, even at temperature 0, whether or not they fall in one batch; reading the file
    again skips both."""
    path = _sampled_lines(tmp_path / "t.jsonl", 0.0, [SAMPLE_A, SAMPLE_B])
    store = open_store(tmp_path / "g.db")
    summary = distill_transcripts([path], store, extractor=RuleExtractor(), batch_size=batch_size)
    assert (summary.processed, summary.already_processed) == (2, 0)
    assert sorted(response.text for _, response in store.iter_calls()) == [SAMPLE_A, SAMPLE_B]
    again = distill_transcripts([path], store, extractor=RuleExtractor(), batch_size=batch_size)
    assert (again.processed, again.already_processed) == (0, 2)
    store.close()
