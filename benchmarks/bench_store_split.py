"""Issue 16: did splitting the SQLite store into modules (and resolution into its own package)
cost ingest time?  Runs ``bench_store.py`` alternately with today's ``SQLiteStore`` and with the
one-file store it replaced, taken from git (the commit before the split, with the one line the
items-as-one-sequence change needed: ``record.items()`` → ``record.items``), in the same session
on the same machine, and prints the medians.

Run::

    .venv/bin/python benchmarks/bench_store_split.py --runs 3 --observations 200000 --entities 20000
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "fd09d8f^"  # the last commit with store/sqlite.py as one file
_ONE_FILE_RUNNER = """
import importlib.util, runpy, sys
import grapheme_distill.store as store_pkg
spec = importlib.util.spec_from_file_location("one_file_sqlite", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
store_pkg.open_store = lambda path, **kw: mod.SQLiteStore(path, **kw)
sys.argv = ["bench_store.py", *sys.argv[2:]]
runpy.run_path({bench!r}, run_name="__main__")
"""


def _figures(output: str) -> dict[str, float]:
    found = {}
    for key in ("ingest_s", "ingest_cpu_s", "hood_median_ms", "find_median_ms"):
        m = re.search(rf"^{key}\s+([\d.,]+)", output, re.MULTILINE)
        if m:
            found[key] = float(m.group(1).replace(",", ""))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--observations", type=int, default=200_000)
    parser.add_argument("--entities", type=int, default=20_000)
    args = parser.parse_args()
    old = subprocess.run(
        ["git", "show", f"{BEFORE}:src/grapheme_distill/store/sqlite.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    old = old.replace("for item in record.items():", "for item in record.items:")
    with tempfile.TemporaryDirectory() as tmp:
        one_file = Path(tmp) / "one_file_sqlite.py"
        one_file.write_text(old)
        runner = Path(tmp) / "run_one_file.py"
        runner.write_text(_ONE_FILE_RUNNER.format(bench=str(ROOT / "benchmarks/bench_store.py")))
        bench = [
            "--observations",
            str(args.observations),
            "--entities",
            str(args.entities),
            "--queries",
            "500",
        ]
        results: dict[str, list[dict[str, float]]] = {"split": [], "one file": []}
        for run in range(args.runs):
            for name, cmd in (
                ("split", [sys.executable, str(ROOT / "benchmarks/bench_store.py"), *bench]),
                ("one file", [sys.executable, str(runner), str(one_file), *bench]),
            ):
                out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
                results[name].append(_figures(out))
                print(f"run {run + 1} {name}: {results[name][-1]}", flush=True)
    for name, runs in results.items():
        medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"{name:9} medians: {medians}")
    split_cpu = statistics.median(r["ingest_cpu_s"] for r in results["split"])
    old_cpu = statistics.median(r["ingest_cpu_s"] for r in results["one file"])
    print(f"ingest CPU split / one file: {split_cpu / old_cpu:.2f}")


if __name__ == "__main__":
    main()
