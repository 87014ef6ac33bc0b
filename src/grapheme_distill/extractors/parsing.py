"""Tolerant JSON parsing of LLM answers, with repair by ``json_repair``.

LLMs asked for JSON answer with JSON in markdown fences, JSON followed by a polite sentence,
JSON cut off by the token limit, trailing commas, or prose only.  :func:`parse_json` finds the JSON
part (the first fenced block, else the first ``{`` or ``[``), parses it strictly when it can
(ignoring trailing prose), and otherwise hands it to ``json_repair`` — a well-kept library — and
says so (``repaired=True`` with the decoder's complaint), so the caller can lower its confidence.
It never returns an empty value in place of an error: an empty answer, prose without JSON or an
unrepairable fragment raise :class:`~grapheme_distill.errors.ParseError` with the raw text, which
extractors record as a failure rather than a silently empty graph.

Inputs are bounded: repair runs on at most :data:`MAX_REPAIR_CHARS` characters, so a 1 MB answer
of garbage costs milliseconds rather than minutes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from grapheme_distill.errors import ParseError

__all__ = ["MAX_REPAIR_CHARS", "ParsedJSON", "find_json_text", "parse_json"]

#: repair (which is slower than strict parsing) looks at no more than this many characters
MAX_REPAIR_CHARS = 100_000

_FENCE = re.compile(
    r"```[ \t]*(?:json|JSON|json5|javascript|js)?[ \t]*\r?\n?(.*?)(?:```|\Z)", re.DOTALL
)
_DECODER = json.JSONDecoder()


@dataclass
class ParsedJSON:
    """A parsed value, whether it needed repair, and notes saying what was done."""

    value: Any
    repaired: bool = False
    notes: list[str] = field(default_factory=list)


def find_json_text(text: str) -> str | None:
    """The part of ``text`` that should be JSON: a fenced block holding ``{``/``[`` if there is
    one (an unclosed fence runs to the end: truncated answers), else everything from the first
    ``{`` or ``[``; None when there is no JSON-looking part at all."""
    for m in _FENCE.finditer(text):
        body = m.group(1).strip()
        if body[:1] in ("{", "["):
            return body
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    return text[min(starts) :] if starts else None


def parse_json(text: str) -> ParsedJSON:
    """Parse the JSON in an LLM answer, repairing it when needed.

    Raises:
        ParseError: the answer is empty, holds no JSON, or the JSON cannot be repaired into an
            object or array.  ``raw`` keeps the answer.
    """
    if not text or not text.strip():
        raise ParseError("empty answer", raw=text)
    candidate = find_json_text(text)
    if candidate is None:
        raise ParseError("no JSON object or array in the answer (prose only)", raw=text)
    notes: list[str] = []
    try:
        value, end = _DECODER.raw_decode(candidate)
        if candidate[end:].strip():
            notes.append(f"ignored {len(candidate[end:].strip())} characters after the JSON")
        if isinstance(value, dict | list):
            return ParsedJSON(value, repaired=False, notes=notes)
        raise ParseError(f"JSON is a {type(value).__name__}, not an object or array", raw=text)
    except json.JSONDecodeError as exc:
        complaint = f"{exc.msg} at character {exc.pos}"
    import json_repair

    snippet = candidate[:MAX_REPAIR_CHARS]
    if len(candidate) > MAX_REPAIR_CHARS:
        notes.append(
            f"repair looked at the first {MAX_REPAIR_CHARS} of {len(candidate)} characters"
        )
    try:
        value = json_repair.repair_json(snippet, return_objects=True)
    except Exception as exc:  # json_repair raises assorted errors on hostile input
        raise ParseError(f"invalid JSON ({complaint}) and repair failed: {exc}", raw=text) from exc
    if not isinstance(value, dict | list) or not value:
        raise ParseError(
            f"invalid JSON ({complaint}) that repair could not turn into an object", raw=text
        )
    if isinstance(value, list) != candidate.startswith("["):
        # "{xxx" repaired into ["xxx"]: the repair guessed a different shape, which is garbage
        raise ParseError(
            f"invalid JSON ({complaint}) that repair could not turn into an object "
            f"(it guessed a {type(value).__name__} instead)",
            raw=text,
        )
    notes.append(f"repaired: {complaint}")
    return ParsedJSON(value, repaired=True, notes=notes)
