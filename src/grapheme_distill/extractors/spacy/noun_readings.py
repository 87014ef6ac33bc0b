"""The output of the clause walk and the noun readings that copulas and appositions share.

:class:`NounReadings` holds the output list and :meth:`NounReadings.add`, the one place where a
clause's predicate is adjusted (denial on the object, class nouns naming a role) before it is
recorded, and the readings of a noun that says what a thing is, whichever construction brought it
in: a relational noun ("the capital of Y" in "X is the capital of Y" and "X, the capital of Y"),
"home to Y", a class noun's place and maker phrases ("a village in Y", "a song by Y"), the year on a
work's class ("a 1959 album") and the "with an elevation of N" values.  It was cut out of
``copulas.py`` in issue 11's twenty-fourth session (at 711 lines) so that the copular clauses
(:mod:`.copulas`) and the appositions (:mod:`.appositions`) built on it each have room.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.predicates import dated_work_predicate, denied
from grapheme_distill.extractors.spacy.arguments import (
    _is_valueish,
    _noun_phrase_label,
    _span,
    _split_list,
)
from grapheme_distill.extractors.spacy.doc_cache import doc_text, token_children, token_sent
from grapheme_distill.extractors.spacy.mentions import (
    _CLASS_NOUNS,
    _DURATION,
    _PART_LOCATED,
    _PART_NOUNS,
    _PLACE_NOUNS,
    _STRUCT_NOUNS,
    Clause,
    ClauseKind,
    Coref,
    Mention,
    Voice,
)
from grapheme_distill.extractors.spacy.names import (
    VALUE_LABELS,
    _of_object,
    mention_of,
    phrase_mention,
)

_YEAR = re.compile(r"^(?:1[0-9]|20)[0-9]{2}$")
_YEAR_SPAN = re.compile(r"^(\d{3,4})\s*(?:to|and|until|till|[\u2013-])\s*(\d{3,4})$")


class NounReadings:
    """The clause output and ``add``, and the noun readings copulas and appositions share."""

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
        if voice == "active" and kind == "relation" and _bare_light_verb(pred):
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
        if attr.pos_ == "PROPN" and not attr.is_lower:
            # "... is the Republic of the Philippines": a name, not a role.  A lower-case word
            # the parser tagged PROPN is a common noun all the same ("Cyril, the bishop of
            # Alexandria")
            return False
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


#: the light verbs (and "become"), which name no act of their own: what they say is in their
#: object ("took Constantinople", "made a pilgrimage", "became an agency")
_LIGHT_LEMMAS = frozenset(
    {"take", "make", "give", "have", "do", "get", "put", "keep", "hold", "become"}
)
#: the prepositions that may follow such a verb's lemma in a predicate (no particle: "take_over",
#: "make_up", "give_up", "hold_off" name acts of their own)
_LIGHT_PREPS = frozenset(
    {
        "in", "on", "at", "to", "from", "for", "with", "by", "into", "through", "about", "as",
        "under", "against", "during", "since", "until", "between", "after", "before", "within",
        "across", "among", "of", "than", "onto", "upon", "via", "throughout", "without", "toward",
        "towards", "behind", "beyond", "near",
    }
)  # fmt: skip


def _bare_light_verb(pred: str) -> bool:
    """True for an active clause's predicate that is a light verb and one preposition
    (``make_to``, ``take_in``, ``become_in``, ``have_in``): the verb's own object, which carries
    the meaning, is not in it, so the phrase after the preposition is said of nothing the relation
    names — "Ibn Battuta made his pilgrimage to Mecca" is no fact *Ibn Battuta make_to Mecca*, "the
    Ottomans took Constantinople in 1453" no *Ottoman Empire take_in 1453*, "UNICEF became a
    permanent agency in 1953" no *UNICEF become_in 1953*.  (A light verb with its noun in the
    predicate stays: ``take_part_in``, ``make_use_of``, ``publish_translation_in``.)  On the
    reads of the fortieth session such clauses were right 1 time in 102 (devtrain 0/16, val11–25
    1/24, val26–38 0/19, the unseen reads 0/22).  The cut also takes a light verb with no object of
    its own ("Amundsen got to the South Pole", "took to the sea") and the recipient of "give"
    ("gave Columbus three ships"): keeping those lowered eight gates and raised one in the
    fortieth session's review, so the cut stays whole."""
    verb, _, prep = pred.partition("_")
    return verb in _LIGHT_LEMMAS and prep in _LIGHT_PREPS


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
