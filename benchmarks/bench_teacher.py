"""Teacher throughput: N requests at concurrency C against a fake server answering after L seconds.

Targets (issue 6): wall time <= 1.11 x the floor ceil(N/C) x L, and client CPU <= 2 ms per request.

The server (tests/teachers/fakeserver.py, real HTTP/1.1 over 127.0.0.1) runs in its own process so
its CPU time is not counted as the client's; the client's CPU is ``time.process_time()`` of this
process (all threads) across the batch.  Each run builds a fresh client stack — the full
``wrap_teacher`` stack (accounting, cache, concurrency limit, retries) around
``OpenAICompatTeacher`` driven by ``complete_many`` — so connection set-up is inside the figures.
Two baselines are measured in the same process and run: plain httpx with the same pool sharding
(the best httpx itself does on this machine right now: the library's own overhead is the ratio
to it), and a straightforward httpx client with one C-connection pool, on ``--baseline-n``
requests because it is slow (see docs/benchmarks.md for why).

Usage::

    .venv/bin/python benchmarks/bench_teacher.py              # N=2000, C=64, L=0.2, 5 runs
    .venv/bin/python benchmarks/bench_teacher.py --runs 3 --n 500
    .venv/bin/python benchmarks/bench_teacher.py --fault-every 50 --fault 500 --baseline-n 0
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.batch import complete_many
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.wrappers import wrap_teacher

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "tests" / "teachers" / "fakeserver.py"


def start_server(
    latency: float, fault_every: int = 0, fault: str = "500"
) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            str(SERVER),
            "--latency",
            str(latency),
            "--fault-every",
            str(fault_every),
            "--fault",
            fault,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError(f"fake server did not start: {line!r}")
    return proc, f"http://127.0.0.1:{line.split()[1]}"


def requests_for(n: int, tag: str) -> list[TeacherRequest]:
    return [
        TeacherRequest(prompt=f"{tag} question number {i}: what is it?", max_tokens=64)
        for i in range(n)
    ]


async def run_library(url: str, n: int, c: int, tag: str) -> dict[str, Any]:
    teacher = OpenAICompatTeacher(base_url=url + "/v1", model="bench-model", api_key_env=None)
    stack = wrap_teacher(teacher, concurrency=c)
    reqs = requests_for(n, tag)
    cpu0, t0 = time.process_time(), time.perf_counter()
    results = await complete_many(stack, reqs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    await teacher.aclose()
    ok = sum(r.ok for r in results)
    return {
        "wall_s": wall,
        "cpu_ms_per_req": cpu * 1000 / n,
        "ok": ok,
        "retries": stack.account.retries,
    }


async def run_bare_httpx(url: str, n: int, c: int, tag: str, shards: int = 1) -> dict[str, Any]:
    """Plain httpx: ``shards`` AsyncClients sharing C connections, a semaphore, ``.json()``.

    ``shards=1`` is what a straightforward client does; ``shards=8`` is the same client with the
    teacher's pool sharding and nothing else (no models, no wrappers, no retries), i.e. the best
    httpx itself does on this machine at this moment.
    """
    per = max(1, c // shards)
    limits = httpx.Limits(max_connections=per, max_keepalive_connections=per)
    clients = [httpx.AsyncClient(limits=limits, timeout=60) for _ in range(shards)]
    load = [0] * shards
    sem = asyncio.Semaphore(c)
    ok = 0

    async def one(i: int) -> None:
        nonlocal ok
        body = {
            "model": "bench-model",
            "max_tokens": 64,
            "temperature": 0.0,
            "messages": [{"role": "user", "content": f"{tag} question number {i}"}],
        }
        async with sem:
            k = min(range(shards), key=load.__getitem__)
            load[k] += 1
            try:
                answer = await clients[k].post(url + "/v1/chat/completions", json=body)
            finally:
                load[k] -= 1
        ok += bool(answer.json()["choices"][0]["message"]["content"])

    cpu0, t0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(n)))
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    for client in clients:
        await client.aclose()
    return {"wall_s": wall, "cpu_ms_per_req": cpu * 1000 / n, "ok": ok, "retries": 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--c", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--fault-every",
        type=int,
        default=0,
        help="the server fails every n-th request (0: never) ...",
    )
    parser.add_argument("--fault", default="500", help="... with this fault (500, 429:0, ...)")
    parser.add_argument(
        "--baseline-n",
        type=int,
        default=500,
        help="requests for the one-pool httpx baseline (0: skip it; it is slow)",
    )
    args = parser.parse_args()
    floor = math.ceil(args.n / args.c) * args.latency
    proc, url = start_server(args.latency, args.fault_every, args.fault)
    try:
        asyncio.run(run_library(url, args.c, args.c, "warmup"))  # imports, first connections
        lib: list[dict[str, Any]] = []
        sharded: list[dict[str, Any]] = []
        bare: list[dict[str, Any]] = []
        for run in range(args.runs):
            lib.append(asyncio.run(run_library(url, args.n, args.c, f"lib{run}")))
            if not args.fault_every:  # the bare clients do not retry
                sharded.append(
                    asyncio.run(run_bare_httpx(url, args.n, args.c, f"sharded{run}", shards=8))
                )
            if args.baseline_n and not args.fault_every:
                bare.append(asyncio.run(run_bare_httpx(url, args.baseline_n, args.c, f"bare{run}")))
            print(
                json.dumps(
                    {
                        "run": run,
                        "load_avg_1min": os.getloadavg()[0],
                        "library": lib[-1],
                        "httpx_sharded": sharded[-1] if sharded else None,
                        "httpx_one_pool": bare[-1] if bare else None,
                    }
                ),
                flush=True,
            )
    finally:
        proc.terminate()
        proc.wait(5)

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    wall, cpu = med(lib, "wall_s"), med(lib, "cpu_ms_per_req")
    summary = {
        "n": args.n,
        "c": args.c,
        "latency_s": args.latency,
        "runs": args.runs,
        "fault_every": args.fault_every,
        "fault": args.fault if args.fault_every else None,
        "library_retries_median": med(lib, "retries"),
        "floor_s": floor,
        "library_wall_s_median": round(wall, 3),
        "library_wall_over_floor": round(wall / floor, 3),
        "library_cpu_ms_per_req_median": round(cpu, 3),
        "all_ok": all(r["ok"] == args.n for r in lib),
        "wall_target_met": wall <= 1.11 * floor,
        "cpu_target_met": cpu <= 2.0,
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores",
        "load_avg_1min_at_end": os.getloadavg()[0],
    }
    if sharded:
        sharded_wall = med(sharded, "wall_s")
        summary["httpx_sharded_wall_s_median"] = round(sharded_wall, 3)
        summary["httpx_sharded_wall_over_floor"] = round(sharded_wall / floor, 3)
        summary["httpx_sharded_cpu_ms_per_req_median"] = round(med(sharded, "cpu_ms_per_req"), 3)
        summary["library_wall_over_httpx_sharded"] = round(wall / sharded_wall, 3)
    if bare:
        summary["bare_httpx_n"] = args.baseline_n
        summary["bare_httpx_wall_s_median"] = round(med(bare, "wall_s"), 3)
        summary["bare_httpx_cpu_ms_per_req_median"] = round(med(bare, "cpu_ms_per_req"), 3)
        summary["library_cpu_over_bare_httpx"] = round(cpu / med(bare, "cpu_ms_per_req"), 2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
