"""A crawl killed with SIGKILL at three random moments and resumed ends with the same entities and
facts as an uninterrupted crawl, and the teacher answers no request twice.

The kill moments are random in two ways: which request the server is receiving when it stops
answering (a random point of the crawl), and how long after that the client is killed (0.03-0.3 s:
the client may be reading, ingesting or committing).  The server stops *writing answers* at the
freeze, so every answer it wrote before has reached the client; the held requests are dropped
unanswered after the kill (a request whose answer never arrived is rightly asked again).  Two
samples per entity make an entity's group half-answered at many kills: the answer that did arrive
must come from the store's write-ahead call log on resume, not from the teacher again.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from knowledge_server import KnowledgeServer

from grapheme_distill.crawl import compare_stores, crawl
from grapheme_distill.store import open_store
from grapheme_distill.teachers.open import open_teacher

SIZE = 40
WORLD = {f"Node {i}" for i in range(SIZE)} | {f"Region {i}" for i in range(3)}


def run_crawl(url: str, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "grapheme_distill",
            "crawl",
            "--seed",
            "Node 0",
            "--teacher",
            "vllm",
            "--model",
            "m",
            "--base-url",
            url,
            "--store",
            str(store),
            "--concurrency",
            "4",
            "--samples",
            "2",
            "--no-progress",
            "--json",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_kill_9_three_times_then_resume(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    with KnowledgeServer(size=SIZE, delay=0.05) as reference_server:
        reference = open_store(tmp_path / "reference.db")
        teacher = open_teacher(
            "vllm", model="m", base_url=reference_server.url + "/v1", concurrency=4
        )
        summary = crawl(["Node 0"], [teacher], reference, concurrency=4, samples=2)
        assert summary.outcome == "frontier_empty"
    store_path = tmp_path / "killed.db"
    kills = 0
    with KnowledgeServer(size=SIZE, delay=0.05) as server:
        url = server.url + "/v1"
        for _ in range(3):
            server.freeze_at = server.arrived + rng.randint(1, 12)
            proc = run_crawl(url, store_path)
            deadline = time.monotonic() + 120
            while not server.frozen and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.03, 0.3))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
            proc.wait()
            server.thaw()
        proc = run_crawl(url, store_path)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        repeated = [e for e, n in Counter(server.answered_requests).items() if n > 1]
        assert not repeated, f"answered twice (seed {seed}): {repeated}"
        assert set(server.answered) == WORLD
    assert kills >= 2, f"the crawl ended before it could be killed (seed {seed})"
    resumed = open_store(store_path)
    result = compare_stores(reference, resumed)
    assert result.entities.jaccard == 1.0 and result.facts.jaccard == 1.0, (seed, result)
    assert resumed.frontier_counts("default") == {"done": len(WORLD)}
    assert resumed.crawl_state("default")["outcome"] == "frontier_empty"  # type: ignore[index]
