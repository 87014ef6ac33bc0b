"""A crawl's state in the store: frontier, visited set, budget spent, metrics, disagreements.

Why in the store and not in a side file: the knowledge a crawl answer taught and the frontier
entries it opened must commit in *one* transaction, so a ``kill -9`` leaves either both or
neither, and a re-run continues from exactly the committed frontier (:mod:`grapheme_distill.crawl`).

The frontier is one row per entity key (its normalised canonical name) per crawl: ``pending``
until its answers are ingested, then ``done``.  The primary key *is* the visited set — an entity
is never queued twice — and ``seq`` keeps discovery order so the crawl is breadth-first and
reproducible.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from grapheme_distill.store.sqlite.connection import SQLiteConnection

__all__ = ["CrawlMixin", "FrontierEntry"]


class FrontierEntry(NamedTuple):
    key: str
    name: str
    depth: int
    parent: str | None


class CrawlMixin(SQLiteConnection):
    """The crawl tables (migration 5); the crawl runner is their only user."""

    def crawl_state(self, crawl: str) -> dict[str, Any] | None:
        """Budget spent so far and how the crawl last ended (None: a new crawl)."""
        rows = self._rows(
            "SELECT params, requests, prompt_tokens, completion_tokens, cost_usd, outcome "
            "FROM crawl_state WHERE crawl = ?",
            (crawl,),
        )
        if not rows:
            return None
        params, requests, p_tok, c_tok, cost, outcome = rows[0]
        return {
            "params": json.loads(params),
            "requests": requests,
            "prompt_tokens": p_tok,
            "completion_tokens": c_tok,
            "cost_usd": cost,
            "outcome": outcome,
        }

    def crawl_begin(self, crawl: str, params: dict[str, Any]) -> None:
        """Create the crawl's state row (kept as it is when the crawl exists)."""
        with self.transaction():
            self._conn.execute(
                "INSERT OR IGNORE INTO crawl_state(crawl, params) VALUES (?, ?)",
                (crawl, json.dumps(params, sort_keys=True, default=str)),
            )

    def crawl_spend(
        self, crawl: str, requests: int, prompt_tokens: int, completion_tokens: int, cost_usd: float
    ) -> None:
        """Add to the budget spent (call inside the transaction that stores the answers)."""
        self._write(
            "UPDATE crawl_state SET requests = requests + ?, prompt_tokens = prompt_tokens + ?,"
            " completion_tokens = completion_tokens + ?, cost_usd = cost_usd + ? "
            "WHERE crawl = ?",
            (requests, prompt_tokens, completion_tokens, cost_usd, crawl),
        )

    def crawl_set_outcome(self, crawl: str, outcome: str) -> None:
        with self.transaction():
            self._conn.execute(
                "UPDATE crawl_state SET outcome = ? WHERE crawl = ?", (outcome, crawl)
            )

    def frontier_add(self, crawl: str, entries: list[FrontierEntry]) -> int:
        """Queue entities not seen before (the visited set is the key); returns how many."""
        added = 0
        with self.transaction():
            seq = int(
                self._rows(
                    "SELECT COALESCE(MAX(seq), 0) FROM crawl_frontier WHERE crawl = ?", (crawl,)
                )[0][0]
            )
            for entry in entries:
                seq += 1
                cur = self._conn.execute(
                    "INSERT OR IGNORE INTO crawl_frontier(crawl, key, name, depth, parent, status,"
                    " seq) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
                    (crawl, entry.key, entry.name, entry.depth, entry.parent, seq),
                )
                added += cur.rowcount
        return added

    def frontier_pending(self, crawl: str, limit: int | None = None) -> list[FrontierEntry]:
        """Entities still to ask, breadth first, in discovery order."""
        sql = (
            "SELECT key, name, depth, parent FROM crawl_frontier WHERE crawl = ? "
            "AND status = 'pending' ORDER BY depth, seq"
        )
        rows = self._rows(
            sql + (" LIMIT ?" if limit else ""), (crawl, limit) if limit else (crawl,)
        )
        return [FrontierEntry(*r) for r in rows]

    def frontier_done(self, crawl: str, key: str) -> None:
        self._write(
            "UPDATE crawl_frontier SET status = 'done' WHERE crawl = ? AND key = ?", (crawl, key)
        )

    def frontier_counts(self, crawl: str) -> dict[str, int]:
        """Entities per status (``pending``, ``done``)."""
        return {
            str(s): int(n)
            for s, n in self._rows(
                "SELECT status, COUNT(*) FROM crawl_frontier WHERE crawl = ? GROUP BY status",
                (crawl,),
            )
        }

    def frontier_keys(self, crawl: str) -> set[str]:
        return {
            str(r[0])
            for r in self._rows("SELECT key FROM crawl_frontier WHERE crawl = ?", (crawl,))
        }

    def crawl_metric(
        self,
        crawl: str,
        run_id: str,
        at_request: int,
        frontier: int,
        visited: int,
        new_entities: int,
        new_facts: int,
    ) -> None:
        """One point of the frontier-over-time curve."""
        self._write(
            "INSERT OR REPLACE INTO crawl_metrics(crawl, run_id, at_request, frontier, visited,"
            " new_entities, new_facts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (crawl, run_id, at_request, frontier, visited, new_entities, new_facts),
        )

    def crawl_metrics(self, crawl: str) -> list[dict[str, Any]]:
        cols = ("run_id", "at_request", "frontier", "visited", "new_entities", "new_facts")
        return [
            dict(zip(cols, r, strict=True))
            for r in self._rows(
                "SELECT run_id, at_request, frontier, visited, new_entities, new_facts "
                "FROM crawl_metrics WHERE crawl = ? ORDER BY at_request",
                (crawl,),
            )
        ]

    def set_disagreements(
        self, crawl: str, rows: list[tuple[str, str, str, str, list[str]]]
    ) -> None:
        """Replace the crawl's flagged disagreements: (item id, entity id, kind, detail, teachers)."""
        with self.transaction():
            self._conn.execute("DELETE FROM crawl_disagreements WHERE crawl = ?", (crawl,))
            self._conn.executemany(
                "INSERT OR REPLACE INTO crawl_disagreements(crawl, item_id, entity, kind, detail,"
                " teachers) VALUES (?, ?, ?, ?, ?, ?)",
                [(crawl, i, e, k, d, json.dumps(sorted(t))) for i, e, k, d, t in rows],
            )

    def disagreements(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Flagged disagreements between teachers (all crawls), optionally about one entity."""
        sql = "SELECT crawl, item_id, entity, kind, detail, teachers FROM crawl_disagreements"
        rows = (
            self._rows(sql + " WHERE entity = ? ORDER BY kind, detail", (entity_id,))
            if entity_id
            else self._rows(sql + " ORDER BY entity, kind, detail")
        )
        cols = ("crawl", "item_id", "entity", "kind", "detail")
        return [{**dict(zip(cols, r[:5], strict=True)), "teachers": json.loads(r[5])} for r in rows]

    def observation_sources(self, prefix: str) -> list[tuple[str, str]]:
        """(item id, call source) of every observation whose call's source starts with
        ``prefix`` (an observation's source is its call; the call keeps where it came from)."""
        return [
            (str(i), str(s))
            for i, s in self._rows(
                "SELECT o.item_id, c.source FROM observations o JOIN teacher_calls c "
                "ON c.call_hash = o.source WHERE c.source >= ? AND c.source < ?",
                (prefix, prefix + "\U0010ffff"),
            )
        ]

    def crawl_attributes(self, item_ids: list[str]) -> list[tuple[str, str, str, str]]:
        """(id, entity, name, value) of the attributes among ``item_ids``."""
        return [
            (str(a), str(b), str(c), str(d))
            for a, b, c, d in self._chunked_rows(
                "SELECT id, entity, name, value FROM attributes WHERE id IN ({ids})", item_ids
            )
        ]
