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

The copula, apposition and measure readings live in :mod:`~grapheme_distill.extractors.spacy.copulas`
(``ClauseBase``, which also owns ``add``), the prepositional readings ("born in Y") in
:mod:`~grapheme_distill.extractors.spacy.prepositions` (``PrepositionReadings``, on top of it);
the verb readings here build on both.

The result is plain data (:class:`Clause`, :class:`Mention`) with character offsets in the parsed
text; turning it into knowledge items, typing entities consistently and canonicalising predicates is
the extractor's job.
"""

from __future__ import annotations

from typing import Any

from grapheme_distill.extractors.spacy.arguments import (  # noqa: F401
    TIME_PREPS,
    _count,
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
    _verb_as_noun,
    _with_object,
    light_noun,
    named_subject,
)
from grapheme_distill.extractors.spacy.disputed import DISPUTED
from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens, token_children
from grapheme_distill.extractors.spacy.faq_clauses import done_root, faq_label, unlabelled
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
from grapheme_distill.extractors.spacy.prepositions import (
    TAKEN_AS,
    PrepositionReadings,
    collective_member,
)

__all__ = ["VALUE_LABELS", "Clause", "Coref", "Mention", "clauses", "mention_of", "phrase_mention"]


# nouns whose "to"-infinitive names what they are for: "the best way to see Portugal"
_PURPOSE_NOUNS = frozenset(
    {"way", "place", "time", "tool", "method", "means", "option", "approach", "thing", "reason"}
)
# verbs that confer their object on a dative recipient ("awarded her the medal"): an honour, a
# degree, a title; "gave him a chance" is left alone
_CONFER_VERBS = frozenset({"award", "grant", "bestow", "confer"})


class _Reader(PrepositionReadings):
    """The verb readings on top of the prepositions, copulas, appositions and measures."""

    def measure_verb(self, verb: Any, subjects: list[Mention]) -> bool:
        """ "X measures 17068.8 millimetres in length": the dimension named after "in" is an
        attribute of the subject.  False when the verb is not used that way."""
        dims = [
            g
            for p in token_children(verb)
            if p.dep_ == "prep" and p.lower_ == "in"
            for g in token_children(p)
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ]
        units = [
            c
            for c in token_children(verb)
            if c.dep_ in ("dobj", "npadvmod") and any(n.dep_ == "nummod" for n in token_children(c))
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
        if (
            verb.dep_ in ("acl", "relcl")
            and verb.head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token_children(verb))
            and not any(
                c.lower_ in ("first", "only", "last")
                or c.ent_type_ == "ORDINAL"
                or c.tag_ == "JJS"
                and verb.head.lemma_ not in _PURPOSE_NOUNS
                for c in verb.head.lefts
            )
        ):
            # "the best way to see Portugal", "a tool to build images": a purpose, no fact; but
            # "the first woman to win a Nobel Prize" says she won it
            return
        subj_toks = [c for c in token_children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.lemma_ == "be" and any(c.dep_ == "expl" for c in token_children(verb)):
            self.existential(verb)
            return
        if len(subj_toks) > 1 and faq_label(subj_toks[0]):
            # "Q: Did Utzon finish it?", "Q: Is it a World Heritage Site?": the label is no
            # subject, the one after the auxiliary is (a question is read when answered)
            subj_toks = subj_toks[1:]
            subjects = _split_list(_resolve_np(subj_toks[0]), self.coref)
        else:
            subjects = _subjects(verb, self.default, self.coref)
        if not subj_toks and (name := named_subject(verb)) is not None:
            subjects = _split_list(name, self.coref)  # "UNICEF reports to …": "reports" a noun
        described = _described(verb)
        if described is not None and (said := mention_of(described, self.coref)) is not None:
            subjects = [said]  # "X is defined as a band formed in London": X was formed there
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
            and any(c.lower_ == "whose" for c in token_children(subj_tok))
        ):
            self.whose(verb, subj_tok, neg)
            return
        if (
            verb.lemma_ == "be"
            and verb.pos_ == "AUX"
            and verb.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in token_children(verb))
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
                        for p in token_children(subj_tok)
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in token_children(p)
                        if g.dep_ == "pobj" and g.pos_ == "NOUN"
                    ),
                    subj_tok,
                )
            for child in token_children(verb):
                if child.dep_ == "attr" or child.dep_ == "acomp" and child.like_num:
                    # ("The total area of X is 1439.0": the parser may make the number an acomp)
                    self.copula(verb, subj_tok, subjects, child, neg)
                    self.trailing_adjectives(child, subjects, neg, conf)
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
            for c in token_children(verb)
            if c.dep_ == "prt"
            or c.dep_ == "dobj"
            and c.lower_ in ("part", "place")
            and not token_children(c)
        )
        # ("took part in X": the light verb's noun belongs to the predicate, take_part_in)
        base = start_of + (verb.lower_ if passive else verb.lemma_.lower()) + particle
        # ("started performing in 1995": when the performing started, start_perform_in)
        if passive and verb.lemma_ == "find":
            base = "located"  # "X can be found in Y" (not "founded")
        elif verb.lemma_ == "found":
            base = "founded" + particle  # spaCy's lemma of "founded"; "found_in" reads as located
        light = light_noun(verb)
        plain = base  # the verb's own predicate, for the light noun as its object
        if light is not None and not base.endswith(f"_{light.lower_}"):
            # "made use of tanks", "gave rise to the islands", "plays a key role in X": the
            # light verb's noun belongs to the predicate (make_use_of), not to its arguments
            base = f"{base}_{light.lemma_.lower()}"
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
        children = list(token_children(verb))  # a copy: conjuncts' objects join it below
        if not any(
            c.dep_ in ("dobj", "obj", "attr", "oprd", "prep", "agent", "xcomp", "ccomp")
            for c in children
        ):
            # (a verb whose complement is a clause has its object there: "Salt helps to
            # preserve cheese and adds flavour" does not help flavour)
            for conj in children:  # "X produced and wrote the film": both verbs take the object
                if (
                    conj.dep_ == "conj"
                    and conj.pos_ == "VERB"
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token_children(conj))
                ):
                    # ("written and directed by Ray Griggs": both participles take the agent; a
                    # conjunct with a subject of its own is a clause of its own: "Croissant dough
                    # rises slowly, but it contains yeast" does not rise yeast)
                    children.extend(
                        c
                        for c in token_children(conj)
                        if c.dep_ == "dobj" or c.dep_ == "agent" and passive and _is_passive(conj)
                    )
                    break
        if verb.lemma_ == "have":
            roles = [
                g
                for c in children
                if c.dep_ == "prep" and c.lower_ == "as"
                for g in token_children(c)
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
            if light is not None and child.i == light.i:
                voice: Voice = "passive" if passive else "active"
                for sub in token_children(child):  # "made use of tanks": of the noun's object
                    if sub.dep_ == "prep":
                        self._prep(sub, subjects, base, voice, neg, conf)
                # the noun is still a mention the annotators often name ("became a
                # protectorate", "took control"): its plain reading stays, for the entity reader
                for o in _split_list(child, self.coref):
                    for s in subjects:
                        self.add(s, plain, o, voice, tok=verb, neg=neg, conf=conf)
                continue
            if dep in ("dobj", "obj", "oprd") or (dep == "attr"):
                if child.lower_ in _WH and verb.dep_ == "relcl":
                    objs = _split_list(_resolve_np(verb.head), self.coref)
                else:
                    if dep == "dobj":  # "contains a mix of ions and free electrons": the ions
                        child = collective_member(child) or child
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
                if kind != "relation":
                    objs = [o for o in objs if not _counted_at(child, o)]
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
                for sub in token_children(child):  # "X won the award for Y" stays with the verb
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
                self._prep(
                    child,
                    subjects,
                    base if passive else _with_object(base, children),
                    "passive" if passive else "active",
                    neg,
                    conf,
                )
            elif dep == "npadvmod" and child.ent_type_ == "DATE" and verb.tag_ == "VBN":
                when = mention_of(child, self.coref)  # "X, born 1989-02-24, ..."
                if when is not None:
                    for s in subjects:
                        self.add(
                            s, f"{base}_on", when, "passive", tok=verb, neg=neg, conf=conf * 0.9
                        )
            elif dep == "dative":
                if self.conferred(verb, child, children, neg, conf):
                    continue
                for o in _split_list(child, self.coref):
                    for s in subjects:
                        self.add(s, f"{base}_to", o, "active", tok=verb, neg=neg, conf=conf * 0.9)
            elif dep == "acomp":
                self._preps(
                    child, subjects, f"{base}_{child.lemma_.lower()}", "active", neg, conf * 0.9
                )

    def conferred(
        self, verb: Any, dative: Any, children: list[Any], neg: bool, conf: float
    ) -> bool:
        """Whether ``verb`` confers its object on the ``dative`` ("Barack Obama awarded her the
        Presidential Medal of Freedom", "the Curtis Institute awarded her an honorary degree"):
        the recipient received it — the conventions write both the giver's ``awarded`` and the
        recipient's ``received`` — and the giver gave it to nobody else (no ``award_to``)."""
        if verb.lemma_ not in _CONFER_VERBS:
            return False
        objs = [o for c in children if c.dep_ == "dobj" for o in _split_list(c, self.coref)]
        if not objs:
            return False
        saved = self.coref.sentence if self.coref is not None else None
        if self.coref is not None:  # an object pronoun is never its own clause's subject
            self.coref.sentence = None  # ("Obama awarded her …": not Obama)
        try:
            recipients = _split_list(dative, self.coref)
        finally:
            if self.coref is not None:
                self.coref.sentence = saved
        for r in recipients:
            for o in objs:
                self.add(r, "received", o, "active", tok=verb, neg=neg, conf=conf * 0.9)
        return True

    def have(self, child: Any, subjects: list[Mention], verb: Any, neg: bool, conf: float) -> bool:
        """ "X has N members", "X has a population of N", "X has a residence in Y", "X has the UMG
        record label": the object noun names the attribute.  False when none of these fits."""
        nums = [c for c in token_children(child) if c.dep_ == "nummod"]
        if nums and _introduces_list(child):
            return True  # "The symphony has four movements: ...": a count that introduces a list
        if nums:
            num = mention_of(nums[0])
            if num is None and nums[0].like_num:
                num = _count(nums[0])  # "He had six wives": NER leaves a spelled count untyped
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
                    for p in token_children(child)
                    if p.dep_ == "prep" and p.lower_ in ("in", "at")
                    for g in token_children(p)
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

    def adjective_root(self, adj: Any) -> None:
        """ "Tom Sizemore, married to Maeve Quinlan, ...": the parser sometimes makes a participle an
        adjective at the root; its prepositions still say something about the subject."""
        subjects = [
            m
            for c in token_children(adj)
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
        attr = next((c for c in token_children(verb) if c.dep_ == "attr"), None)
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
                    for p in token_children(attr)
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in token_children(p)
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
        """'X, whose R is/was (on) Y': the owner's R is Y.  With another verb the clause tells
        what the R did ("whose 1991 eruption cooled the planet"), which is no value of X."""
        if verb.lemma_ not in ("be", "become", "remain") and not _is_passive(verb):
            return
        owners = _split_list(_resolve_np(verb.head), self.coref)
        label = _noun_phrase_label(subj_tok)
        for child in token_children(verb):
            objs: list[Mention] = []
            if child.dep_ in ("attr", "dobj"):
                objs = _split_list(child, self.coref)
            elif child.dep_ == "prep":
                for g in token_children(child):
                    if g.dep_ == "pobj":
                        objs.extend(_split_list(g, self.coref))
            for owner in owners:
                for o in objs:
                    self.add(owner, label, o, "attribute", tok=verb, neg=neg, conf=0.75)

    def trailing_adjectives(
        self, noun: Any, subjects: list[Mention], neg: bool, conf: float
    ) -> None:
        """'X is an agency responsible for space exploration', 'a salamander native to Mexico':
        an adjective after the class noun, with its own preposition, tells of the subject (the
        parser often hangs it on a later noun of the phrase)."""
        for adj in noun.subtree:
            if (
                adj.pos_ == "ADJ"
                and adj.i > noun.i
                and adj.dep_ in ("amod", "acomp")
                and any(p.dep_ == "prep" for p in token_children(adj))
            ):
                self._preps(adj, subjects, adj.lemma_.lower(), "active", neg, conf * 0.9)


def _introduces_list(noun: Any) -> bool:
    """ "has four movements:", "has two main parts: the atria and ...": a counted noun followed by
    a colon introduces a list, and the gold conventions annotate no such count."""
    doc = noun.doc
    return any(i < len(doc) and doc[i].text == ":" for i in (noun.i + 1, noun.right_edge.i + 1))


def _described(verb: Any) -> Any:
    """The subject of "X is defined as a Y" when ``verb`` is a participle or relative clause on
    that Y ("a band formed in London", "a band that formed in London"), else ``None``."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return None
    taken = noun.head.head
    if taken.lemma_.lower() not in TAKEN_AS:
        return None
    return next((c for c in token_children(taken) if c.dep_ in ("nsubjpass", "nsubj")), None)


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
    doc = sent.doc
    # the sentence's text and tokens read off the per-document caches: ``Span.text`` joins and
    # ``Span.__iter__`` builds every token anew (the same text, the same tokens)
    if DISPUTED.search(doc_text(doc)[sent.start_char : sent.end_char]):
        return []  # the answer itself doubts it: annotators (and users) leave such claims out
    if coref is not None:
        first = doc_tokens(doc)[sent.start]
        # what the mentions' numbers are read off ("they" wants several); "It" opening a
        # paragraph: the answer's topic
        coref.read(
            doc,
            opens_on_it=sent.start == 0
            and default_subject is None
            and first.lower_ == "it"
            and first.dep_ in ("nsubj", "nsubjpass"),
        )
        # "X was born in 1923 and his nationality was ...": a pronoun may point back to the subject of
        # its own sentence (the caller notes that subject for the next sentences afterwards)
        subj = next(
            (
                c
                for c in token_children(sent.root)
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
            ),
            None,
        )
        coref.sentence = mention_of(subj) if subj is not None else None
    reader = _Reader(default_subject, coref)
    try:
        for tok in doc_tokens(doc)[sent.start : sent.end]:
            if (
                tok.pos_ in ("VERB", "AUX") or _verb_as_noun(tok) or named_subject(tok) is not None
            ) and tok.dep_ not in (
                "aux",
                "auxpass",
            ):
                if tok.pos_ == "AUX" and tok.lemma_ != "be":
                    continue
                reader.verb(tok)
            elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT":
                reader.adjective_root(tok)
            elif tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and done_root(tok):
                reader.verb(tok)  # "Does the Rhine flow into the North Sea?": "flow" a noun
            elif tok.dep_ == "appos":
                reader.appos(tok)
            if tok.pos_ == "PROPN" and tok.dep_ != "compound":
                reader.name_in_place(tok)
            if tok.pos_ in ("NOUN", "PROPN"):
                reader.thing_in_place(tok)
            if tok.dep_ in ("npadvmod", "compound", "nmod") and any(
                c.dep_ == "nummod" for c in token_children(tok)
            ):
                reader.measure(tok)
        reader.place_chain(sent)
    finally:
        if coref is not None:
            coref.sentence = None
    if faq_label(doc_tokens(doc)[sent.start]):
        return unlabelled(reader.out, sent)
    return reader.out


def _counted_at(obj: Any, m: Mention) -> bool:
    """The structure verb's object at ``m`` (``obj`` or one of its conjuncts) is a count, not a
    member: "the genus contains around 300 species and tens of thousands of cultivars", "notebooks
    containing roughly 3,900 results" say how many, not which — no part or member (a number with
    a determiner names one: "the heptathlon includes the 200 m")."""
    for tok in (obj, *obj.conjuncts):
        if not m.start <= tok.idx < m.end or any(c.dep_ == "det" for c in token_children(tok)):
            continue
        if tok.ent_type_ == "CARDINAL" or any(
            c.dep_ == "nummod" and c.ent_type_ == "CARDINAL" for c in token_children(tok)
        ):
            return True
    return False
