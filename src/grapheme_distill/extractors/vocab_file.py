"""A user's relation vocabulary as a file: ``distill --vocabulary FILE``, ``show``/``stats
--vocabulary FILE``.

The format is TOML, one ``[[relation]]`` table per canonical predicate::

    [[relation]]
    name = "directed_by"                 # the canonical predicate (stored snake_case)
    surface = ["directed by", "helmed by", "director"]  # phrases that mean it, as written
    inverse = ["directed", "direct"]     # phrases that mean it with subject and object swapped
                                         #   ("Spielberg directed Jaws" is Jaws directed_by Spielberg)
    domain = "Film"                      # optional: what the subject is (an ontology concept)
    range = "Person"                     # optional: what the object is
    functional = false                   # optional: one value per subject, so two values are a
    values = "entity"                    #   contradiction; values compare as date, number, entity

Why TOML: it is what the functional-property table (``--functional``) already reads, so a user
writes one kind of file for both; it takes comments (a vocabulary is documentation too), needs
nothing beyond the standard library (``tomllib``), and a list of surface forms stays a list —
in CSV it would be a second separator inside a cell, and YAML would add a dependency and
indentation traps.  Every error names the file and the line: TOML syntax errors the line tomllib
reports, a bad entry the line of its ``[[relation]]`` header or of the offending key.

What the file does: :class:`FileVocabulary` maps each listed surface form onto its predicate
exactly (auxiliaries such as "was" and "has been" ignored), and lets the lexical matcher of
:mod:`~grapheme_distill.extractors.vocab` map every other predicate onto the names, with the
domain and range as its signatures; :class:`VocabularyExtractor` applies it to whatever extractor
a run uses (:func:`~grapheme_distill.extractors.vocab.apply_vocabulary`, unmatched relations
kept), and :meth:`VocabularyFile.functional_properties` adds the functional predicates to the
contradiction table (:mod:`grapheme_distill.model.functional`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from grapheme_distill.errors import InputError
from grapheme_distill.extractors.base import Extraction, Extractor
from grapheme_distill.extractors.vocab import RelationVocabulary, VocabMatch, apply_vocabulary
from grapheme_distill.model.functional import (
    DEFAULT_PROPERTIES,
    FunctionalProperty,
)
from grapheme_distill.model.knowledge import EntityType, KnowledgeType, normalise_predicate

__all__ = [
    "FileVocabulary",
    "VocabularyEntry",
    "VocabularyExtractor",
    "VocabularyFile",
    "load_vocabulary",
]

#: Words that say nothing about which relation a phrase names ("was directed by").
_AUXILIARIES = frozenset(["is", "was", "were", "are", "be", "been", "being", "has", "have", "had"])
_TOML_LINE = re.compile(r"at line (\d+)")
_HEADER = re.compile(r"^\s*\[\[\s*relation\s*\]\]\s*(?:#.*)?$")


class VocabularyEntry(BaseModel):
    """One canonical predicate of a vocabulary file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    surface: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    domain: str | None = None
    range: str | None = None
    functional: bool = False
    values: Literal["date", "number", "entity"] = "entity"

    @field_validator("name", "domain", "range")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("surface", "inverse")
    @classmethod
    def _phrases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not phrase.strip() for phrase in value):
            raise ValueError("a surface form must not be blank")
        return value


def _phrase_key(phrase: str) -> str:
    """A surface form as the matcher compares it: snake_case words without auxiliaries."""
    words = [w for w in normalise_predicate(phrase).split("_") if w not in _AUXILIARIES]
    return "_".join(words)


class FileVocabulary(RelationVocabulary):
    """A :class:`RelationVocabulary` that first maps the file's surface forms exactly."""

    def __init__(self, entries: Iterable[VocabularyEntry], **options: Any) -> None:
        entries = tuple(entries)
        signatures = {e.name: (e.domain, e.range) for e in entries if e.domain and e.range}
        super().__init__([e.name for e in entries], signatures=signatures, **options)
        self.surface: dict[str, VocabMatch] = {}
        for entry in entries:
            for phrases, inverse in ((entry.inverse, True), ((entry.name, *entry.surface), False)):
                for phrase in phrases:  # a direct form wins over an inverse one
                    self.surface[_phrase_key(phrase)] = VocabMatch(entry.name, 1.0, inverse)

    def match(
        self,
        predicate: str,
        *,
        voice: Any = "active",
        object_type: EntityType | None = None,
        subject_type: EntityType | None = None,
        object_name: str | None = None,
    ) -> VocabMatch | None:
        exact = self.surface.get(_phrase_key(predicate))
        if exact is not None:
            return exact
        return super().match(
            predicate,
            voice=voice,
            object_type=object_type,
            subject_type=subject_type,
            object_name=object_name,
        )


@dataclass(frozen=True)
class VocabularyFile:
    """The entries of a vocabulary file, and what they make."""

    path: str
    entries: tuple[VocabularyEntry, ...]

    def vocabulary(self) -> FileVocabulary:
        return FileVocabulary(self.entries)

    def functional_properties(
        self, base: Iterable[FunctionalProperty] = DEFAULT_PROPERTIES
    ) -> tuple[FunctionalProperty, ...]:
        """``base`` plus one property per functional entry (an entry named like a base property
        replaces it): values of the predicate, of its surface forms and, swapped, of its
        inverse forms."""
        props = {p.name: p for p in base}
        for e in self.entries:
            if e.functional:
                name = normalise_predicate(e.name)
                direct = tuple(dict.fromkeys((name, *(_phrase_key(s) for s in e.surface))))
                props[name] = FunctionalProperty(
                    name=name,
                    relations=direct,
                    inverse=tuple(dict.fromkeys(_phrase_key(s) for s in e.inverse)),
                    attributes=direct,
                    values=e.values,
                )
        return tuple(props.values())


def _entry_lines(text: str) -> list[int]:
    """The 1-based line of each ``[[relation]]`` header, in order."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER.match(line)]


def _key_line(text: str, start: int, key: str) -> int:
    """The 1-based line of ``key = ...`` in the entry whose header is on 1-based line ``start``
    (``start`` itself when the key is not written there, e.g. a missing required key)."""
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for n in range(start, len(lines)):  # n: the 0-based index of the line after the header
        if lines[n].lstrip().startswith("["):
            break
        if pattern.match(lines[n]):
            return n + 1
    return start


def load_vocabulary(path: str | Path) -> VocabularyFile:
    """Read a TOML vocabulary file (module docstring).

    Raises:
        InputError: unreadable file, TOML syntax, no ``[[relation]]`` entries, a bad entry or a
            name given twice — each with the file, the line and the reason.
    """
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, None, f"cannot read the vocabulary: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise InputError(where, int(found[1]) if found else None, f"not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"relation"})
    if unknown:
        raise InputError(
            where, None, f"unknown top-level key {unknown[0]!r}: expected [[relation]]"
        )
    raw = data.get("relation")
    if not isinstance(raw, list) or not raw:
        raise InputError(where, None, "no [[relation]] entries (see `distill --help`)")
    lines = _entry_lines(text)
    entries: list[VocabularyEntry] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(raw):
        start = lines[n] if n < len(lines) else 1
        try:
            entry = VocabularyEntry.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            line = _key_line(text, start, key) if key else start
            raise InputError(where, line, f"relation {key or 'entry'}: {first['msg']}") from exc
        name = normalise_predicate(entry.name)
        if name in seen:
            raise InputError(
                where, start, f"relation {entry.name!r} is already defined at line {seen[name]}"
            )
        seen[name] = start
        entries.append(entry)
    return VocabularyFile(where, tuple(entries))


@dataclass
class VocabularyExtractor:
    """Any extractor, with its relations and attributes mapped onto a vocabulary file.

    Relations that fit no predicate are kept as the inner extractor gave them (a user's
    vocabulary names what they care about, not everything a text may say).  The matcher is
    built lazily and not pickled, so the wrapper travels to Ray workers like the extractor.
    """

    inner: Extractor
    spec: VocabularyFile
    _vocabulary: FileVocabulary | None = field(default=None, repr=False)
    name: str = field(init=False)
    version: str = field(init=False)

    def __post_init__(self) -> None:
        # provenance says which reader, and that a vocabulary rewrote its output (a run with
        # one re-reads answers a run without one already read)
        self.name = self.inner.name
        self.version = f"{self.inner.version}+vocab"

    def _matcher(self) -> FileVocabulary:
        if self._vocabulary is None:
            self._vocabulary = self.spec.vocabulary()
        return self._vocabulary

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_vocabulary": None}

    def __getattr__(self, attr: str) -> Any:
        """Whatever else a caller asks of the reader (its teacher, its options) is the inner
        extractor's."""
        if attr.startswith("__") or attr in {"inner", "spec", "_vocabulary", "name", "version"}:
            raise AttributeError(attr)
        return getattr(self.inner, attr)

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        extraction = self.inner.extract(
            text, prompt=prompt, types=types, preserve_structure=preserve_structure
        )
        return apply_vocabulary(extraction, self._matcher(), unmatched="keep")

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        for extraction in self.inner.pipe(
            texts, types=types, preserve_structure=preserve_structure
        ):
            yield apply_vocabulary(extraction, self._matcher(), unmatched="keep")
