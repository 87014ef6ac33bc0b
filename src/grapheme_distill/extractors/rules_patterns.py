"""The sentence patterns of the ``rules`` extractor (split out of :mod:`.rules`).

Why a module of its own.  :mod:`.rules` grew to 762 lines (the limit is ~800) with four jobs in
one file; the largest was this table of what a careful regex can read in one sentence: copulas
and fixed relation phrases ("X is located in Y", "X was founded by Y", "X is the capital of Y"),
membership and composition ("X consists of A, B and C"), linguistic forms ("also known as",
"is defined as", "Term (ABBR)") and numeric or dated attributes.  :mod:`.rules` walks the
sentences and decides what a match yields; the patterns, their confidences and the keywords
that gate them live here, so a new pattern is one table row.
"""

from __future__ import annotations

import re

from grapheme_distill.model.knowledge import HierarchyKind, LinguisticKind

__all__ = [
    "ABBREVIATION",
    "ATTRIBUTE",
    "DIGIT",
    "HIERARCHY_PATTERNS",
    "LINGUISTIC_PATTERNS",
    "PARENTHETICAL",
    "RELATION_PATTERNS",
    "WORDS",
    "YEAR_EVENT",
]


def _kw(*words: str) -> frozenset[str]:
    """Keywords (single lower-case words) of a pattern: it is tried only when one of them occurs
    among the sentence's words — one C-speed word scan per sentence instead of a regex per pattern.
    The test is a prefilter, so it may let through sentences the pattern then rejects, never the
    reverse."""
    return frozenset(words)


_NP = r"(?P<{0}>[^,;:()]{{1,80}}?)"
_S, _O = _NP.format("s"), _NP.format("o")
_BE = r"(?:is|are|was|were|(?:might|may|could|must|can|will) be)"
_NOT = r"(?P<neg>\s+not|n't)?"

# (pattern, predicate, confidence).  Order matters: the first match in a sentence wins.
RELATION_PATTERNS: list[tuple[re.Pattern[str], str, float, frozenset[str]]] = [
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+(?:located|situated|found)\s+in\s+{_O}$", re.IGNORECASE
        ),
        "located_in",
        0.9,
        _kw("located", "situated", "found"),
    ),
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+(?P<role>founded|created|written|invented|developed|designed|"
            rf"built|discovered|composed|painted|directed|established)\s+by\s+{_O}$",
            re.IGNORECASE,
        ),
        "created_by",
        0.9,
        _kw("by"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:works|worked)\s+(?:for|at)\s+{_O}$", re.IGNORECASE),
        "works_for",
        0.85,
        _kw("works", "worked"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:owns|owned)\s+{_O}$", re.IGNORECASE),
        "owns",
        0.85,
        _kw("owns", "owned"),
    ),
    (
        re.compile(
            rf"^{_S}\s+(?:causes|caused|leads to|led to|results in|resulted in)\s+{_O}$",
            re.IGNORECASE,
        ),
        "causes",
        0.85,
        _kw("causes", "caused", "leads", "led", "results", "resulted"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:came|comes|happened|occurred)\s+before\s+{_O}$", re.IGNORECASE),
        "before",
        0.8,
        _kw("before"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:came|comes|happened|occurred)\s+after\s+{_O}$", re.IGNORECASE),
        "after",
        0.8,
        _kw("after"),
    ),
    (
        re.compile(rf"^{_S}\s+{_BE}{_NOT}\s+(?:a |an )?part\s+of\s+{_O}$", re.IGNORECASE),
        "part_of",
        0.9,
        _kw("part"),
    ),
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+the\s+(?P<rel>[a-z][a-z ]{{1,30}}?)\s+of\s+{_O}$",
            re.IGNORECASE,
        ),
        "",
        0.85,
        _kw("the"),
    ),
    (
        re.compile(rf"^{_S}\s+{_BE}{_NOT}\s+(?:a|an)\s+{_O}$", re.IGNORECASE),
        "is_a",
        0.8,
        _kw("a", "an"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:has|have|had)\s+(?:a |an )?{_O}$", re.IGNORECASE),
        "has_property",
        0.7,
        _kw("has", "have", "had"),
    ),
]
HIERARCHY_PATTERNS: list[tuple[re.Pattern[str], HierarchyKind, bool, float, frozenset[str]]] = [
    # (pattern, kind, list-in-object, confidence); parent is group "p", children group "c"
    (
        re.compile(
            r"^(?:the\s+)?(?:main\s+|common\s+)?(?:types|kinds|forms|classes)\s+of\s+(?P<p>[^,;:()"
            r"]{1,60}?)\s+(?:include|are)\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.SUBCLASS_OF,
        True,
        0.85,
        _kw("types", "kinds", "forms", "classes"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:consists|consisted)\s+of\s+(?P<c>.+)$", re.IGNORECASE
        ),
        HierarchyKind.PART_OF,
        True,
        0.85,
        _kw("consists", "consisted"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:made up|composed)\s+of\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.PART_OF,
        True,
        0.85,
        _kw("made", "composed"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:contains|contain|included|includes|include)\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.CONTAINS,
        True,
        0.8,
        _kw("contains", "contain", "included", "includes", "include"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:a\s+)?members?\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.MEMBER_OF,
        False,
        0.9,
        _kw("member", "members"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:a\s+)?(?:part)\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.PART_OF,
        False,
        0.9,
        _kw("part"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are)\s+(?:a\s+)?(?:type|kind|subclass|form)\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.SUBCLASS_OF,
        False,
        0.9,
        _kw("type", "kind", "subclass", "form"),
    ),
]
_AKA = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?),?\s+(?:also known as|also called|aka|a\.k\.a\.|otherwise known as|"
    r"commonly called)\s+(?P<v>[^,;()]{1,80})",
    re.IGNORECASE,
)
_DEFINE = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?)\s+(?:is defined as|refers to|means|is the term for)\s+(?P<v>.{3,300})$",
    re.IGNORECASE,
)
_SYNONYM = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?)\s+(?:is|are)\s+(?:a\s+)?synonym(?:ous)?\s+(?:of|with|for)\s+(?P<v>[^,;()]{1,80})$",
    re.IGNORECASE,
)
LINGUISTIC_PATTERNS: list[tuple[re.Pattern[str], LinguisticKind, float, frozenset[str]]] = [
    (_AKA, LinguisticKind.ALIAS, 0.85, _kw("known", "called", "aka", "k")),
    (_SYNONYM, LinguisticKind.SYNONYM, 0.85, _kw("synonym", "synonymous")),
    (_DEFINE, LinguisticKind.DEFINITION, 0.8, _kw("defined", "refers", "means", "term")),
]
WORDS = re.compile(r"[a-z]+")
ABBREVIATION = re.compile(
    r"(?P<t>(?:[A-Z][\w'-]*\s+){1,7}?(?:of\s+|and\s+|for\s+|the\s+)*(?:[A-Z][\w'-]*))\s+\((?P<a>[A-Z][A-Za-z0-9&.]{1,10})\)"
)
ATTRIBUTE = re.compile(
    r"^(?P<s>[^,;:()]{1,80}?)\s+(?:has|had)\s+(?:a|an)\s+(?P<a>[a-z][a-z ]{1,30}?)"
    r"\s+of\s+(?:about\s+|around\s+|approximately\s+|over\s+)?(?P<v>[-+]?\d[\d,]*(?:\.\d+)"
    r"?(?:\s*(?:%|percent|million|billion|thousand|km|kilometres|kilometers|miles|metres|meters|"
    r"kg|years))?)$",
    re.IGNORECASE,
)
YEAR_EVENT = re.compile(
    r"^(?P<s>[^,;:()]{1,80}?)\s+(?:was|were)\s+(?P<a>founded|born|built|established|created|"
    r"invented|discovered|released|published|completed|opened)\b.*?\bin\s+(?P<v>(?:\d{1,2}\s+)"
    r"?(?:[A-Z][a-z]+\s+)?\d{3,4})\b",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")
#: a parenthesis ("(EU)"), dropped once the linguistic patterns have read it
PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
