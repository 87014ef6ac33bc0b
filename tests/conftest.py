"""Shared fixtures.  Tests are offline: no network beyond 127.0.0.1 servers the tests start."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

# Property tests run without deadlines and with a fixed seed sequence: a gate that fails because
# the machine was busy (a 200 ms deadline missed under load) or because today's random draw
# differed is a broken gate.  `HYPOTHESIS_PROFILE=explore` searches wider, with fresh randomness.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    deadline=None,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"


def benchmark_script(name: str) -> ModuleType:
    """A script under ``benchmarks/`` as a module.  ``benchmarks/`` is no package: it is on the
    path only while the script (and the sibling scripts it imports) load."""
    where = str(ROOT / "benchmarks")
    sys.path.insert(0, where)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(where)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test reads the user's config, env overrides or API keys."""
    import os

    for key in list(os.environ):
        if key.startswith("GRAPHEME_DISTILL_") or key.endswith("_API_KEY"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not beside the project")
    return DATA


def _real_model_dir() -> Path:
    """The user's weights cache, resolved before tests move HOME (assembling 1 GB per test
    would make slow tests slower than they need to be)."""
    import os

    env = os.environ.get("GRAPHEME_DISTILL_MODEL_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "grapheme-distill" / "models"


REAL_MODEL_DIR = _real_model_dir()


@pytest.fixture
def local_model_dir(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the embedded teacher at the real weights cache (for @pytest.mark.slow tests)."""
    monkeypatch.setenv("GRAPHEME_DISTILL_MODEL_DIR", str(REAL_MODEL_DIR))
    return REAL_MODEL_DIR
