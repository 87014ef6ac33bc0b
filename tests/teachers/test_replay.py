"""The replay teacher: recorded answers by request hash; strict and lenient misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill import ReplayMiss, Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.store import open_store
from grapheme_distill.teachers.base import Message
from grapheme_distill.teachers.replay import ReplayTeacher

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def paris_request() -> TeacherRequest:
    return TeacherRequest(prompt="Tell me about Paris.", model="recorded-example", temperature=0.0)


def test_serves_recording_by_request_hash() -> None:
    teacher = ReplayTeacher.from_transcripts([EXAMPLES / "transcripts.jsonl"])
    assert isinstance(teacher, Teacher)
    response = teacher.complete(paris_request())
    assert response.text.startswith("Paris is the capital of France.")
    assert response.request_hash == paris_request().content_hash()
    assert teacher.report() == {"recordings": 5, "hits": 1, "misses": 0}


async def test_async_twin() -> None:
    teacher = ReplayTeacher.from_transcripts([EXAMPLES / "transcripts.jsonl"])
    assert (await teacher.acomplete(paris_request())).text == teacher.complete(paris_request()).text


@pytest.mark.parametrize(
    "change", [{"model": "other"}, {"temperature": 0.7}, {"prompt": "Tell me about Rome."}]
)
def test_strict_miss_raises(change: dict[str, object]) -> None:
    teacher = ReplayTeacher.from_transcripts([EXAMPLES / "transcripts.jsonl"])
    request = paris_request().model_copy(update=change)
    with pytest.raises(ReplayMiss) as err:
        teacher.complete(request)
    assert err.value.request_hash == request.content_hash()


def test_lenient_miss_is_counted_and_reported() -> None:
    teacher = ReplayTeacher.from_transcripts([EXAMPLES / "transcripts.jsonl"], strict=False)
    miss = teacher.complete(TeacherRequest(prompt="Unknown?"))
    assert miss.text == "" and miss.finish_reason == "replay_miss"
    teacher.complete(paris_request())
    assert teacher.report() == {"recordings": 5, "hits": 1, "misses": 1}
    assert teacher.misses == [TeacherRequest(prompt="Unknown?").content_hash()]


def test_prompt_fallback_ignores_sampling_settings() -> None:
    teacher = ReplayTeacher.from_transcripts([EXAMPLES / "transcripts.jsonl"], match_prompt=True)
    assert teacher.complete(paris_request().model_copy(update={"model": "x"})).text.startswith(
        "Paris"
    )


def test_replays_a_store_call_log(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    req = TeacherRequest(messages=(Message(role="user", content="Hi"),), model="m")
    store.record_call(req, TeacherResponse(text="Hello."))
    store.record_call(req, TeacherResponse(text="Second answer is ignored."))
    teacher = ReplayTeacher.from_store(store)
    assert teacher.complete(req).text == "Hello."
    store.close()


def test_first_recording_wins(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({"prompt": "p", "response": r}) for r in ("one", "two")))
    assert ReplayTeacher.from_transcripts([path]).complete(TeacherRequest(prompt="p")).text == "one"
