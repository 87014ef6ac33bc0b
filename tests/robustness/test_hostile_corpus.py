"""The hostile corpus (tests/robustness/hostile.py, 1,689 lines) through the reader, the pipeline
and the real CLI: no traceback, every rejection with its file and line, every good line kept."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import LONG_LINE_LIMIT, HostileLine, write

from grapheme_distill.errors import InputError
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store
from grapheme_distill.transcripts import TranscriptReader

#: classes every field must reject, whatever the field
ALWAYS_BAD = (
    "surrogate ",
    "surrogate in",
    "nesting 6",
    "nesting 1",
    "nesting 2",
    "nesting 5",
    "nesting 9",
    "bad number in",
)
NON_FINITE = ("Infinity", "NaN", "1e400")


def _must_reject(line: HostileLine) -> bool:
    if line.good or line.kind.startswith("surrogate pair escape"):
        return False
    if line.kind.startswith(("surrogate", "nesting")):
        return "allowed" not in line.kind
    return any(bad in line.raw.decode("utf-8", "replace") for bad in NON_FINITE) and (
        line.kind.startswith("bad number")
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[HostileLine]]:
    path = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    return path, write(path)


def test_the_reader_rejects_cleanly_and_keeps_every_good_line(
    corpus: tuple[Path, list[HostileLine]],
) -> None:
    path, lines = corpus
    assert len(lines) > 1000
    reader = TranscriptReader([path], skip_bad=True, max_line_bytes=LONG_LINE_LIMIT)
    accepted = {int(ex.source.rsplit(":", 1)[1]) for ex in reader}
    rejected = {e.line or 0 for e in reader.stats.errors}
    assert accepted.isdisjoint(rejected) and len(accepted) + len(rejected) == len(lines)
    assert all(
        e.path == str(path) and str(e).startswith(f"{path}:{e.line}: ") for e in reader.stats.errors
    )
    for number, line in enumerate(lines, start=1):
        if line.good:
            assert number in accepted, (number, line.kind)
        if _must_reject(line) or line.kind in {
            "invalid UTF-8 byte",
            "line over the size limit",
            "BOM not at the start",
            "refusal",
            "tool call",
        }:
            assert number in rejected, (number, line.kind)
    side = Path(reader.stats.rejected_files[0]).read_bytes().split(b"\n")[:-1]
    assert side == [lines[n - 1].raw for n in sorted(rejected)]  # verbatim, in order


def test_invalid_utf8_is_reported_at_its_true_line(corpus: tuple[Path, list[HostileLine]]) -> None:
    path, lines = corpus
    number = next(i for i, line in enumerate(lines, 1) if line.kind == "invalid UTF-8 byte")
    with pytest.raises(InputError) as err:
        for _ in TranscriptReader([path]):
            pass
    first_bad = min(i for i, line in enumerate(lines, 1) if not line.good and _rejected(line))
    assert err.value.line == first_bad <= number


def _rejected(line: HostileLine) -> bool:
    reader = TranscriptReader.__new__(TranscriptReader)
    reader.max_depth, reader.max_line_bytes = 64, LONG_LINE_LIMIT
    try:
        reader._parse(line.raw, "x:1")
    except Exception:  # noqa: BLE001 - _BadLine; anything else fails the caller's assertion
        return True
    return False


def test_the_pipeline_stores_every_good_exchange_and_records_every_bad_line(
    corpus: tuple[Path, list[HostileLine]],
    tmp_path: Path,
) -> None:
    path, lines = corpus
    db = tmp_path / "s.db"
    store = open_store(db)
    try:
        summary = distill_transcripts([path], store, extractor=RuleExtractor(), skip_bad=True)
        bad = [f for f in store.failures() if f["reason"].startswith("bad line")]
    finally:
        store.close()
    assert summary.bad_lines == len(bad) > 1000
    assert summary.exchanges + summary.bad_lines == len(lines)
    with sqlite3.connect(db) as conn:
        answers = {row[0] for row in conn.execute("SELECT response FROM teacher_calls")}
    for line in lines:
        if line.good:  # no good answer lost: the nine facts and three rivers included
            answer = json.loads(line.raw.removeprefix(b"\xef\xbb\xbf"))
            text = answer.get("response")
            if isinstance(text, str):
                assert text in answers, (line.kind, text)


def test_the_cli_never_shows_a_traceback(
    corpus: tuple[Path, list[HostileLine]], tmp_path: Path
) -> None:
    path, lines = corpus
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    base = [
        sys.executable,
        "-m",
        "grapheme_distill",
        "distill",
        "--transcripts",
        str(path),
        "--extractor",
        "rules",
        "--no-progress",
    ]
    done = subprocess.run(
        [*base, "--store", str(tmp_path / "a.db"), "--skip-bad", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    summary = json.loads(done.stdout)
    assert summary["bad_lines"] > 1000
    stopped = subprocess.run(
        [*base, "--store", str(tmp_path / "b.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr
    first_bad = next(i for i, line in enumerate(lines, 1) if not line.good and _rejected(line))
    assert stopped.stderr.startswith(f"Error: {path}:{first_bad}: "), stopped.stderr[:500]
