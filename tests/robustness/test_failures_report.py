"""``grapheme-distill failures`` and :func:`list_failures`: the commonest reasons first."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from grapheme_distill.cli.failures_cmd import failures_cli
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.failures import failure_kind, list_failures
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store


def _store(tmp_path: Path) -> Path:
    lines = [
        b'{"prompt": "Where is Paris?", "response": "Paris is the capital of France."}',
        b"{broken",
        b"{broken too",
        b'{"prompt": "p", "response": "\\ud800"}',
        b"\xff\xfe",
        b"[1, 2]",
    ]
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "s.db"
    store = open_store(db)
    try:
        distill_transcripts([path], store, extractor=RuleExtractor(), skip_bad=True)
        store.record_failure(
            None,
            "topic:x#factual.v1",
            "RetryableTeacherError: openai at http://h/v1 answered HTTP 503: busy; retry later",
        )
    finally:
        store.close()
    return db


def test_list_failures_counts_kinds_commonest_first(tmp_path: Path) -> None:
    store = open_store(_store(tmp_path))
    try:
        report = list_failures(store)
    finally:
        store.close()
    assert report.total == 6
    assert report.kinds[0] == ("bad line: invalid JSON", 3)
    assert dict(report.kinds)["RetryableTeacherError: HTTP 503"] == 1
    assert {
        f.source.rsplit(":", 1)[1] for f in report.failures if f.source.endswith(tuple("23456"))
    } == {"2", "3", "4", "5", "6"}


def test_the_command_prints_a_table_and_json(tmp_path: Path) -> None:
    db = _store(tmp_path)
    shown = CliRunner().invoke(failures_cli, ["--store", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "commonest reasons first" in shown.output and "bad line: invalid JSON" in shown.output
    as_json = CliRunner().invoke(failures_cli, ["--store", str(db), "--json", "--limit", "2"])
    data = json.loads(as_json.output)
    assert data["total"] == 6 and len(data["failures"]) == 2
    missing = CliRunner().invoke(failures_cli, ["--store", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and not (tmp_path / "none.db").exists()


def test_failure_kinds_are_short_and_stable() -> None:
    assert (
        failure_kind("bad line: not UTF-8 text: byte 0xff at byte 3") == "bad line: not UTF-8 text"
    )
    assert failure_kind("FatalTeacherError: openai at u answered HTTP 401: bad key") == (
        "FatalTeacherError: HTTP 401"
    )
    assert failure_kind("RetryableTeacherError: x: cannot connect (refused)") == (
        "RetryableTeacherError: cannot connect"
    )
    assert failure_kind("no knowledge accepted; low_confidence: 0.2") == "no knowledge accepted"
