"""Run the issue-7 evaluations and print the markdown table for docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_eval.py [--data-dir ../shared/data] [--out-dir eval-reports]
        [--extractors spacy,baseline] [--datasets webnlg2020-seen,webnlg2020-unseen-categories]
        [--limit N]

Each (dataset, extractor) pair is one ``evaluate`` call — exactly what ``grapheme-distill eval``
runs — and its JSON report is written to ``--out-dir``.  The table lists the official score, the
normalised (fuzzy) score, the margin of the first extractor over ``baseline`` and the calibration
error, beside the published reference numbers the scorers were validated against.  For every
WebNLG dataset (the full test set or a split) the loss breakdown of ``spacy`` follows its table
(``explain_losses``: where the gold and predicted triples went, top predicate confusions).
``--datasets`` picks the datasets (default: the full WebNLG test set and both Text2KGBench sets).
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from grapheme_distill.evaluation import DATASETS, evaluate, is_webnlg

PUBLISHED = {
    "webnlg2020": "Amazon AI (fine-tuned, winner) Exact F1 0.689; bt5 0.682 (our scorer: 0.689 / 0.682)",
    "text2kgbench-dbpedia": "Vicuna-13B (few-shot) P 0.34 R 0.27 F1 0.30 (our scorer: 0.347 / 0.277 / 0.299)",
    "text2kgbench-wikidata": "Vicuna-13B (few-shot) P 0.38 R 0.35 F1 0.35",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--out-dir", default="eval-reports")
    parser.add_argument("--extractors", default="spacy,rules,baseline")
    parser.add_argument(
        "--datasets",
        default="webnlg2020,text2kgbench-dbpedia,text2kgbench-wikidata",
        help=f"comma-separated, from: {', '.join(DATASETS)}",
    )
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    unknown = [d for d in args.datasets.split(",") if d not in DATASETS]
    if unknown:
        parser.error(f"unknown dataset(s) {', '.join(unknown)}; choose from {', '.join(DATASETS)}")
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = args.extractors.split(",")
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n"
    )
    for dataset in args.datasets.split(","):
        rows = {}
        for name in names:
            rows[name] = evaluate(
                dataset,
                name,
                data_dir=args.data_dir,
                limit=args.limit,
                out=out_dir / f"{dataset}.{name}.json",
            )
        print(
            f"**{dataset}** ({rows[names[0]].examples} texts; reference: {PUBLISHED.get(dataset, '-')})\n"
        )
        if is_webnlg(dataset):
            print(
                "| extractor | official Exact P / R / F1 | Partial F1 | normalised P / R / F1 | "
                "unlabelled F1 | ECE | texts/s |"
            )
            print("|---|---|---|---|---|---|---|")
        else:
            print(
                "| extractor | official P / R / F1 | OC / SH / RH / OH | normalised P / R / F1 | "
                "unlabelled F1 | ECE | texts/s |"
            )
            print("|---|---|---|---|---|---|---|")
        for rep in rows.values():
            o, n = rep.official, rep.normalised
            if "exact" in o:
                off = f"{o['exact']['precision']:.3f} / {o['exact']['recall']:.3f} / **{o['exact']['f1']:.3f}**"
                mid = f"{o['partial']['f1']:.3f}"
            else:
                off = f"{o['precision']:.3f} / {o['recall']:.3f} / **{o['f1']:.3f}**"
                mid = (
                    f"{o['onto_conformance']:.2f} / {o['sub_hallucination']:.2f} / "
                    f"{o['rel_hallucination']:.2f} / {o['obj_hallucination']:.2f}"
                )
            print(
                f"| {rep.extractor} | {off} | {mid} | {n['precision']:.3f} / {n['recall']:.3f} / "
                f"**{n['f1']:.3f}** | {n['unlabelled_f1']:.3f} | {rep.calibration.ece:.3f} | "
                f"{rep.timing['texts_per_second']:.0f} |"
            )
        print()
        if "baseline" in rows and names[0] != "baseline":
            first, base = rows[names[0]], rows["baseline"]
            key = (
                (lambda r: r.official["exact"]["f1"])
                if "exact" in first.official
                else (lambda r: r.official["f1"])
            )
            print(
                f"margin of {names[0]} over baseline: official F1 "
                f"{key(first) - key(base):+.3f}, normalised F1 "
                f"{first.normalised['f1'] - base.normalised['f1']:+.3f}\n"
            )
        spacy = rows.get("spacy")
        if is_webnlg(dataset) and spacy is not None and spacy.losses is not None:
            print(f"Where {spacy.extractor} loses on {dataset}:\n")
            print("```")
            print(spacy.losses.table())
            print("```\n")


if __name__ == "__main__":
    main()
