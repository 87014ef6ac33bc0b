"""The shipped linear models: file format, errors that name the file, and a fit round trip."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.learned import LinearModel, load_linear_model, shipped_model
from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def learned_fit() -> Iterator[ModuleType]:
    yield benchmark_script("learned_fit")


def test_probability_is_the_sigmoid_of_bias_plus_present_weights() -> None:
    model = LinearModel("t", bias=-1.0, weights={"a": 2.0, "b": -3.0}, threshold=0.6)
    assert model.probability([]) == pytest.approx(1 / (1 + math.e))
    # a feature listed twice counts once; an unknown feature weighs nothing
    assert model.logit(["a", "a", "zzz"]) == pytest.approx(1.0)
    assert model.accepts(["a"]) and not model.accepts(["a", "b"])
    assert model.probability(["b"]) < 0.02
    # large scores neither overflow nor leave [0, 1]
    assert LinearModel("t", -800.0, {}).probability([]) == pytest.approx(0.0)
    assert LinearModel("t", 800.0, {}).probability([]) == 1.0


def test_the_score_does_not_depend_on_the_hash_seed() -> None:
    """Features come as a set, ordered by the process's hash seed; a Ray worker has another seed
    than the driver, and the store's digests must not differ (tests/executors/test_ray.py)."""
    code = (
        "from grapheme_distill.extractors.learned import LinearModel; "
        "w = {'a': 1e16, 'b': 1.0, 'c': -1e16, 'd': 1.0, 'e': 1.0, 'f': 1.0}; "
        "print(repr(LinearModel('t', 0.0, w).logit(list(w))))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert seen == {"4.0"}  # exact: no order loses the small weights next to the large ones


def test_a_model_file_round_trips_and_bad_files_name_themselves(tmp_path: Path) -> None:
    model = LinearModel("rel", 0.5, {"x": 1.25}, 0.7, {"fitted_on": "dev75"})
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()), "utf-8")
    again = load_linear_model(path)
    assert again == model and again.meta["fitted_on"] == "dev75"

    path.write_text('{"format": "linear-v1",\n "name": ', "utf-8")
    with pytest.raises(ConfigError, match=r"m\.json: line 2: not JSON"):
        load_linear_model(path)
    path.write_text(json.dumps({**model.to_dict(), "threshold": 3}), "utf-8")
    with pytest.raises(ConfigError, match="threshold outside"):
        load_linear_model(path)
    path.write_text(json.dumps({**model.to_dict(), "format": "other"}), "utf-8")
    with pytest.raises(ConfigError, match="unknown model format"):
        load_linear_model(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_linear_model(tmp_path / "absent.json")


def test_no_shipped_model_of_an_unknown_name() -> None:
    assert shipped_model("no-such-reader") is None


def test_fit_learns_the_cue_and_the_threshold_is_chosen_out_of_fold(
    learned_fit: ModuleType, tmp_path: Path
) -> None:
    pytest.importorskip("sklearn")
    sample = learned_fit.Sample
    samples = [
        sample(["cue", f"noise={i % 3}"] if i % 2 else [f"noise={i % 3}"], bool(i % 2), f"g{i % 7}")
        for i in range(140)
    ]
    probs = learned_fit.out_of_fold(samples, c=1.0, folds=5)
    t, f1 = learned_fit.best_threshold(probs, [s.label for s in samples])
    assert f1 == pytest.approx(1.0) and 0.5 < t < 1.0
    # gold that no candidate reaches lowers the best F1 it reports
    assert learned_fit.best_threshold(probs, [s.label for s in samples], 70)[1] < 0.7
    model = learned_fit.fit_linear(samples, "toy", threshold=t, meta={"fitted_on": "toy"})
    assert model.weights["cue"] > 1.0 and model.accepts(["cue"]) and not model.accepts([])
    learned_fit.write_model(model, tmp_path / "models" / "toy.json")
    assert load_linear_model(tmp_path / "models" / "toy.json") == model
