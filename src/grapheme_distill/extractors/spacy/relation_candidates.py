"""Candidate relations for the learned relation reader: every (subject, predicate, object) a
sentence's parse can be read as saying, each described by plain-string features.

Why candidates and not rules.  Five sessions of clause rules (:mod:`.clauses`) each fitted one
layout and lifted the answers their authors read far more than unseen ones.  Here the parse is
read liberally — every verb with every subject it can have (its own, a coordinated verb's, the
noun a relative clause hangs on, the list's implicit subject, the answer's topic) and every
argument it takes (object, attribute, each prepositional object, an adjective's prepositional
object), relational nouns ("the capital of X", "Y, the wife of X") — and whether a candidate is
a fact the answer states is left to a logistic model fitted on annotated answers
(:mod:`grapheme_distill.extractors.spacy.learned_relations`).  The features say what a rule would
have looked at: the verb, its preposition, the predicate, the dependency path, both ends' entity
labels, where the subject came from, the block the sentence sits in, negation and hedging.

Predicates follow the gold conventions: lower snake_case verb lemma with its particle and
preposition as the text says it (``flow_into``), the participle for a passive (``born_in``,
``founded_by``), the relational noun with ``of`` (``capital_of``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from grapheme_distill.extractors.predicates import denied
from grapheme_distill.extractors.spacy.arguments import _is_passive, _neg, _split_list, light_noun
from grapheme_distill.extractors.spacy.clause_subjects import fills_a_role, object_controller
from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens, token_children
from grapheme_distill.extractors.spacy.mentions import Coref, Mention
from grapheme_distill.extractors.spacy.names import mention_of
from grapheme_distill.extractors.spacy.pronouns import AnswerCoref
from grapheme_distill.extractors.spacy.subject_agreement import agreeing_head

__all__ = [
    "ANSWER_TOPIC",
    "Candidate",
    "count_bucket",
    "nearest_antecedent",
    "pair_features",
    "sentence_candidates",
]

_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "attr", "oprd", "dative")
_INHERIT = ("conj", "xcomp", "advcl", "ccomp")
_VALUE = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# verbs that introduce what another verb says, not a relation of their own
_LIGHT = frozenset({"do", "make", "let", "help", "begin", "start", "continue", "try", "say"})


#: the subject of a reading that stands for the answer's document topic (its heading, bold opening
#: term or prompt: :class:`~grapheme_distill.extractors.readers.context.ReadContext`) where no
#: named subject opened the answer ("Photosynthesis turns light …" has none): the learned reader
#: puts the topic's name in its place once the answer is read, or drops the reading
ANSWER_TOPIC = Mention("", -1, -1, pronoun="topic")


@dataclass(frozen=True)
class Candidate:
    """One reading of a clause: ``subject predicate object``, with what the model decides on.

    ``start``/``end`` are the sentence's character offsets in the parsed piece.
    """

    subject: Mention
    predicate: str
    object: Mention
    voice: str
    negated: bool
    start: int
    end: int
    features: tuple[str, ...]


def _label(m: Mention) -> str:
    if m.label in _VALUE:
        return "VALUE"
    return m.label or ("PROPN" if m.proper else "NOUN")


def _agrees(pronoun: str, topic: Mention | None) -> bool:
    """Whether a pronoun can stand for the answer's topic by its type ("he" a person, "it" not)."""
    if topic is None:
        return False
    person = topic.label == "PERSON"
    if pronoun in ("he", "she", "him", "her"):
        return person
    if pronoun == "it":
        return not person
    return True


#: the NER labels of named things "it" can stand for; "they" stands for a group or a people
_IT_LABELS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
)
_THEY_LABELS = frozenset({"ORG", "NORP"})


#: titles that say a person's gender ("Queen Elizabeth II" is no "he")
_FEMALE = frozenset(
    {"queen", "mrs", "ms", "miss", "lady", "princess", "empress", "duchess", "dame", "sister"}
)
_MALE = frozenset({"king", "mr", "sir", "lord", "prince", "emperor", "duke", "pope", "tsar"})


def _compatible(pronoun: str, m: Mention) -> bool:
    """Whether a named mention can be what ``pronoun`` stands for, by its NER type (and, for a
    person, the gender a title says)."""
    if m.pronoun or not m.proper:
        return False
    if pronoun in ("he", "she", "him", "her"):
        title = m.text.split()[0].lower().rstrip(".")
        other = _FEMALE if pronoun in ("he", "him") else _MALE
        return m.label == "PERSON" and title not in other
    if pronoun == "it":
        return m.label in _IT_LABELS
    if pronoun in ("they", "them"):
        return m.label in _THEY_LABELS
    return False


def nearest_antecedent(
    pronoun: str, named: Sequence[Mention], here: int, at: int
) -> Mention | None:
    """The nearest named thing before a pronoun that agrees with it in type: in its own sentence
    before it (``named[here:]``, offsets in the same piece as ``at``), else in the sentences
    before (``named[:here]``; latest last).  The light coreference (:class:`.mentions.Coref`) only remembers
    sentence *subjects*, so "when Utzon was still alive … He had already received the Pritzker
    Prize" had no guess for "he" at all; where it has none, the name that came last is the
    reading (``sk=pronoun_near``).  Only then: as one more guess beside the coreference's, the
    nearest "it" was mostly a place of the sentence before ("… in Geneva. It was founded …")."""
    for i in range(len(named) - 1, -1, -1):  # (indices: no copy of the answer's names)
        m = named[i]
        if (i < here or m.end <= at) and _compatible(pronoun, m):
            return m
    return None


#: NER labels no person's name gets, even wrongly
_NO_PERSON = frozenset(
    {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY",
     "PERCENT", "CARDINAL", "ORDINAL"}
)  # fmt: skip


def _wrong_type(pronoun: str, m: Mention) -> bool:
    """Whether "he" or "she" would stand for a work, an event, a law, a language or a value
    (:data:`_NO_PERSON`): "He died in July 1890" in an answer about a painting is the painter's
    death, never the painting's.  Only these labels: the small model types people ORG, GPE, NORP
    or nothing ("Nikola Tesla" ORG), so those stay guesses.  "It" is not filtered the other way:
    NER types things PERSON too ("Hummus"), and an "it" filter by NER's PERSON or by the
    coreference's person test lowered a gate (docs/benchmarks.md, twenty-first session)."""
    return pronoun in ("he", "she") and m.label in _NO_PERSON


def _topic_fits(pronoun: str, topic: Mention, coref: Coref | None) -> bool:
    """Whether the answer's topic can be the "he" or "she" of a clause: a person by NER, or one
    the answer shows a life (:meth:`.pronouns.AnswerCoref.topic_is_person`: "Nikola Tesla",
    typed ORG, with "(1856–1943)" after the name).  A topic the answer shows no life is no "he"
    ("He died" in an answer about a painting, a symphony, "Groups" of the periodic table); any
    other pronoun, and a topic the answer's heading names (:data:`ANSWER_TOPIC`), fit."""
    if pronoun not in ("he", "she") or topic is ANSWER_TOPIC or topic.label == "PERSON":
        return True
    return isinstance(coref, AnswerCoref) and coref.topic_is_person()


def count_bucket(n: int) -> str:
    """A count as a feature value (0, 1, 2-3, 4-7, 8+): the models see coarse sizes, shared with
    the layout candidates of :mod:`.structure_relations`."""
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def _mentions(tok: Any, coref: Coref | None) -> list[Mention]:
    """The mentions a noun token stands for: itself and its conjuncts, a pronoun resolved."""
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "WP", "WDT"):
        m = mention_of(tok, coref)
        return [m] if m is not None else []
    try:
        return [m for m in _split_list(tok, coref) if m.text.strip()]
    except (IndexError, ValueError):  # a malformed parse of a fragment: nothing to read
        return []


def _named_for(tok: Any) -> Any:
    """The token of the thing a common-noun subject describes, where an apposition names it: "A
    spacer — a plastic tube that attaches to the inhaler" (the relative clause hangs on the
    description; the spacer attaches), "Its carriers, the W and Z bosons, were discovered at
    CERN" (the carriers are the bosons).  The gold relates the named thing, not its description
    (devtrain's lost relations with the right predicate and object: 'network' for the mycelium,
    'a stretch of DNA' for a gene, 'a third emblem' for the red crystal).  The apposition is
    taken only where it is a name or the subject is vague (a possessive, "a"): "The mycelium, a
    network of hyphae, feeds the fungus" is said of the mycelium.  A name or a noun NER typed
    stays itself.  (Under the relation model of the thirty-first session no prediction changes:
    such readings stay under its threshold; the rows a refit sees are the righter ones.)"""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return tok
    if tok.dep_ == "appos" and tok.head is not tok and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    kids = token_children(tok)
    vague = any(
        k.dep_ == "poss" or (k.dep_ == "det" and k.lower_ in ("a", "an")) for k in kids
    )  # "its carriers", "a third emblem": a description; "the mycelium, a network …" is the thing
    for c in kids:
        if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ or (vague and c.pos_ == "NOUN")):
            return c
    return tok


def _subjects(
    verb: Any,
    mentions: Callable[[Any], list[Mention]],
    default: Mention | None,
    topic: Mention | None,
) -> tuple[list[Mention], str, Any]:
    """The subjects of ``verb``, how they were found, and the token that holds them (or None)."""
    seen = verb
    for _ in range(4):
        relative = seen.dep_ in ("relcl", "acl") and seen.head.pos_ in ("NOUN", "PROPN")
        for c in token_children(seen):
            if c.dep_ in _SUBJ and not (relative and c.tag_ in ("WDT", "WP")):
                kind = "pronoun" if c.pos_ == "PRON" else ("own" if seen is verb else "shared")
                c = _named_for(c)
                return mentions(c), kind, c
        if relative:
            head = agreeing_head(seen, seen.head)
            if head.dep_ == "attr" and head.head.lemma_ == "be" and not fills_a_role(seen):
                # "Apollo 11 was the spaceflight that landed on the Moon": Apollo 11 landed;
                # "Its main export is hydroelectric power, sold to India": the power was sold
                # (the subject only names the role the attribute fills)
                own = next((c for c in token_children(head.head) if c.dep_ in _SUBJ), None)
                if own is not None:
                    own = _named_for(own)
                    return mentions(own), "relcl_copula", own
            head = _named_for(head)
            return mentions(head), "relcl", head
        if seen.dep_ in ("xcomp", "advcl") and object_controller(seen) is not None:
            # "pushes governments to ban torture": not the subject's act (object control)
            return [], "none", None
        if seen.dep_ in _INHERIT and seen.head is not seen:
            seen = seen.head
            continue
        if seen.dep_ == "pcomp" and seen.head.dep_ == "prep":
            # "flows west before emptying into X", "after leaving Y": the clause the
            # preposition hangs on (through an adverb or a noun) holds the subject
            up = seen.head.head
            for _ in range(2):
                if up.pos_ in ("VERB", "AUX") or up.head is up:
                    break
                up = up.head
            if up.pos_ in ("VERB", "AUX") and up is not seen:
                seen = up
                continue
        break
    if default is not None:
        return [default], "implicit", None
    if topic is not None and verb.dep_ == "ROOT":
        return [topic], "topic", None
    return [], "none", None


def _defines_key(verb: Any, holder: Any) -> bool:
    """Whether ``verb``'s relative clause hangs on a noun set in apposition to a verbless line's
    head, the subject ``holder`` (``s_key_defined``): the general form is a keyed definition,
    "**Probate**: the court process that validates a will", "Firewall — a system that filters
    traffic", where the key is the line's root, the description noun its genus and the relative
    clause what the key does.  Any other relative head ("a network of hyphae that feeds the
    fungus" inside a sentence with its own verb) is not a key's definition."""
    if holder is None or holder.dep_ != "ROOT":
        return False
    seen = verb
    for _ in range(4):
        if seen.dep_ in ("relcl", "acl"):
            head = seen.head
            return bool(head.dep_ == "appos" and head.head.i == holder.i)
        if seen.head is seen:
            return False
        seen = seen.head
    return False


def _inner(obj: Any, prep: str, path: str, *, nested: bool) -> Iterator[tuple[Any, str, str]]:
    """An argument's own arguments: the members of "pieces of music, including the Mass in B
    Minor" take the verb's own predicate and preposition (``wrote`` the Mass, path ``…>incl``);
    with ``nested``, a prepositional object's own preposition ("working as a clerk at the Madras
    Port Trust": ``work_at``), "of" aside (a part of its noun)."""
    for p in token_children(obj):
        if p.dep_ != "prep":
            continue
        word = p.lower_
        listing = word in ("including", "like") or (
            word == "as" and any(c.lower_ == "such" for c in token_children(p))
        )
        for o in token_children(p):
            if o.dep_ != "pobj":
                continue
            if listing:
                yield o, prep, f"{path}>incl"
            elif nested and word != "of":
                yield o, word, f"{path}>prep>pobj"


def _objects(verb: Any) -> Iterator[tuple[Any, str, str]]:
    """``(token, preposition, path)`` for each argument of ``verb``: objects, prepositional objects
    (through an object's own preposition too: "won the prize in 1921"), an adjective's or
    participle's prepositional object ("famous for", "located in"), the members an argument
    lists ("including", "such as")."""
    for c in token_children(verb):
        if c.dep_ in _OBJ and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "X"):
            yield c, "", c.dep_
            for p in token_children(c):
                if p.dep_ == "prep":
                    for o in token_children(p):
                        if o.dep_ == "pobj":
                            yield o, p.lower_, f"{c.dep_}>prep>pobj"
            yield from _inner(c, "", c.dep_, nested=False)
        elif c.dep_ in ("prep", "agent"):
            for o in token_children(c):
                if o.dep_ == "pobj":
                    word = "by" if c.dep_ == "agent" else c.lower_
                    yield o, word, f"{c.dep_}>pobj"
                    yield from _inner(o, word, f"{c.dep_}>pobj", nested=True)
                elif o.dep_ == "pcomp" and o.pos_ in ("NOUN", "PROPN"):
                    yield o, c.lower_, f"{c.dep_}>pcomp"
        elif c.dep_ in ("npadvmod", "nummod") and c.ent_type_ in _VALUE:
            yield c, "", c.dep_
        elif c.dep_ == "acomp":
            for p in token_children(c):
                if p.dep_ == "prep":
                    for o in token_children(p):
                        if o.dep_ == "pobj":
                            yield o, f"{c.lower_}_{p.lower_}", "acomp>prep>pobj"


def _own_part(m: Mention, tok: Any) -> Mention:
    """The part of a name that runs across a preposition of the clause that ``tok`` stands in:
    NER reads "rises in the Massif Central at Mont Gerbier de Jonc" as one name, the parse hangs
    "at" on the verb, so "Central" is the Massif Central and "Jonc" Mont Gerbier de Jonc.  A
    preposition the name's own words hang on ("Mass in B Minor") stays in it.  Walks only the
    name's own tokens."""
    if m.pronoun or not (m.start <= tok.idx < m.end) or " " not in m.text:
        return m
    doc = tok.doc
    if m.text not in doc_text(doc)[m.start : m.end]:
        return m  # a name resolved from elsewhere in the answer (its offsets are another piece's)
    lo, hi = m.start, m.end
    toks = doc_tokens(doc)
    i = tok.i
    while i > 0 and toks[i - 1].idx >= m.start:
        i -= 1
    while i < len(toks) and toks[i].idx < m.end:
        t = toks[i]
        if t.dep_ in ("prep", "agent") and t.i != tok.i and not (m.start <= t.head.idx < m.end):
            if t.i < tok.i:
                lo = max(lo, t.idx + len(t.text))
            else:
                hi = min(hi, t.idx)
        i += 1
    if (lo, hi) == (m.start, m.end):
        return m
    text = doc_text(doc)[lo:hi].strip(" ,;")
    for det in ("the ", "The ", "a ", "an "):
        text = text.removeprefix(det)
    if not text:
        return m
    return replace(m, text=text, start=lo, end=hi)


def _predicate(verb: Any, prep: str, passive: bool, light: Any = None) -> str:
    """verb lemma [+ particle] [+ a light verb's noun] [+ preposition]: ``take_part_in``."""
    base = verb.lower_ if passive else verb.lemma_.lower()
    particle = next((c.lower_ for c in token_children(verb) if c.dep_ == "prt"), "")
    noun = light.lower_ if light is not None else ""
    parts = [base, particle, noun, prep] if prep else [base, particle]
    return "_".join(p for p in parts if p).replace(" ", "_").replace("-", "_")


def _relational_of(noun: Any) -> tuple[str, Any] | None:
    """("capital_of", France-token) for "the capital of France"."""
    if noun.pos_ != "NOUN":
        return None
    for p in token_children(noun):
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in token_children(p):
                if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN"):
                    return f"{noun.lemma_.lower()}_of", o
    return None


def pair_features(
    base: list[str],
    subject: Mention,
    obj: Mention,
    subj_kind: str,
) -> tuple[str, ...]:
    """A candidate's features from its pair of mentions (labels, proper names, common nouns) on
    top of ``base``; the layout candidates (:mod:`.structure_relations`) read pairs the same way
    so that one model judges both."""
    sl, ol = _label(subject), _label(obj)
    out = [*base, f"sk={subj_kind}", f"sl={sl}", f"ol={ol}", f"sl_ol={sl}_{ol}"]
    if subject.proper:
        out.append("s_proper")
    if obj.proper:
        out.append("o_proper")
    if obj.text[:1].islower() and not obj.label:
        out.append("o_common")
    words = len(obj.text.split())
    out.append(f"olen={count_bucket(words)}")
    if subject.definite or subject.unresolved:
        out.append("s_definite")
    return tuple(out)


def _object_denial(
    sent: Any, o: Mention, predicate: str, negated: bool, base: list[str]
) -> tuple[str, bool, list[str]]:
    """The predicate, negation and base features of a reading once its object's determiner is
    read, as the clause rules read it (:func:`~grapheme_distill.extractors.predicates.denied`):
    "It has no shareholders and carries no advertising" denies ``carry advertising`` (spaCy puts
    "no" on the noun, not on the verb, so the verb's negation misses it) and "lacks a cell wall"
    is a denied ``have``.  Without this the candidate stated the fact the sentence denies."""
    here = sent.start_char <= o.start < sent.end_char  # not an antecedent read elsewhere
    said, denial = denied(predicate, negated, doc_text(sent.doc)[: o.start] if here else "")
    if (said, denial) == (predicate, negated):
        return predicate, negated, base
    read = [f for f in base if not f.startswith("pred=") and f != "negated"]
    return said, denial, [*read, f"pred={said}", *(["negated"] if denial else [])]


def sentence_candidates(
    sent: Any,
    *,
    default: Mention | None = None,
    coref: Coref | None = None,
    block: str = "paragraph",
    hedged: bool = False,
    named: Sequence[Mention] = (),
    here: int = 0,
) -> list[Candidate]:
    """Every candidate relation of one parsed sentence (a spaCy ``Span``).

    Args:
        sent: the sentence.
        default: the implicit subject of a subject-less list item (its lead-in or heading).
        coref: resolves pronouns (not updated here).
        block: the role of the block the sentence sits in (``paragraph``, ``bullet``, ...).
        hedged: the sentence hedges its claim ("generally", "is thought to").
        named: the named things of the answer so far (latest last), for a pronoun's nearest
            antecedent (:func:`nearest_antecedent`).
        here: where this sentence's own named things start in ``named``.
    """
    out: list[Candidate] = []
    topic = coref.topic if coref is not None else None
    if topic is None and coref is not None:
        topic = ANSWER_TOPIC  # no name opened the answer: its document topic, if it has one
    cache: dict[int, list[Mention]] = {}

    def mentions(tok: Any) -> list[Mention]:  # a subject shared by coordinated verbs: read once
        if tok.i not in cache:
            cache[tok.i] = _mentions(tok, coref)
        return cache[tok.i]

    common = [f"block={block}"] + (["hedged"] if hedged else [])
    tokens = doc_tokens(sent.doc)[sent.start : sent.end]  # iterating a Span builds each token anew
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass", "amod"):
            continue
        light = light_noun(verb)  # "gave rise to X": the noun is in the predicate, no argument
        if verb.lemma_.lower() in _LIGHT and light is None:
            continue
        arguments = list(_objects(verb))
        if not arguments:
            continue
        subjects, kind, holder = _subjects(verb, mentions, default, topic)
        kinds = [kind] * len(subjects)
        if kind == "pronoun" and holder is not None:
            # a guess of another type than the pronoun's ("He died" of a painting) is no reading
            typed = [
                (m, how)
                for m, how in zip(subjects, kinds, strict=True)
                if not _wrong_type(holder.lower_, m)
            ]
            subjects, kinds = [m for m, _ in typed], [how for _, how in typed]
        if kind == "pronoun" and not subjects and holder is not None:
            # no guess at all (the light coreference remembers sentence subjects only): the
            # nearest named antecedent of the pronoun's type is the coreference's reading
            near = nearest_antecedent(holder.lower_, named, here, holder.idx)
            if near is not None:
                subjects, kinds = [near], ["pronoun_near"]
        if (
            kind == "pronoun"
            and topic is not None
            and all(s.text != topic.text for s in subjects)
            and (holder is None or _topic_fits(holder.lower_, topic, coref))
        ):
            # the light coreference guesses the last compatible subject; the answer's topic is
            # the other reading, and the model weighs the two ("It rises in the Massif Central"),
            # when the topic can be what the pronoun stands for (:func:`_topic_fits`)
            subjects, kinds = [*subjects, topic], [*kinds, "pronoun_topic"]
        if not subjects:
            continue
        if kind == "pronoun":
            pron = holder.lower_ if holder is not None else ""
            guess = _label(subjects[0]) if kinds[0] == "pronoun" else "none"
            fits = "agree" if _agrees(pron, topic) else "disagree"
            kind_extra = [f"pron={pron}", f"coref_label={guess}", f"topic_{fits}"]
        else:
            kind_extra = ["s_key_defined"] if kind == "relcl" and _defines_key(verb, holder) else []
        passive = _is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        negated = _neg(verb)
        copula = verb.lemma_ == "be"
        for tok, prep, path in arguments:
            if holder is not None and tok.i == holder.i or light is not None and tok.i == light.i:
                continue
            relational = _relational_of(tok) if copula and path == "attr" else None
            if relational is not None:
                predicate, tok = relational
                voice, path = "noun", "attr>of"
            elif copula and not prep:
                continue  # "X is a Y": a label for the entity type, or a definition
            else:
                predicate = _predicate(verb, prep, passive, light if prep else None)
                voice = "passive" if passive else "active"
            distance = abs(tok.i - (holder.i if holder is not None else verb.i))
            base = [
                *common,
                f"pred={predicate}",
                f"verb={verb.lemma_.lower()}",
                f"prep={prep or '-'}",
                f"path={path}",
                f"voice={voice}",
                f"vdep={verb.dep_}",
                f"dist={count_bucket(distance)}",
            ]
            if negated:
                base.append("negated")
            for found in mentions(tok):
                o = _own_part(found, tok)
                trimmed = ("o_trimmed",) if o is not found else ()
                said, denial, read = _object_denial(sent, o, predicate, negated, base)
                for s, how in zip(subjects, kinds, strict=True):
                    if s.text.lower() == o.text.lower():
                        continue
                    feats = (*pair_features(read, s, o, how), *kind_extra, *trimmed)
                    feats = (*feats, f"pred_ol={said}_{_label(o)}")
                    out.append(
                        Candidate(s, said, o, voice, denial, sent.start_char, sent.end_char, feats)
                    )
    out.extend(_appositions(sent, tokens, coref, common))
    return out


def _appositions(
    sent: Any, tokens: list[Any], coref: Coref | None, common: list[str]
) -> Iterator[Candidate]:
    """ "Paris, the capital of France": ``Paris capital_of France`` (``tokens``: the sentence's)."""
    for tok in tokens:
        if tok.dep_ != "appos":
            continue
        relational = _relational_of(tok)
        if relational is None:
            continue
        predicate, obj_tok = relational
        head = mention_of(tok.head, coref)
        if head is None:
            continue
        base = [*common, f"pred={predicate}", "path=appos>of", "voice=noun", "prep=of"]
        for o in _mentions(obj_tok, coref):
            feats = pair_features(base, head, o, "appos")
            yield Candidate(
                head, predicate, o, "noun", False, sent.start_char, sent.end_char, feats
            )
