"""The default graph store: one SQLite file (stdlib ``sqlite3``, WAL journal).

Design.  Every write goes through :meth:`SQLiteStore.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``,
savepoints when nested), so a crash or a ``kill -9`` leaves the store exactly as it was after the
last committed transaction; WAL keeps readers (``stats``, ``show``) working while a run writes.
Ingestion is bulk-first: :meth:`SQLiteStore.add_knowledge_many` resolves entities, rewrites item
references to canonical entity ids, and writes items and observations with ``executemany`` over
prepared statements, then recomputes the confidence of only the items it touched.

Evidence.  An observation is one (item, source, extractor) triple with its span and confidence;
the primary key makes re-ingesting the same evidence a no-op, which is what makes runs idempotent
and resumable.  An item's stored confidence is the noisy-or ``1 − Π(1 − cₛ)`` over its independent
sources ``s`` (a teacher call — keyed by its request when the teacher is deterministic, by request
and answer when it sampled, so two samples are two sources: :func:`exchange_key` — or the knowledge
record when there was no call), where ``cₛ`` is the
best confidence any extractor gave from that source — the same rule as
:class:`~grapheme_distill.model.graph.KnowledgeGraph`, so :meth:`recompute_confidence` can rebuild
every value from the kept evidence.  Asserted and negated versions of a triple are different items
and both stay; :meth:`contradictions` reports the pairs.

Entity resolution on upsert, to avoid the duplicate entities users hate: an incoming entity is
mapped to an existing one with the same normalised name (:attr:`Entity.key`) and a compatible type
(equal, or either side generic ``CONCEPT``/``OTHER``), else to one that has that name as an alias,
else — when ``fuzzy_threshold`` is set — to the closest name by rapidfuzz ratio among entities
sharing the first two characters.  A merge leaves a redirect (old id → canonical id) so later
knowledge naming the old id lands on the same entity, and aliases (including those taught by
alias/abbreviation/synonym linguistic items) are kept for lookup.
"""

from __future__ import annotations

import json
import math
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, Self

from grapheme_distill.errors import MigrationError, StoreError
from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.hashing import content_hash, normalise_name
from grapheme_distill.model.knowledge import (
    Attribute,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    Item,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
    Span,
)
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store.base import StoreStats
from grapheme_distill.store.migrations import migrate, schema_version
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, TokenLogprob, Usage

__all__ = ["Observation", "SQLiteStore", "entity_refs", "exchange_key", "remap_item", "types_compatible"]

_GENERIC = {EntityType.CONCEPT.value, EntityType.OTHER.value}
_ALIAS_KINDS = {LinguisticKind.ALIAS, LinguisticKind.ABBREVIATION, LinguisticKind.SYNONYM}
_TABLES = ("relations", "attributes", "procedures", "hierarchy", "linguistic")
_KIND_TABLE = {
    "relation": "relations",
    "attribute": "attributes",
    "procedure": "procedures",
    "hierarchy": "hierarchy",
    "linguistic": "linguistic",
}
#: For each table, the columns that hold entity ids and the column that marks the item's "owner"
#: (the entity whose facts it states — used by REPLACE merges).
_ENTITY_COLUMNS = {
    "relations": ("subject", "object"),
    "attributes": ("entity",),
    "procedures": ("entity",),
    "hierarchy": ("parent", "child"),
    "linguistic": ("entity",),
}
OWNER_COLUMN = {
    "relations": "subject",
    "attributes": "entity",
    "procedures": "entity",
    "hierarchy": "child",
    "linguistic": "entity",
}
_INSERT_ITEM = {
    "relations": "INSERT OR IGNORE INTO relations(id, subject, predicate, object, negated, "
    "qualifiers, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "attributes": "INSERT OR IGNORE INTO attributes(id, entity, name, value, datatype, confidence) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    "procedures": "INSERT OR IGNORE INTO procedures(id, goal, steps, entity, confidence) "
    "VALUES (?, ?, ?, ?, ?)",
    "hierarchy": "INSERT OR IGNORE INTO hierarchy(id, parent, child, relation, confidence) "
    "VALUES (?, ?, ?, ?, ?)",
    "linguistic": "INSERT OR IGNORE INTO linguistic(id, entity, relation, value, confidence) "
    "VALUES (?, ?, ?, ?, ?)",
}
_SELECT_ITEM = {
    "relations": "SELECT id, subject, predicate, object, negated, qualifiers, confidence FROM relations",
    "attributes": "SELECT id, entity, name, value, datatype, confidence FROM attributes",
    "procedures": "SELECT id, goal, steps, entity, confidence FROM procedures",
    "hierarchy": "SELECT id, parent, child, relation, confidence FROM hierarchy",
    "linguistic": "SELECT id, entity, relation, value, confidence FROM linguistic",
}
_INSERT_OBS = (
    "INSERT OR IGNORE INTO observations(item_id, source, extractor, span_start, span_end, "
    "confidence) VALUES (?, ?, ?, ?, ?, ?)"
)
_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _sampled(request: TeacherRequest) -> bool:
    return request.temperature > 0.0


def exchange_key(request: TeacherRequest, response: TeacherResponse) -> str:
    """The key a teacher exchange is recorded under, and the evidence source of what it taught.

    A deterministic request (temperature 0) is keyed by the request alone: asking it again gives
    the same answer, so a second recording is not new evidence.  A sampled request (temperature
    > 0) is keyed by the request *and* the answer text: two different samples are two independent
    sources for the noisy-or, while the same answer read twice stays one.  The key depends on
    nothing but the exchange, so two stores that saw the same sample merge it as one source.
    """
    request_hash = request.content_hash()
    if not _sampled(request):
        return request_hash
    return content_hash("sample", request_hash, response.text)


def _item_row(item: Item) -> tuple[Any, ...]:
    if isinstance(item, Relation):
        quals = json.dumps(item.qualifiers, sort_keys=True) if item.qualifiers else "{}"
        return (item.id, item.subject, item.predicate, item.object, int(item.negated), quals,
                item.confidence)
    if isinstance(item, Attribute):
        return (item.id, item.entity, item.name, item.value, item.datatype, item.confidence)
    if isinstance(item, Procedure):
        return (item.id, item.goal, json.dumps(list(item.steps)), item.entity, item.confidence)
    if isinstance(item, HierarchyEdge):
        return (item.id, item.parent, item.child, item.relation.value, item.confidence)
    return (item.id, item.entity, item.relation.value, item.value, item.confidence)


def _row_item(table: str, row: Sequence[Any]) -> Item:
    if table == "relations":
        return Relation(id=row[0], subject=row[1], predicate=row[2], object=row[3],
                        negated=bool(row[4]), qualifiers=json.loads(row[5]), confidence=row[6])
    if table == "attributes":
        return Attribute(id=row[0], entity=row[1], name=row[2], value=row[3], datatype=row[4],
                         confidence=row[5])
    if table == "procedures":
        return Procedure(id=row[0], goal=row[1], steps=tuple(json.loads(row[2])), entity=row[3],
                         confidence=row[4])
    if table == "hierarchy":
        return HierarchyEdge(id=row[0], parent=row[1], child=row[2], relation=row[3],
                             confidence=row[4])
    return LinguisticItem(id=row[0], entity=row[1], relation=row[2], value=row[3],
                          confidence=row[4])


def entity_refs(item: Item) -> tuple[str, ...]:
    """The entity ids an item refers to."""
    cls = type(item)  # identity checks: this runs once per observation
    if cls is Relation:
        return (item.subject, item.object)  # type: ignore[union-attr]
    if cls is HierarchyEdge:
        return (item.parent, item.child)  # type: ignore[union-attr]
    if cls is Procedure:
        return (item.entity,) if item.entity else ()  # type: ignore[union-attr]
    return (item.entity,)  # type: ignore[union-attr,return-value]


_REF_FIELDS: dict[type, tuple[str, ...]] = {
    Relation: ("subject", "object"),
    HierarchyEdge: ("parent", "child"),
    Attribute: ("entity",),
    LinguisticItem: ("entity",),
    Procedure: ("entity",),
}


def remap_item(item: Item, mapping: dict[str, str]) -> Item:
    """The item with its entity references rewritten through ``mapping`` (and a fresh id, since
    ids hash the references).  Returns the item itself when nothing changes."""
    update = {}
    for f in _REF_FIELDS[type(item)]:
        ref = getattr(item, f)
        if ref is not None and ref in mapping and mapping[ref] != ref:
            update[f] = mapping[ref]
    if not update:
        return item
    data = item.model_dump()
    data.update(update)
    data["id"] = ""
    return type(item).model_validate(data)


class Observation(NamedTuple):
    """One piece of evidence for one item, as it is stored (a tuple: built a million times)."""

    item: Item
    source: str
    extractor: str
    confidence: float
    span: Span | None = None


def _noisy_or_sql(per_source: dict[str, float]) -> float:
    """Noisy-or over sources, computed exactly as the SQL recomputation does (one source keeps
    its value; ``1 − exp(Σ ln(1 − cₛ))`` otherwise), so both paths store the same numbers."""
    values = list(per_source.values())
    if len(values) == 1:
        return values[0]
    if max(values) >= 1.0:
        return 1.0
    return 1.0 - math.exp(sum(math.log(1.0 - c) for c in values))


def _has_sql_math(conn: sqlite3.Connection) -> bool:
    """Whether SQLite has ``ln``/``exp`` (3.35+ built with math functions) and ``UPDATE FROM``."""
    if sqlite3.sqlite_version_info < (3, 35, 0):
        return False
    try:
        conn.execute("SELECT ln(0.5), exp(1.0)").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


def types_compatible(a: str, b: str) -> bool:
    """Entity types that may name the same thing: equal, or either one generic."""
    return a == b or a in _GENERIC or b in _GENERIC


class SQLiteStore:
    """A :class:`~grapheme_distill.store.base.GraphStore` in one SQLite file.

    Args:
        path: the database file (created when missing); ``":memory:"`` for a throw-away store.
        fuzzy_threshold: when set (0–100), entities whose names score at least this rapidfuzz
            ratio against an existing entity's name are merged into it; off by default because a
            wrong merge is harder to undo than a duplicate.

    Raises:
        StoreError: the file cannot be opened or is not a SQLite database.
        MigrationError: the store was written by a newer grapheme-distill.
    """

    def __init__(self, path: str | Path, *, fuzzy_threshold: float | None = None) -> None:
        self.path = str(path)
        self.fuzzy_threshold = fuzzy_threshold
        self._depth = 0
        self._canon: dict[str, str] = {}  # entity id -> canonical entity id (cache)
        self._aliased: set[tuple[str, str]] = set()  # (canonical id, alias) already written
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}; check the path") from exc
        try:
            self._conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA cache_size = -524288")  # up to 512 MiB page cache, used as needed
            self._conn.execute("PRAGMA temp_store = MEMORY")
            migrate(self._conn, self.path)
            self._sql_math = _has_sql_math(self._conn)
            self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
        except MigrationError:
            self._conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(
                f"{self.path} is not a grapheme-distill store ({exc}); give a new path or an "
                "existing store"
            ) from exc

    # ------------------------------------------------------------------ plumbing
    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: commit on success, roll back on any error.  Nested calls use savepoints,
        so an inner failure that the caller catches undoes only the inner writes."""
        depth = self._depth
        try:
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot start a transaction: {exc}") from exc
        self._depth += 1
        try:
            yield
        except BaseException as exc:
            self._depth = depth
            self._canon.clear()  # resolutions made inside the transaction are undone
            self._aliased.clear()
            if depth == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO sp{depth}")
                self._conn.execute(f"RELEASE sp{depth}")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"store {self.path}: {exc}; nothing of this transaction was kept") from exc
            raise
        self._depth = depth
        try:
            self._conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: commit failed: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: query failed: {exc}") from exc

    def _chunked_rows(self, sql: str, ids: Sequence[str]) -> list[Any]:
        """Run ``sql`` (with one ``{ids}`` placeholder list) over ``ids`` in chunks."""
        out: list[Any] = []
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            out.extend(self._rows(sql.format(ids=",".join("?" * len(chunk))), chunk))
        return out

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ teacher calls
    def call_key(self, request: TeacherRequest, response: TeacherResponse) -> str:
        """The key this exchange is (or will be) recorded under: :func:`exchange_key`, except that
        a sampled answer recorded before schema version 4 (keyed by its request alone) keeps its
        old key, so re-reading an old transcript line stays a no-op."""
        key = exchange_key(request, response)
        if not _sampled(request):
            return key
        rows = self._rows(
            "SELECT call_hash FROM teacher_calls WHERE request_hash = ? AND response = ? LIMIT 1",
            (request.content_hash(), response.text))
        return str(rows[0][0]) if rows else key

    def record_call(
        self,
        request: TeacherRequest,
        response: TeacherResponse,
        *,
        prompt_template: str | None = None,
        prompt_template_hash: str | None = None,
        run_id: str | None = None,
        source: str | None = None,
    ) -> str:
        """Keep one teacher exchange; returns its key (:meth:`call_key`).

        A deterministic request (temperature 0) has one answer: the first recorded one is kept and
        a later one is the same call.  A sampled request keeps every distinct answer as its own
        call, so two samples are two independent sources of evidence, while the same answer read
        again (the same transcript line, in any file) is the same call.
        """
        call_hash = self.call_key(request, response)
        logprobs = (
            json.dumps([t.model_dump() for t in response.logprobs])
            if response.logprobs is not None else None
        )
        row = (
            call_hash, response.model or request.model, prompt_template, prompt_template_hash,
            json.dumps(request.sampling_params(), sort_keys=True), request.model_dump_json(),
            request.text, response.text, logprobs, response.latency_s,
            response.usage.prompt_tokens, response.usage.completion_tokens,
            response.finish_reason, source, run_id, _now(), request.content_hash(),
        )
        with self.transaction():
            self._conn.execute(
                "INSERT OR IGNORE INTO teacher_calls(call_hash, model, prompt_template, "
                "template_hash, params, request, prompt, response, logprobs, latency_s, "
                "prompt_tokens, completion_tokens, finish_reason, source, run_id, created_at, "
                "request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        return call_hash

    def call_sources(self, call_hashes: Sequence[str]) -> dict[str, str]:
        """Where each call came from (``file:line`` for transcripts), for provenance display."""
        return {h: src for h, src in self._chunked_rows(
            "SELECT call_hash, source FROM teacher_calls WHERE call_hash IN ({ids})", list(call_hashes)
        ) if src}

    def has_call(self, call_hash: str) -> bool:
        return bool(self._rows("SELECT 1 FROM teacher_calls WHERE call_hash = ?", (call_hash,)))

    def get_call(self, call_hash: str) -> tuple[TeacherRequest, TeacherResponse] | None:
        """The exchange recorded under ``call_hash``; given a request's hash, its first recorded
        answer (what a cache or a replay of that request serves, sampled or not)."""
        columns = ("SELECT request, response, model, logprobs, latency_s, prompt_tokens, "
                   "completion_tokens, finish_reason, request_hash FROM teacher_calls ")
        rows = (self._rows(columns + "WHERE call_hash = ?", (call_hash,))
                or self._rows(columns + "WHERE request_hash = ? ORDER BY rowid LIMIT 1", (call_hash,)))
        if not rows:
            return None
        req, text, model, logprobs, latency, p_tok, c_tok, finish, request_hash = rows[0]
        response = TeacherResponse(
            text=text,
            model=model,
            logprobs=(tuple(TokenLogprob.model_validate(t) for t in json.loads(logprobs))
                      if logprobs is not None else None),
            usage=Usage(prompt_tokens=p_tok, completion_tokens=c_tok),
            latency_s=latency,
            finish_reason=finish,
            request_hash=request_hash,
        )
        return TeacherRequest.model_validate_json(req), response

    def iter_calls(self) -> Iterator[tuple[TeacherRequest, TeacherResponse]]:
        """Every recorded exchange, oldest first (what a replay teacher can serve)."""
        for (call_hash,) in self._rows("SELECT call_hash FROM teacher_calls ORDER BY created_at, rowid"):
            pair = self.get_call(call_hash)
            if pair is not None:
                yield pair

    def is_processed(self, call_hash: str, extractor: str) -> bool:
        """Whether ``extractor`` (``name@version``) already turned this call into knowledge."""
        return bool(self._rows(
            "SELECT 1 FROM processed WHERE call_hash = ? AND extractor = ?", (call_hash, extractor)
        ))

    def mark_processed(self, call_hash: str, extractor: str, run_id: str | None = None) -> None:
        """Remember that ``extractor`` processed this call (commit it with the knowledge)."""
        with self.transaction():
            self._conn.execute(
                "INSERT OR IGNORE INTO processed(call_hash, extractor, run_id) VALUES (?, ?, ?)",
                (call_hash, extractor, run_id),
            )

    def usage_totals(self) -> dict[str, float]:
        """Calls, tokens and teacher latency recorded so far (cost visibility)."""
        row = self._rows(
            "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0),"
            " COALESCE(SUM(latency_s), 0) FROM teacher_calls"
        )[0]
        return {"calls": row[0], "prompt_tokens": row[1], "completion_tokens": row[2],
                "latency_s": row[3]}

    # ------------------------------------------------------------------ entities
    def _lookup_canonical(self, entity: Entity) -> str | None:
        """The existing entity ``entity`` resolves to, or None when it is new.

        One query, ranked: a redirect left by an earlier merge, the same id, the same normalised
        name with a compatible type, an alias with a compatible type; then (optionally) fuzzy.
        """
        key = entity.key
        etype = entity.type.value
        for rank, eid, other in self._rows(
            "SELECT 0, to_id, NULL FROM entity_redirects WHERE from_id = ?1 "
            "UNION ALL SELECT 1, id, type FROM entities WHERE id = ?1 "
            "UNION ALL SELECT 2, id, type FROM entities WHERE key = ?2 "
            "UNION ALL SELECT 3, e.id, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.key = ?2 ORDER BY 1, 2",
            (entity.id, key),
        ):
            if rank < 2 or types_compatible(etype, other):
                return str(eid)
        if self.fuzzy_threshold is not None and len(key) >= 5:
            return self._fuzzy_match(key, etype)
        return None

    def resolve_existing(self, entity: Entity) -> str | None:
        """The id of the stored entity ``entity`` would merge into, or None (nothing is written)."""
        return self._canon.get(entity.id) or self._lookup_canonical(entity)

    def existing_items(self, item_ids: Sequence[str]) -> set[str]:
        """Which of ``item_ids`` are stored (any kind)."""
        found: set[str] = set()
        for table in _TABLES:
            found.update(r[0] for r in self._chunked_rows(
                f"SELECT id FROM {table} WHERE id IN ({{ids}})", list(item_ids)))
        return found

    def _fuzzy_match(self, key: str, etype: str) -> str | None:
        from rapidfuzz import fuzz, process

        prefix = key[:2]
        rows = self._rows(
            "SELECT key, id, type FROM entities WHERE key >= ? AND key < ? LIMIT 5000",
            (prefix, prefix + "\U0010ffff"),
        )
        candidates = {k: (i, t) for k, i, t in rows if types_compatible(etype, t)}
        assert self.fuzzy_threshold is not None
        best = process.extractOne(key, list(candidates), scorer=fuzz.ratio,
                                  score_cutoff=self.fuzzy_threshold)
        return str(candidates[best[0]][0]) if best else None

    def _add_alias(self, entity_id: str, alias: str) -> None:
        key = normalise_name(alias)
        if key:
            self._conn.execute(
                "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
                (entity_id, key, alias),
            )

    def upsert_entity(self, entity: Entity) -> tuple[str, bool]:
        """Resolve ``entity`` against the store and insert it if it is new.

        Returns:
            (canonical id, whether a new entity row was created).
        """
        cached = self._canon.get(entity.id)
        if cached is not None and all((cached, a) in self._aliased for a in entity.aliases):
            return cached, False
        # inside a bulk transaction the outer one guards atomicity; a savepoint per entity costs
        with nullcontext() if self._depth else self.transaction():
            canon = cached or self._lookup_canonical(entity)
            new = canon is None
            if canon is None:
                canon = entity.id
                self._conn.execute(
                    "INSERT INTO entities(id, name, type, key) VALUES (?, ?, ?, ?)",
                    (entity.id, entity.name, entity.type.value, entity.key),
                )
            elif canon != entity.id:
                self._conn.execute(
                    "INSERT OR IGNORE INTO entity_redirects(from_id, to_id) VALUES (?, ?)",
                    (entity.id, canon),
                )
                if cached is None:
                    self._add_alias(canon, entity.name)
            for alias in entity.aliases:
                self._add_alias(canon, alias)
        self._canon[entity.id] = canon
        self._aliased.update((canon, a) for a in entity.aliases)
        return canon, new

    def _upsert_entities(self, entities: Sequence[Entity]) -> dict[str, str]:
        """Bulk :meth:`upsert_entity` with the same resolution, in the same order.

        The candidates for every unseen entity (redirects, ids, names, aliases) are fetched with a
        few chunked queries and the new rows written with ``executemany``; resolution then runs
        entity by entity against those candidates plus the entities created earlier in the batch,
        so the outcome is exactly that of calling :meth:`upsert_entity` in a loop (which fuzzy
        matching still does).  Must run inside a transaction.

        Returns:
            entity id -> canonical id, for the entities whose id changes.
        """
        mapping: dict[str, str] = {}
        pending: list[Entity] = []
        queued: set[tuple[str, tuple[str, ...]]] = set()
        canon_cache, aliased = self._canon, self._aliased
        for entity in entities:
            cached = canon_cache.get(entity.id)
            if cached is not None and (
                not entity.aliases or all((cached, a) in aliased for a in entity.aliases)
            ):
                if cached != entity.id:
                    mapping[entity.id] = cached
            elif (entity.id, entity.aliases) not in queued:  # repeats resolve the same way
                queued.add((entity.id, entity.aliases))
                pending.append(entity)
        if not pending:
            return mapping
        if self.fuzzy_threshold is not None:
            for entity in pending:
                resolved, _ = self.upsert_entity(entity)
                if resolved != entity.id:
                    mapping[entity.id] = resolved
            return mapping
        ids = sorted({e.id for e in pending})
        key_of = {e.id: e.key for e in pending}  # normalise once per entity
        keys = sorted({*key_of.values()} | {normalise_name(a) for e in pending for a in e.aliases})
        redirects = dict(self._chunked_rows(
            "SELECT from_id, to_id FROM entity_redirects WHERE from_id IN ({ids})", ids))
        types: dict[str, str] = dict(self._chunked_rows(
            "SELECT id, type FROM entities WHERE id IN ({ids})", ids))
        by_key: dict[str, list[str]] = defaultdict(list)
        for key, eid, etype in self._chunked_rows(
            "SELECT key, id, type FROM entities WHERE key IN ({ids})", keys):
            by_key[key].append(eid)
            types[eid] = etype
        by_alias: dict[str, list[str]] = defaultdict(list)
        for key, eid, etype in self._chunked_rows(
            "SELECT a.key, e.id, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.key IN ({ids})", keys):
            by_alias[key].append(eid)
            types[eid] = etype
        new_rows: list[tuple[str, str, str, str]] = []
        redirect_rows: list[tuple[str, str]] = []
        alias_rows: dict[tuple[str, str], str] = {}

        def add_alias(canon: str, alias: str) -> None:
            key = normalise_name(alias)
            if key and (canon, key) not in alias_rows:
                alias_rows[(canon, key)] = alias
                if canon not in by_alias[key]:
                    by_alias[key].append(canon)

        for entity in pending:
            cached = self._canon.get(entity.id)
            canon = cached or redirects.get(entity.id)
            if canon is None and entity.id in types:
                canon = entity.id
            if canon is None:
                etype = entity.type.value
                for table in (by_key, by_alias):
                    for eid in sorted(table.get(key_of[entity.id], ())):
                        if eid not in types:
                            types[eid] = self._rows("SELECT type FROM entities WHERE id = ?", (eid,))[0][0]
                        if types_compatible(etype, types[eid]):
                            canon = eid
                            break
                    if canon is not None:
                        break
            if canon is None:
                canon = entity.id
                new_rows.append((entity.id, entity.name, entity.type.value, key_of[entity.id]))
                types[entity.id] = entity.type.value
                by_key[key_of[entity.id]].append(entity.id)
            elif canon != entity.id:
                if entity.id not in redirects:
                    redirects[entity.id] = canon
                    redirect_rows.append((entity.id, canon))
                if cached is None:
                    add_alias(canon, entity.name)
            for alias in entity.aliases:
                add_alias(canon, alias)
            self._canon[entity.id] = canon
            self._aliased.update((canon, a) for a in entity.aliases)
            if canon != entity.id:
                mapping[entity.id] = canon
        self._conn.executemany("INSERT INTO entities(id, name, type, key) VALUES (?, ?, ?, ?)", new_rows)
        self._conn.executemany(
            "INSERT OR IGNORE INTO entity_redirects(from_id, to_id) VALUES (?, ?)", redirect_rows)
        self._conn.executemany(
            "INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?, ?, ?)",
            [(canon, key, alias) for (canon, key), alias in alias_rows.items()])
        return mapping

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._rows("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,))
        if rows:
            entity_id = rows[0][0]
        return self._entities([entity_id]).get(entity_id)

    def _entities(self, ids: Sequence[str]) -> dict[str, Entity]:
        rows = self._chunked_rows("SELECT id, name, type FROM entities WHERE id IN ({ids})", ids)
        aliases: dict[str, list[str]] = defaultdict(list)
        for eid, alias in self._chunked_rows(
            "SELECT entity_id, alias FROM aliases WHERE entity_id IN ({ids}) ORDER BY alias", ids
        ):
            aliases[eid].append(alias)
        return {
            eid: Entity(id=eid, name=name, type=etype, aliases=tuple(aliases.get(eid, ())))
            for eid, name, etype in rows
        }

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose id, normalised name or alias matches ``name`` (best connected first)."""
        key = normalise_name(name)
        ids = [r[0] for r in self._rows(
            "SELECT id FROM entities WHERE key = ? OR id = ? "
            "UNION SELECT entity_id FROM aliases WHERE key = ? "
            "UNION SELECT to_id FROM entity_redirects WHERE from_id = ?",
            (key, name, key, name),
        )]
        found = self._entities(ids)
        degree = {eid: self._degree(eid) for eid in found}
        return sorted(found.values(), key=lambda e: (-degree[e.id], e.name, e.id))

    def _degree(self, entity_id: str) -> int:
        total = 0
        for table, cols in _ENTITY_COLUMNS.items():
            for col in cols:
                total += self._rows(
                    f"SELECT COUNT(*) FROM {table} WHERE {col} = ?", (entity_id,)
                )[0][0]
        return total

    # ------------------------------------------------------------------ knowledge
    def add_knowledge(self, knowledge: DistilledKnowledge, *, run_id: str | None = None) -> int:
        return self.add_knowledge_many([knowledge], run_id=run_id)

    def add_knowledge_many(
        self, records: Iterable[DistilledKnowledge], *, run_id: str | None = None
    ) -> int:
        """Bulk :meth:`add_knowledge`: one transaction, ``executemany`` per table.

        ``run_id`` is accepted for the protocol; an observation reaches its run through its call
        (``teacher_calls.run_id`` and ``processed.run_id``), which keeps observation rows small.

        Returns:
            How many observations were new (0 when all this evidence was already stored).
        """
        entities: list[Entity] = []
        observations: list[Observation] = []
        for record in records:
            source = record.provenance.call_hash or record.id
            extractor = record.provenance.extractor
            entities.extend(record.entities)
            for item in record.items():
                observations.append(Observation(item, source, extractor, item.confidence, item.span))
        return self.add_observations(entities, observations)

    def add_observations(self, entities: Sequence[Entity], observations: Sequence[Observation]) -> int:
        """Upsert ``entities``, then the observed items (references rewritten to canonical
        entities) and their observations; recompute the touched items' confidence.

        Returns:
            How many observations were new.
        """
        with self.transaction():
            mapping = self._upsert_entities(entities)
            canon = self._canon
            refs = [entity_refs(obs.item) for obs in observations]
            # references to entities not given in this batch: one query for their redirects
            unknown = sorted({r for rs in refs for r in rs if r not in mapping and r not in canon})
            if unknown:
                found = dict(self._chunked_rows(
                    "SELECT from_id, to_id FROM entity_redirects WHERE from_id IN ({ids})", unknown))
                for ref in unknown:
                    canon[ref] = found.get(ref, ref)
            for rs in refs:
                for ref in rs:
                    if ref not in mapping and canon.get(ref, ref) != ref:
                        mapping[ref] = canon[ref]
            item_rows: dict[str, dict[str, tuple[Any, ...]]] = defaultdict(dict)
            obs_rows: list[tuple[Any, ...]] = []
            aliases: list[tuple[str, str]] = []
            batch_best: dict[str, dict[str, float]] = defaultdict(dict)
            first_seen: set[tuple[str, str, str]] = set()
            for obs, rs in zip(observations, refs, strict=True):
                item = obs.item
                if mapping and any(r in mapping for r in rs):
                    item = remap_item(item, mapping)
                table = _KIND_TABLE[item.kind]
                if item.id not in item_rows[table]:
                    item_rows[table][item.id] = _item_row(item)
                    if isinstance(item, LinguisticItem) and item.relation in _ALIAS_KINDS:
                        aliases.append((item.entity, item.value))
                span = obs.span
                obs_rows.append((
                    item.id, obs.source, obs.extractor,
                    span[0] if span else None, span[1] if span else None, obs.confidence,
                ))
                key = (item.id, obs.source, obs.extractor)
                if key not in first_seen:  # like INSERT OR IGNORE: the first observation stays
                    first_seen.add(key)
                    per_source = batch_best[item.id]
                    if obs.confidence > per_source.get(obs.source, -1.0):
                        per_source[obs.source] = obs.confidence
            # Items new to the store have all their evidence in this batch: their confidence is
            # computed here and written with the row; only items stored before are recomputed.
            stored_before: dict[str, list[str]] = {}
            for table, per_table in item_rows.items():
                stored_before[table] = [r[0] for r in self._chunked_rows(
                    f"SELECT id FROM {table} WHERE id IN ({{ids}})", list(per_table))]
                old = set(stored_before[table])
                rows = [(*row[:-1], _noisy_or_sql(batch_best[item_id]))
                        for item_id, row in per_table.items() if item_id not in old]
                self._conn.executemany(_INSERT_ITEM[table], rows)
            before = self._conn.total_changes
            self._conn.executemany(_INSERT_OBS, obs_rows)
            new = self._conn.total_changes - before
            for entity_id, alias in aliases:
                self._add_alias(entity_id, alias)
            for table, ids in stored_before.items():
                self._recompute(table, ids)
        return new

    def _recompute(self, table: str, ids: Sequence[str]) -> int:
        """Set the confidence of ``ids`` in ``table`` to the noisy-or of their sources.

        In SQL (one ``UPDATE … FROM`` over a temp table of the ids) when SQLite has its math
        functions, otherwise in Python; both compute ``1 − exp(Σ ln(1 − cₛ))`` / ``1 − Π(1 − cₛ)``
        over each source's best observation, and a single source keeps its value exactly.
        """
        if not ids:
            return 0
        if self._sql_math:
            self._conn.execute("DELETE FROM temp.touched")
            self._conn.executemany("INSERT OR IGNORE INTO temp.touched(id) VALUES (?)",
                                   [(i,) for i in ids])
            before = self._conn.total_changes
            self._conn.execute(
                f"UPDATE {table} AS t SET confidence = n.value FROM ("
                "  SELECT item_id, CASE WHEN count(*) = 1 THEN max(c) WHEN max(c) >= 1.0 THEN 1.0"
                "         ELSE 1.0 - exp(sum(ln(1.0 - c))) END AS value"
                # CROSS JOIN pins the loop order: touched ids outside, observation PK lookups
                # inside (left to itself the planner may scan every observation per batch)
                "  FROM (SELECT o.item_id, max(o.confidence) AS c FROM temp.touched k"
                "        CROSS JOIN observations o ON o.item_id = k.id GROUP BY o.item_id, o.source)"
                "  GROUP BY item_id) AS n "
                "WHERE t.id = n.item_id AND abs(t.confidence - n.value) > 1e-12"
            )
            return self._conn.total_changes - before
        best: dict[str, dict[str, float]] = defaultdict(dict)
        for item_id, source, conf in self._chunked_rows(
            "SELECT item_id, source, MAX(confidence) FROM observations "
            "WHERE item_id IN ({ids}) GROUP BY item_id, source", ids
        ):
            best[item_id][source] = conf
        updates = [(_noisy_or_sql(per), item_id) for item_id, per in best.items()]
        before = self._conn.total_changes
        self._conn.executemany(
            f"UPDATE {table} SET confidence = ? WHERE id = ? AND abs(confidence - ?) > 1e-12",
            [(v, i, v) for v, i in updates],
        )
        return self._conn.total_changes - before

    def recompute_confidence(self) -> int:
        """Recompute every item's confidence from its observations (noisy-or over sources).

        Returns:
            How many stored confidences changed.
        """
        changed = 0
        with self.transaction():
            for table in _TABLES:
                ids = [r[0] for r in self._rows(f"SELECT id FROM {table}")]
                changed += self._recompute(table, ids)
        return changed

    def observations(self, item_id: str | None = None) -> list[tuple[Any, ...]]:
        """Raw observation rows ``(item_id, source, extractor, span_start, span_end, confidence)``,
        sorted; the whole evidence when ``item_id`` is None (used to compare runs)."""
        sql = ("SELECT item_id, source, extractor, span_start, span_end, confidence "
               "FROM observations")
        if item_id is not None:
            return self._rows(sql + " WHERE item_id = ? ORDER BY source, extractor", (item_id,))
        return self._rows(sql + " ORDER BY item_id, source, extractor")

    def delete_items(self, item_ids: Sequence[str]) -> int:
        """Remove items and their observations (used when new knowledge supersedes old)."""
        removed = 0
        with self.transaction():
            for i in range(0, len(item_ids), _CHUNK):
                chunk = list(item_ids[i : i + _CHUNK])
                marks = ",".join("?" * len(chunk))
                for table in _TABLES:
                    removed += self._conn.execute(
                        f"DELETE FROM {table} WHERE id IN ({marks})", chunk
                    ).rowcount
                self._conn.execute(f"DELETE FROM observations WHERE item_id IN ({marks})", chunk)
        return removed

    def fact_ids(self, entity_id: str) -> list[str]:
        """Ids of the items that state facts *about* ``entity_id`` (it is their subject/owner)."""
        ids: list[str] = []
        for table, col in OWNER_COLUMN.items():
            ids.extend(r[0] for r in self._rows(f"SELECT id FROM {table} WHERE {col} = ?", (entity_id,)))
        return ids

    # ------------------------------------------------------------------ soft targets
    def add_soft_target(self, target: SoftTarget, *, call_hash: str | None = None) -> bool:
        """Keep a teacher distribution; returns False when it was already stored."""
        position = target.metadata.get("position")
        with self.transaction():
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO soft_targets(id, call_hash, slot, position, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (target.id if call_hash is None else f"{call_hash}/{target.id}/{position}",
                 call_hash, target.slot, position if isinstance(position, int) else None,
                 target.model_dump_json()),
            )
        return cur.rowcount == 1

    def iter_soft_targets(self, call_hash: str | None = None) -> Iterator[SoftTarget]:
        if call_hash is None:
            rows = self._rows("SELECT data FROM soft_targets ORDER BY call_hash, position, id")
        else:
            rows = self._rows(
                "SELECT data FROM soft_targets WHERE call_hash = ? ORDER BY position, id", (call_hash,)
            )
        for (data,) in rows:
            yield SoftTarget.model_validate_json(data)

    # ------------------------------------------------------------------ runs and failures
    def begin_run(self, kind: str, params: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex
        with self.transaction():
            self._conn.execute(
                "INSERT INTO runs(id, kind, params, started_at) VALUES (?, ?, ?, ?)",
                (run_id, kind, json.dumps(params, sort_keys=True, default=str), _now()),
            )
        return run_id

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        with self.transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (_now(), json.dumps(summary, sort_keys=True, default=str), run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        return [
            {"id": r[0], "kind": r[1], "params": json.loads(r[2]), "started_at": r[3],
             "finished_at": r[4], "summary": json.loads(r[5]) if r[5] else None}
            for r in self._rows(
                "SELECT id, kind, params, started_at, finished_at, summary FROM runs ORDER BY started_at"
            )
        ]

    def record_failure(self, run_id: str | None, source: str, reason: str, raw: str = "") -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO failures(run_id, source, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)",
                (run_id, source, reason, raw, _now()),
            )

    def failures(self, run_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT run_id, source, reason, raw, created_at FROM failures"
        rows = self._rows(sql + " WHERE run_id = ? ORDER BY id", (run_id,)) if run_id else \
            self._rows(sql + " ORDER BY id")
        return [dict(zip(("run_id", "source", "reason", "raw", "created_at"), r, strict=True))
                for r in rows]

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of ``source`` (it has now been processed)."""
        with self.transaction():
            self._conn.execute("DELETE FROM failures WHERE source = ?", (source,))

    # ------------------------------------------------------------------ reading
    def _items_where(self, table: str, where: str, params: Sequence[Any]) -> list[Item]:
        return [_row_item(table, r) for r in self._rows(f"{_SELECT_ITEM[table]} WHERE {where}", params)]

    def _evidence(self, item_ids: Sequence[str]) -> dict[str, dict[str, Evidence]]:
        out: dict[str, dict[str, Evidence]] = defaultdict(dict)
        for item_id, source, extractor, s0, s1, conf in self._chunked_rows(
            "SELECT item_id, source, extractor, span_start, span_end, confidence FROM observations "
            "WHERE item_id IN ({ids}) ORDER BY item_id, source, extractor", item_ids
        ):
            old = out[item_id].get(source)
            if old is None or conf > old.confidence:
                out[item_id][source] = Evidence(
                    source=source, extractor=extractor, confidence=conf,
                    span=(s0, s1) if s0 is not None else None,
                )
        return dict(out)

    def neighbourhood(self, entity_id: str) -> KnowledgeGraph:
        """The entity, every item touching it (with evidence) and the entities at the other ends."""
        redirect = self._rows("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,))
        if redirect:
            entity_id = redirect[0][0]
        graph = KnowledgeGraph()
        items: list[Item] = []
        for table, cols in _ENTITY_COLUMNS.items():
            where = " OR ".join(f"{c} = ?" for c in cols)
            items.extend(self._items_where(table, where, [entity_id] * len(cols)))
        ids: set[str] = {entity_id}
        for item in items:
            graph._table(item)[item.id] = item
            ids.update(entity_refs(item))
        graph.entities.update(self._entities(sorted(ids)))
        graph.evidence.update(self._evidence([i.id for i in items]))
        return graph

    def to_knowledge_graph(self) -> KnowledgeGraph:
        graph = KnowledgeGraph()
        ids = [r[0] for r in self._rows("SELECT id FROM entities")]
        graph.entities.update(self._entities(ids))
        for table in _TABLES:
            for row in self._rows(_SELECT_ITEM[table]):
                item = _row_item(table, row)
                graph._table(item)[item.id] = item
        out: dict[str, dict[str, Evidence]] = defaultdict(dict)
        for item_id, source, extractor, s0, s1, conf in self._rows(
            "SELECT item_id, source, extractor, span_start, span_end, confidence FROM observations"
        ):
            old = out[item_id].get(source)
            if old is None or conf > old.confidence:
                out[item_id][source] = Evidence(
                    source=source, extractor=extractor, confidence=conf,
                    span=(s0, s1) if s0 is not None else None,
                )
        graph.evidence.update(out)
        return graph

    def contradictions(self) -> list[tuple[Relation, Relation]]:
        """Pairs (asserted, negated) of stored relations with the same subject, predicate, object."""
        cols = "id, subject, predicate, object, negated, qualifiers, confidence"
        rows = self._rows(
            f"SELECT {', '.join('a.' + c for c in cols.split(', '))}, "
            f"{', '.join('n.' + c for c in cols.split(', '))} FROM relations n JOIN relations a "
            "ON a.subject = n.subject AND a.predicate = n.predicate AND a.object = n.object "
            "WHERE n.negated = 1 AND a.negated = 0 ORDER BY a.id"
        )
        pairs: list[tuple[Relation, Relation]] = []
        for r in rows:
            a, n = _row_item("relations", r[:7]), _row_item("relations", r[7:])
            assert isinstance(a, Relation) and isinstance(n, Relation)
            pairs.append((a, n))
        return pairs

    def stats(self) -> StoreStats:
        def count(sql: str) -> int:
            return int(self._rows(sql)[0][0])

        return StoreStats(
            entities=count("SELECT COUNT(*) FROM entities"),
            aliases=count("SELECT COUNT(*) FROM aliases"),
            relations=count("SELECT COUNT(*) FROM relations"),
            attributes=count("SELECT COUNT(*) FROM attributes"),
            procedures=count("SELECT COUNT(*) FROM procedures"),
            hierarchy=count("SELECT COUNT(*) FROM hierarchy"),
            linguistic=count("SELECT COUNT(*) FROM linguistic"),
            observations=count("SELECT COUNT(*) FROM observations"),
            teacher_calls=count("SELECT COUNT(*) FROM teacher_calls"),
            soft_targets=count("SELECT COUNT(*) FROM soft_targets"),
            runs=count("SELECT COUNT(*) FROM runs"),
            failures=count("SELECT COUNT(*) FROM failures"),
            contradictions=count(
                "SELECT COUNT(*) FROM relations n JOIN relations a ON a.subject = n.subject AND "
                "a.predicate = n.predicate AND a.object = n.object WHERE n.negated = 1 AND a.negated = 0"
            ),
            schema_version=self.schema_version,
        )

