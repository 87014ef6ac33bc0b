"""Fit the spaCy extractor's predicate chooser (issue 11) on annotated answers and ship it as
``src/grapheme_distill/extractors/models/predicates.json``; or measure its rules alone.

Each answer is read by the ``spacy`` extractor with the chooser off.  Every finished relation
whose pair of names the reference scorer matches to a gold relation (its ``_rel_match`` with the
predicate ignored) is one row; each predicate of a vocabulary (the gold predicates seen on at
least ``--min-count`` rows of the fitting answers, and ``@keep``: the relation's own predicate) is
one candidate, right when ``_rel_match`` accepts the relation under that predicate.  A logistic
regression over the candidate-joined features (:mod:`grapheme_distill.extractors.spacy.
predicate_choice`) is fitted (:mod:`learned_fit`); a relation is renamed to its best vocabulary
predicate when that is more probable than keeping its own and reaches the threshold, which is
picked on out-of-fold probabilities to maximise the rows gained minus the rows lost.

Usage::

    .venv/bin/python benchmarks/fit_predicate_chooser.py --gold dev75.jsonl val63.jsonl \
        --report-on dev75.jsonl val63.jsonl --cache /tmp/predicates_read.pkl --dry-run
    .venv/bin/python benchmarks/fit_predicate_chooser.py --gold dev75.jsonl val63.jsonl --rules

``--rules`` scores the rules alone (:func:`~grapheme_distill.extractors.predicates.
conventional_predicate`) against the readers' own predicates on each ``--gold`` file.
``--report-on FILE...`` measures the whole procedure by grouped cross-validation (answers of one
topic in one fold): per outer fold the vocabulary, the model and its threshold (by inner
out-of-fold probabilities) come from the other folds only, the held-out answers are renamed, and
FILE's out-of-fold predictions are scored by the reference scorer beside the rules alone.  Only
aggregates are printed.  ``--cache`` keeps each answer's read between runs on one tree.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_relation_reader import group_of  # noqa: E402
from learned_fit import Sample, fit_linear, out_of_fold, write_model  # noqa: E402

from grapheme_distill.evaluation.answers import extraction_to_pred, load_scorer, read_gold  # noqa: E402
from grapheme_distill.extractors import get_extractor  # noqa: E402
from grapheme_distill.extractors.base import Extraction  # noqa: E402
from grapheme_distill.extractors.learned import LinearModel  # noqa: E402
from grapheme_distill.extractors.spacy.predicate_choice import (  # noqa: E402
    KEEP,
    MODEL_NAME,
    candidate_features,
    choose_predicates,
    relation_features,
    use_predicate_model,
)
from grapheme_distill.model.knowledge import Relation  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "models" / f"{MODEL_NAME}.json"
GRID = [round(0.05 * k, 2) for k in range(4, 20)]


def read(items: list[dict[str, Any]]) -> dict[str, Extraction]:
    """Each answer's extraction with the chooser off (the readers' own predicates)."""
    extractor = get_extractor("spacy")
    out = {}
    with use_predicate_model(None, rules=False):
        for item in items:
            out[item["id"]] = extractor.extract(item["response"], prompt=item.get("prompt", ""))
    return out


def _unit(rel: Relation, ex: Extraction, predicate: str) -> dict[str, Any]:
    return {
        "subject": ex.entities[rel.subject].name,
        "predicate": predicate,
        "object": ex.entities[rel.object].name,
        "negated": rel.negated,
    }


def rows_of(
    scorer: Any, item: dict[str, Any], ex: Extraction, vocabulary: list[str]
) -> list[tuple[tuple[str, ...], str, dict[str, bool]]]:
    """``(features, own predicate, candidate -> right)`` for every relation whose pair of names
    matches a gold relation (the only relations a predicate can win or lose)."""
    gold = scorer.coerce(item["gold"])
    judge = scorer.ItemScorer(gold, scorer.coerce({}), 0.85, 0.6, 0.5, False)
    rows = []
    for rel in ex.relations:
        if rel.subject not in ex.entities or rel.object not in ex.entities:
            continue
        unit = _unit(rel, ex, rel.predicate)
        near = [g for g in gold["relations"] if judge._rel_match(g, unit, relaxed=True) >= 0.85]
        if not near:
            continue
        labels = {}
        for cand in [KEEP, *vocabulary]:
            u = _unit(rel, ex, rel.predicate if cand == KEEP else cand)
            labels[cand] = any(judge._rel_match(g, u) >= 0.85 for g in near)
        construction = str(ex.item_signals.get(rel.id, {}).get("construction", ""))
        rows.append(
            (relation_features(rel, ex, item["response"], construction), rel.predicate, labels)
        )
    return rows


def vocabulary_of(scorer: Any, items: list[dict[str, Any]], min_count: int) -> list[str]:
    """Gold predicates used at least ``min_count`` times in ``items``, and the scorer's own
    inverse of each (a relation the readers state the other way round is renamed, not turned)."""
    counts = Counter(r["predicate"] for item in items for r in item["gold"]["relations"])
    frequent = {p for p, n in counts.items() if n >= min_count}
    for p in list(frequent):
        s, q, _ = scorer.canon_triple("a", p, "b")
        if s == "b":
            frequent.add(q)
    return sorted(frequent)


def samples_of(
    rows: list[tuple[str, list[tuple[tuple[str, ...], str, dict[str, bool]]]]],
) -> list[Sample]:
    return [
        Sample(candidate_features(cand, feats, own), right, group)
        for group, answer_rows in rows
        for feats, own, labels in answer_rows
        for cand, right in labels.items()
    ]


def _decide(
    model: LinearModel, feats: tuple[str, ...], own: str, vocabulary: list[str]
) -> tuple[str, float]:
    keep = model.probability(candidate_features(KEEP, feats, own))
    best, best_p = KEEP, keep
    for cand in vocabulary:
        if cand != own and (p := model.probability(candidate_features(cand, feats, own))) > best_p:
            best, best_p = cand, p
    return best, best_p


def pick_threshold(
    rows: list[tuple[str, list[tuple[tuple[str, ...], str, dict[str, bool]]]]],
    vocabulary: list[str],
    c: float,
) -> float:
    """The threshold with the largest net gain (rows renamed right minus renamed wrong) on
    inner out-of-fold probabilities."""
    samples = samples_of(rows)
    probs = out_of_fold(samples, c=c)
    it = iter(probs)
    decided = []
    for _group, answer_rows in rows:
        for _feats, _own, labels in answer_rows:
            ps = {cand: next(it) for cand in labels}
            best = max((cand for cand in labels if cand != KEEP), key=lambda k: ps[k], default=KEEP)
            if ps.get(best, 0.0) > ps[KEEP]:
                decided.append((ps[best], int(labels[best]) - int(labels[KEEP])))
    best_t, best_gain = 1.0, 0
    for t in GRID:
        gain = sum(g for p, g in decided if p >= t)
        if gain > best_gain:
            best_t, best_gain = t, gain
    return best_t


def fit(
    rows: list[tuple[str, list[tuple[tuple[str, ...], str, dict[str, bool]]]]],
    vocabulary: list[str],
    c: float,
    meta: dict[str, Any],
) -> LinearModel:
    threshold = pick_threshold(rows, vocabulary, c)
    return fit_linear(
        samples_of(rows),
        MODEL_NAME,
        c=c,
        threshold=threshold,
        meta={**meta, "candidates": vocabulary},
    )


def renamed(ex: Extraction, text: str, model: LinearModel | None, rules: bool) -> Extraction:
    out = copy.deepcopy(ex)
    with use_predicate_model(model, rules=rules):
        choose_predicates(out, text)
    return out


def relation_scores(
    scorer: Any, items: list[dict[str, Any]], exs: dict[str, Extraction]
) -> dict[str, float]:
    preds = {i["id"]: extraction_to_pred(exs[i["id"]])[0] for i in items}
    s = scorer.score(items, preds)
    rel = s["types"]["relations"]
    return {"rel_f1": rel["f1"], "tp": rel["tp_p"], "fp": rel["fp"], "micro": s["micro"]["f1"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", required=True)
    parser.add_argument("--report-on", type=Path, nargs="*", default=[])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--rules", action="store_true", help="score the rules alone")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    scorer = load_scorer()
    files = {p: read_gold(p, scorer) for p in args.gold}
    items = [i for f in files.values() for i in f]
    if args.cache and args.cache.exists():
        exs: dict[str, Extraction] = pickle.loads(args.cache.read_bytes())
    else:
        exs = read(items)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(exs))
    text = {i["id"]: i["response"] for i in items}
    for path, its in files.items():
        base = relation_scores(scorer, its, exs)
        ruled = relation_scores(
            scorer, its, {i["id"]: renamed(exs[i["id"]], text[i["id"]], None, True) for i in its}
        )
        print(f"{path.name}: readers {_fmt(base)}  rules {_fmt(ruled)}")
    if args.rules:
        return 0
    ruled = {i["id"]: renamed(exs[i["id"]], text[i["id"]], None, True) for i in items}
    by_id = {i["id"]: i for i in items}

    def rows_for(ids: list[str], vocabulary: list[str]) -> list[tuple[str, list[Any]]]:
        return [(group_of(a), rows_of(scorer, by_id[a], ruled[a], vocabulary)) for a in ids]

    if args.report_on:
        from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

        ids = [i["id"] for i in items]
        groups = [group_of(a) for a in ids]
        oof: dict[str, Extraction] = {}
        for train, test in GroupKFold(n_splits=args.folds).split(ids, groups=groups):
            train_items = [by_id[ids[k]] for k in train]
            vocabulary = vocabulary_of(scorer, train_items, args.min_count)
            model = fit(rows_for([ids[k] for k in train], vocabulary), vocabulary, args.c, {})
            for k in test:
                a = ids[k]
                oof[a] = renamed(ruled[a], text[a], model, False)
            print(f"  fold: vocabulary {len(vocabulary)}, threshold {model.threshold}", flush=True)
        for path in args.report_on:
            its = read_gold(path, scorer)
            r = relation_scores(scorer, its, {i["id"]: ruled[i["id"]] for i in its})
            m = relation_scores(scorer, its, {i["id"]: oof[i["id"]] for i in its})
            print(f"{path.name} out of fold: rules {_fmt(r)}  rules+model {_fmt(m)}")
    vocabulary = vocabulary_of(scorer, items, args.min_count)
    model = fit(
        rows_for([i["id"] for i in items], vocabulary),
        vocabulary,
        args.c,
        {
            "fitted_on": " ".join(p.name for p in args.gold),
            "c": args.c,
            "min_count": args.min_count,
        },
    )
    print(
        f"all: vocabulary {len(vocabulary)}, threshold {model.threshold}, {len(model.weights)} weights"
    )
    if not args.dry_run:
        write_model(model, args.out)
        print(f"wrote {args.out}")
    return 0


def _fmt(s: dict[str, float]) -> str:
    return f"rel F1 {s['rel_f1']:.4f} (tp {s['tp']}, fp {s['fp']}) micro {s['micro']:.4f}"


if __name__ == "__main__":
    sys.exit(main())
