"""Fixtures for the teacher tests: a real HTTP LLM server on 127.0.0.1 per test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakeserver import FakeLLMServer


@pytest.fixture
def fake_server() -> Iterator[FakeLLMServer]:
    """A started fake server (OpenAI at ``url + "/v1"``, Ollama and Anthropic at ``url``)."""
    server = FakeLLMServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def openai_url(fake_server: FakeLLMServer) -> str:
    return fake_server.url + "/v1"
