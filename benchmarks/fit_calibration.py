"""Fit the spaCy extractor's calibration map on the development answers (issue 11), and say by
cross-validation how honest each way of fitting it is.

Runs the extractor with raw scores (``SpacyExtractor(calibration=False)``) over a gold file of
annotated answers (default ``benchmarks/data/answers/dev.jsonl`` — never the blind part), asks the
reference scorer whether each predicted item is right (``prediction_outcomes``: correct, wrong, or
neutral — neutral items are left out, as they are of precision), and fits a map from each item's
kind and signals (``Extraction.item_signals``; see :mod:`grapheme_distill.extractors.confidence`)
to the probability that it is right.  The map is written as package data,
``src/grapheme_distill/extractors/calibration/spacy.json``.

Methods (``--method``):

* ``logistic`` (default): L2-regularised logistic regression on the sparse features of
  :func:`~grapheme_distill.extractors.confidence.features` (kind, kind and construction,
  hedging and agreement, what a fact's arguments are, whether a name looks cut from the wrong
  span).  ``logistic-cells``, ``logistic-signals`` and ``logistic-arguments`` stop after the
  first two, three and four of those groups (for the comparison).
* ``pooled``: per construction cell, its precision shrunk towards its parent cell's (construction →
  kind → all) by a beta prior of ``--prior-weight`` pseudo-items; ``pooled-lb`` takes the lower
  quartile of that posterior instead of its mean (a conservative map).
* ``isotonic``: the first map's method (isotonic curve of the raw score per kind and
  construction, shrunk towards the kind's precision).

``--cv K`` answers "how good would this map be on answers it was not fitted on?": answers are
split into K folds by answer (the local teacher's answers on one topic stay together), each method
is fitted on K-1 folds and scores the held-out fold, and the held-out predictions of all folds are
scored together — ECE (10 bins, as ``eval`` reports it), precision of the items at or above the
default ``min_confidence`` and how many are kept; repeated over ``--repeats`` shuffles.  With
``--since REV`` only the answers added to the gold file after git revision REV are scored (the
maps still fit on everything else): answers the readers were not developed on, a stand-in for
unseen ones.  The table goes to docs/benchmarks.md; the shipped method is the one that wins it.

Needs scikit-learn (``pip install -e '.[calibrate]'``)::

    .venv/bin/python benchmarks/fit_calibration.py                  # fit on dev.jsonl, write the map
    .venv/bin/python benchmarks/fit_calibration.py --cv 5            # compare methods, write nothing
    .venv/bin/python benchmarks/fit_calibration.py --cv 4 --since 3745bc0  # on newer answers only
    .venv/bin/python benchmarks/fit_calibration.py --dry-run --show  # print the fitted map only
    .venv/bin/python benchmarks/fit_calibration.py --seen-before REV  # with the "distance from
        # dev" term: answers added after REV (not read while the readers were written) teach the
        # map how much less precise the readers are on answers they were not developed on
    .venv/bin/python benchmarks/fit_calibration.py --unseen-reads /tmp/cal35/reads \
        --seen-terms cell --seen-share 0.4 -C 0.333  # the shipped map (thirty-fifth session): the
        # "unseen" level learned from truly unseen reads (benchmarks/unseen_reads.py; judged held
        # out by benchmarks/calibration_unseen.py; the whole refit: benchmarks/refit_calibration.sh)
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "benchmarks" / "data" / "answers" / "dev.jsonl"
DEFAULT_OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "calibration" / "spacy.json"
DEFAULT_METHOD = "logistic"
DEFAULT_C = 1.0
KIND_SCALE = 10.0
METHODS = (
    "isotonic",
    "pooled",
    "pooled-lb",
    "logistic-cells",
    "logistic-signals",
    "logistic-arguments",
    "logistic",
)
_FACT_KINDS = ("relation", "attribute")


@dataclass(frozen=True)
class Sample:
    """One predicted, non-neutral item: which answer, its kind and signals, and whether right."""

    group: str
    kind: str
    signals: dict[str, str | float]
    correct: bool
    seen: bool = False
    weight: float = 1.0

    @property
    def construction(self) -> str:
        return str(self.signals.get("construction", "clause"))


def answer_group(answer_id: str) -> str:
    """The fold unit of an answer: the local teacher's answers on one topic (``local-01-proc``,
    ``local-01-rela``) share their text's facts, so they are held out together."""
    match = re.match(r"(local-\d+)-", answer_id)
    return match.group(1) if match else answer_id


TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")
#: the types whose units carry a confidence (entities and aliases read off entities do not)
CONFIDENT = ("relations", "procedures", "hierarchy", "linguistic")
_SENTINEL = 1e-7  # item i is marked with confidence (i + 1) * _SENTINEL while its units are listed
_EXTRACTORS: dict[bool, Any] = {}


def _extractor(calibration: bool) -> Any:
    """One spaCy extractor per process and setting (its pipeline loads once)."""
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    if calibration not in _EXTRACTORS:
        _EXTRACTORS[calibration] = SpacyExtractor(calibration=calibration)
    return _EXTRACTORS[calibration]


def read_answers(gold: Path, *, calibration: bool = False) -> Iterator[dict[str, Any]]:
    """Every answer of ``gold`` read once by the ``grapheme_distill`` on ``sys.path``, as the
    line ``benchmarks/unseen_reads.py collect`` writes: ``id``; ``pred`` (the gold format's, from
    ``extraction_to_pred``); ``units`` (per type of ``pred``, the index in ``items`` of the item
    each unit came from, ``None`` for entities and aliases read off entities); ``items`` (each
    item's kind, confidence as read — raw scores unless ``calibration`` —, confidence under that
    tree's own map, signals); ``outcomes`` (each unit correct, wrong or neutral under the reference
    scorer, ``prediction_outcomes``; procedures per step).

    The one read both the fit (:func:`collect`) and the unseen reads use.  It runs under old
    commits' trees (``PYTHONPATH=<tree>/src``), so it uses only what the package has offered since
    batch 26; which item made a unit is learned by marking each item's confidence with its index
    while ``extraction_to_pred`` lists the units (the function itself does not say), then putting
    the confidences back."""
    from grapheme_distill.evaluation.answers import (
        extraction_to_pred,
        load_scorer,
        prediction_outcomes,
        read_gold,
    )
    from grapheme_distill.extractors.confidence import load_calibration

    scorer = load_scorer()
    items = read_gold(gold, scorer)
    own = load_calibration("spacy")
    extractions = _extractor(calibration).pipe([(it["prompt"], it["response"]) for it in items])
    for item, ex in zip(items, extractions, strict=True):
        records = []
        kept = list(ex.items)
        for i, it in enumerate(kept):
            signals = ex.item_signals.get(it.id)
            records.append(
                {
                    "kind": it.kind,
                    "raw": it.confidence,
                    "own": own.confidence(it.kind, signals) if signals is not None else None,
                    "signals": dict(signals) if signals is not None else None,
                }
            )
            ex.items[i] = it.model_copy(update={"confidence": (i + 1) * _SENTINEL})
        pred, conf = extraction_to_pred(ex)
        ex.items[:] = kept
        units = {
            k: [None if c is None else round(c / _SENTINEL) - 1 for c in conf[k]] for k in TYPES
        }
        outcomes = prediction_outcomes(scorer, item["gold"], pred)
        yield {
            "id": item["id"],
            "pred": pred,
            "units": units,
            "items": records,
            "outcomes": outcomes,
        }


def load_reads(path: Path) -> list[dict[str, Any]]:
    """The reads of a file ``benchmarks/unseen_reads.py collect`` wrote (:func:`read_answers`)."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _types_in_item_order(read: dict[str, Any]) -> list[str]:
    """The confident types of ``read`` in the order their first item comes in the extraction
    (the order :func:`collect` has always listed a live read's samples in)."""
    first = {
        k: min(i for i in read["units"][k] if i is not None)
        for k in CONFIDENT
        if any(i is not None for i in read["units"][k])
    }
    return sorted(first, key=first.__getitem__)


def samples(
    reads: Iterable[dict[str, Any]], *, seen: bool = False, item_order: bool = False
) -> list[Sample]:
    """The calibration samples of reads (:func:`read_answers`, or a file of them): one per
    predicted non-neutral unit that an item produced, procedures once per step.  The types of an
    answer come in ``CONFIDENT`` order, or with ``item_order`` in the order of their first item:
    the two orders the fit has been run on (the unseen reads' and a live read's), kept because
    lbfgs stops at slightly different weights when the same samples come in another order — the
    refit writes the shipped map weight for weight only so."""
    out = []
    for r in reads:
        group = answer_group(r["id"])
        for kind in _types_in_item_order(r) if item_order else CONFIDENT:
            units = r["units"][kind]
            if kind == "procedures":
                units = [i for p, i in zip(r["pred"][kind], units, strict=True) for _ in p["steps"]]
            for i, outcome in zip(units, r["outcomes"][kind], strict=True):
                if i is None or outcome == "neutral":
                    continue
                rec = r["items"][i]
                out.append(
                    Sample(group, rec["kind"], rec["signals"] or {}, outcome == "correct", seen)
                )
    return out


def collect(gold: Path) -> list[Sample]:
    """Every non-neutral predicted item of every answer of ``gold``, with its signals and
    correctness, read with raw scores."""
    return samples(read_answers(gold), item_order=True)


# --------------------------------------------------------------------------- fitters


def fit_isotonic(
    samples: Sequence[Sample], *, min_samples: int = 12, prior_weight: float = 8.0
) -> dict[str, Any]:
    """One isotonic curve of the raw score per key with enough samples and one per kind, a key's
    curve shrunk towards its kind's precision by its count (the first map's method)."""
    from sklearn.isotonic import IsotonicRegression  # type: ignore[import-untyped]

    from grapheme_distill.extractors.confidence import calibration_key

    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for s in samples:
        raw = float(s.signals.get("raw", 0.5))
        groups[s.kind].append((raw, s.correct))
        groups[calibration_key(s.kind, s.construction)].append((raw, s.correct))
    kind_rate = {k: sum(ok for _, ok in v) / len(v) for k, v in groups.items() if ":" not in k}
    curves: dict[str, dict[str, Any]] = {}
    for key, rows in sorted(groups.items()):
        if len(rows) < min_samples and ":" in key:
            continue
        xs = [r for r, _ in rows]
        ys = [1.0 if ok else 0.0 for _, ok in rows]
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(xs, ys)
        grid = sorted({round(x, 4) for x in xs})
        fitted = [float(v) for v in iso.predict(grid)]
        prior = kind_rate.get(key.split(":")[0], sum(ys) / len(ys))
        weight = len(rows) / (len(rows) + prior_weight) if ":" in key else 1.0
        curves[key] = {
            "x": grid,
            "y": [round(weight * y + (1 - weight) * prior, 4) for y in fitted],
            "n": len(rows),
        }
    return {"method_id": "isotonic", "curves": curves}


def fit_pooled(
    samples: Sequence[Sample], *, prior_weight: float = 10.0, quantile: float | None = None
) -> dict[str, Any]:
    """Per cell (``cell_keys``: construction, shorter construction, kind, all), its precision
    with a beta prior of ``prior_weight`` pseudo-items at its parent's precision; with
    ``quantile``, that quantile of the posterior rather than its mean (conservative)."""
    from scipy.stats import beta  # type: ignore[import-untyped]

    from grapheme_distill.extractors.confidence import cell_keys

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parent: dict[str, str | None] = {}
    for s in samples:
        chain = cell_keys(s.kind, s.construction)
        for i, key in enumerate(chain):
            counts[key][0] += int(s.correct)
            counts[key][1] += 1
            parent[key] = chain[i + 1] if i + 1 < len(chain) else None
    mean: dict[str, float] = {}
    cells: dict[str, dict[str, float | int]] = {}

    def solve(key: str) -> float:
        if key not in mean:
            up = parent[key]
            prior = solve(up) if up is not None else 0.5
            weight = prior_weight if up is not None else 2.0
            k, n = counts[key]
            a, b = k + weight * prior, n - k + weight * (1 - prior)
            mean[key] = a / (a + b)
            value = float(beta.ppf(quantile, a, b)) if quantile is not None else mean[key]
            cells[key] = {"p": round(value, 4), "n": n}
        return mean[key]

    for key in counts:
        solve(key)
    return {"method_id": "pooled", "cells": dict(sorted(cells.items()))}


_GROUPS: dict[str, Callable[[str], bool]] = {
    "logistic-cells": lambda f: f.startswith(("kind=", "cell=")),
    "logistic-signals": lambda f: f.startswith(("kind=", "cell=", "hedged", "agreement")),
    "logistic-arguments": lambda f: "_odd" not in f,
    "logistic": lambda f: True,
}


def fit_logistic(
    samples: Sequence[Sample],
    *,
    c: float = DEFAULT_C,
    subset: str = "logistic",
    kind_scale: float = KIND_SCALE,
    seen_terms: str = "cell",
) -> dict[str, Any]:
    """L2-regularised logistic regression on the items' sparse features (``subset``: which
    groups of them); the intercept is the ``bias`` weight.

    The kind indicators are scaled up by ``kind_scale`` before fitting (their weights scaled
    back after), which divides their penalty by its square: each kind keeps its own base rate
    (hierarchy edges are right far more often than clause relations), while constructions and
    the other signals are shrunk towards it — a hierarchical prior in one regression."""
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    from grapheme_distill.extractors.confidence import features

    keep = _GROUPS[subset]

    def scale(name: str) -> float:
        return kind_scale if name.startswith("kind=") else 1.0

    rows = [
        {f: v * scale(f) for f, v in features(s.kind, s.signals).items() if f != "bias" and keep(f)}
        | _seen_features(s, seen_terms)
        for s in samples
    ]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(rows)
    y = [int(s.correct) for s in samples]
    model = LogisticRegression(C=c, max_iter=5000).fit(
        x, y, sample_weight=[s.weight for s in samples]
    )
    weights = {"bias": round(float(model.intercept_[0]), 5)}
    for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True):
        weights[str(name)] = round(float(w) * scale(str(name)), 5)
    return {"method_id": "logistic", "weights": weights, "regularisation_C": c}


def _seen_features(sample: Sample, terms: str = "cell") -> dict[str, float]:
    """The "distance from dev" term: indicators that the item comes from an answer the readers
    were developed on (``--seen-before``), overall, per kind and per cell (kind and construction:
    each construction was written against its own development answers, so how much surer it is
    there differs by construction — held out on the 56 answer groups added since a8219f2, the
    per-cell term took item ECE 0.052 -> 0.036 and precision at 0.6 0.784 -> 0.799, tenth
    session).  The runtime never sets them, so
    the shipped map gives every answer it meets the confidence of an answer the readers have not
    seen — which is what a user's answers are.  The rules fire more precisely on the answers they
    were written against; without this term the map learns that optimism too (blind item ECE 0.19
    against 0.04 held out on dev in the second session)."""
    from grapheme_distill.extractors.confidence import calibration_key

    if not sample.seen:
        return {}
    out = {"seen": 1.0}
    if terms in ("kind", "cell"):
        out[f"seen|kind={sample.kind}"] = 1.0
    if terms == "cell":
        out[f"seen|cell={calibration_key(sample.kind, sample.construction)}"] = 1.0
    return out


def fold_seen(weights: dict[str, float], share: float) -> dict[str, float]:
    """The weights with ``share`` of each ``seen`` term folded into the weight it modifies
    (``seen`` → ``bias``, ``seen|kind=K`` → ``kind=K``, ``seen|cell=C`` → ``cell=C``): the map then
    reads an answer ``share`` of the way from an unseen read (0, what the runtime gets unfolded)
    to a read of the answers the readers were tuned on (1) — a knob between precision on unseen
    writers and items kept on known ones (``--seen-share``)."""
    out = dict(weights)
    for name, w in weights.items():
        if name == "seen" or name.startswith("seen|"):
            target = "bias" if name == "seen" else name.split("|", 1)[1]
            out[target] = round(out.get(target, 0.0) + share * w, 5)
    return out


def fit(
    method: str,
    samples: Sequence[Sample],
    *,
    c: float,
    prior_weight: float,
    seen_terms: str = "cell",
    seen_share: float = 0.0,
) -> Any:
    """A :class:`CalibrationMap` fitted on ``samples`` by ``method`` (one of ``METHODS``, or
    ``logistic C=x``: the full logistic map at another regularisation, for the comparison)."""
    from grapheme_distill.extractors.confidence import CalibrationMap

    if method.startswith("logistic C="):
        method, c = "logistic", float(method.split("=", 1)[1])
    if method == "isotonic":
        data = fit_isotonic(samples)
    elif method in ("pooled", "pooled-lb"):
        q = 0.25 if method == "pooled-lb" else None
        data = fit_pooled(samples, prior_weight=prior_weight, quantile=q)
    else:
        data = fit_logistic(samples, c=c, subset=method, seen_terms=seen_terms)
        if seen_share:
            data["weights"] = fold_seen(data["weights"], seen_share)
    return CalibrationMap.from_dict({"format": "grapheme-distill.calibration.v2", **data})


# --------------------------------------------------------------------------- measuring


def measure(
    confidences: Sequence[float], samples: Sequence[Sample], threshold: float
) -> dict[str, float]:
    """ECE of all items and of relations (attribute facts included, as ``eval`` pools them),
    precision and count of the items at or above ``threshold``, recall of the right ones kept,
    Brier score."""
    from grapheme_distill.evaluation.calibration import calibration

    ok = [s.correct for s in samples]
    rel = [i for i, s in enumerate(samples) if s.kind in _FACT_KINDS]
    kept = [i for i, c in enumerate(confidences) if c >= threshold]
    rel_kept = [i for i in kept if samples[i].kind in _FACT_KINDS]
    right = sum(ok)
    return {
        "item_ece": calibration(confidences, ok).ece,
        "relation_ece": calibration([confidences[i] for i in rel], [ok[i] for i in rel]).ece,
        "precision": sum(ok[i] for i in kept) / len(kept) if kept else 0.0,
        "kept": float(len(kept)),
        "recall_kept": sum(ok[i] for i in kept) / right if right else 0.0,
        "relation_precision": sum(ok[i] for i in rel_kept) / len(rel_kept) if rel_kept else 0.0,
        "relations_kept": float(len(rel_kept)),
        "brier": sum((c - o) ** 2 for c, o in zip(confidences, ok, strict=True)) / len(ok),
        **{f"precision@{t:g}": _precision_at(confidences, ok, t) for t in SWEEP},
        **{f"kept@{t:g}": float(sum(c >= t for c in confidences)) for t in THRESHOLDS},
        **{f"precision@{t:g}": _precision_at(confidences, ok, t) for t in THRESHOLDS},
    }


SWEEP = (0.5, 0.6, 0.7, 0.8)
#: the candidate defaults of ``min_confidence`` (``--cv`` prints precision and items kept at each,
#: so that the default is chosen on held-out evidence)
THRESHOLDS = (0.6, 0.65, 0.7)


def _precision_at(confidences: Sequence[float], ok: Sequence[bool], threshold: float) -> float:
    kept = [o for c, o in zip(confidences, ok, strict=True) if c >= threshold]
    return sum(kept) / len(kept) if kept else 0.0


def threshold_table(rows: dict[str, dict[str, float]]) -> str:
    """Held-out precision and items kept of each method at each candidate default."""
    head = "| method | " + " | ".join(f"P@{t:g} (kept)" for t in THRESHOLDS) + " |"
    lines = [head, "|---|" + "---|" * len(THRESHOLDS)]
    for m, r in rows.items():
        cells = " | ".join(
            f"{r[f'precision@{t:g}']:.3f} ({r[f'kept@{t:g}']:.0f})" for t in THRESHOLDS
        )
        lines.append(f"| {m} | {cells} |")
    return "\n".join(lines)


def predict(cmap: Any, samples: Sequence[Sample]) -> list[float]:
    return [cmap.confidence(s.kind, s.signals) for s in samples]


def cross_validate(
    samples: Sequence[Sample],
    methods: Sequence[str],
    *,
    folds: int,
    repeats: int,
    threshold: float,
    c: float,
    prior_weight: float,
    test_groups: set[str] | None = None,
) -> dict[str, dict[str, float]]:
    """Mean over ``repeats`` shuffles of the held-out figures of each method: the answer groups
    (all, or only ``test_groups``) are dealt into K folds; each fold is scored by a map fitted on
    every other item, and the held-out predictions of all folds are scored together.  ``folds``
    at least the number of groups: leave one group out (one run)."""
    groups = sorted({s.group for s in samples} if test_groups is None else test_groups)
    k = min(folds, len(groups))
    scored = [i for i, s in enumerate(samples) if s.group in set(groups)]
    totals: dict[str, Counter[str]] = {m: Counter() for m in methods}
    for rep in range(repeats if k < len(groups) else 1):
        order = groups[:]
        random.Random(rep).shuffle(order)
        fold_of = {g: i % k for i, g in enumerate(order)}
        held: dict[str, dict[int, float]] = {m: {} for m in methods}
        for fold in range(k):
            train = [s for s in samples if fold_of.get(s.group) != fold]
            test = [i for i in scored if fold_of[samples[i].group] == fold]
            for m in methods:
                cmap = fit(m, train, c=c, prior_weight=prior_weight)
                for i, conf in zip(test, predict(cmap, [samples[i] for i in test]), strict=True):
                    held[m][i] = conf
        for m in methods:
            confs = [held[m][i] for i in scored]
            totals[m].update(measure(confs, [samples[i] for i in scored], threshold))
            totals[m]["runs"] += 1
    return {
        m: {key: v / t["runs"] for key, v in t.items() if key != "runs"} for m, t in totals.items()
    }


def table(rows: dict[str, dict[str, float]], threshold: float) -> str:
    """The cross-validated figures of each method as a markdown table."""
    head = (
        f"| method | item ECE | relation ECE | P@{threshold:g} items (kept) | right items kept "
        f"| P@{threshold:g} relations (kept) | Brier | "
        + " / ".join(f"P@{t:g}" for t in SWEEP)
        + " |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for m, r in rows.items():
        lines.append(
            f"| {m} | {r['item_ece']:.3f} | {r['relation_ece']:.3f} | {r['precision']:.3f} "
            f"({r['kept']:.0f}) | {r['recall_kept']:.3f} | {r['relation_precision']:.3f} "
            f"({r['relations_kept']:.0f}) | {r['brier']:.4f} | "
            + " / ".join(f"{r[f'precision@{t:g}']:.2f}" for t in SWEEP)
            + " |"
        )
    return "\n".join(lines)


def groups_since(gold: Path, rev: str) -> set[str]:
    """The answer groups of ``gold`` that its version at git revision ``rev`` did not hold: answers
    added since, which the readers were not developed on when ``rev`` was made."""
    import subprocess

    try:
        rel = gold.resolve().relative_to(ROOT)
        old = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:{rel.as_posix()}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (ValueError, OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(f"--since {rev}: cannot read {gold} at that revision ({exc})") from exc
    before = {answer_group(json.loads(line)["id"]) for line in old.splitlines() if line.strip()}
    now = {
        answer_group(json.loads(line)["id"])
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    return now - before


def read_samples(gold: Path, directory: Path) -> list[Sample]:
    """The samples :func:`collect` makes of ``gold`` by reading it, from reads this code already
    collected (``head_<set>.jsonl`` in ``directory``): the answers in ``gold``'s order, each in
    item order — the same list, so the fit ends at the same weights."""
    reads = {
        r["id"]: r for path in sorted(directory.glob("head_*.jsonl")) for r in load_reads(path)
    }
    ids = [
        json.loads(line)["id"]
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    missing = [i for i in ids if i not in reads]
    if missing:
        raise SystemExit(
            f"--seen-reads {directory}: no read of {len(missing)} answers ({missing[0]} …)"
        )
    return samples([reads[i] for i in ids], item_order=True)


def unseen_samples(directory: Path, weight: float = 1.0) -> list[Sample]:
    """The items of the truly unseen reads in ``directory`` (``cal<K>_val<K>.jsonl``, written by
    ``benchmarks/unseen_reads.py collect``), unseen, each of sample weight ``weight``."""
    files = sorted(directory.glob("cal*_val*.jsonl"))
    if not files:
        raise SystemExit(f"--unseen-reads {directory}: no cal<K>_val<K>.jsonl files")
    out: list[Sample] = []
    for path in files:
        out.extend(dataclasses.replace(s, weight=weight) for s in samples(load_reads(path)))
    return out


def describe(samples: Sequence[Sample], cmap: Any) -> str:
    """Per cell (kind and construction): items, their precision and the map's mean confidence."""
    from grapheme_distill.extractors.confidence import calibration_key

    cells: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    for s, conf in zip(samples, predict(cmap, samples), strict=True):
        cells[calibration_key(s.kind, s.construction)].append((s.correct, conf))
    lines = [f"  {'cell':<34} {'n':>4} {'right':>6} {'mean conf':>9}"]
    for key, rows in sorted(cells.items(), key=lambda kv: -len(kv[1])):
        n = len(rows)
        lines.append(
            f"  {key:<34} {n:4d} {sum(ok for ok, _ in rows) / n:6.2f} "
            f"{sum(c for _, c in rows) / n:9.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold answers (dev part)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--method", choices=METHODS, default=DEFAULT_METHOD)
    ap.add_argument("-C", type=float, default=DEFAULT_C, help="logistic: inverse L2 strength")
    ap.add_argument(
        "--prior-weight", type=float, default=10.0, help="pooled: pseudo-items of the parent cell"
    )
    ap.add_argument(
        "--cv", type=int, metavar="K", help="cross-validate every method; write nothing"
    )
    ap.add_argument("--repeats", type=int, default=5, help="--cv: shuffles of the folds")
    ap.add_argument(
        "--since",
        metavar="REV",
        help="--cv: score only the answers added to the gold file after git revision REV (fitted "
        "on everything else too): how the maps fare on answers the readers were not developed on",
    )
    ap.add_argument(
        "--seen-before",
        metavar="REV",
        help="logistic: add the 'distance from dev' term — answers already in the gold file at "
        "git revision REV (the readers were developed on them) get a 'seen' feature, the answers "
        "added since do not, and neither does the runtime; with --cv, only the answers added since "
        "REV are scored",
    )
    ap.add_argument(
        "--unseen-reads",
        metavar="DIR",
        type=Path,
        help="logistic: the truly unseen reads (benchmarks/unseen_reads.py collect: each later "
        "batch read by the code just before it was merged, files cal<K>_val<K>.jsonl) are the "
        "unseen items, and this code's reads of every dev answer are 'seen' (its readers were "
        "tuned on them, the gates' aggregates included); not with --seen-before. Held out: "
        "benchmarks/calibration_unseen.py",
    )
    ap.add_argument(
        "--seen-reads",
        metavar="DIR",
        type=Path,
        help="take --gold's answers from today's reads already collected in DIR (head_<set>.jsonl, "
        "benchmarks/unseen_reads.py collect by this code) instead of reading them again: the same "
        "samples in the same order (benchmarks/refit_calibration.sh)",
    )
    ap.add_argument(
        "--seen-terms",
        choices=("cell", "kind", "one"),
        default="cell",
        help="the 'seen' term per kind and cell (cell), per kind (kind) or one offset (one)",
    )
    ap.add_argument(
        "--unseen-weight", type=float, default=1.0, help="sample weight of the unseen items"
    )
    ap.add_argument(
        "--seen-share",
        type=float,
        default=0.0,
        help="fold this share of the seen terms into the shipped weights (0: the confidence of "
        "an unseen read; 1: of a read the readers were tuned on)",
    )
    ap.add_argument(
        "--floor",
        type=float,
        default=0.0,
        help="the map's output floor (written into the file; items calibrated under it are not "
        "output): an item right less often than half the micro F1 lowers it (confidence.py)",
    )
    ap.add_argument("--threshold", type=float, default=None, help="default: the config's")
    ap.add_argument("--dry-run", action="store_true", help="do not write the map")
    ap.add_argument("--show", action="store_true", help="print the map's weights / cells")
    args = ap.parse_args(argv)
    if "blind" in args.gold.name:
        print("refusing to fit on the blind part of the set", file=sys.stderr)
        return 2
    from grapheme_distill.config import DistillationConfig

    threshold = DistillationConfig().min_confidence if args.threshold is None else args.threshold
    if importlib.util.find_spec("sklearn") is None:
        print("fitting needs scikit-learn: pip install -e '.[calibrate]'", file=sys.stderr)
        return 2
    if args.since and args.seen_before:
        print("give --since or --seen-before, not both", file=sys.stderr)
        return 2
    if not 0.0 <= args.floor < 1.0:
        print("--floor: a confidence in [0, 1)", file=sys.stderr)
        return 2
    if args.unseen_reads and (args.seen_before or args.cv):
        print("--unseen-reads: not with --seen-before or --cv", file=sys.stderr)
        return 2
    since = args.since or args.seen_before
    fresh = groups_since(args.gold, since) if (args.cv and since) or args.seen_before else None
    from grapheme_distill.errors import DistillError

    try:
        samples = (
            read_samples(args.gold, args.seen_reads) if args.seen_reads else collect(args.gold)
        )
        if args.seen_before and fresh is not None:
            samples = [dataclasses.replace(s, seen=s.group not in fresh) for s in samples]
        if args.unseen_reads:
            samples = [dataclasses.replace(s, seen=True) for s in samples] + unseen_samples(
                args.unseen_reads, args.unseen_weight
            )
    except DistillError as exc:  # no scorer, a bad gold file: one line, no traceback
        print(f"fit_calibration: {exc}", file=sys.stderr)
        return 2
    answers = len({s.group for s in samples})
    print(f"{len(samples)} items (non-neutral) from {answers} answer groups of {args.gold.name}")
    if args.cv:
        rows = cross_validate(
            samples,
            [*METHODS, f"logistic C={args.C / 3:.3g}", f"logistic C={args.C * 3:.3g}"],
            folds=args.cv,
            repeats=args.repeats,
            threshold=threshold,
            c=args.C,
            prior_weight=args.prior_weight,
            test_groups=fresh,
        )
        scored = (
            f"the {sum(s.group in fresh for s in samples)} items of the {len(fresh)} answer groups "
            f"added since {since}"
            if fresh is not None
            else "every item"
        )
        n_groups = len(fresh if fresh is not None else {s.group for s in samples})
        how = (
            "leave one answer group out"
            if args.cv >= n_groups
            else f"{args.cv}-fold by answer group, mean of {args.repeats} shuffles"
        )
        print(
            f"held-out figures, {how}, scored on {scored}"
            f" (C={args.C:g}, prior weight {args.prior_weight:g}):"
        )
        print(table(rows, threshold))
        print(threshold_table(rows))
        return 0
    cmap = fit(
        args.method,
        samples,
        c=args.C,
        prior_weight=args.prior_weight,
        seen_terms=args.seen_terms,
        seen_share=args.seen_share,
    )
    in_sample = measure(predict(cmap, samples), samples, threshold)
    from grapheme_distill.extractors.confidence import calibration_key
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    cell_counts = Counter(
        key for s in samples for key in (s.kind, calibration_key(s.kind, s.construction))
    )
    meta = {
        "extractor": f"spacy@{SpacyExtractor.version}",
        "fitted_on": str(
            args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold
        ),
        "fitted_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "samples": len(samples),
        "method": _METHOD_TEXT[args.method].format(c=args.C, w=args.prior_weight),
        "cell_counts": dict(sorted(cell_counts.items())),
    }
    if args.unseen_reads:
        files = sorted(p.name for p in args.unseen_reads.glob("cal*_val*.jsonl"))
        meta["unseen_reads"] = (
            f"{', '.join(files)} ({sum(not s.seen for s in samples)} unseen items; "
            f"seen terms per {args.seen_terms}, unseen weight {args.unseen_weight:g}, "
            f"seen share {args.seen_share:g})"
        )
    if args.floor:
        meta["floor"] = args.floor
    if args.seen_before:
        meta["seen_before"] = (
            f"{args.seen_before} ({sum(not s.seen for s in samples)} unseen items)"
        )
    data = {**cmap.to_dict(), **meta}
    print(f"method: {data['method']}")
    print(describe(samples, cmap))
    print(
        f"in-sample: item ECE {in_sample['item_ece']:.3f}, relation ECE "
        f"{in_sample['relation_ece']:.3f}, precision at {threshold:g} {in_sample['precision']:.3f}"
        f" ({in_sample['kept']:.0f} of {len(samples)} kept) — optimistic; `--cv 5` is the honest one"
    )
    if args.show:
        for key, value in {**data.get("weights", {}), **data.get("cells", {})}.items():
            print(f"  {key:<40} {value}")
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


_METHOD_TEXT = {
    "isotonic": "isotonic regression per key, shrunk towards the kind's precision",
    "pooled": "precision per cell, beta prior of {w:g} items at the parent cell's precision",
    "pooled-lb": "lower quartile of the per-cell beta posterior ({w:g} parent pseudo-items)",
    "logistic-cells": "L2 logistic regression (C={c:g}) on kind and construction",
    "logistic-signals": "L2 logistic regression (C={c:g}) on kind, construction, hedging",
    "logistic-arguments": "L2 logistic regression (C={c:g}) on kind, construction, hedging and"
    " what the arguments are (topic, proper name, type), no name-shape features",
    "logistic": "L2 logistic regression (C={c:g}) on kind, construction, hedging, what the"
    " arguments are and whether their names look cut from the wrong span",
}

if __name__ == "__main__":
    sys.exit(main())
