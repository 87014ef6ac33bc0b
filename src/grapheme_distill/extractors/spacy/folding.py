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

__all__ = [
    "article_titles",
    "class_of",
    "keeps_own_node",
    "listed_article_titles",
    "membership_bodies",
]

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


#: a word a title keeps in lower case between its capitalised words ("A Night at the Opera")
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "at", "on", "in", "to", "for", "and", "or", "with"}
)
#: a list item that opens with "A" or "An" and a name, maybe highlighted: "- A Night at the Opera
#: (1975)", "2. **An Inconvenient Truth** —"
_LISTED_ARTICLE = re.compile(
    r"(?m)^[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+[*_]{0,3}(A|An)[ \t]+(\S.*)$"
)
#: what may follow a list item's whole head: nothing, a bracket, a colon, a comma or a dash ("- A
#: United States senator from Ohio" names no title "A United States": the name is a prefix only)
_ENDS_HEAD = re.compile(r"$|\s*[(:,\u2014\u2013]|\s+-\s")


def _title_cased(words: Sequence[str]) -> bool:
    """Whether a name of two or more words is written as a title: each word capitalised (or a
    number) but the small words between them, and not all in capitals."""
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words)
        and not all(w.isupper() for w in words)
    )


def listed_article_titles(names: dict[str, str], source: str) -> dict[str, tuple[str, str]]:
    """The titles a list item writes with a leading "A" / "An" ("- A Night at the Opera (1975)")
    whose name the readers made without it ("Night at the Opera": the item readers drop a
    leading article, as the name key drops "the"), as new name keys mapped to the name written
    with its article (and the bare name's key); :func:`article_titles` then folds the bare name
    into it.  Only a name written as a title (:func:`_title_cased`) and only the whole head of a
    list item (:data:`_ENDS_HEAD`: "- A United States senator from Ohio" names no title), where
    the article opens the title, not a sentence ("- A Roman legion had …" reads no title: its
    words are not capitalised).  Where the title is in italics the parse reads it whole already
    (:func:`~.titles.emphasised`); this is the same name in a bare item (thirty-second
    session's defect)."""
    if "A" not in source:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for m in _LISTED_ARTICLE.finditer(source):
        rest = m.group(2)
        for key, written in names.items():
            if (
                rest.startswith(written)
                and _ENDS_HEAD.match(rest[len(written) :].lstrip("*_"))
                and _title_cased(written.split())
                and f"a {key}" not in names
                and f"an {key}" not in names
            ):
                article = m.group(1)
                out[f"{article.lower()} {key}"] = (key, f"{article} {written}")
    return out


#: a membership of a body or an order, as a name key: "member of the order of merit", "fellow of
#: royal society" (:data:`~.titles._MEMBERSHIPS`)
_MEMBERSHIP = re.compile(r"^(?:fellow|member|associate)s? of (?:the )?(?P<body>\S.*)$")


def membership_bodies(names: dict[str, str], short: dict[str, str]) -> dict[str, str]:
    """Name keys of a membership ("Member of the Order of Merit", "Fellow of the Royal Society")
    mapped to the key of the body it is of, where the answer names the body too: the gold names
    the body (and the person its member), not the honour (:func:`~.titles.membership_of_body`
    keeps NER's "Fellow" alone from being a name).  A list item or a key's value read whole
    ("- Member of the Order of Merit (1973)", by the item and value readers) made the honour a
    node beside the body; folded, its facts (the year) go to the body (the thirty-second
    session's defect)."""
    out: dict[str, str] = {}
    for key in names:
        m = _MEMBERSHIP.match(key)
        if m is None or key in short:
            continue
        body = m.group("body")
        target = short.get(body, body)  # the body may itself be folded already
        if body in names and target != key:
            out[key] = target
    return out
