"""Subject–predicate–object clauses read off a spaCy dependency parse.

Every verb that heads a clause (main verbs, conjoined verbs, relative clauses, participles) is asked
three questions: who is the subject (its ``nsubj``/``nsubjpass``; for a conjoined verb the first
verb's subject; for a relative clause or participle the noun it hangs on; for a subject-less list
item the implicit subject of its heading; for a pronoun the last compatible subject), what are the
objects (``dobj``, the ``by``-agent of a passive, each prepositional object, the attribute of a
copula) and is it negated.  Copulas get their own reading because most definitional knowledge is
phrased with "is": "X is a Y" (``is_a``), "X is the R of Y" and "the R of Y is X" (``R_of``),
"X is part / a member / a type of Y" (hierarchy).  Appositions read like copulas.  Coordinated
subjects and objects yield one clause each; when the small model mis-attaches a list, the object's
own text is split at commas and "and"/"or" instead.

Names are the named-entity span (extended over an "of (the) Name" part NER cut off, and over a
"City, Region" apposition), a quoted title, or the noun with its modifiers; a class noun around a name
("the asteroid 1147 Stavropolis", "the Columbia Records label") is not part of it but is remembered,
so that a later definite description ("the asteroid", "the film") resolves to the name, and it names
the role in the predicate ("released_by_label").  Phrasings that put the attribute in a noun ("X has
a population of N", "the runway length at X is N", "X had Y as the editor", "X, whose field was Y")
become ``attribute``-voice clauses (the subject's R is the object).

The result is plain data (:class:`Clause`, :class:`Mention`) with character offsets in the parsed
text; turning it into knowledge items, typing entities consistently and canonicalising predicates is
the extractor's job.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.predicates import dated_work_predicate, denied
from grapheme_distill.extractors.spacy.arguments import (  # noqa: F401
    _count_label,
    _is_passive,
    _is_valueish,
    _neg,
    _noun_phrase_label,
    _owned_object,
    _owner_of_part,
    _quantity,
    _resolve_np,
    _span,
    _split_list,
    _style_of,
    _subjects,
)
from grapheme_distill.extractors.spacy.mentions import (  # noqa: F401
    _ADVERBIAL_OBJECTS,
    _CLASS_NOUNS,
    _DURATION,
    _GROUP_NOUNS,
    _MEASURES,
    _PART_LOCATED,
    _PART_NOUNS,
    _PLACE_NOUNS,
    _STRUCT_NOUNS,
    _STRUCT_VERBS,
    _TIME_UNITS,
    _WH,
    _WORK_NOUNS,
    Clause,
    ClauseKind,
    Coref,
    Mention,
    Voice,
)
from grapheme_distill.extractors.spacy.names import (  # noqa: F401
    VALUE_LABELS,
    _named_by,
    _of_object,
    mention_of,
    phrase_mention,
)

_YEAR = re.compile(r"^(?:1[0-9]|20)[0-9]{2}$")

__all__ = ["VALUE_LABELS", "Clause", "Coref", "Mention", "clauses", "mention_of", "phrase_mention"]


class _Reader:
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
        if s.text.lower() == o.text.lower() or not pred or s.unresolved:
            return
        here = tok.sent.start_char <= o.start < tok.sent.end_char  # not an antecedent elsewhere
        pred, neg = denied(pred, neg, tok.doc.text[: o.start] if here else "")  # "has no X"
        if re.search(r",\s*" + re.escape(o.text) + "$", s.text):
            return  # "Dijon, France" in France: the name says so already
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
        of = _of_object(attr, also_for=True)
        if of is None and shared is not None and attr.pos_ == "NOUN" and not list(attr.children):
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
                next((c for c in subj_tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
                if subj_tok is not None and subj_tok.pos_ == "NOUN"
                else None
            )
            agents = (
                [
                    g
                    for p in served.children
                    if p.dep_ == "agent"
                    for g in p.children
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
                style = _style_of(a)
                for s in subjects:
                    self.add(
                        s, "is_a", a_mention, "copula", tok=verb, neg=neg, conf=0.8, kind="is_a"
                    )
                    self.dated_work(s, a, neg=neg)
                    if style is not None:
                        self.add(s, "genre", style, "attribute", tok=verb, neg=neg, conf=0.7)
                    for prep in a.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at", "near"):
                            for o in (
                                mention_of(p, self.coref) for p in prep.children if p.dep_ == "pobj"
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
                                        tok=verb,
                                        neg=neg,
                                        conf=0.7,
                                    )
                                elif o and o.label in ("GPE", "LOC", "FAC"):
                                    self.add(
                                        s, "located_in", o, "passive", tok=verb, neg=neg, conf=0.75
                                    )
                        elif (
                            prep.dep_ == "prep" and prep.lower_ == "by"
                        ):  # "X is a pop rock song by Train"
                            for p in prep.children:
                                for o in _split_list(p, self.coref) if p.dep_ == "pobj" else []:
                                    if o.proper or o.label:
                                        self.add(
                                            s,
                                            f"{a.lemma_.lower()}_by",
                                            o,
                                            "passive",
                                            tok=verb,
                                            neg=neg,
                                            conf=0.75,
                                        )

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
            any(c.dep_ in ("conj", "cc") for t in (tok, head) for c in t.children)
            or head.dep_ == "conj"
        ):
            return  # "sour cream, chopped fruits, condensed milk and granola": a list, not an apposition
        subj = mention_of(head, self.coref)
        if subj is None:
            return
        if tok.pos_ == "NOUN" and not tok.ent_type_:
            if self.relational_noun([subj], tok, tok=tok, neg=False, conf=0.8):
                return
            m = mention_of(tok, self.coref)
            if m:
                self.add(subj, "is_a", m, "copula", tok=tok, conf=0.75, kind="is_a")
                self.dated_work(subj, tok, neg=False)
                style = _style_of(tok)
                if style is not None:  # "Expect a Miracle, an easy listening album, ..."
                    self.add(subj, "genre", style, "attribute", tok=tok, conf=0.65)
            return
        m = mention_of(tok, self.coref)
        if m and m.label in ("GPE", "LOC") and subj.label in ("GPE", "LOC", "FAC"):
            self.add(subj, "located_in", m, "passive", tok=tok, conf=0.7)

    def name_in_place(self, tok: Any) -> None:
        """'The Baku Memorial in Azerbaijan was designed ...': a place phrase on a name locates it;
        "Ciudad Ayala, with an elevation of 1147, ...": a "with" phrase on a name describes it."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                owner = mention_of(tok, self.coref)
                for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                    if owner is not None:
                        self._with_values(pobj, [owner], prep, False, 0.75)
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
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
            g.lower_ == "level" and any(c.lower_ == "sea" for c in g.children)
            for g in head.children
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
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
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
        for attr in (c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            nums = [c for c in attr.children if c.dep_ == "nummod"]
            num = mention_of(nums[0]) if nums else None
            places = [
                g
                for p in attr.children
                if p.dep_ == "prep" and p.lower_ in ("at", "in", "on")
                for g in p.children
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

    def measure_verb(self, verb: Any, subjects: list[Mention]) -> bool:
        """ "X measures 17068.8 millimetres in length": the dimension named after "in" is an
        attribute of the subject.  False when the verb is not used that way."""
        dims = [
            g
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ]
        units = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "npadvmod") and any(n.dep_ == "nummod" for n in c.children)
        ]
        if not dims or not units:
            return False
        value = _quantity(units[0])
        if value is None:
            return False
        for s in subjects:
            self.add(s, dims[0].lemma_.lower(), value, "attribute", tok=verb, conf=0.75)
        return True

    def verb(self, verb: Any) -> None:
        subj_toks = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children):
            self.existential(verb)
            return
        subjects = _subjects(verb, self.default, self.coref)
        one_of = bool(subj_toks) and subj_toks[0].lower_ == "one" and verb.lemma_ == "be"
        if not subjects and not one_of:
            return
        if verb.lemma_ == "measure" and self.measure_verb(verb, subjects):
            return
        subj_tok = subj_toks[0] if subj_toks else None
        neg = _neg(verb)
        passive = _is_passive(verb)
        conf = 0.8 if subj_toks else 0.7
        if (
            subj_tok is not None
            and verb.dep_ == "relcl"
            and any(c.lower_ == "whose" for c in subj_tok.children)
        ):
            self.whose(verb, subj_tok, neg)
            return
        if (
            verb.lemma_ == "be"
            and verb.pos_ == "AUX"
            and verb.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
            and self.where(verb, subj_tok, neg)
        ):
            return
        if verb.lemma_ == "be" and verb.pos_ == "AUX":
            if (
                subj_tok is not None and subj_tok.lower_ == "one"
            ):  # "One of the leaders of Turkey is X"
                subj_tok = next(
                    (
                        g
                        for p in subj_tok.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj" and g.pos_ == "NOUN"
                    ),
                    subj_tok,
                )
            for child in verb.children:
                if child.dep_ == "attr" or child.dep_ == "acomp" and child.like_num:
                    # ("The total area of X is 1439.0": the parser may make the number an acomp)
                    self.copula(verb, subj_tok, subjects, child, neg)
                elif child.dep_ == "acomp":
                    self._preps(child, subjects, child.lemma_.lower(), "active", neg, conf)
                elif child.dep_ == "prep":
                    of = (
                        _of_object(subj_tok)
                        if subj_tok is not None
                        and subj_tok.pos_ == "NOUN"
                        and _named_by(subj_tok) is None
                        else None
                    )  # ("the state of Morelos" is Morelos)
                    owner = mention_of(of, self.coref) if of is not None else None
                    if owner is not None and subj_tok is not None:
                        # "X's nationality was with Y", "her residence was in India"
                        self._prep(
                            child,
                            [owner],
                            _noun_phrase_label(subj_tok),
                            "attribute",
                            neg,
                            conf * 0.9,
                            with_prep=False,
                        )
                    else:
                        self._prep(child, subjects, "", "passive", neg, conf * 0.9)
            return
        start_of = (
            "start_" if verb.dep_ == "xcomp" and verb.head.lemma_ in ("start", "begin") else ""
        )
        particle = "".join(
            f"_{c.lower_}"
            for c in verb.children
            if c.dep_ == "prt"
            or c.dep_ == "dobj"
            and c.lower_ in ("part", "place")
            and not list(c.children)
        )
        # ("took part in X": the light verb's noun belongs to the predicate, take_part_in)
        base = start_of + (verb.lower_ if passive else verb.lemma_.lower()) + particle
        # ("started performing in 1995": when the performing started, start_perform_in)
        if passive and verb.lemma_ == "find":
            base = "located"  # "X can be found in Y" (not "founded")
        if (
            subj_tok is not None
            and subj_tok.pos_ == "NOUN"
            and subj_tok.lower_ not in _GROUP_NOUNS
            and len(subjects) == 1
            and not subjects[0].proper
            and not subjects[0].label
        ):
            of = _of_object(subj_tok)
            owner = mention_of(of, self.coref) if of is not None else None
            if (
                owner is None
                and subjects[0].definite
                and passive
                and self.coref is not None
                and subj_tok.lemma_.lower() not in _WORK_NOUNS
            ):
                owner = self.coref.topic  # "English Without Tears ... The music was composed by N."
            if owner is not None and (owner.proper or owner.label):
                # "The campus of the Acharya Institute is located at X": the institute's campus is there
                subjects = [owner]
                base = f"{_noun_phrase_label(subj_tok)}_{base}"
        group_parent = None
        if (
            subj_tok is not None
            and subj_tok.lower_ in _GROUP_NOUNS
            and verb.lemma_ in ("include", "be")
        ):
            group_parent = _of_object(subj_tok)
        children = list(verb.children)
        if not any(c.dep_ in ("dobj", "obj", "attr", "oprd", "prep", "agent") for c in children):
            for conj in children:  # "X produced and wrote the film": both verbs take the object
                if conj.dep_ == "conj" and conj.pos_ == "VERB":
                    # ("written and directed by Ray Griggs": both participles take the agent)
                    children.extend(
                        c
                        for c in conj.children
                        if c.dep_ == "dobj" or c.dep_ == "agent" and passive and _is_passive(conj)
                    )
                    break
        if verb.lemma_ == "have":
            roles = [
                g
                for c in children
                if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "NOUN"
            ]
            holders = [c for c in children if c.dep_ == "dobj"]
            if (
                roles and holders
            ):  # "The movie had Geof Bartz as the editor": its editor is Geof Bartz
                for o in _split_list(holders[0], self.coref):
                    for s in subjects:
                        self.add(
                            s,
                            _noun_phrase_label(roles[0]),
                            o,
                            "attribute",
                            tok=verb,
                            neg=neg,
                            conf=conf,
                        )
                return
        for child in children:
            dep = child.dep_
            if dep in ("dobj", "obj", "oprd") or (dep == "attr"):
                if child.lower_ in _WH and verb.dep_ == "relcl":
                    objs = _split_list(_resolve_np(verb.head), self.coref)
                else:
                    objs = _owned_object(child, self.coref) or _split_list(child, self.coref)
                if group_parent is not None:
                    parent = mention_of(group_parent, self.coref)
                    if parent:
                        for o in objs:
                            self.add(
                                o,
                                "is_a",
                                parent,
                                "copula",
                                tok=verb,
                                neg=neg,
                                conf=0.85,
                                kind="subclass_of",
                            )
                    continue
                pred = base
                if verb.lemma_ == "have" and self.have(child, subjects, verb, neg, conf):
                    for (
                        extra
                    ) in child.conjuncts:  # "an orbital period of A and a rotation period of B"
                        self.have(extra, subjects, verb, neg, conf)
                    continue
                kind: ClauseKind = _STRUCT_VERBS.get(pred, "relation")
                for s in subjects:
                    for o in objs:
                        self.add(
                            s,
                            pred,
                            o,
                            "passive" if passive else "active",
                            tok=verb,
                            neg=neg,
                            conf=conf,
                            kind=kind,
                        )
                for sub in child.children:  # "X won the award for Y" stays with the verb
                    if (
                        sub.dep_ == "prep"
                        and sub.lower_ in ("in", "at", "on")
                        and verb.lemma_ != "have"
                    ):
                        self._prep(
                            sub, subjects, base, "passive" if passive else "active", neg, conf * 0.8
                        )
            elif dep == "agent":
                self._prep(child, subjects, base, "passive", neg, conf)
            elif dep == "prep":
                self._prep(child, subjects, base, "passive" if passive else "active", neg, conf)
            elif dep == "npadvmod" and child.ent_type_ == "DATE" and verb.tag_ == "VBN":
                when = mention_of(child, self.coref)  # "X, born 1989-02-24, ..."
                if when is not None:
                    for s in subjects:
                        self.add(
                            s, f"{base}_on", when, "passive", tok=verb, neg=neg, conf=conf * 0.9
                        )
            elif dep == "dative":
                for o in _split_list(child, self.coref):
                    for s in subjects:
                        self.add(s, f"{base}_to", o, "active", tok=verb, neg=neg, conf=conf * 0.9)
            elif dep == "acomp":
                self._preps(
                    child, subjects, f"{base}_{child.lemma_.lower()}", "active", neg, conf * 0.9
                )

    def have(self, child: Any, subjects: list[Mention], verb: Any, neg: bool, conf: float) -> bool:
        """ "X has N members", "X has a population of N", "X has a residence in Y", "X has the UMG
        record label": the object noun names the attribute.  False when none of these fits."""
        nums = [c for c in child.children if c.dep_ == "nummod"]
        if nums:
            num = mention_of(nums[0])
            if num:
                for s in subjects:
                    self.add(
                        s,
                        _count_label(child, nums[0]),
                        num,
                        "attribute",
                        tok=verb,
                        neg=neg,
                        conf=conf,
                    )
            return True
        named = mention_of(child, self.coref)
        if (
            named is not None
            and named.kind_noun
            and (named.end <= child.idx or named.start > child.idx)
        ):
            label = named.kind_noun.replace(" ", "_")
            for s in subjects:
                self.add(s, label, named, "attribute", tok=verb, neg=neg, conf=conf)
            return True
        of = _of_object(child)
        if of is None and child.pos_ == "NOUN":
            of = next(
                (
                    g
                    for p in child.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "at")
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        if of is not None and child.pos_ == "NOUN":
            value = mention_of(of, self.coref)
            if value:
                for s in subjects:
                    self.add(
                        s,
                        _noun_phrase_label(child),
                        value,
                        "attribute",
                        tok=verb,
                        neg=neg,
                        conf=conf,
                    )
            return True
        return False

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

    def adjective_root(self, adj: Any) -> None:
        """ "Tom Sizemore, married to Maeve Quinlan, ...": the parser sometimes makes a participle an
        adjective at the root; its prepositions still say something about the subject."""
        subjects = [
            m
            for c in adj.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for m in _split_list(c, self.coref)
        ]
        if subjects:
            self._preps(adj, subjects, adj.lower_, "passive", _neg(adj), 0.7)

    def where(self, verb: Any, subj_tok: Any | None, neg: bool) -> bool:
        """ "Mexico, where the currency is the peso" (the place's currency is the peso); "California,
        the state where Dianne Feinstein is a senator", "Mexico, where X is one of the leaders" (X
        is a senator / leader of the place).  False when the clause is not of that shape."""
        place_tok = verb.head
        if place_tok.dep_ == "appos" and place_tok.pos_ == "NOUN":
            place_tok = place_tok.head  # "California, the state where ..."
        place = mention_of(place_tok, self.coref)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if (
            place is None
            or attr is None
            or subj_tok is None
            or place.label not in ("GPE", "LOC", "FAC", "")
            or not place.proper
        ):
            return False
        if subj_tok.pos_ == "NOUN" and not subj_tok.ent_type_ and _of_object(subj_tok) is None:
            for value in _split_list(attr, self.coref):
                self.add(
                    place,
                    _noun_phrase_label(subj_tok),
                    value,
                    "attribute",
                    tok=verb,
                    neg=neg,
                    conf=0.75,
                )
            return True
        role = attr
        if attr.lower_ == "one":  # "one of the leaders"
            role = next(
                (
                    g
                    for p in attr.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                attr,
            )
        if role.pos_ != "NOUN":
            return False
        for holder in _split_list(subj_tok, self.coref):
            self.add(place, role.lemma_.lower(), holder, "attribute", tok=verb, neg=neg, conf=0.75)
        return True

    def whose(self, verb: Any, subj_tok: Any, neg: bool) -> None:
        """'X, whose R is/was (on) Y': the owner's R is Y."""
        owners = _split_list(_resolve_np(verb.head), self.coref)
        label = _noun_phrase_label(subj_tok)
        for child in verb.children:
            objs: list[Mention] = []
            if child.dep_ in ("attr", "dobj"):
                objs = _split_list(child, self.coref)
            elif child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj":
                        objs.extend(_split_list(g, self.coref))
            for owner in owners:
                for o in objs:
                    self.add(owner, label, o, "attribute", tok=verb, neg=neg, conf=0.75)

    def _preps(
        self, head: Any, subjects: list[Mention], base: str, voice: Voice, neg: bool, conf: float
    ) -> None:
        for prep in head.children:
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
        if prep.dep_ == "agent":
            word = "by"
        pobjs = [g for g in prep.children if g.dep_ == "pobj"]
        if not pobjs:
            # "known for proving the theorem": the gerund's object
            for g in prep.children:
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    pobjs = [d for d in g.children if d.dep_ == "dobj"]
                    base = f"{base}_{word}_{g.lemma_.lower()}".strip("_")
                    word = ""
                    break
        pred = f"{base}_{word}".strip("_") if word else base
        if prep.dep_ == "agent" and not with_prep:
            pred = base
        for pobj in pobjs:
            if pobj.lemma_.lower() in _ADVERBIAL_OBJECTS and not any(
                c.dep_ == "prep" for c in pobj.children
            ):
                continue  # "in addition", "for example": discourse, not an object
            role = next(
                (
                    g
                    for p in pobj.children
                    if p.dep_ == "prep" and p.lower_ == "as"
                    for g in p.children
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
            if pobj.lower_ == "level" and any(c.lower_ == "sea" for c in pobj.children):
                continue  # "610 metres above sea level" is a measure (see measure())
            kind: ClauseKind = _STRUCT_VERBS.get(pred, "relation")
            objs = [
                o
                for o in _owned_object(pobj, self.coref) or _split_list(pobj, self.coref)
                if not o.start <= prep.idx < o.end
            ]
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


def clauses(
    sent: Any, *, default_subject: Mention | None = None, coref: Coref | None = None
) -> list[Clause]:
    """All clauses of one parsed sentence (a spaCy ``Span``), in reading order.

    Args:
        sent: the sentence.
        default_subject: the implicit subject of a subject-less list item or fragment.
        coref: resolves pronouns; it is *not* updated here (the caller notes each sentence's
            subject after reading it, so "it" in a sentence never points into the same sentence).
    """
    if coref is not None:
        # "X was born in 1923 and his nationality was ...": a pronoun may point back to the subject of
        # its own sentence (the caller notes that subject for the next sentences afterwards)
        subj = next(
            (
                c
                for c in sent.root.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
            ),
            None,
        )
        coref.sentence = mention_of(subj) if subj is not None else None
    reader = _Reader(default_subject, coref)
    try:
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                if tok.pos_ == "AUX" and tok.lemma_ != "be":
                    continue
                reader.verb(tok)
            elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT":
                reader.adjective_root(tok)
            elif tok.dep_ == "appos":
                reader.appos(tok)
            if tok.pos_ == "PROPN" and tok.dep_ != "compound":
                reader.name_in_place(tok)
            if tok.dep_ in ("npadvmod", "compound", "nmod") and any(
                c.dep_ == "nummod" for c in tok.children
            ):
                reader.measure(tok)
    finally:
        if coref is not None:
            coref.sentence = None
    return reader.out
