"""``grapheme-distill teachers list|ask`` end to end against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from grapheme_distill.teachers import registry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "teachers"))
from fakeserver import FakeLLMServer
from test_commands import run  # the CLI runner the other CLI tests use


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLMServer]:
    monkeypatch.setattr(registry, "_PRESETS", dict(registry._PRESETS))  # config tables stay local
    with FakeLLMServer() as fake:
        yield fake


def _config(tmp_path: Path, server: FakeLLMServer) -> Path:
    path = tmp_path / "run.toml"
    path.write_text(
        "[distillation]\ntemperature = 2.0\n"
        f'[teachers.box]\nbase_url = "{server.url}/v1"\nmodel = "box-model"\n'
        "[prices.box-model]\ninput = 1000.0\noutput = 2000.0\n"
    )
    return path


def test_list_shows_builtins_presets_and_config_servers(
    server: FakeLLMServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["teachers", "list", "--config", str(_config(tmp_path, server)), "--json"], capsys
    )
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["box"] == {
        "name": "box",
        "kind": "openai",
        "source": "preset",
        "base_url": f"{server.url}/v1",
        "model": "box-model",
    }
    assert {"openai", "ollama", "anthropic", "local", "replay", "vllm"} <= set(rows)


def test_ask_prints_answer_tokens_cost_and_logprobs(
    server: FakeLLMServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, server)
    server.faults.append("500")  # retried, and the retry is reported
    code, out, _ = run(
        [
            "teachers",
            "ask",
            "The capital of France is",
            "--teacher",
            "box",
            "--config",
            str(config),
            "--top-logprobs",
            "3",
            "--json",
        ],
        capsys,
    )
    assert code == 0
    data = json.loads(out)
    assert data["response"]["text"] == "Answer: The capital of France is"
    assert len(data["response"]["logprobs"][0]["top_logprobs"]) == 3
    assert data["account"]["retries"] == 1
    # 5 prompt tokens at $1000/M + 6 completion tokens at $2000/M
    assert data["account"]["cost_usd"] == pytest.approx((5 * 1000 + 6 * 2000) / 1e6)
    code, out, _ = run(
        [
            "teachers",
            "ask",
            "hello",
            "--teacher",
            "box",
            "--config",
            str(config),
            "--top-logprobs",
            "2",
        ],
        capsys,
    )
    assert code == 0
    assert "Answer: hello" in out and "cost (USD)" in out and "alternatives" in out


def test_ask_errors_are_one_line(server: FakeLLMServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        [
            "teachers",
            "ask",
            "q",
            "--teacher",
            "openai",
            "--base-url",
            "https://api.example.invalid/v1",
            "--api-key-env",
            "NO_SUCH_KEY_VAR",
        ],
        capsys,
    )
    assert code == 1 and "$NO_SUCH_KEY_VAR" in err and "Traceback" not in err
    code, _, err = run(
        ["teachers", "ask", "[[fault:400]]", "--teacher", "vllm", "--base-url", server.url + "/v1"],
        capsys,
    )
    assert code == 1 and "HTTP 400" in err and err.count("\n") == 1
    code, _, err = run(["teachers", "ask", "q", "--teacher", "nope"], capsys)
    assert code == 1 and "unknown teacher 'nope'" in err
