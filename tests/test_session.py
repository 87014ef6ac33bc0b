from __future__ import annotations

import math

import pytest

from grapheme_distill import (
    DistillationConfig,
    DistilledKnowledge,
    KnowledgeDistiller,
    KnowledgeType,
    LowConfidence,
    Provenance,
    SessionFull,
    SessionNotFound,
    SoftTarget,
    TokenLogprob,
)
from grapheme_distill.session import DistillationSession

PARIS = (
    "Tell me about Paris.",
    "Paris is the capital of France. Paris is located in Europe. "
    "The Eiffel Tower was designed by Gustave Eiffel.",
)
BREAD = (
    "How do you bake bread?",
    "1. Mix flour and water.\n2. Knead the dough.\n3. Bake it for 30 minutes.\n",
)
EU = ("What is the EU?", "The European Union (EU) consists of France, Germany and Italy.")


def test_process_response_splits_by_knowledge_type() -> None:
    session = DistillationSession()
    records = session.process_response(*PARIS)
    assert [r.knowledge_type for r in records] == [KnowledgeType.RELATIONAL]
    rel = records[0]
    names = {e.id: e.name for e in rel.entities}
    triples = {(names[r.subject], r.predicate, names[r.object]) for r in rel.relations}
    assert triples == {
        ("Paris", "capital_of", "France"),
        ("Paris", "located_in", "Europe"),
        ("Eiffel Tower", "designed_by", "Gustave Eiffel"),
    }
    assert rel.provenance.extractor == "rules@2"
    assert all(r.span is not None for r in rel.relations)
    start, end = rel.relations[0].span  # type: ignore[misc]
    assert "Paris is the capital of France" in PARIS[1][start:end]


def test_every_type_found_when_none_given() -> None:
    session = DistillationSession()
    text = EU[1] + "\n\n" + BREAD[1]
    types = {r.knowledge_type for r in session.process_response(BREAD[0], text)}
    assert types == {KnowledgeType.STRUCTURAL, KnowledgeType.LINGUISTIC, KnowledgeType.PROCEDURAL}


def test_knowledge_type_filter() -> None:
    session = DistillationSession()
    records = session.process_response(EU[0], EU[1], KnowledgeType.LINGUISTIC)
    assert [r.knowledge_type for r in records] == [KnowledgeType.LINGUISTIC]
    assert records[0].linguistic[0].value == "EU"


def test_capacity_raises_session_full_and_keeps_overflow() -> None:
    session = DistillationSession(DistillationConfig(max_items_per_session=2))
    session.process_response(*PARIS)
    session.process_response(*BREAD)
    assert session.is_full
    with pytest.raises(SessionFull) as info:
        session.process_response(*EU)
    assert info.value.capacity == 2
    assert len(session.knowledge) == 2


def test_capacity_reached_mid_answer_rejects_rest_with_reason() -> None:
    session = DistillationSession(DistillationConfig(max_items_per_session=1))
    with pytest.raises(SessionFull):
        session.process_response(EU[0], EU[1])  # structural + linguistic records
    assert len(session.knowledge) == 1
    assert [r.reason for r in session.rejected] == ["session_full"]
    assert isinstance(session.rejected[0].item, DistilledKnowledge)


def test_low_confidence_items_are_rejected_not_lost() -> None:
    session = DistillationSession(DistillationConfig(min_confidence=0.7))
    records = session.process_response(
        "Tell me about Paris.",
        "Paris is the capital of France. Paris might be located in Asia.",
    )
    kept = [r.predicate for rec in records for r in rec.relations]
    assert kept == ["capital_of"]
    rejected = [r for r in session.rejected if r.reason == "item_low_confidence"]
    assert (
        len(rejected) == 1 and rejected[0].confidence is not None and rejected[0].confidence < 0.7
    )
    assert session.metrics.rejections_by_reason == {"item_low_confidence": 1}


def test_add_knowledge_below_threshold_raises_low_confidence() -> None:
    session = DistillationSession(DistillationConfig(min_confidence=0.99))
    record = DistillationSession(DistillationConfig(min_confidence=0.0)).process_response(*PARIS)[0]
    with pytest.raises(LowConfidence) as info:
        session.add_knowledge(record)
    assert info.value.threshold == 0.99
    assert session.rejected[0].reason == "low_confidence" and session.rejected[0].item == record
    assert session.knowledge == []


def test_teacher_certainty_lowers_confidence() -> None:
    session = DistillationSession(DistillationConfig(min_confidence=0.0))
    sure = session.process_response(*PARIS)[0]
    unsure_lp = [TokenLogprob(token="x", logprob=math.log(0.5))] * 4
    session2 = DistillationSession(DistillationConfig(min_confidence=0.0))
    unsure = session2.process_response(*PARIS, logprobs=unsure_lp)[0]
    assert unsure.confidence.signals["teacher_certainty"] == pytest.approx(0.5)
    assert unsure.confidence.value == pytest.approx(sure.confidence.value * 0.5)
    assert "teacher_certainty" not in sure.confidence.signals


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        ("", "extraction_failed"),
        ("I'm sorry, I cannot help with that.", "refusal"),
        ("lorem ipsum dolor sit amet", "extraction_failed"),
    ],
)
def test_empty_and_refusals_are_recorded(response: str, reason: str) -> None:
    session = DistillationSession()
    assert session.process_response("q", response) == []
    assert session.rejected[-1].reason == reason
    assert session.metrics.prompts_processed == 1


def test_same_answer_twice_adds_nothing() -> None:
    session = DistillationSession()
    session.process_response(*PARIS)
    before = session.to_knowledge_graph()
    session.process_response(*PARIS)
    assert len(session.knowledge) == 1
    assert session.to_knowledge_graph() == before


def test_independent_agreeing_answers_raise_confidence() -> None:
    session = DistillationSession()
    session.process_response("Q1", "Paris is the capital of France.")
    first = next(iter(session.to_knowledge_graph().relations.values())).confidence
    session.process_response("Q2", "Paris is the capital of France.")
    graph = session.to_knowledge_graph()
    second = next(iter(graph.relations.values())).confidence
    assert first == pytest.approx(0.85)
    assert second == pytest.approx(1 - (1 - 0.85) ** 2)
    assert len(graph.evidence[next(iter(graph.relations))]) == 2


def test_provenance_is_attached() -> None:
    prov = Provenance(
        teacher="openai",
        model="gpt-x",
        prompt_template="relational.v1",
        params={"temperature": 0.0},
        call_hash="sha256:abc",
    )
    record = DistillationSession().process_response(*PARIS, provenance=prov)[0]
    assert record.provenance.model == "gpt-x" and record.provenance.call_hash == "sha256:abc"
    assert record.provenance.extractor == "rules@2"


def test_metrics() -> None:
    session = DistillationSession()
    session.process_response(*PARIS)
    session.process_response(*BREAD)
    session.process_response("q", "")
    m = session.metrics
    assert m.prompts_processed == 3
    assert m.items_by_type == {"relational": 1, "procedural": 1}
    assert m.knowledge_records == 2
    assert m.relations == 3
    assert m.entities == 6  # Paris, France, Europe, Eiffel Tower, Gustave Eiffel, bake bread
    assert 0.0 < m.average_confidence <= 1.0
    assert m.rejections_by_reason == {"extraction_failed": 1}


def test_soft_targets_take_the_session_temperature() -> None:
    session = DistillationSession(DistillationConfig(temperature=3.0))
    kept = session.add_soft_target(SoftTarget.from_logits("s", ["a", "b"], [2.0, 0.0]))
    assert kept.temperature == 3.0 and session.metrics.soft_targets == 1


def test_to_knowledge_graph_compress_uses_ratio() -> None:
    session = DistillationSession(DistillationConfig(compression_ratio=0.34))
    session.process_response(*PARIS)
    full = session.to_knowledge_graph()
    small = session.to_knowledge_graph(compress=True)
    assert len(full.relations) == 3
    assert len(small.relations) == 2  # ceil(0.34 * 3 observations)
    kept = min(r.confidence for r in small.relations.values())
    dropped = [r for r in full.relations.values() if r.id not in small.relations]
    assert all(r.confidence <= kept for r in dropped)


def test_preserve_structure_off_skips_lists() -> None:
    on = DistillationSession(DistillationConfig(preserve_structure=True)).process_response(*BREAD)
    off = DistillationSession(DistillationConfig(preserve_structure=False)).process_response(*BREAD)
    assert [r.knowledge_type for r in on] == [KnowledgeType.PROCEDURAL]
    assert on[0].procedures[0].steps == (
        "Mix flour and water",
        "Knead the dough",
        "Bake it for 30 minutes",
    )
    assert off == []


def test_distiller_sessions_lifecycle() -> None:
    distiller = KnowledgeDistiller()
    session = distiller.start_session("s1")
    assert distiller.get_session("s1") is session
    assert distiller.active_sessions == ["s1"]
    session.process_response(*PARIS)
    result = distiller.complete_session("s1")
    assert result.session_id == "s1" and len(result.graph.relations) == 3
    assert distiller.active_sessions == []
    assert distiller.stats()["completed_sessions"] == 1
    with pytest.raises(SessionNotFound):
        distiller.get_session("s1")


def test_distill_response_and_batch_roll_over_full_sessions() -> None:
    distiller = KnowledgeDistiller(DistillationConfig(max_items_per_session=2))
    one = distiller.distill_response(*PARIS)
    assert one.metrics.knowledge_records == 1
    results = distiller.distill_batch([PARIS, BREAD, EU, ("Q", "Water is a liquid.")])
    # 5 records in total (1 + 1 + 2 + 1) across sessions of capacity 2: nothing lost
    assert sum(r.metrics.knowledge_records for r in results) == 5
    assert all(r.metrics.knowledge_records <= 2 for r in results)
    assert distiller.active_sessions == []


def test_teacher_certainty_reaches_the_stored_items() -> None:
    """An answer-level signal scales each item before the threshold (before, a record at 0.49
    stored its items at their extractor confidence, e.g. 0.9)."""
    unsure_lp = [TokenLogprob(token="x", logprob=math.log(0.5))] * 4
    sure = DistillationSession(DistillationConfig(min_confidence=0.0)).process_response(*PARIS)
    unsure = DistillationSession(DistillationConfig(min_confidence=0.0)).process_response(
        *PARIS, logprobs=unsure_lp
    )
    before = {i.id: i.confidence for r in sure for i in r.items}
    after = {i.id: i.confidence for r in unsure for i in r.items}
    assert before.keys() == after.keys() and before
    assert all(after[k] == pytest.approx(before[k] * 0.5) for k in before)
    # and the threshold applies to what is stored: at 0.6 none of these halved items survive
    gated = DistillationSession(DistillationConfig(min_confidence=0.6)).process_response(
        *PARIS, logprobs=unsure_lp
    )
    assert all(i.confidence >= 0.6 for r in gated for i in r.items)


def test_named_entities_are_kept_when_their_facts_are_not() -> None:
    session = DistillationSession(DistillationConfig(min_confidence=0.99))
    records = session.process_response(*PARIS)
    names = {e.name for r in records for e in r.entities}
    assert "Paris" in names and "France" in names
    assert all(not r.items for r in records) and records[0].knowledge_type == KnowledgeType.FACTUAL
