"""Fit a :class:`grapheme_distill.extractors.learned.LinearModel` from labelled candidates.

Shared by the scripts that fit the shipped reader models (``fit_*_reader.py``): they turn the
development answers into candidates (a list of feature strings each, labelled right or wrong by
the reference scorer's matching), and this module fits a logistic regression on them, picks the
threshold, and writes the model file.  It needs scikit-learn (``pip install -e '.[calibrate]'``).

Why cross-validated by answer.  Candidates of one answer share its wording, so fitting and judging
on the same answers would pick a threshold far too low; out-of-fold probabilities, with every
answer's candidates in one fold, give the threshold an honest view.

Why F1 against *all* gold units.  Candidates cover only part of the gold, so the threshold that
maximises F1 over candidates alone would overrate recall; ``n_gold_missing`` counts the gold
units that no candidate matches, so the chosen threshold maximises the reader's own F1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grapheme_distill.extractors.learned import LinearModel


@dataclass(frozen=True)
class Sample:
    """One candidate: its features, whether the scorer counts it right, and its answer's id."""

    features: Sequence[str]
    label: bool
    group: str


def _fit(samples: Sequence[Sample], c: float) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1.0 for f in s.features} for s in samples])
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, [int(s.label) for s in samples])
    return vec, clf


def n_folds(folds: int, groups: Sequence[str]) -> int:
    """How many folds ``folds`` asks of ``groups``: at most one a group, and 0 (or less) asks
    for exactly that (leave one group out: with groups as large as an annotation batch, five
    folds would hold two or three batches out at once)."""
    distinct = len(set(groups))
    return distinct if folds <= 0 else min(folds, distinct)


def out_of_fold(samples: Sequence[Sample], c: float = 1.0, folds: int = 5) -> list[float]:
    """Each sample's probability from a model fitted on the other answers' folds (``folds``
    as :func:`n_folds` reads it)."""
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    probs = [0.0] * len(samples)
    groups = [s.group for s in samples]
    for train, test in GroupKFold(n_splits=n_folds(folds, groups)).split(samples, groups=groups):
        vec, clf = _fit([samples[i] for i in train], c)
        x = vec.transform([{f: 1.0 for f in samples[i].features} for i in test])
        for i, p in zip(test, clf.predict_proba(x)[:, 1], strict=True):
            probs[i] = float(p)
    return probs


def best_threshold(
    probs: Sequence[float], labels: Sequence[bool], n_gold_missing: int = 0
) -> tuple[float, float]:
    """The threshold with the best F1 (recall over matched + ``n_gold_missing`` gold) and that F1.

    Assumes each right candidate matches a distinct gold unit (deduplicate before calling).
    """
    ranked = sorted(zip(probs, labels, strict=True), key=lambda t: -t[0])
    gold = sum(labels) + n_gold_missing
    best, best_t, tp = 0.0, 1.0, 0
    for k, (p, y) in enumerate(ranked, 1):
        tp += int(y)
        f1 = 2 * tp / (k + gold) if gold else 0.0
        if f1 > best:
            best, best_t = f1, p
    return best_t, best


def fit_linear(
    samples: Sequence[Sample],
    name: str,
    *,
    c: float = 1.0,
    threshold: float = 0.5,
    meta: Mapping[str, Any] | None = None,
    min_weight: float = 1e-4,
) -> LinearModel:
    """Fit on all ``samples`` and return the model (weights below ``min_weight`` dropped)."""
    vec, clf = _fit(samples, c)
    weights = {
        f: round(float(w), 5)
        for f, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= min_weight
    }
    return LinearModel(
        name=name,
        bias=round(float(clf.intercept_[0]), 5),
        weights=weights,
        threshold=round(threshold, 4),
        meta=dict(meta or {}),
    )


def write_model(model: LinearModel, path: Path) -> None:
    """Write the model file (sorted keys, one weight per line, for readable diffs)."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", "utf-8")
