"""Transcripts in: native JSONL, OpenAI chat completions and batch output; bad lines reported."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from grapheme_distill import InputError, KnowledgeType
from grapheme_distill.transcripts import TranscriptReader, parse_exchange, read_transcripts

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

LOGPROBS: list[dict[str, Any]] = [
    {
        "token": "Paris",
        "logprob": -0.01,
        "top_logprobs": [{"token": "Paris", "logprob": -0.01}, {"token": "Lyon", "logprob": -5.0}],
    },
    {
        "token": " is",
        "logprob": -0.2,
        "top_logprobs": [{"token": " is", "logprob": -0.2}, {"token": " was", "logprob": -1.8}],
    },
]
COMPLETION = {
    "id": "chatcmpl-123",
    "object": "chat.completion",
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Paris is in France."},
            "logprobs": {"content": LOGPROBS},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
}


def write(tmp_path: Path, lines: list[Any], name: str = "t.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


def test_example_file_reads() -> None:
    exchanges = read_transcripts([EXAMPLES / "transcripts.jsonl"])
    assert len(exchanges) == 5
    first = exchanges[0]
    assert first.id == "paris-1" and first.knowledge_type is KnowledgeType.RELATIONAL
    assert first.request.model == "recorded-example" and first.request.temperature == 0.0
    assert first.source.endswith("transcripts.jsonl:1")
    assert first.prompt == "Tell me about Paris."


@pytest.mark.parametrize(
    ("line", "text", "model", "tokens"),
    [
        (
            {
                "prompt": "Where is Paris?",
                "response": "Paris is in France.",
                "logprobs": LOGPROBS,
                "model": "m",
            },
            "Paris is in France.",
            "m",
            0,
        ),
        (
            {"messages": [{"role": "user", "content": "Where is Paris?"}], "response": COMPLETION},
            "Paris is in France.",
            "gpt-4o-mini",
            17,
        ),
        (COMPLETION, "Paris is in France.", "gpt-4o-mini", 17),
        (
            {
                "id": "batch_req_1",
                "custom_id": "q-7",
                "response": {"status_code": 200, "request_id": "r", "body": COMPLETION},
                "error": None,
            },
            "Paris is in France.",
            "gpt-4o-mini",
            17,
        ),
    ],
    ids=["native", "native-with-completion", "chat-completion", "batch-output"],
)
def test_shapes(line: dict[str, Any], text: str, model: str, tokens: int) -> None:
    ex = parse_exchange(line, "f:1")
    assert ex.response.text == text
    assert ex.response.model == model
    assert ex.response.usage.total_tokens == tokens
    assert ex.response.logprobs is not None and len(ex.response.logprobs) == 2
    targets = ex.soft_targets()
    assert [t.metadata["position"] for t in targets] == [0, 1]
    assert targets[0].argmax() == "Paris" and targets[1].slot == "Paris"
    listed = sum(math.exp(x["logprob"]) for x in LOGPROBS[0]["top_logprobs"])
    assert targets[0].tail_mass == pytest.approx(1 - listed, abs=1e-9)


def test_recordings_without_prompt_get_distinct_requests() -> None:
    other = {**COMPLETION, "id": "chatcmpl-456"}
    a, b = parse_exchange(COMPLETION), parse_exchange(other)
    assert a.call_hash != b.call_hash and a.prompt == b.prompt == ""


def test_logprobs_imply_logprob_request_params() -> None:
    ex = parse_exchange({"prompt": "p", "response": "r", "logprobs": {"content": LOGPROBS}})
    assert ex.request.logprobs is True and ex.request.top_logprobs == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"prompt": "p"}', "missing 'response'"),
        (
            '{"prompt": "p", "messages": [], "response": "r"}',
            "messages: List should have at least 1",
        ),
        (
            '{"prompt": "p", "messages": [{"role": "user", "content": "q"}], "response": "r"}',
            "exactly one of",
        ),
        ('{"prompt": "p", "response": "r", "knowledge_type": "gossip"}', "unknown knowledge_type"),
        ('{"prompt": "p", "response": "r", "logprobs": [{"token": "a"}]}', "invalid exchange"),
        (
            '{"custom_id": "q", "response": {"status_code": 429, "body": {"error": {"message": "rate limited"}}}}',
            "rate limited",
        ),
        ('{"choices": []}', "choices: List should have at least 1 item"),
    ],
)
def test_bad_line_names_file_line_and_reason(tmp_path: Path, line: str, reason: str) -> None:
    good = {"prompt": "p", "response": "r"}
    path = write(tmp_path, [good, "", line])
    with pytest.raises(InputError) as err:
        read_transcripts([path])
    assert err.value.line == 3 and err.value.path == str(path)
    assert reason in str(err.value) and str(err.value).startswith(f"{path}:3: ")


def test_skip_bad_counts_and_writes_side_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            {"prompt": "p1", "response": "r1"},
            "{broken",
            {"prompt": "p2"},
            {"prompt": "p3", "response": "r3"},
        ],
    )
    reader = TranscriptReader([path], skip_bad=True)
    assert [e.prompt for e in reader] == ["p1", "p3"]
    assert reader.stats.rejected == 2 and reader.stats.exchanges == 2 and reader.stats.lines == 4
    side = Path(reader.stats.rejected_files[0])
    assert side.read_text().splitlines() == ["{broken", '{"prompt": "p2"}']
    assert [e.line for e in reader.stats.errors] == [2, 3]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such transcript file"):
        TranscriptReader([tmp_path / "missing.jsonl"])


def test_non_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"prompt": "p", "response": "r"}\n{"prompt": "caf\xe9", "response": "r"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        read_transcripts([path])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"prompt": "p", "response": "\\ud800"}', "surrogate"),
        ('{"prompt": "p", "response": "r", "model": "\\udc00"}', "surrogate"),
        ('{"choices": "not a list"}', "choices: Input should be a valid list"),
        ('{"choices": ["text"]}', "choices.0: Input should be a valid dictionary"),
        ('{"messages": "hi", "response": "r"}', "messages: Input should be a valid list"),
        ('{"messages": [["user", "hi"]], "response": "r"}', "messages.0"),
        ("[" * 1000 + "]" * 1000, "nested deeper than"),
        ('{"prompt": "p", "response": "r", "usage": {"prompt_tokens": Infinity}}', "invalid JSON"),
        ('{"prompt": "p", "response": "r", "usage": {"prompt_tokens": 1e400}}', "out of range"),
        (
            '{"prompt": "p", "response": "r", "usage": {"prompt_tokens": -3}}',
            "greater than or equal",
        ),
        ('{"prompt": "p", "response": "r", "usage": {"completion_tokens": true}}', "valid integer"),
        (
            '{"prompt": "p", "response": "r", "usage": {"prompt_tokens": 1' + "0" * 30 + "}}",
            "less than or equal",
        ),
        ('{"prompt": "p", "response": "r", "params": {"temperature": NaN}}', "invalid JSON"),
        ('{"prompt": "p", "response": "r", "params": {"temperature": -0.5}}', "params.temperature"),
        ('{"prompt": "p", "response": "r", "params": {"max_tokens": false}}', "params.max_tokens"),
        ('{"prompt": "p", "response": "r", "params": {"top_p": 2}}', "params.top_p"),
        (
            '{"prompt": "p", "response": "a", "logprobs": [{"token": "a", "logprob": 0.5}]}',
            "at most 0",
        ),
    ],
)
def test_hostile_values_are_bad_lines_with_a_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = write(
        tmp_path, [{"prompt": "ok", "response": "fine"}, line, {"prompt": "q", "response": "a"}]
    )
    reader = TranscriptReader([path], skip_bad=True)
    assert [e.prompt for e in reader] == ["ok", "q"]  # the rest of the file is still read
    (error,) = reader.stats.errors
    assert error.line == 2 and reason in error.reason, error.reason
    str(error).encode("utf-8")  # printable: no lone surrogate in the message


def test_lines_are_counted_as_wc_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"prompt": "p1",\r "response": "r1"}\n'  # BOM, lone CR: one line
        b'{"prompt": "caf\xe9", "response": "r"}\n'  # Latin-1: not UTF-8
        b'{"prompt": "p3", "response": "r3"}\n'
    )
    reader = TranscriptReader([path], skip_bad=True)
    assert [e.prompt for e in reader] == ["p1", "p3"]
    (error,) = reader.stats.errors
    assert error.line == 2 and "not UTF-8" in error.reason and "0xe9" in error.reason
    with pytest.raises(InputError) as err:
        read_transcripts([path])
    assert err.value.line == 2


def test_an_over_long_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = write(
        tmp_path, [{"prompt": "p", "response": "x" * 5000}, {"prompt": "q", "response": "a"}]
    )
    reader = TranscriptReader([path], skip_bad=True, max_line_bytes=1000)
    assert [e.prompt for e in reader] == ["q"]
    assert "longer than 1,000 bytes" in reader.stats.errors[0].reason
    side = Path(reader.stats.rejected_files[0]).read_text().splitlines()
    assert len(side) == 1 and len(side[0]) > 5000  # verbatim, whole
