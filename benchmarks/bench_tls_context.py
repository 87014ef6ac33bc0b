"""CPU of an ``http://`` teacher's first request in a fresh process: lazy TLS context vs eager.

Why: every process used to build the verified TLS context (httpx's, loading certifi's CA bundle)
when its first teacher client was made, even for a server on 127.0.0.1 that never speaks TLS.
Now only an ``https://`` teacher builds it (``teachers/_http.py``: ``ssl_context``).  The
baseline ("eager") builds the context inside the timed region first, as every first request did
before, in the same run.  The figure is the calling thread's CPU time (``time.thread_time``), so
the fake server's thread and other processes on a busy machine do not count.

    .venv/bin/python benchmarks/bench_tls_context.py --runs 15
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
sys.path.insert(0, {helpers!r})
from fakeserver import FakeLLMServer
from grapheme_distill.teachers import _http
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher

with FakeLLMServer() as server:
    teacher = OpenAICompatTeacher(base_url=server.url + "/v1", model="m", api_key_env=None)
    start = time.thread_time()
    if {eager!r}:
        _http.ssl_context()
    teacher.complete(TeacherRequest(prompt="Paris?"))
    spent = time.thread_time() - start
    teacher.close()
print(json.dumps({{"ms": spent * 1000, "built": _http.ssl_context.cache_info().misses}}))
"""


def _one(eager: bool) -> dict[str, float]:
    code = _CHILD.format(helpers=str(ROOT / "tests" / "teachers"), eager=eager)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per variant")
    args = parser.parse_args()
    found: dict[str, list[float]] = {"lazy": [], "eager": []}
    built: dict[str, set[float]] = {"lazy": set(), "eager": set()}
    for _ in range(args.runs):  # interleaved, so a change in the machine's load hits both
        for name in ("lazy", "eager"):
            result = _one(name == "eager")
            found[name].append(result["ms"])
            built[name].add(result["built"])
    lazy, eager = statistics.median(found["lazy"]), statistics.median(found["eager"])
    print(
        json.dumps(
            {
                "runs": args.runs,
                "first_request_cpu_ms_median": {"lazy": round(lazy, 2), "eager": round(eager, 2)},
                "contexts_built": {k: sorted(v) for k, v in built.items()},
                "saved_ms": round(eager - lazy, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
