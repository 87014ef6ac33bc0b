"""A coordinated argument split into its members: the parse's conjuncts, a mis-parsed list split
on its text ("solar, wind and hydro power"), a street address kept whole.  What the parse says
of each token is read once per document: the clause reader, its copulas and the relation
candidates split the same tokens.  Split from :mod:`.arguments`, whose subjects and objects it
serves.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import span_text, token_children
from grapheme_distill.extractors.spacy.mentions import _LIST_SPLIT, Coref, Mention
from grapheme_distill.extractors.spacy.names import _ent_span, _make, mention_of, phrase_mention

#: the argument readers (:mod:`.arguments`, :mod:`.clause_subjects`, :mod:`.relation_candidates`)
#: are the users of the split
__all__ = ["_split_list"]


def _split_list(tok: Any, coref: Coref | None) -> list[Mention]:
    """``tok`` and its conjuncts; a mis-parsed list ("solar, wind and hydro power") is split on its
    text instead."""
    shape = _list_shape(tok)
    if shape.address is not None:
        return [shape.address]
    tok = shape.tok
    mentions: list[Mention] = []
    if shape.conj:
        for t in (tok, *shape.conj):
            m = mention_of(t, coref)
            if m:
                mentions.append(m)
        return mentions
    first = mention_of(tok, coref)
    if shape.has_list and not (first and first.label):
        if shape.parts is None:
            shape.parts = _split_text(tok)
        if len(shape.parts) >= 2:
            return list(shape.parts)
    return [first] if first else []


@dataclasses.dataclass(slots=True)
class _ListShape:
    """What :func:`_split_list` reads off the parse alone for one token, before it asks
    :func:`mention_of` (which may consult the context): the token read (an apposition's name), a
    street address, the conjuncts, whether the text may be split as a list, and that split."""

    tok: Any
    address: Mention | None
    conj: list[Any]
    has_list: bool
    parts: list[Mention] | None = None  # read at the first call that needs it


_SHAPES = "grapheme_distill.list_shape"


def _list_shape(tok: Any) -> _ListShape:
    """:class:`_ListShape` of ``tok``, kept per document (``doc.user_data``): the clause reader,
    its copulas and the relation candidates split the same tokens (6,448 calls for 3,613 tokens
    on the dev answers), and each split walked the token's subtree, children and conjuncts."""
    shapes: dict[int, _ListShape] = tok.doc.user_data.setdefault(_SHAPES, {})
    shape = shapes.get(tok.i)
    if shape is None:
        shape = shapes[tok.i] = _read_shape(tok)
    return shape


def _read_shape(tok: Any) -> _ListShape:
    if tok.pos_ == "NOUN" and (
        names := [
            c
            for c in token_children(tok)
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i <= tok.i + 3
        ]
    ):
        tok = names[0]  # "the film English Without Tears"
    sub = list(tok.subtree)  # walked once: the address test and the list test both read it
    address = _address(tok, sub)
    if address is not None:
        return _ListShape(tok, address, [], False)
    ent = _ent_span(tok)
    conj = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X")
        and not (ent is not None and ent.start <= c.i < ent.end)
    ]  # "George Allen and Unwin"
    if conj:
        return _ListShape(tok, None, conj, False)
    left = tok.left_edge.i
    has_list = any(t.dep_ == "cc" or (t.text == "," and t.i > left) for t in sub)
    return _ListShape(tok, None, [], has_list and len(sub) <= 40)


def _split_text(tok: Any) -> list[Mention]:
    """The list ``tok`` ends, split on its text ("solar, wind and hydro power"); fewer than two
    parts mean no list."""
    mentions: list[Mention] = []
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i + 1
    text = span_text(doc[left:right])
    base = doc[left].idx
    pos = 0
    for part in _LIST_SPLIT.split(text):
        idx = text.find(part, pos)
        if idx < 0 or not part.strip():
            continue
        pos = idx + len(part)
        m = phrase_mention(doc, base + idx, base + idx + len(part))
        if m and len(m.text.split()) <= 8:
            mentions.append(m)
    return mentions


_STREET = re.compile(
    r"\b(?:Road|Street|St\.|Avenue|Ave\.|Way|Lane|Drive|Boulevard|Blvd\.|Square|Place)\b"
    r"|\b\d{5,6}\b"
)


def _address(tok: Any, sub: list[Any]) -> Mention | None:
    """A comma list that holds a street or a postcode is one address, not a list of places:
    "Soldevanahalli, Acharya Dr. Sarvapalli Radhakrishnan Road, Hessarghatta Main Road,
    Bangalore – 560090".  ``sub`` is ``list(tok.subtree)``."""
    if len(sub) > 40 or sum(t.text == "," for t in sub) < 2:
        return None
    doc = tok.doc
    span = doc[sub[0].i : sub[-1].i + 1]
    if not _STREET.search(span_text(span)):
        return None
    return _make(doc, span.start, span.end, "FAC", True)
