"""Shared fixtures of the reader tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest


class CountedPattern:
    """A module's compiled pattern that counts the texts it scans (``finditer``)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.scanned = pattern, 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.scanned += 1
        return self.pattern.finditer(text)


CountScans = Callable[[ModuleType, tuple[str, ...]], dict[str, CountedPattern]]


@pytest.fixture
def count_scans(monkeypatch: pytest.MonkeyPatch) -> CountScans:
    """``count_scans(module, names)``: those patterns of ``module`` replaced, for this test, by
    ones that count the texts they scan (a reader that skips a text must not scan it)."""

    def install(module: ModuleType, names: tuple[str, ...]) -> dict[str, CountedPattern]:
        counted = {name: CountedPattern(getattr(module, name)) for name in names}
        for name, pattern in counted.items():
            monkeypatch.setattr(module, name, pattern)
        return counted

    return install


LinguisticItems = Callable[..., set[tuple[str, str, str]]]


@pytest.fixture
def linguistic_items() -> LinguisticItems:
    """``linguistic_items(answer, prompt="")``: the linguistic items the readers read from an
    answer, as ``(term, kind, value)`` in lower case — the one form every linguistic case table
    compares against (its ``present`` and ``absent`` sets)."""
    from grapheme_distill.extractors.readers import read_document

    def items(answer: str, prompt: str = "") -> set[tuple[str, str, str]]:
        return {
            (f.subject.text.lower(), f.linguistic.value, f.value.lower())
            for f in read_document(answer, prompt)[1]
            if f.kind == "linguistic" and f.linguistic is not None
        }

    return items


def hierarchy_pairs(answer: str, prompt: str = "") -> set[tuple[str, str]]:
    """The hierarchy (parent, child) pairs the readers give for an answer, lower-cased, whatever
    the label (the scorer matches on the pair) — the one form the hierarchy case tables compare
    against."""
    from grapheme_distill.extractors.readers import read_document

    return {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_document(answer, prompt)[1]
        if f.kind == "hierarchy" and f.object is not None
    }


def relation_triples(answer: str, prompt: str = "") -> set[tuple[str, str, str]]:
    """The relation facts the readers give for an answer, as ``(subject, predicate, object)``
    (``""`` for a fact without an object) — the one form the key-value, table and value case
    tables compare against."""
    from grapheme_distill.extractors.readers import read_document

    return {
        (f.subject.text, f.predicate, f.object.text if f.object else "")
        for f in read_document(answer, prompt)[1]
        if f.kind == "relation"
    }
