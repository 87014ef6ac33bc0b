"""The prepositional readings of a clause: "X was born in Y", "known for proving Z".

Why a module of its own.  Every verb, participle and adjective reading of :mod:`.clauses` ends
the same way: each of its prepositions becomes one clause whose predicate is the head word plus
the preposition (``born_in``, ``known_for_prove``), read by :meth:`PrepositionReadings._prep` —
with the phrasal prepositions ("in response to"), "with Y as the R" attributes, "defined as a Y"
copulas and the adverbial phrases that are no object ("in addition").  It is one rule with its
exceptions, shared by the verb readings, so it was cut out of ``clauses.py`` in issue 11's ninth
session (at 769 lines), as the copulas were (:mod:`.copulas`) in the third.  ``clauses._Reader``
builds on :class:`PrepositionReadings`, which builds on ``ClauseBase``.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.arguments import (
    _noun_phrase_label,
    _owned_object,
    _split_list,
)
from grapheme_distill.extractors.spacy.clause_subjects import COLLECTIVE_NOUNS, TIME_PREPS
from grapheme_distill.extractors.spacy.copulas import ClauseBase
from grapheme_distill.extractors.spacy.doc_cache import token_children
from grapheme_distill.extractors.spacy.mentions import (
    _ADVERBIAL_OBJECTS,
    _STRUCT_VERBS,
    ClauseKind,
    Mention,
    Voice,
)
from grapheme_distill.extractors.spacy.names import _of_object

__all__ = ["TAKEN_AS", "PrepositionReadings"]


class PrepositionReadings(ClauseBase):
    """The prepositions of a head word, each read as a clause of the head's subjects."""

    def _preps(
        self, head: Any, subjects: list[Mention], base: str, voice: Voice, neg: bool, conf: float
    ) -> None:
        for prep in token_children(head):
            if prep.dep_ == "prep":
                self._prep(prep, subjects, base, voice, neg, conf)

    def _prep(
        self,
        prep: Any,
        subjects: list[Mention],
        base: str,
        voice: Voice,
        neg: bool,
        conf: float,
        *,
        with_prep: bool = True,
    ) -> None:
        word = prep.lower_ if with_prep else ""
        verb_base = base  # (a gerund's object below extends ``base``; a conjoined preposition not)
        if prep.dep_ == "agent":
            word = "by"
        pobjs = [g for g in token_children(prep) if g.dep_ == "pobj"]
        if not pobjs:
            # "known for proving the theorem": the gerund's object
            for g in token_children(prep):
                if g.dep_ == "pcomp" and g.pos_ == "VERB" and word not in TIME_PREPS:
                    pobjs = [d for d in token_children(g) if d.dep_ == "dobj"]
                    base = f"{base}_{word}_{g.lemma_.lower()}".strip("_")
                    word = ""
                    break
        pred = f"{base}_{word}".strip("_") if word else base
        if prep.dep_ == "agent" and not with_prep:
            pred = base
        for pobj in pobjs:
            pobj = collective_member(pobj) or pobj  # "built on a group of islands": the islands
            if (
                word == "as"
                and (base.split("_")[0] in TAKEN_AS_FORMS or _owned_role(base, pobj))
                and self.relational_noun(subjects, pobj, tok=prep, neg=neg, conf=conf)
            ):
                continue  # "X is defined as an agency of Y": as a copula would say it
            if pobj.lemma_.lower() in _ADVERBIAL_OBJECTS and not any(
                c.dep_ == "prep" for c in token_children(pobj)
            ):
                continue  # "in addition", "for example": discourse, not an object
            if word == "after" and voice == "active" and _unnamed_occasion(pobj):
                continue  # "resigned after disputes", "retired after 33 years": when, no relation
            role = next(
                (
                    g
                    for p in token_children(pobj)
                    if p.dep_ == "prep" and p.lower_ == "as"
                    for g in token_children(p)
                    if g.dep_ == "pobj" and g.pos_ == "NOUN"
                ),
                None,
            )
            if (
                word == "with" and role is not None
            ):  # "..., with Bernard Knowles as the cinematographer"
                for o in _split_list(pobj, self.coref):
                    for s in subjects:
                        self.add(
                            s,
                            _noun_phrase_label(role),
                            o,
                            "attribute",
                            tok=prep,
                            neg=neg,
                            conf=conf,
                        )
                continue
            if (
                word == "with"
                and pobj.pos_ == "NOUN"
                and self._with_values(pobj, subjects, prep, neg, conf)
            ):
                continue  # "with a periapsis of 260855000000 (and a population density of 1604)"
            if pobj.lower_ == "level" and any(c.lower_ == "sea" for c in token_children(pobj)):
                continue  # "610 metres above sea level" is a measure (see measure())
            phrasal = _phrasal_object(pobj)
            if phrasal is not None:  # "released in response to low blood sugar"
                pobj, pred = phrasal[1], f"{pred}_{pobj.lemma_.lower()}_{phrasal[0]}"
            kind: ClauseKind = _STRUCT_VERBS.get(pred, "relation")
            objs = [
                o
                for o in _owned_object(pobj, self.coref) or _split_list(pobj, self.coref)
                if not o.start <= prep.idx < o.end
            ]
            if (
                len(objs) > 1
                and all(o.label in ("GPE", "LOC") for o in objs)
                and not any(
                    t.dep_ == "cc" for c in (pobj, *pobj.conjuncts) for t in token_children(c)
                )
            ):
                objs = objs[:1]  # "based in Seville, Andalusia, Spain": one place, then where it is
            # (a preposition inside the object's own name is part of a title: "edited 'Death on a Farm'")
            # "known for the invention of X": the thing invented is the object
            if (
                pobj.lemma_ in ("invention", "discovery", "creation", "development", "role")
                and len(objs) == 1
            ):
                of = _of_object(pobj)
                if of is not None:
                    objs = _split_list(of, self.coref) or objs
            for s in subjects:
                for o in objs:
                    self.add(s, pred, o, voice, tok=prep, neg=neg, conf=conf, kind=kind)
        for other in _conjoined_preps(prep, pobjs):
            # "painted in Florence and in Milan", "flows through Orleans and into the Atlantic":
            # the parser hangs the second preposition on the first (or on its object), not on the
            # verb, so it would be read by nobody
            self._prep(other, subjects, verb_base, voice, neg, conf, with_prep=with_prep)


def collective_member(noun: Any) -> Any:
    """The noun of the "of" phrase when ``noun`` is a common collective or quantity noun ("a
    group of islands", "a mix of ions"), else ``None``: a verb or preposition taking "a group of
    islands" relates its subject to the islands, and the group is no entity of the answer (the
    count, "118", is read as an attribute by the value readers)."""
    if noun.pos_ != "NOUN" or noun.lower_ not in COLLECTIVE_NOUNS:
        return None
    return next(
        (
            g
            for p in token_children(noun)
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in token_children(p)
            if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


# a year or a decade ("1453", "the 1990s") or a century ("the 15th century"), not a count of years
# ("after 200 years"): the span of time is what ``_unnamed_occasion`` drops
_YEARS = re.compile(
    r"(?<![\d,])\d{3,4}s?\b(?!\s+(?:years?|months?|weeks?|days?|decades?|centuries))"
    r"|\b\d+(?:st|nd|rd|th)\s+century\b",
    re.IGNORECASE,
)


def _unnamed_occasion(pobj: Any) -> bool:
    """Whether an active verb's "after" object is an occasion no name or year fixes — a common
    noun ("resigned after disputes", "surrendered after a siege", "finished it after a 30-year
    break") or a span of time ("left after a year", "retired after 33 years"): it says when the
    act came, and the annotations relate a verb's "after" only to a named event or a year
    ("declined after 1453", "retired after the 2017 World Championships"; devtrain's active
    "after" relations were 0 right of 8)."""
    if pobj.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in pobj.subtree):
        return False
    if pobj.ent_type_ and pobj.ent_type_ != "DATE":
        return False
    return not _YEARS.search(" ".join(t.text for t in pobj.subtree))


# verbs whose "as" names a role their subject took: "worked as a clerk", "acted as her agent"
_ROLE_VERBS = frozenset({"act", "serve", "work"})


def _owned_role(base: str, pobj: Any) -> bool:
    """Whether ``pobj`` is a role someone owns, taken on with a role verb ("acted as her agent",
    "served as Napoleon's adviser"): the role is held towards its owner (``agent_of``), as the
    copula "X was her agent" says it, and no occupation; a role without an owner ("worked as a
    clerk", "acts as an emulsifier") stays the verb's."""
    return base.split("_")[0] in _ROLE_VERBS and any(c.dep_ == "poss" for c in token_children(pobj))


# verbs that say what their subject is taken as: "X is defined / described / regarded as a Y"
TAKEN_AS = frozenset(
    {"define", "describe", "regard", "consider", "see", "view", "characterise", "characterize"}
)


# nouns that make a preposition of several words: "in response to", "in front of", "in spite of"
_PHRASAL_NOUNS = frozenset(
    {
        "response",
        "addition",
        "front",
        "spite",
        "favour",
        "favor",
        "honour",
        "honor",
        "memory",
        "charge",
        "collaboration",
        "partnership",
        "cooperation",
        "contrast",
        "comparison",
        "place",
    }
)


def _conjoined_preps(prep: Any, pobjs: list[Any]) -> list[Any]:
    """The prepositions coordinated with ``prep`` ("in Florence and in Milan"): ``conj`` children,
    of the preposition or of its objects, that are prepositions with an object of their own."""
    return [
        c
        for h in (prep, *pobjs)
        for c in token_children(h)
        if c.dep_ == "conj" and c.pos_ == "ADP" and any(g.dep_ == "pobj" for g in token_children(c))
    ]


def _phrasal_object(pobj: Any) -> tuple[str, Any] | None:
    """``(inner preposition, its object)`` when ``pobj`` is the noun of a phrasal preposition with
    an object ("response" in "in response to low blood sugar"), else ``None``."""
    if pobj.lemma_.lower() not in _PHRASAL_NOUNS or any(
        c.dep_ in ("det", "amod", "poss") for c in token_children(pobj)
    ):
        return None
    for prep in token_children(pobj):
        if prep.dep_ == "prep":
            inner = next((g for g in token_children(prep) if g.dep_ == "pobj"), None)
            if inner is not None:
                return prep.lower_, inner
    return None


TAKEN_AS_FORMS = TAKEN_AS | {
    "defined",
    "described",
    "regarded",
    "considered",
    "seen",
    "viewed",
    "characterised",
    "characterized",
}
