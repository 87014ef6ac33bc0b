"""The throughput benchmark compares the extractor with the fastest bare parse it can ask for."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def bench() -> Iterator[ModuleType]:
    yield benchmark_script("bench_extract")


class _Model:
    batch_size = 256


def test_the_floor_is_timed_at_the_asked_and_the_default_batch(bench: ModuleType) -> None:
    # a ratio against 64 texts a batch alone read 0.96 on the KGGen essays, whose bare parse is
    # ~20 % faster at the model's default of 256: the floor is the faster of the two
    assert bench.floor_batches(64, _Model()) == [64, 256]
    assert bench.floor_batches(256, _Model()) == [256]
    assert bench.floor_batches(64, object()) == [64]


def test_pieces_are_timed_at_the_extractors_own_batch(bench: ModuleType) -> None:
    # short pieces go to the parser up to 256 at a time in the extractor; the bare parse of
    # the same pieces is timed at that batch, not at --batch-size
    seen: list[Any] = []

    class Extractor:
        max_chars = 100_000

        def _piece_batch(self, pieces: list[Any]) -> int:
            seen.append(len(pieces))
            return 256

    texts = ["## Title\n\nOne sentence.\n\n- an item\n- another item\n"]
    assert bench.piece_batch(Extractor(), texts) == 256
    assert seen == [len(bench.piece_texts(texts, 100_000))]


def test_the_pieces_are_also_timed_as_the_extractor_parses_them(bench: ModuleType) -> None:
    # the extractor runs the model's attribute ruler by table look-up; the bench times the bare
    # parse that way too, so the extractor's own overhead shows apart from its faster parse
    from grapheme_distill.extractors.spacy_extractor import load_model

    nlp = load_model()
    pieces = ["Marie Curie was born in Warsaw.", "It's the city's oldest bridge."]
    assert bench.time_pieces_fast_rules(nlp, pieces, 2) >= 0.0
    bench.clock = _Clock()
    assert bench.time_pieces_fast_rules(nlp, pieces, 2) == 1.0


class _Clock:
    """A clock that advances by one second a reading (the timing, not the machine, is tested)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_chat_answers_can_be_the_texts(bench: ModuleType, tmp_path: Path) -> None:
    # real assistant markdown (tables, glossaries) shows costs the essays and the synthetic
    # answers cannot: the first 4 x --essays answers of a gold-format file are timed
    rows = [
        {"id": f"a{i}", "response": f"| Key | Value |\n|---|---|\n| n | {i} |\n"} for i in range(9)
    ]
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    texts, source = bench.load_texts(2, False, path)
    assert texts == [r["response"] for r in rows[:8]]
    assert "chat answers (8" in source
