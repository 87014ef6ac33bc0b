"""Garbage-collector tuning for bulk work.

Distilling builds many small, long-lived objects (items, entities, evidence).  CPython's cyclic
collector runs a young-generation pass every 700 net allocations and rescans the survivors, which
cost about 30 % of a large batch in ``benchmarks/bench_session.py``.  None of our objects form
reference cycles that need prompt collection, so batch entry points raise the young-generation
threshold for their duration and restore it afterwards — the collector still runs, just less often.
Global state is touched only inside the ``with`` block.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["relaxed_gc"]


@contextmanager
def relaxed_gc(gen0_threshold: int = 100_000) -> Iterator[None]:
    """Raise the young-generation GC threshold while bulk-building objects."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], gen0_threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
