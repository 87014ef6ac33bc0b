"""Browsing a store: its teacher calls, one call in full, its entities, its cost per model.

Every item in a store points at the teacher calls that taught it (evidence ``source`` = the call's
hash); this module turns those hashes back into something a person reads: which teacher, model and
prompt template asked, what it answered, what it cost, and what was extracted from the answer.
It reads only through the :class:`~grapheme_distill.store.base.GraphStore` protocol, so it works
on every backend; the CLI's ``calls``, ``call``, ``entities``, ``stats`` and ``show`` print it.

Cost is computed from the recorded tokens with a :class:`~grapheme_distill.teachers.pricing.PriceTable`
(the defaults, or a run config's ``[prices]``); a model the table does not price costs ``None``
(unknown), never a silent zero.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from pydantic import BaseModel, Field

from grapheme_distill.errors import ConfigError, StoreError
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import EntityType
from grapheme_distill.store.base import GraphStore
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.pricing import PriceTable

__all__ = [
    "CallDetail",
    "CallSummary",
    "EntitySummary",
    "ModelUsage",
    "call_detail",
    "describe_item",
    "list_calls",
    "list_entities",
    "source_labels",
    "usage_by_model",
]

PREVIEW = 80


class CallSummary(BaseModel):
    """One teacher exchange, as a line of ``grapheme-distill calls``."""

    hash: str
    teacher: str | None = None
    model: str | None = None
    template: str | None = None
    topic: str | None = None
    source: str | None = None
    prompt: str
    answer: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    latency_s: float = 0.0
    items: int = 0


class CallDetail(CallSummary):
    """One exchange in full: the prompt and answer whole, sampling, and what was extracted."""

    messages: list[dict[str, str]] = Field(default_factory=list)
    sampling: dict[str, Any] = Field(default_factory=dict)
    finish_reason: str | None = None
    extracted: list[dict[str, Any]] = Field(default_factory=list)


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    items: int
    confidence: float


class ModelUsage(BaseModel):
    model: str
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None


def _preview(text: str, width: int = PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _teachers(store: GraphStore) -> dict[str, str]:
    """run kind -> the teacher its last run used (topic runs record it in their params)."""
    found: dict[str, str] = {}
    for run in store.runs():
        teacher = (run.get("params") or {}).get("teacher")
        if isinstance(teacher, str):
            found[run["kind"]] = teacher
    return found


def _teacher_of(source: str | None, teachers: dict[str, str]) -> str | None:
    if source is None:
        return None
    if source.startswith("topic:"):
        return next(
            (t for kind, t in teachers.items() if "topic" in kind),
            next(iter(teachers.values()), None),
        )
    return "transcript"


def _summary(
    call_hash: str,
    request: TeacherRequest,
    response: TeacherResponse,
    source: str | None,
    teachers: dict[str, str],
    prices: PriceTable,
    items: int,
    cls: type[CallSummary] = CallSummary,
    **extra: Any,
) -> Any:
    meta = request.metadata
    model = response.model or request.model
    prompt = (
        request.prompt
        if request.prompt is not None
        else "\n".join(m.content for m in request.chat_messages() if m.role != "system") or ""
    )
    return cls(
        hash=call_hash,
        teacher=_teacher_of(source, teachers),
        model=model,
        template=meta.get("template"),
        topic=meta.get("topic"),
        source=source,
        prompt=prompt,
        answer=response.text,
        prompt_tokens=response.usage.prompt_tokens,
        completion_tokens=response.usage.completion_tokens,
        cost_usd=prices.cost(model, response.usage),
        latency_s=response.latency_s,
        items=items,
        **extra,
    )


def _items_per_source(store: GraphStore) -> Counter[str]:
    return Counter(row[1] for row in store.observations())


def list_calls(
    store: GraphStore,
    *,
    search: str | None = None,
    limit: int | None = None,
    prices: PriceTable | None = None,
) -> list[CallSummary]:
    """Every recorded exchange, oldest first; ``search`` keeps those whose prompt, answer, model,
    template or source contains it (case-insensitive).  Prompt and answer are one-line previews."""
    prices = prices or PriceTable()
    teachers = _teachers(store)
    pairs = [(store.call_key(req, resp), req, resp) for req, resp in store.iter_calls()]
    sources = store.call_sources([h for h, _, _ in pairs])
    counts = _items_per_source(store)
    needle = search.casefold() if search else None
    out: list[CallSummary] = []
    for call_hash, req, resp in pairs:
        summary = _summary(
            call_hash, req, resp, sources.get(call_hash), teachers, prices, counts[call_hash]
        )
        if needle is not None and not any(
            needle in (text or "").casefold()
            for text in (
                summary.prompt,
                summary.answer,
                summary.model,
                summary.template,
                summary.source,
                summary.topic,
                call_hash,
            )
        ):
            continue
        out.append(
            summary.model_copy(
                update={"prompt": _preview(summary.prompt), "answer": _preview(summary.answer)}
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def _resolve_hash(store: GraphStore, call_hash: str) -> str:
    if store.has_call(call_hash):
        return call_hash
    prefix = call_hash if call_hash.startswith("sha256:") else "sha256:" + call_hash
    matches = {store.call_key(req, resp) for req, resp in store.iter_calls()}
    found = sorted(h for h in matches if h.startswith(prefix))
    if len(found) == 1:
        return found[0]
    if not found:
        raise StoreError(
            f"no teacher call {call_hash!r} in this store; "
            "`grapheme-distill calls --store …` lists them"
        )
    raise StoreError(f"{call_hash!r} matches {len(found)} calls; give more of the hash")


def describe_item(item: Any, graph: KnowledgeGraph) -> str:
    """A human statement of an item, with entity names instead of ids."""

    def name(entity_id: str | None) -> str:
        entity = graph.entities.get(entity_id or "")
        return entity.name if entity else (entity_id or "-")

    kind = item.kind
    if kind == "relation":
        return (
            f"{name(item.subject)} {'NOT ' if item.negated else ''}{item.predicate} "
            f"{name(item.object)}"
        )
    if kind == "hierarchy":
        return f"{name(item.child)} {item.relation.value} {name(item.parent)}"
    if kind == "attribute":
        return f"{name(item.entity)}.{item.name} = {item.value}"
    if kind == "linguistic":
        return f"{name(item.entity)} {item.relation.value}: {item.value}"
    return f"{item.goal}: " + " → ".join(item.steps)


def call_detail(
    store: GraphStore, call_hash: str, *, prices: PriceTable | None = None
) -> CallDetail:
    """The exchange recorded under ``call_hash`` (or a unique prefix of it) in full, with every
    item extracted from its answer (statement, confidence, extractor and answer span).

    Raises:
        StoreError: no call, or more than one, has that hash or prefix.
    """
    full = _resolve_hash(store, call_hash)
    pair = store.get_call(full)
    assert pair is not None
    request, response = pair
    graph = store.to_knowledge_graph()
    extracted: list[dict[str, Any]] = []
    for item in graph.iter_items():
        ev = graph.evidence.get(item.id, {}).get(full)
        if ev is None:
            continue
        extracted.append(
            {
                "id": item.id,
                "kind": item.kind,
                "statement": describe_item(item, graph),
                "confidence": ev.confidence,
                "extractor": ev.extractor,
                "span": list(ev.span) if ev.span else None,
                "text": response.text[ev.span[0] : ev.span[1]] if ev.span else None,
            }
        )
    extracted.sort(key=lambda e: (e["span"] or [0])[0])
    messages = [{"role": m.role, "content": m.content} for m in request.chat_messages()]
    detail: CallDetail = _summary(
        full,
        request,
        response,
        store.call_sources([full]).get(full),
        _teachers(store),
        prices or PriceTable(),
        len(extracted),
        cls=CallDetail,
        messages=messages,
        sampling=request.sampling_params(),
        finish_reason=response.finish_reason,
        extracted=extracted,
    )
    return detail


def list_entities(
    store: GraphStore,
    *,
    search: str | None = None,
    type: str | None = None,
    limit: int | None = None,
) -> list[EntitySummary]:
    """Entities, best connected first; ``search`` keeps names or aliases containing it
    (case-insensitive), ``type`` one entity type (PERSON, LOCATION …).

    Raises:
        ConfigError: ``type`` is not an entity type.
    """
    if type is not None and type.upper() not in EntityType.__members__:
        raise ConfigError(
            f"unknown entity type {type!r}; one of {', '.join(EntityType.__members__)}"
        )
    graph = store.to_knowledge_graph()
    touching: Counter[str] = Counter()
    best: dict[str, float] = defaultdict(float)
    for item in graph.iter_items():
        for ref in set(item.entity_refs()):
            touching[ref] += 1
            best[ref] = max(best[ref], item.confidence)
    needle = search.casefold() if search else None
    out = []
    for e in graph.entities.values():
        if type is not None and e.type.value != type.upper():
            continue
        if needle is not None and not any(needle in n.casefold() for n in (e.name, *e.aliases)):
            continue
        out.append(
            EntitySummary(
                id=e.id,
                name=e.name,
                type=e.type.value,
                aliases=list(e.aliases),
                items=touching[e.id],
                confidence=round(best[e.id], 6),
            )
        )
    out.sort(key=lambda s: (-s.items, s.name.casefold(), s.id))
    return out[:limit] if limit is not None else out


def usage_by_model(store: GraphStore, *, prices: PriceTable | None = None) -> list[ModelUsage]:
    """Calls, tokens and cost per model (cost None when the price table does not know it)."""
    prices = prices or PriceTable()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    costs: dict[str, float | None] = {}
    for request, response in store.iter_calls():
        model = response.model or request.model or "unknown"
        row = totals[model]
        row[0] += 1
        row[1] += response.usage.prompt_tokens
        row[2] += response.usage.completion_tokens
        cost = prices.cost(model, response.usage)
        previous = costs.get(model, 0.0)
        costs[model] = None if cost is None or previous is None else previous + cost
    return [
        ModelUsage(model=m, calls=c, prompt_tokens=p, completion_tokens=o, cost_usd=costs[m])
        for m, (c, p, o) in sorted(totals.items())
    ]


def source_labels(store: GraphStore, call_hashes: list[str]) -> dict[str, dict[str, Any]]:
    """For ``show``: per evidence source, the teacher, model and template that produced it and
    where it was read (``file:line`` or ``topic:…``); sources that are not calls are left out."""
    teachers = _teachers(store)
    where = store.call_sources(call_hashes)
    out: dict[str, dict[str, Any]] = {}
    for call_hash in call_hashes:
        pair = store.get_call(call_hash)
        if pair is None:
            continue
        request, response = pair
        out[call_hash] = {
            "teacher": _teacher_of(where.get(call_hash), teachers),
            "model": response.model or request.model,
            "template": request.metadata.get("template"),
            "where": where.get(call_hash),
        }
    return out
