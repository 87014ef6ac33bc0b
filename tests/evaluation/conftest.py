"""Shared helpers for the evaluation tests: paths into ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def webnlg_dir(shared_data: Path) -> Path:
    return shared_data / "webnlg2020"


@pytest.fixture
def dbpedia_dir(shared_data: Path) -> Path:
    return shared_data / "text2kgbench" / "dbpedia_webnlg"
