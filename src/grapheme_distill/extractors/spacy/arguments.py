"""The arguments of a clause: who its subjects are (through relative clauses, appositions and
copulas), a coordinated list split into its members, a street address kept whole, a quantity and
what it counts, the named owner of a common noun.  Uses :mod:`.names` for what each token names.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import span_text, token_children, token_sent
from grapheme_distill.extractors.spacy.mentions import _LIST_SPLIT, _WH, Coref, Mention
from grapheme_distill.extractors.spacy.names import (
    _ent_span,
    _make,
    _of_object,
    mention_of,
    phrase_mention,
)
from grapheme_distill.extractors.spacy.qualifiers import described_noun
from grapheme_distill.extractors.spacy.subject_agreement import agreeing_head

#: the package's clause reader (:mod:`.clauses`) is the one user of these helpers
__all__ = [
    "_COLLECTIVE_NOUNS",
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
]


# nouns that only count or gather what their "of" phrase names: "a group of 118 small islands", "a
# mix of ions and free electrons", "a set of brass instruments" (not "part of", which is structure,
# nor the kind nouns "type of" / "form of", which the class readings take)
_COLLECTIVE_NOUNS = frozenset(
    {
        "group",
        "set",
        "mix",
        "mixture",
        "collection",
        "series",
        "range",
        "variety",
        "handful",
        "couple",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "lot",
        "lots",
        "array",
        "cluster",
        "assortment",
        "combination",
        "bunch",
        "selection",
        "pair",
        "amount",
        "plenty",
    }
)


def _split_list(tok: Any, coref: Coref | None) -> list[Mention]:
    """``tok`` and its conjuncts; a mis-parsed list ("solar, wind and hydro power") is split on its
    text instead."""
    shape = _list_shape(tok)
    if shape.address is not None:
        return [shape.address]
    tok = shape.tok
    mentions: list[Mention] = []
    if shape.conj:
        for t in (tok, *shape.conj):
            m = mention_of(t, coref)
            if m:
                mentions.append(m)
        return mentions
    first = mention_of(tok, coref)
    if shape.has_list and not (first and first.label):
        if shape.parts is None:
            shape.parts = _split_text(tok)
        if len(shape.parts) >= 2:
            return list(shape.parts)
    return [first] if first else []


@dataclasses.dataclass(slots=True)
class _ListShape:
    """What :func:`_split_list` reads off the parse alone for one token, before it asks
    :func:`mention_of` (which may consult the context): the token read (an apposition's name), a
    street address, the conjuncts, whether the text may be split as a list, and that split."""

    tok: Any
    address: Mention | None
    conj: list[Any]
    has_list: bool
    parts: list[Mention] | None = None  # read at the first call that needs it


_SHAPES = "grapheme_distill.list_shape"


def _list_shape(tok: Any) -> _ListShape:
    """:class:`_ListShape` of ``tok``, kept per document (``doc.user_data``): the clause reader,
    its copulas and the relation candidates split the same tokens (6,448 calls for 3,613 tokens
    on the dev answers), and each split walked the token's subtree, children and conjuncts."""
    shapes: dict[int, _ListShape] = tok.doc.user_data.setdefault(_SHAPES, {})
    shape = shapes.get(tok.i)
    if shape is None:
        shape = shapes[tok.i] = _read_shape(tok)
    return shape


def _read_shape(tok: Any) -> _ListShape:
    if tok.pos_ == "NOUN" and (
        names := [
            c
            for c in token_children(tok)
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i <= tok.i + 3
        ]
    ):
        tok = names[0]  # "the film English Without Tears"
    sub = list(tok.subtree)  # walked once: the address test and the list test both read it
    address = _address(tok, sub)
    if address is not None:
        return _ListShape(tok, address, [], False)
    ent = _ent_span(tok)
    conj = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X")
        and not (ent is not None and ent.start <= c.i < ent.end)
    ]  # "George Allen and Unwin"
    if conj:
        return _ListShape(tok, None, conj, False)
    left = tok.left_edge.i
    has_list = any(t.dep_ == "cc" or (t.text == "," and t.i > left) for t in sub)
    return _ListShape(tok, None, [], has_list and len(sub) <= 40)


def _split_text(tok: Any) -> list[Mention]:
    """The list ``tok`` ends, split on its text ("solar, wind and hydro power"); fewer than two
    parts mean no list."""
    mentions: list[Mention] = []
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i + 1
    text = span_text(doc[left:right])
    base = doc[left].idx
    pos = 0
    for part in _LIST_SPLIT.split(text):
        idx = text.find(part, pos)
        if idx < 0 or not part.strip():
            continue
        pos = idx + len(part)
        m = phrase_mention(doc, base + idx, base + idx + len(part))
        if m and len(m.text.split()) <= 8:
            mentions.append(m)
    return mentions


_STREET = re.compile(
    r"\b(?:Road|Street|St\.|Avenue|Ave\.|Way|Lane|Drive|Boulevard|Blvd\.|Square|Place)\b"
    r"|\b\d{5,6}\b"
)


def _address(tok: Any, sub: list[Any]) -> Mention | None:
    """A comma list that holds a street or a postcode is one address, not a list of places:
    "Soldevanahalli, Acharya Dr. Sarvapalli Radhakrishnan Road, Hessarghatta Main Road,
    Bangalore – 560090".  ``sub`` is ``list(tok.subtree)``."""
    if len(sub) > 40 or sum(t.text == "," for t in sub) < 2:
        return None
    doc = tok.doc
    span = doc[sub[0].i : sub[-1].i + 1]
    if not _STREET.search(span_text(span)):
        return None
    return _make(doc, span.start, span.end, "FAC", True)


def _resolve_np(tok: Any) -> Any:
    """Follow an apposition, a copula's attribute or a bracketed abbreviation ("the European Union
    (EU)") to the thing actually talked about."""
    for _ in range(3):
        doc = tok.doc
        if (
            0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].text == "("
            and doc[tok.i + 1].text == ")"
            and tok.i >= 2
            and doc[tok.i - 2].pos_ in ("PROPN", "NOUN")
        ):
            tok = doc[tok.i - 2]
        elif tok.dep_ == "appos" and tok.pos_ in ("NOUN",) and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        elif tok.pos_ == "NOUN" and (
            names := [
                c
                for c in token_children(tok)
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i <= tok.i + 3
            ]
        ):
            tok = names[0]  # "the asteroid 1147 Stavropolis, discovered by ..."
        elif tok.pos_ == "NOUN" and (named := _comma_name(tok)) is not None:
            tok = named  # "The first railway, the Stockton and Darlington Railway, opened ..."
        elif tok.pos_ == "NOUN" and (named := _comma_definite(tok)) is not None:
            tok = named  # "A third emblem, the red crystal, was adopted in 2005"
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subs = [c for c in token_children(tok.head) if c.dep_ in ("nsubj", "nsubjpass")]
            if not subs or _names_a_role(tok, subs[0]):
                break
            tok = subs[0]
        else:
            break
    return tok


def _gathered_by(noun: Any) -> Any | None:
    """The collective noun whose "of" phrase ``noun`` is, when that collective describes a name
    (a copula's attribute or an apposition): "a collection of life-size clay figures buried with
    Qin Shi Huang", "a series of conflicts fought from 1337" — the members make up the whole the
    sentence is about, so a clause on them tells of it.  None otherwise ("a painting of a woman
    who …" is about the woman)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    whole = noun.head.head
    if whole.pos_ != "NOUN" or whole.lower_ not in _COLLECTIVE_NOUNS:
        return None
    return whole if whole.dep_ in ("attr", "appos") else None


def _names_a_role(name: Any, subject: Any) -> bool:
    """An identity copula whose subject is a common noun and whose attribute a name: "The
    governing body is the ICC, based in Dubai", "Its main export is **hydroelectric power**, sold
    to India" — the name is the thing talked about, the subject only the role it fills, so what
    hangs on the name stays with it (the ICC is based in Dubai)."""
    return (
        (name.pos_ == "PROPN" or bool(name.ent_type_))
        and subject.pos_ == "NOUN"
        and not subject.ent_type_
    )


#: modifiers that make a common-noun subject name a role, not a thing ("its main export", "the
#: biggest threat", "the final cost"): what fills the role is the copula's attribute
_ROLE_WORDS = frozenset({"main", "chief", "principal", "primary", "final", "only"})


def _fills_a_role(verb: Any) -> bool:
    """A clause set off by a comma on the common-noun attribute of a copula whose subject names a
    role: "Its main export is hydroelectric power, sold to India", "His big breakthrough was the
    induction motor, which ran on alternating current".  The subject (possessed, superlative or a
    role word) is only the slot the attribute fills, and the non-restrictive clause adds something
    about the attribute itself: the power was sold, the motor ran.  A restrictive clause ("Sharks
    are predators that hunt") or a subject that names a thing ("Galileo was an astronomer, born in
    Pisa", "Cats are mammals, which …") keeps the copula's subject (:func:`_subjects`)."""
    attr = verb.head
    if verb.dep_ not in ("relcl", "acl") or attr.dep_ != "attr" or attr.pos_ != "NOUN":
        return False
    if attr.head.lemma_ not in _COPULAR or attr.like_num or attr.ent_type_:
        return False
    if any(c.dep_ == "nummod" for c in token_children(attr)):
        return False  # "Its inflation target is 2 %, measured by …": a value, no thing
    doc = verb.doc
    if verb.left_edge.i == 0 or doc[verb.left_edge.i - 1].text != ",":
        return False
    subj = next((c for c in token_children(attr.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    return any(
        c.dep_ == "poss" or c.tag_ in ("JJS", "RBS") or c.lower_ in _ROLE_WORDS
        for c in token_children(subj)
        if c.i < subj.i
    )


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


# verbs whose attribute is their subject: a clause on the attribute is about the subject
_COPULAR = frozenset({"be", "become", "remain"})


def _subjects(
    verb: Any, default: Mention | None, coref: Coref | None, depth: int = 0
) -> list[Mention]:
    subj = [c for c in token_children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    for child in token_children(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            tok = child
            if (
                len(subj) > 1
                and tok.pos_ == "NOUN"
                and subj[1].pos_ == "PROPN"
                and subj[1].left_edge.i == tok.i + 1
            ):
                tok = subj[1]  # "The production team Stargate is ...": the parse made both subjects
            if tok.lower_ in _WH and verb.dep_ == "relcl" and _fills_a_role(verb):
                return _split_list(verb.head, coref)
            if tok.lower_ in _WH and verb.dep_ == "relcl":
                tok = _resolve_np(agreeing_head(verb, verb.head))
            elif tok.dep_ == "nsubj" and tok.lower_ in _WH:
                return []
            elif (same := _sentence_subject(tok)) is not None:
                tok = same  # "Gamelan accompanies dance, and it influenced Debussy": gamelan did
            tok = _resolve_np(tok)
            return _split_list(tok, coref)
        if child.dep_ == "expl":
            return []
        if child.dep_ == "csubj":
            title = _title_clause(child)
            return [title] if title is not None else []
    if _fills_a_role(verb):
        return _split_list(verb.head, coref)
    if (
        verb.dep_ in ("relcl", "acl")
        and verb.head.dep_ == "attr"
        and verb.head.pos_ == "NOUN"
        and verb.head.head.lemma_ in _COPULAR
        and depth < 4
    ):
        # "X is a 35.1 minute long album produced by Y": Y produced X; "X became the first
        # woman to win Y": X won Y
        return _subjects(verb.head.head, default, coref, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = agreeing_head(verb, verb.head)
        whole = _gathered_by(head)
        if whole is not None and whole.dep_ == "attr" and whole.head.lemma_ in _COPULAR:
            if depth < 4:  # "X is a collection of clay figures buried with Y": X was buried
                return _subjects(whole.head, default, coref, depth + 1)
        elif whole is not None and whole.dep_ == "appos":
            head = whole  # "X, a group of islands formed by volcanoes": X was formed
        described = described_noun(verb)
        if described is not None and described.dep_ == "attr" and depth < 4:
            return _subjects(described.head, default, coref, depth + 1)
        if described is not None and described.dep_ == "appos":
            head = described.head
        if head.dep_ == "conj" and head.pos_ == "NOUN" and head.head.dep_ == "appos":
            head = head.head  # "X, a singer and musician born in Boston"
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ in ("PROPN", "NOUN"):
            head = head.head  # "X, a citizen residing in Y": the apposition describes X
        return _split_list(_resolve_np(head), coref)
    if verb.dep_ in ("conj", "xcomp", "advcl") and depth < 4 and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, default, coref, depth + 1)
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in TIME_PREPS
        and verb.head.dep_ == "prep"
        and verb.head.head.pos_ in ("VERB", "AUX")
        and depth < 4
    ):
        # "flows west before emptying into the Atlantic", "after leaving Apple, Jobs founded
        # NeXT": the gerund's subject is the clause's
        return _subjects(verb.head.head, default, coref, depth + 1)
    if default is not None and verb.dep_ in ("ROOT", "conj") and depth == 0:
        return [default]
    return []


def _sentence_subject(pron: Any) -> Any | None:
    """The subject of its own sentence that "it" / "they" in a later clause of that sentence
    stands for: "Cats are carnivores, which means they eat meat", "the tomato is a fruit because it
    develops from the ovary", "Bhutan has never been colonised, and it did not allow television".
    The caller's coreference only knows the sentences before (so that a pronoun object, "Bartz
    edited X, while Simon produced it", is not read as the subject); a pronoun *subject* of a
    later clause is the sentence's subject when it agrees in number (and "it" is no person).
    Not for a clause the main verb reports ("the Court ruled that it counts as a vegetable":
    what "it" is, the Court's ruling does not say), nor for the main clause's own subject, nor
    when the root's subject is not the sentence's first (an aside the parser made the root)."""
    if pron.pos_ != "PRON" or pron.lower_ not in ("it", "they"):
        return None
    root = token_sent(pron).root  # (tokens are built anew at each access: compared by index)
    step = pron.head
    if step.i == root.i:
        return _earlier_subject(pron)
    for _ in range(8):
        if step.i == root.i or step.head.i == step.i:
            break
        if step.dep_ == "ccomp" and step.head.i == root.i:
            return None
        step = step.head
    if step.i != root.i:
        return None
    subj = next(
        (c for c in token_children(root) if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"),
        None,
    )
    if subj is None or subj.i > pron.i or subj.lower_ in _WH:
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in pron.doc[token_sent(pron).start : subj.i]):
        # "X is not a member — the union has been dormant — but it rejoined": an aside as root
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token_children(subj))
    if (pron.lower_ == "they") != plural or (pron.lower_ == "it" and subj.ent_type_ == "PERSON"):
        return None
    return subj


def _earlier_subject(pron: Any) -> Any | None:
    """ "When the clouds reach the ground, they release their water", "Neutrophils are the most
    numerous; they fight infections", "Spain was not finished: it sent further armadas": "they" or
    "it", the main clause's subject after a clause of its own sentence, is that clause's subject
    (the nearest one before) when it agrees in number (a person is no "it"; a mismatch means the
    pronoun is someone else).  Not a relative clause's subject, nor an "it" that stands for a
    clause ("…, so it's worth pointing your manager to …")."""
    subj = next(
        (
            t
            for t in reversed(pron.doc[token_sent(pron).start : pron.i])
            if t.dep_ in ("nsubj", "nsubjpass")
        ),
        None,
    )
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in _WH or subj.head.dep_ == "relcl":
        return None
    kids = token_children(subj)
    several = subj.tag_ in ("NNS", "NNPS") or (
        any(c.dep_ == "conj" for c in kids) and any(c.lower_ == "and" for c in kids)
    )
    if pron.lower_ == "they":
        return subj if several else None
    verb = pron.head
    if several or subj.ent_type_ == "PERSON" or subj.tag_ not in ("NN", "NNP"):
        return None
    if verb.lemma_ == "be" and any(
        c.dep_ in ("xcomp", "ccomp") and c.i > pron.i for c in token_children(verb)
    ):
        return None  # "it is worth asking …", "it is said that …": the clause, not a thing
    return subj


# prepositions of time before a gerund ("before emptying", "after leaving", "while serving"): the
# gerund is a clause of its own about the same subject, not part of the main verb's predicate
TIME_PREPS = frozenset({"before", "after", "while", "since", "upon", "until", "when"})


def _title_clause(tok: Any) -> Mention | None:
    """A clausal subject written in Title Case is a title the parser read as a clause: "Turn Me
    On is a 35.1 minute long album"."""
    words = list(tok.subtree)
    if len(words) < 2 or not all(t.text[:1].isupper() or t.is_punct for t in words):
        return None
    span = tok.doc[words[0].i : words[-1].i + 1]  # not _make: a title may end in "On" or "Me"
    return Mention(
        text=span_text(span),
        start=span.start_char,
        end=span.end_char,
        label="WORK_OF_ART",
        proper=True,
    )


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
    the relation is the noun's.  A superlative stays ("second-largest city")."""
    words = [
        c.lower_
        for c in tok.lefts
        if (
            c.dep_ in ("compound", "amod", "nmod")
            and c.i == tok.i - 1
            or (c.dep_ in ("compound", "amod") and c.i >= tok.i - 3 and not c.ent_type_)
        )
        and not (c.i > 0 and c.doc[c.i - 1].text == "-" and c.tag_ != "JJS")
    ]
    return "_".join([*words, tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_])


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


def _comma_name(tok: Any) -> Any | None:
    """The name set off by commas after a description ("the oldest museum, the Ashmolean Museum
    in Oxford, opened ..."): what the clause is about is the named thing, not the description,
    which answers use to introduce it; a common-noun apposition ("the river, a tributary, ...")
    or one the parse did not close with a comma is left alone."""
    doc = tok.doc
    for c in token_children(tok):
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < tok.i:
            continue
        left, right = c.left_edge.i, c.right_edge.i
        if doc[left - 1].text == "," and right + 1 < len(doc) and doc[right + 1].text == ",":
            return c
    return None


def _comma_definite(tok: Any) -> Any | None:
    """A definite common-noun phrase set off by commas after a description ("Its carriers, the
    W and Z bosons, were discovered", "A third emblem, the red crystal, was adopted"): the
    apposition names which thing the description means, as :func:`_comma_name` does for a proper
    name; an indefinite one ("the river, a tributary, ...") only describes it again and is left
    alone, and so is one whose own phrase runs on (a preposition or a clause on it)."""
    doc = tok.doc
    for c in token_children(tok):
        if c.dep_ != "appos" or c.pos_ != "NOUN" or c.i < tok.i:
            continue
        kids = token_children(c)
        if not any(k.dep_ == "det" and k.lower_ == "the" for k in kids):
            continue
        if any(k.dep_ in ("prep", "relcl", "acl", "appos") for k in kids):
            continue
        left, right = c.left_edge.i, c.right_edge.i
        if doc[left - 1].text == "," and right + 1 < len(doc) and doc[right + 1].text == ",":
            return c
    return None


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
