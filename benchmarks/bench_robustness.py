"""What the checks at the door cost, and how fast a dead teacher is given up on (issue 12).

Three figures, each with a baseline measured in the same run:

* transcript reading: ``TranscriptReader`` (bounded decoding, schema validation, identities) over
  N synthetic lines with logprobs, against the naive reader (``json.loads`` per line, nothing
  checked) — lines per second, medians of ``--runs``;
* the hostile corpus (tests/robustness/hostile.py, 1,689 lines): seconds to read it with
  ``--skip-bad``, and how many lines were rejected / kept;
* fail fast: 200 requests against a port nobody listens on through the default
  ``wrap_teacher`` stack, with fail-fast (the default) and without it (``fail_fast_after=None``),
  both with 6 attempts per request and backoff shortened to 0.01-0.05 s so the baseline finishes
  (with the real backoff of 0.5-30 s it takes minutes).

Usage::

    .venv/bin/python benchmarks/bench_robustness.py            # N=20,000, 3 runs
    .venv/bin/python benchmarks/bench_robustness.py --n 5000 --runs 5
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import logging
import os
import platform
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from grapheme_distill.errors import TeacherError
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.batch import complete_many
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.wrappers import wrap_teacher
from grapheme_distill.transcripts import TranscriptReader

ROOT = Path(__file__).resolve().parents[1]


def _synthetic(path: Path, n: int) -> None:
    top = [{"token": "City", "logprob": -0.05}, {"token": "Town", "logprob": -3.2}]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(
                json.dumps(
                    {
                        "id": f"l{i}",
                        "model": "m",
                        "params": {"temperature": 0.0},
                        "prompt": f"Tell me about city {i}.",
                        "response": f"City {i} is located in Europe. City {i} has {i} people.",
                        "logprobs": [{"token": "City", "logprob": -0.05, "top_logprobs": top}] * 5,
                    }
                )
                + "\n"
            )


def _naive(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip() and json.loads(line))


def _checked(path: Path) -> int:
    return sum(1 for _ in TranscriptReader([path]))


def _median_rate(func: Any, path: Path, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = func(path)
        times.append(time.perf_counter() - start)
    return count / statistics.median(times), count


def _hostile(folder: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests" / "robustness"))
    hostile: Any = importlib.import_module("hostile")  # the corpus the tests use
    lines = hostile.write(folder / "hostile.jsonl")
    start = time.perf_counter()
    reader = TranscriptReader(
        [folder / "hostile.jsonl"], skip_bad=True, max_line_bytes=hostile.LONG_LINE_LIMIT
    )
    kept = sum(1 for _ in reader)
    return {
        "lines": len(lines),
        "rejected": reader.stats.rejected,
        "kept": kept,
        "good_lines": sum(line.good for line in lines),
        "seconds": round(time.perf_counter() - start, 3),
    }


def _dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _refused(fail_fast: bool, n: int = 200) -> dict[str, Any]:
    teacher = OpenAICompatTeacher(
        base_url=f"http://127.0.0.1:{_dead_port()}/v1", model="m", api_key_env=None
    )
    stack = wrap_teacher(
        teacher,
        concurrency=4,
        cache=False,
        backoff_initial=0.01,
        backoff_max=0.05,
        fail_fast_after=5 if fail_fast else None,
    )
    start = time.perf_counter()
    outcome = "finished"
    try:
        results = asyncio.run(
            complete_many(stack, [TeacherRequest(prompt=f"q{i}") for i in range(n)])
        )
        failed = sum(not r.ok for r in results)
    except TeacherError as exc:
        outcome, failed = f"stopped: {type(exc).__name__}", -1
    return {
        "requests": n,
        "outcome": outcome,
        "failed_results": failed,
        "attempts": stack.account.retries + stack.account.requests,
        "seconds": round(time.perf_counter() - start, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("grapheme_distill.teachers").setLevel(logging.ERROR)  # 1,200 retry lines
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _synthetic(folder / "t.jsonl", args.n)
        naive_rate, _ = _median_rate(_naive, folder / "t.jsonl", args.runs)
        checked_rate, count = _median_rate(_checked, folder / "t.jsonl", args.runs)
        report = {
            "machine": f"{platform.machine()}, CPython {platform.python_version()}, "
            f"{os.cpu_count()} cores",
            "load_avg_1min_at_start": os.getloadavg()[0],
            "transcript_lines": count,
            "checked_lines_per_s": round(checked_rate),
            "naive_json_lines_per_s": round(naive_rate),
            "checked_over_naive_time": round(naive_rate / checked_rate, 2),
            "hostile_corpus": _hostile(folder),
            "refused_with_fail_fast": _refused(True),
            "refused_without_fail_fast": _refused(False),
            "load_avg_1min_at_end": os.getloadavg()[0],
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
