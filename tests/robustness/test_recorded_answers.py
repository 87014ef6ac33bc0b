"""A recorded answer is data: lines sharing a prompt are all kept unless their id, or their whole
content, says they are the same exchange; the summary says what it skipped and why."""

from __future__ import annotations

import json
from pathlib import Path

from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse

FACTS = [
    "Paris is the capital of France.",
    "Rome is the capital of Italy.",
    "Berlin is the capital of Germany.",
    "Madrid is the capital of Spain.",
    "Vienna is the capital of Austria.",
    "Lisbon is the capital of Portugal.",
    "Athens is the capital of Greece.",
    "Dublin is the capital of Ireland.",
    "Oslo is the capital of Norway.",
]


def _write(path: Path, lines: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _answers(db: Path) -> list[str]:
    store = open_store(db)
    try:
        return sorted(response.text for _, response in store.iter_calls())
    finally:
        store.close()


def test_nine_answers_to_one_prompt_are_nine_exchanges(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "t.jsonl",
        [
            {"id": f"fact-{i}", "prompt": "Tell me a fact.", "response": fact}
            for i, fact in enumerate(FACTS)
        ],
    )
    db = tmp_path / "s.db"
    store = open_store(db)
    try:
        first = distill_transcripts([path], store, extractor=RuleExtractor())
        again = distill_transcripts([path], store, extractor=RuleExtractor())
    finally:
        store.close()
    assert first.processed == 9 and first.already_processed == 0 and not first.skipped
    assert _answers(db) == sorted(FACTS)
    assert again.processed == 0 and again.skipped == {"stored by an earlier run": 9}


def test_lines_without_ids_are_kept_unless_identical(tmp_path: Path) -> None:
    lines: list[dict[str, object]] = [
        {"prompt": "Name a capital.", "response": f} for f in FACTS[:3]
    ]
    lines.append(dict(lines[1]))  # the same line again: the same exchange
    path = _write(tmp_path / "t.jsonl", lines)
    store = open_store(tmp_path / "s.db")
    try:
        summary = distill_transcripts([path], store, extractor=RuleExtractor())
    finally:
        store.close()
    assert summary.processed == 3 and summary.skipped == {"repeated in this input": 1}
    assert summary.skipped_notes == [f"{path}:4 repeats {path}:2 (same content)"]


def test_the_same_id_is_the_same_exchange(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "t.jsonl",
        [
            {"id": "q1", "prompt": "Tell me a fact.", "response": FACTS[0]},
            {"id": "q1", "prompt": "Tell me a fact.", "response": FACTS[1]},
        ],
    )
    store = open_store(tmp_path / "s.db")
    try:
        summary = distill_transcripts([path], store, extractor=RuleExtractor())
    finally:
        store.close()
    assert summary.processed == 1 and summary.skipped == {"repeated in this input": 1}
    assert "same id 'q1'" in summary.skipped_notes[0]


def test_a_line_stored_before_lines_had_identities_is_not_read_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    try:  # what an older version recorded for this line: keyed by the request alone
        old = TeacherRequest(prompt="Tell me a fact.", model="m")
        key = store.record_call(old, TeacherResponse(text=FACTS[0], model="m"))
        assert key == old.content_hash()
        reader = RuleExtractor()
        store.mark_processed(key, f"{reader.name}@{reader.version}")
        path = _write(
            tmp_path / "t.jsonl",
            [
                {"prompt": "Tell me a fact.", "model": "m", "response": FACTS[0]},
                {"prompt": "Tell me a fact.", "model": "m", "response": FACTS[1]},
            ],
        )
        summary = distill_transcripts([path], store, extractor=RuleExtractor())
    finally:
        store.close()
    assert summary.skipped == {"stored by an earlier run": 1} and summary.processed == 1
    assert _answers(db) == sorted(FACTS[:2])
