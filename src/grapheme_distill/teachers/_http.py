"""The HTTP mechanics every remote teacher shares: one POST, errors mapped at the boundary.

A provider module (OpenAI-compatible, Ollama, Anthropic) only says how a :class:`TeacherRequest`
becomes a JSON body and how a JSON answer becomes a :class:`TeacherResponse`; this base class owns
the transport.  The async path uses one :class:`aiohttp.ClientSession` per event loop (a session's
connection pool belongs to the loop that made it, and the sync twin or ``asyncio.run`` may bring a
new loop; the session is closed when its loop shuts down its async generators, as ``asyncio.run``
does); the sync twin uses a plain :class:`httpx.Client`, so neither path pays for the other.  Why
aiohttp for the async path: at 64 requests in flight httpx's async stack (httpcore's pool
re-scanning every connection, anyio's cancel scopes, h11) cost 1.5-2 ms of client CPU per request
even spread over sixteen small pools, aiohttp ~0.2 ms on the same server (benchmarks/bench_crawl.py,
whose jobs have only ~3 ms of CPU per request to spend at concurrency 64 and 200 ms latency).

Every failure leaves this module as a :class:`TeacherError`, chained with ``from``: 408/409/425/429
and 5xx answers, time-outs, dropped connections, truncated or malformed bodies become
:class:`RetryableTeacherError` (with the server's ``Retry-After``/``retry-after-ms`` in seconds when
it sent one); every other 4xx becomes :class:`FatalTeacherError`.  A body is untrusted input: it is
read up to ``max_body_bytes`` (streamed, so a huge body is cut off, not buffered), decoded by
:func:`~grapheme_distill.teachers.wire.decode_json` (bounded nesting, finite numbers, no lone
surrogates) and validated by the provider's schema; anything else — a body nested 100,000 deep,
``"usage": 1e400``, ``"content": null`` — is a malformed answer, retryable, never a traceback and
never stored as an answer.  Failures every request would meet (401/403, 404, no key, connection
refused) are marked ``systemic`` so a run can stop early
(:mod:`~grapheme_distill.teachers.failfast`).  The API key lives in a
:class:`Secret` whose ``repr`` is ``'***'``; it is sent as a header only, and every message built
from a server answer is passed through :meth:`HTTPTeacher._redact` because some servers echo the
key they rejected.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import json
import logging
import math
import os
import ssl
import threading
import time
import weakref
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import urlsplit

import aiohttp
import httpx
from aiohttp.helpers import get_env_proxy_for_url
from pydantic import TypeAdapter
from yarl import URL

from grapheme_distill.errors import FatalTeacherError, RetryableTeacherError
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, TokenLogprob
from grapheme_distill.teachers.wire import (
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_MAX_DEPTH,
    MalformedJSON,
    decode_json,
    reason_of,
)

__all__ = ["HTTPTeacher", "Secret", "parse_retry_after", "ssl_context"]

logger = logging.getLogger("grapheme_distill.teachers")

#: HTTP statuses a repeat may cure (besides every 5xx), as the OpenAI and Anthropic SDKs treat them.
RETRYABLE_STATUSES = frozenset({408, 409, 425, 429})
#: HTTP statuses every request would meet: a bad key, no permission, an unknown model or URL.
_SYSTEMIC_STATUSES = frozenset({401, 403, 404})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})
_MAX_ERROR_CHARS = 300


class Secret:
    """A string that never shows itself: ``repr``/``str`` print ``'***'``.

    Why: teachers end up in reprs, logs, exception messages and pickled configs; wrapping the key
    makes leaking it an explicit act (:meth:`reveal`) instead of an accident.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "'***'"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def parse_retry_after(headers: Mapping[str, str], *, now: datetime | None = None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``Retry-After``.

    ``Retry-After`` may be delta-seconds or an HTTP-date (RFC 9110 §10.2.3); a date in the past
    means "now" (0.0).  Returns ``None`` when the server gave no usable hint.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            value = float(raw_ms) / 1000.0
            if math.isfinite(value):
                return max(value, 0.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    raw = raw.strip()
    try:
        value = float(raw)
        return max(value, 0.0) if math.isfinite(value) else None
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max((when - current).total_seconds(), 0.0)


_TOKENS = TypeAdapter(tuple[TokenLogprob, ...])


def parse_openai_logprobs(content: Any) -> tuple[TokenLogprob, ...]:
    """Turn an OpenAI-style ``[{token, logprob, top_logprobs: [{token, logprob}]}]`` list (also
    Ollama's native format) into :class:`TokenLogprob` tuples.

    Validated (a token that is not a string, a positive or NaN logprob is a malformed answer):
    ~7 ms for 512 tokens with 5 alternatives each, which a server spends generating one token.
    Bad shapes raise ``ValidationError`` (a ``ValueError``), mapped to a malformed body.
    """
    return _TOKENS.validate_python(content)


@functools.lru_cache(maxsize=1)
def ssl_context() -> ssl.SSLContext:
    """The one verified TLS context of every pool, built on first use (``cache_info()`` says
    whether it was): each httpx client would otherwise load the CA bundle again (~25-40 ms of
    CPU each), and a process whose teachers are all ``http://`` never loads it at all."""
    return httpx.create_ssl_context()


_PROXY_VARIABLES = frozenset({"http_proxy", "https_proxy", "all_proxy"})


def _tls_context(url: str) -> ssl.SSLContext:
    """The TLS context of a client for ``url``.

    Why: only a teacher that may speak TLS (an ``https://`` server, or any server while an
    ``https://`` proxy is configured: both clients read the proxy variables themselves) needs the
    CA bundle; the others, local servers above all, get a bare client context, which loads
    nothing and still verifies, so a TLS connection they never expect to make fails instead of
    going unchecked.
    """
    if url.startswith("https://") or any(
        name.lower() in _PROXY_VARIABLES and value.strip().lower().startswith("https://")
        for name, value in os.environ.items()
    ):
        return ssl_context()
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


#: the compact JSON of each ``json_schema`` a request body carried, by the schema object itself
#: (held, so its id is not reused): requests built from one cached response format share that
#: object, and serialising its ~3 kB again for every request cost ~0.1 ms of client CPU
_SCHEMA_JSON: dict[int, tuple[object, str]] = {}
_COMPACT = (",", ":")


def _body_json(body: dict[str, Any]) -> bytes:
    """``body`` as compact JSON; a ``response_format`` ``json_schema`` is serialised once, and so
    is a long message (a template's system prompt, the same ~2.4 kB for every request of a run)."""
    fmt = body.get("response_format")
    schema = fmt.get("json_schema") if isinstance(fmt, dict) else None
    messages = body.get("messages")
    spliced: list[tuple[str, str]] = []
    if isinstance(messages, list) and any(_is_long_message(m) for m in messages):
        spliced.append(("messages", "[" + ",".join(map(_message_json, messages)) + "]"))
    if isinstance(fmt, dict) and isinstance(schema, dict):
        memo = _SCHEMA_JSON.get(id(schema))
        if memo is None or memo[0] is not schema:
            if len(_SCHEMA_JSON) >= 64:  # a bound, not a policy: a run uses one or two schemas
                _SCHEMA_JSON.clear()
            memo = _SCHEMA_JSON[id(schema)] = (schema, json.dumps(schema, separators=_COMPACT))
        fmt_json = _with_member(
            {k: v for k, v in fmt.items() if k != "json_schema"}, "json_schema", memo[1]
        )
        spliced.append(("response_format", fmt_json))
    if not spliced:
        return json.dumps(body, separators=_COMPACT).encode("utf-8")
    done = {key for key, _ in spliced}
    text = json.dumps({k: v for k, v in body.items() if k not in done}, separators=_COMPACT)
    for key, value_json in spliced:
        text = _with_member_json(text, key, value_json)
    return text.encode("utf-8")


#: the compact JSON of long chat messages by (role, content): a run's requests share a system
#: prompt, and escaping it again for every body was ~10 µs per request
_MESSAGE_JSON: dict[tuple[str, str], str] = {}
_LONG_MESSAGE = 512


def _is_long_message(message: object) -> bool:
    return (
        type(message) is dict
        and len(message) == 2
        and isinstance(message.get("content"), str)
        and len(message["content"]) >= _LONG_MESSAGE
    )


def _message_json(message: Any) -> str:
    """One message as compact JSON; a long ``{"role", "content"}`` one from the memo."""
    if not (
        _is_long_message(message)
        and list(message) == ["role", "content"]
        and isinstance(message["role"], str)
    ):
        return json.dumps(message, separators=_COMPACT)
    key = (message["role"], message["content"])
    text = _MESSAGE_JSON.get(key)
    if text is None:
        if len(_MESSAGE_JSON) >= 256:  # a bound, not a policy: a run has a few templates
            _MESSAGE_JSON.clear()
        text = _MESSAGE_JSON[key] = json.dumps(message, separators=_COMPACT)
    return text


def _with_member(obj: dict[str, Any], key: str, value_json: str) -> str:
    """``obj`` as compact JSON with one more member whose value is already JSON."""
    return _with_member_json(json.dumps(obj, separators=_COMPACT), key, value_json)


def _with_member_json(obj_json: str, key: str, value_json: str) -> str:
    """A compact JSON object's text with one more member whose value is already JSON."""
    head = obj_json[:-1]
    return f"{head}{',' if head != '{' else ''}{json.dumps(key)}:{value_json}}}"


async def _closed_with_loop(session: aiohttp.ClientSession) -> AsyncIterator[None]:
    """An async generator that closes ``session`` when its loop shuts down async generators
    (``asyncio.run`` and pytest's loops do), so a teacher nobody closed leaves no "Unclosed client
    session" warning behind."""
    try:
        yield
    finally:
        await session.close()


def _env_proxy(url: str) -> tuple[URL | None, aiohttp.BasicAuth | None]:
    """The proxy ``HTTP(S)_PROXY``/``NO_PROXY`` (and ``.netrc``) name for ``url``, read once per
    session as the httpx sync twin reads them once per client: aiohttp's ``trust_env`` reads
    them again for every request (~0.13 ms of CPU each)."""
    try:
        return get_env_proxy_for_url(URL(url))
    except LookupError:  # no proxy for this URL
        return None, None


class _LoopSession:
    """The aiohttp session of one event loop, and the generator that closes it with the loop."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        proxy: tuple[URL | None, aiohttp.BasicAuth | None] = (None, None),
    ) -> None:
        self.session = session
        self.proxy, self.proxy_auth = proxy
        self.closer = _closed_with_loop(session)  # the loop keeps only a weak reference

    async def aclose(self) -> None:
        await self.session.close()


class HTTPTeacher:
    """Base of the remote teachers: builds nothing itself, transports and maps errors.

    Subclasses set :attr:`endpoint` and implement :meth:`build_body` and :meth:`parse_body`
    (and :meth:`auth_headers` when the key is not a bearer token).

    Args:
        base_url: the server's root (e.g. ``https://api.openai.com/v1``); no trailing slash needed.
        model: default model when a request does not name one.
        api_key: the key itself, only when it comes from a config file; prefer ``api_key_env``.
        api_key_env: environment variable read (at request time) for the key; ``None`` for none.
        require_api_key: fail fast when no key is found; default: required when a key variable
            is named and the server is not on this machine (local servers ignore keys; a server
            configured with ``api_key_env = None`` takes none).
        timeout: seconds for connect/read/write/pool each; a hung server becomes retryable.
        max_connections: connections at most (keep >= the concurrency you wrap it with, or
            requests queue inside the client instead of on the wire).
        headers: extra headers sent with every request (never logged).
        name: provider name recorded in provenance.
        transport: an httpx transport for the sync twin (tests, proxies).
        keep_raw: keep the provider's JSON body in ``TeacherResponse.raw`` (always kept when
            ``n > 1`` so the other choices are not lost).
        max_body_bytes: longest answer body read; a longer one is cut off and is a retryable
            malformed answer.
        max_depth: deepest JSON nesting accepted in an answer body.
    """

    name: str = "http"
    supports_logprobs: bool = False
    endpoint: str = ""
    default_base_url: str = ""
    default_api_key_env: str | None = None

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        api_key_env: str | None = "",
        require_api_key: bool | None = None,
        timeout: float = 60.0,
        max_connections: int = 256,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.BaseTransport | None = None,
        keep_raw: bool = False,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        max_depth: int = DEFAULT_MAX_DEPTH,
    ) -> None:
        self.max_body_bytes = max_body_bytes
        self.max_depth = max_depth
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        if not self.base_url.startswith(("http://", "https://")):
            raise FatalTeacherError(
                f"base_url {self.base_url!r} is not an http(s) URL; "
                "give the server root, e.g. http://127.0.0.1:8000/v1"
            )
        self.model = model
        self.api_key_env = self.default_api_key_env if api_key_env == "" else api_key_env
        self._api_key = Secret(api_key) if api_key else None
        host = urlsplit(self.base_url).hostname or ""
        if require_api_key is None:  # a named key variable is needed, except on this machine
            require_api_key = self.api_key_env is not None and host not in _LOOPBACK
        self.require_api_key = require_api_key
        self.timeout = timeout
        self.max_connections = max_connections
        self._extra_headers = dict(headers or {})
        if name is not None:
            self.name = name
        self.keep_raw = keep_raw
        self._url = self.base_url + self.endpoint
        self._transport = transport
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()
        self._sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopSession]
        self._sessions = weakref.WeakKeyDictionary()

    # ------------------------------------------------------------------ provider hooks
    def build_body(self, request: TeacherRequest) -> dict[str, Any]:
        """The JSON body for ``request`` (provider-specific)."""
        raise NotImplementedError

    def parse_body(self, request: TeacherRequest, data: Any, latency_s: float) -> TeacherResponse:
        """The response for a 2xx JSON body; may raise KeyError/TypeError/ValueError on bad shapes."""
        raise NotImplementedError

    def auth_headers(self, key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}

    def error_message(self, data: Any) -> str:
        """The human message inside an error body (OpenAI, Ollama and Anthropic shapes)."""
        if isinstance(data, dict):
            err = data.get("error", data.get("message"))
            if isinstance(err, dict):
                err = err.get("message") or err.get("type") or err
            if err is not None:
                return str(err)
        return str(data)

    # ------------------------------------------------------------------ common plumbing
    def resolve_model(self, request: TeacherRequest) -> str | None:
        return request.model or self.model

    def _api_key_value(self) -> str | None:
        if self._api_key is not None:
            return self._api_key.reveal()
        if self.api_key_env:
            return os.environ.get(self.api_key_env) or None
        return None

    def _redact(self, text: str) -> str:
        key = self._api_key_value()
        if key and key in text:
            text = text.replace(key, "***")
        return text

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", **self._extra_headers}
        key = self._api_key_value()
        if key:
            headers.update(self.auth_headers(key))
        elif self.require_api_key:
            where = f"${self.api_key_env}" if self.api_key_env else "api_key in the teacher config"
            raise FatalTeacherError(
                f"{self.name}: no API key for {self.base_url}; set {where} "
                "(keys are read only from the environment or the config)",
                systemic=True,
                kind="no API key",
            )
        return headers

    def _prepare(self, request: TeacherRequest) -> tuple[dict[str, str], bytes]:
        return self._headers(), _body_json(self.build_body(request))

    def _transport_error(self, exc: Exception) -> RetryableTeacherError:
        # a refused or unresolvable connection meets every request alike (systemic); a time-out,
        # a reset or a cut-off body is about this exchange
        systemic = isinstance(exc, httpx.ConnectError | aiohttp.ClientConnectorError)
        if isinstance(exc, httpx.TimeoutException | TimeoutError):
            what, kind = f"timed out after {self.timeout:g}s", "timed out"
        elif systemic:
            what, kind = f"cannot connect ({exc})", "cannot connect"
        else:
            what, kind = f"connection failed ({type(exc).__name__}: {exc})", "connection failed"
        return RetryableTeacherError(
            self._redact(f"{self.name} at {self.base_url}: {what}; retry, or check the server"),
            systemic=systemic,
            kind=kind,
        )

    def _malformed(self, status: int, why: str) -> RetryableTeacherError:
        return RetryableTeacherError(
            f"{self.name} at {self.base_url} sent a malformed answer (HTTP {status}: "
            f"{self._redact(why)[:_MAX_ERROR_CHARS]}); retrying usually helps",
            status=status,
            kind="malformed answer",
        )

    def _finish(
        self,
        request: TeacherRequest,
        status: int,
        headers: Mapping[str, str],
        content: bytes,
        latency_s: float,
    ) -> TeacherResponse:
        """Map one HTTP answer to a response or a TeacherError (the boundary)."""
        try:
            data: Any = decode_json(content, max_depth=self.max_depth) if content else None
            json_error: MalformedJSON | None = None
        except MalformedJSON as exc:
            data, json_error = None, exc
        if status >= 400:
            detail = (
                self.error_message(data)
                if data is not None
                else content[:200].decode("utf-8", "replace")
            )
            detail = self._redact(detail)[:_MAX_ERROR_CHARS]
            where = f"{self.name} at {self.base_url} answered HTTP {status}: {detail}"
            if status in RETRYABLE_STATUSES or status >= 500:
                retry_after = parse_retry_after(headers)
                hint = f" (server asks to wait {retry_after:g}s)" if retry_after is not None else ""
                raise RetryableTeacherError(
                    f"{where}{hint}; retry later or lower the request rate",
                    retry_after=retry_after,
                    status=status,
                )
            raise FatalTeacherError(
                f"{where}; {self._fatal_hint(status)}",
                status=status,
                systemic=status in _SYSTEMIC_STATUSES,
            )
        if 300 <= status < 400:
            target = headers.get("location", "elsewhere")
            raise FatalTeacherError(
                f"{self.name} at {self.base_url} redirected the request (HTTP {status}) to "
                f"{self._redact(target)}; set base_url to the server's real address",
                status=status,
            )
        if json_error is not None:
            raise self._malformed(status, f"{len(content):,} bytes, {json_error}") from json_error
        if data is None:
            raise self._malformed(status, "an empty body")
        try:
            response = self.parse_body(request, data, latency_s)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            # ValueError covers pydantic's ValidationError; OverflowError an int() of 1e400
            raise self._malformed(status, reason_of(exc)) from exc
        if self.keep_raw or request.n > 1:
            response = response.model_copy(update={"raw": data})
        return response

    def _fatal_hint(self, status: int) -> str:
        if status in (401, 403):
            where = f"${self.api_key_env}" if self.api_key_env else "the api_key option"
            return f"check the API key ({where}) and its permissions"
        if status == 404:
            return "check the base URL and the model name"
        return "fix the request (model, parameters) before retrying"

    # ------------------------------------------------------------------ clients
    async def _async_session(self) -> _LoopSession:
        """This loop's session (made on first use, closed with the loop)."""
        loop = asyncio.get_running_loop()
        held = self._sessions.get(loop)
        if held is None or held.session.closed:
            connector = aiohttp.TCPConnector(
                limit=self.max_connections, limit_per_host=0, ssl=_tls_context(self._url)
            )
            timeout = aiohttp.ClientTimeout(
                total=None, connect=self.timeout, sock_connect=self.timeout, sock_read=self.timeout
            )
            held = self._sessions[loop] = _LoopSession(
                aiohttp.ClientSession(connector=connector, timeout=timeout),
                _env_proxy(self._url),
            )
            await held.closer.__anext__()  # registered with the loop from its first step
        return held

    def _sync_client(self) -> httpx.Client:
        with self._client_lock:  # threads may share one teacher through the sync twin
            return self._make_sync_client()

    def _make_sync_client(self) -> httpx.Client:
        if self._client is None:
            limits = httpx.Limits(
                max_connections=self.max_connections,
                max_keepalive_connections=self.max_connections,
            )
            self._client = httpx.Client(
                timeout=self.timeout,
                limits=limits,
                transport=self._transport,
                verify=_tls_context(self._url),
            )
        return self._client

    # ------------------------------------------------------------------ the protocol
    def _too_large(self, status: int, size: int) -> RetryableTeacherError:
        return self._malformed(
            status,
            f"a body of at least {size:,} bytes, over the max_body_bytes "
            f"limit of {self.max_body_bytes:,}",
        )

    def _declared_too_large(
        self, status: int, headers: Mapping[str, str]
    ) -> RetryableTeacherError | None:
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            return self._too_large(status, int(declared))
        return None

    async def _aread(self, answer: aiohttp.ClientResponse) -> bytes:
        """The body, read as it streams in and abandoned past ``max_body_bytes``."""
        if (err := self._declared_too_large(answer.status, answer.headers)) is not None:
            raise err
        body = bytearray()
        async for chunk in answer.content.iter_any():
            body += chunk
            if len(body) > self.max_body_bytes:
                raise self._too_large(answer.status, len(body))
        return bytes(body)

    def _read(self, answer: httpx.Response) -> bytes:
        """Sync twin of :meth:`_aread`."""
        if (err := self._declared_too_large(answer.status_code, answer.headers)) is not None:
            raise err
        body = bytearray()
        for chunk in answer.iter_bytes():
            body += chunk
            if len(body) > self.max_body_bytes:
                raise self._too_large(answer.status_code, len(body))
        return bytes(body)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        """Answer one request over HTTP (async); errors are TeacherErrors, chained."""
        headers, payload = self._prepare(request)
        held = await self._async_session()
        start = time.perf_counter()
        try:
            async with held.session.post(
                self._url,
                data=payload,
                headers=headers,
                allow_redirects=False,
                proxy=held.proxy,
                proxy_auth=held.proxy_auth,
            ) as answer:
                content = await self._aread(answer)
                status, answer_headers = answer.status, answer.headers
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise self._transport_error(exc) from exc
        return self._finish(request, status, answer_headers, content, time.perf_counter() - start)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        """Sync twin of :meth:`acomplete` (own blocking client; no event loop involved)."""
        headers, payload = self._prepare(request)
        client = self._sync_client()
        start = time.perf_counter()
        try:
            with client.stream("POST", self._url, content=payload, headers=headers) as answer:
                content = self._read(answer)
        except httpx.TransportError as exc:
            raise self._transport_error(exc) from exc
        return self._finish(
            request,
            answer.status_code,
            answer.headers,
            content,
            time.perf_counter() - start,
        )

    async def aclose(self) -> None:
        """Close the connection pools (the one of this loop, and the sync one)."""
        held = self._sessions.pop(asyncio.get_running_loop(), None)
        if held is not None:
            await held.aclose()
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        key = f"${self.api_key_env}" if self._api_key is None else "'***'"
        return (
            f"{type(self).__name__}(name={self.name!r}, base_url={self.base_url!r}, "
            f"model={self.model!r}, api_key={key})"
        )
