"""Store benchmark (issue 4): bulk ingestion and neighbourhood queries at 1M observations.

Synthetic but realistic input: ``--entities`` entities with 1–4 word names (8–40 characters, a
mix of types, 10 % with an alias) and knowledge records of ~10 items each (relations mostly,
plus attributes, hierarchy edges and linguistic items) whose items are drawn with a skew, so many
items are observed by several independent sources and noisy-or aggregation really runs.  Each
record is one teacher call (its own source).  Records are generated in chunks and ingested with
:meth:`SQLiteStore.add_knowledge_many` (one transaction per chunk) — the same path the pipeline's
batches take, through entity resolution, id rewriting and confidence recomputation.

Reported: store-side ingest time (the target), generation time of the pydantic records (the
baseline the store is compared against, measured in the same run), peak RSS of the process, and
the median / p95 latency of ``neighbourhood(entity)`` over random entities, plus ``find_entities``.

Run::

    .venv/bin/python benchmarks/bench_store.py                 # full size: 1M observations
    .venv/bin/python benchmarks/bench_store.py --observations 100000 --entities 10000   # quick
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from grapheme_distill.model.knowledge import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    Item,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Provenance,
    Relation,
)
from grapheme_distill.store import open_store

WORDS = [
    "north",
    "south",
    "river",
    "valley",
    "central",
    "royal",
    "national",
    "museum",
    "institute",
    "bridge",
    "station",
    "tower",
    "castle",
    "harbour",
    "lake",
    "mount",
    "saint",
    "new",
    "old",
    "upper",
    "lower",
    "grand",
    "park",
    "hall",
    "church",
    "market",
    "street",
    "university",
    "college",
    "library",
    "theatre",
    "gallery",
    "academy",
    "company",
    "bank",
    "council",
    "society",
    "garden",
    "forest",
    "island",
    "bay",
    "cape",
    "port",
    "fort",
    "palace",
    "abbey",
    "cathedral",
    "square",
    "avenue",
    "road",
    "field",
    "hill",
    "spring",
    "well",
    "mill",
    "farm",
    "water",
    "stone",
    "iron",
    "golden",
    "silver",
    "green",
    "red",
    "white",
    "black",
    "blue",
    "east",
    "west",
]
PREDICATES = (
    "located_in",
    "part_of",
    "created_by",
    "related_to",
    "is_a",
    "works_for",
    "owns",
    "causes",
    "before",
    "after",
    "has_property",
    "capital_of",
    "member_of",
)
TYPES = [t for t in EntityType if t is not EntityType.NUMBER]


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    entities: list[Entity] = []
    seen: set[str] = set()
    while len(entities) < n:
        words = rng.sample(WORDS, rng.choice((1, 2, 2, 3, 3, 4)))
        name = " ".join(w.capitalize() for w in words)
        name = f"{name} {len(entities)}" if name.lower() in seen else name
        seen.add(name.lower())
        aliases = (f"{name[:3].upper()}{len(entities)}",) if rng.random() < 0.1 else ()
        entities.append(Entity(name=name, type=rng.choice(TYPES), aliases=aliases))
    return entities


def skewed(rng: random.Random, n: int) -> int:
    """An index in [0, n) with a heavy head: popular facts are re-observed often."""
    return min(n - 1, int(n * rng.random() ** 2.2))


def records(
    entities: list[Entity], observations: int, rng: random.Random, per_record: int = 10
) -> Iterator[DistilledKnowledge]:
    n = len(entities)
    pool = max(1, int(observations * 0.6))  # ~60 % distinct items, the rest re-observations
    made = 0
    call = 0
    while made < observations:
        items: list[Item] = []
        used: dict[str, Entity] = {}
        for _ in range(min(per_record, observations - made)):
            k = skewed(rng, pool)
            # item k is always the same fact; 2 % of relations come as asserted/negated pairs
            base = k - k % 2 if k % 50 < 2 else k
            r = random.Random(base)
            a, b = entities[r.randrange(n)], entities[r.randrange(n)]
            conf = round(0.5 + 0.5 * rng.random(), 3)
            kind = base % 10
            if kind < 7:
                item: Item = Relation(
                    subject=a.id,
                    predicate=PREDICATES[base % len(PREDICATES)],
                    object=b.id,
                    confidence=conf,
                    span=(0, 40),
                    negated=(k % 50 == 1),
                )
                used[b.id] = b
            elif kind == 7:
                item = Attribute(
                    entity=a.id,
                    name="founded",
                    value=str(1000 + k % 1000),
                    datatype="number",
                    confidence=conf,
                    span=(0, 30),
                )
            elif kind == 8:
                item = HierarchyEdge(
                    parent=b.id,
                    child=a.id,
                    relation=HierarchyKind.PART_OF,
                    confidence=conf,
                    span=(0, 30),
                )
                used[b.id] = b
            else:
                item = LinguisticItem(
                    entity=a.id,
                    relation=LinguisticKind.DEFINITION,
                    value=f"a {b.name.lower()} of note",
                    confidence=conf,
                )
            used[a.id] = a
            items.append(item)
        made += len(items)
        call += 1
        yield DistilledKnowledge(
            knowledge_type=KnowledgeType.RELATIONAL,
            prompt=f"Tell me about topic {call}.",
            response=f"synthetic answer {call}",
            entities=tuple(used.values()),
            relations=tuple(i for i in items if isinstance(i, Relation)),
            attributes=tuple(i for i in items if isinstance(i, Attribute)),
            hierarchy=tuple(i for i in items if isinstance(i, HierarchyEdge)),
            linguistic=tuple(i for i in items if isinstance(i, LinguisticItem)),
            confidence=Confidence(value=0.9),
            provenance=Provenance(extractor="bench@1", call_hash=f"sha256:call{call:012d}"),
        )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def run(
    observations: int, n_entities: int, chunk: int, queries: int, seed: int
) -> dict[str, float]:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    entities = make_entities(n_entities, rng)
    t_entities = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        gen_s = ingest_s = ingest_cpu = 0.0
        new = 0
        stream = records(entities, observations, rng)
        wall0 = time.perf_counter()
        while True:
            g0 = time.perf_counter()
            batch = [k for _, k in zip(range(chunk), stream, strict=False)]
            gen_s += time.perf_counter() - g0
            if not batch:
                break
            i0, c0 = time.perf_counter(), time.process_time()
            new += store.add_knowledge_many(batch)
            ingest_s += time.perf_counter() - i0
            ingest_cpu += time.process_time() - c0
        wall = time.perf_counter() - wall0
        stats = store.stats()
        size_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
        # neighbourhood queries over random (also popular) entities, cold-ish page cache aside
        sample = [
            entities[skewed(rng, n_entities) if i % 2 else rng.randrange(n_entities)].id
            for i in range(queries)
        ]
        lat: list[float] = []
        sizes: list[int] = []
        for eid in sample:
            q0 = time.perf_counter()
            hood = store.neighbourhood(eid)
            lat.append((time.perf_counter() - q0) * 1000)
            sizes.append(sum(1 for _ in hood.iter_items()))
        names = [entities[rng.randrange(n_entities)].name.upper() for _ in range(queries)]
        flat: list[float] = []
        for name in names:
            q0 = time.perf_counter()
            store.find_entities(name)
            flat.append((time.perf_counter() - q0) * 1000)
        store.close()
    lat.sort()
    return {
        "observations_new": new,
        "observations_stored": stats.observations,
        "items": stats.relations + stats.attributes + stats.hierarchy + stats.linguistic,
        "entities": stats.entities,
        "contradictions": stats.contradictions,
        "entity_gen_s": t_entities,
        "record_gen_s": gen_s,
        "ingest_s": ingest_s,
        "ingest_cpu_s": ingest_cpu,
        "wall_s": wall,
        "peak_rss_mb": peak_rss_mb(),
        "db_mb": size_mb,
        "hood_median_ms": statistics.median(lat),
        "hood_p95_ms": lat[int(0.95 * len(lat))],
        "hood_items_median": statistics.median(sizes),
        "find_median_ms": statistics.median(flat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=2_000, help="records per transaction")
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--runs", type=int, default=1, help="repeat (fresh store, next seed); medians"
    )
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {__import__('sqlite3').sqlite_version}, load average {os.getloadavg()[0]:.2f}"
    )
    results = []
    for i in range(args.runs):
        gc.collect()
        results.append(
            run(args.observations, args.entities, args.chunk, args.queries, args.seed + i)
        )
        print(
            f"run {i + 1}: ingest {results[-1]['ingest_s']:.1f} s wall, "
            f"{results[-1]['ingest_cpu_s']:.1f} s CPU, load average {os.getloadavg()[0]:.2f}",
            flush=True,
        )
    result = {k: statistics.median(r[k] for r in results) for k in results[0]}
    result["peak_rss_mb"] = peak_rss_mb()  # of the whole process, over all runs
    width = max(map(len, result))
    print(f"medians over {args.runs} run(s):")
    for key, value in result.items():
        print(
            f"{key:<{width}}  {value:,.2f}"
            if isinstance(value, float)
            else f"{key:<{width}}  {value:,}"
        )
    ok_time = result["ingest_s"] <= 60
    ok_rss = result["peak_rss_mb"] <= 1536
    ok_q = result["hood_median_ms"] <= 5
    print(
        f"targets: ingest <= 60 s: {'met' if ok_time else 'MISSED'}; peak RSS <= 1.5 GB: "
        f"{'met' if ok_rss else 'MISSED'}; neighbourhood median <= 5 ms: {'met' if ok_q else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
