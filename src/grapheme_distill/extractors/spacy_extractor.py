"""``spacy``: the offline extractor — dependency rules over spaCy's parse, for all five types.

Design.  An answer is first cut into clean pieces by :mod:`.spacy.text` (markdown blocks with an
offset map back into the answer; scripts, code, tags and binary garbage are never read).  All
pieces of a batch of answers go through one ``nlp.pipe`` call — parsing is the expensive part, so
it is batched (this module), and everything after it is a linear walk over the parse
(:mod:`.spacy.answer`, each prose piece by :mod:`.spacy.prose`; the pipeline itself is loaded by
:mod:`.spacy.pipeline`).  The walk reads clauses (:mod:`.spacy.clauses`) sentence by sentence,
carrying two kinds of context: the *implicit subject* of a markdown list (its heading or lead-in
line) and the *last compatible subject* for pronouns.
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

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Literal

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.base import Extraction, ExtractionFailure
from grapheme_distill.extractors.confidence import CalibrationMap, annotate, load_calibration
from grapheme_distill.extractors.document import Document, parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import Fact, injected_spans, read_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.dates import canonical_date
from grapheme_distill.extractors.spacy.answer import read_answer
from grapheme_distill.extractors.spacy.attribute_rules import (
    FastRules,
    fast_rules,
    parse_pieces,
)
from grapheme_distill.extractors.spacy.doc_cache import release
from grapheme_distill.extractors.spacy.items import ner_entity_type
from grapheme_distill.extractors.spacy.layers import layers_off, parse_learned, version_suffix
from grapheme_distill.extractors.spacy.learned_relations import default_model
from grapheme_distill.extractors.spacy.lemmas import FastLemmas, fast_lemmas
from grapheme_distill.extractors.spacy.pipeline import DEFAULT_MODEL, load_model
from grapheme_distill.extractors.spacy.predicate_choice import choose_predicates
from grapheme_distill.extractors.spacy.table_clauses import cells_to_parse
from grapheme_distill.extractors.spacy.text import Piece, Prepared, prepare
from grapheme_distill.extractors.spacy.titles import answer_emphasis, mark_emphasis
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.knowledge import KnowledgeType

__all__ = ["DEFAULT_MODEL", "SpacyExtractor", "canonical_date", "load_model", "ner_entity_type"]

_ALL = frozenset(KnowledgeType)

#: characters of pieces per parser batch (:meth:`SpacyExtractor._piece_batch`)
_BATCH_CHARS = 16_000


def _floor(value: float | str) -> float:
    """An output floor given as a number or as text (``distill --set extractor.floor=0``), in [0, 1).

    Raises:
        ConfigError: not a number, or outside [0, 1).
    """
    try:
        floor = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"extractor floor {value!r} is not a number") from None
    if not 0.0 <= floor < 1.0:
        raise ConfigError(f"extractor floor {floor} outside [0, 1)")
    return floor


def table_cells(document: Document, injected: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The cells of an answer's table rows, each parsed as a text of its own beside the prose
    pieces (one ``nlp.pipe`` stream; a table row is blanked out of the pieces).  A cell holds
    named things as a sentence does ("17 June 1944 (from Denmark)", "India and Pakistan
    (Punjab)"), and the table readers take each cell whole, as an attribute's value or a row's
    name: its named mentions are read the way a paragraph's are (:func:`.named_mentions`), and
    the learned entity decision weighs its noun chunks like any other.  A row inside an
    instruction addressed to the model (``injected``, answer spans) is left out, as the table
    readers leave it."""
    return [text for _, _, text in cells_to_parse(document, injected)]


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
        floor: drop items whose calibrated confidence is under this (``None``: the map's own
            floor, :attr:`CalibrationMap.floor`; ``0`` keeps every item) — an item right less
            often than half the micro F1 lowers it (:mod:`~grapheme_distill.extractors.confidence`).
            A string is read as a number (``distill --set extractor.floor=0``).
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
        floor: float | str | None = None,
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
        self._fast_lemmas: FastLemmas | None = None
        self._lemmas_for: tuple[Any, ...] = ()  # what ``_fast_lemmas`` was built from
        # calibrated confidences only without an ontology: the map was fitted on free predicates
        if isinstance(calibration, CalibrationMap):
            self.calibration: CalibrationMap | None = calibration
        elif calibration and relation_vocabulary is None:
            self.calibration = load_calibration("spacy")
        else:
            self.calibration = None
        self.floor = None if floor is None else _floor(floor)
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

    def _lemmas(self) -> FastLemmas | None:
        """The pipeline's rule lemmatizer remembering each word form's lemma
        (:mod:`.spacy.lemmas`; the same lemmas), built again only when the pipeline, its enabled
        components or the lemmatizer change."""
        nlp = self.nlp
        names = tuple(getattr(nlp, "pipe_names", ()))
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
        key = (nlp, names, lemmatizer)
        if key != self._lemmas_for:  # compared by identity
            self._fast_lemmas, self._lemmas_for = fast_lemmas(nlp), key
        return self._fast_lemmas

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
            self._lemmas(),
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
            emphasis = answer_emphasis(answer)  # italic titles, which the clean text has lost
            for piece, doc in piece_docs:
                mark_emphasis(doc, piece.offsets, emphasis)
            cell_docs = [next(docs) for _ in own]
            facts: list[Fact] = []
            topic: str | None = None
            ctx: ReadContext | None = None
            if document is not None:  # an answer that is only a table has no prose pieces
                ctx, facts = read_document(document, prompt)
                topic = ctx.topic.text if ctx.topic is not None else None
            if piece_docs or ctx is not None:
                try:
                    read_answer(
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
                        parse=self.nlp,
                        relation_model=self.relation_model,
                        vocabulary=self.vocabulary,
                        unmatched=self.unmatched,
                    )
                finally:  # the answer's documents are freed now, not by the cyclic collector
                    for _, doc in piece_docs:
                        release(doc)
                    for doc in cell_docs:
                        release(doc)
            if self.vocabulary is None:  # an ontology's labels are chosen by .vocab instead
                choose_predicates(out, text=answer, topic=topic, prompt=prompt)
            annotate(out, text=answer, prompt=prompt, topic=topic)
            if self.calibration is not None:
                self.calibration.apply(out, self.floor)
            yield out

    def _piece_batch(self, pieces: Sequence[Piece]) -> int:
        """Pieces per parser batch: about :data:`_BATCH_CHARS` characters of the chunk's mean
        piece, within [``batch_size``, ``piece_batch_size``]."""
        low = max(1, min(self.batch_size, self.piece_batch_size))
        if not pieces:
            return low
        mean = max(1.0, sum(len(p.text) for p in pieces) / len(pieces))
        return max(low, min(self.piece_batch_size, round(_BATCH_CHARS / mean)))
