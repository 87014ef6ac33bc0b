"""Number agreement between a finite verb and the noun a reader gives it as subject.

Why.  A relative clause's subject is the noun the parser hung the clause on, and the parser
often hangs it on the last noun before the relative pronoun: in "the pyramids of Giza, which
were built as tombs" the clause is on "Giza", and the clause readers read "Giza built_as tombs"
(:func:`.arguments._subjects`, :func:`.relation_candidates._subjects`).  English marks the
subject's number on a present-tense or "be" verb ("were", "flow" several; "was", "flows" one), so
a relative clause whose verb disagrees with its noun is about another one: the noun the "of"
phrase hangs on ("the pyramids"), or the whole coordination ("Björn and Benny, who were …")
whose last member took the clause.  A verb that shows no number (a past tense, a modal) says
nothing, and neither does a noun whose number the parse does not show.
"""

from __future__ import annotations

from typing import Any, Literal

from grapheme_distill.extractors.spacy.doc_cache import token_children

__all__ = ["agreeing_head", "finite_number"]

Shown = Literal["single", "plural"]

#: nouns that measure or sort their "of" phrase: "a group of mammals that includes cats" is said
#: of the mammals whatever the verb's number (the gold's ``mammals contains cats``), so a
#: disagreement is no reason to move to them
_MEASURES = frozenset(
    {
        "group", "kind", "type", "sort", "form", "variety", "class", "family", "set", "series",
        "range", "number", "lot", "couple", "pair", "part", "member", "one", "example",
        "collection", "list", "species", "genus", "order", "piece", "handful", "majority",
        "minority", "half", "third", "quarter", "most", "some", "all", "each", "none", "many",
    }
)  # fmt: skip


def finite_number(verb: Any) -> Shown | None:
    """The number the finite form of ``verb`` (or its first auxiliary) shows: "is", "was",
    "has", "flows" one; "are", "were", "have", "flow" several; None for a past tense, a modal, an
    infinitive or a participle without an auxiliary."""
    first = verb
    for c in token_children(verb):
        if c.dep_ in ("aux", "auxpass") and c.i < first.i:
            first = c
    if first.tag_ == "VBZ" or first.lower_ == "was":
        return "single"
    if first.tag_ == "VBP" or first.lower_ == "were":
        return "plural"
    return None


def _noun_number(tok: Any) -> Shown | None:
    """What the parse shows of a noun's number: several for a plural form or a coordination
    with "and", one for a singular noun or name; None for the rest."""
    kids = token_children(tok)
    if any(c.dep_ == "conj" for c in kids) and any(c.lower_ in ("and", "&") for c in kids):
        return "plural"
    if tok.tag_ in ("NNS", "NNPS"):
        return "plural"
    if tok.tag_ in ("NN", "NNP"):
        return "single"
    return None


def agreeing_head(verb: Any, head: Any) -> Any:
    """The noun a relative clause ``verb`` is about, given ``head``, the noun the parse hung it
    on: ``head`` itself unless the verb's number and the noun's disagree and a noun next to it
    agrees — the noun its "of" phrase hangs on ("the pyramids of Giza, which were built …", "the
    leader of the rebels, who was …"; not a noun that measures or sorts them, :data:`_MEASURES`),
    or the coordination whose last member it is ("Björn and
    Benny, who were …").  A disagreement with no such noun keeps ``head``: a body of people takes
    either number ("the band, who are from Sweden")."""
    shown = finite_number(verb)
    if shown is None or _noun_number(head) in (None, shown):
        return head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        up = head.head.head
        if _noun_number(up) == shown and up.lemma_.lower() not in _MEASURES:
            return up
    if head.dep_ == "conj" and shown == "plural" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    return head
