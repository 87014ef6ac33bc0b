"""Numbered schema migrations for the SQLite store.

A migration is a plain numbered step (version, name, SQL); the store's schema version lives in
SQLite's ``PRAGMA user_version`` and every applied step is also recorded, with its name and time,
in the ``migrations`` table so an operator can see the history.  :func:`migrate` runs the pending
steps, each inside its own transaction, so a crash mid-migration leaves the store at the previous
version rather than half-changed.  A store whose version is *newer* than this code knows is
refused with :class:`MigrationError` instead of being opened and damaged by old code.

Design notes on the schema (version 1): ids are the content hashes of the model
(``sha256:…``), so ingesting the same knowledge twice finds the same rows; items keep their
aggregated ``confidence`` next to them for fast reads, while the evidence that produced it lives in
``observations`` (one row per item × source × extractor, unique, so re-ingesting adds nothing) and
can recompute it at any time; ``processed`` remembers which calls an extractor@version has already
turned into knowledge, so a resumed run skips them.  ``teacher_calls.call_hash`` is the request's
hash for a deterministic request and a per-answer hash for a sampled one (version 4 adds
``request_hash`` to find every answer to one request).  Entities merged by resolution leave a row in
``entity_redirects`` so
that later knowledge naming the old id lands on the canonical entity.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from grapheme_distill.errors import MigrationError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "migrate", "pending", "schema_version"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_V1 = """
CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE TABLE teacher_calls (
    call_hash TEXT PRIMARY KEY,
    model TEXT,
    prompt_template TEXT,
    template_hash TEXT,
    params TEXT NOT NULL,
    request TEXT NOT NULL,
    prompt TEXT NOT NULL,
    response TEXT NOT NULL,
    logprobs TEXT,
    latency_s REAL NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    finish_reason TEXT,
    source TEXT,
    run_id TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_key ON entities(key);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL,
    key TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);
CREATE TABLE entity_redirects (
    from_id TEXT PRIMARY KEY,
    to_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    negated INTEGER NOT NULL,
    qualifiers TEXT NOT NULL,
    confidence REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX relations_spo ON relations(subject, predicate, object);
CREATE INDEX relations_object ON relations(object);
CREATE TABLE attributes (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    datatype TEXT NOT NULL,
    confidence REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX attributes_entity ON attributes(entity);
CREATE TABLE procedures (
    id TEXT PRIMARY KEY,
    goal TEXT NOT NULL,
    steps TEXT NOT NULL,
    entity TEXT,
    confidence REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX procedures_entity ON procedures(entity);
CREATE TABLE hierarchy (
    id TEXT PRIMARY KEY,
    parent TEXT NOT NULL,
    child TEXT NOT NULL,
    relation TEXT NOT NULL,
    confidence REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX hierarchy_parent ON hierarchy(parent);
CREATE INDEX hierarchy_child ON hierarchy(child);
CREATE TABLE linguistic (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    relation TEXT NOT NULL,
    value TEXT NOT NULL,
    confidence REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX linguistic_entity ON linguistic(entity);
CREATE TABLE observations (
    item_id TEXT NOT NULL,
    source TEXT NOT NULL,
    extractor TEXT NOT NULL,
    kind TEXT NOT NULL,
    knowledge_id TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    confidence REAL NOT NULL,
    run_id TEXT,
    PRIMARY KEY (item_id, source, extractor)
) WITHOUT ROWID;
CREATE TABLE soft_targets (
    id TEXT PRIMARY KEY,
    call_hash TEXT,
    slot TEXT NOT NULL,
    position INTEGER,
    data TEXT NOT NULL
);
CREATE INDEX soft_targets_call ON soft_targets(call_hash);
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    summary TEXT
);
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id TEXT,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX failures_source ON failures(source);
CREATE TABLE processed (
    call_hash TEXT NOT NULL,
    extractor TEXT NOT NULL,
    run_id TEXT,
    PRIMARY KEY (call_hash, extractor)
) WITHOUT ROWID;
"""

_V3 = """
CREATE TABLE observations_v3 (
    item_id TEXT NOT NULL,
    source TEXT NOT NULL,
    extractor TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    confidence REAL NOT NULL,
    PRIMARY KEY (item_id, source, extractor)
) WITHOUT ROWID;
INSERT INTO observations_v3
    SELECT item_id, source, extractor, span_start, span_end, confidence FROM observations;
DROP TABLE observations;
ALTER TABLE observations_v3 RENAME TO observations
"""

_V4 = """
ALTER TABLE teacher_calls ADD COLUMN request_hash TEXT;
UPDATE teacher_calls SET request_hash = call_hash;
CREATE INDEX teacher_calls_request ON teacher_calls(request_hash)
"""

_V5 = """
CREATE TABLE crawl_frontier (
    crawl TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    depth INTEGER NOT NULL,
    parent TEXT,
    status TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (crawl, key)
) WITHOUT ROWID;
CREATE INDEX crawl_frontier_pending ON crawl_frontier(crawl, status, depth, seq);
CREATE TABLE crawl_state (
    crawl TEXT PRIMARY KEY,
    params TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    outcome TEXT
);
CREATE TABLE crawl_metrics (
    crawl TEXT NOT NULL,
    run_id TEXT NOT NULL,
    at_request INTEGER NOT NULL,
    frontier INTEGER NOT NULL,
    visited INTEGER NOT NULL,
    new_entities INTEGER NOT NULL,
    new_facts INTEGER NOT NULL,
    PRIMARY KEY (crawl, run_id, at_request)
) WITHOUT ROWID;
CREATE TABLE crawl_disagreements (
    crawl TEXT NOT NULL,
    item_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    teachers TEXT NOT NULL,
    PRIMARY KEY (crawl, item_id)
) WITHOUT ROWID
"""

_V6 = """
CREATE TABLE entity_variants (
    key TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_variants_entity ON entity_variants(entity_id)
"""

_V7 = """
CREATE TABLE merges (
    id INTEGER PRIMARY KEY,
    from_id TEXT NOT NULL,
    into_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,
    aliases TEXT NOT NULL,
    added_alias TEXT,
    redirects TEXT NOT NULL,
    undone_at TEXT
);
CREATE TABLE merge_items (
    merge_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    old_id TEXT NOT NULL,
    old_row TEXT NOT NULL,
    new_id TEXT NOT NULL,
    new_existed INTEGER NOT NULL,
    observations TEXT NOT NULL,
    PRIMARY KEY (merge_id, old_id)
) WITHOUT ROWID
"""

#: Every migration, in order.  Append new ones; never edit an applied one.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _V1),
    # contradiction checks start from the (few) negated relations instead of scanning them all
    Migration(
        2,
        "index negated relations",
        "CREATE INDEX IF NOT EXISTS relations_negated "
        "ON relations(subject, predicate, object) WHERE negated = 1",
    ),
    # observations shrink to what evidence needs (item, source, extractor, span, confidence):
    # the run and record are reachable through the call, and half-size rows ingest twice as fast
    Migration(3, "slim observations", _V3),
    # a call is keyed by request *and* answer when the teacher sampled (temperature > 0), so two
    # answers to one request are two calls; request_hash finds every sample of a request (caches,
    # replay) and, backfilled from the old request-keyed rows, keeps those rows' keys valid
    Migration(4, "calls keep their request hash", _V4),
    # a crawl's frontier, visited set, budget and per-run metrics live in the store, so a killed
    # crawl resumes where it stopped and asks nothing twice (grapheme_distill.crawl)
    Migration(5, "crawl frontier", _V5),
    # the variant and token keys of the rule and fuzzy resolution stages
    # (grapheme_distill.resolution.variants); filled lazily by the first resolution that needs
    # them, since only Python can compute them, and kept by every later entity insert
    Migration(6, "entity variant keys", _V6),
    # late merges (an alias learned after the facts) are logged with everything they changed,
    # so `unmerge` can take one back (grapheme_distill.store.sqlite.merges)
    Migration(7, "merge log", _V7),
)

#: The version this code writes and expects.
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The store's schema version (0 for a fresh, empty database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(
    conn: sqlite3.Connection, path: str, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[Migration]:
    """The migrations this store still needs (none for a current one); reads only.

    Raises:
        MigrationError: the store is newer than this code.
    """
    current = schema_version(conn)
    newest = migrations[-1].version
    if current > newest:
        raise MigrationError(
            f"store {path} has schema version {current}, but this grapheme-distill only knows "
            f"versions up to {newest}; upgrade grapheme-distill to open it"
        )
    return [step for step in migrations if step.version > current]


def migrate(
    conn: sqlite3.Connection,
    path: str,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[int]:
    """Bring the schema up to the newest version; returns the versions applied.

    Raises:
        MigrationError: the store is newer than this code, or a step failed (the store is left
            at the last completed version).
    """
    applied: list[int] = []
    for step in pending(conn, path, migrations):
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in step.sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (step.version, step.name, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(
                f"store {path}: migration {step.version} ({step.name}) failed: {exc}; the store "
                f"was left at version {schema_version(conn)}"
            ) from exc
        applied.append(step.version)
    return applied
