"""Transcript inputs for the executor tests: real recorded answers, with repeats and samples.

The answers are the annotated chat-assistant answers in ``benchmarks/data/answers`` (written and
local-teacher ones), made into distinct exchanges by numbering the prompt; some lines repeat an
earlier exchange exactly (a deterministic request answered again: the same call, skipped) and some
are a second *sampled* answer to the same prompt (independent evidence: confidences combine by
noisy-or).  The repeats fall in later batches than their originals, which is where a writer that
ran ahead of the store would go wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "benchmarks" / "data" / "answers"


def recorded_answers() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for name in ("dev", "blind")
        for line in (ANSWERS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def write_transcript(path: Path, lines: int = 150) -> Path:
    """``lines`` transcript lines: distinct exchanges, exact repeats and sampled answers."""
    answers = recorded_answers()
    out: list[dict[str, Any]] = []
    for i in range(lines):
        if i % 10 == 9:  # an exact repeat of a line three batches back (skipped by the writer)
            out.append(out[max(0, i - 25)])
            continue
        row = answers[i % len(answers)]
        prompt = f"{row['prompt']} (question {i % 110})"
        if i % 10 == 4:  # a sampled request: each distinct answer is its own evidence
            out.append(
                {
                    "prompt": prompt,
                    "response": row["response"],
                    "model": "m",
                    "params": {"temperature": 0.8},
                }
            )
            out.append(
                {
                    "prompt": prompt,
                    "response": answers[(i + 7) % len(answers)]["response"],
                    "model": "m",
                    "params": {"temperature": 0.8},
                }
            )
            continue
        out.append({"prompt": prompt, "response": row["response"], "model": "m"})
    path.write_text("".join(json.dumps(line) + "\n" for line in out[:lines]), encoding="utf-8")
    return path
