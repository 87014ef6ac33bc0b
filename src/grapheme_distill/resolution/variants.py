"""Name variants: the keys under which two spellings of one name meet.

Exact resolution compares normalised names (:func:`~grapheme_distill.model.hashing.normalise_name`),
which keeps "Skłodowska" and "Sklodowska", "Curie, Marie" and "Marie Curie", "Acme Inc." and "Acme"
apart.  The rule stage of :class:`~grapheme_distill.resolution.EntityResolver` instead looks names up
under *variant keys* computed here, each a tagged string, so an index can store them in one table
(SQL) or one dict (memory) and answer a batch of them with one lookup:

* ``n:`` — the folded name: diacritics and transliteration folded to ASCII ("ł" → "l", "ß" → "ss"),
  punctuation to spaces, "&" to "and", legal suffixes dropped ("Inc.", "Ltd", "GmbH"), plus the
  re-ordered form of "Curie, Marie" and, for a hyphenated last name, each part alone ("Marie
  Skłodowska-Curie" is also "marie curie").  Indexed and probed.
* ``s:`` / ``S:`` — the person signature, last name plus given-name initials ("curie|m").  Only
  an *abbreviated* name ("M. Curie", "J.S. Bach") may meet a full one this way, never two full
  names ("Maria Curie" is not "Marie Curie"): full names index ``s:``, abbreviated ones index
  both and probe ``s:``, full names probe ``S:``.
* ``m:`` / ``M:`` — a person's first and last name, so a name with its middle names dropped
  meets the full one ("Pyotr Tchaikovsky", "Pyotr Ilyich Tchaikovsky"), again one way round only.
* ``a:`` / ``A:`` — acronyms, the same way round: a multi-word name indexes ``a:`` with the
  initials of its content words ("nyc" for New York City) and probes ``A:``; an acronym-shaped
  name ("NYC", "U.S.A.") indexes ``A:`` and probes ``a:``.
* ``t:`` — one per distinctive token: the blocking keys of the fuzzy stage (any shared token
  makes two names worth scoring, so "Marie Curie" meets "M. Skłodowska Curie", which a two-letter
  prefix block never does).

Every key but ``t:`` carries the name's *qualifier* — a parenthesised or comma tail ("Paris,
Texas", "Turn Me On (album)") — after a ``|``, so "Paris, Texas" never meets "Paris" by a rule,
and the fuzzy stage refuses pairs whose qualifiers differ (:func:`qualifier_of`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from grapheme_distill.model.hashing import normalise_name

__all__ = [
    "NameForm",
    "clear_caches",
    "fold",
    "key_form",
    "name_form",
    "numbers_of",
    "qualifier_of",
]

#: Letters NFKD does not decompose, folded as the usual transliteration does.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŋ": "ng",
        "&": " and ",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z]+")
_QUALIFIED = re.compile(r"^(?P<base>.+?)\s*(?:\((?P<paren>[^()]+)\)|,\s*(?P<comma>[^,]+))$")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,8})$")
_INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,4}|[A-Z][a-z]{1,3}\.)$")
#: Trailing words that only say what kind of company a name is.
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "corp",
        "corporation",
        "co",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "spa",
        "srl",
        "pty",
        "kg",
        "oy",
        "ab",
        "as",
    ]
)
#: Words an acronym skips ("United States of America" → USA) and that never block fuzzily.
STOPWORDS = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "von",
        "van",
        "in",
        "on",
        "at",
        "a",
        "an",
        "to",
    ]
)
#: Tokens shorter than this do not block (too many names share them).
MIN_BLOCK_TOKEN = 3


def fold(text: str) -> str:
    """``text`` lower-cased and folded to ASCII words separated by single spaces."""
    text = text.casefold().translate(_FOLD)
    if not text.isascii():  # most names are ASCII already: no decomposition to undo
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def _strip_legal(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return words


def _split_qualifier(name: str) -> tuple[str, str]:
    match = _QUALIFIED.match(name.strip())
    if match is None:
        return name, ""
    return match["base"], fold(match["paren"] or match["comma"] or "")


def qualifier_of(key: str) -> str:
    """The folded qualifier of a (normalised) name: "texas" for "paris, texas", else ""."""
    return _split_qualifier(key)[1]


class NameForm(NamedTuple):
    """What the rule and fuzzy stages know about one name."""

    folded: str  # the folded name without qualifier and legal suffix
    qualifier: str
    index_keys: tuple[str, ...]  # the variant keys the name is found under
    probe_keys: tuple[str, ...]  # the variant keys that find the names it may be
    block_keys: tuple[str, ...]  # ``t:`` keys for the fuzzy stage


def _signature(words: list[str]) -> str | None:
    if len(words) < 2 or not words[-1].isalpha() or len(words[-1]) < 2:
        return None
    return words[-1] + "|" + "".join([w[0] for w in words[:-1]])


def _readings(base: str, person: bool) -> list[tuple[str, str]]:
    """(text, qualifier) readings of ``base``: a comma is a qualifier ("Paris, Texas") or, for
    a person or an untyped name, inverted order ("Curie, Marie")."""
    text, qualifier = _split_qualifier(base)
    readings = [(text, qualifier)]
    if person and base.count(",") == 1 and "(" not in base:
        last, _, first = base.partition(",")
        if len(last.split()) == 1 and 1 <= len(first.split()) <= 3:  # a surname, given names
            readings.append((f"{first} {last}", ""))
    return readings


@lru_cache(maxsize=200_000)
def name_form(name: str, person: bool = True) -> NameForm:
    """The variant keys of ``name`` (cached: a batch names the same entities again and again).

    Args:
        person: whether the name may be a person's (PERSON or an untyped entity): only then are
            "Last, First" re-ordered and signatures computed.
    """
    index: list[str] = []
    probe: list[str] = []
    blocks: list[str] = []
    folded = qualifier = ""
    for i, (text, qual) in enumerate(_readings(name.strip(), person)):
        raw_words = text.split()
        words = _strip_legal(fold(text).split())
        joined = " ".join(words)
        if i == 0:
            folded, qualifier = joined, qual
        tail = "|" + qual
        names = [joined]
        if person and len(raw_words) >= 2 and "-" in raw_words[-1]:  # "Skłodowska-Curie"
            hyphen = len(fold(raw_words[-1]).split())
            for part in words[len(words) - hyphen :]:
                names.append(" ".join(words[: len(words) - hyphen] + [part]))
        keys = ["n:" + variant + tail for variant in names]
        if qual:  # "Gettysburg, Pennsylvania" is "Gettysburg Pennsylvania" without the comma
            keys.append("n:" + " ".join(_strip_legal(fold(name).split())) + "|")
        index.extend(keys)
        probe.extend(keys)
        acronym_shaped = len(raw_words) == 1 and _ACRONYM.match(raw_words[0]) is not None
        if acronym_shaped:
            index.append("A:" + joined.replace(" ", "") + tail)
            probe.append("a:" + joined.replace(" ", "") + tail)
        content = [w for w in words if w not in STOPWORDS]
        if len(content) >= 2:
            acronym = "".join([w[0] for w in content])
            index.append("a:" + acronym + tail)
            probe.append("A:" + acronym + tail)
        if person and len(words) == 2:  # "Pyotr Tchaikovsky" meets "Pyotr Ilyich Tchaikovsky"
            index.append("M:" + joined + tail)
            probe.append("m:" + joined + tail)
        elif (
            person
            and len(words) >= 3
            and len(words[0]) > 1
            and not any(_INITIAL.match(w) for w in raw_words[1:-1])  # Michael B. Jordan
        ):
            index.append("m:" + words[0] + " " + words[-1] + tail)
            probe.append("M:" + words[0] + " " + words[-1] + tail)
        if person and not acronym_shaped:
            abbreviated = any(_INITIAL.match(w) for w in raw_words[:-1])
            for variant in names:
                sig = _signature(variant.split())
                if sig is None:
                    continue
                index.append("s:" + sig + tail)
                if abbreviated:
                    index.append("S:" + sig + tail)
                    probe.append("s:" + sig + tail)
                else:
                    probe.append("S:" + sig + tail)
        blocks.extend(_blocks(words))
    return NameForm(
        folded,
        qualifier,
        tuple(dict.fromkeys(index)),
        tuple(dict.fromkeys(probe)),
        tuple(dict.fromkeys(blocks)),
    )


def _blocks(words: list[str]) -> list[str]:
    return ["t:" + w for w in words if len(w) >= MIN_BLOCK_TOKEN and w not in STOPWORDS]


class KeyForm(NamedTuple):
    """What the fuzzy and embedding stages need of a stored normalised name: the parts of its
    :class:`NameForm` that do not depend on case."""

    folded: str
    qualifier: str
    block_keys: tuple[str, ...]


@lru_cache(maxsize=200_000)
def key_form(key: str) -> KeyForm:
    """The folded name, qualifier and block keys of a stored normalised name, exactly as
    :func:`name_form` computes them for a person-or-untyped name, without the variant keys a
    key (its case lost) cannot give anyway; cached, since the fuzzy stage reads the same
    candidates' forms for name after name."""
    folded = qualifier = ""
    blocks: list[str] = []
    for i, (text, qual) in enumerate(_readings(normalise_name(key).strip(), True)):
        words = _strip_legal(fold(text).split())
        if i == 0:
            folded, qualifier = " ".join(words), qual
        blocks.extend(_blocks(words))
    return KeyForm(folded, qualifier, tuple(dict.fromkeys(blocks)))


@lru_cache(maxsize=200_000)
def numbers_of(folded: str) -> tuple[str, ...]:
    """The numbers and initials in a folded name: "Shenzhou 6" and "Shenzhou 10", "Michael
    Jordan" and "Michael B. Jordan" are two things however close the strings are."""
    return tuple(w for w in folded.split() if w.isdigit() or len(w) == 1)


def clear_caches() -> None:
    """Forget every cached name form (what a benchmark does to measure cold runs)."""
    name_form.cache_clear()
    key_form.cache_clear()
    numbers_of.cache_clear()
