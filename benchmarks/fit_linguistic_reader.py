"""Fit the learned linguistic keep/drop decision (``readers.linguistic_learned``).

Every linguistic item the rules read (``read_linguistic`` with no model) is labelled with the
reference scorer's own linguistic matching (``../shared/eval/score_answers.py``: a definition's
term at name ratio >= 0.85 and its gloss by ``def_sim``; an alias, abbreviation or synonym pair
either way round); an unmatched non-definition whose two names are a gold relation's or hierarchy
edge's ends is neutral and left out.  A logistic model is fitted (``benchmarks/learned_fit.py``)
and its threshold chosen on out-of-fold probabilities (folds by answer, nested: each outer fold's
threshold comes from its training folds' own out-of-fold probabilities) against all gold
linguistic items, so the gold no rule reaches counts as missed.

It prints the candidate-level figures (rules vs model, out of fold) for each ``--report-on`` file
apart, and with ``--e2e`` runs the whole spacy extractor over the answers, each read with the
model of the fold that did not see it, and prints the reference scorer's aggregates (micro and
per-type F1; never an item).  It writes ``src/grapheme_distill/extractors/models/linguistic.json``
unless ``--dry-run``.  Fit only on development answers::

    .venv/bin/python benchmarks/fit_linguistic_reader.py --gold /work/sets/devtrain.jsonl \
        --report-on /work/sets/devread.jsonl /work/sets/gate10.jsonl --e2e
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_hierarchy_reader import _CachedNlp, group_of  # noqa: E402
from learned_fit import Sample, best_threshold, fit_linear, out_of_fold, write_model  # noqa: E402

from grapheme_distill.evaluation.answers import extraction_to_pred, load_scorer  # noqa: E402
from grapheme_distill.extractors import get_extractor  # noqa: E402
from grapheme_distill.extractors.document import parse_document  # noqa: E402
from grapheme_distill.extractors.learned import LinearModel  # noqa: E402
from grapheme_distill.extractors.readers.context import ReadContext  # noqa: E402
from grapheme_distill.extractors.readers.linguistic import read_linguistic  # noqa: E402
from grapheme_distill.extractors.readers.linguistic_learned import (  # noqa: E402
    MODEL_NAME,
    candidates,
    use_linguistic_model,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "models" / f"{MODEL_NAME}.json"
TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")


def read_items(paths: list[Path]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for p in paths:
        items += [json.loads(line) for line in p.read_text("utf-8").splitlines() if line.strip()]
    return items


def labelled(scorer: Any, item: dict[str, Any]) -> tuple[list[Sample], int]:
    """The answer's non-neutral rule items as samples, and how many gold items none matched."""
    ctx = ReadContext.of(parse_document(item["response"]), item.get("prompt", ""))
    with use_linguistic_model(None):
        facts = list(read_linguistic(ctx))
    g = scorer.coerce(item["gold"])
    judge = scorer.ItemScorer(g, scorer.coerce({t: [] for t in TYPES}), 0.85, 0.6, 0.5, False)
    gold = g["linguistic"]
    rel = [(r["subject"], r["object"]) for r in g["relations"] if not r["negated"]]
    hier = [(h["parent"], h["child"]) for h in g["hierarchy"]]
    hit: set[int] = set()
    out: list[Sample] = []
    for fact, feats in candidates(ctx, facts):
        kind = fact.linguistic.value if fact.linguistic is not None else ""
        pl = {"term": fact.subject.text, "kind": kind, "value": fact.value}
        matched = [i for i, gl in enumerate(gold) if judge._ling_sim(gl, pl) >= 0.85]
        if matched:
            hit.update(matched)
            label = True
        elif kind != "definition" and (
            judge._ends_in_pairs(pl["term"], pl["value"], rel)
            or judge._ends_in_pairs(pl["term"], pl["value"], hier)
        ):
            continue
        else:
            label = False
        out.append(Sample(feats, label, group_of(item["id"])))
    return out, len(gold) - len(hit)


def _folds(groups: list[str], n: int) -> Iterator[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    for train, test in GroupKFold(n_splits=n).split(groups, groups=groups):
        yield list(train), list(test)


def prf(probs: list[float], labels: list[bool], missing: int, t: float) -> dict[str, float]:
    tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y)
    fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and not y)
    gold = sum(labels) + missing
    return {
        "f1": round(2 * tp / max(1, tp + fp + gold), 4),
        "p": round(tp / max(1, tp + fp), 4),
        "r": round(tp / max(1, gold), 4),
        "tp": tp,
        "fp": fp,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, nargs="+", required=True)
    ap.add_argument("--report-on", type=Path, nargs="*", default=[])
    ap.add_argument("-C", type=float, default=0.3, help="inverse regularisation")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=None, help="fixed, not chosen")
    ap.add_argument("--e2e", action="store_true", help="out-of-fold end-to-end scores")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    scorer = load_scorer()
    items = read_items(args.gold)
    per: list[tuple[list[Sample], int]] = [labelled(scorer, it) for it in items]
    groups = [group_of(it["id"]) for it in items]
    # nested: each outer fold's threshold from its training answers' out-of-fold probabilities
    probs: dict[int, list[float]] = {}
    models: dict[str, LinearModel] = {}
    for train, test in _folds(groups, args.folds):
        tr = [s for k in train for s in per[k][0]]
        miss = sum(per[k][1] for k in train)
        t = args.threshold
        if t is None:
            inner = out_of_fold(tr, c=args.C, folds=args.folds - 1)
            t, _ = best_threshold(inner, [s.label for s in tr], miss)
        model = fit_linear(tr, MODEL_NAME, c=args.C, threshold=t)
        for k in test:
            probs[k] = [model.probability(s.features) for s in per[k][0]]
            models[items[k]["id"]] = model
    sets = {"all": {it["id"] for it in items}}
    sets |= {p.stem: {it["id"] for it in read_items([p])} for p in args.report_on}
    for name, ids in sets.items():
        ks = [k for k, it in enumerate(items) if it["id"] in ids]
        labels = [s.label for k in ks for s in per[k][0]]
        missing = sum(per[k][1] for k in ks)
        oof = [1.0 if p >= models[items[k]["id"]].threshold else 0.0 for k in ks for p in probs[k]]
        print(
            name,
            "rules",
            prf([1.0] * len(labels), labels, missing, 0.5),
            "model(oof)",
            prf(oof, labels, missing, 0.5),
        )
    if args.e2e:
        ex: Any = get_extractor("spacy")
        ex._nlp = _CachedNlp(ex.nlp)
        for label, pick in (("rules", None), ("oof", models)):
            preds = {}
            for it in items:
                with use_linguistic_model(pick[it["id"]] if pick is not None else None):
                    extraction = ex.extract(it["response"], prompt=it.get("prompt", ""))
                preds[it["id"]] = extraction_to_pred(extraction)[0]
            for name, ids in sets.items():
                sel = [it for it in items if it["id"] in ids]
                s = scorer.score(sel, {i["id"]: preds[i["id"]] for i in sel})
                ling = s["types"]["linguistic"]
                print(
                    f"e2e {name} {label}: micro {s['micro']['f1']:.4f} ling {ling['f1']:.4f} "
                    f"(P {ling['precision']:.3f} R {ling['recall']:.3f} fp {ling['fp']})"
                )
    all_samples = [s for smp, _ in per for s in smp]
    missing_all = sum(m for _, m in per)
    t = args.threshold
    if t is None:
        oof_all = out_of_fold(all_samples, c=args.C, folds=args.folds)
        t, f1 = best_threshold(oof_all, [s.label for s in all_samples], missing_all)
        print(f"threshold {t:.4f} (candidate F1 {f1:.4f})")
    meta = {
        "fitted_on": ", ".join(p.name for p in args.gold),
        "C": args.C,
        "candidates": len(all_samples),
    }
    model = fit_linear(all_samples, MODEL_NAME, c=args.C, threshold=t, meta=meta)
    top = sorted(model.weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print("top weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))
    if not args.dry_run:
        write_model(dataclasses.replace(model), OUT)
        print("wrote", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
