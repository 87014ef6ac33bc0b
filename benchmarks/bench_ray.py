"""Ray executor vs one process: speed-up, peak memory, same store, merge rate, 10M projection.

    .venv/bin/python benchmarks/bench_ray.py [--answers 20000] [--repeats 3] [--cpus 2]
        [--merge-answers 5000] [--json out.json]

Input: ``--answers`` chat-assistant-like answers generated deterministically from sentence
templates over 1,600 people, 60 cities, 30 countries and 48 organisations (3-7 sentences each,
sometimes a markdown list), so the graph grows like a real corpus and names repeat across answers.

Each mode runs in a fresh subprocess (``--mode single|ray``), read with the spaCy extractor into a
SQLite store: ``single`` is the plain pipeline, ``ray`` the same call with a :class:`RayExecutor`
on a local cluster of ``--cpus`` CPUs started by that subprocess.  The parent samples the RSS of
the subprocess and all its descendants (Ray's raylet, GCS and workers included) every 0.2 s and
reports the peak.  Every ray run's :func:`store_fingerprint` must equal the single run's.

Figures for the projection: per-answer extraction CPU time (single run, extractor timed), per-answer
writer time (ray run: the time the driver spends storing), Ray's per-task round trip (100 empty
tasks) and the merge rate (``--merge-answers`` answers cut by content hash into 4 shard stores,
merged with :func:`merge_into` into one; is the merged graph the single store's?).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FIRST = [
    "Ada",
    "Bruno",
    "Chiara",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Keiko",
    "Lars",
    "Maya",
    "Nikolai",
    "Olga",
    "Pedro",
    "Quentin",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Walter",
    "Ximena",
    "Yusuf",
    "Zora",
    "Anton",
    "Bianca",
    "Carlos",
    "Dora",
    "Emil",
    "Freya",
    "Gustav",
    "Hana",
    "Ivan",
    "Julia",
    "Karl",
    "Lena",
    "Marco",
    "Nora",
]
LAST = [
    "Albrecht",
    "Bellini",
    "Castillo",
    "Dvorak",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Horvath",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quint",
    "Rossi",
    "Schneider",
    "Tanaka",
    "Ulrich",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zeller",
    "Andersen",
    "Brandt",
    "Costa",
    "Duval",
    "Engel",
    "Fischer",
    "Grant",
    "Hoffmann",
    "Ito",
    "Jovanovic",
    "Keller",
    "Laurent",
    "Meyer",
    "Nielsen",
]
PLACES = [
    ("Vienna", "Austria"),
    ("Lyon", "France"),
    ("Porto", "Portugal"),
    ("Krakow", "Poland"),
    ("Gothenburg", "Sweden"),
    ("Turin", "Italy"),
    ("Leipzig", "Germany"),
    ("Bilbao", "Spain"),
    ("Utrecht", "the Netherlands"),
    ("Ghent", "Belgium"),
    ("Bergen", "Norway"),
    ("Aarhus", "Denmark"),
    ("Tampere", "Finland"),
    ("Brno", "the Czech Republic"),
    ("Cork", "Ireland"),
    ("Graz", "Austria"),
    ("Nantes", "France"),
    ("Seville", "Spain"),
    ("Bologna", "Italy"),
    ("Dresden", "Germany"),
    ("Osaka", "Japan"),
    ("Busan", "South Korea"),
    ("Pune", "India"),
    ("Curitiba", "Brazil"),
    ("Rosario", "Argentina"),
    ("Calgary", "Canada"),
    ("Austin", "the United States"),
    ("Perth", "Australia"),
    ("Durban", "South Africa"),
    ("Izmir", "Turkey"),
]
ORGS = [
    f"{a} {b}"
    for a in (
        "Northwind",
        "Bluestone",
        "Helix",
        "Aurora",
        "Cobalt",
        "Meridian",
        "Quantum",
        "Silverline",
    )
    for b in ("Labs", "Systems", "Foods", "Energy", "Robotics", "Press")
]
FIELDS = [
    "chemistry",
    "physics",
    "economics",
    "linguistics",
    "architecture",
    "medicine",
    "mathematics",
    "astronomy",
    "biology",
    "philosophy",
]
YEARS = list(range(1890, 2015))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def make_answer(i: int) -> dict[str, Any]:
    """Answer ``i``: the same text for the same ``i`` on every machine (seeded by ``i``)."""
    rng = random.Random(i)
    person, org = _person(rng), rng.choice(ORGS)
    city, country = rng.choice(PLACES)
    city2, country2 = rng.choice(PLACES)
    field, year = rng.choice(FIELDS), rng.choice(YEARS)
    if rng.random() < 0.7:
        prompt = f"Tell me about {person}."
        sentences = [
            f"{person} is a scientist who was born in {city}, {country}, in {year}.",
            f"{person} studied {field} at the University of {city2}.",
            f"{person} worked for {org} in {city2}.",
            f"{person} founded {rng.choice(ORGS)} in {year + rng.randint(20, 40)}.",
            f"{city} is located in {country}.",
            f"{person} was married to {_person(rng)}.",
            (
                f"{person} received the {rng.choice(['Nobel Prize', 'Wolf Prize', 'Abel Prize'])} "
                f"in {field}."
            ),
        ]
    else:
        prompt = f"What is {org}?"
        sentences = [
            f"{org} is a company headquartered in {city}, {country}.",
            f"{org} was founded by {_person(rng)} in {year}.",
            f"{org} is owned by {rng.choice(ORGS)}.",
            f"{city} is a city in {country}.",
            f"{org} employs {rng.randint(2, 90) * 100} people.",
            f"The chief executive of {org} is {_person(rng)}.",
        ]
    chosen = sentences[:2] + rng.sample(sentences[2:], rng.randint(1, len(sentences) - 2))
    text = " ".join(chosen)
    if rng.random() < 0.25:
        text += (
            f"\n\nKey facts about {city2}:\n- {city2} is located in {country2}.\n"
            f"- {city2} has a population of {rng.randint(100, 2000)} thousand."
        )
    return {"prompt": prompt + f" (#{i})", "response": text, "model": "bench"}


def write_answers(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps(make_answer(i)) + "\n")
    return path


# ---------------------------------------------------------------------------- one mode, in a child
def run_mode(mode: str, transcript: Path, db: Path, cpus: int) -> dict[str, Any]:
    from grapheme_distill.config import DistillationConfig
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
    from grapheme_distill.pipeline import ExchangeIngester, distill_transcripts
    from grapheme_distill.store import open_store
    from grapheme_distill.store.fingerprint import store_fingerprint

    extractor = SpacyExtractor()
    timers = {"extract_s": 0.0, "write_s": 0.0}
    if mode == "single":
        pipe = extractor.pipe

        def timed_pipe(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            out = list(pipe(*args, **kwargs))
            timers["extract_s"] += time.perf_counter() - t
            return iter(out)

        extractor.pipe = timed_pipe  # type: ignore[method-assign]
    ingest = ExchangeIngester.ingest

    def timed_ingest(self: Any, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        out = ingest(self, *args, **kwargs)
        timers["write_s"] += time.perf_counter() - t
        return out

    ExchangeIngester.ingest = timed_ingest  # type: ignore[method-assign]
    executor = None
    started = time.perf_counter()
    if mode == "ray":
        from grapheme_distill.executors.ray import RayExecutor

        executor = RayExecutor(num_cpus=cpus)
    start_s = time.perf_counter() - started
    store = open_store(db)
    # a low threshold keeps most of what is read: the writer stores ~10 items per answer, more
    # than the default keeps (the conservative case for the speed-up: more work for one writer)
    config = DistillationConfig(min_confidence=0.3)
    summary = distill_transcripts(
        [transcript], store, config, extractor=extractor, executor=executor
    )
    wall = time.perf_counter() - started
    result: dict[str, Any] = {
        "mode": mode,
        "wall_s": wall,
        "cluster_start_s": start_s,
        "answers": summary.exchanges,
        "processed": summary.processed,
        "observations": summary.new_observations,
        "facts": summary.knowledge_records,
        **timers,
    }
    if mode == "single":  # ingest() includes extraction here: the writer alone is the rest
        result["write_s"] = timers["write_s"] - timers["extract_s"]
    if executor is not None:
        import ray

        result["tasks"] = executor.tasks
        noop = ray.remote(num_cpus=1)(lambda: None)
        ray.get([noop.remote() for _ in range(10)])  # warm
        t = time.perf_counter()
        ray.get([noop.remote() for _ in range(100)])
        result["task_roundtrip_ms"] = (time.perf_counter() - t) * 1000 / 100
        executor.close()
    stats = store.stats()
    result["store_items"] = (
        stats.relations + stats.attributes + stats.procedures + stats.hierarchy + stats.linguistic
    )
    t = time.perf_counter()
    result["fingerprint"] = store_fingerprint(store)
    result["fingerprint_s"] = time.perf_counter() - t
    store.close()
    return result


def _sample_tree(pid: int, cpu: dict[int, float]) -> int:
    """RSS of ``pid`` and its descendants now; each one's CPU seconds so far go into ``cpu``
    (kept after it exits, so the sum is the tree's CPU time to within one sample)."""
    import psutil  # type: ignore[import-untyped]

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_child(mode: str, transcript: Path, workdir: Path, cpus: int) -> dict[str, Any]:
    """One mode in a fresh interpreter, with the peak RSS of its whole process tree."""
    db = workdir / f"{mode}-{time.monotonic_ns()}.db"
    out = workdir / f"{mode}.json"
    cmd = [
        sys.executable,
        __file__,
        "--mode",
        mode,
        "--transcript",
        str(transcript),
        "--db",
        str(db),
        "--out",
        str(out),
        "--cpus",
        str(cpus),
    ]
    proc = subprocess.Popen(cmd)
    peak = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _sample_tree(proc.pid, cpu))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    stop.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"{mode} run failed with exit code {code}")
    result: dict[str, Any] = json.loads(out.read_text())
    result["peak_rss_mb"] = peak / 2**20
    result["tree_cpu_s"] = sum(cpu.values())
    db.unlink(missing_ok=True)
    return result


# ---------------------------------------------------------------------------- merge of shards
def merge_experiment(n: int, workdir: Path) -> dict[str, Any]:
    """``n`` answers (rules extractor: the merge cost depends on facts, not on the reader) into
    one store, and cut by content hash into 4 shard stores merged into one."""
    from grapheme_distill.extractors import get_extractor
    from grapheme_distill.merge import merge_into
    from grapheme_distill.pipeline import distill_transcripts
    from grapheme_distill.store import open_store
    from grapheme_distill.store.fingerprint import fingerprint_parts

    lines = [json.dumps(make_answer(i)) for i in range(n)]
    whole = workdir / "merge-all.jsonl"
    whole.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shards = [workdir / f"merge-shard{k}.jsonl" for k in range(4)]
    handles = [p.open("w", encoding="utf-8") for p in shards]
    for line in lines:
        k = int(hashlib.sha256(line.encode()).hexdigest(), 16) % 4
        handles[k].write(line + "\n")
    for h in handles:
        h.close()
    one = open_store(workdir / "merge-one.db")
    distill_transcripts([whole], one, extractor=get_extractor("rules"))
    shard_dbs = []
    for k, path in enumerate(shards):
        db = workdir / f"merge-shard{k}.db"
        store = open_store(db)
        distill_transcripts([path], store, extractor=get_extractor("rules"))
        store.close()
        shard_dbs.append(db)
    merged = open_store(workdir / "merge-merged.db")
    t = time.perf_counter()
    observations = 0
    for db in shard_dbs:
        observations += merge_into(db, merged).observations_added
    merge_s = time.perf_counter() - t
    a, b = fingerprint_parts(one), fingerprint_parts(merged)
    knowledge = ("entities", "relations", "attributes", "procedures", "hierarchy", "linguistic")
    stats = merged.stats()
    items = (
        stats.relations + stats.attributes + stats.procedures + stats.hierarchy + stats.linguistic
    )
    result = {
        "answers": n,
        "shards": 4,
        "items": items,
        "observations": observations,
        "merge_s": merge_s,
        "items_per_s": items / merge_s,
        "observations_per_s": observations / merge_s,
        "same_items": all(a[k] == b[k] for k in knowledge),
        "differing_parts": sorted(k for k in a if a[k] != b[k]),
    }
    one.close()
    merged.close()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--answers", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--merge-answers", type=int, default=5_000)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--mode", choices=["single", "ray"], help=argparse.SUPPRESS)
    ap.add_argument("--transcript", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:  # the child
        result = run_mode(args.mode, args.transcript, args.db, args.cpus)
        args.out.write_text(json.dumps(result))
        return
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench_ray_") as tmp:
        workdir = Path(tmp)
        transcript = write_answers(workdir / "answers.jsonl", args.answers)
        runs: dict[str, list[dict[str, Any]]] = {"single": [], "ray": []}
        for r in range(args.repeats):
            for mode in ("single", "ray"):
                res = run_child(mode, transcript, workdir, args.cpus)
                runs[mode].append(res)
                print(
                    f"[{r + 1}/{args.repeats}] {mode}: {res['wall_s']:.1f} s, "
                    f"peak RSS {res['peak_rss_mb']:.0f} MB, load {os.getloadavg()[0]:.1f}",
                    file=sys.stderr,
                )
        merge = merge_experiment(args.merge_answers, workdir) if args.merge_answers else None
    report = summarise(runs, merge, args, load_before)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text)


def summarise(
    runs: dict[str, list[dict[str, Any]]],
    merge: dict[str, Any] | None,
    args: argparse.Namespace,
    load_before: tuple[float, float, float],
) -> dict[str, Any]:
    def med(mode: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in runs[mode])

    single, ray_ = med("single", "wall_s"), med("ray", "wall_s")
    n = args.answers
    extract_ms = med("single", "extract_s") * 1000 / n
    write_ms = med("ray", "write_s") * 1000 / n
    task_ms = med("ray", "task_roundtrip_ms")
    fingerprints = {r["fingerprint"] for mode in runs for r in runs[mode]}
    report: dict[str, Any] = {
        "answers": n,
        "repeats": args.repeats,
        "cpus": args.cpus,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "single_wall_s_median": single,
        "ray_wall_s_median": ray_,
        "speedup": single / ray_,
        "single_cpu_s_median": med("single", "tree_cpu_s"),
        "ray_cpu_s_median": med("ray", "tree_cpu_s"),
        # what the same work would take on an idle machine: every CPU second spread over the
        # cores (an estimate from CPU time, which the other users' load does not change)
        "idle_speedup_estimate": med("single", "tree_cpu_s")
        / max(med("ray", "tree_cpu_s") / args.cpus, med("ray", "write_s")),
        "single_peak_rss_mb_median": med("single", "peak_rss_mb"),
        "ray_peak_rss_mb_median": med("ray", "peak_rss_mb"),
        "ray_cluster_start_s_median": med("ray", "cluster_start_s"),
        "same_store_every_run": len(fingerprints) == 1,
        "extract_ms_per_answer": extract_ms,
        "single_write_ms_per_answer": med("single", "write_s") * 1000 / n,
        "ray_write_ms_per_answer": write_ms,
        "task_roundtrip_ms": task_ms,
        "tasks": runs["ray"][0]["tasks"],
        "facts_per_answer": runs["single"][0]["facts"] / max(1, runs["single"][0]["processed"]),
        "runs": runs,
        "merge": merge,
    }
    report["projection_10M_32_nodes"] = project(extract_ms, write_ms, task_ms, merge)
    return report


def project(
    extract_ms: float, write_ms: float, task_ms: float, merge: dict[str, Any] | None
) -> dict[str, Any]:
    """10M answers on 32 nodes of 16 cores, from the measured per-answer and per-task figures.

    One writer stores answers at ``1000 / write_ms`` per second whatever the cluster size, so
    past a few hundred cores the writer, not extraction, bounds the run; with one writer per
    node (32 shard stores, input cut by content hash) the shards are merged afterwards at the
    measured merge rate.
    """
    answers, nodes, cores, batch = 10_000_000, 32, 16, 64
    workers = nodes * cores
    extract_s = answers * extract_ms / 1000 / workers + answers / batch * task_ms / 1000 / workers
    one_writer_s = answers * write_ms / 1000
    out: dict[str, Any] = {
        "assumptions": f"{nodes} nodes x {cores} cores, per-core speed as measured here, "
        f"{batch} answers per task",
        "extraction_s": extract_s,
        "one_writer_s": one_writer_s,
        "one_writer_run_s": max(extract_s, one_writer_s),
    }
    shard_writer_s = one_writer_s / nodes
    out["sharded_writers_run_s"] = max(extract_s, shard_writer_s)
    if merge is not None:
        facts_per_answer = merge["items"] / merge["answers"]
        out["merge_s"] = answers * facts_per_answer / merge["items_per_s"]
        out["sharded_total_s"] = out["sharded_writers_run_s"] + out["merge_s"]
    return out


if __name__ == "__main__":
    main()
