"""The development set of annotated answers (``benchmarks/data/answers``): the split files are
exactly what ``make_answer_set.py split`` builds from the annotation source, growing the set never
moves an earlier answer to the other split, and the set keeps the size and mix issue 11 asks for.

Only ids, sources and domains of ``blind.jsonl`` are read here (never its answers' contents for
development): the split rule is about which file an id lands in.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "benchmarks" / "data" / "answers"
SCORER = ROOT.parent / "shared" / "eval" / "score_answers.py"


@pytest.fixture(scope="module")
def mas() -> ModuleType:
    """``benchmarks/make_answer_set.py`` imported as a module (benchmarks/ is no package)."""
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_answers.py is not beside the project")
    spec = importlib.util.spec_from_file_location(
        "make_answer_set", ROOT / "benchmarks" / "make_answer_set.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _pool() -> list[Path]:
    return sorted((ANSWERS / "annotated").glob("*.txt"))


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_split_files_are_what_the_split_command_builds(mas: ModuleType, tmp_path: Path) -> None:
    """Nobody edits dev.jsonl / blind.jsonl by hand: rebuilt from annotated/*.txt, byte for byte."""
    dev, blind = tmp_path / "dev.jsonl", tmp_path / "blind.jsonl"
    raw = ANSWERS / "raw" / "local_answers.jsonl"
    assert mas.split(_pool(), raw, dev, blind, mas.SEED) == 0
    assert dev.read_bytes() == (ANSWERS / "dev.jsonl").read_bytes()
    assert blind.read_bytes() == (ANSWERS / "blind.jsonl").read_bytes()


def test_growing_the_set_never_moves_an_earlier_answer(mas: ModuleType) -> None:
    """Deal the pool without the last two answers of every stratum, then the whole pool: every
    answer of the smaller deal lands in the same part in the larger one."""
    items = mas.load_pool(_pool(), ANSWERS / "raw" / "local_answers.jsonl")
    strata: dict[tuple[str, str], list[str]] = {}
    for it in items:
        strata.setdefault((it["source"], it["domain"]), []).append(it["id"])
    dropped = {i for ids in strata.values() for i in sorted(ids, key=mas.id_order)[-2:]}
    small = mas.assign([it for it in items if it["id"] not in dropped], mas.SEED)
    full = mas.assign(items, mas.SEED)
    for part in ("dev", "blind"):
        before = {r["id"] for r in small[part]}
        after = {r["id"] for r in full[part]}
        assert before, part
        assert before <= after, (part, sorted(before - after))
    assert sum(len(v) for v in small.values()) == len(items) - len(dropped)


def test_a_four_digit_id_comes_after_every_three_digit_one(mas: ModuleType) -> None:
    """The id "w-1000" is dealt after "w-999" (as a string it sorts before "w-102"): appending it moves
    no earlier answer of its stratum to the other part."""
    rows = [{"id": f"w-{n:03d}", "source": "written", "domain": "people"} for n in range(95, 120)]
    later = [{"id": f"w-{n}", "source": "written", "domain": "people"} for n in (1000, 1001)]
    small = mas.assign(rows, mas.SEED)
    full = mas.assign(rows + later, mas.SEED)
    for part in ("dev", "blind"):
        assert {r["id"] for r in small[part]} <= {r["id"] for r in full[part]}, part
    assert sorted(["w-1000", "w-102", "w-999"], key=mas.id_order) == ["w-102", "w-999", "w-1000"]


def test_the_set_keeps_the_size_and_mix_issue_11_asks_for() -> None:
    dev, blind = _rows(ANSWERS / "dev.jsonl"), _rows(ANSWERS / "blind.jsonl")
    rows = dev + blind
    assert len(rows) >= 80
    assert len({r["id"] for r in rows}) == len(rows)
    sources = Counter(r["source"] for r in rows)
    assert sources["local-teacher"] >= 30
    assert 0.35 <= len(blind) / len(rows) <= 0.45
    domains = {r["domain"] for r in rows}
    assert len(domains) >= 14, sorted(domains)


def test_a_malformed_gold_line_names_file_and_line(mas: ModuleType, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "### w-999\ndomain: food\nprimary: factual\nprompt: p\nresponse:\nText.\ngold:\n"
        "E CONCEPT | text\nR text | only_two_fields\n",
        encoding="utf-8",
    )
    with pytest.raises(mas.AnnotationError, match=r"bad\.txt:9: expected 3 non-empty fields"):
        mas.parse_annotations(bad, {})
