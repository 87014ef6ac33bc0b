"""The executor seam without Ray: the default run imports no Ray, and reading batches ahead of
the writer (what any executor does) changes nothing in the store."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from answers import write_transcript

from grapheme_distill.errors import ConfigError
from grapheme_distill.executors import ExtractJob, LocalExecutor, get_executor
from grapheme_distill.extractors import Extraction, Extractor, get_extractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import MemoryStore, open_store
from grapheme_distill.store.fingerprint import fingerprint_parts, store_fingerprint

T = TypeVar("T")


class ReadAhead(LocalExecutor):
    """Reads every batch before the writer stores the first (the most any executor runs ahead),
    and hands them back in input order."""

    def map_extract(
        self,
        extractor: Extractor,
        batches: Iterable[tuple[T, Sequence[ExtractJob]]],
        *,
        preserve_structure: bool = True,
    ) -> Iterator[tuple[T, list[Extraction | Exception]]]:
        return iter(
            list(super().map_extract(extractor, batches, preserve_structure=preserve_structure))
        )


def test_reading_ahead_of_the_writer_gives_the_same_store(tmp_path: Path) -> None:
    transcript = write_transcript(tmp_path / "answers.jsonl", lines=120)
    one, ahead = open_store(tmp_path / "one.db"), open_store(tmp_path / "ahead.db")
    first = distill_transcripts([transcript], one, extractor=get_extractor("rules"), batch_size=8)
    second = distill_transcripts(
        [transcript], ahead, extractor=get_extractor("rules"), batch_size=8, executor=ReadAhead()
    )
    # repeats of earlier lines were read ahead, then skipped by the writer, as a plain run skips
    assert first.already_processed == second.already_processed > 5
    assert (first.processed, first.new_observations) == (second.processed, second.new_observations)
    assert fingerprint_parts(one) == fingerprint_parts(ahead)
    memory = MemoryStore()  # and the fingerprint does not depend on the backend
    distill_transcripts([transcript], memory, extractor=get_extractor("rules"), batch_size=8)
    assert store_fingerprint(memory) == store_fingerprint(one)
    one.close()
    ahead.close()


def test_fingerprint_sees_a_changed_confidence(tmp_path: Path) -> None:
    transcript = write_transcript(tmp_path / "answers.jsonl", lines=30)
    store = open_store(tmp_path / "s.db")
    distill_transcripts([transcript], store, extractor=get_extractor("rules"))
    before = fingerprint_parts(store)
    with store.transaction():
        store._conn.execute(  # one confidence nudged in the last digits
            "UPDATE relations SET confidence = confidence * (1 - 1e-12) "
            "WHERE id = (SELECT min(id) FROM relations)"
        )
    after = fingerprint_parts(store)
    assert {k for k in before if before[k] != after[k]} == {"relations"}
    store.close()


def test_default_run_imports_no_ray(tmp_path: Path) -> None:
    transcript = write_transcript(tmp_path / "answers.jsonl", lines=12)
    code = (
        "import sys\n"
        "from grapheme_distill.cli import cli\n"
        f"cli.main(['distill', '--transcripts', {str(transcript)!r}, '--store', "
        f"{str(tmp_path / 's.db')!r}, '--extractor', 'rules', '--no-progress', '--json'], "
        "standalone_mode=False)\n"
        "print('RAY' if 'ray' in sys.modules else 'NO-RAY')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("NO-RAY")


def test_get_executor_rejects_what_it_cannot_run() -> None:
    assert isinstance(get_executor("local"), LocalExecutor)
    with pytest.raises(ConfigError, match="available: local, ray"):
        get_executor("dask")
    with pytest.raises(ConfigError, match="--executor ray"):
        get_executor("local", address="auto")
