"""Procedure probes (issue 11, twenty-fourth session): short how-to answers written for the tests,
one layout each (bold step titles, "Step 1:" labels and headings, numbered headings and title
lines, nested, lettered, "1)", emoji-numbered and checkbox lists, bullets under a lead-in, prose,
tables, two procedures, recipes, notes between the steps, prompts that ask for no steps), with
their procedures annotated by the gold conventions of shared/eval/README.md before the extractor
was run on them (tests/data/probes/procedures.jsonl).  Through the real pipeline and model: the
layouts fixed this session must give every gold step, and all probes together most of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

_PROBES = Path(__file__).parents[2] / "data" / "probes" / "procedures.jsonl"
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "your",
        "it",
        "its",
        "then",
        "into",
        "from",
        "by",
    ]
)


def _probes() -> dict[str, dict[str, Any]]:
    lines = _PROBES.read_text(encoding="utf-8").splitlines()
    return {d["id"]: d for d in map(json.loads, lines)}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _similar(gold: str, pred: str) -> bool:
    """The scorer's step match, roughly: token containment either way or a close spelling."""
    a, b = _words(gold), _words(pred)
    if a and b and min(len(a), len(b)) >= 2 and len(a & b) / min(len(a), len(b)) >= 0.6:
        return True
    return SequenceMatcher(None, gold.lower(), pred.lower()).ratio() >= 0.6


@pytest.fixture(scope="module")
def extractor() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor()


def _recalled(extractor: SpacyExtractor, probe: dict[str, Any]) -> tuple[int, int]:
    ex = extractor.extract(probe["response"], prompt=probe["prompt"])
    predicted = [s for p in ex.procedures for s in p.steps]
    gold = [s for p in probe["gold"]["procedures"] for s in p["steps"]]
    return sum(1 for g in gold if any(_similar(g, p) for p in predicted)), len(gold)


@pytest.mark.parametrize(
    "probe",
    [
        "lettered-1",  # "a) … b) …" lines
        "emoji-num-1",  # "1️⃣ … 2️⃣ …" lines
        "bold-para-1",  # "**1. Title**" lines over body paragraphs
        "notes-between-1",  # a warning and a tip between numbered steps
        "bold-bullets-1",  # "- **Brew the tea:** Steep …" under "### Steps"
        "prose-2",  # "You then pay …"
        "noun-title-2",  # "1. **Preparation** – Warm the engine …"
        "schedule-1",  # "- **Weeks 1–2:** Alternate …"
        "phase-bullets-1",  # "### Phase 1: …" over bullets, a numbered list elsewhere
        "roman-1",  # "I. … II. …" lines
    ],
)
def test_the_layouts_fixed_this_session_give_every_step(
    extractor: SpacyExtractor, probe: str
) -> None:
    found, total = _recalled(extractor, _probes()[f"probe-proc-{probe}"])
    assert found == total


def test_the_probes_give_most_of_their_steps(extractor: SpacyExtractor) -> None:
    counts = [_recalled(extractor, p) for p in _probes().values()]
    assert sum(f for f, _ in counts) / sum(t for _, t in counts) >= 0.9
