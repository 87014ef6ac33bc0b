"""A real HTTP/1.1 LLM server on 127.0.0.1 for tests and the teacher benchmark (stdlib only).

It speaks three wire formats — OpenAI chat completions (``POST /v1/chat/completions``, with
logprobs/top_logprobs and response_format), Ollama's native ``POST /api/chat`` and Anthropic's
``POST /v1/messages`` — over keep-alive connections served by ``asyncio.start_server``, so the
client under test goes through its real HTTP stack (connection pool, parsing, time-outs).

Behaviour is scripted, not random, so tests can assert exact outcomes:

* ``latency``: seconds every request waits before it is answered.
* ``faults``: a queue consumed one per request (then "ok"): ``"429"`` / ``"429:2"`` (Retry-After in
  seconds), ``"429date:2"`` (Retry-After as an HTTP-date), ``"500"``, ``"503"``, ``"timeout"`` (never
  answers; waits for the client to hang up), ``"truncate"`` (Content-Length larger than the body,
  then close), ``"malformed"`` (200 with broken JSON), ``"301"``, ``"400"``, ``"401"``, ``"403"``,
  ``"404"``, and the hostile 200 answers ``"reset"`` (the connection is dropped unanswered),
  ``"garbage"`` (bytes that are not JSON), ``"deep"`` (a body nested 100,000 deep), ``"huge"``
  (a ``huge_bytes`` answer), ``"null"`` (``"content": null``), ``"inf"`` (``"usage": Infinity``),
  ``"overflow"`` (a token count of ``1e400``), ``"shape"`` (choices that are strings),
  ``"surrogate"`` (a lone ``\ud800`` escape in the answer).
* A message containing ``[[fault:CODE]]`` always gets that fault (a permanently bad request);
  one containing ``[[say:TEXT]]`` is answered with TEXT.
* ``fault_every=n``: every n-th request gets ``fault_kind`` (for load tests).
* ``api_key``: when set, requests without that key get 401.
* ``tls``: a server-side ``ssl.SSLContext`` serves HTTPS instead (``url`` says ``https://``).

The answer is derived from the prompt (``"Answer: <last user message>"``, or a JSON object for
JSON response formats), so a test can tell which request an answer belongs to.  Counters:
``requests``, ``in_flight``, ``max_in_flight``, ``bodies``, ``paths``, ``arrivals``.

Run as a script to serve in its own process (the benchmark does, so the server's CPU time is not
counted as the client's): ``python tests/teachers/fakeserver.py --latency 0.2`` prints
``PORT <n>`` and serves until killed.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import email.utils
import json
import re
import ssl
import sys
import threading
import time
from typing import Any, Self

__all__ = ["FakeLLMServer"]

_FAULT_TAG = re.compile(r"\[\[fault:([a-z0-9:]+)\]\]")
_SAY_TAG = re.compile(r"\[\[say:(.+?)\]\]")
_TOKEN = re.compile(r"\s*\S+")
_ANSWER_FAULTS = frozenset({"null", "shape", "inf", "overflow", "surrogate"})
_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class FakeLLMServer:
    """The server; ``start()`` runs it on a background thread with its own event loop."""

    def __init__(
        self,
        *,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str | None = None,
        hang_s: float = 30.0,
        keep_bodies: bool = True,
        fault_every: int = 0,
        fault_kind: str = "500",
        huge_bytes: int = 2 * 1024 * 1024,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.huge_bytes = huge_bytes
        self.tls = tls
        self.latency = latency
        self.host = host
        self.port = port
        self.api_key = api_key
        self.hang_s = hang_s
        self.keep_bodies = keep_bodies
        self.fault_every = fault_every  # every n-th request gets fault_kind (0: never)
        self.fault_kind = fault_kind
        self.faults: collections.deque[str] = collections.deque()
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.bodies: list[dict[str, Any]] = []
        self.paths: collections.Counter[str] = collections.Counter()
        self.auth_seen: list[str] = []
        self.arrivals: list[float] = []  # time.monotonic() of each request's arrival
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        return f"{'https' if self.tls is not None else 'http'}://{self.host}:{self.port}"

    def reset(self) -> None:
        self.faults.clear()
        self.requests = self.in_flight = self.max_in_flight = 0
        self.bodies.clear()
        self.paths.clear()
        self.auth_seen.clear()
        self.arrivals.clear()

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._run, name="fake-llm-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._server is not None:
            self._loop.call_soon_threadsafe(self._server.close)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(
            asyncio.start_server(self._handle, self.host, self.port, backlog=1024, ssl=self.tls)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.close()

    async def serve_forever(self) -> None:
        """Serve in the current loop (script mode)."""
        self._server = await asyncio.start_server(self._handle, self.host, self.port, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]
        print(f"PORT {self.port}", flush=True)
        async with self._server:
            await self._server.serve_forever()

    # ------------------------------------------------------------------ HTTP/1.1
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except asyncio.IncompleteReadError:
                    break  # the client closed the connection between requests
                line, *fields = head[:-4].decode("latin-1").split("\r\n")
                method, path, _version = line.split(" ", 2)
                headers: dict[str, str] = {}
                for field in fields:
                    key, _, value = field.partition(":")
                    headers[key.strip().lower()] = value.strip()
                length = int(headers.get("content-length") or 0)
                body = await reader.readexactly(length) if length else b""
                keep_open = await self._serve(reader, writer, method, path, headers, body)
                if not keep_open or headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ValueError, asyncio.CancelledError):
            pass  # client hung up, or the server is shutting down
        finally:
            writer.close()

    async def _serve(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes,
    ) -> bool:
        self.requests += 1
        number = self.requests  # this request's own number (the counter moves on while it waits)
        self.arrivals.append(time.monotonic())
        self.paths[path] += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            try:
                data = json.loads(body) if body else {}
            except ValueError:
                data = {}
            if self.keep_bodies:
                self.bodies.append(data)
            auth = headers.get("authorization", "").removeprefix("Bearer ") or headers.get(
                "x-api-key", ""
            )
            self.auth_seen.append(auth)
            fault = self._fault_for(data, body, number)  # decided on arrival, in arrival order
            if self.latency:
                await asyncio.sleep(self.latency)
            if fault == "timeout":
                # answer nothing; wait until the client gives up and hangs up
                with contextlib.suppress(TimeoutError, ConnectionError):
                    await asyncio.wait_for(reader.read(1), self.hang_s)
                return False
            if self.api_key is not None and auth != self.api_key and fault == "ok":
                fault = "401"
            if method != "POST":
                fault = "404"
            if fault == "ok":
                answer = self._answer(path, data)
                if answer is None:
                    fault = "404"
                else:
                    self._write(writer, 200, json.dumps(answer).encode())
            if fault == "truncate":
                payload = json.dumps(self._answer(path, data) or {}).encode()
                head = (
                    f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(payload) + 100}\r\n\r\n"
                ).encode()
                writer.write(head + payload[: len(payload) // 2])
                await writer.drain()
                return False
            if fault == "reset":
                writer.transport.abort()  # RST, nothing answered
                return False
            hostile = self._hostile(fault, path, data)
            if hostile is not None:
                self._write(writer, 200, hostile)
            elif fault not in ("ok",):
                self._write_error(writer, path, fault, auth)
            await writer.drain()
            return True
        finally:
            self.in_flight -= 1

    def _hostile(self, fault: str, path: str, data: dict[str, Any]) -> bytes | None:
        """The body of a hostile 200 answer, or None when ``fault`` is not one."""
        if fault == "malformed":
            return b'{"choices": [{"message": {"content": "unfinished'
        if fault == "garbage":
            return b"\x00\xff<html>not json at all{[\x80"
        if fault == "deep":
            return b"[" * 100_000 + b"]" * 100_000
        if fault == "huge":
            return b'{"choices": [{"message": {"content": "' + b"x" * self.huge_bytes + b'"}}]}'
        answer = self._answer(path, data) or {}
        if fault not in _ANSWER_FAULTS or "choices" not in answer:
            return None
        if fault == "null":
            answer["choices"][0]["message"]["content"] = None
        elif fault == "shape":
            answer["choices"] = ["not an object"]
        elif fault in ("inf", "overflow", "surrogate"):
            text = json.dumps(answer)
            if fault == "surrogate":
                return text.replace("Answer: ", "Answer: \\ud800", 1).encode()
            usage = json.dumps(answer["usage"])
            number = "Infinity" if fault == "inf" else "1e400"
            return text.replace(
                usage,
                number
                if fault == "inf"
                else usage.replace(str(answer["usage"]["completion_tokens"]), number, 1),
                1,
            ).encode()
        return json.dumps(answer).encode()

    def _fault_for(self, data: dict[str, Any], body: bytes, number: int) -> str:
        if b"[[fault:" in body:
            tagged = _FAULT_TAG.search(json.dumps(data.get("messages", "")))
            if tagged:
                return tagged.group(1)
        try:
            return self.faults.popleft()
        except IndexError:
            pass
        if self.fault_every and number % self.fault_every == 0:
            return self.fault_kind
        return "ok"

    def _write(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        payload: bytes,
        extra: dict[str, str] | None = None,
    ) -> None:
        head = [
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}",
            "Content-Type: application/json",
            f"Content-Length: {len(payload)}",
        ]
        head += [f"{k}: {v}" for k, v in (extra or {}).items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)

    def _write_error(
        self, writer: asyncio.StreamWriter, path: str, fault: str, auth: str = ""
    ) -> None:
        code, _, arg = fault.partition(":")
        extra: dict[str, str] = {}
        if code == "429date":
            code = "429"
            when = time.time() + float(arg or 1)
            extra["Retry-After"] = email.utils.formatdate(when, usegmt=True)
        elif code == "429" and arg:
            extra["Retry-After"] = arg
        elif code == "301":
            extra["Location"] = "http://moved.invalid/v1/chat/completions"
        status = int(code) if code.isdigit() else 500
        message = {400: "invalid request", 404: "model not found", 429: "rate limit reached"}.get(
            status, "server error"
        )
        if status == 401:  # like OpenAI, echo the rejected key: clients must redact it
            message = f"Incorrect API key provided: {auth}"
        if path == "/api/chat":
            payload: dict[str, Any] = {"error": message}
        elif path == "/v1/messages":
            payload = {"type": "error", "error": {"type": "api_error", "message": message}}
        else:
            payload = {"error": {"message": message, "type": "error", "code": status}}
        self._write(writer, status, json.dumps(payload).encode(), extra)

    # ------------------------------------------------------------------ the three formats
    def _answer(self, path: str, data: dict[str, Any]) -> dict[str, Any] | None:
        messages = data.get("messages") or []
        users = [m.get("content", "") for m in messages if m.get("role") == "user"]
        prompt = users[-1] if users else ""
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in messages)
        wants_json = bool(data.get("response_format") or data.get("format"))
        if path == "/v1/messages" and "JSON" in str(data.get("system", "")):
            wants_json = True
        said = _SAY_TAG.search(prompt)
        # a prompt may say what to answer (an answer a reader can learn from)
        default = json.dumps({"answer": prompt}) if wants_json else f"Answer: {prompt}"
        text = said.group(1) if said else default
        tokens = _TOKEN.findall(text)
        k = int(data.get("top_logprobs") or 0)
        logprobs = (
            [_token_logprob(i, tok, k) for i, tok in enumerate(tokens)]
            if (data.get("logprobs"))
            else []
        )
        model = data.get("model") or "fake-model"
        if path == "/v1/chat/completions":
            n = int(data.get("n") or 1)
            choices = []
            for index in range(n):
                choice: dict[str, Any] = {
                    "index": index,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                    "logprobs": {"content": logprobs} if data.get("logprobs") else None,
                }
                choices.append(choice)
            return {
                "id": f"chatcmpl-{self.requests}",
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "choices": choices,
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": len(tokens),
                    "total_tokens": prompt_tokens + len(tokens),
                },
            }
        if path == "/api/chat":
            answer: dict[str, Any] = {
                "model": model,
                "created_at": "2026-01-01T00:00:00Z",
                "message": {"role": "assistant", "content": text},
                "done": True,
                "done_reason": "stop",
                "prompt_eval_count": prompt_tokens,
                "eval_count": len(tokens),
            }
            if data.get("logprobs"):
                answer["logprobs"] = logprobs
            return answer
        if path == "/v1/messages":
            return {
                "id": f"msg_{self.requests}",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [{"type": "text", "text": text}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": prompt_tokens, "output_tokens": len(tokens)},
            }
        return None


def _token_logprob(i: int, token: str, k: int) -> dict[str, Any]:
    """A chosen token with probability 0.5..0.9 and k alternatives sharing what is left."""
    import math

    p = 0.5 + 0.1 * (i % 5)
    top = [{"token": token, "logprob": math.log(p), "bytes": list(token.encode())}]
    for j in range(1, k):
        q = (1 - p) / (2**j)
        alt = f"alt{j}"
        top.append({"token": alt, "logprob": math.log(q), "bytes": list(alt.encode())})
    return {
        "token": token,
        "logprob": math.log(p),
        "bytes": list(token.encode()),
        "top_logprobs": top[:k],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fault-every", type=int, default=0, help="fault every n-th request")
    parser.add_argument("--fault", default="500", help="which fault (500, 429:1, timeout, ...)")
    args = parser.parse_args(argv)
    server = FakeLLMServer(
        latency=args.latency,
        port=args.port,
        keep_bodies=False,
        fault_every=args.fault_every,
        fault_kind=args.fault,
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(server.serve_forever())
    sys.exit(0)


if __name__ == "__main__":
    main()
