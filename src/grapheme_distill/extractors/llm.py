"""``llm``: ask a teacher for the knowledge in a text as JSON following a pydantic schema.

The extractor builds one request from a versioned prompt template (``prompts/extract.v1.txt``,
its hash kept in the request metadata), asks for ``response_format`` ``json_schema`` with the
schema of :class:`LLMOutput` (a server that refuses it with a 4xx is asked again without it, and
that is recorded), and reads the answer with :func:`~grapheme_distill.extractors.parsing.parse_json`
— strict JSON when possible, ``json_repair`` otherwise.  Items are validated one by one, so one
malformed relation costs that relation, not the answer (the reading rules live in
:mod:`~grapheme_distill.extractors.llm_answer`, shared with the crawl's answer reader).
Relation, hierarchy, attribute and linguistic endpoints are constrained to the extracted
entities: a name is resolved by normalised equality, else by a close ``rapidfuzz`` match (which
lowers the item's confidence), else — when the name is written in the text itself (word-bounded,
case-folded) — it becomes an entity of its own (small models often list a relation but leave
``entities`` short; signal ``endpoints_from_text``, confidence x0.9), else the item is dropped and
the drop recorded.  Optionally the extractor *gleans*: a second request in the
same conversation asks for items the first answer missed, and the new ones are merged.

One extraction is written once, as *steps* that yield each teacher request and receive its answer
(or the teacher's error): :meth:`LLMExtractor.extract` drives them with the sync client,
:meth:`LLMExtractor.aextract` with the async one.  :meth:`LLMExtractor.pipe` and
:meth:`LLMExtractor.stream` keep ``concurrency`` extractions in flight on one event loop in a
background thread — not 64 threads, whose GIL hand-offs and connection-pool lock cost more client
CPU than the requests themselves — and hand results back in input order, a bounded window ahead
of the caller, so the caller can store one batch while the next is being asked.

Nothing fails silently.  A teacher error, an empty or prose-only answer, JSON that cannot be
repaired, JSON of the wrong shape, an invalid item, a dropped endpoint, or valid JSON with no item
at all each add an :class:`~grapheme_distill.extractors.base.ExtractionFailure` with the reason and
the raw text, so an empty extraction always says why it is empty.

Confidence of an item is the teacher's own ``confidence`` field when given (else
``default_confidence``), times 0.9 when the JSON needed repair and 0.95 when an endpoint was
matched fuzzily; the signals ``json_repaired``, ``gleaned_items`` and ``truncated`` (an answer cut at
``max_tokens`` or at a loop, also recorded as a failure; a loop is asked for once more with
sampling, ``loop_retries``) are kept on the extraction, and so is the text's cost:
``prompt_tokens``, ``completion_tokens`` and ``teacher_seconds`` summed over requests.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import concurrent.futures
import contextlib
import hashlib
import re
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from importlib import resources
from string import Template
from typing import Any, TypeVar

from grapheme_distill.errors import ConfigError, FatalTeacherError, TeacherError
from grapheme_distill.extractors.base import Extraction, ExtractionFailure, pipe_each
from grapheme_distill.extractors.llm_answer import (
    SECTION_TYPE,
    AnswerReading,
    LLMAttribute,
    LLMEntity,
    LLMHierarchy,
    LLMLinguistic,
    LLMOutput,
    LLMProcedure,
    LLMRelation,
    clip_raw,
    item_count,
    response_format,
)
from grapheme_distill.extractors.sections import split_sections
from grapheme_distill.model.knowledge import (
    Item,
    KnowledgeType,
)
from grapheme_distill.teachers.base import (
    DEFAULT_CONCURRENCY,
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
)

__all__ = [
    "LLMAttribute",
    "LLMEntity",
    "LLMExtractor",
    "LLMHierarchy",
    "LLMLinguistic",
    "LLMOutput",
    "LLMProcedure",
    "LLMRelation",
    "load_prompt",
    "response_format",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_T = TypeVar("_T")
#: what a step of an extraction gets back for the request it yielded: the answer, or the
#: teacher's error (the step decides what the error means for this text)
_Outcome = TeacherResponse | TeacherError
_Steps = Generator[TeacherRequest, _Outcome, _T]
#: one text to read: (prompt, text, knowledge types or None for all)
StreamJob = tuple[str, str, frozenset[KnowledgeType] | None]
_LOOP_GUARD = threading.Lock()  # module-level: an extractor stays picklable


def load_prompt(name: str) -> tuple[str, str]:
    """A prompt template shipped in ``extractors/prompts`` and its content hash."""
    text = (resources.files("grapheme_distill.extractors") / "prompts" / name).read_text("utf-8")
    return text, "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class LLMExtractor(AnswerReading):
    """Structured extraction by a teacher LLM; see the module docstring.

    Args:
        teacher: a :class:`~grapheme_distill.teachers.base.Teacher`, or the name of a registered
            teacher (``get_teacher(name, **teacher_options)``).
        glean: ask once more for items the first answer missed.
        use_json_schema: send ``response_format`` ``json_schema`` (retried without it if the server
            rejects it).
        relation_vocab: predicates the teacher must choose from (schema-constrained extraction).
        max_tokens: answer length limit per request.
        model: model name passed in each request (None: the teacher's default).
        default_confidence: confidence of items for which the teacher gave none.
        prompt_version: which ``prompts/extract.<version>.txt`` to use.
        max_input_chars: longer texts are cut to this many characters (recorded as a failure)
            rather than sent whole: a 1 MB answer would blow any context window and the budget.
        concurrency: requests in flight at once in :meth:`pipe` and :meth:`stream` (one event
            loop; 1: one at a time, sync).  None: the teacher's ``max_concurrency`` when it has
            one (a wrapped stack's limit; 1 for the embedded model), else
            :data:`~grapheme_distill.teachers.base.DEFAULT_CONCURRENCY`.
        section_chars: a text longer than this is read section by section, one request per piece
            cut at headings by the document layer, each with its headings and the prompt as
            context (:mod:`~grapheme_distill.extractors.sections`); 0 reads every text whole.
        loop_retry_temperature: an answer the teacher cut at a loop is asked for once more at
            this temperature (seed 0, reproducible); 0 turns the retry off.
        teacher_options: options for the teacher when ``teacher`` is a name: it is opened by
            :func:`~grapheme_distill.teachers.open.open_teacher` (``model``, ``base_url``,
            ``config_path`` or provider options), a remote one with the standard stack, so
            ``eval --set teacher=NAME`` retries transient 429/5xx like every other run.
    """

    name = "llm"
    version = "1"

    def __init__(
        self,
        teacher: Teacher | str | None = None,
        *,
        glean: bool | str = False,
        use_json_schema: bool | str = True,
        relation_vocab: Sequence[str] | None = None,
        max_tokens: int | str = 2048,
        model: str | None = None,
        default_confidence: float | str = 0.8,
        prompt_version: str = "v1",
        max_input_chars: int | str = 20_000,
        concurrency: int | str | None = None,
        section_chars: int | str = 6000,
        loop_retry_temperature: float | str = 0.7,
        teacher_options: dict[str, Any] | None = None,
    ) -> None:
        if teacher is None:
            raise ConfigError(
                "the llm extractor needs a teacher: get_extractor('llm', teacher=...) or, on the "
                "command line, distill --extract-teacher NAME or eval --set teacher=NAME (see "
                "`grapheme-distill teachers list`)"
            )
        if isinstance(teacher, str):
            from grapheme_distill.teachers.open import open_teacher

            teacher = open_teacher(
                teacher,
                concurrency=DEFAULT_CONCURRENCY if concurrency is None else int(concurrency),
                **(teacher_options or {}),
            )
        self.teacher: Teacher = teacher
        if concurrency is None:
            concurrency = getattr(teacher, "max_concurrency", None) or DEFAULT_CONCURRENCY
        self.glean = _flag(glean)
        self.use_json_schema = _flag(use_json_schema)
        self.relation_vocab = tuple(relation_vocab or ())
        self.max_tokens = int(max_tokens)
        self.model = model
        self.default_confidence = float(default_confidence)
        self.max_input_chars = int(max_input_chars)
        self.concurrency = max(1, int(concurrency))
        self.section_chars = int(section_chars)
        self.loop_retry_temperature = float(loop_retry_temperature)
        self.template_name = f"extract.{prompt_version}.txt"
        self.template, self.template_hash = load_prompt(self.template_name)
        self.glean_prompt, self.glean_hash = load_prompt(f"glean.{prompt_version}.txt")
        self._loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------ requests
    def build_messages(
        self,
        text: str,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        context: str = "",
    ) -> list[Message]:
        """The chat messages of the extraction request (also useful to inspect a prompt)."""
        wanted = types if types is not None else frozenset(KnowledgeType)
        skip = [s for s, t in SECTION_TYPE.items() if t not in wanted]
        types_clause = (
            f"Leave these keys empty, they are not needed: {', '.join(skip)}.\n" if skip else ""
        )
        if KnowledgeType.LINGUISTIC not in wanted:
            # aliases are linguistic knowledge; a small model asked for them anyway pads them
            # with type words and variants and can loop there ("X, Spain, Spain, ...")
            types_clause += 'Leave every entity\'s "aliases" empty ([]), they are not needed.\n'
        vocab_clause = (
            "Each relation predicate MUST be one of: " + ", ".join(self.relation_vocab) + ".\n"
            if self.relation_vocab
            else ""
        )
        prompt_clause = (
            f"(The text answered this question: {prompt.strip()})\n" if prompt.strip() else ""
        )
        if context:
            prompt_clause += (
                f"(The text is one part of a longer text, under the heading: {context})\n"
            )
        content = Template(self.template).safe_substitute(
            text=text,
            types_clause=types_clause,
            vocab_clause=vocab_clause,
            prompt_clause=prompt_clause,
        )
        return [Message(role="user", content=content)]

    def _response_format(self) -> dict[str, Any]:
        return response_format()

    def _ask(self, messages: list[Message], out: Extraction, stage: str) -> _Steps[str | None]:
        """The teacher's answer text (None, recorded, when the teacher failed).

        An answer the teacher cut at a loop is asked for once more with sampling
        (``loop_retry_temperature``, fixed seed): greedy decoding would fall into the same loop,
        and a loop inside the entity list costs every relation after it.  The sampled answer is
        used unless it is cut as well; both outcomes are recorded.
        """
        response = yield from self._request(messages, out, stage, 0.0)
        if response is None:
            return None
        self._note_cut(response, out, stage)
        if response.finish_reason != "repetition" or self.loop_retry_temperature <= 0:
            return response.text
        retry = yield from self._request(
            messages, out, f"{stage} (sampled retry)", self.loop_retry_temperature, seed=0
        )
        out.signals["loop_retries"] = out.signals.get("loop_retries", 0.0) + 1
        if retry is None:
            return response.text
        self._note_cut(retry, out, f"{stage} (sampled retry)")
        if retry.finish_reason in ("length", "repetition"):
            out.failures.append(
                ExtractionFailure(
                    f"{stage}: the sampled retry was cut too; the first answer is used"
                )
            )
            return response.text
        out.failures.append(
            ExtractionFailure(
                f"{stage}: asked again at temperature {self.loop_retry_temperature} after the loop; "
                "the retry's whole answer is used",
                raw=clip_raw(retry.text),
            )
        )
        return retry.text

    def _note_cut(self, response: TeacherResponse, out: Extraction, stage: str) -> None:
        if response.finish_reason in ("length", "repetition"):
            out.signals["truncated"] = 1.0
            why = (
                f"max_tokens ({self.max_tokens}) or the context window was reached"
                if response.finish_reason == "length"
                else "the teacher cut a loop (the same text emitted again and again)"
            )
            out.failures.append(
                ExtractionFailure(
                    f"{stage}: the answer was cut: {why}; what came before it is used",
                    raw=clip_raw(response.text),
                )
            )

    def _request(
        self,
        messages: list[Message],
        out: Extraction,
        stage: str,
        temperature: float,
        seed: int | None = None,
    ) -> _Steps[TeacherResponse | None]:
        fmt = self._response_format() if self.use_json_schema else None
        for attempt in range(2):
            request = TeacherRequest(
                messages=tuple(messages),
                model=self.model,
                temperature=temperature,
                seed=seed,
                max_tokens=self.max_tokens,
                response_format=fmt,
                metadata={
                    "prompt_template": self.template_name,
                    "prompt_template_hash": self.template_hash,
                    "stage": stage,
                },
            )
            response = yield request
            if isinstance(response, FatalTeacherError):
                exc = response
                if exc.systemic:  # no key, bad key, unknown model: every text would fail alike
                    raise exc
                status = getattr(exc, "status", None)
                if fmt is not None and attempt == 0 and status in (400, 422):
                    out.failures.append(
                        ExtractionFailure(
                            f"{stage}: server rejected response_format json_schema ({exc}); "
                            "asked again without it"
                        )
                    )
                    fmt = None
                    continue
                out.failures.append(ExtractionFailure(f"{stage}: teacher failed: {exc}"))
                return None
            if isinstance(response, TeacherError):
                out.failures.append(ExtractionFailure(f"{stage}: teacher failed: {response}"))
                return None
            usage = response.usage
            for key, value in (
                ("prompt_tokens", usage.prompt_tokens),
                ("completion_tokens", usage.completion_tokens),
                ("teacher_seconds", response.latency_s),
            ):
                # summed over all requests (extract, retry, glean): what this text cost
                out.signals[key] = out.signals.get(key, 0.0) + float(value)
            return response
        return None  # pragma: no cover - the loop always returns

    # ------------------------------------------------------------------ extraction
    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        """Ask the teacher for the knowledge in ``text`` and turn its JSON into items."""
        return self._drive(self._extract(text, prompt, types))

    async def aextract(
        self, text: str, *, prompt: str = "", types: frozenset[KnowledgeType] | None = None
    ) -> Extraction:
        """Async twin of :meth:`extract` (the same steps, asked through ``acomplete``)."""
        steps = self._extract(text, prompt, types)
        try:
            request = next(steps)
            while True:
                try:
                    outcome: _Outcome = await self.teacher.acomplete(request)
                except TeacherError as exc:
                    outcome = exc
                request = steps.send(outcome)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _drive(self, steps: _Steps[_T]) -> _T:
        """Run ``steps`` with the sync client."""
        try:
            request = next(steps)
            while True:
                try:
                    outcome: _Outcome = self.teacher.complete(request)
                except TeacherError as exc:
                    outcome = exc
                request = steps.send(outcome)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _extract(
        self, text: str, prompt: str, types: frozenset[KnowledgeType] | None
    ) -> _Steps[Extraction]:
        """The steps of one extraction (see the module docstring)."""
        out = Extraction(extractor=f"{self.name}@{self.version}")
        if not text or not text.strip():
            out.failures.append(ExtractionFailure("empty text: nothing to extract", raw=text))
            return out
        clean = _CONTROL.sub(" ", text)
        if clean != text:
            out.signals["control_characters"] = 1.0
        if len(clean) > self.max_input_chars:
            out.failures.append(
                ExtractionFailure(
                    f"text of {len(clean)} characters cut to its first {self.max_input_chars} "
                    "(max_input_chars) before asking the teacher",
                    raw=clip_raw(text),
                )
            )
            clean = clean[: self.max_input_chars]
        if not clean.strip():
            out.failures.append(
                ExtractionFailure("text holds only control characters", raw=clip_raw(text))
            )
            return out
        text = clean
        wanted = types if types is not None else frozenset(KnowledgeType)
        pieces = split_sections(text, self.section_chars)
        if len(pieces) == 1:
            yield from self._read(text, prompt, wanted, out, "extract")
        else:
            out.signals["sections"] = float(len(pieces))
            for n, piece in enumerate(pieces, 1):
                before = len(out.items)
                yield from self._read(
                    text[piece.start : piece.end],
                    prompt,
                    wanted,
                    out,
                    f"extract section {n}/{len(pieces)}",
                    context=piece.context(),
                )
                # spans were found in the piece: move them into the whole text
                out.items[before:] = [_shifted(item, piece.start) for item in out.items[before:]]
        if out.is_empty and not out.failures:  # defensive: an empty result always says why
            out.failures.append(ExtractionFailure("extract: no items"))
        return out

    def _read(
        self,
        text: str,
        prompt: str,
        wanted: frozenset[KnowledgeType],
        out: Extraction,
        stage: str,
        context: str = "",
    ) -> _Steps[None]:
        """One request (plus the optional glean) for ``text``, its items added to ``out``."""
        messages = self.build_messages(text, prompt, wanted, context)
        raw = yield from self._ask(messages, out, stage)
        if raw is None:
            return
        ok = self._absorb(raw, text, out, wanted, stage, allow_empty=bool(context))
        if self.glean and ok:
            before = item_count(out)
            messages += [
                Message(role="assistant", content=raw),
                Message(role="user", content=self.glean_prompt),
            ]
            raw2 = yield from self._ask(messages, out, f"glean ({stage})" if context else "glean")
            if raw2 is not None:
                self._absorb(raw2, text, out, wanted, "glean", allow_empty=True)
            out.signals["gleaned_items"] = out.signals.get("gleaned_items", 0.0) + float(
                item_count(out) - before
            )

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        """One request per text; with ``concurrency`` > 1 that many requests are in flight at
        once (on the extractor's event loop).  Results come back in input order; an error that
        ends the run (a systemic teacher failure) is raised."""
        if self.concurrency <= 1:
            return pipe_each(self, texts, types=types, preserve_structure=preserve_structure)
        return (future.result() for future in self._in_flight((p, t, types) for p, t in texts))

    def stream(self, jobs: Iterable[StreamJob]) -> Iterator[Extraction | Exception]:
        """Extract ``(prompt, text, types)`` jobs with ``concurrency`` requests in flight,
        yielding results in input order, a few rounds ahead of the caller at most (``jobs`` is
        consumed lazily): a caller storing one batch keeps the next one being asked.  A job
        whose extraction raised comes back as its exception."""
        for future in self._in_flight(jobs):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - the job's own failure, kept for its writer
                yield exc

    def _in_flight(
        self, jobs: Iterable[StreamJob]
    ) -> Iterator[concurrent.futures.Future[Extraction]]:
        """Submit jobs to the event loop, a window ahead; yield their futures in input order,
        each once it is done.  Leaving early (an error, Ctrl-C) cancels what is in flight."""
        loop = self._event_loop()
        gate = asyncio.Semaphore(self.concurrency)  # bound to the extractor's loop on first use

        async def one(prompt: str, text: str, types: frozenset[KnowledgeType] | None) -> Extraction:
            async with gate:
                return await self.aextract(text, prompt=prompt, types=types)

        window: collections.deque[concurrent.futures.Future[Extraction]] = collections.deque()
        ahead = 4 * self.concurrency
        try:
            for prompt, text, types in jobs:
                window.append(asyncio.run_coroutine_threadsafe(one(prompt, text, types), loop))
                if len(window) >= ahead:
                    concurrent.futures.wait([window[0]])
                    yield window.popleft()
            while window:
                concurrent.futures.wait([window[0]])
                yield window.popleft()
        finally:
            for future in window:
                future.cancel()

    def _event_loop(self) -> asyncio.AbstractEventLoop:
        """The extractor's event loop, running in a daemon thread from first use: one loop for
        the extractor's life, so the teacher's async connection pool is reused across calls.
        It is stopped by :meth:`close`, or at interpreter exit for an extractor never closed."""
        with _LOOP_GUARD:
            if self._loop is None or self._loop.is_closed():
                loop = asyncio.new_event_loop()
                loop.set_exception_handler(_quiet_unclosed)
                threading.Thread(
                    target=loop.run_forever, name="llm-extract-loop", daemon=True
                ).start()
                _LOOPS.add(loop)
                self._loop = loop
            return self._loop

    def close(self) -> None:
        """Stop the extractor's event loop, closing the connections the teacher opened on it
        (the teacher itself is the caller's to close)."""
        with _LOOP_GUARD:
            loop, self._loop = self._loop, None
        if loop is not None:
            _LOOPS.discard(loop)
            _stop_loop(loop)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_loop"] = None  # a loop belongs to its process
        return state


#: the extractors' loops still running (their threads hold them anyway), stopped at exit
_LOOPS: set[asyncio.AbstractEventLoop] = set()


@atexit.register
def _stop_loops() -> None:
    for loop in list(_LOOPS):
        _stop_loop(loop)


def _quiet_unclosed(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """The extractor loop's exception handler: an HTTP session of a teacher collected while the
    loop still runs (a teacher dropped without ``aclose``) closes its connections as it goes,
    and saying so on stderr would only be noise; everything else is reported as usual."""
    if context.get("message") in ("Unclosed client session", "Unclosed connector"):
        return
    loop.default_exception_handler(context)


def _stop_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Shut down ``loop``'s async generators (which closes the HTTP sessions opened on it) and
    stop it; waits at most a few seconds, and does nothing to a loop already stopped."""
    if loop.is_closed() or not loop.is_running():
        return
    with contextlib.suppress(Exception):
        asyncio.run_coroutine_threadsafe(loop.shutdown_asyncgens(), loop).result(timeout=5)
    loop.call_soon_threadsafe(loop.stop)


def _shifted(item: Item, offset: int) -> Item:
    if item.span is None or offset == 0:
        return item
    return item.model_copy(update={"span": (item.span[0] + offset, item.span[1] + offset)})


def _flag(value: bool | str) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
