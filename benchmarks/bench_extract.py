"""Throughput of the spaCy extractor against bare ``nlp.pipe`` on the same texts (issue 7).

Target: the extractor keeps at least 70 % of the throughput of running the bare pipeline
(``nlp.pipe(texts, batch_size=B, n_process=1)`` with every document consumed), i.e. everything the
extractor adds — cleaning, markdown structure, clause reading, entity typing, item building — costs
at most ~43 % on top of parsing.  Two baselines are timed: the bare pipeline on the raw answers (the
target as stated), and on the cleaned pieces the extractor actually parses — the raw text carries
markup, fences and line breaks that cost parser time too, so the second ratio is the honest measure
of the extractor's own overhead.  Both are timed in the same process on the same texts, alternating,
``--runs`` times; the medians and their ratio are reported (the machine is shared and noisy, so only
the ratio of medians measured side by side means anything).

The floor each ratio compares to is the fastest bare run we know how to ask for, not one batch size
that happens to suit the extractor: the raw answers are parsed at ``--batch-size`` and at the
model's own default batch (``nlp.batch_size``, 256 for ``en_core_web_sm``), and the headline
``throughput_ratio`` divides by the faster median (the KGGen essays, ~3,500 characters each, took
3.2-3.4 s of bare CPU at 256 and 3.6-3.8 s at 64: the ratio read 0.92 against 64 and 0.88 against
the floor in one run of three); ``throughput_ratio_at_batch_size`` keeps the old figure.  The
cleaned pieces are parsed at the batch size the extractor itself gives them
(``SpacyExtractor._piece_batch``: up to 256 short pieces), not at ``--batch-size`` (64 pieces a
batch took ~2.5 s of CPU on the synthetic pieces where 256 took ~2.2 s, which flattered the
overhead figure).  Each run's own ratio is listed too (``paired_ratios``), so the spread shows.

Texts: the KGGen MINE essays (LLM-written articles, ~590 words each, in ``../shared/data``), or with
``--synthetic`` a generated set of markdown answers (headings, lists, steps) for machines without the
shared data, or with ``--answers FILE`` the first ``4 × --essays`` chat answers of an answer set in the
gold format (``benchmarks/data/answers/dev.jsonl``): real assistant markdown with tables, glossaries
and key-value bullets, which the other two lack — the extractor parses a table's cells on their own
(twenty-first session), a cost only these texts show.

With ``--clock cpu`` every timing is the process's CPU time (``time.process_time``) instead of
wall time: on a shared machine whose load exceeds its cores, wall time mostly measures the wait for
a core (the same run took 2.6 s or 7 s of wall time on the 2-core box at load 10), while CPU time
still measures the work; the target is stated for wall time, so report which clock a figure used.

Run:  .venv/bin/python benchmarks/bench_extract.py [--essays 30] [--runs 5] [--batch-size 64]
      [--clock wall|cpu] [--synthetic | --answers benchmarks/data/answers/dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from grapheme_distill.extractors.spacy.attribute_rules import fast_rules, parse_pieces
from grapheme_distill.extractors.spacy.text import prepare
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model

ROOT = Path(__file__).resolve().parents[1]
ESSAYS = ROOT.parent / "shared" / "data" / "kggen_mine" / "essays.json"

_SYNTHETIC = """## {name}

{name} is a city in {country}. It was founded by {founder} in {year}, and it is known for its {thing}.
The mayor of {name} is {mayor}. {name} has a population of {pop} people.

Key facts about {name}:
- Located on the {river}
- Home to the {museum} (**{abbr}**)
- Twinned with {twin}

### How to visit {name}
1. Book a train to {name}.
2. Walk along the {river}.
3. Visit the {museum}.

First, buy a ticket. Then take the metro. Finally, enjoy the {thing}.
"""


def synthetic_texts(n: int) -> list[str]:
    out = []
    for i in range(n):
        out.append(
            _SYNTHETIC.format(
                name=f"Villa{i}",
                country="Portugal" if i % 2 else "Spain",
                founder=f"Joao Silva {i}",
                year=1200 + i,
                thing="tiled facades",
                mayor=f"Ana Costa {i}",
                pop=10_000 + 37 * i,
                river="Tagus",
                museum="National Museum of Art",
                abbr="NMA",
                twin=f"Town{i + 1}",
            )
        )
    return out


def load_texts(essays: int, synthetic: bool, answers: Path | None = None) -> tuple[list[str], str]:
    if answers is not None:
        with answers.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        texts = [str(row["response"]) for row in rows[: essays * 4]]
        return texts, f"chat answers ({len(texts)}, the first of {answers.name})"
    if not synthetic and ESSAYS.is_file():
        data = json.loads(ESSAYS.read_text(encoding="utf-8"))
        return [item["content"] for item in data[:essays]], f"KGGen MINE essays (first {essays})"
    return synthetic_texts(essays * 4), f"synthetic markdown answers ({essays * 4})"


#: the clock every timing reads (``--clock``): wall time by default
_CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter


def time_bare(nlp: object, texts: list[str], batch_size: int) -> float:
    started = clock()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=1):  # type: ignore[attr-defined]
        pass
    return clock() - started


def time_pieces_fast_rules(nlp: object, pieces: list[str], batch_size: int) -> float:
    """The parser on the cleaned pieces as the extractor runs it: the model's ``attribute_ruler``
    matched by table look-up (:mod:`grapheme_distill.extractors.spacy.attribute_rules`, the same
    annotations).  The headline floor stays stock ``nlp.pipe`` as the issue states it; this one
    shows how much of the headline ratio is the extractor parsing faster than stock spaCy rather
    than reading cheaply."""
    started = clock()
    for _doc in parse_pieces(nlp, pieces, batch_size, fast_rules(nlp)):
        pass
    return clock() - started


def piece_texts(texts: list[str], max_chars: int) -> list[str]:
    """The cleaned pieces the extractor hands to the parser (markup, fences and line breaks gone)."""
    return [p.text for t in texts for p in prepare(t, max_chars=max_chars).pieces]


def piece_batch(extractor: SpacyExtractor, texts: list[str]) -> int:
    """The batch size the extractor parses these answers' pieces at (one chunk's mean piece)."""
    pieces = [p for t in texts for p in prepare(t, max_chars=extractor.max_chars).pieces]
    return extractor._piece_batch(pieces)


def floor_batches(batch_size: int, nlp: object) -> list[int]:
    """The batch sizes the bare baseline is timed at: ``--batch-size`` and the model's default."""
    default = int(getattr(nlp, "batch_size", batch_size) or batch_size)
    return sorted({batch_size, default})


def time_extractor(extractor: SpacyExtractor, texts: list[str]) -> tuple[float, int]:
    started = clock()
    items = 0
    for ex in extractor.pipe(("", t) for t in texts):
        items += (
            len(ex.relations)
            + len(ex.attributes)
            + len(ex.hierarchy)
            + len(ex.linguistic)
            + len(ex.procedures)
        )
    return clock() - started, items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--essays", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    texts_from = parser.add_mutually_exclusive_group()
    texts_from.add_argument("--synthetic", action="store_true")
    texts_from.add_argument(
        "--answers", type=Path, help="chat answers in the gold format (JSONL with 'response')"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--clock", choices=sorted(_CLOCKS), default="wall", help="wall time or process CPU time"
    )
    args = parser.parse_args(argv)
    global clock
    clock = _CLOCKS[args.clock]

    texts, source = load_texts(args.essays, args.synthetic, args.answers)
    nlp = load_model()
    extractor = SpacyExtractor(nlp=nlp, batch_size=args.batch_size)
    words = sum(len(t.split()) for t in texts)
    # warm-up (model caches, first-batch allocation) is not timed
    time_bare(nlp, texts[:4], args.batch_size)
    time_extractor(extractor, texts[:4])

    pieces = piece_texts(texts, extractor.max_chars)
    pieces_batch = piece_batch(extractor, texts)
    batches = floor_batches(args.batch_size, nlp)
    bare_at: dict[int, list[float]] = {b: [] for b in batches}
    bare_pieces: list[float] = []
    fast_pieces: list[float] = []
    ours: list[float] = []
    items = 0
    for _ in range(args.runs):
        for b in batches:
            bare_at[b].append(time_bare(nlp, texts, b))
        bare_pieces.append(time_bare(nlp, pieces, pieces_batch))
        fast_pieces.append(time_pieces_fast_rules(nlp, pieces, pieces_batch))
        elapsed, items = time_extractor(extractor, texts)
        ours.append(elapsed)
    medians = {b: statistics.median(v) for b, v in bare_at.items()}
    floor_batch = min(batches, key=lambda b: (medians[b], b))
    bare = bare_at[floor_batch]
    bare_med, ours_med = medians[floor_batch], statistics.median(ours)
    pieces_med = statistics.median(bare_pieces)
    fast_med = statistics.median(fast_pieces)
    result = {
        "texts": source,
        "n_texts": len(texts),
        "words": words,
        "runs": args.runs,
        "clock": args.clock,
        "batch_size": args.batch_size,
        # the floor: bare nlp.pipe at the faster of the batch sizes timed (medians compared)
        "bare_batch_sizes": batches,
        "bare_median_s_by_batch": {str(b): round(m, 3) for b, m in medians.items()},
        "floor_batch_size": floor_batch,
        "bare_nlp_pipe_s": [round(x, 3) for x in bare],
        "extractor_pipe_s": [round(x, 3) for x in ours],
        "bare_median_s": round(bare_med, 3),
        "extractor_median_s": round(ours_med, 3),
        "bare_words_per_s": round(words / bare_med),
        "extractor_words_per_s": round(words / ours_med),
        "throughput_ratio": round(bare_med / ours_med, 3),
        "throughput_ratio_at_batch_size": round(medians[args.batch_size] / ours_med, 3),
        # each run's bare floor over that run's extractor time, in run order (the spread)
        "paired_ratios": [round(b / o, 3) for b, o in zip(bare, ours, strict=True)],
        # the parser alone on exactly the cleaned pieces the extractor parses: isolates the cost of
        # everything the extractor does besides parsing
        "pieces_batch_size": pieces_batch,
        "bare_nlp_pipe_on_pieces_s": [round(x, 3) for x in bare_pieces],
        "bare_on_pieces_median_s": round(pieces_med, 3),
        "throughput_ratio_vs_pieces": round(pieces_med / ours_med, 3),
        # the same pieces parsed as the extractor parses them (the attribute ruler by table
        # look-up): everything the extractor adds besides its own parse
        "bare_on_pieces_fast_rules_s": [round(x, 3) for x in fast_pieces],
        "bare_on_pieces_fast_rules_median_s": round(fast_med, 3),
        "throughput_ratio_vs_pieces_fast_rules": round(fast_med / ours_med, 3),
        "target_ratio": 0.70,
        "items_per_run": items,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    # The target is the headline ratio (against bare nlp.pipe on the same answers).  The
    # ratio against the cleaned pieces is a diagnostic of everything besides parsing: it has never
    # reached 0.70 since the pieces are timed at the extractor's own batch size, so gating the exit
    # status on it would fail every run.
    return 0 if result["throughput_ratio"] >= result["target_ratio"] else 1


if __name__ == "__main__":
    sys.exit(main())
