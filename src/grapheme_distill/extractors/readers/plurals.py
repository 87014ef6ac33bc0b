"""A plural noun's singular, for the structure readers: "Planets" over a table's column is the
word "planet" its names are followed by, "Symphonies No. 5 and No. 6" names "Symphony No. 6",
"the tributaries include ..." lists tributary after tributary, "Arts of Asia" writes "art".

spaCy's lemmatizer does this for a parsed noun, but the readers run without spaCy (the
dependency-free ``rules`` extractor reads documents with them) and on words no parse has tagged
(a header cell, a key, a word of a heading).  Its English noun rules are suffix rules ("-ies" →
"-y", "-ches" → "-ch", "-s" → "", ...) that a 57,000-noun index chooses between ("courses" is
"course", "buses" "bus"); without the index only the rules that need no choosing are safe, so
this module keeps those: "-ies" → "-y", "-sses" / "-xes" / "-ches" / "-shes" → without "-es",
a long "-oes" → "-o" ("volcanoes", "heroes"; "shoes" is "shoe"), else one "-s" off — none off
a word that ends in "-ss", "-us" or "-is" ("class", "status", "analysis": singulars already) or
is the same in both numbers ("species", "series").  ("-ves" → "-f" and "-men" → "-man" are left
out: "olives", "specimen".)  :mod:`grapheme_distill.extractors.verb_forms` mends verb lemmas
only; no noun helper stood there.
"""

from __future__ import annotations

__all__ = ["same_noun", "singular"]

#: nouns written alike in both numbers, and "-s" nouns whose "-s" is no plural ending
_INVARIANT = frozenset({"species", "series", "means", "news", "physics", "mathematics", "gas"})


def singular(noun: str) -> str:
    """``noun``'s singular, its case kept ("Symphonies" → "Symphony", "parts" → "part"); a word
    that is no plural in "-s" comes back as it is ("class", "bus", "species", "data")."""
    lower = noun.lower()
    if (
        not lower.endswith("s")
        or lower.endswith(("ss", "us", "is"))
        or lower.rsplit(None, 1)[-1] in _INVARIANT
    ):
        return noun
    if lower.endswith("ies") and len(lower) > 4:
        return noun[:-3] + ("Y" if noun[-3:].isupper() else "y")
    if lower.endswith(("sses", "xes", "ches", "shes")) or (
        lower.endswith("oes") and len(lower) > 5
    ):
        return noun[:-2]
    return noun[:-1]


def same_noun(a: str, b: str) -> bool:
    """Whether two words are one noun, a plural ending aside ("art" / "arts", "class" /
    "classes", "city" / "cities", "bus" / "buses")."""
    short, long = sorted((a, b), key=len)
    return long in (short, f"{short}s", f"{short}es") or singular(a) == singular(b)
