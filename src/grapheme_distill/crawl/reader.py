"""Reading a crawl answer: the teacher's JSON, read by the LLM extractor's own rules.

The crawl asks for JSON by :class:`~grapheme_distill.extractors.llm_answer.LLMOutput`'s schema, so the
answer is read exactly as the ``llm`` extractor reads its teacher's JSON — strict parse, else
``json_repair``; items validated one by one; endpoints resolved against the listed entities —
without a second teacher call.  :class:`AnswerReader` is that extractor minus the teacher: it is
handed answers, never asks.  Being an :class:`~grapheme_distill.extractors.base.Extractor`, it
goes through the pipeline's :class:`~grapheme_distill.pipeline.ExchangeIngester` like every
other source (calls, knowledge, processed marks in one transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from grapheme_distill.extractors.base import Extraction, ExtractionFailure, pipe_each
from grapheme_distill.extractors.llm_answer import AnswerReading
from grapheme_distill.model.knowledge import KnowledgeType

__all__ = ["AnswerReader"]


class AnswerReader(AnswerReading):
    """The ``llm`` extractor's JSON reading, applied to an answer that already is the JSON.

    Args:
        default_confidence: confidence of items for which the teacher gave none.
    """

    name = "crawl-json"
    version = "1"

    def __init__(self, *, default_confidence: float = 0.8) -> None:  # no teacher: never asks
        self.default_confidence = default_confidence

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        """The items of one JSON answer (failures say why anything was dropped)."""
        out = Extraction(extractor=f"{self.name}@{self.version}")
        if not text.strip():
            out.failures.append(ExtractionFailure("empty answer: nothing to read", raw=text))
            return out
        wanted = types if types is not None else frozenset(KnowledgeType)
        self._absorb(text, text, out, wanted, "answer")
        return out

    def pipe(
        self,
        texts: Iterable[tuple[str, str]],
        *,
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Iterator[Extraction]:
        return pipe_each(self, texts, types=types, preserve_structure=preserve_structure)
