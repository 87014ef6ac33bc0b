"""Fit the learned hierarchy reader (``readers.hierarchy_learned``) on annotated answers.

Every candidate edge of every answer (``edge_candidates``: the rules' edges and the broad
proposals from lists, headings and tables) is labelled right or wrong with the reference scorer's
own hierarchy matching (``../shared/eval/score_answers.py``: parent and child names at ratio
>= 0.85, aliases of the gold counted; a pair the scorer treats as neutral — transitive, a gold
relation's endpoints, a definition's words — is left out of the fit).  A logistic model is fitted
(``benchmarks/learned_fit.py``), its threshold chosen on out-of-fold probabilities (folds by
answer) against *all* gold edges, so the gold no candidate reaches counts as missed.

It reports the recall ceiling of the candidate set (the share of gold edges some candidate
matches), the rules' own F1 on the same matching, and the model's out-of-fold F1, then writes
``src/grapheme_distill/extractors/models/hierarchy.json`` (``fitted_on`` in its meta) unless
``--dry-run``.

Usage (the shipped model: no ``rule`` features, the rules' edges kept, broad edges at p >= 0.9,
the threshold the validation answers chose — at the out-of-fold one, 0.36, they gained hierarchy
but lost entity precision)::

    .venv/bin/python benchmarks/fit_hierarchy_reader.py --gold /work/sets/dev75.jsonl [more ...] \
        --drop rule,heading_last,lead_last,before_last,header_last \
        --keep-rules --threshold 0.9

Fit only on development answers; the validation answers that gate a change must stay unseen.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_fit import Sample, best_threshold, fit_linear, out_of_fold, write_model  # noqa: E402

from grapheme_distill.evaluation.answers import load_scorer, read_gold  # noqa: E402
from grapheme_distill.extractors.document import parse_document  # noqa: E402
from grapheme_distill.extractors.readers.context import ReadContext  # noqa: E402
from grapheme_distill.extractors.readers.hierarchy import read_lists  # noqa: E402
from grapheme_distill.extractors.readers.hierarchy_learned import (  # noqa: E402
    MODEL_NAME,
    edge_candidates,
)
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "models" / f"{MODEL_NAME}.json"
TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")


def group_of(answer_id: str) -> str:
    """The local teacher's answers on one topic (``local-13-ling``, ``local-13-stru``) together."""
    m = re.match(r"(local-\d+)", answer_id)
    return m.group(1) if m else answer_id


def labelled(scorer: Any, items: list[dict[str, Any]]) -> tuple[list[Sample], dict[str, Any]]:
    """Samples for every non-neutral candidate, and the counts the report needs.

    A candidate that matches a gold edge another candidate of the answer matched first (in
    the order the answer proposes them) is a duplicate: the scorer gives it neither credit nor
    blame, so it is fitted as right but counted once in the ceiling."""
    samples: list[Sample] = []
    gold_total = covered = rule_tp = rule_fp = 0
    for item in items:
        ctx = ReadContext.of(parse_document(item["response"]), item.get("prompt", ""))
        rules = [*read_lists(ctx), *read_prose_hierarchy(ctx)]
        cands = edge_candidates(ctx, rules)
        g = scorer.coerce(item["gold"])
        judge = scorer.ItemScorer(g, scorer.coerce({t: [] for t in TYPES}), 0.85, 0.6, 0.5, False)
        gold = g["hierarchy"]
        pos_rel = [(r["subject"], r["object"]) for r in g["relations"] if not r["negated"]]
        gold_total += len(gold)
        hit: set[int] = set()
        rule_hit: set[int] = set()
        for cand in cands:
            par, ch = cand.parent.text, cand.child.text
            sims = [
                (min(judge.names.sim(gh["parent"], par), judge.names.sim(gh["child"], ch)), i)
                for i, gh in enumerate(gold)
            ]
            best = max(sims, default=(0.0, -1))
            if best[0] >= 0.85:
                label = True
                hit.add(best[1])
                if cand.rule is not None:
                    rule_hit.add(best[1])
            elif (
                judge._ancestor(par, ch)
                or judge._ends_in_pairs(par, ch, pos_rel)
                or judge._def_covers(ch, par)
            ):
                continue  # neutral: neither right nor wrong
            else:
                label = False
                rule_fp += cand.rule is not None
            samples.append(Sample(sorted(cand.features), label, group_of(item["id"])))
        covered += len(hit)
        rule_tp += len(rule_hit)
    rule_p = rule_tp / max(1, rule_tp + rule_fp)
    rule_r = rule_tp / max(1, gold_total)
    counts = {
        "answers": len(items),
        "gold_edges": gold_total,
        "covered": covered,
        "ceiling_recall": round(covered / max(1, gold_total), 3),
        "candidates": len(samples),
        "positive": sum(s.label for s in samples),
        "rules_f1": round(2 * rule_p * rule_r / max(1e-9, rule_p + rule_r), 3),
        "rules_p": round(rule_p, 3),
        "rules_r": round(rule_r, 3),
    }
    return samples, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="+", required=True)
    ap.add_argument("-C", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--Cs", default="", help="comma-separated C values to compare out of fold")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--drop", default="", help="comma-separated feature prefixes to leave out (e.g. rule)"
    )
    ap.add_argument(
        "--keep-rules",
        action="store_true",
        help="the reader keeps every rule edge and the model only adds broad candidates",
    )
    ap.add_argument(
        "--threshold", type=float, default=None, help="ship this threshold, not the out-of-fold one"
    )
    ap.add_argument("--dry-run", action="store_true", help="report only, write no model")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    items = [item for path in args.gold for item in read_gold(path, scorer)]
    samples, counts = labelled(scorer, items)
    drop = tuple(p for p in args.drop.split(",") if p)
    if drop:
        samples = [
            Sample([f for f in s.features if not f.startswith(drop)], s.label, s.group)
            for s in samples
        ]
    print(json.dumps(counts))
    # gold no candidate reaches counts as missed; duplicate matches (several candidates on one
    # gold edge) make the positive count above the covered count, so recall uses covered
    missing = counts["gold_edges"] - counts["positive"]
    cs = [float(c) for c in args.Cs.split(",")] if args.Cs else [args.C]
    results = []
    for c in cs:
        probs = out_of_fold(samples, c=c)
        threshold, f1 = best_threshold(probs, [s.label for s in samples], max(0, missing))
        results.append((f1, c, threshold))
        print(f"C={c:g}: out-of-fold F1 {f1:.3f} at threshold {threshold:.3f}")
    f1, c, threshold = max(results)
    meta = {
        "fitted_on": [str(p) for p in args.gold],
        "C": c,
        "out_of_fold_f1": round(f1, 4),
        "out_of_fold_threshold": round(threshold, 4),
        "keep_rules": args.keep_rules,
        "dropped_features": list(drop),
        **counts,
    }
    if args.threshold is not None:
        threshold = args.threshold
    model = fit_linear(samples, MODEL_NAME, c=c, threshold=threshold, meta=meta)
    if not args.dry_run:
        write_model(model, args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
