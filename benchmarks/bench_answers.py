"""Score extractors on the annotated chat-assistant answers (issue 11) and print a markdown table.

For each gold file (default: the development split and the blind split of
``benchmarks/data/answers``) and each extractor, runs :func:`evaluate_answers` — the reference
scorer ``../shared/eval/score_answers.py`` on the extractor's predictions — and reports per-type
F1, micro and macro F1, the ECE of relation confidence and of every item's confidence,
precision at the default ``min_confidence`` (items pooled, and relations alone) and at
0.5 / 0.6 / 0.7 / 0.8 (read off the reliability table).  It never prints
misses or false positives: the blind split's are not to be read (see the data README); use
``grapheme-distill eval --dataset answers --gold benchmarks/data/answers/dev.jsonl --explain N``
on the development split instead.

Usage::

    .venv/bin/python benchmarks/bench_answers.py                       # rules, spacy, baseline
    .venv/bin/python benchmarks/bench_answers.py --extractors spacy -o answers.json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path
from typing import Any

from grapheme_distill.evaluation.answers import evaluate_answers
from grapheme_distill.evaluation.calibration import CalibrationBin

DATA = Path(__file__).resolve().parent / "data" / "answers"
TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")


def row(gold: Path, extractor: str) -> dict[str, Any]:
    report = evaluate_answers(gold, extractor)
    s = report.scores
    at = report.at_min_confidence
    return {
        "split": gold.stem,
        "extractor": report.extractor,
        "answers": report.answers,
        **{t: s["types"][t]["f1"] for t in TYPES},
        "micro_f1": s["micro"]["f1"],
        "macro_f1": s["macro_f1"],
        "relation_precision": s["types"]["relations"]["precision"],
        "relation_ece": round(report.relation_calibration.ece, 3),
        "relations_calibrated": report.relation_calibration.items,
        "item_ece": round(report.item_calibration.ece, 3),
        "min_confidence": at["threshold"],
        "precision_items_at_min_conf": round(at["precision_items"], 3),
        "relation_precision_at_min_conf": at["scores"]["types"]["relations"]["precision"],
        "precision_at": sweep(report.item_calibration.bins),
        "seconds": report.timing["extract_seconds"],
        "failures": len(report.failures),
    }


SWEEP = (0.5, 0.6, 0.7, 0.8)


def sweep(bins: list[CalibrationBin]) -> dict[str, float]:
    """Precision of the items at or above each threshold of ``SWEEP``, read off the reliability
    table (its bins are tenths, so a threshold at a bin edge is exact): what ``min_confidence``
    would give at each, from one run.  Unlike ``precision_items_at_min_conf`` (the reference
    scorer's count) it leaves out units that carry no confidence (aliases read off entities)."""
    out: dict[str, float] = {}
    for t in SWEEP:
        kept = [b for b in bins if b.lower >= t - 1e-9]
        n = sum(b.count for b in kept)
        out[f"{t:g}"] = round(sum(b.accuracy * b.count for b in kept) / n, 3) if n else 0.0
    return out


def markdown(rows: list[dict[str, Any]]) -> str:
    head = (
        "| split | extractor | entities | relations | procedures | hierarchy | linguistic "
        "| micro F1 | macro F1 | rel. P | rel. ECE (n) | item ECE | P@min_conf items / rel. "
        "| P@" + " / ".join(f"{t:g}" for t in SWEEP) + " | s |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        lines.append(
            f"| {r['split']} ({r['answers']}) | {r['extractor']} | "
            + " | ".join(f"{r[t]:.3f}" for t in TYPES)
            + f" | **{r['micro_f1']:.3f}** | {r['macro_f1']:.3f} | {r['relation_precision']:.3f} "
            f"| {r['relation_ece']:.3f} ({r['relations_calibrated']}) | {r['item_ece']:.3f} "
            f"| {r['precision_items_at_min_conf']:.3f} / {r['relation_precision_at_min_conf']:.3f}"
            f" | {' / '.join(f'{p:.2f}' for p in r['precision_at'].values())}"
            f" | {r['seconds']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--gold", type=Path, nargs="+", default=[DATA / "dev.jsonl", DATA / "blind.jsonl"]
    )
    ap.add_argument("--extractors", default="rules,spacy,baseline")
    ap.add_argument("-o", "--output", type=Path, default=None, help="write the rows as JSON")
    args = ap.parse_args(argv)
    rows = [row(gold, name) for gold in args.gold for name in args.extractors.split(",")]
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(markdown(rows))
    if args.output is not None:
        args.output.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
