"""The public API is exactly what __all__ lists, and it is complete and importable."""

from __future__ import annotations

import inspect

import pytest

import grapheme_distill


def test_all_names_resolve() -> None:
    missing = [name for name in grapheme_distill.__all__ if not hasattr(grapheme_distill, name)]
    assert missing == []


def test_all_is_sorted_and_unique() -> None:
    names = list(grapheme_distill.__all__)
    assert len(names) == len(set(names))
    assert names == sorted(names, key=lambda n: (n.startswith("_"), n))


def test_every_public_class_and_function_is_exported() -> None:
    """Anything public bound at package level must be listed (modules excluded)."""
    public = {
        name
        for name, value in vars(grapheme_distill).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name not in {"annotations"}
    }
    assert public - set(grapheme_distill.__all__) == set()


@pytest.mark.parametrize(
    "name",
    [
        "DistillationConfig",
        "KnowledgeType",
        "Entity",
        "Relation",
        "Procedure",
        "HierarchyEdge",
        "LinguisticItem",
        "DistilledKnowledge",
        "SoftTarget",
        "DistillationSession",
        "KnowledgeDistiller",
        "DistillationResult",
        "DistillError",
        "SessionFull",
        "LowConfidence",
        "SessionNotFound",
        "ExtractionFailed",
        "InvalidConfig",
        "Extractor",
    ],
)
def test_issue_api_is_public(name: str) -> None:
    assert name in grapheme_distill.__all__


def test_error_tree_has_one_root() -> None:
    from grapheme_distill import errors

    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, grapheme_distill.DistillError), name
