"""``benchmarks/split_by_batch.py``: the dev answers by annotation batch (the calibration refit's
sets), never a blind answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "benchmarks" / "data" / "answers"


def _module() -> Any:
    return benchmark_script("split_by_batch")


def _ids(path: Path) -> list[str]:
    return [json.loads(x)["id"] for x in path.read_text(encoding="utf-8").splitlines() if x]


def test_every_dev_answer_lands_in_its_batch_s_set_and_no_blind_one(tmp_path: Path) -> None:
    sbb = _module()
    counts = sbb.split(tmp_path)
    written = {p.name: _ids(p / "gold.jsonl") for p in tmp_path.iterdir()}
    assert {k: len(v) for k, v in written.items()} == counts
    dev, blind = _ids(ANSWERS / "dev.jsonl"), set(_ids(ANSWERS / "blind.jsonl"))
    assert sorted(i for ids in written.values() for i in ids) == sorted(dev)
    assert not blind & {i for ids in written.values() for i in ids}
    of = sbb.batches()
    assert all(of[i] <= sbb.DEVTRAIN_LAST for i in written["devtrain"])
    assert all(of[i] == 35 for i in written["val35"]) and written["val35"]
    assert sorted(written, key=sbb.set_key)[0] == "devtrain"
