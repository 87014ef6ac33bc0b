"""Add the answer-text cues to the shipped entity model without refitting the rest (issue 11).

The learned entity decision (``extractors/spacy/entity_choice.py``) was fitted on the parse's and
the readers' cues; the thirty-second session gave it the answer's markdown and prompt
(:class:`~grapheme_distill.extractors.spacy.entity_choice.TextCues`: a name in bold, in italics, a
heading, a table cell, a list item's head, a glossary term; named in the prompt; how often it
recurs; which document reader named it).  A full refit (``fit_entity_reader.py``) re-learns all
5,000 weights, and judged one annotation batch held out it fell short of the shipped model on the
gates that model was fitted on (in sample there by about 0.02 micro each).  This script keeps every
shipped weight and fits only the new cues' weights and a bias shift, with the shipped model's
logit as a fixed offset (L2-regularised logistic regression, ``--c``): the shipped decision plus
what the layout adds to it.  (Why a loss of its own, minimised by scipy, and not
``learned_fit.fit_linear``: scikit-learn's ``LogisticRegression`` takes no per-row offset.)

It reads the candidates as ``fit_entity_reader.py`` does (``--cache`` pickles of
``(found, outcomes, rels)``, one per gold file, or a fresh read), fits with one annotation batch
held out at a time (``fit_relation_reader.batch_of``) and prints each batch's held-out log-loss
against the shipped model's without its cue weights (:func:`without_cues`: the offset of a refit),
then fits on every batch and, with ``--write``, writes the model (the shipped weights, the new cue
weights, the shifted bias; the threshold ``--threshold``, by default the shipped one).  Usage::

    .venv/bin/python benchmarks/fit_entity_cues.py --gold /work/sets/devtrain.jsonl \\
        /work/sets/val1?.jsonl /work/sets/val2?.jsonl /work/sets/val3?.jsonl --write

Thirty-sixth session: ``--cues frequency`` fits the word-frequency cues
(:mod:`~grapheme_distill.extractors.spacy.word_frequency`: ``zf_head=``, ``zf_name=``,
``zf_min=``) the same way, over the shipped logit less any ``zf_`` weights, on every candidate
the model decides (an item's reference does not hide them, unlike the layout's cues); the text
cue weights stay.  A refit of all weights judged one batch held out loses about 0.02 micro on
each gate the shipped base was fitted on; an offset keeps what the base knows and adds what
carries to a new writer (docs/benchmarks.md, thirty-sixth session).
"""

from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_entity_reader as E  # noqa: E402
from fit_relation_reader import batch_of  # noqa: E402
from learned_fit import write_model  # noqa: E402

from grapheme_distill.evaluation.answers import load_scorer, read_gold  # noqa: E402
from grapheme_distill.extractors import get_extractor  # noqa: E402
from grapheme_distill.extractors.learned import LinearModel, shipped_model  # noqa: E402
from grapheme_distill.extractors.spacy.entity_choice import MODEL_NAME  # noqa: E402

#: the cues this script fits (:class:`~...entity_choice.TextCues`); every other weight is shipped
PREFIXES = ("txt_", "fact=", "fact_kind=")
#: the kinds of cue it can fit (``--cues``): the answer's layout (the default), or how common
#: the name's words are in English (:mod:`~grapheme_distill.extractors.spacy.word_frequency`,
#: thirty-sixth session), each fitted over the shipped logit less its own weights
CUES = {"text": PREFIXES, "frequency": ("zf_",)}


def fit_offset(
    rows: Sequence[tuple[Sequence[str], float, bool]],
    c: float,
    prefixes: tuple[str, ...] = PREFIXES,
) -> tuple[dict[str, float], float]:
    """Weights of the ``prefixes`` cues and a bias shift maximising the L2-penalised
    likelihood of ``rows`` (features, the shipped model's logit, right) with the logit as a fixed
    offset."""
    import numpy as np
    from scipy.optimize import minimize  # type: ignore[import-untyped]
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    names = sorted({f for fs, _, _ in rows for f in fs if f.startswith(prefixes)})
    col = {f: j for j, f in enumerate(names)}
    ri, ci = [], []
    for i, (fs, _, _) in enumerate(rows):
        for f in set(fs):
            if f in col:
                ri.append(i)
                ci.append(col[f])
    x = csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(rows), len(names)))
    z0 = np.array([z for _, z, _ in rows])
    y = np.array([float(right) for _, _, right in rows])
    n = len(names)

    def loss(wb: Any) -> tuple[float, Any]:
        z = z0 + x @ wb[:n] + wb[n]
        g = 1.0 / (1.0 + np.exp(-z)) - y
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / c * wb[:n] @ wb[:n])
        return value, np.concatenate([x.T @ g + wb[:n] / c, [g.sum()]])

    wb = minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B").x
    return {f: round(float(wb[j]), 5) for f, j in col.items() if abs(wb[j]) > 1e-4}, float(wb[n])


def _log_loss(
    rows: Sequence[tuple[Sequence[str], float, bool]], w: dict[str, float], b: float
) -> float:
    total = 0.0
    for fs, z0, right in rows:
        z = z0 + b + sum(w.get(f, 0.0) for f in set(fs))
        total += math.log1p(math.exp(-z)) if right else math.log1p(math.exp(z))
    return total / max(len(rows), 1)


def with_cues(
    base: LinearModel, w: dict[str, float], b: float, threshold: float, meta: dict[str, Any]
) -> LinearModel:
    """The shipped model with the cue weights and the bias shift added."""
    weights = {**base.weights, **w}
    return LinearModel(
        MODEL_NAME, round(base.bias + b, 5), weights, threshold, {**base.meta, **meta}
    )


def without_cues(model: LinearModel, prefixes: tuple[str, ...] = PREFIXES) -> LinearModel:
    """The model less its ``prefixes`` weights: the offset a refit of the cues starts from.
    (The shipped model carries the cue weights of the last fit; left in the offset, a refit
    would learn only a correction to them and then replace them with it.)"""
    weights = {f: w for f, w in model.weights.items() if not f.startswith(prefixes)}
    return LinearModel(model.name, model.bias, weights, model.threshold, model.meta)


def _cues_of(c: Any) -> tuple[str, ...]:
    """A candidate's features, the text cues only where no item refers to it (as
    :func:`~grapheme_distill.extractors.spacy.entity_choice.features` gives them; a read made
    before that rule carries them on every candidate)."""
    if not c.referred:
        return tuple(c.features)
    return tuple(f for f in c.features if not f.startswith(PREFIXES))


def _with_frequency(c: Any) -> tuple[str, ...]:
    """A candidate's features with its word-frequency cues (a read made before the cues existed,
    such as a cached pickle, lacks them; they depend on the name alone)."""
    from grapheme_distill.extractors.spacy.word_frequency import frequency_cues

    features = tuple(c.features)
    if any(f.startswith("zf_") for f in features):
        return features
    return features + frequency_cues(c.name)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", type=Path, required=True, help="annotated answers")
    ap.add_argument("--cache", nargs="*", type=Path, default=[], help="candidate pickles")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the cue weights")
    ap.add_argument(
        "--cues",
        choices=sorted(CUES),
        default="text",
        help="which cues to fit: the answer's layout (text) or how common the name's words are "
        "in English (frequency, on every candidate the model decides)",
    )
    ap.add_argument("--threshold", type=float, help="the model's threshold (default: shipped)")
    ap.add_argument("--write", action="store_true", help="write the model file")
    ap.add_argument("--out", type=Path, default=E.OUT)
    args = ap.parse_args(argv)

    shipped = shipped_model(MODEL_NAME)
    if shipped is None:
        ap.error("no shipped entity model to add the cues to")
    prefixes = CUES[args.cues]
    base = without_cues(shipped, prefixes)
    found: dict[str, Any] = {}
    outcomes: dict[str, Any] = {}
    if args.cache:
        for path in args.cache:
            f, o, *_ = pickle.loads(path.read_bytes())
            found.update(f)
            outcomes.update(o)
    else:
        scorer = E.fast_scorer(load_scorer())
        items = [i for path in args.gold for i in read_gold(path, scorer)]
        found, _ = E.candidates(items, get_extractor("spacy"), base.meta.get("chunks", False))
        outcomes = E.label(scorer, items, found)
    decided = frozenset(str(k) for k in base.meta.get("decided_with", ()))
    rows = [
        (
            _cues_of(c) if args.cues == "text" else _with_frequency(c),
            base.logit(c.features),
            o == "correct",
            batch_of(aid),
        )
        for aid, cands in found.items()
        for c, o in zip(cands, outcomes[aid], strict=True)
        if E.decides(c, decided) and o != "neutral"
    ]
    batches = sorted({r[3] for r in rows}, key=lambda b: int(b.rsplit("-", 1)[-1]))
    for batch in batches:
        train = [r[:3] for r in rows if r[3] != batch]
        test = [r[:3] for r in rows if r[3] == batch]
        w, b = fit_offset(train, args.c, prefixes)
        print(
            f"{batch}: held-out log-loss {_log_loss(test, {}, 0.0):.4f} (no cues) -> "
            f"{_log_loss(test, w, b):.4f} ({len(test)} candidates)"
        )
    w, b = fit_offset([r[:3] for r in rows], args.c, prefixes)
    print(f"bias shift {b:+.3f}; {len(w)} cue weights:")
    for f, v in sorted(w.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {v:+.3f} {f}")
    threshold = base.threshold if args.threshold is None else args.threshold
    # (a set laid out as a folder, SET/gold.jsonl, is named by its folder)
    names = ", ".join(p.parent.name if p.name == "gold.jsonl" else p.name for p in args.gold)
    model = with_cues(
        base,
        w,
        b,
        threshold,
        {
            f"{args.cues}_cues": f"{names} ({len(found)} answers, {len(rows)} candidates), C {args.c}"
        },
    )
    if args.write:
        write_model(model, args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
