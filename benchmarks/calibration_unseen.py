"""How each way of fitting the calibration map holds on truly unseen reads (issue 11).

Reads collected by ``benchmarks/unseen_reads.py collect`` (one directory): ``head_<set>.jsonl``,
today's code on every development set (devtrain and the gates), and ``cal<K>_val<K>.jsonl``, batch
K read by the code of the commit just before batch K was merged (a truly unseen read).  For each
such batch K, leave one batch out: every recipe is fitted on all items but batch K's (today's reads
and the other batches' unseen reads), and scores batch K's unseen read — relation ECE, item ECE,
item precision at ``min_confidence`` (P@0.65), F1 at it.  Then each recipe fitted on everything is
applied to today's reads of the 25 sets: what it costs in F1 at ``min_confidence`` on the gates.

Recipes (``fit_calibration.py`` flags in brackets):

* ``seen-before a8219f2``: the recipe shipped until the thirty-fourth session (``--seen-before a8219f2
  -C 0.333``): answers in dev at a8219f2 are ``seen``, today's reads of the later ones are taken for
  unseen reads.  Kept as the baseline the unseen-read recipes are judged against.
* ``unseen C=0.333 terms=cell share=0.4`` is the recipe shipped since (``refit_calibration.sh``).
* ``unseen C=x terms=t w=y``: today's reads of every answer are ``seen`` and the unseen reads are
  the unseen items (``--unseen-reads DIR --seen-terms t --unseen-weight y -C x``).

      .venv/bin/python benchmarks/calibration_unseen.py /tmp/cal35/reads

``--floors`` adds, for each chosen recipe but the old ``--seen-before`` one, the micro F1 of what
is output under each map floor of 0 … 0.40 (held out on the unseen reads; today's reads of devtrain
and the gates without an unseen read under the map fitted on everything) and the floor the floor's
rule picks (:func:`output_floor`).

``--thresholds`` adds, for each chosen recipe, the held-out figures at every threshold of the
grid 0.50 … 0.90 (item precision pooled over the unseen reads and per batch, with its standard
error over batches; F1 at the threshold; units kept) and the threshold the default's rule picks
(:func:`default_threshold`; docs/benchmarks.md, thirty-sixth session)::

    .venv/bin/python benchmarks/calibration_unseen.py /tmp/cal35/final/reads --thresholds \
        --only "unseen C=0.333 terms=cell share=0.4"
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fc = _module("fit_calibration")
ur = _module("unseen_reads")


def head_sets(reads: Path) -> list[str]:
    """The sets today's reads in ``reads`` cover (``head_<set>.jsonl``): devtrain, then the gates in
    batch order — whichever are there, so a batch can stand in for the next unseen one (its today's
    read left out, ``benchmarks/refit_calibration.sh``)."""
    names = [p.stem.removeprefix("head_") for p in reads.glob("head_*.jsonl")]
    gates = sorted((n for n in names if n.startswith("val")), key=lambda n: int(n[3:]))
    return [n for n in names if n == "devtrain"] + gates


def gold(set_name: str) -> Path:
    return Path(ur.SETS) / set_name / "gold.jsonl"


@dataclasses.dataclass(frozen=True)
class Recipe:
    name: str
    c: float = 0.333
    terms: str = "cell"
    unseen_weight: float = 1.0
    subset: str = "logistic"
    seen_before: bool = False  # the old --seen-before a8219f2 recipe
    unseen_only: bool = False  # fit on the unseen reads alone
    share: float = 0.0  # --seen-share


def recipes() -> list[Recipe]:
    out = [Recipe("seen-before a8219f2", seen_before=True)]
    for c in (0.333, 0.1):
        for terms in ("cell", "kind", "one"):
            out.append(Recipe(f"unseen C={c:g} terms={terms}", c=c, terms=terms))
    out.append(Recipe("unseen C=0.333 terms=kind w=3", terms="kind", unseen_weight=3.0))
    out.append(
        Recipe("unseen C=0.1 terms=kind signals", c=0.1, terms="kind", subset="logistic-signals")
    )
    out.append(Recipe("unseen-only C=0.1", c=0.1, unseen_only=True))
    for c in (0.1, 1.0):
        out.append(Recipe(f"unseen C={c:g} terms=one share=0.4", c=c, terms="one", share=0.4))
    out.append(Recipe("unseen C=0.333 terms=one share=0.3", terms="one", share=0.3))
    for terms in ("one", "kind", "cell"):
        for share in (0.25, 0.4, 0.5, 0.6):
            out.append(
                Recipe(f"unseen C=0.333 terms={terms} share={share:g}", terms=terms, share=share)
            )
    return out


def training(
    recipe: Recipe,
    head: dict[str, list[Any]],
    unseen: dict[str, list[Any]],
    old_groups: set[str] | None,
    leave: str | None,
) -> list[Any]:
    """The samples ``recipe`` fits on, without set ``leave``'s items."""
    out: list[Any] = []
    if recipe.seen_before:
        assert old_groups is not None
        for s, rows in head.items():
            if s != leave:
                out.extend(dataclasses.replace(x, seen=x.group in old_groups) for x in rows)
        return out
    if not recipe.unseen_only:
        for s, rows in head.items():
            if s != leave:
                out.extend(dataclasses.replace(x, seen=True) for x in rows)
    for s, rows in unseen.items():
        if s != leave:
            out.extend(
                dataclasses.replace(x, seen=False, weight=recipe.unseen_weight) for x in rows
            )
    return out


def seen_groups(chosen: Sequence[Recipe], head: dict[str, list[Any]], rev: str) -> set[str] | None:
    """The answer groups the ``--seen-before rev`` recipe takes as seen (those already in dev at
    ``rev``), when a chosen recipe is that one; else None, without reading git: the other recipes
    run from a copy of the scripts and reads alone (a ``git archive`` tree)."""
    if not any(r.seen_before for r in chosen):
        return None
    every: set[str] = {x.group for rows in head.values() for x in rows}
    since: set[str] = fc.groups_since(fc.DEFAULT_GOLD, rev)
    return every - since


_FITS: dict[tuple[Recipe, str | None], dict[str, Any]] = {}


def fit(recipe: Recipe, samples: Sequence[Any], leave: str | None) -> Any:
    """``recipe``'s map fitted on ``samples`` (the fit without ``leave`` is made once for every
    share of the seen terms: folding them needs no refit)."""
    from grapheme_distill.extractors.confidence import CalibrationMap

    key = (dataclasses.replace(recipe, name="", share=0.0), leave)
    if key not in _FITS:
        _FITS[key] = fc.fit_logistic(
            samples, c=recipe.c, subset=recipe.subset, seen_terms=recipe.terms
        )
    data = dict(_FITS[key])
    if recipe.share:
        data["weights"] = fc.fold_seen(data["weights"], recipe.share)
    return CalibrationMap.from_dict({"format": "grapheme-distill.calibration.v2", **data})


#: the candidate defaults of ``min_confidence`` (``--thresholds``)
GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(9))
#: the default's rule: held out on the unseen reads, pooled item precision at least this
POOLED_FLOOR = 0.80
#: a batch under this at the chosen threshold is reported (a writer the map or the readers fail),
#: not fed into the choice: a threshold cannot mend a batch whose confident units are as often
#: wrong as its middling ones (val35, thirty-sixth session)
BATCH_FLOOR = 0.70


def default_threshold(
    rows: dict[float, dict[str, Any]],
    pooled_floor: float = POOLED_FLOOR,
    batch_floor: float | None = None,
) -> float | None:
    """The rule for the default ``min_confidence``: the lowest threshold of ``rows`` (held-out
    figures per threshold, :func:`threshold_rows`) whose item precision pooled over the unseen
    reads is at least ``pooled_floor`` — pooled, because the issue's target is one precision over
    all the items of a set (blind and the private set are scored so); None when none passes.
    With ``batch_floor`` every batch must reach it too (the rule as first written; it picked 0.90
    on the thirty-fifth session's reads because one batch's precision is flat in the threshold,
    docs/benchmarks.md)."""
    for t in sorted(rows):
        row = rows[t]
        if row["p_at"] < pooled_floor:
            continue
        if batch_floor is None or min(row["batches"].values()) >= batch_floor:
            return t
    return None


def weak_batches(row: dict[str, Any], floor: float = BATCH_FLOOR) -> dict[str, float]:
    """The batches of one threshold's row whose held-out precision is under ``floor``."""
    return {s: p for s, p in row["batches"].items() if p < floor}


def pooled_se(rows: Sequence[dict[str, Any]], draws: int = 2000, seed: int = 0) -> float:
    """The standard error of the pooled item precision of ``rows`` (scored sets), resampling the
    sets with replacement: how far another draw of as many writers could move it."""
    if len(rows) < 2:
        return 0.0
    rng = random.Random(seed)
    values = []
    for _ in range(draws):
        pick = [rows[rng.randrange(len(rows))] for _ in rows]
        tp = sum(r["p_tp"] for r in pick)
        fp = sum(r["p_fp"] for r in pick)
        values.append(tp / (tp + fp) if tp + fp else 0.0)
    mean = sum(values) / len(values)
    return float((sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5)


def threshold_rows(
    maps: dict[str, Any], reads: dict[str, list[Any]], grid: Sequence[float] = GRID
) -> dict[float, dict[str, Any]]:
    """Per threshold of ``grid``: each unseen read (``reads``, by set) scored with its held-out
    map (``maps``, fitted without that batch) — item precision pooled and per batch, its
    standard error over batches, F1 at the threshold pooled, units kept (confident kinds)."""
    out: dict[float, dict[str, Any]] = {}
    for t in grid:
        per = {
            s: ur.score(r, gold(s), maps[s].confidence, threshold=t, full=False)
            for s, r in reads.items()
        }
        pooled = ur.pooled(per.values())
        out[t] = {
            "p_at": pooled["p_at"],
            "p_se": pooled_se(list(per.values())),
            "f1_at": pooled["f1_at"],
            "kept": int(sum(r["p_tp"] + r["p_fp"] for r in per.values())),
            "batches": {s: r["p_at"] for s, r in per.items()},
            "kept_batches": {s: int(r["p_tp"] + r["p_fp"]) for s, r in per.items()},
        }
    return out


def _table_head(
    rows: dict[float, dict[str, Any]], columns: list[str]
) -> tuple[list[str], list[str]]:
    """The batches of ``rows``, newest first, and a markdown table's two head lines: ``columns``,
    then one column per batch."""
    sets = sorted(next(iter(rows.values()))["batches"], key=lambda n: int(n[3:]), reverse=True)
    head = "| " + " | ".join([*columns, *sets]) + " |"
    return sets, [head, "|" + "---|" * (len(columns) + len(sets))]


def threshold_table(rows: dict[float, dict[str, Any]]) -> str:
    """``rows`` as a markdown table, and the threshold the rule picks."""
    sets, lines = _table_head(
        rows, ["threshold", "P pooled (s.e.)", "worst batch", "F1 at t pooled", "units kept"]
    )
    for t, r in sorted(rows.items()):
        worst = min(r["batches"], key=r["batches"].get)
        lines.append(
            f"| {t:.2f} | {r['p_at']:.3f} ({r['p_se']:.3f}) | {r['batches'][worst]:.3f} {worst} "
            f"| {r['f1_at']:.4f} | {r['kept']} | "
            + " | ".join(f"{r['batches'][s]:.3f} ({r['kept_batches'][s]})" for s in sets)
            + " |"
        )
    pick = default_threshold(rows)
    weak = weak_batches(rows[pick]) if pick is not None else {}
    lines.append(
        f"rule (lowest t with pooled P >= {POOLED_FLOOR:.2f}): "
        + ("no threshold passes" if pick is None else f"{pick:.2f}")
        + (
            f"; batches under {BATCH_FLOOR:.2f} there (the readers' to look at): "
            + ", ".join(f"{s} {p:.3f}" for s, p in weak.items())
            if weak
            else ""
        )
    )
    first = default_threshold(rows, batch_floor=BATCH_FLOOR)
    lines.append(
        f"as first written (every batch >= {BATCH_FLOOR:.2f} too): "
        + ("no threshold passes" if first is None else f"{first:.2f}")
    )
    return "\n".join(lines)


#: the candidate output floors of the map (``--floors``; 0: none)
FLOOR_GRID = (0.0, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40)
#: the floor's rule: the gain it must bring, how far the seen sets may fall, how many batches
FLOOR_GAIN = 0.001
FLOOR_SEEN_DROP = 0.001
FLOOR_MAX_DOWN = 3


def floor_rows(
    maps: dict[str, Any],
    reads: dict[str, list[Any]],
    cmap: Any,
    head_reads: dict[str, list[Any]],
    grid: Sequence[float] = FLOOR_GRID,
) -> dict[float, dict[str, Any]]:
    """Per floor of ``grid``: the micro F1 of what is output when items under it are dropped
    (entities always kept) — each unseen read with its held-out map (pooled and per batch), and
    today's reads with ``cmap`` (the map fitted on everything) of devtrain and of the gates that
    have no unseen read (pooled): the answers the readers were tuned on, where a floor must not
    cost."""
    seen_gates = [s for s in head_reads if s.startswith("val") and s not in reads]
    out: dict[float, dict[str, Any]] = {}
    for f in grid:
        per = {
            s: ur.score(r, gold(s), maps[s].confidence, threshold=f, full=False)
            for s, r in reads.items()
        }
        seen = {
            s: ur.score(head_reads[s], gold(s), cmap.confidence, threshold=f, full=False)
            for s in [*seen_gates, "devtrain"]
            if s in head_reads
        }
        out[f] = {
            "micro": ur.pooled(per.values())["f1_at"],
            "batches": {s: r["f1_at"] for s, r in per.items()},
            "seen_gates": ur.pooled(seen[s] for s in seen_gates)["f1_at"] if seen_gates else 0.0,
            "devtrain": seen["devtrain"]["f1_at"] if "devtrain" in seen else 0.0,
        }
    return out


def output_floor(rows: dict[float, dict[str, Any]]) -> float:
    """The floor's rule (written before it was measured, thirty-sixth session): the floor on the
    grid with the highest held-out pooled micro F1 on the unseen reads, among those under which
    today's reads of the seen gates (pooled) and of devtrain fall by at most ``FLOOR_SEEN_DROP``
    and at most ``FLOOR_MAX_DOWN`` unseen batches fall (against no floor); 0 when the best gains
    less than ``FLOOR_GAIN``.  Why a floor at all: an item right with probability c raises the
    expected micro F1 only when c > F/2 (``extractors/confidence.py``)."""
    base = rows[0.0]
    best, gain = 0.0, 0.0
    for f, r in sorted(rows.items()):
        down = sum(r["batches"][s] < base["batches"][s] for s in base["batches"])
        if (
            r["seen_gates"] < base["seen_gates"] - FLOOR_SEEN_DROP
            or r["devtrain"] < base["devtrain"] - FLOOR_SEEN_DROP
            or down > FLOOR_MAX_DOWN
        ):
            continue
        if r["micro"] - base["micro"] > gain:
            best, gain = f, r["micro"] - base["micro"]
    return best if gain >= FLOOR_GAIN else 0.0


def floor_table(rows: dict[float, dict[str, Any]]) -> str:
    """``rows`` (:func:`floor_rows`) as a markdown table, and the floor the rule picks."""
    sets, lines = _table_head(
        rows, ["floor", "micro held out pooled", "batches down", "seen gates", "devtrain"]
    )
    base = rows[0.0]
    for f, r in sorted(rows.items()):
        down = sum(r["batches"][s] < base["batches"][s] for s in sets)
        lines.append(
            f"| {f:.2f} | {r['micro']:.4f} | {down} | {r['seen_gates']:.4f} | {r['devtrain']:.4f} | "
            + " | ".join(f"{r['batches'][s]:.4f}" for s in sets)
            + " |"
        )
    lines.append(
        f"rule (best held-out micro, seen sets within {FLOOR_SEEN_DROP}): "
        f"floor {output_floor(rows):.2f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reads", type=Path)
    ap.add_argument("--seen-before", default="a8219f2")
    ap.add_argument("--only", nargs="*", help="recipe names to run (default: all)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/calibration_unseen.json"))
    ap.add_argument(
        "--thresholds",
        action="store_true",
        help="each recipe's held-out figures per threshold of 0.50 … 0.90 and the default's rule",
    )
    ap.add_argument(
        "--floors",
        action="store_true",
        help="each recipe's held-out micro F1 under output floors 0 ... 0.40 and the floor's rule",
    )
    args = ap.parse_args(argv)
    sets = head_sets(args.reads)
    head_reads = {s: ur.load(args.reads / f"head_{s}.jsonl") for s in sets}
    batches = sorted(
        (int(p.stem.split("_")[0][3:]) for p in args.reads.glob("cal*_val*.jsonl")), reverse=True
    )
    unseen_reads = {f"val{k}": ur.load(args.reads / f"cal{k}_val{k}.jsonl") for k in batches}
    head = {s: fc.samples(r) for s, r in head_reads.items()}
    unseen = {s: fc.samples(r) for s, r in unseen_reads.items()}
    chosen = [r for r in recipes() if not args.only or r.name in args.only]
    old_groups = seen_groups(chosen, head, args.seen_before)
    results: dict[str, Any] = {}
    for r in chosen:
        row: dict[str, Any] = {"held_out": {}, "gates": {}}
        maps = {s: fit(r, training(r, head, unseen, old_groups, s), s) for s in unseen_reads}
        for s in unseen_reads:
            row["held_out"][s] = ur.score(unseen_reads[s], gold(s), maps[s].confidence, full=False)
        if args.thresholds:
            row["thresholds"] = threshold_rows(maps, unseen_reads)
        cmap = fit(r, training(r, head, unseen, old_groups, None), None)
        if args.floors and not r.seen_before:  # the old recipe's floors are no use (time)
            row["floors"] = floor_rows(maps, unseen_reads, cmap, head_reads)
        for s in (s for s in sets if s != "devtrain"):
            row["gates"][s] = ur.score(head_reads[s], gold(s), cmap.confidence, full=False)
        results[r.name] = row
        print(summary(r.name, row), flush=True)
        if args.thresholds:
            print(threshold_table(row["thresholds"]), flush=True)
        if "floors" in row:
            print(floor_table(row["floors"]), flush=True)
    own: dict[str, Any] = {"held_out": {}, "gates": {}}
    for s in unseen_reads:
        own["held_out"][s] = ur.score(unseen_reads[s], gold(s), None)
    for s in sets:
        own["gates"][s] = ur.score(head_reads[s], gold(s), None)
    results["own map"] = own
    print(summary("own map", own))
    slim = {
        name: {
            part: {
                k: {f: v for f, v in r.items() if f not in ("items", "relations")}
                for k, r in rows.items()
            }
            for part, rows in row.items()
        }
        for name, row in results.items()
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(slim, indent=1))
    return 0


def summary(name: str, row: dict[str, Any]) -> str:
    held = row["held_out"]
    gates = [v for k, v in row["gates"].items() if k != "devtrain"]
    pooled_held = ur.pooled(held.values())
    pooled_gates = ur.pooled(gates)
    n = len(held)
    mean = {
        k: sum(v[k] for v in held.values()) / n for k in ("rel_ece", "item_ece", "p_at", "f1_at")
    }
    return (
        f"{name:38} held-out mean rel ECE {mean['rel_ece']:.3f} item ECE {mean['item_ece']:.3f} "
        f"(pooled {pooled_held['rel_ece']:.3f} / {pooled_held['item_ece']:.3f}) "
        f"P@.65 {mean['p_at']:.3f} (pooled {pooled_held['p_at']:.3f}) F1@.65 pooled "
        f"{pooled_held['f1_at']:.4f} | gates pooled F1@.65 {pooled_gates['f1_at']:.4f} "
        f"P@.65 {pooled_gates['p_at']:.3f} mean P@.65 "
        f"{sum(g['p_at'] for g in gates) / len(gates):.3f}"
    )


if __name__ == "__main__":
    sys.exit(main())
