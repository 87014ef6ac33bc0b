"""Appositions and place phrases on names: "X, a village in Y", "her husband, Pierre Curie",
"Seville, Andalusia, Spain", "the Baku Memorial in Azerbaijan".

A noun phrase set beside a name says what the name is, whose R it is or where it lies, without a
verb; :class:`AppositionReadings` reads these on top of the shared noun readings of
:mod:`.noun_readings` (so "X, a village in Y" and "X is a village in Y" give the same clauses).
Cut out of ``copulas.py`` in issue 11's twenty-fourth session; :class:`.copulas.ClauseBase`
builds on it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from grapheme_distill.extractors.spacy.arguments import _style_of
from grapheme_distill.extractors.spacy.doc_cache import token_children
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.names import _of_object, mention_of
from grapheme_distill.extractors.spacy.noun_readings import NounReadings
from grapheme_distill.extractors.spacy.place_runs import listed


class AppositionReadings(NounReadings):
    """What an apposition or a place phrase on a name says."""

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
        if (
            tok.pos_ == "PROPN"
            and tok.is_lower
            and not tok.ent_type_
            and self.relational_noun([subj], tok, tok=tok, neg=False, conf=0.8)
        ):
            # a lower-case word the parser tagged PROPN is no name: "Cyril, the bishop of
            # Alexandria" says whose bishop he is.  Only the R of an owner is read so: as a
            # class ("X, a village") such words gave more wrong readings than right
            return
        if tok.pos_ == "NOUN" and not tok.ent_type_:
            named = _named_apposition(head, tok, self.coref)
            if named is not None and self.relational_noun(
                [named], tok, tok=tok, neg=False, conf=0.8
            ):
                return  # "His uncle, Pliny the Elder, the admiral of the Roman fleet"
            if self.relational_noun([subj], tok, tok=tok, neg=False, conf=0.8):
                return
            if self.home_to([subj], tok, tok=tok, neg=False):
                return  # "Paris, home to the Louvre"
            m = mention_of(tok, self.coref)
            if m and _names_the_class(head, subj, tok, m):
                # "the bacterium Yersinia pestis", "a radioactive element, radium": the noun in
                # front is the class and the apposition the thing, so the is-a runs backwards
                self.add(m, "is_a", subj, "copula", tok=tok, conf=0.75, kind="is_a")
                self.dated_work(m, head, neg=False)
            elif m:
                self.add(subj, "is_a", m, "copula", tok=tok, conf=0.75, kind="is_a")
                self.dated_work(subj, tok, neg=False)
                style = _style_of(tok)
                if style is not None:  # "Expect a Miracle, an easy listening album, ..."
                    self.add(subj, "genre", style, "attribute", tok=tok, conf=0.65)
                self.class_preps(subj, tok, tok=tok, neg=False)  # "Smiljan, a village in Y"
            return
        m = mention_of(tok, self.coref)
        if m is not None and m.proper and (role := placed_role(head)) is not None:
            # "The capital of Kenya, Nairobi": the name is the owner's capital, not a place
            # Kenya lies in (the parser hangs the name on the owner)
            self.relational_noun([m], role, tok=tok, neg=False, conf=0.75)
            return
        if m is not None and m.proper and _close_apposition(head, m):
            self.dated_work(m, head, neg=False)  # "the 2015 film The Man Who Knew Infinity"
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
        if (
            m
            and m.label in ("GPE", "LOC")
            and subj.label in ("GPE", "LOC", "FAC")
            and not _dash_between(head, tok)
        ):
            self.add(subj, "located_in", m, "passive", tok=tok, conf=0.7)

    def place_chain(self, sent: Any) -> None:
        """'based in Seville, Andalusia, Spain': places run together with commas and no "and"
        name each the place the one before lies in.  Read off the named entities, because the
        parser makes such a run a list, an apposition or a mix of both.  After a place word
        ("in", "at", "near", "from") one name of a "Town, Region" address may be untagged or
        mistagged ("in Ajaccio, Corsica": Corsica a product); it is a place all the same when
        the other one is, unless NER calls it a person, a group or a date."""
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
            if run and _after_place_word(run[0]) and (region := _untagged_region(run[-1])):
                run.append(region)  # "born in Ajaccio, Corsica" (NER: Corsica a product)
            if len(run) > 1 and not listed(run[0], run[-1]):
                for inner, outer in pairwise(run):
                    if outer.root.head.i == inner.root.i and placed_role(inner.root) is not None:
                        continue  # "The capital of Kenya, Nairobi": read by :meth:`appos`
                    a = mention_of(inner.root, self.coref) or _region_mention(inner)
                    b = mention_of(outer.root, self.coref) or _region_mention(outer)
                    if a is not None and b is not None:
                        self.add(a, "located_in", b, "passive", tok=outer.root, conf=0.7)
            run = [ent] if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else []
            town = _untagged_town(run[0]) if run and run[0].label_ != "FAC" else None
            if town is not None and _after_place_word(town):
                run = [town, *run]  # "died in Carry-le-Rouet, France" (NER: no place)

    def name_in_place(self, tok: Any) -> None:
        """'The Baku Memorial in Azerbaijan was designed ...': a place phrase on a name locates it;
        "Ciudad Ayala, with an elevation of 1147, ...": a "with" phrase on a name describes it;
        "Turkey's North Anatolian Fault": a place owning a named thing (not a person) holds it.
        A place phrase on a person who is a passive's agent ("the record was set by Kevin Mayer
        of France in Talence") says where the act was done; on a body it still locates the body
        ("turned down by the Curtis Institute of Music in Philadelphia")."""
        owner = next(
            (c for c in token_children(tok) if c.dep_ == "poss" and c.ent_type_ == "GPE"), None
        )
        if owner is not None and tok.ent_type_ not in ("PERSON", "NORP", "DATE"):
            held, place = mention_of(tok, self.coref), mention_of(owner, self.coref)
            if (
                held is not None
                and place is not None
                and held.label != "PERSON"
                and not held.start <= owner.idx < held.end
                and place.start <= owner.idx < place.end
            ):  # not "Moctezuma's successor Cuitláhuac" read as one name, nor "Japan's Prime
                # Minister Shinzo Abe", whose owner the name reader gives as the person it owns
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
                if owner is not None and owner.label == "PERSON" and _agent(owner_tok):
                    continue  # "set by Kevin Mayer of France in Talence": where the act was done
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


def _named_apposition(head: Any, tok: Any, coref: Any) -> Mention | None:
    """The name set beside the common noun ``head`` before its apposition ``tok``, when the
    parser hangs both on the noun: in "His uncle, Pliny the Elder, the admiral of the Roman
    fleet" the admiral is Pliny, not the uncle (whom the noun names only by his relation to
    the writer).  ``None`` when no capitalised proper noun stands as an earlier apposition of
    ``head`` (or ``head`` is itself a name)."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    for c in token_children(head):
        if (
            c.dep_ == "appos"
            and head.i < c.i < tok.i
            and c.pos_ == "PROPN"
            and c.text[:1].isupper()
        ):
            m = mention_of(c, coref)
            return m if m is not None and m.proper else None
    return None


def _agent(tok: Any) -> bool:
    """``tok`` is the object of a passive's "by" ("was set by Kevin Mayer")."""
    return bool(tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _close_apposition(head: Any, m: Mention) -> bool:
    """The name ``m`` follows its class noun ``head`` with no comma between ("the 2015 film The
    Man Who Knew Infinity", "the 1959 album *Kind of Blue*"): the noun is the name's class, so a
    year on it dates the work, as in "X is a 1959 album" (:meth:`.NounReadings.dated_work`)."""
    if head.pos_ != "NOUN" or head.ent_type_ or m.start < head.idx + len(head.text):
        return False
    between = head.doc.text[head.idx + len(head.text) : m.start]
    return between.strip(" *_\"'\u201c\u201d").lower() in ("", "the") and m.start - head.idx < 200


def _after_place_word(place: Any) -> bool:
    """The place span stands after a word that introduces a place ("in", "at", "near", "from"),
    so a name run on after it with a comma is an address, not a list of people or things."""
    i = place.start - 1
    if i >= 0 and place.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and place.doc[i].lower_ in _PLACE_WORDS


def _untagged_region(place: Any) -> Any:
    """The region that follows ``place`` after a comma when NER did not call it a place
    ("Ajaccio, Corsica" with Corsica a product, "Ulm, Württemberg" untagged); ``None`` when no
    such name follows."""
    doc = place.doc
    if place.end + 1 >= len(doc) or doc[place.end].text != ",":
        return None
    end = start = place.end + 1
    while end < len(doc) and _name_part(doc, end):
        end += 1
    return _untagged_name(doc, start, end)


def _untagged_town(place: Any) -> Any:
    """The town in front of ``place`` and a comma when NER did not call it a place ("died in
    Carry-le-Rouet, France"); ``None`` when no such name stands there."""
    doc = place.doc
    if place.start < 2 or doc[place.start - 1].text != ",":
        return None
    start = end = place.start - 1
    while start > 0 and _name_part(doc, start - 1):
        start -= 1
    return _untagged_name(doc, start, end)


def _name_part(doc: Any, i: int) -> bool:
    """A token of a name: a capitalised proper noun, or a piece of a hyphenated one ("le" and the
    hyphens of "Carry-le-Rouet", "upon" of "Stratford-upon-Avon")."""
    tok = doc[i]
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    joined_before = i > 0 and doc[i - 1].whitespace_ == "" and not doc[i - 1].is_punct
    joined_after = tok.whitespace_ == "" and i + 1 < len(doc) and not doc[i + 1].is_punct
    if tok.text == "-":
        return joined_before and joined_after
    return i > 0 and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "" and tok.is_alpha


def _untagged_name(doc: Any, start: int, end: int) -> Any:
    """``doc[start:end]`` as a place name NER missed: it opens and closes on a capitalised word,
    and no token of it is in an entity NER names otherwise (a person, a group, a date: "in
    Paris, John Smith said" pairs no person with the place)."""
    while end > start and doc[end - 1].text == "-":
        end -= 1
    while start < end and not (doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper()):
        start += 1
    if start >= end or not doc[end - 1].text[:1].isupper():
        return None
    if any(t.ent_type_ and t.ent_type_ not in _REGION_LABELS for t in doc[start:end]):
        return None
    return doc[start:end]


def _region_mention(span: Any) -> Mention | None:
    """A region :func:`_untagged_region` found, as a place, where the name reader made nothing
    of it (a mis-parse: "in Ajaccio, Corsica, a year after" hangs "Corsica" as a preposition);
    ``None`` for a place NER tagged (its reading stands)."""
    if span.label_:
        return None
    return Mention(span.text, span.start_char, span.end_char, "GPE", True)


_PLACE_WORDS = frozenset({"in", "at", "near", "from"})
# labels NER gives a region it did not see as one (a place it tagged is already in the run)
_REGION_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "NORP"})


def _names_the_class(head: Any, subj: Mention, tok: Any, m: Mention) -> bool:
    """True when the apposition ``tok`` (mention ``m``) names an instance of its head noun
    (mention ``subj``) rather than the class of a named head: a close apposition, the name right
    after a definite common noun ("the bacterium Yersinia pestis", "the physicist Pierre Curie";
    a capitalised word inside the sentence counts as a name, since the tagger often calls a Latin
    binomial a noun).  "Smiljan, a village" and "Prussian blue, a synthetic pigment" keep the name
    first; a comma apposition after a common noun ("the same plant, Camellia sinensis", "its
    carriers, the W and Z bosons") is left as it was: on the development answers its names were
    as often a list's or a heading's as the noun's instances."""
    if head.pos_ != "NOUN" or head.ent_type_ or subj.proper or subj.label:
        return False
    between = head.doc[head.i + 1 : tok.left_edge.i + 1]
    marks = [t for t in between if t.text.strip("*_\"'\u201c\u201d") == ""]
    if len(marks) != len(between) - 1 or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token_children(head)
    ):
        return False  # (emphasis and quote marks may stand between: "the bacterium *Yersinia")
    first = between[-1]
    return bool(m.proper or m.label or (first.text[:1].isupper() and not first.is_sent_start))


def placed_role(owner: Any) -> Any:
    """The noun whose "of" phrase ``owner`` (a place name) is, when that noun names a place the
    owner holds: "the capital of Kenya", "the seat of the county", "the largest city of Spain"
    (a superlative).  A name in apposition to the owner is then that place ("the capital of
    Kenya, Nairobi"), not a place the owner lies in as in "the city of Seville, Spain"."""
    if owner.dep_ != "pobj" or owner.ent_type_ not in ("GPE", "LOC") or owner.head.lower_ != "of":
        return None
    noun = owner.head.head
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    if noun.lemma_.lower() in ("capital", "seat") or any(
        c.dep_ == "amod" and c.tag_ == "JJS" for c in token_children(noun)
    ):
        return noun
    return None


# "his clan name, Madiba", "its nickname, the Big Apple": another name, for the linguistic reader
_NAME_NOUNS = frozenset({"name", "nickname", "title", "term", "word", "abbreviation", "acronym"})


# no thing that lies somewhere: people, groups, numbers; a prize, a law or a work "in" a place
# names where it was given or set ("won the Nobel Prize in Stockholm")
_NO_PLACE = frozenset(
    {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
    | {"WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)


_DASHES = frozenset({"—", "–", "-", "--"})


def _dash_between(head: Any, tok: Any) -> bool:
    """Whether a dash stands between a name and the name the parse made its apposition ("- **The
    Netherlands** — England supported the Dutch revolt"): a label and the clause glossing it, no
    address ("Paris, France") — the Netherlands do not lie in England."""
    lo, hi = sorted((head.i, tok.i))
    return any(t.text in _DASHES for t in head.doc[lo + 1 : hi])
