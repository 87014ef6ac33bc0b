"""Distillation sessions: teacher answers in, scored and filtered typed knowledge out.

A :class:`DistillationSession` is the unit of work of the core loop.  Each answer is extracted once
(by any :class:`~grapheme_distill.extractors.Extractor`), split into one
:class:`DistilledKnowledge` per knowledge type found, scored, filtered by ``min_confidence`` and
capped by ``max_items_per_session``.  Nothing is silently dropped: a rejected item or record lands
in ``session.rejected`` with its reason, and extractor failures (empty answers, refusals, broken
JSON) are rejections too.  :class:`KnowledgeDistiller` manages many sessions and offers one-call
helpers for single answers and batches.

Confidence lives on items.  An extractor gives each item a confidence that reads as an expected
precision (the spaCy reader's is calibrated per construction, hedging included); an answer-level
signal — the teacher's own certainty, ``exp(mean token logprob)``, when logprobs were given —
scales every item of the answer *before* the threshold, so a stored item carries every signal that
spoke about it.  A record's confidence is the mean of its items', with the signals recorded.  The
FACTUAL record of an answer also carries every named entity the answer mentions (people, places,
organisations, works, dates …), whether or not a fact about it passed the threshold: a mention is
factual knowledge in its own right; concepts and numbers come only with a fact.
"""

from __future__ import annotations

import math
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import LowConfidence, SessionFull, SessionNotFound
from grapheme_distill.extractors import Extraction, Extractor, RuleExtractor
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Confidence,
    DistilledKnowledge,
    EntityType,
    Item,
    KnowledgeType,
    Provenance,
)
from grapheme_distill.model.predicates import unify_items
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.teachers.base import TokenLogprob

__all__ = [
    "DistillationResult",
    "DistillationSession",
    "KnowledgeDistiller",
    "Rejection",
    "SessionMetrics",
]

_TYPE_ORDER = tuple(KnowledgeType)
_ONLY_WITH_A_FACT = frozenset({EntityType.CONCEPT, EntityType.NUMBER})


@dataclass(frozen=True)
class Rejection:
    """Something a session did not accept, and why.  ``item`` is the rejected item or record."""

    reason: str  # low_confidence | item_low_confidence | session_full | extraction_failed | refusal
    detail: str
    item: DistilledKnowledge | Item | None = None
    prompt: str = ""
    confidence: float | None = None


class SessionMetrics(BaseModel):
    """What a session has done so far."""

    prompts_processed: int = 0
    items_by_type: dict[str, int] = {}
    knowledge_records: int = 0
    entities: int = 0
    relations: int = 0
    average_confidence: float = 0.0
    rejections_by_reason: dict[str, int] = {}
    soft_targets: int = 0


def _mean_token_certainty(logprobs: Sequence[TokenLogprob] | None) -> float | None:
    if not logprobs:
        return None
    return math.exp(sum(t.logprob for t in logprobs) / len(logprobs))


class DistillationSession:
    """Collects the knowledge distilled from a stream of teacher answers.

    Args:
        config: thresholds, capacity and structure handling (see :class:`DistillationConfig`).
        extractor: any extractor; the dependency-free :class:`RuleExtractor` by default.
        session_id: a caller-chosen id; a random one otherwise.
    """

    def __init__(
        self,
        config: DistillationConfig | None = None,
        extractor: Extractor | None = None,
        session_id: str | None = None,
    ) -> None:
        self.config = config or DistillationConfig.default()
        self.extractor: Extractor = extractor or RuleExtractor()
        self.id = session_id or uuid.uuid4().hex
        self.knowledge: list[DistilledKnowledge] = []
        self.rejected: list[Rejection] = []
        self.soft_targets: list[SoftTarget] = []
        self._graph_of = KnowledgeGraph()
        self._in_graph = 0  # how many of ``knowledge`` the graph holds (it is built on demand)
        self._prompts = 0
        self._types: Counter[str] = Counter()
        self._rejections: Counter[str] = Counter()
        self._confidence_sum = 0.0
        self._seen: set[str] = set()

    # ------------------------------------------------------------------ capacity
    @property
    def capacity(self) -> int:
        return self.config.max_items_per_session

    @property
    def is_full(self) -> bool:
        return len(self.knowledge) >= self.capacity

    # ------------------------------------------------------------------ processing
    def process_response(
        self,
        prompt: str,
        response: str,
        knowledge_type: KnowledgeType | None = None,
        *,
        provenance: Provenance | None = None,
        logprobs: Sequence[TokenLogprob] | None = None,
        extraction: Extraction | None = None,
    ) -> list[DistilledKnowledge]:
        """Extract, score and keep the knowledge in one teacher answer.

        Args:
            prompt: what the teacher was asked.
            response: what it answered.
            knowledge_type: only this type; None means every type found.
            provenance: teacher/model/template/call metadata to attach (the extractor is filled in).
            logprobs: the answer's per-token logprobs, used as a confidence signal.
            extraction: a ready extraction (e.g. from a batched ``pipe``); skips extracting again.

        Returns:
            The accepted records, one per knowledge type that yielded items.

        Raises:
            SessionFull: the session was already full, or filled up during this answer (the
                records that did not fit are in ``rejected`` with reason ``session_full``).
        """
        if self.is_full:
            raise SessionFull(self.id, self.capacity)
        self._prompts += 1
        types = frozenset(KnowledgeType) if knowledge_type is None else frozenset({knowledge_type})
        if extraction is None:
            extraction = self.extractor.extract(
                response,
                prompt=prompt,
                types=types,
                preserve_structure=self.config.preserve_structure,
            )
        prov = (provenance or Provenance()).model_copy(update={"extractor": extraction.extractor})
        if extraction.is_empty:
            reason = "refusal" if extraction.signals.get("refusal") else "extraction_failed"
            detail = (
                "; ".join(f.reason for f in extraction.failures)
                or "no knowledge found in the answer"
            )
            self._reject(Rejection(reason, detail, prompt=prompt, confidence=0.0))
            return []

        certainty = _mean_token_certainty(logprobs)
        records = [
            record
            for ktype in _TYPE_ORDER
            if ktype in types
            if (record := self._build(ktype, prompt, response, extraction, prov, certainty))
        ]
        if KnowledgeType.FACTUAL in types:
            records = self._with_mentions(records, prompt, response, extraction, prov, certainty)
        accepted: list[DistilledKnowledge] = []
        overflow = False
        for record in records:
            if overflow or self.is_full:
                overflow = True
                self._reject(
                    Rejection("session_full", f"capacity {self.capacity} reached", record, prompt)
                )
                continue
            try:
                self.add_knowledge(record)
            except LowConfidence:
                continue
            accepted.append(record)
        if overflow:
            raise SessionFull(self.id, self.capacity)
        return accepted

    def _build(
        self,
        ktype: KnowledgeType,
        prompt: str,
        response: str,
        extraction: Extraction,
        prov: Provenance,
        certainty: float | None,
    ) -> DistilledKnowledge | None:
        threshold = self.config.min_confidence
        # An answer-level signal (the teacher's own certainty) scales every item it carries, so
        # what is stored says what the record says; hedging is per sentence, the extractor's job.
        factor = 1.0 if certainty is None else certainty
        kept: list[Item] = []
        read = 0.0  # the extractor's own confidences of the kept items, summed
        for item in extraction.items_of(ktype):
            value = item.confidence * factor
            if value < threshold:
                self._reject(
                    Rejection(
                        "item_low_confidence",
                        f"{item.kind} confidence {value:.3f} < {threshold:.3f}",
                        item,
                        prompt,
                        value,
                    )
                )
            else:
                read += item.confidence
                kept.append(
                    item if factor == 1.0 else item.model_copy(update={"confidence": value})
                )
        if not kept:
            return None
        entity_ids: set[str] = set()
        for item in kept:
            entity_ids.update(item.entity_refs())
        entities = tuple(e for eid, e in extraction.entities.items() if eid in entity_ids)
        signals = {
            "extractor": read / len(kept),
            "hedged_fraction": extraction.signals.get("hedged_fraction", 0.0),
        }
        if certainty is not None:
            signals["teacher_certainty"] = certainty
        value = sum(i.confidence for i in kept) / len(kept)
        return DistilledKnowledge(
            knowledge_type=ktype,
            prompt=prompt,
            response=response,
            entities=entities,
            items=tuple(kept),
            confidence=Confidence(value=value, method="mean of item confidences", signals=signals),
            provenance=prov,
        )

    def _with_mentions(
        self,
        records: list[DistilledKnowledge],
        prompt: str,
        response: str,
        extraction: Extraction,
        prov: Provenance,
        certainty: float | None,
    ) -> list[DistilledKnowledge]:
        """Every named thing the answer mentions is factual knowledge in its own right, even when
        no fact about it passed the threshold: such entities ride along with the answer's first
        record (the FACTUAL one when there is one), or form a FACTUAL record of their own.
        Concepts and numbers come only with a fact."""
        carried = {e.id for record in records for e in record.entities}
        mentions = tuple(
            e
            for e in extraction.entities.values()
            if e.type not in _ONLY_WITH_A_FACT and e.id not in carried
        )
        if not mentions:
            return records
        kinds = [record.knowledge_type for record in records]
        i = kinds.index(KnowledgeType.FACTUAL) if KnowledgeType.FACTUAL in kinds else 0
        if records:
            records[i] = records[i].model_copy(
                update={"entities": (*records[i].entities, *mentions)}
            )
            return records
        value = 1.0 if certainty is None else certainty
        signals = {} if certainty is None else {"teacher_certainty": certainty}
        return [
            DistilledKnowledge(
                knowledge_type=KnowledgeType.FACTUAL,
                prompt=prompt,
                response=response,
                entities=mentions,
                confidence=Confidence(
                    value=value, method="named entities mentioned", signals=signals
                ),
                provenance=prov,
            )
        ]

    def add_knowledge(self, knowledge: DistilledKnowledge) -> None:
        """Accept one record, enforcing capacity and the confidence threshold.

        Raises:
            SessionFull: the session already holds ``max_items_per_session`` records.
            LowConfidence: the record's confidence is under ``min_confidence`` (it is kept in
                ``rejected`` with reason ``low_confidence``).
        """
        if self.is_full:
            raise SessionFull(self.id, self.capacity)
        unified = unify_items(knowledge.items)  # one fact, one item, whichever reader read it
        if unified != knowledge.items:
            knowledge = knowledge.model_copy(update={"items": unified})
        threshold = self.config.min_confidence
        if knowledge.confidence.value < threshold:
            self._reject(
                Rejection(
                    "low_confidence",
                    f"{knowledge.knowledge_type} record confidence {knowledge.confidence.value:.3f} < {threshold:.3f}",
                    knowledge,
                    knowledge.prompt,
                    knowledge.confidence.value,
                )
            )
            raise LowConfidence(knowledge.id, knowledge.confidence.value, threshold)
        # the same answer from the same call processed twice adds nothing; the same answer from
        # another call (another teacher model, another sample) is another source: agreement
        seen = f"{knowledge.id}|{knowledge.provenance.call_hash or ''}"
        if seen in self._seen:
            return
        self._seen.add(seen)
        self.knowledge.append(knowledge)
        self._types[knowledge.knowledge_type.value] += 1
        self._confidence_sum += knowledge.confidence.value

    @property
    def _graph(self) -> KnowledgeGraph:
        """The merged graph of the accepted records, brought up to date when asked: a pipeline's
        session is never asked (its records go to the store), and merging each record as it came
        was ~3 % of a crawl request's CPU.  Records are merged in acceptance order, as before."""
        graph = self._graph_of
        for knowledge in self.knowledge[self._in_graph :]:
            graph.add_knowledge(knowledge)
        self._in_graph = len(self.knowledge)
        return graph

    def _reject(self, rejection: Rejection) -> None:
        self.rejected.append(rejection)
        self._rejections[rejection.reason] += 1

    def add_soft_target(self, target: SoftTarget) -> SoftTarget:
        """Keep a teacher distribution, viewed at the session's temperature."""
        target = target.with_temperature(self.config.temperature)
        self.soft_targets.append(target)
        return target

    # ------------------------------------------------------------------ results
    @property
    def metrics(self) -> SessionMetrics:
        n = len(self.knowledge)
        return SessionMetrics(
            prompts_processed=self._prompts,
            items_by_type=dict(self._types),
            knowledge_records=n,
            entities=len(self._graph.entities),
            relations=len(self._graph.relations),
            average_confidence=self._confidence_sum / n if n else 0.0,
            rejections_by_reason=dict(self._rejections),
            soft_targets=len(self.soft_targets),
        )

    def to_knowledge_graph(self, *, compress: bool = False) -> KnowledgeGraph:
        """The merged graph of everything accepted (a copy).  With ``compress``, pruned to
        ``compression_ratio`` × observations, least confident first."""
        graph = KnowledgeGraph()
        graph.merge(self._graph)
        return graph.compress(self.config.compression_ratio) if compress else graph


@dataclass
class DistillationResult:
    """What a completed session produced."""

    session_id: str
    graph: KnowledgeGraph
    knowledge: list[DistilledKnowledge]
    soft_targets: list[SoftTarget]
    metrics: SessionMetrics
    rejected: list[Rejection] = field(default_factory=list)


class KnowledgeDistiller:
    """Manages sessions; ``distill_response``/``distill_batch`` are the one-call front doors."""

    def __init__(
        self, config: DistillationConfig | None = None, extractor: Extractor | None = None
    ) -> None:
        self.config = config or DistillationConfig.default()
        self.extractor: Extractor = extractor or RuleExtractor()
        self._sessions: dict[str, DistillationSession] = {}
        self._completed = 0

    def start_session(self, session_id: str | None = None) -> DistillationSession:
        session = DistillationSession(self.config, self.extractor, session_id)
        self._sessions[session.id] = session
        return session

    def get_session(self, session_id: str) -> DistillationSession:
        try:
            return self._sessions[session_id]
        except KeyError:
            raise SessionNotFound(session_id) from None

    @property
    def active_sessions(self) -> list[str]:
        return list(self._sessions)

    def complete_session(self, session_id: str) -> DistillationResult:
        """Close a session and hand back its graph, soft targets, metrics and rejections."""
        session = self.get_session(session_id)
        del self._sessions[session_id]
        self._completed += 1
        return DistillationResult(
            session_id=session.id,
            graph=session._graph,  # the session is gone: hand its graph over instead of copying
            knowledge=list(session.knowledge),
            soft_targets=list(session.soft_targets),
            metrics=session.metrics,
            rejected=list(session.rejected),
        )

    def stats(self) -> dict[str, int]:
        return {
            "active_sessions": len(self._sessions),
            "completed_sessions": self._completed,
            "knowledge_records": sum(len(s.knowledge) for s in self._sessions.values()),
            "rejections": sum(len(s.rejected) for s in self._sessions.values()),
        }

    def distill_response(
        self, prompt: str, response: str, knowledge_type: KnowledgeType | None = None
    ) -> DistillationResult:
        """One answer, one throw-away session."""
        session = self.start_session()
        session.process_response(prompt, response, knowledge_type)
        return self.complete_session(session.id)

    def distill_batch(
        self,
        pairs: Iterable[tuple[str, str]],
        knowledge_type: KnowledgeType | None = None,
    ) -> list[DistillationResult]:
        """Many (prompt, answer) pairs.  Uses the extractor's batched ``pipe``; when a session
        fills up it is completed and a new one started, so no answer is lost to capacity."""
        with relaxed_gc():
            return self._distill_batch(list(pairs), knowledge_type)

    def _distill_batch(
        self, pairs: list[tuple[str, str]], knowledge_type: KnowledgeType | None
    ) -> list[DistillationResult]:
        types = frozenset(KnowledgeType) if knowledge_type is None else frozenset({knowledge_type})
        results: list[DistillationResult] = []
        session = self.start_session()
        extractions = self.extractor.pipe(
            pairs, types=types, preserve_structure=self.config.preserve_structure
        )
        for (prompt, response), extraction in zip(pairs, extractions, strict=True):
            if session.is_full:
                results.append(self.complete_session(session.id))
                session = self.start_session()
            try:
                session.process_response(prompt, response, knowledge_type, extraction=extraction)
            except SessionFull:
                overflow = [
                    r.item
                    for r in session.rejected
                    if r.reason == "session_full" and isinstance(r.item, DistilledKnowledge)
                ]
                results.append(self.complete_session(session.id))
                session = self.start_session()
                for record in overflow:  # the records that did not fit go to the fresh session
                    session.add_knowledge(record)
        results.append(self.complete_session(session.id))
        return results
