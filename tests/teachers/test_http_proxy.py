"""The async HTTP path reads the proxy settings of the environment, once per session."""

from __future__ import annotations

import pytest

from grapheme_distill.teachers._http import _env_proxy


def test_a_proxy_named_in_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    proxy, _ = _env_proxy("https://api.example.com/v1/chat/completions")
    assert proxy is not None and str(proxy) == "http://proxy.example:3128"


def test_no_proxy_and_no_setting_mean_a_direct_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "api.example.com")
    assert _env_proxy("https://api.example.com/v1/chat/completions") == (None, None)
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert _env_proxy("https://api.example.com/v1/chat/completions") == (None, None)
