"""The extractor seam: turn one teacher answer into typed knowledge items.

Every extractor — the rule-based one in the core, spaCy's dependency rules, an LLM asked for JSON,
the baseline heuristics kept for comparison — implements :class:`Extractor` and returns an
:class:`Extraction`.  The session groups an extraction's items by knowledge type, scores and filters
them; it never needs to know which extractor ran.  An extractor that cannot do its job records why in
``Extraction.failures`` (with the raw text) instead of returning an empty result that looks like
"nothing to know".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, runtime_checkable

from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    HierarchyEdge,
    Item,
    KnowledgeType,
    LinguisticItem,
    Procedure,
    Relation,
)

__all__ = [
    "HEDGES",
    "Extraction",
    "ExtractionFailure",
    "Extractor",
    "PipeEach",
    "is_hedged",
    "is_title_line",
    "looks_like_refusal",
    "may_contain",
    "pipe_each",
]

#: Words that mark a statement as uncertain; extractors lower the confidence of such sentences.
#: "may" counts only as the modal (lower-case, a verb after it), never as the month: "born 12 May
#: 1915" is not hedged.  Use :func:`is_hedged`, which also masks dates such as "May 1915".
HEDGES = re.compile(
    r"(?i:\b(?:might|possibly|perhaps|probably|likely|i think|i believe|it is believed|some say|"
    r"reportedly|allegedly|could be|not sure|uncertain|arguably|supposedly|rumou?red)\b)"
    r"|\bmay\s+(?:not\s+|also\s+|well\s+)?[a-z]+\b"
)
#: a word each case-insensitive match of :data:`HEDGES` holds (its "may" is case-sensitive)
_HEDGE_WORDS = (
    "might",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "i think",
    "i believe",
    "it is believed",
    "some say",
    "reportedly",
    "allegedly",
    "could be",
    "not sure",
    "uncertain",
    "arguably",
    "supposedly",
    "rumo",
)
_MONTH_MAY = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+May|May\s+\d{1,4})\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_hedged(text: str) -> bool:
    """True when the sentence hedges its claim ("might", "probably", the modal "may").

    Cached: the readers of one answer each ask about the same sentences (four times per sentence
    on the rules path), and the two scans cost more than the lookup."""
    if "may" not in text and not may_contain(text, _HEDGE_WORDS):
        return False  # masking dates only removes matches: no hedge word, no hedge
    return bool(HEDGES.search(_MONTH_MAY.sub(lambda m: "_" * len(m.group(0)), text)))


#: letters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not map to
#: it (dotted and dotless I, long s); the Kelvin sign lowers to "k" and needs no care
_CASE_ODD = ("\u0130", "\u0131", "\u017f")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when no word of ``words`` (lower-case ASCII) occurs in ``text`` in any case: a
    cheap necessary condition tested before a case-insensitive scan that needs one of them (a
    pattern of alternatives is tried at every offset of the text, a substring test is not).

    Exact for ``re.IGNORECASE``: where the text holds a letter that the pattern would fold to an
    ASCII letter but ``str.lower`` does not, it answers True and the scan decides."""
    low = text.lower()
    for word in words:
        if word in low:
            return True
    return not text.isascii() and any(odd in text for odd in _CASE_ODD)


_REFUSAL = re.compile(
    r"^\W*(i'?m sorry|i am sorry|sorry, (?:but )?i|i cannot|i can'?t|as an ai|as a language model|"
    r"i am unable|i'?m unable|i'?m not able|i am not able|i do not have (?:enough )?information|"
    r"i don'?t have (?:enough )?information|i don'?t know)\b",
    re.IGNORECASE,
)


def is_title_line(line: str, max_words: int = 12) -> bool:
    """A short line without sentence-final punctuation: a title such as the one a model writes
    above a numbered list, which names the procedure or the whole the list's items belong to."""
    text = line.strip()
    return bool(text) and len(text.split()) <= max_words and text[-1] not in ".!?;,"


#: After a refusal opener, an explicit turn to what the answer will say after all ("What I can
#: do is explain …", "However, here is …", "That said, I can outline …"): a partial refusal, whose
#: rest is an ordinary answer.  Assistants decline one thing (a dose, a stock pick) and then answer
#: the general question; reading nothing of such an answer lost every fact in it.
_PIVOT = re.compile(
    r"\b(?:what i (?:can|could) (?:do|say|tell you|offer)|"
    r"(?:however|that said|instead|but)\s*,?\s*(?:here(?:'s| is| are)|i can(?!'t|’t|not)|i could(?!n))|"
    r"here(?:'s| is| are) (?:some|what|a|an|the|how)|"
    r"i can (?:explain|describe|outline|share|give you|tell you about|walk you through))\b",
    re.IGNORECASE,
)


#: A refusal says no in a few sentences; an answer that declines one thing ("I can't write a
#: doctor's note.") and then goes on for paragraphs, lists or headings is a partial refusal whose
#: rest is an ordinary answer, pivot phrase or not.
_ANSWER_BODY = re.compile(r"\n\s*(?:[-*+]|\d+[.)]|#{1,6})\s|\n\s*\n")
_REFUSAL_CHARS = 600


def looks_like_refusal(text: str) -> bool:
    """True when the answer opens with a refusal or an admission of not knowing (shared by every
    extractor, so a refusal is recorded as one, never read as knowledge) and does not turn, later
    in its first lines, to what it can say after all, nor go on into an answer's body (paragraphs,
    a list, headings past a few sentences): a partial refusal is read as an answer."""
    head = text[:300]
    match = _REFUSAL.match(head)
    if match is None or _PIVOT.search(text[match.end() : 600]):
        return False
    body = text.strip()
    return len(body) < _REFUSAL_CHARS or _ANSWER_BODY.search(body) is None


@dataclass(frozen=True)
class ExtractionFailure:
    """Why (part of) an extraction failed; ``raw`` keeps the text that could not be used."""

    reason: str
    raw: str = ""


@dataclass
class Extraction:
    """The items one extractor found in one text, each with its span and confidence.

    One ``items`` list in reading order, whatever the kind: the session, the store and the
    exporters iterate over it and dispatch on ``item.kind``.  The per-kind properties are
    read-only views for readers and tests; add items with :meth:`add`.
    """

    extractor: str
    entities: dict[str, Entity] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    failures: list[ExtractionFailure] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)  # e.g. hedging, refusal
    #: per item id, what its confidence was computed from: the construction (reader and pattern)
    #: that produced it, the reader's raw score, hedging, agreement — until items carry signals
    item_signals: dict[str, dict[str, str | float]] = field(default_factory=dict)

    def add_entity(self, entity: Entity) -> Entity:
        """Add (or merge aliases into) an entity and return the stored one."""
        old = self.entities.get(entity.id)
        if old is None:
            self.entities[entity.id] = entity
            return entity
        if entity.aliases:
            merged = tuple(dict.fromkeys((*old.aliases, *entity.aliases)))
            old = old.model_copy(update={"aliases": merged})
            self.entities[entity.id] = old
        return old

    def add(self, *items: Item) -> None:
        """Append items (any kind) in reading order."""
        self.items.extend(items)

    def of_kind(self, kind: str) -> list[Item]:
        """The items of one kind (``"relation"``, ``"hierarchy"`` …), in order (a new list)."""
        return [item for item in self.items if item.kind == kind]

    def items_of(self, ktype: KnowledgeType) -> list[Item]:
        """The items of one knowledge type, in order (a new list)."""
        return [item for item in self.items if item.knowledge_type is ktype]

    def remove(self, item: Item) -> None:
        """Drop one item (by identity of content)."""
        self.items.remove(item)

    @property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(self.of_kind("relation"))  # type: ignore[arg-type]

    @property
    def attributes(self) -> tuple[Attribute, ...]:
        return tuple(self.of_kind("attribute"))  # type: ignore[arg-type]

    @property
    def procedures(self) -> tuple[Procedure, ...]:
        return tuple(self.of_kind("procedure"))  # type: ignore[arg-type]

    @property
    def hierarchy(self) -> tuple[HierarchyEdge, ...]:
        return tuple(self.of_kind("hierarchy"))  # type: ignore[arg-type]

    @property
    def linguistic(self) -> tuple[LinguisticItem, ...]:
        return tuple(self.of_kind("linguistic"))  # type: ignore[arg-type]

    @property
    def is_empty(self) -> bool:
        return not (self.entities or self.items)


@runtime_checkable
class Extractor(Protocol):
    """Turns teacher answers into knowledge.

    Attributes:
        name: registry name (``rules``, ``spacy``, ``llm``, ``baseline``).
        version: bumped whenever output for the same input can change; recorded in provenance as
            ``name@version`` so that stores can tell old extractions from new ones.
    """

    name: str
    version: str

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        """Extract items of ``types`` (None: all five) from one answer to ``prompt``."""
        ...

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        """Extract from many ``(prompt, answer)`` pairs; batching extractors override it."""
        ...


class PipeEach:
    """Mixin for extractors with nothing to batch: ``pipe`` is ``extract`` text by text."""

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        return pipe_each(self, texts, types=types, preserve_structure=preserve_structure)  # type: ignore[arg-type]


def pipe_each(
    extractor: Extractor,
    texts: Iterable[tuple[str, str]],
    *,
    types: frozenset[KnowledgeType] | None = None,
    preserve_structure: bool = True,
) -> Iterator[Extraction]:
    """The obvious ``pipe`` for extractors with nothing to batch."""
    for prompt, text in texts:
        yield extractor.extract(
            text, prompt=prompt, types=types, preserve_structure=preserve_structure
        )
