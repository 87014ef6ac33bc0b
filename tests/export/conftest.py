"""A store distilled once from the example transcripts, shared (read-only) by the export tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import SQLiteStore, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def _distilled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("distilled") / "g.db"
    store = open_store(path)
    distill_transcripts([EXAMPLES / "transcripts.jsonl"], store)
    store.close()
    return path


@pytest.fixture
def distilled(_distilled_file: Path, tmp_path: Path) -> Iterator[SQLiteStore]:
    """A private copy of the distilled store (a test may write to it)."""
    path = tmp_path / "distilled.db"
    shutil.copy(_distilled_file, path)
    store = open_store(path)
    yield store
    store.close()
