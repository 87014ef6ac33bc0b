"""The spaCy reader gives the same items and confidences whatever the process's hash seed.

A Ray worker runs with another ``PYTHONHASHSEED`` than the driver, and a distributed run must
store exactly what a single-process run stores (tests/executors/test_ray.py).  Anything that
walks a set of strings in a reader (which source proposed an edge first, the order float weights
are added in) would make the two differ; this reads real development answers in processes with
different seeds and compares every item's id and confidence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy")

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "answers" / "dev.jsonl"
# answers whose hierarchy edges are proposed by more than one source (w-128: the topic and the
# first subject name the same parent), where the first source names the edge's construction
IDS = ("w-128", "w-130")

_CODE = """
import json, sys
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
rows = [r for r in rows if r["id"] in sys.argv[2].split(",")]
out = []
for e in SpacyExtractor().pipe([(r["prompt"], r["response"]) for r in rows]):
    out.append(sorted((str(i.id), repr(getattr(i, "confidence", None))) for i in e.items))
print(json.dumps(out))
"""


def _read(seed: int) -> list[list[list[str]]]:
    done = subprocess.run(
        [sys.executable, "-c", _CODE, str(DEV), ",".join(IDS)],
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[list[list[str]]] = json.loads(done.stdout)
    return result


def test_items_and_confidences_do_not_depend_on_the_hash_seed() -> None:
    first = _read(1)
    assert len(first) == len(IDS) and all(first)
    assert _read(2) == first
