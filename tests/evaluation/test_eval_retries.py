"""``eval`` with an LLM teacher retries transient failures like every other run: a teacher named by
``--set teacher=NAME`` is opened with the standard stack (retries honouring Retry-After), so a
server answering every 4th request with a 429 costs time, not texts."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "crawl"))

from knowledge_server import KnowledgeServer

from grapheme_distill.evaluation import evaluate
from grapheme_distill.evaluation.datasets import Dataset, Example, Triple


def test_eval_with_a_named_llm_teacher_retries_429s() -> None:
    examples = [
        Example(
            f"e{i}",
            f"Node {i} is linked to Node {2 * i + 1}.",
            (Triple(f"Node {i}", "linked_to", f"Node {2 * i + 1}"),),
            "g",
        )
        for i in range(12)
    ]
    dataset = Dataset("webnlg2020", examples, {"g": ("linked_to",)}, "the test's one predicate")
    reports = []
    for fault_every in (0, 4):
        with KnowledgeServer(size=100, fault_every=fault_every, fault_kind="429:0.05") as server:
            reports.append(
                evaluate(
                    dataset,
                    "llm",
                    extractor_options={
                        "teacher": "vllm",
                        "teacher_options": {"base_url": server.url + "/v1", "model": "m"},
                    },
                )
            )
            faults = server.requests - len(examples)
    assert faults >= 3  # the server did refuse some requests...
    failures = reports[1].failures
    assert failures["examples_with_failures"] == 0, failures["failure_samples"]  # ...none lost
    assert failures["examples_raising"] == 0, failures["raising_samples"]
    assert reports[1].official == reports[0].official  # the same scores as without faults
    assert reports[0].official["exact"]["recall"] > 0
