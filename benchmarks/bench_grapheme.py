"""Benchmark: streaming KnowledgeGraph → GRAPHEME conversion (issue 5) and reading back (issue 18).

Target: a graph with 10 million characters converts at ≥ 500,000 characters/s with ≤ 200 bytes of
peak memory per character node.  The graph is synthetic but shaped like a store export: entity
labels of 4–20 characters (mostly ASCII, ~10 % with accents, combining marks or emoji), aliases,
one relation per entity, an attribute for every fourth entity, evidence for every item.  Building
the graph is not timed (it uses ``model_construct`` to be quick).

A second baseline is the I/O floor: writing the same number of bytes, unformatted, to the same
directory (on the shared VM writing to disk-backed page cache costs ~2 ns of kernel CPU per byte).

Memory is the peak RSS during the conversion minus the RSS just before it, sampled every 2 ms by a
thread (psutil); the conversion allocates steadily, so sampling does not miss a short spike.  The
baseline measured in the same run is the naive approach — build the whole document as Python
objects with :func:`from_text`-style node dicts and ``json.dump`` it — on a slice of the graph
(the naive way cannot hold 10 M characters in memory).

``--read`` measures the streaming reader instead (issue 18; target: a 10 M-character export reads
back within 1 GB peak RSS).  Every phase runs in its own subprocess, so each peak RSS
(``ru_maxrss``: the whole process, interpreter and imports included) is that phase's alone:

* ``write``: build the graph, ``to_grapheme`` it (timed);
* ``floor``: only build the same graph in memory — what holding the *result* of a read costs;
* ``iterate``: :class:`GraphemeReader` — index the graph file, stream entities, items and evidence
  without keeping them (what an import into a store needs);
* ``read``: :func:`read_grapheme`, the whole :class:`KnowledgeGraph` back;
* baseline ``json.load`` of an export of ``--baseline-chars`` characters: the core of the previous
  reader, which loaded the document whole.

Usage::

    .venv/bin/python benchmarks/bench_grapheme.py                 # writer: 10 M characters, 3 runs
    .venv/bin/python benchmarks/bench_grapheme.py --chars 1000000 --runs 5
    .venv/bin/python benchmarks/bench_grapheme.py --read          # reader: 10 M characters, 3 runs
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import psutil

from grapheme_distill.grapheme import GraphemeReader, read_grapheme, to_grapheme
from grapheme_distill.grapheme.text import char_node, edge, other_node
from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.knowledge import Attribute, Entity, EntityType, Relation

_WORDS = [
    "alpha",
    "Paris",
    "river",
    "Zoë",
    "Ωmega",
    "cafe\u0301",
    "👍🏽",
    "🇫🇷",
    "data",
    "München",
    "graph",
    "東京",
    "node",
    "learn",
    "Ångström",
    "x",
]
_TYPES = list(EntityType)


def build_graph(target_chars: int, seed: int = 0) -> tuple[KnowledgeGraph, int]:
    """A synthetic graph whose texts hold about ``target_chars`` characters."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    chars = 0
    ids: list[str] = []
    i = 0
    while chars < target_chars:
        name = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {i}"
        aliases = (f"{name[:3]}{i}",) if i % 5 == 0 else ()
        ent_id = f"sha256:{i:032x}"
        kg.entities[ent_id] = Entity.model_construct(
            id=ent_id, name=name, type=_TYPES[i % len(_TYPES)], aliases=aliases
        )
        ids.append(ent_id)
        chars += len(name) + sum(map(len, aliases))
        if i % 4 == 3:
            value = f"{rng.random():.6f}"
            att = Attribute.model_construct(
                id=f"sha256:a{i:031x}",
                entity=ent_id,
                name="score",
                value=value,
                datatype="number",
                confidence=0.8,
                span=None,
            )
            kg.attributes[att.id] = att
            chars += len(value)
        i += 1
    for n, ent_id in enumerate(ids):
        rel = Relation.model_construct(
            id=f"sha256:r{n:031x}",
            subject=ent_id,
            predicate="related_to",
            object=ids[rng.randrange(len(ids))],
            negated=n % 50 == 0,
            qualifiers={},
            confidence=0.5 + (n % 50) / 100,
            span=(0, 10),
        )
        kg.relations[rel.id] = rel
        kg.evidence[rel.id] = {
            "call": Evidence.model_construct(
                source="call", extractor="rules@1", confidence=rel.confidence, span=(0, 10)
            )
        }
    return kg, chars


def naive_convert(kg: KnowledgeGraph, path: Path) -> None:
    """The baseline: the whole document as Python objects, then one ``json.dump``."""
    nodes: list[object] = []
    edges: list[object] = []
    inputs: list[int] = []
    cliques: list[list[int]] = []
    for entity in kg.entities.values():
        start = len(nodes)
        nodes.extend(char_node(c, i) for i, c in enumerate(entity.name))
        members = list(range(start, len(nodes)))
        edges.extend(edge(j, j + 1, "Sequential") for j in members[:-1])
        concept = len(nodes)
        nodes.append(other_node({"Clique": members}))
        edges.extend(edge(concept, j, "Clique") for j in members)
        inputs.extend(members)
        cliques.append(members)
    doc = {
        "graph": {"nodes": nodes, "node_holes": [], "edge_property": "directed", "edges": edges},
        "input_nodes": inputs,
        "cliques": cliques,
    }
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))


def write_bytes(path: Path, size: int) -> None:
    """The I/O floor: write ``size`` bytes in 4 MiB chunks (no formatting at all)."""
    chunk = b"0" * (1 << 22)
    with open(path, "wb") as fh:
        fh.writelines(chunk for _ in range(size // len(chunk)))
        fh.write(chunk[: size % len(chunk)])


def measure(fn: Callable[[], object]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, peak RSS increase in bytes) of ``fn()``.

    CPU time is reported beside wall time because the machine is shared: wall time includes the
    time other people's processes held the two cores."""
    proc = psutil.Process()
    gc.collect()
    base = proc.memory_info().rss
    peak = base
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, proc.memory_info().rss)
            time.sleep(0.002)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    done.set()
    thread.join()
    peak = max(peak, proc.memory_info().rss)
    return elapsed, cpu, peak - base


def run_phase(phase: str, chars: int, directory: Path) -> dict[str, float]:
    """One phase in this process (called in a fresh subprocess by :func:`read_benchmark`)."""
    proc = psutil.Process()
    out = directory / f"bench{chars}"
    result: dict[str, float] = {}
    if phase in ("write", "floor"):
        kg, result["chars"] = build_graph(chars)
        if phase == "write":
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            to_grapheme(kg, out)
            result["wall"], result["cpu"] = time.perf_counter() - t0, time.process_time() - c0
    else:
        gc.collect()
        result["base_rss"] = proc.memory_info().rss
        t0, c0 = time.perf_counter(), time.process_time()
        if phase == "iterate":
            reader = GraphemeReader(out)
            result["entities"] = sum(1 for _ in reader.entities())
            result["items"] = sum(1 for _ in reader.items())
            result["evidence"] = sum(1 for _ in reader.evidence())
        elif phase == "read":
            kg = read_grapheme(out)
            result["entities"] = len(kg.entities)
            result["items"] = sum(1 for _ in kg.iter_items())
        elif phase == "jsonload":
            with open(out.with_name(out.name + ".grapheme.json"), "rb") as fh:
                doc = json.load(fh)
            result["nodes"] = len(doc["graph"]["nodes"])
        result["wall"], result["cpu"] = time.perf_counter() - t0, time.process_time() - c0
    result["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return result


def _phase(phase: str, chars: int, directory: Path) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--phase",
            phase,
            "--chars",
            str(chars),
            "--dir",
            str(directory),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def read_benchmark(target: int, runs: int, baseline_chars: int, directory: str | None) -> None:
    """Write once, then per phase a subprocess: peak RSS and speed of reading back."""
    mib = 2**20
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        d = Path(tmp)
        w = _phase("write", target, d)
        chars = int(w["chars"])  # files are named after the target, rates use the real count
        size = (d / f"bench{target}.grapheme.json").stat().st_size
        side = (d / f"bench{target}.sidecar.json").stat().st_size
        print(
            f"write: {chars:,} chars in {w['wall']:.1f} s wall = {chars / w['wall']:,.0f} chars/s, "
            f"cpu {chars / w['cpu']:,.0f} chars/s; files {size / mib:,.0f} MiB + {side / mib:,.0f} MiB; "
            f"process peak {w['peak_rss'] / mib:,.0f} MiB",
            flush=True,
        )
        floor = _phase("floor", target, d)
        print(
            f"floor: the graph alone in memory: process peak {floor['peak_rss'] / mib:,.0f} MiB",
            flush=True,
        )
        for phase in ("iterate", "read"):
            got = []
            for run in range(runs):
                r = _phase(phase, target, d)
                got.append(r)
                print(
                    f"  {phase} run {run + 1}: wall {r['wall']:.1f} s = {chars / r['wall']:,.0f} chars/s, "
                    f"cpu {chars / r['cpu']:,.0f} chars/s, process peak {r['peak_rss'] / mib:,.0f} MiB "
                    f"(before reading {r['base_rss'] / mib:,.0f} MiB), {int(r['entities']):,} entities, "
                    f"{int(r['items']):,} items, load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
            wall = statistics.median(r["wall"] for r in got)
            cpu = statistics.median(r["cpu"] for r in got)
            peak = statistics.median(r["peak_rss"] for r in got)
            print(
                f"{phase}, median of {runs}: {chars / wall:,.0f} chars/s wall, {chars / cpu:,.0f} chars/s cpu "
                f"({size / mib / wall:,.1f} MiB/s of JSON), process peak {peak / mib:,.0f} MiB "
                f"(target <= 1024), {(peak - got[0]['base_rss']) / chars:.1f} B/char over the interpreter",
                flush=True,
            )
        for f in d.iterdir():
            f.unlink()
        bchars = int(_phase("write", baseline_chars, d)["chars"])
        base = _phase("jsonload", baseline_chars, d)
        small = _phase("iterate", baseline_chars, d)
        print(
            f"baseline on {bchars:,} chars: json.load of the document {bchars / base['wall']:,.0f} chars/s, "
            f"{(base['peak_rss'] - base['base_rss']) / bchars:,.0f} B/char over the interpreter "
            f"(peak {base['peak_rss'] / mib:,.0f} MiB); streaming reader (GraphemeReader) on the same file "
            f"{bchars / small['wall']:,.0f} chars/s, {(small['peak_rss'] - small['base_rss']) / bchars:,.0f} "
            f"B/char (peak {small['peak_rss'] / mib:,.0f} MiB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-chars", type=int, default=500_000)
    parser.add_argument("--dir", default=None, help="where to write (default: the system temp dir)")
    parser.add_argument("--read", action="store_true", help="benchmark the reader (issue 18)")
    parser.add_argument("--phase", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.chars, Path(args.dir))))
        return
    if args.read:
        print(
            f"machine: {platform.machine()}, {psutil.cpu_count()} cores, "
            f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        read_benchmark(args.chars, args.runs, args.baseline_chars, args.dir)
        return

    print(
        f"machine: {platform.machine()}, {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}"
    )
    t0 = time.perf_counter()
    kg, chars = build_graph(args.chars)
    print(
        f"graph: {len(kg.entities):,} entities, {len(kg.relations):,} relations, "
        f"{len(kg.attributes):,} attributes, {chars:,} characters (built in {time.perf_counter() - t0:.1f} s)"
    )
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        out = Path(tmp) / "bench"
        times, cpus, mems = [], [], []
        result = None
        for run in range(args.runs):
            results: list[object] = []
            elapsed, cpu, mem = measure(
                partial(lambda sink: sink.append(to_grapheme(kg, out)), results)
            )
            result = results[0]
            times.append(elapsed)
            cpus.append(cpu)
            mems.append(mem)
            if run + 1 < args.runs:  # freeing a 3 GB file is slow: never inside a timed run
                for done_path in (result.graph_path, result.sidecar_path):  # type: ignore[attr-defined]
                    done_path.unlink()
                os.sync()  # start the next run without the previous run's dirty pages
            print(
                f"  run {run + 1}: wall {elapsed:.2f} s = {chars / elapsed:,.0f} chars/s, "
                f"cpu {cpu:.2f} s = {chars / cpu:,.0f} chars/s, peak +{mem / 2**20:.1f} MiB = "
                f"{mem / chars:.1f} B/char, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        size = (out.parent / "bench.grapheme.json").stat().st_size
        side = (out.parent / "bench.sidecar.json").stat().st_size
        t, c, m = statistics.median(times), statistics.median(cpus), statistics.median(mems)
        print(
            f"streaming writer, median of {args.runs}: wall {chars / t:,.0f} chars/s, cpu "
            f"{chars / c:,.0f} chars/s (target >= 500,000); peak memory {m / chars:.1f} B/char "
            f"(target <= 200); {result}; files {size / 2**20:,.0f} MiB + sidecar {side / 2**20:,.0f} MiB"
        )

        floor_t, floor_c, _ = measure(partial(write_bytes, Path(tmp) / "floor.bin", size + side))
        print(
            f"I/O floor, same run and directory: writing {(size + side) / 2**20:,.0f} MiB of constant "
            f"bytes takes wall {floor_t:.2f} s, cpu {floor_c:.2f} s = {chars / floor_c:,.0f} chars/s "
            f"equivalent; the writer's median CPU is {c / floor_c:.1f}x that"
        )
        (Path(tmp) / "floor.bin").unlink()

        small, small_chars = build_graph(args.baseline_chars, seed=1)
        stream_t, _, stream_m = measure(lambda: to_grapheme(small, Path(tmp) / "s"))
        naive_t, _, naive_m = measure(lambda: naive_convert(small, Path(tmp) / "naive.json"))
        print(
            f"baseline on {small_chars:,} chars: naive build+json.dump {small_chars / naive_t:,.0f} chars/s, "
            f"{naive_m / small_chars:.0f} B/char; streaming {small_chars / stream_t:,.0f} chars/s, "
            f"{stream_m / small_chars:.0f} B/char (naive writes only labels: no items, no sidecar)"
        )


if __name__ == "__main__":
    main()
