"""Canonical JSON and algorithm-tagged content hashes.

Ids in grapheme-distill are content hashes, never timestamps or counters: the same entity, the same
relation or the same teacher request always gets the same id, on any machine and in any run.  That
is what makes ingestion idempotent and lets independent runs merge.  A hash carries its algorithm
(``sha256:…``) so that a later change of algorithm can be recognised instead of silently colliding.
Hashes are truncated to 128 bits (32 hex digits): ample against accidental collision for graphs of
billions of items, and half the storage.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = [
    "HASH_ALGORITHM",
    "Canonical",
    "canonical_json",
    "content_hash",
    "exchange_key",
    "normalise_name",
    "verify_hash",
]

HASH_ALGORITHM = "sha256"
_HEX_LEN = 32
_SEP = "\x1f"
_SCALARS = {True: "jtrue", False: "jfalse", None: "jnull"}
_WS = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\r\"'`“”‘’.,;:!?*_()[]{}"


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no insignificant whitespace and unescaped Unicode: one text per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


class Canonical(str):
    """A value already written as :func:`canonical_json`: :func:`content_hash` hashes it exactly
    as it hashes the value itself, without serialising it again (a request's ~3 kB JSON schema,
    the same for every request of a run, cost ~0.1 ms per hash)."""

    __slots__ = ()


def _encode_part(part: Any) -> str:
    # Strings (the overwhelmingly common case) skip JSON: tag "s", and the separator doubled
    # inside the string keeps the encoding unambiguous.  Everything else is canonical JSON.
    if isinstance(part, Canonical):
        return "j" + part.replace(_SEP, _SEP + _SEP)
    if isinstance(part, str):
        return "s" + part.replace(_SEP, _SEP + _SEP)
    if part is True or part is False or part is None:
        return _SCALARS[part]
    return "j" + canonical_json(part).replace(_SEP, _SEP + _SEP)


def content_hash(*parts: Any) -> str:
    """Hash ``parts`` unambiguously (type-tagged, separator-escaped); returns ``"sha256:<32 hex>"``.

    Hot path: every item id is one of these, so strings avoid a JSON round trip.
    """
    data = _SEP.join(map(_encode_part, parts)).encode("utf-8")
    return f"{HASH_ALGORITHM}:{hashlib.sha256(data).hexdigest()[:_HEX_LEN]}"


def verify_hash(value: str, *parts: Any) -> bool:
    """Re-derive a hash from its parts and compare; False for an unknown algorithm tag."""
    algo, _, _ = value.partition(":")
    return algo == HASH_ALGORITHM and content_hash(*parts) == value


def exchange_key(
    request_hash: str, temperature: float, answer: str, recorded_as: str | None = None
) -> str:
    """The key a teacher exchange is recorded under, and the evidence source of what it taught.

    A deterministic request (``temperature`` 0) is keyed by the request alone: asking it again
    gives the same answer, so a second recording is not new evidence.  A sampled request
    (temperature > 0) is keyed by the request *and* the answer text: two different samples are two
    independent sources for the noisy-or, while the same answer read twice stays one.  A
    *recorded* exchange (a transcript line, ``recorded_as`` = its id or a hash of its whole
    content) is keyed by that: nine recorded answers to one prompt are nine exchanges.  The key
    depends on nothing but the exchange, so two stores that saw the same sample merge it as one
    source.

    Why plain arguments (the request's content hash, its temperature, the answer text) rather
    than the teacher's request and response objects: the rule is about evidence identity, which
    the stores, the transcript reader and graph merging all share, and ``model/`` sits below
    ``teachers/`` — taking :class:`~grapheme_distill.teachers.base.TeacherRequest` here would turn
    the layers upside down.  Callers pass ``request.content_hash(), request.temperature,
    response.text``.
    """
    if recorded_as is not None:  # a recorded line: its id or its whole content names it
        return content_hash("recorded", request_hash, recorded_as)
    if not temperature > 0.0:  # deterministic (NaN counts as not sampled, as before)
        return request_hash
    return content_hash("sample", request_hash, answer)


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The key entity identity is computed from.

    NFKC folds compatibility forms (ligatures, full-width letters), casefold handles ß/ς and other
    cases lower() misses, whitespace runs collapse and surrounding punctuation and markdown emphasis
    are dropped, so "**Paris**", "paris" and "PARIS." are one entity.  Combining marks are kept:
    "Zoë" and "Zoe" stay distinct names (resolution may still link them as aliases).

    Memoised: a crawl answer's few names are normalised ~45 times over (reading, ids, resolution,
    discovery; ~3 µs each), and the names recur across answers.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _WS.sub(" ", text).strip(_EDGE_PUNCT)
    text = text.removeprefix("the ")
    return text
