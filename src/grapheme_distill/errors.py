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
]


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

    def __init__(self, field: str, value: Any, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(
            f"invalid config: {field}={value!r}; allowed: {allowed}. "
            f"Fix it in the config file, the --set option or GRAPHEME_DISTILL_{field.upper()}."
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
    """A teacher (LLM provider) call failed."""


class RetryableTeacherError(TeacherError, RetryableError):
    """A call that may succeed if repeated: 429, 5xx, time-outs, connection errors.

    Attributes:
        retry_after: seconds the server asked us to wait (Retry-After), if it said so.
        status: the HTTP status, when there was one.
    """

    def __init__(
        self, message: str, *, retry_after: float | None = None, status: int | None = None
    ) -> None:
        self.retry_after = retry_after
        self.status = status
        super().__init__(message)


class FatalTeacherError(TeacherError):
    """A call that will fail the same way again (bad request, bad key, unknown model)."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


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
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


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
            f"{feature} needs the optional extra [{extra}]: "
            f"pip install 'grapheme-distill[{extra}]'"
        )
