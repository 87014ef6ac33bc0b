"""``make_answer_set.py export``: a batch of annotated answers kept outside ``annotated/`` (held
out while the readers change) becomes one JSONL in the line format of ``dev.jsonl``, validated the
way ``split`` validates, without joining the split.

Only synthetic annotation files in ``tmp_path`` are read here, never a held-out batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score_answers.py"

WRITTEN = """### w-900
domain: places
primary: factual
prompt: Where is Lyon?
response:
**Lyon** is a city in France, on the Rhône.

- **Population:** about 520,000
gold:
E LOCATION | Lyon
E LOCATION | France
E LOCATION | Rhône
E NUMBER | about 520,000
R Lyon | located_in | France
R Lyon | located_on | Rhône
R Lyon | population | about 520,000

"""

GENERATED = """### local-90-fact
domain: food
primary: factual
response: @raw
gold:
E CONCEPT | pesto
E CONCEPT | basil
H part_of | pesto | basil
L definition | pesto | a sauce of crushed basil
P make pesto
- crush the basil
- stir in the oil
"""

RAW = {
    "id": "local-90-fact",
    "source": "local-teacher",
    "domain": "food",
    "topic": "pesto",
    "primary_type": "factual",
    "template": "factual.v1",
    "model": "some-model",
    "date": "2026-12-03",
    "prompt": "Tell me about pesto.",
    "response": "Pesto is a sauce of crushed basil. Crush the basil, then stir in the oil.",
}


@pytest.fixture(scope="module")
def mas() -> ModuleType:
    """``benchmarks/make_answer_set.py`` as a module (benchmarks/ is no package)."""
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_answers.py is not beside the project")
    return benchmark_script("make_answer_set")


@pytest.fixture
def batch(tmp_path: Path) -> tuple[list[Path], Path]:
    """Two annotation files (a written answer, a generated one) and the raw answers file."""
    written, local = tmp_path / "written9.txt", tmp_path / "local9.txt"
    written.write_text(WRITTEN, encoding="utf-8")
    local.write_text(GENERATED, encoding="utf-8")
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps(RAW) + "\n", encoding="utf-8")
    return [local, written], raw


def test_export_writes_every_answer_unsplit_in_id_order(
    mas: ModuleType, batch: tuple[list[Path], Path], tmp_path: Path
) -> None:
    pool, raw = batch
    out = tmp_path / "sub" / "fresh.jsonl"
    assert (
        mas.main(["export", "--pool", *map(str, pool), "--raw", str(raw), "--out", str(out)]) == 0
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["local-90-fact", "w-900"]
    generated, written = rows
    # the generated answer is resolved from the raw file, with its provenance
    assert generated["source"] == "local-teacher"
    assert generated["response"] == RAW["response"]
    assert generated["template"] == "factual.v1" and generated["topic"] == "pesto"
    assert generated["gold"]["procedures"] == [
        {"goal": "make pesto", "steps": ["crush the basil", "stir in the oil"]}
    ]
    assert written["source"] == "written" and written["primary_type"] == "factual"
    assert written["response"].startswith("**Lyon** is a city")
    assert written["response"].endswith("about 520,000")
    assert {
        "subject": "Lyon",
        "predicate": "population",
        "object": "about 520,000",
        "negated": False,
    } in written["gold"]["relations"]
    # the items split would deal, and the reference scorer accepts the file
    assert sorted(mas.load_pool(pool, raw), key=lambda r: r["id"]) == rows
    from grapheme_distill.evaluation.answers import load_scorer

    assert load_scorer().validate_gold(rows) == []


def _bad_gold(pool: list[Path], raw: Path, tmp: Path) -> tuple[list[Path], Path]:
    pool[1].write_text(WRITTEN.replace("E LOCATION | Rhône\n", ""), encoding="utf-8")
    return pool, raw


def _no_raw(pool: list[Path], raw: Path, tmp: Path) -> tuple[list[Path], Path]:
    raw.write_text("", encoding="utf-8")
    return pool, raw


def _twice(pool: list[Path], raw: Path, tmp: Path) -> tuple[list[Path], Path]:
    (tmp / "twice.txt").write_text(WRITTEN, encoding="utf-8")
    return [*pool, tmp / "twice.txt"], raw


def _missing(pool: list[Path], raw: Path, tmp: Path) -> tuple[list[Path], Path]:
    return [*pool, tmp / "nope.txt"], raw


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_bad_gold, r"written9\.txt: .*relation node not an entity: 'Rhône'"),
        (_no_raw, r"local9\.txt:4: no generated answer with id local-90-fact"),
        (_twice, r"duplicate id: 'w-900'"),
        (_missing, r"nope\.txt: no such annotation file"),
    ],
)
def test_export_refuses_bad_input_naming_file_and_reason(
    mas: ModuleType,
    batch: tuple[list[Path], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: Callable[[list[Path], Path, Path], tuple[list[Path], Path]],
    message: str,
) -> None:
    """Gold the reference scorer rejects, a generated answer missing from the raw file, an id
    given twice, a file that is not there: exit 2, one line naming file and reason, no output."""
    pool, raw = spoil(*batch, tmp_path)
    out = tmp_path / "fresh.jsonl"
    code = mas.main(["export", "--pool", *map(str, pool), "--raw", str(raw), "--out", str(out)])
    assert code == 2
    assert re.search(message, capsys.readouterr().err)
    assert not out.exists()


def test_split_deals_only_the_annotated_folder_by_default(mas: ModuleType) -> None:
    """A batch kept in fresh/ (or anywhere else) never joins dev/blind unless moved."""
    annotated = (ROOT / "benchmarks" / "data" / "answers" / "annotated").resolve()
    pool = mas.default_pool()
    assert pool, "annotated/*.txt is the split's pool"
    assert all(p.resolve().parent == annotated and p.suffix == ".txt" for p in pool)
