"""TLS only where a teacher speaks it: the verified context (loading the CA bundle costs ~25-40 ms
of CPU) is built on the first https client and never for an ``http://`` server, and an https
teacher still verifies the server it talks to — both over real servers on 127.0.0.1."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme
from fakeserver import FakeLLMServer

from grapheme_distill.errors import RetryableTeacherError
from grapheme_distill.teachers import _http
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher

#: an https proxy would make any teacher speak TLS (to the proxy): none in these tests
_PROXY_VARIABLES = (
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
)


@pytest.fixture
def no_context_yet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No proxy, and no verified context built yet in this process (nor left behind: the https
    test makes it trust a throwaway authority)."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    _http.ssl_context.cache_clear()
    yield
    _http.ssl_context.cache_clear()


def _contexts_built() -> int:
    return _http.ssl_context.cache_info().misses


async def _ask(url: str, mode: str) -> TeacherResponse:
    teacher = OpenAICompatTeacher(base_url=url, model="fake-model", api_key_env=None)
    request = TeacherRequest(prompt="Paris?")
    try:
        return await teacher.acomplete(request) if mode == "async" else teacher.complete(request)
    finally:
        await teacher.aclose()


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_an_http_teacher_never_builds_the_verified_context(
    no_context_yet: None, fake_server: FakeLLMServer, openai_url: str, mode: str
) -> None:
    assert openai_url.startswith("http://127.0.0.1:")
    response = await _ask(openai_url, mode)
    assert response.text == "Answer: Paris?" and fake_server.requests == 1
    assert _contexts_built() == 0


@pytest.mark.parametrize("mode", ["async", "sync"])
async def test_an_https_teacher_builds_it_once_and_verifies_the_server(
    no_context_yet: None, mode: str
) -> None:
    authority = trustme.CA()
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(served)
    with FakeLLMServer(tls=served) as server:
        url = server.url + "/v1"
        assert url.startswith("https://127.0.0.1:")
        # the server's certificate is signed by nobody the verified context trusts: refused
        with pytest.raises(RetryableTeacherError):
            await _ask(url, mode)
        assert server.requests == 0 and _contexts_built() == 1
        authority.configure_trust(_http.ssl_context())  # now it trusts the test authority
        response = await _ask(url, mode)
    assert response.text == "Answer: Paris?" and server.requests == 1
    assert _contexts_built() == 1  # one context for every https client of the process


@pytest.mark.parametrize(
    ("variable", "proxy", "verified"),
    [
        ("HTTP_PROXY", "https://proxy.example:3128", True),  # TLS to the proxy
        ("all_proxy", "https://proxy.example:3128", True),
        ("HTTP_PROXY", "http://proxy.example:3128", False),
    ],
)
def test_an_https_proxy_makes_an_http_teacher_verify_too(
    no_context_yet: None, monkeypatch: pytest.MonkeyPatch, variable: str, proxy: str, verified: bool
) -> None:
    monkeypatch.setenv(variable, proxy)
    context = _http._tls_context("http://10.0.0.7:8000/v1/chat/completions")
    assert (context is _http.ssl_context()) is verified
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
