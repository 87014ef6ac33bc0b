"""Full-concurrency jobs against a 200 ms OpenAI-compatible server (issue 17 targets).

Three jobs, each at ``--concurrency`` 64 against the tests' deterministic knowledge server
(``tests/crawl/knowledge_server.py``, a real HTTP server in its own process so that its CPU is not
counted as the client's, with fault injection: every n-th request gets a 500 and is retried):

* ``topics``: ``run_topics`` on 200 topics x 5 templates (1,000 requests, rules reader);
* ``crawl``: ``crawl`` with a 1,000-request budget, from one seed and from 64 seeds (one seed
  cannot fill 64 slots until the frontier is 64 wide: a chain of dependent rounds);
* ``documents``: ``distill_documents`` on 2,000 markdown files read by the llm extractor;
* ``bare``: the same-run baseline, 1,000 crawl requests through the same pool and teacher stack
  with nothing read or stored (on a shared machine, what the load allows right now).

Each is compared with the latency floor ``ceil(N / C) * L`` (N requests, C concurrency, L latency)
and with the same run's ``bare`` (wall per request, CPU per request); the 1-minute load average at
the start of each job is kept.  Start-up (imports, opening the store) is outside the timed part.  Client CPU per
request is this process's CPU time (all threads) over the requests.  The machine is shared and
noisy, so every figure is the median of ``--runs`` runs.

Usage::

    .venv/bin/python benchmarks/bench_crawl.py --runs 3 --json bench_crawl.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def start_server(latency: float, fault_every: int) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "crawl" / "knowledge_server.py"),
            "--latency",
            str(latency),
            "--fault-every",
            str(fault_every),
            "--fault",
            "500",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        raise RuntimeError(f"server did not start: {line!r}")
    return proc, f"http://127.0.0.1:{line.split()[1]}/v1"


def measure(job: Callable[[], int]) -> dict[str, float]:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    requests = job()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"requests": requests, "wall_s": wall, "cpu_ms_per_request": 1000 * cpu / requests}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--fault-every", type=int, default=100)
    ap.add_argument("--jobs", default="bare,topics,crawl1,crawl64,documents")
    ap.add_argument("--json", dest="json_out", default=None)
    args = ap.parse_args()

    from grapheme_distill.crawl import crawl
    from grapheme_distill.extractors import get_extractor
    from grapheme_distill.pipeline import distill_documents
    from grapheme_distill.store import open_store
    from grapheme_distill.teachers.open import open_teacher
    from grapheme_distill.topics import run_topics

    c, lat = args.concurrency, args.latency
    server, url = start_server(lat, args.fault_every)
    tmp = Path(tempfile.mkdtemp(prefix="bench_crawl_"))
    docs = tmp / "docs"
    docs.mkdir()
    for i in range(2000):
        (docs / f"d{i:04d}.md").write_text(
            f"# Node {i}\n\nNode {i} is linked to Node {2 * i + 1} and Node {2 * i + 2}.\n",
            encoding="utf-8",
        )
    counter = iter(range(1_000_000))

    def store() -> Any:
        return open_store(tmp / f"s{next(counter)}.db")

    def topics() -> int:
        s = run_topics(
            [f"topic {i}" for i in range(200)],
            s_ := store(),
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=url,
            concurrency=c,
            auto_clozes=0,
        )
        s_.close()
        return s.asked

    def crawl_from(seeds: list[str]) -> Callable[[], int]:
        def job() -> int:
            teacher = open_teacher("vllm", model="m", base_url=url, concurrency=c)
            s = crawl(seeds, [teacher], st := store(), budget_requests=1000, concurrency=c)
            st.close()
            return s.requests

        return job

    def bare() -> int:
        """The same-run baseline: 1,000 crawl requests through the same pool and teacher stack,
        nothing read or stored (what this machine allows right now)."""
        import asyncio

        from grapheme_distill.crawl.prompts import bounded_format, load_crawl_template
        from grapheme_distill.pool import RequestPool

        teacher = open_teacher("vllm", model="m", base_url=url, concurrency=c)
        template = load_crawl_template()
        bounded_format(None)

        async def ask_all() -> None:
            pool = RequestPool(c)
            await asyncio.gather(
                *(
                    pool.complete(
                        teacher,
                        template.request(
                            f"Node {i}", model="m", max_tokens=512, sample=0, samples=1
                        ),
                    )
                    for i in range(1000)
                )
            )

        asyncio.run(ask_all())
        return 1000

    def documents() -> int:
        teacher = open_teacher("vllm", model="m", base_url=url, concurrency=c)
        extractor = get_extractor("llm", teacher=teacher, concurrency=c, max_tokens=512)
        s = distill_documents([docs], st := store(), extractor=extractor, batch_size=4 * c)
        st.close()
        return s.processed

    jobs: dict[str, tuple[Callable[[], int], int]] = {
        "bare": (bare, 1000),
        "topics": (topics, 1000),
        "crawl1": (crawl_from(["Node 0"]), 1000),
        "crawl64": (crawl_from([f"Node {i}" for i in range(64)]), 1000),
        "documents": (documents, 2000),
    }
    results: dict[str, Any] = {}
    try:
        for name in args.jobs.split(","):
            job, n = jobs[name]
            load = os.getloadavg()[0]
            runs = [measure(job) for _ in range(args.runs)]
            floor = math.ceil(n / c) * lat
            wall = statistics.median(r["wall_s"] for r in runs)
            results[name] = {
                "requests": runs[0]["requests"],
                "floor_s": floor,
                "median_wall_s": round(wall, 3),
                "ratio_to_floor": round(wall / floor, 3),
                "median_cpu_ms_per_request": round(
                    statistics.median(r["cpu_ms_per_request"] for r in runs), 3
                ),
                "runs_wall_s": [round(r["wall_s"], 3) for r in runs],
                "runs_cpu_ms_per_request": [round(r["cpu_ms_per_request"], 3) for r in runs],
                "load_average_1m": round(load, 1),
            }
            if "bare" in results and name != "bare":
                bare = results["bare"]
                per_request = wall / results[name]["requests"]
                results[name]["wall_vs_bare"] = round(
                    per_request / (bare["median_wall_s"] / bare["requests"]), 3
                )
                results[name]["cpu_vs_bare"] = round(
                    results[name]["median_cpu_ms_per_request"] / bare["median_cpu_ms_per_request"],
                    3,
                )
            print(name, json.dumps(results[name]), flush=True)
    finally:
        server.terminate()
        server.wait()
    report = {
        "machine": f"{platform.machine()} {platform.python_version()}",
        "concurrency": c,
        "latency_s": lat,
        "fault_every": args.fault_every,
        "runs": args.runs,
        "results": results,
    }
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
