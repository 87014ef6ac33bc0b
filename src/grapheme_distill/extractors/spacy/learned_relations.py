"""The learned relation reader: which candidate relations (:mod:`.relation_candidates`) become
relation items, decided by the logistic model shipped as ``extractors/models/relations.json``.

Why after everything else.  The candidates of an answer are judged once every rule has read it:
a pair of names some rule already related (as a relation, a hierarchy edge or two names of one
thing) is left to that rule, so the model only adds facts the rules missed, and whether a name is
one the rules build facts on is itself a feature.  Per pair of names the most probable predicate
is kept when its probability reaches the model's threshold (fitted out of fold on the dev
answers by ``benchmarks/fit_relation_reader.py``); the probability becomes the record's raw
confidence and the item's ``model_p`` signal, under the construction ``learned.relation``.

With a relation vocabulary (schema-constrained benchmarks such as WebNLG) the reader stays off:
the model learned the answers' free predicates, not an ontology's labels.

What the default drops.  The shipped model is fitted on the development answers (``devtrain``
and the later batches' ``val11`` … ``val33``: its ``fitted_on``) at thresholds judged with one
annotation batch held out at a time (``--groups batch``: what carries over to a new writer's
answers): the candidates at 0.3, which held out scored the gates best of 0.2 … 0.35
(docs/benchmarks.md, thirtieth session), the rules' relations at 0.1.  Held out by batch,
dropping the rules' relations under 0.1 scored best (relations F1 on devtrain .3130 at 0.1
against .3099 keeping every one, .3108 at 0.05, .3083 at 0.15).  So a lone active clause
between two common nouns with a generic verb is still dropped ("Smoking causes lung cancer.":
p 0.095), while one with a more specific verb stays ("Bees pollinate flowers.": p 0.12,
"Photosynthesis produces oxygen.": p 0.18); ``SpacyExtractor(relation_model=False)`` keeps
every rule relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.learned import LinearModel, shipped_model
from grapheme_distill.extractors.readers.attribute_keys import KEY_PREDICATES
from grapheme_distill.extractors.spacy.clauses import VALUE_LABELS, Mention
from grapheme_distill.extractors.spacy.records import Record, State, is_generic
from grapheme_distill.extractors.spacy.relation_candidates import ANSWER_TOPIC, Candidate
from grapheme_distill.extractors.spacy.structure_relations import STRUCTURE
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import EntityType, Relation

__all__ = [
    "CONSTRUCTION",
    "add_learned_relations",
    "collect_candidates",
    "default_model",
    "drop_unlikely_relations",
    "layout_active",
    "reader_active",
    "says_no_relation",
    "use_relation_model",
]

CONSTRUCTION = "learned.relation"
MODEL_NAME = "relations"

_MODEL: ContextVar[tuple[LinearModel | None] | None] = ContextVar("relation_model", default=None)
_SINK: ContextVar[list[dict[str, Any]] | None] = ContextVar("relation_sink", default=None)


@contextmanager
def use_relation_model(model: LinearModel | None) -> Iterator[None]:
    """Read with ``model`` instead of the extractor's own (None: the reader off), whatever the
    extractor was built with; for fitting, its cross-validation and measuring."""
    token = _MODEL.set((model,))
    try:
        yield
    finally:
        _MODEL.reset(token)


@contextmanager
def collect_candidates() -> Iterator[list[dict[str, Any]]]:
    """Collect every judged candidate (names, predicate, negation, features) of the answers read
    inside the block, for the fitting script; nothing is added to the output meanwhile."""
    sink: list[dict[str, Any]] = []
    token = _SINK.set(sink)
    model_token = _MODEL.set((None,))
    try:
        yield sink
    finally:
        _MODEL.reset(model_token)
        _SINK.reset(token)


def reader_active(default: LinearModel | None) -> bool:
    """Whether candidates are wanted at all: a model to judge them, or a fitting script to
    collect them (without either, generating them would only cost time)."""
    return _SINK.get() is not None or _model(default) is not None


def layout_active(default: LinearModel | None) -> bool:
    """Whether the candidates read off the layout (:mod:`.structure_relations`: tables,
    key-value items, a section's subject) are wanted: a fitting script collecting, or a model
    fitted with them (its ``structure_threshold``); a model fitted before they existed never saw
    their features, and is not asked about them."""
    if _SINK.get() is not None:
        return True
    model = _model(default)
    return model is not None and "structure_threshold" in model.meta


def default_model() -> LinearModel | None:
    """The shipped model (``extractors/models/relations.json``), or None when none ships."""
    return shipped_model(MODEL_NAME)


def _model(default: LinearModel | None) -> LinearModel | None:
    """The model set by :func:`use_relation_model` or :func:`collect_candidates`, else the
    extractor's own (``default``)."""
    chosen = _MODEL.get()
    return default if chosen is None else chosen[0]


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((normalise_name(a), normalise_name(b)))


def _context(state: State) -> tuple[set[frozenset[str]], set[str]]:
    """The pairs of names the rules already related, and the names their relations are about."""
    taken: set[frozenset[str]] = set()
    about: set[str] = set()
    for r in state.records:
        if r.subject is None:
            continue
        if r.object is not None:
            taken.add(_pair(r.subject.text, r.object.text))
            if r.kind == "relation":
                about.add(normalise_name(r.subject.text))
        elif r.kind == "linguistic" and r.value:
            taken.add(_pair(r.subject.text, r.value))
    return taken, about


def _answer_topic(state: State) -> Mention | None:
    """The answer's document topic as a name the readers saw (None when they saw none)."""
    for key in sorted(state.keep):
        text = state.names.get(key)
        if text:
            votes = state.votes.get(key)
            label = votes.most_common(1)[0][0] if votes else ""
            return Mention(text, -1, -1, label=label, proper=state.proper.get(key, False))
    return None


def _rule_readings(state: State) -> dict[tuple[str, str], list[tuple[int, float]]]:
    """(predicate, object) -> where the rules' relation records saying it end in the answer,
    each with its model probability."""
    read: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for r in state.records:
        if r.kind == "relation" and r.subject is not None and r.object is not None:
            p = r.model_p if isinstance(r.model_p, float) else 0.0
            read.setdefault((r.predicate, normalise_name(r.object.text)), []).append((r.span[1], p))
    return read


def _outranked(
    read: dict[tuple[str, str], list[tuple[int, float]]],
    cand: Candidate,
    span: tuple[int, int],
    p: float,
) -> bool:
    """Whether a rule read the clause of a candidate whose subject is a guess (its predicate and
    object in the candidate's sentence) with a subject of its own, at least as probably.  One
    clause states its fact of one subject (:func:`keep_best_readings`), and the rules' reading
    is one of the guesses: "… the Wikimedia Foundation (WMF), an American non-profit
    organisation. It has no shareholders and carries no advertising" — the rules read the
    Foundation, and the answer's topic, offered as the other reading of every pronoun, was the
    only reading the model was asked about (the rules' own pair is taken), so it was kept beside
    the rules' ("Wikipedia carried advertising").  A topic reading more probable than the
    rules' still stands ("It relies on donations")."""
    if not any(f.startswith("sk=") and f[3:] in _GUESSES for f in cand.features):
        return False
    rivals = read.get((cand.predicate, normalise_name(cand.object.text)), ())
    # a record's span runs from its subject, which may be a name sentences before, to its object
    return any(span[0] < end <= span[1] and q >= p for end, q in rivals)


def judged(
    state: State, candidates: list[tuple[Candidate, tuple[int, int]]]
) -> Iterator[tuple[Candidate, tuple[int, int], tuple[str, ...]]]:
    """Each candidate no rule covers, with its answer-level features added."""
    taken, about = _context(state)
    topic = normalise_name(state.coref.topic.text) if state.coref.topic is not None else ""
    # the reader relates nodes the other readers made; which names are nodes is the entity
    # reader's decision (a candidate's own nouns, made nodes here, cost entity precision)
    nodes = {normalise_name(m.text) for m in state.facts}
    for r in state.records:
        nodes.update(normalise_name(m.text) for m in (r.subject, r.object) if m is not None)
    seen: set[tuple[str, str, str]] = set()
    answer_topic = _answer_topic(state)
    for cand, span in candidates:
        if cand.subject is ANSWER_TOPIC:
            if answer_topic is None:
                continue
            cand = replace(cand, subject=answer_topic, features=(*cand.features, "topic=answer"))
        s, o = normalise_name(cand.subject.text), normalise_name(cand.object.text)
        if not s or not o or s == o or _pair(s, o) in taken:
            continue
        structural = STRUCTURE in cand.features
        if not structural and (
            s not in nodes or (o not in nodes and "o_trimmed" not in cand.features)
        ):
            # a name cut out of a longer one NER ran across a preposition ("the Massif Central
            # at Mont Gerbier de Jonc") is a node of its own only through the candidate, and so
            # is a value of a table cell or a key-value item (:mod:`.structure_relations`)
            continue
        if is_generic(cand.subject) or is_generic(cand.object):
            continue
        key = (s, cand.predicate, o)
        if key in seen:
            continue
        seen.add(key)
        extra = []
        if s in about:
            extra.append("s_rule_subject")
        if o in about:
            extra.append("o_rule_subject")
        if s == topic:
            extra.append("s_topic")
        yield cand, span, ("source=candidate", *cand.features, *extra)


def _label(m: Mention) -> str:
    return "VALUE" if m.label in VALUE_LABELS else (m.label or ("PROPN" if m.proper else "NOUN"))


def rule_features(r: Record, about: set[str], topic: str) -> tuple[str, ...]:
    """What the model sees of a rule's relation record: the rule, the predicate and its last
    word (the preposition), both ends' labels, where the subject stands in the answer; each
    prefixed ``rule:``."""
    assert r.subject is not None and r.object is not None
    sl, ol = _label(r.subject), _label(r.object)
    family = r.construction if r.construction != "clause" else f"clause.{r.voice}"
    feats = [
        "source=rule",
        f"rule={family}",
        f"rule_family={family.split('.')[0]}",
        f"voice={r.voice}",
        f"pred={r.predicate}",
        f"prep={r.predicate.rsplit('_', 1)[-1] if '_' in r.predicate else '-'}",
        f"sl={sl}",
        f"ol={ol}",
        f"sl_ol={sl}_{ol}",
        f"rule_ol={family}_{ol}",
        f"olen={min(len(r.object.text.split()), 5)}",
    ]
    s = normalise_name(r.subject.text)
    if r.subject.proper:
        feats.append("s_proper")
    if r.object.proper:
        feats.append("o_proper")
    if r.subject.definite or r.subject.unresolved:
        feats.append("s_definite")
    if s == topic:
        feats.append("s_topic")
    if normalise_name(r.object.text) in about:
        feats.append("o_rule_subject")
    if r.negated:
        feats.append("negated")
    if r.hedged or r.confidence < 0.5:
        feats.append("hedged")
    # prefixed: the rules' relations and the candidates are two populations (the rules were
    # written on the development answers), so they share no weight but the file
    return (feats[0], *(f"rule:{f}" for f in feats[1:]))


def _judge_rules(
    state: State, model: LinearModel | None, sink: list[dict[str, Any]] | None
) -> None:
    """Give each rule relation record the model's probability (its ``model_p``); the relations
    under the model's ``rule_threshold`` are taken out of the output by
    :func:`drop_unlikely_relations` once the items are made, so that the records still make
    their entity nodes and count as evidence for every other decision, as before."""
    _, about = _context(state)
    topic = normalise_name(state.coref.topic.text) if state.coref.topic is not None else ""
    for r in state.records:
        if r.kind != "relation" or r.subject is None or r.object is None:
            continue
        features = rule_features(r, about, topic)
        if sink is not None:
            sink.append(_row(r.subject.text, r.predicate, r.object.text, r.negated, features))
        if model is not None:
            r.model_p = 0.0 if says_no_relation(r) else round(model.probability(features), 4)


#: a clause's predicate of this many words has folded the clause's nouns into itself
_PARAPHRASE_WORDS = 4
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "for", "to", "with", "from", "as", "into", "of", "through", "after"}
)


def says_no_relation(r: Record) -> bool:
    """Whether a clause reading names no relation an annotator would, whatever the model says
    (it sees the predicate as one token, not its shape), so the reading is dropped like one under
    the ``rule_threshold``: a predicate of four or more words ending in its preposition has folded
    the clause's nouns in ("start_play_piano_at", "famous_largo_theme_turned_by").  One that ends
    in its object's class noun ("released_on_record_label", "play_for_football_club": the
    benchmark readings) or an attribute's name ("elevation_above_sea_level") stays, and so does a
    superlative role ("most_famous_painting_of": the conventions keep "most" with its adjective)."""
    if _structure_says_no_relation(r):
        return True
    if r.construction != "clause" or r.voice not in ("active", "passive", "noun"):
        return False
    words = r.predicate.split("_")
    if words[0] in ("most", "least"):
        return False
    return len(words) >= _PARAPHRASE_WORDS and words[-1] in _PREPOSITIONS


#: structure readings that name no relation an annotator writes, on new writers as on the
#: answers they were written from (right / wrong, devtrain → val11…25 → val26…34 → each batch
#: 26…35 read by the code before it, thirty-sixth session): a count of a sentence's subject
#: (9/11 → 3/22 → 2/18 → 2/18) and a list's lead verb (7/0 → 0/7 → none)
_NO_RELATION_READINGS = frozenset({"values.count", "list.lead_verb"})
#: the key readings of a table's row, a table's described cell and a "key: value" line (a
#: comparison table's values are left alone: "number of daughter cells" is read right there)
_KEY_READINGS = frozenset({"kv", "table", "table.kv", "table.described"})


def _structure_says_no_relation(r: Record) -> bool:
    """Whether a structure reading names no relation whatever the model says: a count read
    from a sentence ("X has three main branches" as ``number_of_main_branches``: the count is
    the answer's aside, gold names the branches) or a list's lead verb; a key of four or more
    words made the predicate ("number of member states", "number of Olympic golds": the key
    describes the value, gold writes its own relation or none; right on no pool, 0 of 40), and
    a described cell's key of three ("tax on withdrawals": 0 of 30)."""
    if r.construction in _NO_RELATION_READINGS:
        return True
    if r.construction not in _KEY_READINGS:
        return False
    words = len([w for w in r.predicate.split("_") if w])
    return words >= 4 or (r.construction == "table.described" and words >= 3)


#: a construction whose readings the model judges under this are dropped whatever the model's
#: ``rule_threshold``: a timeline item's relations under 0.35 were right 3 of 19 times on
#: devtrain and none of 16 on the later batches each read by the code before it (thirty-sixth
#: session), those from 0.35 on 40 of 52 and 11 of 28 (an item's date of a verb that also
#: has an object, "In 1792 moved to Vienna" as ``move_in 1792``, is what the model doubts);
#: a table row's reading under 0.3 was right 3 of 11 times on devtrain, 3 of 88 on val11…25 and
#: none of 37 on the unseen reads (a column's measure or description gold writes as no
#: relation: "adult range: 130–175 g/L", "movement: L-shape"), a described cell's under 0.25 none
#: of 8 and none of 6; a "key: value" line's reading the model gives less than even odds (under
#: 0.5) was right none of 16 times over devtrain and val11…35 and none of 2 on the unseen reads,
#: against 105 right and 9 wrong from 0.5 on devtrain (a key whose wording the model doubts, a
#: count or a part of the thing, "Teams: 32": gold words the fact otherwise or not at all;
#: thirty-seventh session); a count read off a list's keys ("**Nocturnes** — 21 pieces",
#: ``list.counted``) the model gives less than even odds was right 1 of 11 times on devtrain,
#: none of 10 on val11…25 and 1 of 1 on val26…35 (gold counts a list's things its own way:
#: ``count``, ``species_count``, ``staff``); the readings the model trusts (0.5 and over: five on
#: devtrain, all right) stay (thirty-seventh session; counts corrected in the review)
_RULE_LIMITS = {
    "list.timeline": 0.35,
    "table": 0.3,
    "table.described": 0.25,
    "kv": 0.5,
    "list.counted": 0.5,
}


#: the relations of the keys the key table knows ("Nationality" is ``nationality``): a person's
#: nationality or occupation is a relation the annotation conventions write, in a table too
_KNOWN_KEYS = frozenset(KEY_PREDICATES.values())
#: what a person is known for ("Known for", "Famous for", "Best known for", "Remembered for"):
#: a fact of the person the annotators write (``known_for``, as the key-value line "**Known
#: for:** …" is read, right 10 of 11 times on devtrain and val11…38), not a description that
#: tells two people apart
_KNOWN_FOR = re.compile(r"^(?:best_|most_|also_|widely_)?(?:known|famous|remembered|renowned)_for$")


def _names_a_person(out: Extraction, entity: str) -> bool:
    """Whether ``entity`` is a person: a comparison table's description of a column that names
    a person ("| | Newton | Leibniz |" over "| Approach | geometric | algebraic |") says what
    tells two people apart, which the annotators write as no relation of the person's.  The
    general form is a person compared by a described cell, of any length (``table.described``
    with a PERSON subject and a key the key table does not know, other than what the person is
    known for (:data:`_KNOWN_FOR`); a value, ``table.compare``, stays): right
    none of 12 times on val11…37 read by today's code and none of 15 on the later batches each
    read by the code before it; devtrain holds none (thirty-ninth session)."""
    found = out.entities.get(entity)
    return found is not None and found.type == EntityType.PERSON


def drop_unlikely_relations(out: Extraction, default: LinearModel | None) -> None:
    """Take the rules' relations whose ``model_p`` is under the model's ``rule_threshold`` — or
    under their construction's own limit in :data:`_RULE_LIMITS`, where that is higher — out of
    ``out`` (their entities stay: the names were read either way), and a comparison table's
    descriptions of a person (:func:`_names_a_person`) whatever the model's probability — both
    only where a relation model is loaded (the shipped extractor always loads one)."""
    model = _model(default)
    limit = model.meta.get("rule_threshold") if model is not None else None
    if limit is None:
        return
    for item in list(out.items):
        signals = out.item_signals.get(item.id, {})
        p = signals.get("model_p")
        construction = signals.get("construction")
        if isinstance(item, Relation) and (
            isinstance(p, float)
            and construction != CONSTRUCTION
            and p < max(float(limit), _RULE_LIMITS.get(str(construction), 0.0))
            or construction == "table.described"
            and item.predicate not in _KNOWN_KEYS
            and not _KNOWN_FOR.search(item.predicate)
            and _names_a_person(out, item.subject)
        ):
            out.remove(item)
            out.item_signals.pop(item.id, None)


def _row(
    subject: str,
    predicate: str,
    obj: str,
    negated: bool,
    features: tuple[str, ...],
    reading: str | None = None,
) -> dict[str, Any]:
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "negated": negated,
        "features": list(features),
        "reading": reading,
    }


#: the ways a candidate's subject is one guess among others for the same clause
#: (:func:`.relation_candidates._subjects`, :func:`.structure_relations.section_readings`)
_GUESSES = frozenset({"pronoun", "pronoun_topic", "pronoun_near", "topic", "implicit"})


def reading_of(cand: Candidate, span: tuple[int, int]) -> str | None:
    """What a candidate whose subject is a guess reads, whoever the subject is: its clause's
    span, predicate and object.  One clause states its fact of one subject, so of the guesses
    ("It rises in the Massif Central": the last subject, the topic, the section's name, the
    nearest name) only the most probable is kept (:func:`keep_best_readings`); a subject the
    clause names itself ("A and B founded X") is no guess (None)."""
    kind = next((f[3:] for f in cand.features if f.startswith("sk=")), "")
    if STRUCTURE not in cand.features and kind not in _GUESSES and not kind.startswith("section_"):
        return None
    return f"{span[0]}:{span[1]}:{cand.predicate}:{normalise_name(cand.object.text)}"


def keep_best_readings(scored: list[tuple[float, str | None, Record]]) -> list[Record]:
    """The records of ``scored`` (probability, reading, record) without those a more probable
    subject of the same reading outranks (ties keep both)."""
    top: dict[str, float] = {}
    for p, reading, _ in scored:
        if reading is not None and p > top.get(reading, -1.0):
            top[reading] = p
    return [r for p, reading, r in scored if reading is None or p >= top[reading]]


def add_learned_relations(
    state: State,
    candidates: list[tuple[Candidate, tuple[int, int]]],
    default: LinearModel | None,
) -> None:
    """Judge the rules' relation records, then add the candidates the model keeps to
    ``state.records`` (one per pair of names)."""
    sink = _SINK.get()
    model = _model(default)
    if model is None and sink is None:
        return
    _judge_rules(state, model, sink)
    # the candidates read off the layout (:mod:`.structure_relations`) are right at other rates
    # than the parse's: the fitting script chooses their threshold apart
    structure_limit = float(
        model.meta.get("structure_threshold", model.threshold) if model is not None else 1.0
    )
    best: dict[frozenset[str], tuple[float, str | None, Record]] = {}
    read = _rule_readings(state)
    for cand, span, features in judged(state, candidates):
        reading = reading_of(cand, span)
        if sink is not None:
            sink.append(
                _row(
                    cand.subject.text,
                    cand.predicate,
                    cand.object.text,
                    cand.negated,
                    features,
                    reading,
                )
            )
        if model is None:
            continue
        p = model.probability(features)
        if p < (structure_limit if STRUCTURE in features else model.threshold):
            continue
        if _outranked(read, cand, span, p):
            continue
        pair = _pair(cand.subject.text, cand.object.text)
        if pair in best and best[pair][0] >= p:
            continue
        best[pair] = (
            p,
            reading,
            Record(
                kind="relation",
                subject=cand.subject,
                object=cand.object,
                predicate=cand.predicate,
                voice=cand.voice,
                negated=cand.negated,
                confidence=round(p, 4),
                span=span,
                construction=CONSTRUCTION,
                hedged="hedged" in features,
                model_p=round(p, 4),
            ),
        )
    state.records.extend(keep_best_readings(list(best.values())))
