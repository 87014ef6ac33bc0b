"""Who the subjects of a clause are: a relative clause's antecedent (through appositions,
collective nouns and copulas), a pronoun that stands for its sentence's subject, a title read as
a clausal subject, the role a copula's subject names and the thing that fills it.  Split from
:mod:`.arguments` (the clause reader's argument helpers), which re-exports it for
:mod:`.clauses` and :mod:`.copulas`; :mod:`.relation_candidates` reads :func:`fills_a_role`.
"""

from __future__ import annotations

from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import span_text, token_children, token_sent
from grapheme_distill.extractors.spacy.list_members import _split_list
from grapheme_distill.extractors.spacy.mentions import _WH, Coref, Mention
from grapheme_distill.extractors.spacy.name_extent import office_domain
from grapheme_distill.extractors.spacy.names import mention_of
from grapheme_distill.extractors.spacy.qualifiers import described_noun
from grapheme_distill.extractors.spacy.subject_agreement import agreeing_head, finite_number

__all__ = [
    "COLLECTIVE_NOUNS",
    "TIME_PREPS",
    "fills_a_role",
    "object_controller",
    "_resolve_np",
    "_subjects",
]


# nouns that only count or gather what their "of" phrase names: "a group of 118 small islands", "a
# mix of ions and free electrons", "a set of brass instruments" (not "part of", which is structure,
# nor the kind nouns "type of" / "form of", which the class readings take)
COLLECTIVE_NOUNS = frozenset(
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
        elif tok.dep_ in _SUBJECT and (named := _name_before_a_description(tok)) is not None:
            tok = named  # "QUIC, a transport protocol developed at Google, is built on UDP"
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
    if whole.pos_ != "NOUN" or whole.lower_ not in COLLECTIVE_NOUNS:
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


def fills_a_role(verb: Any) -> bool:
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
            elif (own := _subject_after_a_label(subj, verb)) is not None:
                tok = own  # "Turning point: Charles is crowned …": Charles is, not the label
            elif (own := _subject_after_a_semicolon(subj, verb)) is not None:
                tok = own  # "…; croissant dough is laminated too": the dough is
            if tok.lower_ in _WH and verb.dep_ == "relcl" and fills_a_role(verb):
                return _split_list(verb.head, coref)
            if tok.lower_ in _WH and verb.dep_ == "relcl":
                head = _who_is_a_person(tok, verb.head)
                tok = _resolve_np(agreeing_head(verb, head))
                if _one_member(verb, head):
                    own = mention_of(tok, coref)
                    return [own] if own is not None else []
            elif tok.dep_ == "nsubj" and tok.lower_ in _WH:
                return []
            elif (same := _sentence_subject(tok)) is not None:
                tok = same  # "Gamelan accompanies dance, and it influenced Debussy": gamelan did
            elif (glossed := _subject_after_a_dash(tok, verb)) is not None:
                tok = glossed  # "**The Netherlands** — England supported …": England did
            tok = _resolve_np(tok)
            found = _split_list(tok, coref)
            if coref is not None and len(found) == 1 and verb.lemma_ in _COPULAR:
                _note_kind(verb, tok, found[0], coref)
            return found
        if child.dep_ == "expl":
            return []
        if child.dep_ == "csubj":
            title = _title_clause(child)
            return [title] if title is not None else []
    if fills_a_role(verb):
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
    if depth < 4 and (main := _coordinated_participle(verb)) is not None:
        # "He was arrested in 1962 and, after the Rivonia Trial, sentenced to life": he was
        return _subjects(main, default, coref, depth + 1)
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
    if verb.dep_ in ("xcomp", "advcl") and object_controller(verb) is not None:
        # "pushes governments to ban torture": not the clause's subject's act; the object's
        # reading ("Shell abandon plan") was no gold's on the gates either: no reading
        return []
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


# verbs of object control: in "X pushes Y to V", Y is the one who Vs ("promise", whose subject
# does what it promised, is not one)
_OBJECT_CONTROL = frozenset(
    {
        "push",
        "urge",
        "force",
        "persuade",
        "ask",
        "encourage",
        "allow",
        "enable",
        "compel",
        "pressure",
        "press",
        "convince",
        "require",
        "order",
        "invite",
        "tell",
        "permit",
        "oblige",
        "inspire",
        "prompt",
        "advise",
        "instruct",
        "lead",
    }
)
# what NER names that can act: an object of these may be the one a "to" infinitive's act is of
_AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def object_controller(verb: Any) -> Any | None:
    """The object of a verb of object control that a "to" infinitive follows: in "X pushes /
    urges / persuades Y to V …" the infinitive's subject is Y, not X.  The clause readers give
    such an infinitive no subject at all: read as Y's act ("persuaded Shell to abandon the
    plan" → ``Shell abandon plan``) it added a wrong relation on the gates and no right one.
    The form is read in the words ("to" right after the control verb's object) as well as in
    the tree, for the parse often hangs the infinitive on an earlier verb, as its xcomp or advcl
    ("It documents abuses and pushes governments to ban torture": "ban" hangs on "documents").
    The object must be one that can act — a name, a pronoun, a person, group or place NER names,
    or a plural noun ("governments", "donors"): with a lifeless object the "to" clause says what
    for, and the subject acts ("Edison pressed the switch to start the generator", "Amazon
    required new funding to expand into India").  None where the form is not that one."""
    to = next((c for c in token_children(verb) if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    before = verb.doc[to.i - 1]
    if (
        before.dep_ in ("dobj", "obj")
        and before.head.lemma_ in _OBJECT_CONTROL
        and before.head.pos_ == "VERB"
        and before.head.i < before.i
        and (
            before.pos_ in ("PROPN", "PRON")
            or before.ent_type_ in _AGENT_TYPES
            or before.tag_ in ("NNS", "NNPS")
        )
    ):
        return before
    return None


#: an em or en dash setting a label or an aside off
_DASHES = frozenset({"\u2014", "\u2013"})


def _subject_after_a_dash(subj: Any, verb: Any) -> Any | None:
    """The clause's own subject where a label and a dash open it ("- **The Netherlands** —
    England supported the Dutch revolt"): the parse makes the label the subject and the name
    after the dash its apposition; the name right before the verb is the one that acts."""
    doc = verb.doc
    for c in token_children(subj):
        if (
            c.dep_ == "appos"
            and subj.i < c.i < verb.i
            and c.right_edge.i + 1 == verb.i
            and any(t.text in _DASHES for t in doc[subj.i + 1 : c.left_edge.i])
        ):
            return c
    return None


#: what closes a label that opens a line ("**Legacy:** …", "**Legacy** — …")
_LABEL_ENDS = _DASHES | {":"}


def _subject_after_a_label(subjects: list[Any], verb: Any) -> Any | None:
    """The clause's own subject where a label opens its line ("Turning point: Joan of Arc lifts
    the siege; Charles is crowned at Reims", "**Stateless**: the server keeps no memory …",
    "**Body casts** — in 1863 Giuseppe Fiorelli poured plaster …"): the parse reads the label
    and the sentence after it as one clause and gives the verb two subjects, the label first.
    The named subject after the colon or dash is the one that acts; the label only names the
    topic of the line.  The form: the verb's first subject opens its sentence (nothing but markup
    before it), a colon or dash follows it, and the last subject before the verb, a capitalised
    proper name, comes after that.  A common noun there is mostly the label said again ("**Mezzo-soprano** —
    … mezzos sing second soprano", "**Hedylidae** — the moth-butterflies were moved …"): the
    label stays the subject.  A label is a common noun set off by its colon or a spaced dash: a
    name that holds a colon or a dash itself ("The Bootleg Series Volume 1: The Quine Tapes was
    recorded …", "Madrid–Barajas Airport is found in …") is one subject, parsed as two, and keeps
    its head (WebNLG read 19 such sentences wrong, normalised F1 0.4607 → 0.4574).  The parse tags
    a Title-Case label a proper noun ("- **Body Casts** — in 1863 Giuseppe Fiorelli …", "**Naval
    Battles:** at Jutland, Beatty …"): a proper noun before the mark is a label when the words
    after the mark open with a phrase of their own before the named subject ("in 1863", "at
    Jutland,"), for a name that holds a colon goes on right after it ("Volume 1: The Quine
    Tapes")."""
    first, own = subjects[0], subjects[-1]
    if own.i < first.i or own.i > verb.i or own.pos_ != "PROPN" or not own.text[:1].isupper():
        return None
    doc = verb.doc
    sent = token_sent(verb)
    if any(not t.is_punct and not t.is_space for t in doc[sent.start : first.left_edge.i]):
        return None
    between = doc[first.i + 1 : own.left_edge.i]
    marks = [t for t in between if t.text in _LABEL_ENDS and _sets_off(t)]
    if not marks:
        return None
    if first.pos_ == "PROPN" and not any(
        not t.is_punct and not t.is_space for t in doc[marks[-1].i + 1 : own.left_edge.i]
    ):
        return None  # a name that holds a colon or a dash, or a named label said again
    return own


def _sets_off(mark: Any) -> bool:
    """A colon or dash that ends a label: a space after it, and for a dash one before it too
    ("Legacy — …", "Legacy: …"; not "Madrid–Barajas")."""
    if not mark.whitespace_:
        return False
    return mark.text == ":" or mark.i == 0 or bool(mark.doc[mark.i - 1].whitespace_)


def _subject_after_a_semicolon(subjects: list[Any], verb: Any) -> Any | None:
    """The clause's own subject where a semicolon closes what came before it ("**Lamination:** the
    process of folding fat into dough; croissant dough is laminated too, but it contains yeast"):
    the parse hangs the words before the semicolon on the verb after it as further subjects, the
    first of them first.  A semicolon ends a clause, so nothing before it is the subject of a verb
    after it: the last subject before the verb, with a semicolon between it and the earlier ones
    and none between it and the verb, is the one that acts."""
    own = max((s for s in subjects if s.i < verb.i), key=lambda s: s.i, default=None)
    if own is None or own.i == subjects[0].i:
        return None
    doc = verb.doc
    if not any(t.text == ";" for t in doc[subjects[0].i + 1 : own.left_edge.i]):
        return None
    if any(t.text == ";" for t in doc[own.i + 1 : verb.i]):
        return None
    return own


def _coordinated_participle(verb: Any) -> Any | None:
    """The main verb a participle is coordinated with, where the parse hung it on the noun of a
    phrase fronted after "and," ("He was arrested in 1962 and, after the Rivonia Trial, sentenced
    to life imprisonment": the parse made "sentenced" a reduced relative of "Trial", so the trial
    was sentenced).  The form: a past participle after a comma, modifying the object of a
    preposition that opens right after "and"/"but" (and a comma) of a passive main verb; the
    participle then shares that verb's subject, as "was arrested … and sentenced" would."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i < 1:
        return None
    doc = verb.doc
    noun = verb.head
    if doc[verb.i - 1].text != "," or noun.dep_ != "pobj" or noun.i >= verb.i:
        return None
    prep = noun.head
    main = prep.head
    if prep.dep_ != "prep" or main.tag_ != "VBN" or main.i >= prep.i or prep.i < 2:
        return None
    if not any(c.dep_ == "auxpass" for c in token_children(main)):
        return None
    before = [t for t in doc[max(main.i, prep.i - 2) : prep.i] if t.text != ","]
    if not before or before[-1].dep_ != "cc" or before[-1].head.i != main.i:
        return None
    if before[-1].lower_ not in ("and", "but"):
        return None
    return main


#: named kinds no "who" can stand for: a place, a date, a work, a thing made
_NO_PERSON = frozenset(
    {
        "GPE", "LOC", "FAC", "DATE", "TIME", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT",
        "LANGUAGE", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL",
    }
)  # fmt: skip


def _who_is_a_person(wh: Any, head: Any) -> Any:
    """The noun a "who" clause is about: "who" stands for a person (or a body of people), so a
    clause the parse hung on a named place, date or work is about the person next to it — the
    noun whose "of" phrase the name is ("Qin Shi Huang, the first emperor of a unified China, who
    died in 210 BC": the emperor died, not China), or the person the name's own "of" phrase names
    ("the Reign of Louis XVI, who was the last king of France").  Any other head, and any "which"
    / "that" clause, keeps the parse's noun."""
    if (
        wh.lower_ != "who"
        or head.ent_type_ in ("PERSON", "NORP", "ORG")
        and not office_domain(head)  # "the prefect of Alexandria, who": NER's PERSON is a place
        or head.pos_ == "PRON"
    ):
        return head
    if head.ent_type_ not in _NO_PERSON and head.pos_ != "PROPN":
        return head  # a common noun's animacy is not shown ("the senator who …")
    if (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.pos_ in ("NOUN", "PROPN")
    ):
        up = head.head.head
        if up.ent_type_ not in _NO_PERSON:
            return up
    for prep in token_children(head):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in token_children(prep):
                if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON":
                    return obj
    return head


def _one_member(verb: Any, head: Any) -> bool:
    """A relative clause on one member of a coordination is about that member alone, not the
    whole list, when the list shows it: the clause stands before a later member ("the command
    module Columbia, which stayed in lunar orbit, and the lunar module Eagle"), another member has
    a relative clause of its own ("…, and the lunar module Eagle, which carried Armstrong"), or
    the verb is singular after a last member that is singular ("the Sphingidae and the
    Bombycidae, which includes …"; "Björn and Benny, who were …" is the whole list)."""
    members = [c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    if not members:
        return False
    if any(c.i > verb.i for c in members):
        return True
    if any(k.dep_ == "relcl" for c in members for k in token_children(c)):
        return True
    return finite_number(verb) == "single" and head.tag_ in ("NN", "NNP")


def _note_kind(verb: Any, subj: Any, named: Mention, coref: Coref) -> None:
    """Remember the kind a copula says a name is, whatever reading its attribute gets: after
    "Microsoft Office is a suite of productivity applications" (read as suite_of) or "David is a
    marble statue of the hero", a later "the suite" / "the statue" is that name
    (:meth:`Coref.resolve_class`), as after "X is a productivity suite" (an ``is_a`` reading, which
    the clause reader notes).  Only a name's own copula (not a pronoun's, nor "Its main export is
    …"), a singular common-noun attribute with "a" / "an" (a definite one, "the largest river in
    Y", is itself read as "the river": noted first, it would be the name itself), not denied."""
    if not named.proper or named.pronoun or subj.pos_ not in ("PROPN", "NOUN"):
        return
    attr = next((c for c in token_children(verb) if c.dep_ == "attr"), None)
    if attr is None or attr.pos_ != "NOUN" or attr.tag_ != "NN" or attr.ent_type_:
        return
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token_children(attr)):
        return  # "X is the largest river in Y": a definite attribute is read as "the river" too
    if any(c.dep_ == "neg" for c in token_children(verb)):
        return  # "X is not a suite": no kind
    coref.note_class(attr.lemma_, named)


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
    subjects = [c for c in token_children(root) if c.dep_ in ("nsubj", "nsubjpass")]
    start = token_sent(pron).start
    if len(subjects) > 1 and (own := _subject_after_a_semicolon(subjects, root)) is not None:
        subjects = [own]  # "the process …; croissant dough is laminated, but it contains yeast"
        start = own.left_edge.i  # (what the semicolon closed is no aside)
    subj = next((c for c in subjects if c.pos_ != "PRON"), None)
    if subj is None or subj.i > pron.i or subj.lower_ in _WH:
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in pron.doc[start : subj.i]):
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


_SUBJECT = frozenset({"nsubj", "nsubjpass"})


def _name_before_a_description(tok: Any) -> Any | None:
    """The name a description set off by commas describes, where the parse made the description
    the clause's subject and left the name hanging before it ("QUIC, a transport protocol
    developed at Google, is built on UDP", "Worth knowing: QUIC, the protocol underneath HTTP/3,
    is built on UDP": the parse gives "protocol built_on UDP").  The form: a common noun with an
    article as subject, closed by commas on both sides, right after a name that opens its
    sentence (or follows a colon) and that the parse did not join to the subject; the name is
    what the clause is about, as in "X, a Y, verb", active or passive."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in token_children(tok)
    ):
        return None
    left, right = tok.left_edge.i, tok.right_edge.i
    if doc[right].text != "," and (right + 1 >= len(doc) or doc[right + 1].text != ","):
        return None  # the parse may hang the closing comma on the description or on the verb
    if left < 2 or doc[left - 1].text != ",":
        return None
    name = doc[left - 2]
    if name.dep_ == "pobj":
        return None  # "In France, the government, …": a fronted phrase's place is no subject
    if name.dep_ in _SUBJECT or tok.left_edge.i <= name.i <= tok.right_edge.i:
        return None
    start = name.i
    sent = token_sent(name)
    while start - 1 >= sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    words = doc[start : name.i + 1]
    if not all(t.text[:1].isupper() for t in words) or any(
        t.pos_ in ("ADP", "SCONJ") for t in words
    ):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ or (t.is_upper and len(t) > 1) for t in words):
        return None
    before = [t for t in doc[sent.start : start] if not t.is_space]
    if before and before[-1].text != ":" and not all(t.is_punct for t in before):
        return None
    return name


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
