"""Names that share one head noun in a coordinated list (issue 11, eleventh session).

"the Pacific, North American, Eurasian and African plates" names four plates: "Pacific Plate",
"North American Plate", ...  NER reads only the modifiers ("Pacific", "Eurasian", as places or
nationalities), which are no gold nodes, and the plates are lost.  A list of capitalised
modifiers before one plural common noun is read as one name per modifier, with the noun, when
the answer itself writes that noun as part of a name ("The Pacific Plate is the largest"): that
is what tells a name's head ("the Atlantic and Pacific oceans") from a described group ("the
French and Italian delegates").
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens
from grapheme_distill.extractors.spacy.mentions import Mention

__all__ = ["shared_head_names"]

_SEPARATORS = frozenset({",", "and", "or"})


def _element_start(toks: Any, end: int, first: int) -> int:
    """The first token of the capitalised run ending before ``end`` ("North American",
    "Indo-Australian"), or ``end`` when there is none."""
    k = end
    while k > first:
        t = toks[k - 1]
        if t.is_alpha and t.text[:1].isupper():
            k -= 1
        elif t.text == "-" and not t.whitespace_ and k - 2 >= first and not toks[k - 2].whitespace_:
            k -= 1  # "Indo-Australian"
        else:
            break
    while k < end and not toks[k].is_alpha:
        k += 1
    return k


def shared_head_names(span: Any) -> list[tuple[int, int, Mention]]:
    """Per modifier of a coordinated list before a shared plural head in ``span``: its tokens
    ``(start, end)`` and the name it gives with the head ("North American plate")."""
    doc = span.doc if hasattr(span, "doc") else span
    toks = doc_tokens(doc)
    first, last = getattr(span, "start", 0), getattr(span, "end", len(doc))
    found: list[tuple[int, int, Mention]] = []
    for h in range(first + 3, last):
        head = toks[h]
        if head.tag_ != "NNS" or not head.text[:1].islower():
            continue
        elements: list[tuple[int, int]] = []
        end = h
        joined = False
        while end > first:
            start = _element_start(toks, end, first)
            if start == end:
                break
            elements.append((start, end))
            k = start
            seps = []
            while k > first and toks[k - 1].lower_ in _SEPARATORS:
                seps.append(toks[k - 1].lower_)
                k -= 1
            if not seps:
                break
            joined = joined or len(elements) == 1 and any(s in ("and", "or") for s in seps)
            end = k
        if len(elements) < 2 or not joined:
            continue
        lemma = head.lemma_.lower()
        if not re.search(rf"\b[A-Z][\w-]* {re.escape(lemma.capitalize())}s?\b", doc_text(doc)):
            continue  # the answer never writes the noun as part of a name
        for start, end in reversed(elements):
            words = doc[start:end]
            text = f"{words.text} {lemma}"
            found.append((start, end, Mention(text, words.start_char, words.end_char, "", True)))
    return found
