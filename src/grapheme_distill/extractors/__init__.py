"""Extractors behind one protocol, found by name.

Built-ins register lazily as ``"module:Class"`` strings so that importing the package never imports
spaCy or a model; third-party extractors register through the ``grapheme_distill.extractors``
entry-point group, exactly like the built-ins.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.base import Extraction, ExtractionFailure, Extractor, pipe_each
from grapheme_distill.extractors.rules import RuleExtractor

__all__ = [
    "Extraction",
    "ExtractionFailure",
    "Extractor",
    "RuleExtractor",
    "available_extractors",
    "get_extractor",
    "pipe_each",
]

_BUILTIN: dict[str, str] = {
    "rules": "grapheme_distill.extractors.rules:RuleExtractor",
    "spacy": "grapheme_distill.extractors.spacy_extractor:SpacyExtractor",
    "baseline": "grapheme_distill.extractors.baseline:BaselineExtractor",
    "llm": "grapheme_distill.extractors.llm:LLMExtractor",
}


def register_builtin(name: str, target: str) -> None:
    """Register a built-in extractor as ``"module:Class"`` (imported only when asked for)."""
    _BUILTIN[name] = target


def available_extractors() -> list[str]:
    names = set(_BUILTIN)
    names.update(ep.name for ep in entry_points(group="grapheme_distill.extractors"))
    return sorted(names)


def get_extractor(name: str, **options: Any) -> Extractor:
    """Instantiate the extractor registered as ``name`` with ``options``."""
    target = _BUILTIN.get(name)
    if target is None:
        for ep in entry_points(group="grapheme_distill.extractors"):
            if ep.name == name:
                return ep.load()(**options)  # type: ignore[no-any-return]
        raise ConfigError(
            f"unknown extractor {name!r}; available: {', '.join(available_extractors())}"
        )
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(**options)  # type: ignore[no-any-return]
