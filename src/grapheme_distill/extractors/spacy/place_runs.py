"""When a run of place names set off by commas is an address ("Seville, Andalusia, Spain": each
place lies in the next) and when it is a list of places (:meth:`Copulas.place_chain`'s test)."""

from __future__ import annotations

from typing import Any

# words that open a list of members or examples: "eleven countries, among them Tanzania, Uganda,
# Rwanda", "cities such as Paris, Lyon, Nice", "several states, including Texas, Ohio": what
# follows names the members of a group, never an address, however the list ends
_MEMBERS = frozenset({"including", "like", "notably", "namely", "especially", "particularly"})
_AMONG = frozenset({"them", "these", "others", "which", "whom", "those"})


def listed(first: Any, last: Any) -> bool:
    """The run of places from ``first`` to ``last`` (entity spans) is a list rather than an
    address: it ends a list ("Paris, Lyon and Nice", "Paris, Lyon, and Nice", "Paris, Lyon,
    Nice"), or a word that opens a list of members or examples comes before it ("among them",
    "including", "such as").  A comma after the run goes on with the list unless a lower-case word
    follows it: "born in Tryon, North Carolina, one of eight children" is an address with an
    apposition after it ("Io, Europa, Ganymede" a list whatever NER calls "Ganymede")."""
    return _introduced_as_members(first) or _ends_a_list(last)


def _introduced_as_members(first: Any) -> bool:
    doc = first.doc
    i = first.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].text == ":":
        i -= 1  # "including: Tanzania, Uganda, ..."
    if i < 0:
        return False
    word = doc[i].lower_
    if word in _MEMBERS:
        return True
    before = doc[i - 1].lower_ if i > 0 else ""
    return (word == "as" and before == "such") or (word in _AMONG and before == "among")


def _ends_a_list(last: Any) -> bool:
    doc = last.doc
    nxt = doc[last.end].lower_ if last.end < len(doc) else ""
    before = doc[last.start - 1].lower_ if last.start > 0 else ""
    if nxt == "," and last.end + 1 < len(doc):
        after = doc[last.end + 1]
        return after.lower_ in ("and", "or") or not after.is_lower
    return nxt in ("and", "or", ",") or before in ("and", "or")
