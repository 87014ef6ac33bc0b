"""Whether a shorter name keeps its own node beside a longer name containing it (issue 11).

Answers shorten names they introduced ("Alan Shepard ... Shepard", "FC Spartak Moscow ... Spartak
Moscow"), and :func:`~.records.short_names` folds such a short form into the long name so that one
thing gets one node.  Folded the other way round, the short name's own facts go to another thing:
"REST is a style of designing web APIs ... A REST API lets clients ..." gave REST's definition and
abbreviation to "REST API", "Meiji ... means 'enlightened rule'" to "Meiji Restoration", "The Loire
rises ... The Loire Valley" the river's facts to the valley.  A word list of heads that make a
different thing ("valley", "prize") caught some of these; the general form is the word order:
when the longer name *adds words after* the short one, those words are the head of the longer
phrase and the short name modifies it ("REST API" is an API, "Nelson Mandela International Day" a
day), so it names another thing.  A first name before a surname is the exception ("Alan" / "Alan
Shepard", a person), and so are a company suffix ("Apple" / "Apple Inc.") and a number ("Napoleon"
/ "Napoleon I", "Apollo" / "Apollo 11": the answer shortens the numbered name).  The check only ever
keeps a fold from happening (it runs on the one longer name the short one could stand for), so
a short name that was left alone before stays alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["article_titles", "class_of", "keeps_own_node"]

# words after a name that do not make it another thing: legal forms of a company
_COMPANY_SUFFIXES = frozenset(
    {
        *("inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "co", "co.", "gmbh", "ag"),
        *("sa", "s.a.", "nv", "bv", "ab", "oy", "spa", "s.p.a.", "corporation", "incorporated"),
        *("limited", "company"),
    }
)
_NUMERAL = re.compile(r"^(?:\d[\d.]*|[ivx]+\.?)$")


def keeps_own_node(
    short: Sequence[str],
    long: Sequence[str],
    *,
    long_is_person: bool = False,
) -> bool:
    """Whether the name of words ``short`` stays its own node beside the name of words ``long``
    (lower-case words; ``long`` contains ``short`` as a contiguous run).

    ``long_is_person``: the longer name was labelled a person (a first name then stands for it)."""
    n = len(short)
    at = next((i for i in range(len(long) - n + 1) if tuple(long[i : i + n]) == tuple(short)), -1)
    if at < 0 or at + n == len(long):
        return False  # the tail of the longer name: a surname, a name without its prefix
    extra = long[at + n :]
    # a first name before a surname, a company's legal form, a number: the same thing
    same = long_is_person or all(
        w.strip(",") in _COMPANY_SUFFIXES or _NUMERAL.match(w) for w in extra
    )
    return not same


def class_of(short: Sequence[str], long_surface: str) -> bool:
    """Whether a capitalised short name is the common noun a longer name ends in, written in lower
    case there ("**Tala** is the rhythmic cycle ..." beside "Adi tala", "Blue" beside "Prussian
    blue"): the longer name is one kind of it, not its full form, so the two stay apart (a
    surname ends its full name capitalised: "Shepard" / "Alan Shepard", "Van Gogh" / "Vincent
    van Gogh").  ``short`` holds
    lower-case words, ``long_surface`` the longer name as the answer writes it."""
    words = long_surface.split()
    tail = words[-len(short) :] if short else []
    return (
        0 < len(short) < len(words)
        and [w.lower() for w in tail] == list(short)
        and all(w[:1].islower() for w in tail)
    )


def article_titles(names: dict[str, str], short: dict[str, str]) -> dict[str, str]:
    """Name keys that are a title without its leading "A" / "An", mapped to the title's key: "Night
    at the Opera" (a list item read by a document reader, a parse that cut the article) beside
    "A Night at the Opera" (the italic title) are one node, written with the article as the
    title is (gold conventions).  ``names`` maps keys to names as written; a key that
    :func:`~.records.short_names` folded already (``short``) keeps its fold.  ("The" is no
    question: the name key drops it, :func:`~grapheme_distill.model.hashing.normalise_name`.)"""
    out: dict[str, str] = {}
    for key, written in names.items():
        article, _, rest = key.partition(" ")
        if article not in ("a", "an") or not rest or rest not in names or rest in short:
            continue
        bare = names[rest]
        if written.split(" ", 1)[0] in ("A", "An") and bare[:1].isupper() and not bare.isupper():
            out[rest] = short.get(key, key)
    return out
