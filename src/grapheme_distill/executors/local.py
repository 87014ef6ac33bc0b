"""Extraction in this process: the default executor, and the one function every executor runs.

:func:`extract_batch` is *the* definition of how a batch of answers is read: each answer exactly
once, for the knowledge types it is read for, one ``pipe`` call per distinct type set (so batching
extractors still batch), falling back to one-by-one extraction when ``pipe`` raises (so one bad
answer cannot sink its batch).  The ingester calls it in-process; a Ray worker calls the very same
function on the same batch — which is why a distributed run reads every answer exactly as the
single-process run does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from grapheme_distill.extractors.base import Extraction, Extractor
from grapheme_distill.model.knowledge import KnowledgeType

__all__ = ["ExtractJob", "LocalExecutor", "extract_batch"]

#: One answer to read: ``(prompt, answer text, knowledge types to extract)``.  Plain tuples of
#: strings travel to a worker in a few hundred bytes (the exchange itself stays with the writer).
ExtractJob = tuple[str, str, frozenset[KnowledgeType]]
T = TypeVar("T")


def extract_batch(
    extractor: Extractor, jobs: Sequence[ExtractJob], *, preserve_structure: bool = True
) -> list[Extraction | Exception]:
    """Read ``jobs`` with ``extractor``; results in job order, an answer that failed as its
    exception (kept, and recorded by the writer as that answer's failure)."""
    groups: dict[frozenset[KnowledgeType], list[int]] = {}
    for i, (_, _, types) in enumerate(jobs):
        groups.setdefault(types, []).append(i)
    out: list[Extraction | Exception] = [ValueError("not extracted")] * len(jobs)
    for types, indices in groups.items():
        results: list[Extraction | Exception]
        try:
            results = list(
                extractor.pipe(
                    [(jobs[i][0], jobs[i][1]) for i in indices],
                    types=types,
                    preserve_structure=preserve_structure,
                )
            )
        except Exception:  # noqa: BLE001 - one-by-one, so one bad answer cannot sink the batch
            results = [_extract_one(extractor, jobs[i], preserve_structure) for i in indices]
        for i, result in zip(indices, results, strict=True):
            out[i] = result
    return out


def _extract_one(
    extractor: Extractor, job: ExtractJob, preserve_structure: bool
) -> Extraction | Exception:
    prompt, text, types = job
    try:
        return extractor.extract(
            text, prompt=prompt, types=types, preserve_structure=preserve_structure
        )
    except Exception as exc:  # noqa: BLE001 - kept and recorded as this answer's failure
        return exc


class LocalExecutor:
    """Extracts each batch here, when the writer asks for it (what a run without
    ``--executor`` does; kept as a class so callers can hold "an executor" either way)."""

    name = "local"

    def map_extract(
        self,
        extractor: Extractor,
        batches: Iterable[tuple[T, Sequence[ExtractJob]]],
        *,
        preserve_structure: bool = True,
    ) -> Iterator[tuple[T, list[Extraction | Exception]]]:
        """``(tag, extractions)`` per ``(tag, jobs)`` batch, in input order, lazily."""
        for tag, jobs in batches:
            yield tag, extract_batch(extractor, jobs, preserve_structure=preserve_structure)

    def close(self) -> None:
        """Nothing to release."""
