"""Per-group figures on the development answers (issue 11): all, by source, and the newest batch.

The whole-split figures of ``bench_answers.py`` hide how a reader meets styles it was not written
against.  This script runs one extractor once over the development split and scores groups of its
answers with the reference scorer (``../shared/eval/score_answers.py``): every answer, the
written and the local-teacher answers, and the answers added in the second batch (ids
``w-055`` … ``w-078`` and ``local-14`` … ``local-16``; ``--batch`` changes the pattern), which
were measured before their misses were read and so show how the readers generalise.  Per type
it prints F1 with precision and recall; it never prints misses or false positives.

It refuses the blind split and the held-out ``fresh/`` batch: nobody develops against those
(see ``benchmarks/data/answers/README.md``).

Usage::

    .venv/bin/python benchmarks/bench_answer_groups.py                     # spacy on dev
    .venv/bin/python benchmarks/bench_answer_groups.py --extractor rules -o groups.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from grapheme_distill.evaluation.answers import extraction_to_pred, load_scorer, read_gold
from grapheme_distill.extractors import get_extractor

DATA = Path(__file__).resolve().parent / "data" / "answers"
TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")
NEWEST = r"^(?:w-0(?:5[5-9]|6\d|7[0-8])|local-1[4-6]-)"


def groups(items: list[dict[str, Any]], batch: str) -> dict[str, list[dict[str, Any]]]:
    """The answers of each group, in file order."""
    out: dict[str, list[dict[str, Any]]] = {"all": items}
    for item in items:
        out.setdefault(str(item.get("source", "?")), []).append(item)
    out["newest batch"] = [i for i in items if re.match(batch, i["id"])]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DATA / "dev.jsonl")
    ap.add_argument("--extractor", default="spacy")
    ap.add_argument("--batch", default=NEWEST, help="id pattern of the newest batch")
    ap.add_argument("-o", "--output", type=Path, default=None, help="write the rows as JSON")
    args = ap.parse_args(argv)
    if re.search(r"blind|fresh", str(args.gold)):
        print(f"{args.gold}: held-out answers are not for development figures", file=sys.stderr)
        return 2
    scorer = load_scorer()
    items = read_gold(args.gold, scorer)
    extractor = get_extractor(args.extractor)
    preds: dict[str, dict[str, Any]] = {}
    for item in items:
        pred, _ = extraction_to_pred(extractor.extract(item["response"], prompt=item["prompt"]))
        preds[item["id"]] = pred
    rows = []
    for name, members in groups(items, args.batch).items():
        result = scorer.score(members, {i["id"]: preds[i["id"]] for i in members})
        rows.append(
            {
                "group": name,
                "answers": len(members),
                **{t: result["types"][t] for t in TYPES},
                "micro": result["micro"],
            }
        )
    print(f"{args.gold.name}, extractor {args.extractor}: F1 (P / R) per type")
    print("| group | n | " + " | ".join(TYPES) + " | micro |")
    print("|---|---|" + "---|" * (len(TYPES) + 1))
    for row in rows:
        cells = [
            f"{row[t]['f1']:.3f} ({row[t]['precision']:.2f} / {row[t]['recall']:.2f})"
            for t in (*TYPES, "micro")
        ]
        print(f"| {row['group']} | {row['answers']} | " + " | ".join(cells) + " |")
    if args.output is not None:
        args.output.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
