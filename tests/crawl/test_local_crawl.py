"""(slow) A crawl with the embedded model: one seed, a 10-request budget, grammar-constrained
answers that all parse as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill.crawl import crawl
from grapheme_distill.store import open_store
from grapheme_distill.teachers.local import DEFAULT_LOCAL_MODEL, LocalTeacher


@pytest.mark.slow
def test_local_crawl_answers_all_parse(local_model_dir: Path, tmp_path: Path) -> None:
    teacher = LocalTeacher(DEFAULT_LOCAL_MODEL)
    store = open_store(tmp_path / "kb.db")
    try:
        summary = crawl(
            ["Marie Curie"],
            [teacher],
            store,
            budget_requests=10,
            max_tokens=400,
            max_items=2,
            concurrency=1,
        )
    finally:
        teacher.close()
    assert summary.requests == 10 or summary.outcome == "frontier_empty"
    answers = [response.text for _, response in store.iter_calls()]
    assert len(answers) == summary.requests
    for text in answers:  # strict JSON, no repair: the grammar made it so
        assert isinstance(json.loads(text), dict), text
    assert summary.new_facts > 0 and summary.visited >= 1
