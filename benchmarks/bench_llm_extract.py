"""Measure the ``llm`` extractor with the embedded local teacher on a gold benchmark.

    .venv/bin/python benchmarks/bench_llm_extract.py [--dataset webnlg2020] [--limit 40]
        [--data-dir ../shared/data] [--out-dir eval-reports] [--option KEY=VALUE ...]
        [--compare spacy]

The scores come from one ``evaluate`` call — exactly what ``grapheme-distill eval --extractor llm
--option teacher=local`` runs, schema-constrained, so each text's category vocabulary goes into the
prompt — but the extractor is the real ``LLMExtractor`` with two recording hooks the CLI has no
place to print: every teacher answer (raw text, prompt/completion tokens, seconds, finish reason)
and every extraction's recorded failures and signals.  Those give the wall time and tokens per text and the
count of texts whose JSON was invalid and what the repair did.  ``--compare spacy`` scores the
same texts with the offline extractor for a same-texts comparison.  Writes
``<out-dir>/<dataset>.llm-local.json`` (report + per-text records) and prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from grapheme_distill.cli.eval_cmd import _options
from grapheme_distill.evaluation import evaluate
from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.llm import LLMExtractor
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.local import LocalTeacher


class RecordingTeacher:
    """Passes requests to the real teacher and keeps each answer with its cost."""

    def __init__(self, inner: LocalTeacher) -> None:
        self.inner = inner
        self.name = inner.name
        self.supports_logprobs = inner.supports_logprobs
        self.calls: list[dict[str, Any]] = []

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        start = time.perf_counter()
        response = self.inner.complete(request)
        self.calls.append(
            {
                "wall_s": time.perf_counter() - start,
                "prompt_tokens": response.usage.prompt_tokens,
                "completion_tokens": response.usage.completion_tokens,
                "finish_reason": response.finish_reason,
                "answer": response.text,
            }
        )
        return response

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        return self.complete(request)


class RecordingLLMExtractor(LLMExtractor):
    """The real extractor; keeps each text's extraction and wall time."""

    records: list[dict[str, Any]]

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        start = time.perf_counter()
        out = super().extract(
            text, prompt=prompt, types=types, preserve_structure=preserve_structure
        )
        self.records.append(
            {
                "text": text,
                "wall_s": time.perf_counter() - start,
                "vocab_size": len(self.relation_vocab),
                "relations": len(out.relations),
                "attributes": len(out.attributes),
                "entities": len(out.entities),
                "signals": dict(out.signals),
                "failures": [{"reason": f.reason, "raw": f.raw[:600]} for f in out.failures],
            }
        )
        return out


def _kind(reason: str) -> str:
    """A failure reason reduced to its class (for counting)."""
    for key, label in (
        ("repaired", "JSON repaired"),
        ("answer was cut", "answer cut"),
        ("is not among the extracted entities", "endpoint not an entity (dropped)"),
        ("no usable item", "no usable item"),
        ("is invalid", "invalid item"),
        ("none of the expected keys", "wrong JSON shape"),
        ("teacher failed", "teacher error"),
    ):
        if key in reason:
            return label
    return reason.split(":")[1].strip() if ":" in reason else reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="webnlg2020")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--out-dir", default="eval-reports")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        help="extractor option KEY=VALUE (teacher.KEY=VALUE for LocalTeacher)",
    )
    parser.add_argument(
        "--compare", default=None, help="also score this extractor on the same texts"
    )
    args = parser.parse_args()
    options = _options(tuple(args.option))
    options.pop("teacher", None)
    teacher = RecordingTeacher(LocalTeacher(**options.pop("teacher_options", {})))
    extractor = RecordingLLMExtractor(teacher, **options)
    extractor.records = []
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    report = evaluate(args.dataset, extractor, data_dir=args.data_dir, limit=args.limit)
    records = extractor.records
    calls = iter(teacher.calls)
    for rec in records:  # one request per text, two when a loop was asked again
        rec["answers"] = [
            next(calls) for _ in range(1 + int(rec["signals"].get("loop_retries", 0)))
        ]
    walls = [r["wall_s"] for r in records]
    completion = [c["completion_tokens"] for c in teacher.calls]
    prompt = [c["prompt_tokens"] for c in teacher.calls]
    kinds = Counter(k for r in records for k in {_kind(f["reason"]) for f in r["failures"]})
    finishes = Counter(c["finish_reason"] for c in teacher.calls)
    summary = {
        "started": started,
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "threads": teacher.inner.threads,
        "texts": len(records),
        "wall_s_per_text": {
            "median": statistics.median(walls),
            "mean": statistics.mean(walls),
            "max": max(walls),
        },
        "prompt_tokens": {"median": statistics.median(prompt), "max": max(prompt)},
        "completion_tokens": {
            "median": statistics.median(completion),
            "max": max(completion),
            "total": sum(completion),
        },
        "decode_tokens_per_s": sum(completion) / sum(c["wall_s"] for c in teacher.calls),
        "finish_reasons": dict(finishes),
        "texts_with_failure_kind": dict(kinds),
        "texts_with_loop_retry": sum(1 for r in records if r["signals"].get("loop_retries")),
        "texts_with_endpoints_from_text": sum(
            1 for r in records if r["signals"].get("endpoints_from_text")
        ),
        "texts_with_no_triple": sum(
            1 for r in records if not r["relations"] and not r["attributes"]
        ),
    }
    payload = {"summary": summary, "report": report.to_dict(), "records": records}
    path = out_dir / f"{args.dataset}.llm-local.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [("llm (local qwen2.5-coder-1.5b)", report)]
    if args.compare:
        rows.append(
            (
                args.compare,
                evaluate(args.dataset, args.compare, data_dir=args.data_dir, limit=args.limit),
            )
        )
    print(json.dumps(summary, indent=2))
    print(f"\n**{args.dataset}**, {report.examples} texts\n")
    print("| extractor | official Exact P / R / F1 | normalised P / R / F1 | ECE | s/text |")
    print("|---|---|---|---|---|")
    for name, rep in rows:
        ex, n = rep.official["exact"], rep.normalised
        print(
            f"| {name} | {ex['precision']:.3f} / {ex['recall']:.3f} / {ex['f1']:.3f} | "
            f"{n['precision']:.3f} / {n['recall']:.3f} / {n['f1']:.3f} | "
            f"{rep.calibration.ece:.3f} | "
            f"{1 / rep.timing['texts_per_second'] if rep.timing['texts_per_second'] else 0:.2f} |"
        )
    print(f"\nreport and per-text records: {path}")


if __name__ == "__main__":
    main()
