"""Fit the learned relation reader (issue 11) on annotated answers and ship it as
``src/grapheme_distill/extractors/models/relations.json``.

Each answer is read by the ``spacy`` extractor with the reader off; every candidate relation the
parse offers (:mod:`grapheme_distill.extractors.spacy.relation_candidates`) that no rule already
covers is one row: its features, and whether the reference scorer (``../shared/eval``, its own
``name_sim``/``pred_equiv`` matching through ``prediction_outcomes``) counts it right.  Candidates
the scorer counts neutral are left out.  A logistic regression is fitted
(:mod:`learned_fit`); each candidate's out-of-fold probability (answers of one topic in one fold)
then picks the threshold *end to end*: the rules' own predictions plus, per pair of names, the
most probable candidate at or above the threshold (and its names as entities, as the extractor
adds them) are scored by the reference scorer, and the threshold with the best relation F1 that
keeps micro F1 at least at the rules' is kept.

Usage::

    .venv/bin/python benchmarks/fit_relation_reader.py --gold /work/sets/dev75.jsonl
    .venv/bin/python benchmarks/fit_relation_reader.py --gold a.jsonl b.jsonl --out model.json
    .venv/bin/python benchmarks/fit_relation_reader.py --gold dev.jsonl --dry-run   # figures only

Fit only on development answers; the validation answers that gate a change must not be among
the ``--gold`` files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_fit import Sample, fit_linear, out_of_fold, write_model  # noqa: E402

from grapheme_distill.evaluation.answers import (  # noqa: E402
    extraction_to_pred,
    load_scorer,
    prediction_outcomes,
    read_gold,
)
from grapheme_distill.extractors import get_extractor  # noqa: E402
from grapheme_distill.extractors.spacy.learned_relations import (  # noqa: E402
    MODEL_NAME,
    collect_candidates,
)
from grapheme_distill.model.hashing import normalise_name  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "models" / f"{MODEL_NAME}.json"
GRID = [round(0.05 * k, 2) for k in range(2, 19)]
UNIT = ("subject", "predicate", "object", "negated")


def group_of(answer_id: str) -> str:
    """The local teacher's answers on one topic (``local-13-ling``, ``local-13-stru``) together."""
    m = re.match(r"(local-\d+)", answer_id)
    return m.group(1) if m else answer_id


def read(
    scorer: Any, items: list[dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], list[tuple[str, dict[str, Any], str]]]:
    """The rules' predictions per answer and every candidate with its scorer outcome."""
    extractor = get_extractor("spacy")
    preds: dict[str, dict[str, Any]] = {}
    rows: list[tuple[str, dict[str, Any], str]] = []
    for item in items:
        with collect_candidates() as sink:
            extraction = extractor.extract(item["response"], prompt=item.get("prompt", ""))
        preds[item["id"]] = extraction_to_pred(extraction)[0]
        for cand in sink:
            unit = {k: cand[k] for k in UNIT}
            cand["source"] = cand["features"][0].removeprefix("source=")
            pred: dict[str, list[dict[str, Any]]] = {t: [] for t in preds[item["id"]]}
            pred["relations"] = [unit]
            outcome = prediction_outcomes(scorer, item["gold"], pred)["relations"][0]
            rows.append((item["id"], cand, outcome))
    return preds, rows


def _key(subject: str, obj: str) -> frozenset[str]:
    return frozenset((normalise_name(subject), normalise_name(obj)))


def combined(
    preds: dict[str, dict[str, Any]],
    rows: list[tuple[str, dict[str, Any], str]],
    probs: list[float],
    rule_threshold: float,
    threshold: float,
) -> dict[str, dict[str, Any]]:
    """The rules' predictions without the relations the model drops at ``rule_threshold``, plus
    the candidates it keeps at ``threshold`` (one per pair of names, its names as entities)."""
    dropped: set[tuple[str, frozenset[str]]] = set()
    best: dict[tuple[str, frozenset[str]], tuple[float, dict[str, Any]]] = {}
    for (answer, row, _), p in zip(rows, probs, strict=True):
        key = (answer, _key(row["subject"], row["object"]))
        if row["source"] == "rule":
            if p < rule_threshold:
                dropped.add(key)
        elif p >= threshold and (key not in best or best[key][0] < p):
            best[key] = (p, row)
    out: dict[str, dict[str, Any]] = {}
    for answer, pred in preds.items():
        out[answer] = {t: list(v) for t, v in pred.items()}
        out[answer]["relations"] = [
            r for r in pred["relations"] if (answer, _key(r["subject"], r["object"])) not in dropped
        ]
    for (answer, _), (_, row) in best.items():
        out[answer]["relations"].append({k: row[k] for k in UNIT})
        for name in (row["subject"], row["object"]):
            out[answer]["entities"].append({"name": name, "type": "OTHER"})
    return out


def figures(result: dict[str, Any]) -> dict[str, float]:
    r = result["types"]["relations"]
    return {
        "relations_p": round(r["precision"], 4),
        "relations_r": round(r["recall"], 4),
        "relations_f1": round(r["f1"], 4),
        "entities_f1": round(result["types"]["entities"]["f1"], 4),
        "micro_f1": round(result["micro"]["f1"], 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", required=True, type=Path, help="annotated answers")
    ap.add_argument("--out", type=Path, default=OUT, help="model file to write")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="print figures, write nothing")
    args = ap.parse_args(argv)

    scorer = load_scorer()
    items = [item for path in args.gold for item in read_gold(path, scorer)]
    preds, rows = read(scorer, items)
    labelled = [(i, r) for i, r in enumerate(rows) if r[2] != "neutral"]
    samples = [Sample(r[1]["features"], r[2] == "correct", group_of(r[0])) for _, r in labelled]
    if len({s.group for s in samples}) < 2 or len({s.label for s in samples}) < 2:
        print("too few answers or labels to fit", file=sys.stderr)
        return 2
    oof = out_of_fold(samples, c=args.c, folds=args.folds)
    probs = [0.0] * len(rows)  # neutral rows: scored neutral whatever is kept, left out
    for (i, _), p in zip(labelled, oof, strict=True):
        probs[i] = p
    rules = figures(scorer.score(items, preds))
    everything = figures(scorer.score(items, combined(preds, rows, [1.0] * len(rows), 0.0, 0.5)))

    def at(rule_t: float, t: float) -> dict[str, float]:
        return figures(scorer.score(items, combined(preds, rows, probs, rule_t, t)))

    def pick(curve: dict[float, dict[str, float]]) -> float:
        allowed = [t for t in curve if curve[t]["micro_f1"] >= rules["micro_f1"]] or list(curve)
        return max(allowed, key=lambda t: (curve[t]["relations_f1"], -t))

    rule_curve = {t: at(t, 2.0) for t in [0.0, *GRID]}
    rule_threshold = pick(rule_curve)
    curve = {t: at(rule_threshold, t) for t in GRID}
    threshold = pick(curve)
    report = {
        "answers": len(items),
        "rows": len(rows),
        "labelled": len(samples),
        "right": sum(s.label for s in samples),
        "candidates_right": sum(
            1 for r in rows if r[1]["source"] == "candidate" and r[2] == "correct"
        ),
        "rules": rules,
        "rules_plus_every_candidate": everything,
        "rule_threshold": rule_threshold,
        "threshold": threshold,
        "out_of_fold": curve[threshold],
        "rule_curve": {str(t): rule_curve[t] for t in rule_curve},
        "curve": {str(t): curve[t] for t in GRID},
    }
    print(json.dumps(report, indent=1))
    if args.dry_run:
        return 0
    fitted_on = ", ".join(f"{p.name} ({n} answers)" for p, n in _counts(args.gold, items).items())
    model = fit_linear(
        samples,
        MODEL_NAME,
        c=args.c,
        threshold=threshold,
        meta={
            "fitted_on": fitted_on,
            "candidates": len(samples),
            "rule_threshold": rule_threshold,
            "out_of_fold": curve[threshold],
            "rules": rules,
            "script": "benchmarks/fit_relation_reader.py",
        },
    )
    write_model(model, args.out)
    print(f"wrote {args.out} ({len(model.weights)} weights, threshold {threshold})")
    return 0


def _counts(paths: list[Path], items: list[dict[str, Any]]) -> dict[Path, int]:
    counts: dict[Path, int] = defaultdict(int)
    total = 0
    for path in paths:
        n = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        counts[path] = n
        total += n
    assert total >= len(items)
    return counts


if __name__ == "__main__":
    raise SystemExit(main())
