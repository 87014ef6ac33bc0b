"""Copulas and measures: the clauses of one parse that say what a thing *is* or *measures*
rather than what it does ("X is the capital of Y", "the director is Y", "a 2,850 km river",
"there are 23 member states").

This is the first part of the clause walk of :mod:`grapheme_distill.extractors.spacy.clauses`:
``ClauseBase`` here builds on the apposition readings (:mod:`.appositions`) and the shared output
and noun readings (:mod:`.noun_readings`, which owns ``add``); ``prepositions.PrepositionReadings``
and ``clauses._Reader`` add the prepositional and verb readings on top.  It was cut out of
``clauses.py`` when that module passed 1,000 lines, and split again in the twenty-fourth session
(appositions and the shared noun readings went to modules of their own).
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.appositions import AppositionReadings
from grapheme_distill.extractors.spacy.arguments import (
    _count_label,
    _is_valueish,
    _neg,
    _noun_phrase_label,
    _owner_of_part,
    _quantity,
    _resolve_np,
    _split_list,
    _style_of,
    _subjects,
)
from grapheme_distill.extractors.spacy.doc_cache import token_children
from grapheme_distill.extractors.spacy.mentions import (
    _GROUP_NOUNS,
    _MEASURES,
    _TIME_UNITS,
    _WH,
    _WORK_NOUNS,
    Mention,
)
from grapheme_distill.extractors.spacy.names import (
    _named_by,
    _of_object,
    mention_of,
    phrase_mention,
)


def _indefinite(attr: Any) -> bool:
    """Whether a copula's attribute is an indefinite noun ("a major business hub"): it says what
    the subject is like, and names no one thing.  After "the R of Y" / "Y's R" it describes the R
    ("The capital of Kenya, Nairobi, is a major business hub": the hub is not Kenya's capital;
    "The founder of Apple was a visionary"), where a definite noun or a name is the R itself
    ("The capital of Kenya is Nairobi").  It also drops the rarer indefinite that is the R
    ("The national animal of Scotland is a unicorn"): dropping only where an apposition already
    names the R kept that one but lost val11, val12 and val23 (thirty-third session's review)."""
    return attr.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token_children(attr)
    )


class ClauseBase(AppositionReadings):
    """What a parse says with a copula or a measure (appositions and ``add`` come from the bases)."""

    def copula(
        self, verb: Any, subj_tok: Any | None, subjects: list[Mention], attr: Any, neg: bool
    ) -> None:
        attrs = [attr, *[c for c in attr.conjuncts]]
        group = None
        if subj_tok is not None and subj_tok.lower_ in _GROUP_NOUNS:
            group = _of_object(subj_tok)
        if group is not None:  # "the main types of X are A, B and C"
            parent = mention_of(group, self.coref)
            if parent:
                for child in _split_list(attr, self.coref):
                    self.add(
                        child,
                        "is_a",
                        parent,
                        "copula",
                        tok=verb,
                        neg=neg,
                        conf=0.85,
                        kind="subclass_of",
                    )
            return
        for a in attrs:
            if self.relational_noun(
                subjects, a, tok=verb, neg=neg, conf=0.85, shared=attr if a is not attr else None
            ):
                continue
            a_mention = mention_of(a, self.coref)
            if a_mention is None:
                continue
            # "the R of Y is X" / "Y's R is X"
            of = (
                _of_object(subj_tok, also_for=True)
                if subj_tok is not None and subj_tok.pos_ == "NOUN"
                else None
            )
            if (
                of is None
                and _is_valueish(a_mention)
                and subj_tok is not None
                and subj_tok.pos_ == "NOUN"
            ):
                names = [c for c in subj_tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                owner = (
                    phrase_mention(
                        subj_tok.doc, names[0].left_edge.idx, names[-1].idx + len(names[-1].text)
                    )
                    if names
                    else None
                )
                if owner is None and subjects and subjects[0].definite and self.coref is not None:
                    owner = self.coref.topic  # "... Super Capers ... The budget was $2,000,000."
                if (
                    owner is not None
                ):  # "Super Capers budget was 2000000": the noun is the attribute
                    self.add(
                        owner,
                        subj_tok.lemma_.lower(),
                        a_mention,
                        "attribute",
                        tok=verb,
                        neg=neg,
                        conf=0.8,
                    )
                    continue
            if of is not None:
                owner = mention_of(of, self.coref)
                if owner:
                    label = _noun_phrase_label(subj_tok)
                    if _is_valueish(a_mention):
                        self.add(owner, label, a_mention, "attribute", tok=verb, neg=neg, conf=0.85)
                    elif not _indefinite(a):
                        self.add(
                            a_mention, f"{label}_of", owner, "noun", tok=verb, neg=neg, conf=0.85
                        )
                continue
            served = (
                next(
                    (c for c in token_children(subj_tok) if c.dep_ == "acl" and c.tag_ == "VBN"),
                    None,
                )
                if subj_tok is not None and subj_tok.pos_ == "NOUN"
                else None
            )
            agents = (
                [
                    g
                    for p in token_children(served)
                    if p.dep_ == "agent"
                    for g in token_children(p)
                    if g.dep_ == "pobj"
                ]
                if served is not None
                else []
            )
            doer = mention_of(agents[0], self.coref) if agents else None
            if (
                served is not None
                and doer is not None
                and (doer.proper or doer.label)
                and (a_mention.proper or a_mention.label)
            ):
                # "The place served by the Bedford Aerodrome is the Bedford Autodrome"
                self.add(
                    a_mention, f"{served.lower_}_by", doer, "passive", tok=verb, neg=neg, conf=0.75
                )
                continue
            if (
                subj_tok is not None
                and subjects
                and subjects[0].definite
                and self.coref is not None
                and self.coref.topic is not None
                and (a_mention.proper or a_mention.label)
                and subj_tok.lemma_.lower() not in _WORK_NOUNS
            ):
                # "... Super Capers ... The director is Ray Griggs": the topic's director
                self.add(
                    a_mention,
                    f"{_noun_phrase_label(subj_tok)}_of",
                    self.coref.topic,
                    "noun",
                    tok=verb,
                    neg=neg,
                    conf=0.75,
                )
                continue
            if a.pos_ == "NOUN" and not a_mention.label:
                if self.home_to(subjects, a, tok=verb, neg=neg):
                    continue
                style = _style_of(a)
                for s in subjects:
                    self.add(
                        s, "is_a", a_mention, "copula", tok=verb, neg=neg, conf=0.8, kind="is_a"
                    )
                    self.dated_work(s, a, neg=neg)
                    if style is not None:
                        self.add(s, "genre", style, "attribute", tok=verb, neg=neg, conf=0.7)
                    self.class_preps(s, a, tok=verb, neg=neg)

    def measure(self, unit: Any) -> None:
        """ "X is 17068.8 millimetres long", "X is located 610 metres above sea level", "a runway
        that is 4,349 metres long": a quantity on a dimension adjective or on "above sea level"
        is an attribute of the thing measured (of its owner when the thing is a part: the
        airport's runway_length)."""
        head = unit.head
        if unit.dep_ == "compound" or head.lower_ not in _MEASURES and head.lower_ != "above":
            self.work_length(unit)
            return
        if head.lower_ in _MEASURES:
            name = _MEASURES[head.lower_]
            if unit.lemma_.lower() in _TIME_UNITS:
                name = "runtime"  # "a 35.1 minute long album"
        elif head.lower_ == "above" and any(
            g.lower_ == "level" and any(c.lower_ == "sea" for c in token_children(g))
            for g in token_children(head)
        ):
            name = "elevation_above_sea_level"
        else:
            return
        value = _quantity(unit)
        if value is None:
            return
        verb = head.head if head.lower_ in _MEASURES else head
        while (
            verb.pos_ not in ("VERB", "AUX")
            and verb.dep_ not in ("amod", "ROOT")
            and verb.head is not verb
        ):
            verb = verb.head  # "in Alcobendas, 610 meters above sea level": up to the clause
        things: list[Mention | None]
        thing_tok: Any = None
        if head.dep_ == "amod" and head.head.dep_ == "attr" and head.head.head.lemma_ == "be":
            things = list(
                _subjects(head.head.head, self.default, self.coref)
            )  # "X is a 35 minute long album"
        elif head.dep_ == "amod":
            things = [mention_of(head.head, self.coref)]
            thing_tok = head.head
        elif verb.pos_ in ("VERB", "AUX"):
            things = list(_subjects(verb, self.default, self.coref))
            subj = [c for c in token_children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
            thing_tok = (
                _resolve_np(verb.head)
                if subj and subj[0].lower_ in _WH and verb.dep_ == "relcl"
                else (subj[0] if subj else None)
            )
        else:
            return
        part = thing_tok is not None and thing_tok.pos_ == "NOUN" and not thing_tok.ent_type_
        owner = _owner_of_part(thing_tok, self.coref) if part else None
        if owner is not None and thing_tok is not None:
            things, name = [owner], f"{thing_tok.lemma_.lower()}_{name}"
        for thing in things:
            if thing is not None:
                self.add(thing, name, value, "attribute", tok=unit, conf=0.75)

    def work_length(self, unit: Any) -> None:
        """ "X is an 83 minute HBO movie", "the 89 minute movie X": a time quantity in front of a
        noun is the runtime of the thing the noun stands for."""
        if unit.lemma_.lower() not in _TIME_UNITS or unit.head.pos_ != "NOUN":
            return
        value = _quantity(unit)
        if value is not None:  # "a 98-minute film": the quantity is "98 minute"
            value = Mention(
                re.sub(r"(?<=\d)-(?=[a-z])", " ", value.text), value.start, value.end, value.label
            )
        noun = unit.head
        thing: Mention | None = None
        if _named_by(noun) is not None:
            thing = mention_of(noun, self.coref)
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            things = _subjects(noun.head, self.default, self.coref)
            thing = things[0] if len(things) == 1 else None
        elif noun.dep_ == "appos":
            thing = mention_of(noun.head, self.coref)
        if value is not None and thing is not None and (thing.proper or thing.label):
            self.add(thing, "runtime", value, "attribute", tok=unit, conf=0.7)

    # ---------------------------------------------------------------- verbs
    def existential(self, verb: Any) -> None:
        """ "There are 16800 undergraduate students at the University of Burgundy": the place has
        that many students (number_of_undergraduate_students)."""
        for attr in (c for c in token_children(verb) if c.dep_ == "attr" and c.pos_ == "NOUN"):
            nums = [c for c in token_children(attr) if c.dep_ == "nummod"]
            num = mention_of(nums[0]) if nums else None
            places = [
                g
                for p in token_children(attr)
                if p.dep_ == "prep" and p.lower_ in ("at", "in", "on")
                for g in token_children(p)
                if g.dep_ == "pobj"
            ]
            if num is None or not places:
                continue
            owner = mention_of(places[0], self.coref)
            if owner is not None and (owner.proper or owner.label):
                self.add(
                    owner,
                    _count_label(attr, nums[0]),
                    num,
                    "attribute",
                    tok=verb,
                    neg=_neg(verb),
                    conf=0.75,
                )
