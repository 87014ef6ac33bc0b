"""The one exception tree of grapheme-distill.

Every error the library raises on purpose derives from :class:`DistillError`, so a caller (and the
CLI, in exactly one place) can catch the whole family.  Errors that a retry may cure derive from
:class:`RetryableError` as well, so retry policies never need to know concrete classes.  Backend
errors (sqlite3, httpx, json, llama.cpp) are translated at the boundary and chained with ``from``
so the original cause stays visible in tracebacks and logs.

::

    DistillError
    ├── ConfigError
    │   └── InvalidConfig               a field is out of range / wrong type
    ├── SessionError
    │   ├── SessionFull                 max_items_per_session reached
    │   ├── SessionNotFound             unknown or completed session id
    │   └── LowConfidence               an item fell under min_confidence (kept in `rejected`)
    ├── ExtractionError
    │   ├── ExtractionFailed            an extractor could not produce items (reason + raw text kept)
    │   └── ParseError                  structured output could not be parsed even after repair
    ├── TeacherError
    │   ├── RetryableTeacherError       429, 5xx, time-outs, dropped connections (also RetryableError)
    │   ├── FatalTeacherError           4xx other than 429, bad credentials, unknown model
    │   │   └── TeacherUnavailable      fail fast: several requests in a row met the same
    │   │                               teacher-wide failure (bad key, unreachable, unknown model)
    │   └── ReplayMiss                  a replay teacher has no recording for a request
    ├── InputError                      a bad input file: names the file, line and reason
    ├── StoreError
    │   └── MigrationError              the store's schema cannot be brought up to date
    ├── ResolutionError
    ├── ExportError
    └── MissingDependency               an optional extra is not installed (says how to install it)
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConfigError",
    "DistillError",
    "ExportError",
    "ExtractionError",
    "ExtractionFailed",
    "FatalTeacherError",
    "InputError",
    "InvalidConfig",
    "LowConfidence",
    "MigrationError",
    "MissingDependency",
    "ParseError",
    "ReplayMiss",
    "ResolutionError",
    "RetryableError",
    "RetryableTeacherError",
    "SessionError",
    "SessionFull",
    "SessionNotFound",
    "StoreError",
    "TeacherError",
    "TeacherUnavailable",
]


def printable(text: str) -> str:
    """``text`` with lone surrogates (from ``"\\ud800"`` escapes or undecodable file names)
    written as backslash escapes.

    Why: a message is printed, logged and stored in SQLite, and each of those encodes it as
    UTF-8, which a lone surrogate cannot be; a message about bad input must never fail itself.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class DistillError(Exception):
    """Root of every error grapheme-distill raises on purpose."""


class RetryableError(DistillError):
    """Mixin-style base: the same call may succeed later (rate limits, overload, network)."""


class ConfigError(DistillError):
    """The configuration cannot be used."""


class InvalidConfig(ConfigError):
    """A configuration field has a value outside its allowed range.

    Attributes:
        field: the name of the offending field (dotted for nested settings).
        allowed: a human description of the allowed values.
    """

    def __init__(self, field: str, value: Any, allowed: str, *, hint: str | None = None) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        hint = _setting_hint(field) if hint is None else hint
        super().__init__(
            f"invalid config: {field}={value!r}; allowed: {allowed}." + (f" {hint}" if hint else "")
        )


def _setting_hint(field: str) -> str:
    """Where a setting can be fixed — only for real settings: pointing at ``--set foo=`` or
    ``GRAPHEME_DISTILL_MODEL`` for a name that is no setting sends the user to a dead end."""
    from grapheme_distill.config import DistillationConfig  # lazy: config imports this module

    if field not in DistillationConfig.model_fields:
        return ""
    return (
        f"Fix it in the config file, with --set {field}=VALUE or GRAPHEME_DISTILL_{field.upper()}."
    )


class SessionError(DistillError):
    """A distillation session refused an operation."""


class SessionFull(SessionError):
    """The session holds max_items_per_session items; complete it and start a new one."""

    def __init__(self, session_id: str, capacity: int) -> None:
        self.session_id = session_id
        self.capacity = capacity
        super().__init__(
            f"session {session_id} is full ({capacity} items); complete it and start a new "
            "session, or raise max_items_per_session"
        )


class SessionNotFound(SessionError):
    """No active session has this id (it never existed or was completed)."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__(
            f"no active session {session_id!r}; start one with KnowledgeDistiller.start_session()"
        )


class LowConfidence(SessionError):
    """An item's confidence is below min_confidence.  The item is kept in the session's
    ``rejected`` list with this reason, never silently dropped."""

    def __init__(self, item_id: str, confidence: float, threshold: float) -> None:
        self.item_id = item_id
        self.confidence = confidence
        self.threshold = threshold
        super().__init__(
            f"item {item_id} has confidence {confidence:.3f} < min_confidence {threshold:.3f}; "
            "it was kept in session.rejected; lower min_confidence to accept such items"
        )


class ExtractionError(DistillError):
    """Extraction from a teacher answer went wrong."""


class ExtractionFailed(ExtractionError):
    """An extractor produced no usable result.  ``raw`` keeps the text it was given."""

    def __init__(self, extractor: str, reason: str, raw: str = "") -> None:
        self.extractor = extractor
        self.reason = reason
        self.raw = raw
        super().__init__(f"extractor {extractor} failed: {reason}")


class ParseError(ExtractionError):
    """Structured output (JSON) could not be parsed, even after repair."""

    def __init__(self, reason: str, raw: str = "") -> None:
        self.reason = reason
        self.raw = raw
        super().__init__(f"could not parse structured output: {reason}")


class TeacherError(DistillError):
    """A teacher (LLM provider) call failed.

    Attributes:
        systemic: the failure is about the teacher, not this request (bad or missing key, an
            unreachable server, an unknown model), so every other request will meet it too;
            :class:`~grapheme_distill.teachers.failfast.FailFastTeacher` stops a run after a
            few of these in a row instead of letting every request fail slowly.
        kind: a short, stable name of what went wrong (``HTTP 401``, ``connection refused``,
            ``malformed body`` ...), for the summary's commonest-reasons count.
    """

    systemic: bool = False
    kind: str = ""


class RetryableTeacherError(TeacherError, RetryableError):
    """A call that may succeed if repeated: 429, 5xx, time-outs, connection errors.

    Attributes:
        retry_after: seconds the server asked us to wait (Retry-After), if it said so.
        status: the HTTP status, when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        systemic: bool = False,
        kind: str = "",
    ) -> None:
        self.retry_after = retry_after
        self.status = status
        self.systemic = systemic
        self.kind = kind or (f"HTTP {status}" if status is not None else "")
        super().__init__(message)


class FatalTeacherError(TeacherError):
    """A call that will fail the same way again (bad request, bad key, unknown model)."""

    def __init__(
        self, message: str, *, status: int | None = None, systemic: bool = False, kind: str = ""
    ) -> None:
        self.status = status
        self.systemic = systemic
        self.kind = kind or (f"HTTP {status}" if status is not None else "")
        super().__init__(message)


class TeacherUnavailable(FatalTeacherError):
    """Several requests in a row met a failure every request will meet (bad key, unreachable
    server, unknown model): the run stops instead of asking (and retrying) every remaining
    request in vain.  ``last`` is the failure that tripped it."""

    def __init__(self, teacher: str, count: int, last: TeacherError) -> None:
        self.teacher = teacher
        self.count = count
        self.last = last
        super().__init__(
            f"teacher {teacher} is unusable: {count} requests in a row failed the same way "
            f"({printable(str(last))}); the run stopped early. Fix this, then re-run the same "
            "command: what was already stored is kept and not asked again",
            status=getattr(last, "status", None),
            systemic=True,
            kind=last.kind or "unavailable",
        )


class ReplayMiss(TeacherError):
    """A strict replay teacher was asked something it has no recording of."""

    def __init__(self, request_hash: str) -> None:
        self.request_hash = request_hash
        super().__init__(
            f"no recorded exchange for request {request_hash}; record it first, or use "
            "lenient replay to report misses instead of failing"
        )


class InputError(DistillError):
    """A bad input file.  The message names the file, the line (1-based) and the reason."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = printable(path)  # an undecodable file name must not break the message
        self.line = line
        self.reason = printable(reason)
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {self.reason}")


class StoreError(DistillError):
    """The graph store failed; nothing already committed is lost."""


class MigrationError(StoreError):
    """The store's schema version is unknown or cannot be migrated."""


class ResolutionError(DistillError):
    """Entity resolution failed."""


class ExportError(DistillError):
    """Writing or reading an export failed."""


class MissingDependency(DistillError):
    """An optional extra is needed; the message says which ``pip install`` brings it."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional extra [{extra}]: pip install 'grapheme-distill[{extra}]'"
        )
