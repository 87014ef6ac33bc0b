"""Entity-resolution benchmark (issue 13): clustering of mentions with known identities.

Mentions come from two sources:

* **WebNLG+ 2020** (the English test set in ``../shared/data/webnlg2020``): every triple names the
  DBpedia entity its text mentions (``Swords,_Dublin``), so each non-literal subject and object is
  located in the entry's text — verbatim when the label occurs there, else the best-aligned span
  by rapidfuzz's partial-ratio alignment (score >= 85) — and that span is a mention whose identity
  is the DBpedia id.  Literals (quoted values, numbers, dates) are not entities and are skipped.
* **Hard cases** written here (:data:`HARD_CASES`): initials, abbreviated first names, acronyms,
  diacritics, transliterations, word order, legal suffixes, and homonyms that must stay apart
  (Paris the city, Paris, Texas and Paris the person; the two Curies), with entity types.

Every mention is resolved in stream order by a fresh :class:`EntityResolver` over a
:class:`MemoryEntityIndex` (what the bulk path and the in-memory store use), and each
configuration is scored by pairwise precision and recall over the distinct (surface, identity,
type) mentions: a pair is predicted together when both resolve to one entity, and truly together
when they share an identity.  Throughput is the resolver's alone (the Entity objects are built before
the clock starts, as an extractor hands them over) over the whole stream (repeats included, as a corpus
names its entities again and again), the median of ``--repeat`` runs, each with a fresh index and
a cold name-form cache.

Run::

    .venv/bin/python benchmarks/bench_resolve.py --data-dir ../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from grapheme_distill import Entity, EntityType
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.resolution.embed import MiniLMEmbedder, embedding_available
from grapheme_distill.resolution.variants import clear_caches

P, L, ORG, C = EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.CONCEPT

#: (surface, identity, type): mentions a resolver should put together exactly by identity.
HARD_CASES: list[tuple[str, str, EntityType]] = [
    # initials, abbreviated first names, hyphenated and maiden names, word order
    ("Marie Curie", "Q:marie_curie", P),
    ("M. Curie", "Q:marie_curie", P),
    ("Marie Skłodowska-Curie", "Q:marie_curie", P),
    ("Curie, Marie", "Q:marie_curie", P),
    ("Marie Sklodowska Curie", "Q:marie_curie", P),
    ("Pierre Curie", "Q:pierre_curie", P),
    ("P. Curie", "Q:pierre_curie", P),
    ("Curie, Pierre", "Q:pierre_curie", P),
    ("Johann Sebastian Bach", "Q:js_bach", P),
    ("J. S. Bach", "Q:js_bach", P),
    ("J.S. Bach", "Q:js_bach", P),
    ("Bach, Johann Sebastian", "Q:js_bach", P),
    ("Carl Philipp Emanuel Bach", "Q:cpe_bach", P),
    ("C. P. E. Bach", "Q:cpe_bach", P),
    ("Albert Einstein", "Q:einstein", P),
    ("A. Einstein", "Q:einstein", P),
    ("Einstein, Albert", "Q:einstein", P),
    ("William Shakespeare", "Q:shakespeare", P),
    ("Wm. Shakespeare", "Q:shakespeare", P),
    ("W. Shakespeare", "Q:shakespeare", P),
    ("John F. Kennedy", "Q:jfk", P),
    ("John Fitzgerald Kennedy", "Q:jfk", P),
    ("Robert F. Kennedy", "Q:rfk", P),
    ("Robert Francis Kennedy", "Q:rfk", P),
    # transliterations and diacritics
    ("Pyotr Ilyich Tchaikovsky", "Q:tchaikovsky", P),
    ("Pyotr Tchaikovsky", "Q:tchaikovsky", P),
    ("Piotr Ilyich Tchaikovsky", "Q:tchaikovsky", P),
    ("Pyotr Il'yich Tchaikovsky", "Q:tchaikovsky", P),
    ("Fyodor Dostoevsky", "Q:dostoevsky", P),
    ("Fyodor Dostoyevsky", "Q:dostoevsky", P),
    ("Fëdor Dostoevskij", "Q:dostoevsky", P),
    ("Antonín Dvořák", "Q:dvorak", P),
    ("Antonin Dvorak", "Q:dvorak", P),
    ("Zoë Saldaña", "Q:saldana", P),
    ("Zoe Saldana", "Q:saldana", P),
    ("Kraków", "Q:krakow", L),
    ("Krakow", "Q:krakow", L),
    ("Łódź", "Q:lodz", L),
    ("Lodz", "Q:lodz", L),
    ("São Paulo", "Q:sao_paulo", L),
    ("Sao Paulo", "Q:sao_paulo", L),
    ("Zürich", "Q:zurich", L),
    ("Zurich", "Q:zurich", L),
    ("Gdańsk", "Q:gdansk", L),
    ("Gdansk", "Q:gdansk", L),
    ("Mao Zedong", "Q:mao", P),
    ("Mao Tse-tung", "Q:mao", P),
    ("Muammar Gaddafi", "Q:gaddafi", P),
    ("Muammar al-Gaddafi", "Q:gaddafi", P),
    # acronyms
    ("New York City", "Q:nyc", L),
    ("NYC", "Q:nyc", L),
    ("National Aeronautics and Space Administration", "Q:nasa", ORG),
    ("NASA", "Q:nasa", ORG),
    ("United States of America", "Q:usa", L),
    ("USA", "Q:usa", L),
    ("U.S.A.", "Q:usa", L),
    ("United Kingdom", "Q:uk", L),
    ("UK", "Q:uk", L),
    ("World Health Organization", "Q:who", ORG),
    ("WHO", "Q:who", ORG),
    ("International Business Machines", "Q:ibm", ORG),
    ("IBM", "Q:ibm", ORG),
    ("European Union", "Q:eu", ORG),
    ("EU", "Q:eu", ORG),
    # legal suffixes
    ("Acme Inc.", "Q:acme", ORG),
    ("Acme Incorporated", "Q:acme", ORG),
    ("Acme", "Q:acme", ORG),
    ("Rolls-Royce Ltd", "Q:rolls", ORG),
    ("Rolls-Royce Limited", "Q:rolls", ORG),
    ("Siemens AG", "Q:siemens", ORG),
    ("Siemens", "Q:siemens", ORG),
    ("Apple Inc.", "Q:apple_inc", ORG),
    ("Apple", "Q:apple_inc", ORG),
    # homonyms that must stay apart (types, qualifiers, other given names)
    ("Paris", "Q:paris", L),
    ("Paris, France", "Q:paris", L),
    ("Paris, Texas", "Q:paris_texas", L),
    ("Paris (Texas)", "Q:paris_texas", L),
    ("Paris", "Q:paris_hilton", P),
    ("Paris Hilton", "Q:paris_hilton", P),
    ("Georgia", "Q:georgia_country", L),
    ("Georgia (U.S. state)", "Q:georgia_state", L),
    ("Springfield, Illinois", "Q:springfield_il", L),
    ("Springfield, Massachusetts", "Q:springfield_ma", L),
    ("Michael Jordan", "Q:mj_basketball", P),
    ("Michael B. Jordan", "Q:mj_actor", P),
    ("George Bush", "Q:gwb", P),
    ("George W. Bush", "Q:gwb", P),
    ("George H. W. Bush", "Q:ghwb", P),
    ("Jaguar", "Q:jaguar_animal", C),
    ("Jaguar Cars", "Q:jaguar_cars", ORG),
    ("Amazon", "Q:amazon_river", L),
    ("Amazon.com, Inc.", "Q:amazon_com", ORG),
    ("Washington", "Q:washington_state", L),
    ("George Washington", "Q:george_washington", P),
    ("Mercury", "Q:mercury_planet", C),
    ("Freddie Mercury", "Q:freddie", P),
    ("Austria", "Q:austria", L),
    ("Australia", "Q:australia", L),
    ("Sweden", "Q:sweden", L),
    ("Swedish", "Q:swedish", C),
    ("Iran", "Q:iran", L),
    ("Iraq", "Q:iraq", L),
    ("John Smith", "Q:john_smith", P),
    ("Jane Smith", "Q:jane_smith", P),
]

_LITERAL = re.compile(r'^["\d\-+.]|^\d{4}-\d{2}-\d{2}')


class Mention(NamedTuple):
    surface: str
    identity: str
    type: EntityType


def _label(dbpedia_id: str) -> str:
    label = dbpedia_id.replace("_", " ").strip()
    return re.sub(r"\s*\([^)]*\)$", "", label).strip().strip('"')


_WORD = re.compile(r"[\w'’.&!-]+")


def _locate(label: str, text: str) -> str | None:
    """The span of ``text`` that names ``label``: verbatim, else the run of whole words (as
    many as the label has, give or take one) most similar to it by rapidfuzz ratio (> 88)."""
    at = text.lower().find(label.lower())
    if at >= 0:
        return text[at : at + len(label)]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    size = len(label.split())
    best, best_score = None, 88.0
    for n in (size, size - 1, size + 1):
        for i in range(max(0, len(words) - n + 1) if n > 0 else 0):
            span = text[words[i][0] : words[i + n - 1][1]].strip(" ,.;:'\"")
            score = fuzz.ratio(label.lower(), span.lower())
            if score > best_score:
                best, best_score = span, score
    return best


def webnlg_mentions(data_dir: Path) -> list[Mention]:
    """The located mentions of every entity the WebNLG+ 2020 test triples name, in file order."""
    path = data_dir / "webnlg2020" / "semantic-parsing-test-data-with-refs-en.xml"
    mentions: list[Mention] = []
    for entry in ET.parse(path).getroot().iter("entry"):
        lex = entry.find("lex")
        text = (lex.text or "") if lex is not None else ""
        names: dict[str, None] = {}
        for triple in entry.iter("mtriple"):
            subject, _, obj = (part.strip() for part in (triple.text or "").split("|"))
            for name in (subject, obj):
                if not _LITERAL.match(name):
                    names[name] = None
        for name in names:
            label = _label(name)
            if len(label) < 2:
                continue
            surface = _locate(label, text)
            if surface:
                mentions.append(Mention(surface, "dbr:" + name, C))
    return mentions


class Config(NamedTuple):
    label: str
    fuzzy: float | None
    rules: bool
    embed: float | None = None  # cosine threshold of the embedding stage; None: no stage


#: One embedder for every configuration that uses one (the model loads once).
_EMBEDDER: list[MiniLMEmbedder] = []


def resolver_for(config: Config) -> EntityResolver:
    """A fresh resolver over a fresh index, as ``config`` says (sharing the embedder and its
    vector cache: :func:`throughput` empties it before each timed run)."""
    if config.embed is None:
        return EntityResolver(MemoryEntityIndex(), config.fuzzy, rules=config.rules)
    if not _EMBEDDER:
        _EMBEDDER.append(MiniLMEmbedder())
    return EntityResolver(
        MemoryEntityIndex(),
        config.fuzzy,
        rules=config.rules,
        embedder=_EMBEDDER[0],
        embed_threshold=config.embed,
    )


def cluster(stream: list[Mention], config: Config) -> tuple[dict, dict]:
    """Resolve ``stream`` in order; (distinct mention -> entity id, stage counts)."""
    resolver = resolver_for(config)
    assigned: dict[Mention, str] = {}
    for mention in stream:
        if mention not in assigned:
            canon, _ = resolver.upsert(Entity(name=mention.surface, type=mention.type))
            assigned[mention] = canon
    return assigned, dict(resolver.stages)


def pairwise(assigned: dict[Mention, str]) -> tuple[float, float, int]:
    """Pairwise precision and recall of the predicted clusters against the identities."""
    by_identity: dict[str, list[Mention]] = defaultdict(list)
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for mention, entity in assigned.items():
        by_identity[mention.identity].append(mention)
        by_entity[entity].append(mention)
    true_pairs = {frozenset(p) for ms in by_identity.values() for p in combinations(ms, 2)}
    pred_pairs = {frozenset(p) for ms in by_entity.values() for p in combinations(ms, 2)}
    hit = len(true_pairs & pred_pairs)
    precision = hit / len(pred_pairs) if pred_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(true_pairs)


def _timed_run(stream: list[Mention], config: Config) -> tuple[float, float]:
    """One run over ``stream`` with a fresh index and cold caches: (wall, CPU) mentions/s."""
    clear_caches()
    resolver = resolver_for(config)
    if _EMBEDDER:
        _EMBEDDER[0].clear()
    entities = [Entity(name=m.surface, type=m.type) for m in stream]  # as an extractor gives
    wall, cpu = time.perf_counter(), time.process_time()
    for entity in entities:
        resolver.upsert(entity)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(stream) / wall, len(stream) / max(cpu, 1e-9)


def throughput(
    stream: list[Mention], configs: list[Config], repeat: int
) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU-time) mentions per second of each configuration over the whole stream.

    The configurations take turns, one run each per round, so that a change of load on a shared
    machine hits them all alike and their ratio to the exact-only baseline stays meaningful; the
    CPU-time rate (mentions per second of this process's CPU) is what a core of its own would do.
    """
    rates: dict[str, list[tuple[float, float]]] = {c.label: [] for c in configs}
    for _ in range(repeat):
        for config in configs:
            rates[config.label].append(_timed_run(stream, config))
    return {
        label: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        for label, runs in rates.items()
    }


CONFIGS: list[Config] = [
    Config("exact (names and aliases)", None, False),
    Config("+ rules", None, True),
    Config("+ rules + fuzzy 90", 90.0, True),
    Config("+ rules + fuzzy 85", 85.0, True),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=9, help="timed rounds (medians)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--embed",
        default="0.75,0.8,0.85,0.9",
        help="comma-separated cosine thresholds of the embedding stage (after rules + fuzzy 85) "
        "to measure; 'none' skips it (it needs the [embed] extra)",
    )
    parser.add_argument(
        "--embed-repeat", type=int, default=1, help="timed runs of each embedding configuration"
    )
    args = parser.parse_args()
    configs = list(CONFIGS)
    if args.embed != "none":
        if not embedding_available():
            parser.error("--embed needs the [embed] extra (or pass --embed none)")
        configs += [
            Config(f"+ rules + fuzzy 85 + embed {t}", 85.0, True, float(t))
            for t in args.embed.split(",")
        ]
    webnlg = webnlg_mentions(args.data_dir)
    hard = [Mention(*case) for case in HARD_CASES]
    report: dict[str, object] = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "load_average_1min_at_start": round(os.getloadavg()[0], 1),
        "webnlg_mentions": len(webnlg),
        "webnlg_distinct": len(set(webnlg)),
        "hard_cases": len(hard),
        "results": [],
    }
    results: list[dict[str, object]] = []
    for config in configs:
        row: dict[str, object] = {"config": config.label}
        for name, stream in (("webnlg", webnlg), ("hard", hard)):
            assigned, stages = cluster(stream, config)
            precision, recall, pairs = pairwise(assigned)
            row[name] = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "true_pairs": pairs,
                "stages": stages,
            }
        results.append(row)
    stream = webnlg + hard
    rates = throughput(stream, [c for c in configs if c.embed is None], args.repeat)
    rates |= throughput(stream, [c for c in configs if c.embed is not None], args.embed_repeat)
    base_wall, base_cpu = rates[configs[0].label]  # the exact-only baseline of this same run
    for row in results:
        wall, cpu = rates[str(row["config"])]
        row["mentions_per_s"], row["cpu_mentions_per_s"] = round(wall), round(cpu)
        row["vs_exact"] = round(wall / base_wall, 3)
        row["cpu_vs_exact"] = round(cpu / base_cpu, 3)
    report["results"] = results
    report["load_average_1min_at_end"] = round(os.getloadavg()[0], 1)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"mentions: WebNLG {report['webnlg_mentions']} ({report['webnlg_distinct']} distinct), "
        f"hard cases {len(hard)}; load average {report['load_average_1min_at_start']} -> "
        f"{report['load_average_1min_at_end']}"
    )
    print(
        f"{'config':36} {'WebNLG P/R':>14} {'hard P/R':>14} {'mentions/s':>11} {'vs exact':>8} "
        f"{'per CPU s':>10} {'vs exact':>8}"
    )
    for row in results:
        cells = []
        for name in ("webnlg", "hard"):
            cell = row[name]
            assert isinstance(cell, dict)
            cells.append(f"{cell['precision']:.3f}/{cell['recall']:.3f}")
        print(
            f"{row['config']:36} {cells[0]:>14} {cells[1]:>14} {row['mentions_per_s']:>11,} "
            f"{row['vs_exact']:>8.3f} {row['cpu_mentions_per_s']:>10,} {row['cpu_vs_exact']:>8.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
