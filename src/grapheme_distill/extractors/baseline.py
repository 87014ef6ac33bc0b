"""``baseline``: the original Rust task's extraction heuristics, kept only as a yardstick.

The project grew from a toy whose "extraction" was three substring tricks; they are reimplemented
here honestly — no grammar, no cleverness added — so that every evaluation can report how far the
real extractors are above it:

* **"X is Y"**: a sentence containing `` is `` is split at its first occurrence; the text before
  becomes the subject, the text after the object, with predicate ``is``.
* **Capitalised words**: every word starting with an upper-case letter is an entity (the
  sentence-initial word included — the toy did not know better).
* **3-grams**: every run of three words ``A w B`` whose first and last words are capitalised
  becomes a triple ``(A, w, B)``.

Confidence is a flat 0.5 for everything: the heuristics have no notion of certainty, and the
calibration report should show exactly that.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.base import Extraction, PipeEach
from grapheme_distill.model.knowledge import Entity, EntityType, KnowledgeType, Relation

__all__ = ["BaselineExtractor"]

_SENTENCE = re.compile(r"[^.!?\n]+")
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")
_CONFIDENCE = 0.5


class BaselineExtractor(PipeEach):
    """The Rust toy's heuristics; see the module docstring.  For comparison only."""

    name = "baseline"
    version = "1"

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        """Apply the three heuristics sentence by sentence."""
        out = Extraction(extractor=f"{self.name}@{self.version}")
        wanted = types if types is not None else frozenset(KnowledgeType)
        for m in _SENTENCE.finditer(text):
            sentence = m.group(0)
            words = list(_WORD.finditer(sentence))
            if KnowledgeType.FACTUAL in wanted:
                for w in words:
                    if w.group(0)[0].isupper():
                        out.add_entity(Entity(name=w.group(0), type=EntityType.OTHER))
            if KnowledgeType.RELATIONAL not in wanted:
                continue
            left, sep, right = sentence.partition(" is ")
            if sep and left.strip() and right.strip():
                self._relation(out, left.strip(), "is", right.strip(), (m.start(), m.end()))
            for a, w, b in zip(words, words[1:], words[2:], strict=False):
                if a.group(0)[0].isupper() and b.group(0)[0].isupper():
                    self._relation(
                        out,
                        a.group(0),
                        w.group(0),
                        b.group(0),
                        (m.start() + a.start(), m.start() + b.end()),
                    )
        return out

    @staticmethod
    def _relation(out: Extraction, s: str, p: str, o: str, span: tuple[int, int]) -> None:
        subj = out.add_entity(Entity(name=s, type=EntityType.OTHER))
        obj = out.add_entity(Entity(name=o, type=EntityType.OTHER))
        out.add(
            Relation(subject=subj.id, predicate=p, object=obj.id, confidence=_CONFIDENCE, span=span)
        )
