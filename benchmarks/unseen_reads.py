"""Unseen reads: what the calibration map meets on a writer no reader author read (issue 11).

A held-out batch read by the code of the commit just before the batch was merged is a *truly*
unseen read: neither its readers nor its map had seen the batch, nor its aggregates (the gates'
figures later tuned readers as acceptance checks, so the same batch read by today's code is no
longer unseen).  Such reads are the closest stand-in for the private re-measure.

``collect`` (run with ``PYTHONPATH=<that commit's tree>/src``) reads a gold file once with raw
scores (``fit_calibration.read_answers``, the read the fit makes of the dev answers too), applies
that tree's own shipped map in the same process, and writes one JSON line per answer: the
gold-format predictions, which item each predicted unit came from, every item's kind, signals, raw
and own-map confidence, and each unit's outcome under the reference scorer.  Nothing needs
re-reading to try another map: ``score`` applies any map to a collected file and gives the figures
``eval --dataset answers`` gives (micro F1, F1 and item precision at ``min_confidence``, item and
relation ECE) — exactly, since the map is the extractor's last step::

    PYTHONPATH=/tmp/cal_34/src .venv/bin/python benchmarks/unseen_reads.py collect \\
        --gold $GRAPHEME_DISTILL_SETS/val34/gold.jsonl --out /tmp/cal35/reads/cal34_val34.jsonl
    .venv/bin/python benchmarks/unseen_reads.py score /tmp/cal35/reads/cal34_val34.jsonl

Every later batch's unseen read (the directory ``fit_calibration.py --unseen-reads`` reads;
``calibration_unseen.py`` also wants today's reads, ``head_<set>.jsonl``)::

    for k in 34 33 32 31 30 29 28 27 26; do
      c=$(git log --diff-filter=A --format=%h -- benchmarks/data/answers/annotated/written$k.txt)
      mkdir -p /tmp/cal_$k && git archive $c^ src | tar -x -C /tmp/cal_$k
      PYTHONPATH=/tmp/cal_$k/src .venv/bin/python benchmarks/unseen_reads.py collect \
          --gold $GRAPHEME_DISTILL_SETS/val$k/gold.jsonl --out /tmp/cal35/reads/cal${k}_val$k.jsonl
    done

``benchmarks/fit_calibration.py --unseen-reads DIR`` fits on such files (see there);
``benchmarks/refit_calibration.sh`` does all of it (the sets, every unseen read, today's reads, the
fit and its held-out judgement) in one command.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _fit_calibration() -> Any:
    """``benchmarks/fit_calibration.py``, loaded once: the copy already imported as
    ``fit_calibration`` (by the judge or a test), else a new one registered under that name."""
    loaded = sys.modules.get("fit_calibration")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("fit_calibration", HERE / "fit_calibration.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_calibration"] = module
    spec.loader.exec_module(module)
    return module


fc = _fit_calibration()
TYPES = fc.TYPES
CONFIDENT = fc.CONFIDENT
#: the development answers split by batch (``benchmarks/split_by_batch.py``)
SETS = Path(os.environ.get("GRAPHEME_DISTILL_SETS", "/tmp/grapheme-distill-sets"))


def collect(golds: Sequence[Path], outs: Sequence[Path]) -> int:
    """Read each gold file with the ``grapheme_distill`` on ``sys.path`` (one process: the
    pipeline loads once; ``fit_calibration.read_answers``) and write its reads to the matching
    ``outs`` path."""
    for gold, out in zip(golds, outs, strict=True):
        lines = [json.dumps(line) + "\n" for line in fc.read_answers(gold)]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(lines), encoding="utf-8")
        print(f"{len(lines)} answers -> {out}", flush=True)
    return 0


load = fc.load_reads
#: the calibration samples of collected reads (``fit_calibration.samples``)
samples = fc.samples


Confidence = Callable[[str, dict[str, Any]], float]


def item_confidences(answer: dict[str, Any], conf: Confidence | None) -> list[float]:
    """Each item's confidence: ``conf`` (a map) on its signals, the tree's own map (None), or the
    raw score where an item has no signals (as ``CalibrationMap.apply`` leaves it)."""
    out = []
    for rec in answer["items"]:
        if rec["signals"] is None:
            out.append(float(rec["raw"]))
        elif conf is None:
            out.append(float(rec["own"]))
        else:
            out.append(conf(rec["kind"], rec["signals"]))
    return out


def score(
    reads: Sequence[dict[str, Any]],
    gold: Path,
    conf: Confidence | None,
    threshold: float = 0.65,
    *,
    full: bool = True,
) -> dict[str, Any]:
    """The ``eval --dataset answers`` figures of ``reads`` with confidences from ``conf`` (and
    each scored unit's confidence and outcome, ``items`` and ``relations``, for pooling); without
    ``full`` the micro F1 of all predictions, which no map changes, is not scored (``nan``).  What
    a threshold keeps and each scored unit's confidence are the package's own
    (``evaluation.answers.at_threshold``, ``unit_confidences``), so this needs today's package,
    not an old tree's (only ``collect`` runs under old trees)."""
    from grapheme_distill.evaluation.answers import (
        CORRECT,
        NEUTRAL,
        PredictedAnswer,
        at_threshold,
        load_scorer,
        read_gold,
        unit_confidences,
    )
    from grapheme_distill.evaluation.calibration import calibration

    scorer = load_scorer()
    items = read_gold(gold, scorer)
    by_id = {r["id"]: r for r in reads}
    predicted: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    all_c: list[float] = []
    all_ok: list[bool] = []
    rel_c: list[float] = []
    rel_ok: list[bool] = []
    for item in items:
        r = by_id[item["id"]]
        confs = item_confidences(r, conf)
        answer = PredictedAnswer(
            r["id"],
            r["pred"],
            {k: [None if i is None else confs[i] for i in r["units"][k]] for k in TYPES},
        )
        predicted[r["id"]] = r["pred"]
        kept[r["id"]] = at_threshold(answer, threshold)
        for kind, unit_c in unit_confidences(answer).items():
            for c, outcome in zip(unit_c, r["outcomes"][kind], strict=True):
                if c is None or outcome == NEUTRAL:
                    continue
                all_c.append(c)
                all_ok.append(outcome == CORRECT)
                if kind == "relations":
                    rel_c.append(c)
                    rel_ok.append(outcome == CORRECT)
    s_full = scorer.score(items, predicted) if full else {"micro": {"f1": float("nan")}}
    s_at = scorer.score(items, kept)
    tp = sum(s_at["types"][k]["tp_p"] for k in CONFIDENT)
    fp = sum(s_at["types"][k]["fp"] for k in CONFIDENT)
    mic = s_at["micro"]
    return {
        "micro": s_full["micro"]["f1"],
        "f1_at": mic["f1"],
        "tp_p": mic["tp_p"],
        "tp_r": mic["tp_r"],
        "fp": mic["fp"],
        "fn": mic["fn"],
        "p_tp": tp,
        "p_fp": fp,
        "p_at": tp / (tp + fp) if tp + fp else 0.0,
        "item_ece": calibration(all_c, all_ok).ece,
        "rel_ece": calibration(rel_c, rel_ok).ece,
        "rel_n": float(len(rel_c)),
        "items": [[c, ok] for c, ok in zip(all_c, all_ok, strict=True)],
        "relations": [[c, ok] for c, ok in zip(rel_c, rel_ok, strict=True)],
    }


def pooled(rows: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Micro F1 at the threshold, item precision and the two ECEs pooled over several sets."""
    from grapheme_distill.evaluation.calibration import calibration

    rows = list(rows)
    items = [x for r in rows for x in r["items"]]
    rels = [x for r in rows for x in r["relations"]]
    tp_p = sum(r["tp_p"] for r in rows)
    tp_r = sum(r["tp_r"] for r in rows)
    fp = sum(r["fp"] for r in rows)
    fn = sum(r["fn"] for r in rows)
    p = tp_p / (tp_p + fp) if tp_p + fp else 0.0
    rc = tp_r / (tp_r + fn) if tp_r + fn else 0.0
    ptp = sum(r["p_tp"] for r in rows)
    pfp = sum(r["p_fp"] for r in rows)
    return {
        "f1_at": 2 * p * rc / (p + rc) if p + rc else 0.0,
        "p_at": ptp / (ptp + pfp) if ptp + pfp else 0.0,
        "item_ece": calibration([c for c, _ in items], [bool(o) for _, o in items]).ece,
        "rel_ece": calibration([c for c, _ in rels], [bool(o) for _, o in rels]).ece,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect", help="read a gold file with the importable tree")
    c.add_argument("--gold", type=Path, nargs="+", required=True)
    c.add_argument("--out", type=Path, nargs="+", required=True)
    s = sub.add_parser("score", help="the figures of collected reads under their own map")
    s.add_argument("reads", type=Path)
    s.add_argument("--gold", type=Path, help="default: $GRAPHEME_DISTILL_SETS/<set>/gold.jsonl")
    args = ap.parse_args(argv)
    golds = args.gold if isinstance(args.gold, list) else [args.gold] if args.gold else []
    if any("blind" in str(g) or "fresh" in str(g) for g in golds):
        print("refusing to read the blind or fresh part", file=sys.stderr)
        return 2
    if args.cmd == "collect":
        return collect(args.gold, args.out)
    gold = args.gold or SETS / args.reads.stem.split("_")[-1] / "gold.jsonl"
    figures = score(load(args.reads), gold, None)
    print(json.dumps({k: v for k, v in figures.items() if k not in ("items", "relations")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
