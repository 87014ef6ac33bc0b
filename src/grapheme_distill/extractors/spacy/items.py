"""From the records of one answer to its entities and items (the last step of ``spacy``).

Records are collected while the parse is walked and turned into items only at the end, because
only then is every mention of a name known: each normalised name gets the one entity type most of
its mentions were tagged with, a short name is folded into the long one it stands for, a pair the
answer gives as two names for one thing is no is-a, generic and loose records are dropped, and
every item keeps the signals its calibrated confidence is computed from
(:mod:`grapheme_distill.extractors.confidence`).  Which names stay entities may then be decided
by a learned model (:mod:`grapheme_distill.extractors.spacy.entity_choice`) when one ships.  Cut
out of ``spacy_extractor.py`` (the walk over the parse stays there) so that each module holds one
step.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal

from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.predicates import canonical_predicate
from grapheme_distill.extractors.readers.dates import canonical_date
from grapheme_distill.extractors.readers.hierarchy_names import plausible_edge
from grapheme_distill.extractors.readers.people import role_of
from grapheme_distill.extractors.rules_names import guess_entity_type
from grapheme_distill.extractors.spacy import entity_choice
from grapheme_distill.extractors.spacy.clauses import Mention
from grapheme_distill.extractors.spacy.entity_choice import Evidence
from grapheme_distill.extractors.spacy.folding import (
    article_titles,
    listed_article_titles,
    membership_bodies,
)
from grapheme_distill.extractors.spacy.records import Record as _Record
from grapheme_distill.extractors.spacy.records import State as _State
from grapheme_distill.extractors.spacy.records import (
    date_the_made_thing,
    is_generic,
    is_loose,
)
from grapheme_distill.extractors.spacy.records import short_names as _short_names
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)

__all__ = ["finish_items", "ner_entity_type", "participant"]

_NER_TYPES: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.LOCATION,
    "LOC": EntityType.LOCATION,
    "FAC": EntityType.LOCATION,
    "DATE": EntityType.DATETIME,
    "TIME": EntityType.DATETIME,
    "CARDINAL": EntityType.NUMBER,
    "QUANTITY": EntityType.NUMBER,
    "MONEY": EntityType.NUMBER,
    "PERCENT": EntityType.NUMBER,
    "EVENT": EntityType.EVENT,
}


def ner_entity_type(label: str, *, proper: bool = True) -> EntityType:
    """The project's entity type for a spaCy NER label (OTHER for unlisted named things, CONCEPT for
    common nouns)."""
    if label in _NER_TYPES:
        return _NER_TYPES[label]
    return EntityType.OTHER if (label or proper) else EntityType.CONCEPT


def finish_items(
    state: _State,
    types: frozenset[KnowledgeType],
    out: Extraction,
    vocabulary: RelationVocabulary | None = None,
    unmatched: Literal["keep", "drop"] = "keep",
) -> None:
    """Turn the records of one answer into entities and items in ``out``: one type per name
    (majority over its mentions), short names folded into long ones, every item with the signals
    its calibrated confidence is computed from."""
    date_the_made_thing(state.records)
    for record in state.records:
        for m in (record.subject, record.object):
            if m is not None:
                state.see(m)
    short = _short_names(state)
    for key, (bare, titled) in listed_article_titles(state.names, state.source).items():
        state.names[key] = titled  # "- A Night at the Opera (1975)": the title with its article
        state.proper[key] = state.proper.get(bare, False)
    short.update(article_titles(state.names, short))  # "Night at the Opera": "A Night at …"
    short.update(membership_bodies(state.names, short))  # "Member of the Order of Merit"
    for key, long in short.items():  # the long name's type and spelling speak for both
        state.votes.setdefault(long, Counter()).update(state.votes.get(key, Counter()))
    chosen: dict[str, EntityType] = {}
    for key, votes in state.votes.items():
        typed = Counter[EntityType]()
        for label, n in votes.items():
            typed[ner_entity_type(label)] += n
        if typed:
            chosen[key] = typed.most_common(1)[0][0]
        else:
            guess = guess_entity_type(state.names[key])
            if guess is EntityType.OTHER and not state.proper.get(key):
                guess = EntityType.CONCEPT
            chosen[key] = guess

    made_keys: dict[str, str] = {}  # entity id -> the name key it was made for
    # (name key, name as written, NER label) -> the id of the entity made for them: an answer's
    # records ask for the same few names over and over (~11,600 calls for ~3,000 distinct on the
    # dev answers), and each one built a pydantic Entity, its surface and its date anew
    made_ids: dict[tuple[str, str, str], str] = {}

    def entity(m: Mention) -> Entity:
        key = normalise_name(m.text)
        key = short.get(key, key)
        written = state.names.get(key, m.text)
        memo = (key, written, m.label)
        made_id = made_ids.get(memo)
        if made_id is not None and made_id in out.entities:
            # what add_entity answers for an entity already in (one made again has no aliases of
            # its own to merge, or the very ones merged the first time); one the entity decision
            # dropped since is made again below, as before
            made = out.entities[made_id]
        else:
            made = _entity(m, key, written)
            made_ids[memo] = made.id
        made_keys.setdefault(made.id, key)
        return made

    def _entity(m: Mention, key: str, written: str) -> Entity:
        etype = chosen.get(key, EntityType.CONCEPT)
        name = entity_surface(written, etype)
        iso = (
            canonical_date(name)
            if etype is EntityType.DATETIME or m.label in ("DATE", "")
            else None
        )
        if iso is not None and vocabulary is not None:
            # mapped onto an ontology: its datatype (xsd:date) wants one node per day
            return out.add_entity(
                Entity(name=iso, type=EntityType.DATETIME, aliases=(name,) if name != iso else ())
            )
        if iso is not None:
            etype = EntityType.DATETIME  # typed as a date, named as written (matches its text)
        return out.add_entity(Entity(name=name, type=etype))

    if KnowledgeType.FACTUAL in types:
        for m in state.facts:
            if not m.candidate:  # a noun chunk no rule named: the learned decision's alone
                entity(m)
    # a pair the answer gives as two names for one thing ("ABC (alpha beta code)") is no is-a
    word_pairs = {
        frozenset((normalise_name(r.subject.text), normalise_name(r.value)))
        for r in state.records
        if r.kind == "linguistic"
        and r.subject is not None
        and r.linguistic is not LinguisticKind.DEFINITION
    }
    relations: dict[str, Relation] = {}
    attributes: dict[str, Attribute] = {}
    hierarchy: dict[str, HierarchyEdge] = {}
    linguistic: dict[str, LinguisticItem] = {}
    procedures: dict[str, Procedure] = {}
    origin: dict[str, _Record] = {}  # item id -> the most confident record that produced it
    agree: Counter[str] = Counter()  # item id -> how many records produced it

    def note(item_id: str, r: _Record) -> None:
        agree[item_id] += 1
        if item_id not in origin or origin[item_id].confidence < r.confidence:
            origin[item_id] = r

    # what the answer is about: its topic, else the subject its first clause opens with
    about = set(state.keep) or {
        normalise_name(r.subject.text) for r in state.records[:1] if r.subject is not None
    }
    how_tos: list[_Record] = []  # read once every other item has made its entities
    loose: set[Mention] = set()  # endpoints of records dropped as loose or generic
    for r in state.records:
        if (
            r.subject is not None
            and r.object is not None
            and r.kind != "linguistic"
            and (
                is_generic(r.subject)
                or is_generic(r.object)
                or frozenset((normalise_name(r.subject.text), normalise_name(r.object.text)))
                in word_pairs
                or is_loose(r, about)
            )
        ):
            # too loose or too generic to state as a relation, but its other nouns still take
            # part in a fact: concept nodes (on unseen answers 4 in 10 were gold entities)
            loose.update((r.subject, r.object))
            if KnowledgeType.FACTUAL in types:
                for m in (r.subject, r.object):
                    if not is_generic(m) and participant(m):
                        entity(m)
            continue
        if r.kind == "relation" and r.subject and r.object:
            for item_id in _relation(
                r, entity, types, relations, attributes, vocabulary, unmatched
            ):
                note(item_id, r)
        elif r.kind == "hierarchy" and r.subject and r.object and KnowledgeType.STRUCTURAL in types:
            if r.negated or r.hierarchy is None:
                continue
            if not plausible_edge(r.subject.text, r.object.text):
                # the clause reader's edges too ("Examples contains fossils", "basin contains
                # eleven countries"): the shape checks the readers' edges pass
                continue
            parent, child = entity(r.subject), entity(r.object)
            if parent.id != child.id:
                edge = HierarchyEdge(
                    parent=parent.id,
                    child=child.id,
                    relation=r.hierarchy,
                    confidence=round(r.confidence, 4),
                    span=r.span,
                )
                hierarchy.setdefault(edge.id, edge)
                note(edge.id, r)
        elif (
            r.kind == "linguistic"
            and r.subject
            and r.linguistic
            and KnowledgeType.LINGUISTIC in types
        ):
            term = entity(r.subject)
            item = LinguisticItem(
                entity=term.id,
                relation=r.linguistic,
                value=r.value,
                confidence=round(r.confidence, 4),
                span=r.span,
            )
            linguistic.setdefault(item.id, item)
            note(item.id, r)
            if r.linguistic in (LinguisticKind.ALIAS, LinguisticKind.ABBREVIATION):
                out.add_entity(term.model_copy(update={"aliases": (*term.aliases, r.value)}))
        elif r.kind == "procedure" and KnowledgeType.PROCEDURAL in types and len(r.steps) >= 2:
            how_tos.append(r)
    # the goal ("bake bread") is the procedure's own text, kept on it everywhere it is exported;
    # it is no node of the graph (gold conventions), so a procedure points at an entity only when
    # its goal names one the answer already has
    named = {normalise_name(e.name): eid for eid, e in out.entities.items()}
    for r in how_tos:
        goal = r.value.strip()
        proc = Procedure(
            goal=goal,
            steps=r.steps,
            entity=named.get(normalise_name(goal)) if goal else None,
            confidence=r.confidence,
            span=r.span,
        )
        procedures.setdefault(proc.id, proc)
        note(proc.id, r)
    for store in (relations, attributes, hierarchy, linguistic, procedures):
        out.add(
            *(
                _calibrated(item, origin.get(item.id), agree[item.id], out)
                for item in store.values()
            )
        )
    if KnowledgeType.FACTUAL in types and entity_choice.active():
        entity_choice.choose_entities(
            state,
            out,
            _evidence(state, loose),
            made_keys,
            short,
            {key: t.value for key, t in chosen.items()},
            entity,
        )
    if KnowledgeType.FACTUAL in types:
        _drop_placeholders(out)


# words before a common noun that say how much or which, not what ("the desired temperature",
# "more salt", "a prolific composer"): the gold names the thing without them
_QUALIFIERS = frozenset(
    {
        *("desired", "necessary", "prolific", "more", "numerous", "actual", "tiny", "various"),
        *("certain", "specific", "additional", "extra", "appropriate", "suitable", "entire"),
        *("own", "same", "further", "only", "real", "fresh", "little", "much", "several"),
    }
)
_EXAMPLE = re.compile(r"^(?:e\.g\.|i\.e\.)[,:]?\s+", re.IGNORECASE)
_LABEL_COLON = re.compile(r"^(?P<k>[^:]{1,60}):\s+\w+$")


def entity_surface(name: str, etype: EntityType) -> str:
    """The name as the gold conventions write it: without "e.g." ("e.g. salbutamol"), without
    the word a lead-in's colon runs into ("Evaporation: Water" is the bold label
    "Evaporation"), and for a concept without the quantity or choice words in front of it
    ("desired temperature" -> "temperature"; not before "than": "more than 400 bridges").
    A "City, State" stays one name ("La Crosse, Wisconsin", spacy/qualifiers): the answers' gold
    names the city alone, but cutting it cost WebNLG 16 matched triples (normalised F1 0.451 ->
    0.448)."""
    text = _EXAMPLE.sub("", name) or name
    if (m := _LABEL_COLON.match(text)) is not None and len(m.group("k").split()) <= 5:
        text = m.group("k").strip()
    if etype is EntityType.CONCEPT and (role := role_of(text)) is not None:
        return role  # "Indian mathematician": the person's nationality and occupation are facts
    if etype is EntityType.CONCEPT and text[:1].islower():
        words = text.split()
        while len(words) > 1 and words[0].lower() in _QUALIFIERS and words[1] != "than":
            words = words[1:]
        text = " ".join(words)
    return text


# names that are no node: a pronoun or article NER took for a name ("The", "He"), the "Q" and
# "A" of a question-and-answer layout, and a bare count no fact uses — one or two digits ("32" of
# "32 teams", a list label) or a count word ("two", "thousands", "none"): a count that only
# introduces a list is not annotated, and one that is a fact's value is kept by that fact
_PLACEHOLDERS = frozenset(
    {
        *("the", "he", "she", "it", "they", "we", "you", "this", "that", "these"),
        *("those", "both", "each", "q", "a", "his", "her", "its", "their", "there", "here"),
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "dozens", "hundreds", "thousands", "millions", "billions", "none"),
    }
)


def _key(text: str) -> str:
    """A name or predicate as a key: lower snake case without an auxiliary prefix ("Largest
    city" and ``has_largest_city`` are both ``largest_city``)."""
    return _AUX_PREFIX.sub("", _NON_WORD.sub("_", text.lower()).strip("_"))


# (compiled once: every item's name and predicate is keyed, ~10,000 calls a run of devread)
_AUX_PREFIX = re.compile(r"^(?:has|is|was|are|were)_")
_NON_WORD = re.compile(r"\W+")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")


def _drop_placeholders(out: Extraction) -> None:
    """Take out the entities no item refers to that name nothing (:data:`_PLACEHOLDERS`), repeat
    another up to a plural, or are a key the answer states a fact by ("| **Size** | 91 × 73.5 cm
    |", "**Largest city:** Casablanca" gave a relation ``size`` and the node "Size"): a key is a
    predicate, not a thing (on the development answers 11 of 14 such nodes were wrong)."""
    used: set[str] = set()
    keys: set[str] = set()
    for item in out.items:
        if isinstance(item, Relation):
            used.update((item.subject, item.object))
            keys.add(_key(item.predicate))
        elif isinstance(item, HierarchyEdge):
            used.update((item.parent, item.child))
        else:
            eid = getattr(item, "entity", None)
            if eid is not None:
                used.add(eid)
    # one node per name up to a plural ("cable" / "cables"): the one an item uses, else the first
    folded = {_fold(e.name) for eid, e in out.entities.items() if eid in used}
    for eid, e in list(out.entities.items()):
        if eid in used:
            continue
        if (
            e.name.strip().lower() in _PLACEHOLDERS
            or (e.type is EntityType.NUMBER and _ONE_OR_TWO_DIGITS.fullmatch(e.name.strip()))
            or _key(e.name) in keys
            or _fold(e.name) in folded
        ):
            del out.entities[eid]
        else:
            folded.add(_fold(e.name))


def _fold(name: str) -> str:
    """A name with each word's plural folded ("countries" -> "country"), as the scorer folds."""
    words = []
    for w in name.lower().split():
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def _evidence(state: _State, loose: set[Mention]) -> dict[str, Evidence]:
    """Every mention of each name and the readers that produced it: the learned entity
    decision's cues (:mod:`grapheme_distill.extractors.spacy.entity_choice`)."""
    evidence: dict[str, Evidence] = {}

    def add(m: Mention, *rules: str) -> None:
        key = normalise_name(m.text)
        seen = evidence.get(key)
        if seen is None:  # (not setdefault: an Evidence, its list and Counter, made per call)
            seen = evidence[key] = Evidence()
        seen.add(m, *rules)

    for fact in state.facts:
        add(fact, "chunk" if fact.candidate else "fact")
    for r in state.records:
        for role, m in (("subj", r.subject), ("obj", r.object)):
            if m is not None:
                dropped = ":loose" if m in loose else ""
                family = r.construction.split(".")[0]
                add(m, f"{r.kind}:{family}:{role}{dropped}", f"{r.kind}:{r.construction}")
    return evidence


_RANKED = re.compile(r"(?i)^(?:the\s+)?(?:\w+est|first|second|third|last|same|most|least|other)\b")
_ACTION = re.compile(r"(?i)^[a-z]+(?:tion|sion|ing|ment|ance|ence)$")


def participant(m: Mention) -> bool:
    """A common noun phrase that takes part in a stated fact names a concept node (gold
    conventions), unless it ranks ("largest animal", "first image", "same names"), is a list
    read as one phrase ("network, disk") or is one deverbal word, which names an action rather
    than a thing ("installation", "repression", "building")."""
    text = m.text.strip()
    if m.proper or m.label:
        return True
    if _RANKED.match(text) or "," in text:
        return False  # a ranked phrase, or a list read as one phrase ("network, disk")
    return not (len(text.split()) == 1 and _ACTION.match(text))


def _calibrated(item: Any, record: _Record | None, agreement: int, out: Extraction) -> Any:
    """The item, with what its confidence is computed from in ``out.item_signals``; the
    map (:mod:`grapheme_distill.extractors.confidence`) applies in :meth:`pipe`, once every
    item and entity is in and the signals can say what an item's arguments are."""
    construction = "clause"
    if record is not None:
        construction = record.construction
        if construction == "clause":
            construction = f"clause.{record.voice}"
    raw = float(item.confidence)
    signals: dict[str, str | float] = {
        "construction": construction,
        "raw": raw,
        "agreement": float(agreement),
    }
    if record is not None:
        signals["hedged"] = 1.0 if record.hedged or record.confidence < 0.5 else 0.0
        if record.model_p is not None:  # a learned reader's probability (learned_relations)
            signals["model_p"] = record.model_p
    out.item_signals[item.id] = signals  # calibrated in `pipe`, once the items are all in
    return item


def _relation(
    r: _Record,
    entity: Any,
    types: frozenset[KnowledgeType],
    relations: dict[str, Relation],
    attributes: dict[str, Attribute],
    vocabulary: RelationVocabulary | None,
    unmatched: Literal["keep", "drop"],
) -> list[str]:
    """Add the relation (and attribute) a record states; return their ids."""
    assert r.subject is not None and r.object is not None
    made: list[str] = []
    subj: Entity = entity(r.subject)
    obj: Entity = entity(r.object)
    if subj.id == obj.id:
        return made
    raw = r.predicate
    predicate = raw
    swap = False
    qualifiers = {"voice": r.voice}
    confidence = r.confidence
    # a claim about a named thing is more specific (and more often what was meant) than one about
    # "creatures" or "understanding"
    if not (r.subject.proper or r.subject.label):
        confidence *= 0.85
    if (
        not (r.object.proper or r.object.label)
        and obj.type not in (EntityType.DATETIME, EntityType.NUMBER)
        and r.voice != "copula"
    ):  # "X is a physicist": a class is meant to be a common noun
        confidence *= 0.9
    if vocabulary is not None:
        match = vocabulary.match(raw, voice=r.voice, object_type=obj.type)  # type: ignore[arg-type]
        if match is None and unmatched == "drop":
            return made
        if match is not None:
            predicate, swap = match.label, match.inverse
            qualifiers["label"] = match.label
            confidence *= 0.5 + 0.5 * match.score
    else:
        canon = canonical_predicate(raw, obj.type, obj.name)
        if canon is not None:
            predicate, swap = canon
            if swap:
                qualifiers["canonical_swap"] = "true"
    if predicate != raw:
        qualifiers["source_predicate"] = raw
    s, o = (obj, subj) if swap else (subj, obj)
    is_value = obj.type in (EntityType.DATETIME, EntityType.NUMBER)
    # one fact, one item (issue 13): a value fact ("born on 12 May 1915") is a relation to a
    # value node, and an attribute only where relations were not asked for
    as_attribute = (
        is_value
        and not swap
        and not r.negated
        and KnowledgeType.FACTUAL in types
        and KnowledgeType.RELATIONAL not in types
    )
    if KnowledgeType.RELATIONAL in types:
        rel = Relation(
            subject=s.id,
            predicate=predicate,
            object=o.id,
            negated=r.negated,
            confidence=round(confidence, 4),
            span=r.span,
            qualifiers=qualifiers,
        )
        old = relations.get(rel.id)
        if old is None or old.confidence < rel.confidence:
            relations[rel.id] = rel
        made.append(rel.id)
    if as_attribute:
        attr = Attribute(
            entity=subj.id,
            name=predicate,
            value=obj.name,
            datatype="date" if obj.type is EntityType.DATETIME else "number",
            confidence=round(confidence, 4),
            span=r.span,
        )
        attributes.setdefault(attr.id, attr)
        made.append(attr.id)
    return made
