"""Export benchmark (issue 14): every format on a large store, wall time and peak RSS, plus the two
SPARQL engines on the same store.

The store is the synthetic one of ``bench_store.py`` (its generator, imported): ``--observations``
observations over ``--observations / 10`` entities, ~42 % distinct items, contradictions, one
teacher-call source per record.  It is built once (or reused with ``--store``); then each format
is exported by a fresh child process (``export_graph(store, fmt, …)``, the path the CLI takes), so
each peak RSS is that export's own.  Two baselines are measured in the same run: ``read``, a child
that reads the store whole into a :class:`KnowledgeGraph` (what every export did before they
streamed, and what ``grapheme`` and ``student`` still do), and ``stream``, a child that reads it
the way streaming exports do (``store.iter_graph()``, a range of ids at a time) and drops each
chunk.

Run::

    .venv/bin/python benchmarks/bench_export.py --observations 100000
    .venv/bin/python benchmarks/bench_export.py --observations 1000000 --store /tmp/big.db
    .venv/bin/python benchmarks/bench_export.py --sparql --observations 100000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FORMATS = [
    "json",
    "graphml",
    "turtle",
    "ntriples",
    "jsonld",
    "csv",
    "parquet",
    "neo4j",
    "html",
    "grapheme",
]
SPARQL = """SELECT ?name (COUNT(?o) AS ?n) WHERE {
  ?s rel:located_in ?o . ?s rdfs:label ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 5"""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def build(path: Path, observations: int, seed: int = 7) -> dict[str, float]:
    from bench_store import make_entities, records

    from grapheme_distill.store import open_store

    rng = random.Random(seed)
    entities = make_entities(max(100, observations // 10), rng)
    store = open_store(path)
    t0 = time.perf_counter()
    stream = records(entities, observations, rng)
    while batch := [k for _, k in zip(range(2000), stream, strict=False)]:
        store.add_knowledge_many(batch)
    stats = store.stats()
    store.close()
    return {
        "build_s": time.perf_counter() - t0,
        "observations": stats.observations,
        "items": stats.relations + stats.attributes + stats.hierarchy + stats.linguistic,
        "entities": stats.entities,
        "contradictions": stats.contradictions,
    }


def child(fmt: str, store_path: Path, out: Path) -> None:
    """One export (or ``read``, or ``sparql-<engine>``) in this process; prints JSON."""
    from grapheme_distill.export import export_graph
    from grapheme_distill.store import open_store

    store = open_store(store_path)
    t0, c0 = time.perf_counter(), time.process_time()
    result: dict[str, object] = {}
    if fmt == "read":
        graph = store.to_knowledge_graph()
        result["items"] = sum(1 for _ in graph.iter_items())
    elif fmt == "stream":
        result["items"] = sum(
            sum(1 for _ in chunk.graph.iter_items()) for chunk in store.iter_graph()
        )
    elif fmt.startswith("sparql-"):
        from grapheme_distill.export.sparql import sparql_query

        answer = sparql_query(store, SPARQL, engine=fmt.split("-", 1)[1])  # type: ignore[arg-type]
        result["rows"] = len(answer.rows)
        result["first"] = answer.rows[0] if answer.rows else None
    else:
        report = export_graph(store, fmt, out)
        result.update(nodes=report.nodes, edges=report.edges)
        written = [p for p in out.parent.glob(out.stem + "*")]  # sidecars (grapheme) included
        files = [f for p in written for f in ([*p.rglob("*")] if p.is_dir() else [p])]
        result["bytes"] = sum(f.stat().st_size for f in files if f.is_file())
    result.update(
        wall_s=time.perf_counter() - t0, cpu_s=time.process_time() - c0, peak_rss_mb=peak_rss_mb()
    )
    store.close()
    print(json.dumps(result))


def measure(fmt: str, store_path: Path, folder: Path) -> dict[str, object]:
    out = folder / f"export.{fmt}"
    done = subprocess.run(
        [sys.executable, __file__, "--child", fmt, "--store", str(store_path), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    for written in folder.glob("export*"):
        shutil.rmtree(written) if written.is_dir() else written.unlink()
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=1_000_000)
    parser.add_argument(
        "--store", type=Path, default=None, help="store to use (built there first when missing)"
    )
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--sparql", action="store_true", help="time the SPARQL engines instead")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.store, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        store_path = args.store or Path(tmp) / "bench.db"
        info: dict[str, float] = {}
        if not store_path.exists():
            info = build(store_path, args.observations)
            print(f"built {store_path}: {info}", flush=True)
        print(
            f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.1f}; Python {platform.python_version()}",
            flush=True,
        )
        targets = (
            ["read", "sparql-rdflib", "sparql-oxigraph"]
            if args.sparql
            else ["read", "stream", *args.formats.split(",")]
        )
        results = {}
        for fmt in targets:
            results[fmt] = measure(fmt, store_path, Path(tmp))
            print(f"{fmt:>16}: {json.dumps(results[fmt])}", flush=True)
        print(json.dumps({"store": info, "results": results}, indent=1))


if __name__ == "__main__":
    main()
