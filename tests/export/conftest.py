"""The sample store (:mod:`sample_store`), built once and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_store import build_store

from grapheme_distill.store import SQLiteStore, open_store


@pytest.fixture(scope="session")
def _distilled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("distilled") / "g.db"
    build_store(path).close()
    return path


@pytest.fixture
def distilled(_distilled_file: Path, tmp_path: Path) -> Iterator[SQLiteStore]:
    """A private copy of the sample store (a test may write to it)."""
    path = tmp_path / "distilled.db"
    shutil.copy(_distilled_file, path)
    store = open_store(path)
    yield store
    store.close()
