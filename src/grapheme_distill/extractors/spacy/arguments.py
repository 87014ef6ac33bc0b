"""The arguments of a clause: its denial, a quantity and what it counts, the named owner of a
common noun, the style words of a work, a relational noun's label.  Who the subjects are lives in
:mod:`.clause_subjects`, a coordinated list's members in :mod:`.list_members`; both are
re-exported here for the clause reader.  Uses :mod:`.names` for what each token names.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from grapheme_distill.extractors.spacy.clause_subjects import TIME_PREPS, _resolve_np, _subjects
from grapheme_distill.extractors.spacy.doc_cache import token_children
from grapheme_distill.extractors.spacy.list_members import _split_list
from grapheme_distill.extractors.spacy.mentions import Coref, Mention
from grapheme_distill.extractors.spacy.names import _make, _of_object, mention_of

#: the package's clause reader (:mod:`.clauses`) is the one user of these helpers
__all__ = [
    "TIME_PREPS",
    "_count",
    "_count_label",
    "_is_passive",
    "_is_valueish",
    "_neg",
    "_noun_phrase_label",
    "_owned_object",
    "_owner_of_part",
    "_quantity",
    "_resolve_np",
    "_span",
    "_split_list",
    "_style_of",
    "_subjects",
    "_verb_as_noun",
    "_with_object",
    "light_noun",
    "named_subject",
]


def _is_passive(verb: Any) -> bool:
    for child in token_children(verb):
        if child.dep_ in ("auxpass", "nsubjpass"):
            return True
    if verb.tag_ == "VBN":
        if verb.dep_ == "ROOT":  # a participle fragment: "Founded by the Parisii"
            return not any(c.dep_ in ("aux", "nsubj", "dobj") for c in token_children(verb))
        if verb.dep_ in ("acl", "advcl", "relcl"):
            return not any(c.dep_ == "aux" for c in token_children(verb))
        if verb.dep_ == "conj":
            return _is_passive(verb.head) and not any(
                c.dep_ in ("aux", "nsubj") for c in token_children(verb)
            )
    return False


def _neg(tok: Any) -> bool:
    """Whether the clause of ``tok`` is denied. Besides "not"/"never", the answer conventions keep a
    fact that "no longer" holds ("X no longer lives in Y", "are no longer members") or that the
    subject "ceased to" do ("ceased to be the capital") as a denied fact, not as a current one."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in token_children(tok)):
        return True
    if any(
        c.dep_ == "advmod"
        and c.lower_ in ("longer", "more")
        and any(g.dep_ == "neg" and g.lower_ == "no" for g in token_children(c))
        for c in token_children(tok)
    ):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "cease":
        return True
    return _shares_denial(tok)


def _shares_denial(verb: Any) -> bool:
    """Whether a conjoined verb without a subject or auxiliary of its own falls under its first
    verb's denial: "never married X or lived in Y", "did not win X and found Y" (a bare verb
    after the denied auxiliary), "neither ... nor".  "did not win but founded Y", "did not win
    and retired" (a finite verb of its own) state the second fact."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in token_children(verb)):
        return False
    cc = {c.lower_ for c in token_children(verb.head) if c.dep_ == "cc"}
    if "nor" in cc:
        return True
    if not ("or" in cc or "and" in cc and verb.tag_ == "VB" and verb.head.tag_ == "VB"):
        return False
    return _neg(verb.head)


def _noun_phrase_label(tok: Any) -> str:
    """'doctoral advisor', 'capital', 'production team': the relational noun with its modifiers.
    The last word of a hyphenated modifier is none ("Darcy's 15-year-old sister" is his sister,
    not his "old sister"; a "long-time patron" a patron): the words before it are left out, and
    the relation is the noun's.  A superlative stays ("second-largest city"), with its "most"
    ("the most famous painting of": ``most_famous_painting``, as the annotators write it).  An
    epithet of renown only describes the noun and is no part of the relation (Aztlan is the
    Mexica's ``homeland_of``, not their "legendary homeland"), unless "most"/"least" makes it a
    superlative."""
    words = []
    for c in tok.lefts:
        if not (
            c.dep_ in ("compound", "amod", "nmod")
            and c.i == tok.i - 1
            or (c.dep_ in ("compound", "amod") and c.i >= tok.i - 3 and not c.ent_type_)
        ) or (c.i > 0 and c.doc[c.i - 1].text == "-" and c.tag_ != "JJS"):
            continue
        most = [g.lower_ for g in c.lefts if g.dep_ == "advmod" and g.lower_ in _SUPERLATIVE]
        if c.dep_ == "amod" and not most and _describes(c):
            continue
        words.extend([*most, c.lower_])
    return "_".join([*words, tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_])


_SUPERLATIVE = frozenset({"most", "least"})

# adjectives of renown or praise: they say how the noun is regarded, not which relation it is
_EPITHETS = frozenset(
    {
        "famous",
        "well-known",
        "renowned",
        "celebrated",
        "legendary",
        "iconic",
        "classic",
        "historic",
        "notorious",
        "beloved",
        "prominent",
        "notable",
        "influential",
    }
)


def _describes(adj: Any) -> bool:
    """An adjectival modifier that describes its noun rather than narrowing the relation: an
    epithet of renown.  (A participle, "specialised agency", "domineering aunt", reads the same
    in the conventions but was measured to cost three gates: "governing body", "founding
    member" and the like name the role.)"""
    return bool(adj.lower_ in _EPITHETS)


# works whose kind is told by the words in front of the noun: "a pop rock song", "a punk blues album"
_STYLED_WORKS = frozenset(
    {"song", "single", "album", "ep", "record", "band", "group", "film", "movie", "novel"}
)
_NOT_STYLES = frozenset(
    {
        "debut",
        "first",
        "second",
        "third",
        "last",
        "new",
        "famous",
        "popular",
        "studio",
        "live",
        "compilation",
        "self",
        "produced",
        "solo",
        "hit",
        "feature",
        "short",
        "animated",
        "full",
        "length",
        "original",
        "american",
        "british",
        "english",
    }
)


def _style_of(noun: Any) -> Mention | None:
    """The genre words in front of a work noun: "a pop rock song" -> "pop rock", "an instrumental
    music album" -> "instrumental music"; None when they are not plain words (numbers, names,
    "debut", "compilation")."""
    if noun.lemma_.lower() not in _STYLED_WORKS:
        return None
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    words = noun.doc[start : noun.i]
    if any(
        not t.is_alpha
        and t.text != "-"
        or t.text[:1].isupper()
        or t.lower_ in _NOT_STYLES
        or t.pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT")
        for t in words
    ):
        return None
    return _make(noun.doc, start, noun.i, "", False)


def _quantity(unit: Any) -> Mention | None:
    """The quantity a unit noun closes: "17068.8 millimetres" from its number modifiers."""
    start = min(c.left_edge.i for c in token_children(unit) if c.dep_ == "nummod")
    return _make(unit.doc, start, unit.i + 1, "QUANTITY", False)


def _count_label(noun: Any, num: Any) -> str:
    """ "16,800 undergraduate students" -> number_of_undergraduate_students (the words between the
    number and the noun belong to what is counted)."""
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i > num.i]
    return "number_of_" + "_".join([*words, noun.lower_])


def _owned_object(tok: Any, coref: Coref | None) -> list[Mention]:
    """ "played for FC Spartak Moscow's youth team": an object that is a common noun owned by a
    name stands for that name, the noun naming the role (kind noun "youth team"); a bare "youth team"
    node would be shared by every club's youth team.  Empty when the object is not of that shape."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or any(c.dep_ == "det" for c in token_children(tok)):
        return []
    owners = [c for c in token_children(tok) if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owner = mention_of(owners[0], coref) if owners else None
    if owner is None or not owner.proper:
        return []
    kind = _noun_phrase_label(tok).replace("_", " ")
    return [dataclasses.replace(owner, kind_noun=kind)]


def _owner_of_part(tok: Any, coref: Coref | None) -> Mention | None:
    """The named thing a common noun is a part of: "the runway at/of X" -> X; "X ... with a runway
    that ..." -> X (the subject of the clause the "with" hangs on)."""
    of = _of_object(tok, also_for=True)
    if of is not None:
        m = mention_of(of, coref)
        return m if m is not None and (m.proper or m.label) else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(tok.head.head, None, coref)
        if len(subjects) == 1 and (subjects[0].proper or subjects[0].label):
            return subjects[0]
    return None


def _is_valueish(m: Mention) -> bool:
    return m.label in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT") or (
        bool(m.text) and m.text[0].isdigit()
    )


def _span(*mentions: Mention, tok: Any = None) -> tuple[int, int]:
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    if tok is not None:
        starts.append(tok.idx)
        ends.append(tok.idx + len(tok.text))
    return (min(starts), max(ends))


def _count(tok: Any) -> Mention:
    """A count as a value node ("six" in "six wives")."""
    return Mention(
        text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), label="CARDINAL", proper=False
    )


def _verb_as_noun(tok: Any) -> bool:
    """A verb in -s the small model tagged as a noun ("The agency coordinates research", "Evans
    plays piano"): the parse still gives it a subject and an object, which only a verb has."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "VBZ") or not tok.lower_.endswith("s"):
        return False
    deps = {c.dep_ for c in token_children(tok)}
    return "nsubj" in deps and bool(deps & {"dobj", "prep"}) and tok.dep_ in ("ROOT", "conj")


_NAMED_SUBJECT = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})


def named_subject(tok: Any) -> Any | None:
    """The name that a verb in -s the small model tagged as a noun was made a compound of
    ("UNICEF reports to the Executive Board": "UNICEF" a compound of the noun "reports", so the
    sentence had no verb and no relation): the sentence opens on the name, the noun has nothing
    else before it and a preposition or an object after it, as only a verb has.  Returns the
    name's last token (its subject), else None."""
    if (
        tok.pos_ != "NOUN"
        or tok.tag_ not in ("NNS", "VBZ")
        or not tok.lower_.endswith("s")
        or tok.ent_type_
        or tok.dep_ != "ROOT"
    ):
        return None
    kids = token_children(tok)
    if not any(c.dep_ in ("prep", "dobj") for c in kids if c.i > tok.i):
        return None
    left = [c for c in kids if c.i < tok.i]
    first = tok.left_edge
    if not left or any(c.dep_ != "compound" for c in left) or first.i != tok.sent.start:
        return None
    name = tok.doc[first.i : tok.i]
    if first.ent_iob_ != "B" or any(t.ent_type_ not in _NAMED_SUBJECT for t in name):
        return None
    return name[-1]


def _with_object(base: str, children: list[Any]) -> str:
    """ "published a translation in 1843": what the date or place is of is the act on its object
    (``publish_translation_in``) when the object is a common noun, which is no node of its own."""
    objs = [c for c in children if c.dep_ == "dobj"]
    if len(objs) != 1:
        return base
    obj = objs[0]
    if base.endswith(f"_{obj.lower_}"):
        return base  # "took part in": the light verb's noun is in the predicate already
    if (
        obj.pos_ != "NOUN"
        or obj.ent_type_
        or any(c.dep_ in ("compound", "conj") for c in token_children(obj))
    ):
        return base
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token_children(obj)):
        return base
    return f"{base}_{obj.lemma_.lower()}"


#: the closed class of English light verbs, whose bare noun carries the meaning ("take place",
#: "give rise to", "make use of", "have access to", "pay attention to"); ``play`` is the support
#: verb of an indefinite noun only ("play a role in"): its bare object is a thing ("plays piano");
#: ``have`` of a bare one only ("has a mass of X" is an attribute, :mod:`.clauses` reads it)
_LIGHT_VERBS = frozenset({"take", "make", "give", "have", "do", "get", "pay"})
_SUPPORT_VERBS = _LIGHT_VERBS | {"play"}


def light_noun(verb: Any) -> Any | None:
    """The noun object that belongs to a light verb's predicate, not to its arguments: "takes
    part in the ESA" (take_part_in the ESA), "gave rise to the islands", "made use of tanks",
    "plays a key role in respiration".  The shape is general: a light verb, a singular common
    noun object with no determiner (or, for a support verb, an indefinite one) and no clause or
    apposition of its own, and a preposition right after it (on the noun or the verb).  Without
    that preposition the noun may be a thing ("has hair", "makes antimatter"), and so may a
    plural or a definite one ("has offices in Paris", "took the train to Paris")."""
    lemma = verb.lemma_.lower()
    if lemma not in _SUPPORT_VERBS:
        return None
    objs = [c for c in token_children(verb) if c.dep_ == "dobj"]
    if len(objs) != 1:
        return None
    noun = objs[0]
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_ or noun.i < verb.i:
        return None
    kids = token_children(noun)
    dets = [c for c in kids if c.dep_ == "det"]
    if any(d.lower_ not in ("a", "an") for d in dets) or not dets and lemma not in _LIGHT_VERBS:
        return None
    if dets and lemma == "have":
        return None  # "has a mass of X", "has a base at Y": an attribute and its value
    if any(c.dep_ in ("relcl", "acl", "appos", "conj", "poss", "nummod") for c in kids):
        return None
    after = noun.right_edge.i + 1
    if any(c.dep_ == "prep" and c.i > noun.i for c in kids):
        return noun  # "made use of tanks": the preposition hangs on the noun
    doc = verb.doc
    if after < len(doc) and doc[after].dep_ == "prep" and doc[after].head.i == verb.i:
        return noun  # "gave rise to the islands"
    return None
