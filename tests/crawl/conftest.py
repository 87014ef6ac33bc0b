"""Fixtures for the crawl tests: deterministic knowledge teachers over real HTTP on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from knowledge_server import KnowledgeServer


@pytest.fixture
def world() -> Iterator[KnowledgeServer]:
    """A teacher that knows ``Node 0`` … ``Node 14`` (a binary tree) and three regions."""
    server = KnowledgeServer(size=15, latency=0.01).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def other_world() -> Iterator[KnowledgeServer]:
    """A second teacher of the same world that disagrees (colours, one negated link)."""
    server = KnowledgeServer(size=15, latency=0.01, variant="b").start()
    try:
        yield server
    finally:
        server.stop()
