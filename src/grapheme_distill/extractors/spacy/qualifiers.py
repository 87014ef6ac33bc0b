"""What a trailing phrase qualifies: when "A, B" is one place name and when it is a place and
where it lies; which noun a participle set off by a comma describes.

"Paris, Texas" is not Paris: in the United States a city is named with its state, and the pair is
the name (it is also the form knowledge bases such as DBpedia use: ``Abilene,_Texas``).  Elsewhere
the part after the comma only says where the place is — "Geneva, Switzerland", "Warsaw, Poland",
"Maida Vale, London" — and an answer's reader should keep the place ("Geneva") and state the
containment (``Geneva located_in Switzerland``), which is what annotators of assistant answers and
users asking "what is in Switzerland?" expect.  Those regions are few and fixed, so they are a list.
"""

from __future__ import annotations

from typing import Any

from grapheme_distill.extractors.regions import US_STATES

__all__ = ["described_noun", "is_name_qualifier"]


def is_name_qualifier(region: str) -> bool:
    """True when ``region`` after "City, " is part of the city's name (a US state, as in
    "La Crosse, Wisconsin"), false when it only locates the city ("Geneva, Switzerland")."""
    return region.strip().lower() in US_STATES


def described_noun(participle: Any) -> Any:
    """The noun a participle clause set off by a comma describes when the parser hung it on the
    last name of a "by"/"of" phrase: in "Kind of Blue is a 1959 album by Miles Davis, recorded in
    New York and released by Columbia" the album was recorded, not Miles Davis.  Returns the
    described noun (an ``attr`` of a copula or an ``appos``) or ``None`` when the participle
    follows its noun directly ("the studio recorded in 1959") or the chain is something else.
    """
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return None
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].text != ",":
        return None
    pobj = participle.head
    if pobj.dep_ != "pobj" or pobj.head.lower_ not in ("by", "of", "from"):
        return None
    noun = pobj.head.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos"):
        return None
    if noun.dep_ == "attr" and noun.head.lemma_ != "be":
        return None
    return noun
