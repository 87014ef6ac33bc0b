"""A name never holds half a pair of brackets or quotes (issue 11).

Why.  Names are cut out of the text at word or character edges, and an edge can fall inside a
bracket or a quotation: trimming edge punctuation turned the heading "The Spanish Armada (1588)"
into the node "Spanish Armada (1588", a noun chunk stopped inside a quotation ('precast concrete
"shells'), NER ended a name on a bracket ("401(k").  Such a name matches no gold name (the gold
writes "Spanish Armada", "401(k)") and reads as broken in every export.  The bracket's place
says what the writer meant: glued to the word before it ("401(k", "O(n") it is part of the name
and gets its closing half back; after a space ("Spanish Armada (1588", "IRA (individual
retirement account") it opens a gloss the cut ran into, and the name is what comes before it.  A
closing bracket nothing opened ends a gloss the name started inside ("BEC) forms"): the name is
what follows it.  An unpaired quotation mark is dropped, the words kept ('"Revolutionary" Étude'
cut to 'Revolutionary" Étude' is the Revolutionary Étude).
"""

from __future__ import annotations

import re

__all__ = ["balanced", "quote_cut"]

_PAIRS = (("(", ")"), ("[", "]"))
_QUOTES = (('"', '"'), ("“", "”"))
_EDGE = " \t\n,;:.-–—"
#: any bracket or double quotation mark: a name without one is balanced (one C-speed scan; the
#: names asked about rarely hold one)
_MARKS = re.compile(r'[()\[\]"“”]')
_QUOTE_MARKS = re.compile(r'["“”]')


def _unpaired(text: str, opener: str, closer: str) -> tuple[int, int]:
    """The index of the first closer nothing opened and of the last opener never closed (-1:
    none)."""
    stray, opened = -1, []
    for i, ch in enumerate(text):
        if ch == opener:
            opened.append(i)
        elif ch == closer:
            if opened:
                opened.pop()
            elif stray < 0:
                stray = i
    return stray, (opened[0] if opened else -1)


def _brackets(text: str, opener: str, closer: str) -> str:
    stray, open_at = _unpaired(text, opener, closer)
    if stray >= 0:
        after = text[stray + 1 :].strip(_EDGE)
        text = after if after else text[:stray].strip(_EDGE)
        stray, open_at = _unpaired(text, opener, closer)
    if open_at >= 0:
        if open_at > 0 and not text[open_at - 1].isspace():
            text = text + closer * (text.count(opener) - text.count(closer))
        else:
            before = text[:open_at].strip(_EDGE)
            text = before if before else text[open_at + 1 :].strip(_EDGE)
    return text


def _odd(text: str, opener: str, closer: str) -> bool:
    if opener == closer:
        return text.count(opener) % 2 == 1
    return text.count(opener) != text.count(closer)


def quote_cut(text: str) -> bool:
    """Whether ``text`` holds one half of a pair of double quotation marks."""
    if _QUOTE_MARKS.search(text) is None:
        return False
    return any(_odd(text, a, b) for a, b in _QUOTES)


def balanced(text: str) -> str:
    """``text`` with every bracket and double quotation mark paired (see the module docstring);
    a name that is balanced already comes back unchanged."""
    if _MARKS.search(text) is None:
        return text
    for opener, closer in _PAIRS:
        if text.count(opener) != text.count(closer) or _unpaired(text, opener, closer) != (-1, -1):
            text = _brackets(text, opener, closer)
    for opener, closer in _QUOTES:
        if _odd(text, opener, closer):
            text = re.sub(r"\s{2,}", " ", text.replace(opener, "").replace(closer, "")).strip()
    return text
