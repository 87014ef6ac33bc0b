"""Fit the spaCy extractor's calibration map on the development answers (issue 11).

Runs the extractor with raw scores (``SpacyExtractor(calibration=False)``) over a gold file of
annotated answers (default ``benchmarks/data/answers/dev.jsonl`` — never the blind part), asks the
reference scorer whether each predicted item is right (``prediction_outcomes``: correct, wrong, or
neutral — neutral items are left out, as they are of precision), and fits one isotonic regression
of correctness on the raw score per key (``relation:kv``, ``hierarchy:list.lead`` …; see
:func:`grapheme_distill.extractors.confidence.calibration_key`) plus one per kind as the fallback.
A key's curve is shrunk towards its kind's precision by its sample count (``--prior-weight``), so a
construction seen five times does not get a confidence of 1.0.  The map is written as package
data, ``src/grapheme_distill/extractors/calibration/spacy.json``.

Needs scikit-learn (``pip install -e '.[calibrate]'``)::

    .venv/bin/python benchmarks/fit_calibration.py                     # fit on dev.jsonl, write the map
    .venv/bin/python benchmarks/fit_calibration.py --dry-run --show   # print the curves only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "benchmarks" / "data" / "answers" / "dev.jsonl"
DEFAULT_OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "calibration" / "spacy.json"


def _unit_ids(extraction: Any) -> dict[str, list[str | None]]:
    """Per pred list of ``extraction_to_pred``, the id of the item each unit came from (same order,
    same filters; procedures once per step; aliases read off entities have none)."""
    from grapheme_distill.model.knowledge import (
        Attribute,
        HierarchyEdge,
        LinguisticItem,
        Procedure,
        Relation,
    )

    names = set(extraction.entities)
    ids: dict[str, list[str | None]] = defaultdict(list)
    for item in extraction.items:
        relation = isinstance(item, Relation) and item.subject in names and item.object in names
        if relation or (isinstance(item, Attribute) and item.entity in names):
            ids["relations"].append(item.id)
        elif isinstance(item, Procedure):
            ids["procedures"].extend([item.id] * len(item.steps))
        elif isinstance(item, HierarchyEdge) and item.parent in names and item.child in names:
            ids["hierarchy"].append(item.id)
        elif isinstance(item, LinguisticItem) and item.entity in names:
            ids["linguistic"].append(item.id)
    return ids


def collect(gold: Path) -> list[tuple[str, str, float, bool]]:
    """(kind, key, raw score, correct) for every non-neutral predicted item of every answer."""
    from grapheme_distill.evaluation.answers import (
        CORRECT,
        NEUTRAL,
        extraction_to_pred,
        load_scorer,
        prediction_outcomes,
        read_gold,
    )
    from grapheme_distill.extractors.confidence import calibration_key
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    scorer = load_scorer()
    items = read_gold(gold, scorer)
    extractor = SpacyExtractor(calibration=False)
    samples: list[tuple[str, str, float, bool]] = []
    extractions = extractor.pipe([(it["prompt"], it["response"]) for it in items])
    for item, extraction in zip(items, extractions, strict=True):
        pred, _ = extraction_to_pred(extraction)
        outcomes = prediction_outcomes(scorer, item["gold"], pred)
        ids = _unit_ids(extraction)
        kinds = {i.id: i.kind for i in extraction.items}
        for ptype, unit_ids in ids.items():
            for item_id, outcome in zip(unit_ids, outcomes[ptype], strict=False):
                if item_id is None or outcome == NEUTRAL:
                    continue
                signals = extraction.item_signals.get(item_id, {})
                kind = kinds[item_id]
                key = calibration_key(kind, str(signals.get("construction", "clause")))
                samples.append((kind, key, float(signals.get("raw", 0.5)), outcome == CORRECT))
    return samples


def fit(
    samples: list[tuple[str, str, float, bool]], *, min_samples: int, prior_weight: float
) -> dict[str, dict[str, Any]]:
    """One isotonic curve per key with enough samples and one per kind."""
    from sklearn.isotonic import IsotonicRegression  # type: ignore[import-untyped]

    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for kind, key, raw, ok in samples:
        groups[kind].append((raw, ok))
        groups[key].append((raw, ok))
    curves: dict[str, dict[str, Any]] = {}
    kind_rate = {k: sum(ok for _, ok in v) / len(v) for k, v in groups.items() if ":" not in k}
    for key, rows in sorted(groups.items()):
        if len(rows) < min_samples and ":" in key:
            continue
        xs = [r for r, _ in rows]
        ys = [1.0 if ok else 0.0 for _, ok in rows]
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(xs, ys)
        grid = sorted({round(x, 4) for x in xs})
        fitted = [float(v) for v in iso.predict(grid)]
        prior = kind_rate.get(key.split(":")[0], sum(ys) / len(ys))
        n = len(rows)
        weight = n / (n + prior_weight) if ":" in key else 1.0
        shrunk = [round(weight * y + (1 - weight) * prior, 4) for y in fitted]
        curves[key] = {"x": grid, "y": shrunk, "n": n}
    return curves


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="gold answers (the development part)"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--min-samples", type=int, default=12, help="fewer: the key uses its kind's curve"
    )
    ap.add_argument(
        "--prior-weight",
        type=float,
        default=8.0,
        help="pseudo-count pulling a key's curve towards its kind's precision",
    )
    ap.add_argument("--dry-run", action="store_true", help="do not write the map")
    ap.add_argument("--show", action="store_true", help="print every curve")
    args = ap.parse_args(argv)
    if "blind" in args.gold.name:
        print("refusing to fit on the blind part of the set", file=sys.stderr)
        return 2
    samples = collect(args.gold)
    curves = fit(samples, min_samples=args.min_samples, prior_weight=args.prior_weight)
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    data = {
        "format": "grapheme-distill.calibration.v1",
        "extractor": f"spacy@{SpacyExtractor.version}",
        "fitted_on": str(
            args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold
        ),
        "fitted_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "samples": len(samples),
        "method": "isotonic regression per key, shrunk towards the kind's precision",
        "curves": curves,
    }
    print(f"{len(samples)} samples, {len(curves)} curves")
    if args.show:
        for key, c in curves.items():
            print(
                f"  {key:<32} n={c['n']:<4} "
                + " ".join(f"{x:.2f}->{y:.2f}" for x, y in zip(c["x"], c["y"], strict=True))
            )
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
