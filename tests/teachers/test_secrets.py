"""API keys never reach the store, the cache, logs, exception messages or reprs."""

from __future__ import annotations

import json
import logging
import traceback
from pathlib import Path

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import FatalTeacherError
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.batch import complete_many
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.registry import get_teacher
from grapheme_distill.teachers.wrappers import (
    MemoryCache,
    RecordingTeacher,
    TranscriptWriter,
    wrap_teacher,
)

SECRET = "sk-SECRET-7f3c9a1b2d4e6f80"
WRONG = "sk-WRONG-0a1b2c3d4e5f6a7b"


@pytest.mark.parametrize("source", ["env", "config"])
async def test_secret_appears_nowhere(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path, source: str
) -> None:
    from grapheme_distill.store import open_store

    caplog.set_level(logging.DEBUG)  # httpx, httpcore and our own loggers, everything
    seen: list[str] = []
    with FakeLLMServer(api_key=SECRET) as server:
        url = server.url + "/v1"
        if source == "env":
            monkeypatch.setenv("SECRET_TEST_KEY", SECRET)
            teacher = get_teacher(
                "openai", base_url=url, model="m", api_key_env="SECRET_TEST_KEY", timeout=2.0
            )
        else:
            teacher = get_teacher("openai", base_url=url, model="m", api_key=SECRET, timeout=2.0)
        cache = MemoryCache()
        store = open_store(tmp_path / "kg.sqlite")
        transcript = TranscriptWriter(tmp_path / "run.jsonl")
        stack = wrap_teacher(
            RecordingTeacher(teacher, transcript),
            recorder=store,
            cache=cache,
            backoff_initial=0.01,
            backoff_max=0.02,
            max_attempts=3,
        )
        server.faults.extend(
            ["429:0", "500", "timeout", "truncate", "malformed", "500", "500", "500"]
        )
        requests = [TeacherRequest(prompt=f"q{i}", logprobs=True, top_logprobs=2) for i in range(6)]
        requests.append(TeacherRequest(prompt="[[fault:400]]"))
        results = await complete_many(stack, requests + requests[:2], concurrency=1)
        assert sum(r.ok for r in results) >= 6 and any(not r.ok for r in results)
        for result in results:
            seen.append(json.dumps([result.request.model_dump(), result.error]))
            if result.response is not None:
                seen.append(result.response.model_dump_json())
        # a wrong key: the server echoes it in its 401 message, as OpenAI does
        wrong = OpenAICompatTeacher(base_url=url, model="m", api_key=WRONG)
        with pytest.raises(FatalTeacherError) as info:
            await wrong.acomplete(TeacherRequest(prompt="q"))
        echoed = "".join(traceback.format_exception(info.value))
        assert "Incorrect API key provided: ***" in echoed  # redacted, not dropped
        seen.append(echoed)
        anthropic = AnthropicTeacher(base_url=server.url, model="c", api_key=SECRET)
        await anthropic.acomplete(TeacherRequest(prompt="hello"))
        seen += [
            repr(teacher),
            str(teacher),
            repr(stack),
            repr(anthropic),
            repr(vars(teacher)),
            json.dumps(stack.account.summary()),
        ]
        for request, response in store.iter_calls():
            seen += [request.model_dump_json(), response.model_dump_json()]
        seen += [response.model_dump_json() for response in cache._data.values()]
        store.close()
        transcript.close()
        assert SECRET in server.auth_seen  # the key did travel, in the header only
    seen.append(caplog.text)
    seen += [r.getMessage() for r in caplog.records]
    db = b"".join(p.read_bytes() for p in tmp_path.glob("kg.sqlite*"))
    assert b"Answer: q0" in db  # the store really holds the exchanges we searched
    assert SECRET.encode() not in db
    written = (tmp_path / "run.jsonl").read_text()
    assert "Answer: q0" in written and SECRET not in written
    for text in seen:
        assert SECRET not in text and WRONG not in text
