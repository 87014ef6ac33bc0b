"""What is particular to the SQLite store: both noisy-or paths (SQL math or Python), recomputing
damaged values, reopening a file, and agreement with the in-memory KnowledgeGraph.  What every
store does is tested in test_protocol.py, against SQLite and MemoryStore alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from knowledge_records import FRANCE, PARIS, ent, record

from grapheme_distill import EntityType, KnowledgeGraph, StoreError, noisy_or
from grapheme_distill.store import SQLiteStore, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = open_store(tmp_path / "g.db")
    yield s
    s.close()


@pytest.mark.parametrize("sql_math", [True, False], ids=["in-sql", "in-python"])
def test_both_recomputation_paths_give_noisy_or(store: SQLiteStore, sql_math: bool) -> None:
    """SQLite with math functions recomputes in SQL, without them in Python: the same values."""
    store._sql_math = sql_math
    for source, extractor, conf in [("a", "x@1", 0.6), ("a", "y@1", 0.9), ("b", "x@1", 0.5)]:
        store.add_knowledge(
            record([(PARIS, "capital_of", FRANCE, conf)], source=source, extractor=extractor)
        )
    (rel,) = store.to_knowledge_graph().relations.values()
    assert rel.confidence == pytest.approx(1 - 0.1 * 0.5)
    assert store.recompute_confidence() == 0  # what ingestion stored is what the evidence gives


def test_recompute_confidence_restores_values_from_evidence(
    store: SQLiteStore, tmp_path: Path
) -> None:
    graph = KnowledgeGraph()
    for i, conf in enumerate([0.5, 0.7, 0.9]):
        k = record(
            [(PARIS, "capital_of", FRANCE, conf), (PARIS, "located_in", ent("Europe"), 0.6)],
            source=f"call-{i}",
        )
        store.add_knowledge(k)
        graph.add_knowledge(k)
    stored = {r.id: r.confidence for r in store.to_knowledge_graph().relations.values()}
    assert stored == pytest.approx({r.id: r.confidence for r in graph.relations.values()})
    assert stored[next(iter(stored))] in (
        pytest.approx(noisy_or([0.5, 0.7, 0.9])),
        pytest.approx(noisy_or([0.6] * 3)),
    )
    # damage the stored values behind the store's back, then rebuild them from the observations
    conn = sqlite3.connect(tmp_path / "g.db")
    conn.execute("UPDATE relations SET confidence = 0.01")
    conn.commit()
    conn.close()
    assert store.recompute_confidence() == 2
    assert {
        r.id: r.confidence for r in store.to_knowledge_graph().relations.values()
    } == pytest.approx(stored)
    assert store.recompute_confidence() == 0


def test_store_survives_reopen(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.db")
    s.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.8)], source="a"))
    run = s.begin_run("distill", {"x": 1})
    s.record_failure(run, "file:3", "no knowledge found")
    s.finish_run(run, {"ok": True})
    s.close()
    s = open_store(tmp_path / "p.db")
    assert s.stats().observations == 1
    assert s.failures(run)[0]["reason"] == "no knowledge found"
    assert s.runs()[0]["summary"] == {"ok": True}
    s.close()


def test_open_refuses_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "g.db")


@given(
    obs=st.lists(
        st.tuples(
            st.integers(0, 5),
            st.integers(0, 5),
            st.sampled_from(["a", "b", "c", "d"]),
            st.sampled_from([0.3, 0.55, 0.8, 1.0]),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
    )
)
@settings(max_examples=30, deadline=None)
def test_store_graph_equals_in_memory_graph(obs: list[tuple[int, int, str, float, bool]]) -> None:
    """Whatever the order and repeats, the store keeps what KnowledgeGraph keeps (first answer of a
    source per record, noisy-or over sources) and recomputation changes nothing."""
    cities = [ent(f"City {i}", EntityType.LOCATION) for i in range(6)]
    records = [
        record([(cities[s], "near", cities[o], c)], source=src, negated=neg)
        for s, o, src, c, neg in obs
    ]
    store = SQLiteStore(":memory:")
    store.add_knowledge_many(records[: len(records) // 2])
    for k in records[len(records) // 2 :]:
        store.add_knowledge(k)
    graph = KnowledgeGraph()
    first: set[tuple[str, str]] = set()
    for k in records:  # the store keeps the first observation of (item, source, extractor)
        for item in k.items:
            if (item.id, k.provenance.call_hash or "") not in first:
                first.add((item.id, k.provenance.call_hash or ""))
                graph.add_item(
                    item, source=k.provenance.call_hash, extractor=k.provenance.extractor
                )
    stored = store.to_knowledge_graph()
    assert {i.id: i.confidence for i in stored.iter_items()} == pytest.approx(
        {i.id: i.confidence for i in graph.iter_items()}
    )
    assert store.stats().contradictions == len(graph.contradictions())
    assert store.recompute_confidence() == 0


# ---------------------------------------------------------------------------- files not our own
def _foreign_db(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    before = _foreign_db(path)
    with pytest.raises(StoreError, match=r"another program \(tables: notes\).*left as it was"):
        open_store(path)
    assert path.read_bytes() == before  # no tables added, journal mode not switched to WAL
    assert not (tmp_path / "app.db-wal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, long enough to look like a header of something else\n")
    with pytest.raises(StoreError, match="not a grapheme-distill store.*left as it was"):
        open_store(path)
    assert path.read_text().startswith("just some text")


def _filled_store(path: Path) -> None:
    with open_store(path) as s:
        s.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.8)], source="a"))


def test_read_only_store_reads_everything_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    _filled_store(path)
    before = path.read_bytes()
    with open_store(path, read_only=True) as s:
        assert s.read_only
        assert s.stats().relations == 1
        assert [e.id for e in s.find_entities("paris")] == [PARIS.id]
        assert len(s.neighbourhood(PARIS.id).relations) == 1
        assert s.to_knowledge_graph().stats().relations == 1
        with pytest.raises(StoreError, match="read-only.*nothing was written"):
            s.add_knowledge(record([(PARIS, "located_in", ent("Europe"), 0.9)], source="b"))
        with pytest.raises(StoreError, match="read-only"):
            s.begin_run("distill", {})
    assert path.read_bytes() == before


def test_unwritable_store_opens_read_only_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only mount (or without write permission) the store is opened read-only instead
    of being called "not a store".  Checked by hand on a real read-only bind mount; here the
    permission probe answers as such a mount does (root may write anywhere else)."""
    import os

    path = tmp_path / "g.db"
    _filled_store(path)
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with open_store(path) as s:
        assert s.read_only and s.stats().relations == 1
        with pytest.raises(StoreError, match="not writable"):
            s.record_failure(None, "x", "y")


def test_read_only_store_that_needs_an_upgrade_says_so(tmp_path: Path) -> None:
    from grapheme_distill.store.migrations import MIGRATIONS, migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    migrate(conn, str(path), MIGRATIONS[:3])
    conn.close()
    with pytest.raises(StoreError, match="schema version 3 and read-only.*writable to upgrade"):
        open_store(path, read_only=True)


# ---------------------------------------------------------------------------- failed starts
def test_a_failed_start_leaves_no_store_file(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(RuntimeError), open_store(path):
        raise RuntimeError("the teacher could not be built")
    assert list(tmp_path.iterdir()) == []  # neither the file nor its -wal/-shm


def test_a_failed_run_keeps_a_store_that_holds_something(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(RuntimeError), open_store(path) as s:
        s.begin_run("distill", {})
        raise RuntimeError("later")
    assert open_store(path).stats().runs == 1
    existing = tmp_path / "old.db"
    open_store(existing).close()  # an empty store someone made on purpose
    with pytest.raises(RuntimeError), open_store(existing):
        raise RuntimeError("not created by this open: kept")
    assert existing.exists()


def test_restartable_transaction_undoes_a_failed_first_part_only(store: SQLiteStore) -> None:
    """A transaction nested in a ``restartable`` one before anything was written shares its start
    (no savepoint): when it fails, what it wrote is gone, the outer transaction goes on and
    commits the rest; once something is written, nested transactions are savepoints again."""
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    with store.transaction(restartable=True):
        with pytest.raises(ValueError), store.transaction():  # shares the empty start
            store.record_failure(None, "first", "written, then undone")
            raise ValueError("the first part fails")
        store.record_failure(None, "second", "kept")
        with pytest.raises(ValueError), store.transaction():  # a savepoint: "second" stays
            store.record_failure(None, "third", "undone")
            raise ValueError("the third part fails")
        with store.transaction():
            store.record_failure(None, "fourth", "kept")
    assert [f["source"] for f in store.failures()] == ["second", "fourth"]
    assert [s.split()[0] for s in statements if s.split()[0] in ("SAVEPOINT", "ROLLBACK")] == [
        "ROLLBACK",  # the first part: the whole (empty) transaction, begun again
        "SAVEPOINT",
        "ROLLBACK",  # the third part: to its savepoint
        "SAVEPOINT",
    ]
    statements.clear()
    with store.transaction(restartable=True), store.transaction(), store.transaction():
        store.record_failure(None, "fifth", "kept")  # the shared parts succeed: all committed
    assert [f["source"] for f in store.failures()] == ["second", "fourth", "fifth"]
    assert not [s for s in statements if s.startswith(("SAVEPOINT", "RELEASE"))]
    store._conn.set_trace_callback(None)


def test_a_transaction_first_in_a_savepoint_shares_it(store: SQLiteStore) -> None:
    """A nested transaction entered before its enclosing savepoint wrote anything (an ingester's
    answer whose first write is its knowledge) opens no savepoint: when it fails, the rollback
    to the enclosing savepoint undoes exactly its writes, and that savepoint goes on."""
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    with store.transaction():
        store.record_failure(None, "before", "kept")
        with store.transaction():  # a savepoint: "before" is written
            with pytest.raises(ValueError), store.transaction():  # shares it
                store.record_failure(None, "first", "written, then undone")
                raise ValueError("the first part fails")
            store.record_failure(None, "second", "kept")
            with pytest.raises(ValueError), store.transaction():  # its own savepoint
                store.record_failure(None, "third", "undone")
                raise ValueError("the third part fails")
        with store.transaction(), store.transaction():  # the inner one shares: both succeed
            store.record_failure(None, "fourth", "kept")
    store._conn.set_trace_callback(None)
    assert [f["source"] for f in store.failures()] == ["before", "second", "fourth"]
    kinds = [
        " ".join(s.split()[:2])
        for s in statements
        if s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))
    ]
    assert kinds == [
        "SAVEPOINT sp1",
        "ROLLBACK TO",  # the first part: to sp1, still open
        "SAVEPOINT sp2",
        "ROLLBACK TO",
        "RELEASE sp2",
        "RELEASE sp1",
        "SAVEPOINT sp1",
        "RELEASE sp1",
    ]
