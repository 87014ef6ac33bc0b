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
from typing import Any

__all__ = ["HASH_ALGORITHM", "canonical_json", "content_hash", "normalise_name", "verify_hash"]

HASH_ALGORITHM = "sha256"
_HEX_LEN = 32
_SEP = "\x1f"
_SCALARS = {True: "jtrue", False: "jfalse", None: "jnull"}
_WS = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\r\"'`“”‘’.,;:!?*_()[]{}"


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no insignificant whitespace and unescaped Unicode: one text per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _encode_part(part: Any) -> str:
    # Strings (the overwhelmingly common case) skip JSON: tag "s", and the separator doubled
    # inside the string keeps the encoding unambiguous.  Everything else is canonical JSON.
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


def normalise_name(name: str) -> str:
    """The key entity identity is computed from.

    NFKC folds compatibility forms (ligatures, full-width letters), casefold handles ß/ς and other
    cases lower() misses, whitespace runs collapse and surrounding punctuation and markdown emphasis
    are dropped, so "**Paris**", "paris" and "PARIS." are one entity.  Combining marks are kept:
    "Zoë" and "Zoe" stay distinct names (resolution may still link them as aliases).
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _WS.sub(" ", text).strip(_EDGE_PUNCT)
    text = text.removeprefix("the ")
    return text
