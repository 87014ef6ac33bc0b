"""Copulas, appositions and measures: the clauses of one parse that say what a thing *is* or
*measures* rather than what it does ("X is the capital of Y", "X, a 1967 novel by Y", "a 2,850 km
river", "there are 23 member states").

This is the first half of the clause walk of :mod:`grapheme_distill.extractors.spacy.clauses`: the
reader class here holds the output list and :meth:`ClauseBase.add`, the one place where a clause's
predicate is adjusted (denial on the object, class nouns naming a role) before it is recorded;
``clauses._Reader`` adds the verb readings on top.  It was cut out of ``clauses.py`` when that
module passed 1,000 lines; both halves walk the same parse with the same helpers.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from grapheme_distill.extractors.predicates import dated_work_predicate, denied
from grapheme_distill.extractors.spacy.arguments import (
    _count_label,
    _is_valueish,
    _neg,
    _noun_phrase_label,
    _owner_of_part,
    _quantity,
    _resolve_np,
    _span,
    _split_list,
    _style_of,
    _subjects,
)
from grapheme_distill.extractors.spacy.doc_cache import doc_text, token_children, token_sent
from grapheme_distill.extractors.spacy.mentions import (
    _CLASS_NOUNS,
    _DURATION,
    _GROUP_NOUNS,
    _MEASURES,
    _PART_LOCATED,
    _PART_NOUNS,
    _PLACE_NOUNS,
    _STRUCT_NOUNS,
    _TIME_UNITS,
    _WH,
    _WORK_NOUNS,
    Clause,
    ClauseKind,
    Coref,
    Mention,
    Voice,
)
from grapheme_distill.extractors.spacy.names import (
    VALUE_LABELS,
    _named_by,
    _of_object,
    mention_of,
    phrase_mention,
)
from grapheme_distill.extractors.spacy.place_runs import listed

_YEAR = re.compile(r"^(?:1[0-9]|20)[0-9]{2}$")
_YEAR_SPAN = re.compile(r"^(\d{3,4})\s*(?:to|and|until|till|[\u2013-])\s*(\d{3,4})$")


class ClauseBase:
    """What a parse says with a copula, an apposition or a measure; the output and ``add``."""

    def __init__(self, default: Mention | None, coref: Coref | None) -> None:
        self.default = default
        self.coref = coref
        self.out: list[Clause] = []

    def add(
        self,
        s: Mention,
        pred: str,
        o: Mention,
        voice: Voice,
        *,
        tok: Any,
        neg: bool = False,
        conf: float = 0.8,
        kind: ClauseKind = "relation",
    ) -> None:
        if s.text.lower() == o.text.lower() or not pred or s.unresolved or _says_nothing(pred, o):
            return
        sent = token_sent(tok)  # (built from the parse at each access: read once)
        here = sent.start_char <= o.start < sent.end_char  # not an antecedent elsewhere
        pred, neg = denied(pred, neg, doc_text(tok.doc)[: o.start] if here else "")  # "has no X"
        if s.text.endswith(o.text) and s.text[: len(s.text) - len(o.text)].rstrip().endswith(","):
            # "Dijon, France" in France: the name says so already.  A string test, not a regex
            # built per call: that compiled ~500 patterns a run and evicted others from re's cache
            return
        if o.kind_noun and voice in ("active", "passive") and kind == "relation":
            # "plays in the Série C league", "is in the Pacific time zone": the class noun names the role
            pred = f"{pred}_{o.kind_noun.replace(' ', '_')}"
        if s.kind_noun in _PART_NOUNS and voice in ("active", "passive") and kind == "relation":
            pred = f"{s.kind_noun}_{pred}"  # "The Acharya Institute of Technology campus is located in ..."
        if pred in ("length", "duration", "total_length") and _DURATION.search(o.text):
            pred = "runtime"  # "its total length is 35 minutes": how long a work runs
        located = _PART_LOCATED.match(pred)
        if located and kind == "relation":
            # "X's campus is located in Y" says what X's campus is: the attribute campus, not a location
            pred, voice = located.group(1), "attribute"
        if pred == "is_a" and self.coref is not None and kind == "is_a":
            self.coref.note_class(o.text.split()[-1], s)
        years = _YEAR_SPAN.match(o.text) if o.label == "DATE" else None
        if years is not None and pred.rsplit("_", 1)[-1] in ("from", "between"):
            # "served from 1994 to 1999", "carved between 1501 and 1504": a start and an end
            head = pred.rsplit("_", 1)[0]
            for part, word in ((1, "from"), (2, "until")):
                a = o.start + years.start(part)
                one = phrase_mention(tok.doc, a, a + len(years.group(part)))
                if one is not None:
                    self.add(
                        s, f"{head}_{word}", one, voice, tok=tok, neg=neg, conf=conf, kind=kind
                    )
            return
        start, end = _span(s, o, tok=tok)
        self.out.append(Clause(s, pred, o, voice, kind, neg, conf, start, end))
        if self.coref is not None:
            self.coref.note_named(s)
            self.coref.note_named(o)

    # ---------------------------------------------------------------- copula / apposition
    def relational_noun(
        self,
        subjects: list[Mention],
        attr: Any,
        *,
        tok: Any,
        neg: bool,
        conf: float,
        shared: Any = None,
    ) -> bool:
        """'X is the R of (for) Y' / 'X, the R of Y' / "X is Y's R"; also part/member/type of.
        ``shared``: the first noun of a coordination whose "of Y" a bare conjunct shares ("the
        director and producer of Y")."""
        if attr.pos_ == "PROPN":
            return False  # "... is the Republic of the Philippines": a name, not a role
        if attr.lower_ in ("one", "some", "many", "few", "none", "all", "each", "most"):
            return True  # "one of the most famous paintings": a class, said by the entity type
        of = _of_object(attr, also_for=True)
        if of is None and shared is not None and attr.pos_ == "NOUN" and not token_children(attr):
            of = _of_object(shared, also_for=True)
        if of is None:
            return False
        objs = _split_list(of, self.coref)
        if not objs:
            return False
        label = _noun_phrase_label(attr)
        struct = _STRUCT_NOUNS.get(attr.lower_)
        for s in subjects:
            for o in objs:
                if struct == "part_of":
                    self.add(s, "part_of", o, "noun", tok=tok, neg=neg, conf=conf, kind="part_of")
                elif struct == "member_of":
                    self.add(
                        s, "member_of", o, "noun", tok=tok, neg=neg, conf=conf, kind="member_of"
                    )
                elif struct == "subclass_of":
                    self.add(
                        s, "is_a", o, "copula", tok=tok, neg=neg, conf=conf, kind="subclass_of"
                    )
                else:
                    self.add(s, f"{label}_of", o, "noun", tok=tok, neg=neg, conf=conf)
        return True

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
                    else:
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

    def home_to(self, subjects: list[Mention], noun: Any, *, tok: Any, neg: bool) -> bool:
        """ "X is home to Y", "X, home to Y": Y is in X (not "X is a home").  False when ``noun``
        is no "home to"."""
        if noun.lemma_.lower() != "home":
            return False
        held = [
            o
            for p in token_children(noun)
            if p.dep_ == "prep" and p.lower_ == "to"
            for g in token_children(p)
            if g.dep_ == "pobj"
            for o in _split_list(g, self.coref)
        ]
        for s in subjects:
            for o in held:
                self.add(o, "located_in", s, "passive", tok=tok, neg=neg, conf=0.75)
        return bool(held)

    def class_preps(self, s: Mention, a: Any, *, tok: Any, neg: bool) -> None:
        """The prepositions of the class noun ``a`` that ``s`` is said to be ("X is a village in
        Y", "X, a village in Y", "a pop rock song by Train", "a country between France and
        Spain"): where it is, its role in a place, who made it."""
        for prep in token_children(a):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at", "near"):
                for o in (
                    mention_of(p, self.coref) for p in token_children(prep) if p.dep_ == "pobj"
                ):
                    if (
                        o
                        and s.label == "PERSON"
                        and prep.lower_ == "in"
                        and (o.proper or o.label)
                        and a.lemma_.lower() not in _PLACE_NOUNS | _CLASS_NOUNS
                    ):
                        # a person is not "a city in Y": "Graco Ramírez is a leader in Morelos"
                        # names a role there
                        self.add(
                            s,
                            f"{_noun_phrase_label(a)}_of",
                            o,
                            "noun",
                            tok=tok,
                            neg=neg,
                            conf=0.7,
                        )
                    elif o and o.label in ("GPE", "LOC", "FAC"):
                        rank = _superlative(a)
                        if rank is not None:  # "the longest river in France"
                            self.add(
                                s, f"{rank}_{prep.lower_}", o, "noun", tok=tok, neg=neg, conf=0.75
                            )
                        self.add(s, "located_in", o, "passive", tok=tok, neg=neg, conf=0.75)
            elif prep.dep_ == "prep" and prep.lower_ == "between":
                self.between(s, prep, neg=neg)
            elif prep.dep_ == "prep" and prep.lower_ == "by":  # "X is a pop rock song by Train"
                for p in token_children(prep):
                    for o in _split_list(p, self.coref) if p.dep_ == "pobj" else []:
                        if o.proper or o.label:
                            self.add(
                                s,
                                f"{a.lemma_.lower()}_by",
                                o,
                                "passive",
                                tok=tok,
                                neg=neg,
                                conf=0.75,
                            )

    def between(self, s: Mention, prep: Any, *, neg: bool) -> None:
        """'X is a country in the Pyrenees, between France and Spain': X lies between each place."""
        for p in token_children(prep):
            for o in _split_list(p, self.coref) if p.dep_ == "pobj" else []:
                if o.label in ("GPE", "LOC", "FAC"):
                    self.add(s, "located_between", o, "passive", tok=prep, neg=neg, conf=0.75)

    def dated_work(self, s: Mention, noun: Any, *, neg: bool) -> None:
        """'X is a 1959 studio album', 'X, a 1937 oil painting by Y': a year on the class of a work
        is the year the work came out (``dated_work_predicate`` names the act by the kind)."""
        predicate = dated_work_predicate(noun.lemma_.lower())
        if predicate is None:
            return
        for y in noun.lefts:
            if y.dep_ in ("nummod", "compound", "amod") and _YEAR.match(y.text):
                year = phrase_mention(y.doc, y.idx, y.idx + len(y.text))
                if year is not None:
                    self.add(s, predicate, year, "attribute", tok=noun, neg=neg, conf=0.8)

    def appos(self, tok: Any) -> None:
        head = tok.head
        if head.pos_ not in ("PROPN", "NOUN") or tok.pos_ not in ("NOUN", "PROPN"):
            return
        if (
            any(c.dep_ in ("conj", "cc") for t in (tok, head) for c in token_children(t))
            or head.dep_ == "conj"
        ):
            return  # "sour cream, chopped fruits, condensed milk and granola": a list, not an apposition
        subj = mention_of(head, self.coref)
        if subj is None:
            return
        if tok.pos_ == "NOUN" and not tok.ent_type_:
            if self.relational_noun([subj], tok, tok=tok, neg=False, conf=0.8):
                return
            if self.home_to([subj], tok, tok=tok, neg=False):
                return  # "Paris, home to the Louvre"
            m = mention_of(tok, self.coref)
            if m:
                self.add(subj, "is_a", m, "copula", tok=tok, conf=0.75, kind="is_a")
                self.dated_work(subj, tok, neg=False)
                style = _style_of(tok)
                if style is not None:  # "Expect a Miracle, an easy listening album, ..."
                    self.add(subj, "genre", style, "attribute", tok=tok, conf=0.65)
                self.class_preps(subj, tok, tok=tok, neg=False)  # "Smiljan, a village in Y"
            return
        m = mention_of(tok, self.coref)
        if (
            m is not None
            and m.proper
            and head.pos_ == "NOUN"
            and not head.ent_type_
            and head.lemma_.lower() not in _NAME_NOUNS
            and _of_object(head) is not None
        ):
            # "her husband, Pierre Curie", "Kenya's capital, Nairobi", "the founder of the
            # company, Joan Gamper": the name is the R of the owner, as in "X, the R of Y"
            self.relational_noun([m], head, tok=tok, neg=False, conf=0.75)
            return
        if m and m.label in ("GPE", "LOC") and subj.label in ("GPE", "LOC", "FAC"):
            self.add(subj, "located_in", m, "passive", tok=tok, conf=0.7)

    def place_chain(self, sent: Any) -> None:
        """'based in Seville, Andalusia, Spain': places run together with commas and no "and"
        name each the place the one before lies in.  Read off the named entities, because the
        parser makes such a run a list, an apposition or a mix of both."""
        run: list[Any] = []
        for ent in [*sent.ents, None]:
            if (
                ent is not None
                and ent.label_ in ("GPE", "LOC")
                and run
                and ent.start == run[-1].end + 1
                and sent.doc[run[-1].end].text == ","
            ):
                run.append(ent)
                continue
            if len(run) > 1 and not listed(run[0], run[-1]):
                for inner, outer in pairwise(run):
                    a = mention_of(inner.root, self.coref)
                    b = mention_of(outer.root, self.coref)
                    if a is not None and b is not None:
                        self.add(a, "located_in", b, "passive", tok=outer.root, conf=0.7)
            run = [ent] if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else []

    def name_in_place(self, tok: Any) -> None:
        """'The Baku Memorial in Azerbaijan was designed ...': a place phrase on a name locates it;
        "Ciudad Ayala, with an elevation of 1147, ...": a "with" phrase on a name describes it;
        "Turkey's North Anatolian Fault": a place owning a named thing (not a person) holds it."""
        owner = next(
            (c for c in token_children(tok) if c.dep_ == "poss" and c.ent_type_ == "GPE"), None
        )
        if owner is not None and tok.ent_type_ not in ("PERSON", "NORP", "DATE"):
            held, place = mention_of(tok, self.coref), mention_of(owner, self.coref)
            if held is not None and place is not None and held.label != "PERSON":
                self.add(held, "located_in", place, "passive", tok=owner, conf=0.7)
        for prep in token_children(tok):
            if prep.dep_ == "prep" and prep.lower_ == "with":
                owner = mention_of(tok, self.coref)
                for pobj in (
                    g for g in token_children(prep) if g.dep_ == "pobj" and g.pos_ == "NOUN"
                ):
                    if owner is not None:
                        self._with_values(pobj, [owner], prep, False, 0.75)
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in token_children(prep):
                if pobj.dep_ != "pobj":
                    continue
                place = mention_of(pobj, self.coref)
                if place is None or place.label not in ("GPE", "LOC"):
                    continue
                owner_tok = (
                    tok.head.head
                    if tok.dep_ == "pobj"
                    and tok.head.lower_ == "of"
                    and tok.head.head.pos_ == "PROPN"
                    else tok
                )  # "Institute of Technology in India"
                owner = mention_of(owner_tok, self.coref)
                if owner is not None and owner.label not in ("DATE", "TIME", "CARDINAL"):
                    self.add(owner, "located_in", place, "passive", tok=prep, conf=0.7)

    def thing_in_place(self, tok: Any) -> None:
        """ "sent him to the Yuan court in China", "docked at Messina in Sicily", "sold at
        Sotheby's in New York": a place phrase right after an argument locates it.  On the verb
        (where the parser often hangs it) it counts only after an "at"/"on" place, where it
        cannot say where the act happened instead; on a common noun only when the noun is named
        ("the Yuan court"): "the latte in Italy", "albuterol in the US" name a kind's use there.
        A name's own place phrases are :meth:`name_in_place`'s, a class noun's :meth:`class_preps`'."""
        if tok.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass") or tok.ent_type_ in _NO_PLACE:
            return
        places = (
            [p for p in token_children(tok) if p.dep_ == "prep" and p.lower_ == "in"]
            if tok.pos_ == "NOUN"
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token_children(tok))
            else []
        )
        if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on") and tok.head.head.pos_ == "VERB":
            end = max(t.i for t in tok.subtree) + 1
            places += [
                p
                for p in token_children(tok.head.head)
                if p.dep_ == "prep" and p.lower_ == "in" and p.i == end
            ]
        thing = mention_of(tok, self.coref) if places else None  # (the parse first: it is cheap)
        if thing is None or thing.label in _NO_PLACE:
            return
        for prep in places:
            for pobj in token_children(prep):
                place = mention_of(pobj, self.coref) if pobj.dep_ == "pobj" else None
                if place is not None and place.label in ("GPE", "LOC"):
                    self.add(thing, "located_in", place, "passive", tok=prep, conf=0.65)

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

    def _with_values(
        self, noun: Any, subjects: list[Mention], prep: Any, neg: bool, conf: float
    ) -> bool:
        """ "X ..., with an elevation of 1147 and a population density of 1604": each "R of N" after
        "with" is an attribute of the subject.  False when the phrase holds no such value."""
        found = False
        for n in (noun, *noun.conjuncts):
            of = _of_object(n) if n.pos_ == "NOUN" else None
            value = mention_of(of, self.coref) if of is not None else None
            if value is not None and _is_valueish(value):
                for s in subjects:
                    self.add(
                        s, _noun_phrase_label(n), value, "attribute", tok=prep, neg=neg, conf=conf
                    )
                found = True
        return found


# "his clan name, Madiba", "its nickname, the Big Apple": another name, for the linguistic reader
_NAME_NOUNS = frozenset({"name", "nickname", "title", "term", "word", "abbreviation", "acronym"})


# no thing that lies somewhere: people, groups, numbers; a prize, a law or a work "in" a place
# names where it was given or set ("won the Nobel Prize in Stockholm")
_NO_PLACE = frozenset(
    {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
    | {"WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)

# a bare preposition as the whole predicate names no relation ("the capital from 1861"), nor does
# a comparison ("flows unlike the Danube", "trades like stocks")
_BARE = frozenset(
    {"from", "to", "since", "until", "till", "with", "for", "of", "as", "about", "over", "under"}
)
_NAMING_LABELS = frozenset({"LANGUAGE", "NORP"})


def _says_nothing(pred: str, o: Mention) -> bool:
    """True for predicates that state no fact between their arguments: a bare preposition ("in",
    "on", "at" and "by" only before a name or a measure), a comparison, "in 1976" read as
    containment (a measure stays: "at 1,006 km" is a length), "born Magdalena …" (a birth name,
    not a birth fact) and "known in French" (a name in a language, which the alias readers
    take)."""
    last = pred.rsplit("_", 1)[-1]
    return (
        pred in _BARE
        or last in ("like", "unlike")
        or (pred in ("in", "on", "at") and o.label in ("DATE", "TIME"))
        # "particles in space", "children at risk", "the largest lake by area": a bare
        # preposition says where or by whom only of a name or a measure
        or (
            pred in ("in", "on", "at", "by")
            and not (o.proper or o.label or any(ch.isdigit() for ch in o.text))
        )
        or (pred == "born" and o.label not in VALUE_LABELS)
        or (pred == "known_in" and o.label in _NAMING_LABELS)
    )


def _superlative(noun: Any) -> str | None:
    """ "longest_river" for "the longest river", "most_sparsely_populated_country" for "the most
    sparsely populated country": a class noun ranked by a superlative names a ranking (the place
    is still where the thing is); ``None`` when no superlative ranks the noun."""
    words: list[str] = []
    ranked = False
    for left in noun.lefts:
        if left.dep_ == "det" or left.pos_ == "DET":
            continue
        for t in left.subtree:
            if t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least"):
                ranked = True
            if t.pos_ in ("ADJ", "ADV", "NOUN", "VERB") and t.tag_ != "POS":
                words.append(t.lower_.replace("-", "_"))
    if not ranked or len(words) > 4:
        return None
    return "_".join([*words, noun.lower_])
