"""Per-document reads the readers repeat, kept on ``doc.user_data`` (performance only).

``Doc.text`` joins every token's text at each call, and ``doc[i]`` builds a new ``Token`` at each
index: readers that ask a document for its text, or index its tokens in hot loops, read them here
once per document instead; ``Token.children`` is a generator that builds each child anew, and the
clause reader walks a verb's children five to ten times.  A spaCy ``Doc``'s text, tokens and parse
never change after the parse (no reader retokenizes), so the cached values stay what the document
would answer.  The cached lists are shared: callers read them and never change them.

Every cache here (and the other readers' memos on ``doc.user_data``, all under the
``grapheme_distill.`` prefix) holds tokens, and a ``Token`` holds its ``Doc``: the document and
its caches form a reference cycle that only the cyclic collector frees.  The extractor drops the
caches (:func:`release`) once an answer is read, so its documents are freed at once by reference
counting instead of being traced by a young-generation collection (~25,000 objects per chunk of
64 synthetic answers, 0.05-0.15 s of collection per 120 answers before, ~0.005 s after).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "PREFIX",
    "doc_text",
    "doc_tokens",
    "release",
    "span_text",
    "token_children",
    "token_sent",
]

#: the prefix of every ``doc.user_data`` key the readers cache under (what :func:`release` drops)
PREFIX = "grapheme_distill."
_TEXT = PREFIX + "text"
_TOKENS = PREFIX + "tokens"
_CHILDREN = PREFIX + "children"
_SENTS = PREFIX + "sents"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per document."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Any) -> str:
    """``span.text`` of a ``Span`` (or of a whole ``Doc``), sliced out of the document's text.

    ``Span.text`` builds a ``Token`` per word and joins their texts with their whitespace (~5 us
    for a sentence of nine words, ten times the slice); the document's text is those same
    tokens' texts and whitespace joined in order, each token's ``idx`` is its offset in it, and
    a span's ``end_char`` ends its last token without the trailing space, so the slice is the
    same string (checked on the 112,197 sentences, entities, chunks and windows of the devread
    and synthetic pieces; pinned in tests/extractors/spacy/test_doc_cache.py)."""
    start = getattr(span, "start_char", None)
    if start is None:  # a Doc (whose ``doc`` is itself)
        return doc_text(span)
    return doc_text(span.doc)[start : span.end_char]


def doc_tokens(doc: Any) -> list[Any]:
    """``list(doc)``, built once per document: ``doc_tokens(doc)[i]`` is ``doc[i]``."""
    tokens: list[Any] | None = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def token_children(tok: Any) -> list[Any]:
    """``list(tok.children)``, built once per token of a document (read it, do not change it).

    (Building every token's children in one pass over ``Doc.to_array("HEAD")`` at the first call
    was tried in the nineteenth session: ~8.7 ms for the 1,320 synthetic pieces where reading
    every token's ``children`` costs ~11.5 ms, and the readers ask for ~60 % of the tokens — no
    gain.)"""
    user_data = tok.doc.user_data
    kids: dict[int, list[Any]] | None = user_data.get(_CHILDREN)
    if kids is None:
        kids = user_data[_CHILDREN] = {}
    got = kids.get(tok.i)
    if got is None:
        got = kids[tok.i] = list(tok.children)
    return got


def token_sent(tok: Any) -> Any:
    """``tok.sent``: the sentence ``Span`` that holds ``tok``, from one walk over ``doc.sents``
    per document.

    ``Token.sent`` asks the document whether it has sentence boundaries (a check over all its
    tokens) and walks out from the token to them at every access: ~4 us (the bench pieces,
    synthetic and MINE), where this reads ~0.15 us once the piece's sentences are read (that
    walk ~0.3-0.5 us a token, once).  The spans are those ``doc.sents``
    yields, the same bounds ``Token.sent`` finds (a token whose ``sent_start`` is 1 opens a
    sentence, the first token always does).  A document without sentence boundaries (or whose
    sentences a hook defines) answers as ``tok.sent`` does."""
    doc = tok.doc
    by_token: list[Any] | None = doc.user_data.get(_SENTS)
    if by_token is None:
        if doc.user_hooks or doc.user_span_hooks or not doc.has_annotation("SENT_START"):
            return tok.sent
        by_token = []
        for sent in doc.sents:
            by_token.extend([sent] * (sent.end - sent.start))
        doc.user_data[_SENTS] = by_token
    return by_token[tok.i]


def release(doc: Any) -> None:
    """Drop every reader cache of ``doc`` (the ``grapheme_distill.`` keys of ``doc.user_data``;
    spaCy's own keys stay), breaking the token → document cycles they make.  Call it when no
    reader will read ``doc`` again: a later read would only build the caches anew."""
    user_data = doc.user_data
    for key in [k for k in user_data if isinstance(k, str) and k.startswith(PREFIX)]:
        del user_data[key]
