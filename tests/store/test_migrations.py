"""Schema versions: numbered migrations, checked when a store is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from grapheme_distill import MigrationError, StoreError
from grapheme_distill.store import SCHEMA_VERSION, open_store
from grapheme_distill.store.migrations import MIGRATIONS, Migration, migrate, schema_version


def test_new_store_is_at_current_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    assert store.schema_version == SCHEMA_VERSION == store.stats().schema_version
    store.close()
    conn = sqlite3.connect(tmp_path / "g.db")
    assert [r[0] for r in conn.execute("SELECT version FROM migrations")] == [
        m.version for m in MIGRATIONS
    ]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_store_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "g.db").close()
    conn = sqlite3.connect(tmp_path / "g.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(MigrationError, match="upgrade grapheme-distill"):
        open_store(tmp_path / "g.db")


def test_pending_migrations_apply_in_order_and_failed_ones_roll_back(tmp_path: Path) -> None:
    open_store(tmp_path / "g.db").close()
    conn = sqlite3.connect(tmp_path / "g.db", isolation_level=None)
    extra = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "add notes", "CREATE TABLE notes (x TEXT)"))
    assert migrate(conn, "g.db", extra) == [SCHEMA_VERSION + 1]
    assert migrate(conn, "g.db", extra) == []
    broken = (
        *extra,
        Migration(SCHEMA_VERSION + 2, "broken", "CREATE TABLE ok2 (x); CREATE TABLE notes (y)"),
    )
    with pytest.raises(MigrationError, match="left at version"):
        migrate(conn, "g.db", broken)
    assert schema_version(conn) == SCHEMA_VERSION + 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'ok2'").fetchone() is None


def test_non_database_file_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a grapheme-distill store"):
        open_store(bad)


def test_old_store_is_migrated_on_open(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(conn, "old.db", MIGRATIONS[:1])  # a store written by the first release
    conn.execute(
        "INSERT INTO observations VALUES ('sha256:i', 'sha256:c', 'rules@1', 'relation', "
        "'sha256:k', 0, 5, 0.8, 'run')"
    )
    conn.close()
    store = open_store(tmp_path / "old.db")
    assert store.schema_version == SCHEMA_VERSION >= 3
    assert store.observations() == [("sha256:i", "sha256:c", "rules@1", 0, 5, 0.8)]  # data kept
    store.close()
    conn = sqlite3.connect(tmp_path / "old.db")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "relations_negated" in names
    assert [r[0] for r in conn.execute("SELECT version FROM migrations ORDER BY 1")] == [
        m.version for m in MIGRATIONS
    ]


def test_v4_keeps_old_call_keys_valid_for_sampled_answers(tmp_path: Path) -> None:
    """A sampled answer recorded under its request's hash before version 4 keeps that key (so
    re-reading its transcript line adds nothing), while a new answer gets its own key."""
    from grapheme_distill import TeacherRequest, TeacherResponse

    request = TeacherRequest(prompt="Tell me about Paris.", temperature=0.7)
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(conn, "old.db", MIGRATIONS[:3])
    conn.execute(
        "INSERT INTO teacher_calls(call_hash, params, request, prompt, response, created_at) "
        "VALUES (?, '{}', ?, ?, 'Paris is in France.', 'then')",
        (request.content_hash(), request.model_dump_json(), request.text),
    )
    conn.close()
    store = open_store(tmp_path / "old.db")
    assert store.schema_version == SCHEMA_VERSION >= 4
    old = TeacherResponse(text="Paris is in France.")
    assert store.record_call(request, old) == request.content_hash()  # the old row, not a new one
    new_key = store.record_call(request, TeacherResponse(text="Paris is on the Seine."))
    assert new_key != request.content_hash() and store.stats().teacher_calls == 2
    found = store.get_call(request.content_hash())
    assert found is not None and found[1].text == "Paris is in France."
    assert found[1].request_hash == request.content_hash()
    store.close()
    conn = sqlite3.connect(tmp_path / "old.db")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "teacher_calls_request" in names
    assert (
        conn.execute("SELECT COUNT(*) FROM teacher_calls WHERE request_hash IS NULL").fetchone()[0]
        == 0
    )
