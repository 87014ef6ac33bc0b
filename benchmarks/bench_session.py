"""Session throughput: N answers of ~100 words through one DistillationSession (rules extractor).

Target (issue 3): >= 2,000 answers/s on one core for the rule-based path.  Reports the median over
several runs, peak RSS, and — as a same-run baseline against machine noise — the time a bare
sentence-splitting pass over the same texts takes.

    .venv/bin/python benchmarks/bench_session.py [--answers 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import time

from grapheme_distill import DistillationConfig, DistillationSession, KnowledgeDistiller

CITIES = [
    "Paris",
    "Berlin",
    "Madrid",
    "Rome",
    "Vienna",
    "Lisbon",
    "Prague",
    "Warsaw",
    "Oslo",
    "Dublin",
]
COUNTRIES = [
    "France",
    "Germany",
    "Spain",
    "Italy",
    "Austria",
    "Portugal",
    "Czechia",
    "Poland",
    "Norway",
    "Ireland",
]
PEOPLE = [
    "Ada Lovelace",
    "Alan Turing",
    "Grace Hopper",
    "Marie Curie",
    "Niels Bohr",
    "Emmy Noether",
]
THINGS = [
    "the museum",
    "the bridge",
    "the cathedral",
    "the library",
    "the observatory",
    "the opera house",
]
FILLER = (
    "Visitors often describe the area as lively and full of history, with many small shops, "
    "quiet courtyards and busy streets that change with the seasons"
)


def make_answer(rng: random.Random, i: int) -> tuple[str, str]:
    city, country = rng.choice(CITIES), rng.choice(COUNTRIES)
    person, thing = rng.choice(PEOPLE), rng.choice(THINGS)
    sentences = [
        f"{city} is the capital of {country}.",
        f"{thing.capitalize()} {i % 97} is located in {city}.",
        f"{thing.capitalize()} {i % 97} was designed by {person}.",
        f"{city} has a population of {rng.randint(100, 9000)} thousand.",
        f"The {country} Railway Company (FRC) operates trains in {country}.",
        f"{FILLER}.",
        "Most travellers arrive by train and spend a few days walking between the old quarter, "
        "the river banks and the markets before moving on.",
        f"{city} is not a village.",
    ]
    rng.shuffle(sentences)
    body = " ".join(sentences)
    if i % 3 == 0:
        body += (
            "\n\n## How to visit\n1. Buy a ticket.\n2. Take the train.\n3. Walk to the centre.\n"
        )
    return f"Tell me about {city}.", body


def run_once(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process).  On a shared machine the CPU time is the
    honest "one core" figure: it excludes time the scheduler gave to other processes."""
    session = DistillationSession(DistillationConfig(max_items_per_session=10 * len(pairs)))
    start, cpu = time.perf_counter(), time.process_time()
    for prompt, answer in pairs:
        session.process_response(prompt, answer)
    elapsed, cpu_elapsed = time.perf_counter() - start, time.process_time() - cpu
    assert session.metrics.relations > 0
    return elapsed, cpu_elapsed


def batch_once(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """The batch front door: KnowledgeDistiller.distill_batch (extractor.pipe + relaxed GC)."""
    distiller = KnowledgeDistiller(DistillationConfig(max_items_per_session=10 * len(pairs)))
    start, cpu = time.perf_counter(), time.process_time()
    results = distiller.distill_batch(pairs)
    elapsed, cpu_elapsed = time.perf_counter() - start, time.process_time() - cpu
    assert sum(r.metrics.relations for r in results) > 0
    return elapsed, cpu_elapsed


def baseline_once(pairs: list[tuple[str, str]]) -> float:
    splitter = re.compile(r"[^.!?\n]+")
    start = time.perf_counter()
    n = 0
    for _, answer in pairs:
        n += sum(1 for _ in splitter.finditer(answer))
    assert n
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    pairs = [make_answer(rng, i) for i in range(args.answers)]
    words = statistics.mean(len(a.split()) for _, a in pairs)
    run_once(pairs[:200])  # warm-up
    measured = [run_once(pairs) for _ in range(args.runs)]
    times = [wall for wall, _ in measured]
    cpu_med = statistics.median(cpu for _, cpu in measured)
    batched = [batch_once(pairs) for _ in range(args.runs)]
    batch_wall = statistics.median(w for w, _ in batched)
    batch_cpu = statistics.median(c for _, c in batched)
    bases = [baseline_once(pairs) for _ in range(args.runs)]
    med = statistics.median(times)
    result = {
        "answers": args.answers,
        "mean_words_per_answer": round(words, 1),
        "runs": args.runs,
        "median_seconds": round(med, 3),
        "process_response_loop": {
            "answers_per_second_wall": round(args.answers / med),
            "answers_per_cpu_second": round(args.answers / cpu_med),
        },
        "distill_batch": {
            "answers_per_second_wall": round(args.answers / batch_wall),
            "answers_per_cpu_second": round(args.answers / batch_cpu),
        },
        "load_average_1min": round(os.getloadavg()[0], 2),
        "min_max_answers_per_second": [
            round(args.answers / max(times)),
            round(args.answers / min(times)),
        ],
        "baseline_sentence_split_seconds": round(statistics.median(bases), 4),
        "ratio_to_bare_split": round(med / statistics.median(bases), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "target_answers_per_second": 2000,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
