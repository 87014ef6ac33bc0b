"""Property-based fuzzing of everything read from outside: transcript lines and teacher bodies.

The strategies build JSON from the keys the readers look for, with values of every type —
non-finite numbers, lone surrogates, deep nesting, wrong shapes — plus raw bytes.  The properties:
a line is either an exchange or a rejection naming its file and line (never another exception),
an accepted exchange holds only values the store and the console can take, and a teacher body is
either an answer or a :class:`TeacherError`.  Example counts are modest so the suite stays fast on
two busy cores; the ``ci`` profile (tests/conftest.py) has no deadline and a fixed seed sequence.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grapheme_distill.errors import InputError, TeacherError
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.ollama import OllamaTeacher
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.transcripts import Exchange, TranscriptReader, parse_exchange

KEYS = [
    "prompt",
    "messages",
    "response",
    "choices",
    "custom_id",
    "params",
    "logprobs",
    "usage",
    "model",
    "id",
    "knowledge_type",
    "error",
    "message",
    "content",
    "role",
    "text",
    "token",
    "logprob",
    "top_logprobs",
    "prompt_tokens",
    "completion_tokens",
    "temperature",
    "top_p",
    "max_tokens",
    "seed",
    "n",
    "status_code",
    "body",
    "refusal",
    "tokens",
    "token_logprobs",
    "input_tokens",
    "output_tokens",
    "type",
    "eval_count",
    "prompt_eval_count",
    "done",
]
ROLES = st.sampled_from(["user", "assistant", "system", "tool", ""])
TEXT = st.text(
    st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Po", "Cs", "Cc", "So"]), max_size=12
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 10**30)
    | TEXT
    | ROLES
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([-0.5, 0.0, 1e-9, 0.3])
)


def _json_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=5)
        ),
        max_leaves=25,
    )


VALUES = _json_values()
OBJECTS = st.dictionaries(st.sampled_from(KEYS), VALUES, min_size=1, max_size=6)
NESTED = st.integers(1, 3000).map(lambda d: "[" * d + "]" * d)


def _line(obj: Any) -> bytes:
    """JSON text as a hostile writer makes it: NaN/Infinity tokens, surrogate escapes."""
    return json.dumps(obj, ensure_ascii=True, allow_nan=True).encode()


LINES = st.one_of(
    OBJECTS.map(_line),
    VALUES.map(_line),
    NESTED.map(str.encode),
    st.binary(max_size=80),
    OBJECTS.map(_line).map(lambda b: b[: max(1, len(b) // 2)]),  # truncated
    st.builds(lambda obj: _line({"prompt": "p", **obj}), OBJECTS),
    st.builds(lambda obj: _line({"choices": [obj]}), OBJECTS),
    st.builds(lambda obj: _line({"custom_id": "c", "response": obj}), OBJECTS),
)


def _assert_storable(text: str) -> None:
    text.encode("utf-8")  # the console, the logs and SQLite all encode it


def _check_exchange(ex: Exchange) -> None:
    """What an accepted exchange may hold: text, non-negative counts, sane numbers."""
    _assert_storable(ex.response.text)
    _assert_storable(ex.request.model_dump_json())
    assert ex.response.usage.prompt_tokens >= 0 and ex.response.usage.completion_tokens >= 0
    assert math.isfinite(ex.request.temperature) and ex.request.temperature >= 0
    for token in ex.response.logprobs or ():
        assert token.logprob <= 0 and not math.isnan(token.logprob)
        assert all(alt.logprob <= 0 for alt in token.top_logprobs)


@settings(max_examples=200)
@given(st.lists(LINES, min_size=1, max_size=6))
def test_a_transcript_line_is_an_exchange_or_a_located_rejection(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "t.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    split = b"\n".join(lines).split(b"\n")
    split[0] = split[0].removeprefix(b"\xef\xbb\xbf")  # a BOM opening the file is no content
    numbers = [i for i, raw in enumerate(split, 1) if raw.strip()]
    reader = TranscriptReader([path], skip_bad=True)
    accepted = []
    for ex in reader:
        _check_exchange(ex)
        accepted.append(int(ex.source.rsplit(":", 1)[1]))
    rejected = [e.line or 0 for e in reader.stats.errors]
    assert sorted(accepted + rejected) == numbers  # every line accounted for, at its number
    for error in reader.stats.errors:
        assert str(error).startswith(f"{path}:{error.line}: ") and error.reason
        _assert_storable(str(error))
    strict = TranscriptReader([path])
    try:
        assert len(list(strict)) == len(accepted)
    except InputError as exc:
        assert exc.line == min(rejected)


@settings(max_examples=200)
@given(VALUES)
def test_parse_exchange_rejects_with_a_reason_never_a_crash(obj: Any) -> None:
    try:
        ex = parse_exchange(obj, "f:1")
    except (ValueError, TypeError, KeyError) as exc:
        assert str(exc)
    else:
        _check_exchange(ex)


BODY_KEYS = st.sampled_from(KEYS)
BODIES = st.one_of(
    st.builds(
        lambda c, u, m: {"choices": c, "usage": u, "model": m},
        st.lists(st.dictionaries(BODY_KEYS, VALUES, max_size=4), max_size=3) | VALUES,
        VALUES,
        VALUES,
    ),
    st.builds(lambda c, extra: {"message": c, **extra}, VALUES, st.dictionaries(BODY_KEYS, VALUES)),
    st.builds(lambda c, u: {"content": c, "usage": u}, VALUES, VALUES),
    VALUES,
).map(_line)
STATUSES = st.sampled_from([200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 408, 429, 500, 503])
TEACHERS = [
    OpenAICompatTeacher(base_url="http://127.0.0.1:9/v1", model="m", api_key_env=None),
    OllamaTeacher(base_url="http://127.0.0.1:9", model="m"),
    AnthropicTeacher(base_url="http://127.0.0.1:9", model="m", api_key_env=None),
]


@settings(max_examples=300)
@given(
    st.sampled_from(TEACHERS), STATUSES, BODIES | st.binary(max_size=60) | NESTED.map(str.encode)
)
def test_a_teacher_body_is_an_answer_or_a_teacher_error(
    teacher: OpenAICompatTeacher, status: int, body: bytes
) -> None:
    request = TeacherRequest(prompt="q")
    try:
        response = teacher._finish(request, status, httpx.Headers(), body, 0.01)
    except TeacherError as exc:
        _assert_storable(str(exc))
    else:
        assert isinstance(response, TeacherResponse) and 200 <= status < 300
        _assert_storable(response.text)
        assert response.usage.prompt_tokens >= 0 and response.usage.completion_tokens >= 0


@settings(max_examples=15)
@given(st.lists(LINES, min_size=1, max_size=12))
def test_the_pipeline_never_fails_on_hostile_lines(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]
) -> None:
    folder = tmp_path_factory.mktemp("pipe")
    path = folder / "t.jsonl"
    path.write_bytes(
        b"\n".join(
            [*lines, _line({"prompt": "Where is Paris?", "response": "Paris is in France."})]
        )
        + b"\n"
    )
    store = open_store(folder / "s.db")
    try:
        summary = distill_transcripts([path], store, extractor=RuleExtractor(), skip_bad=True)
        assert summary.exchanges + summary.bad_lines == sum(
            1 for raw in path.read_bytes().split(b"\n") if raw.strip()
        )
        assert summary.processed + summary.already_processed >= 1  # the last, good line
    finally:
        store.close()


def test_fuzz_corpus_dir_is_not_left_behind(tmp_path: Path) -> None:
    """The reader writes rejected lines beside the input only when asked to skip them."""
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"{broken\n")
    with pytest.raises(InputError):
        list(TranscriptReader([path]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.jsonl"]
