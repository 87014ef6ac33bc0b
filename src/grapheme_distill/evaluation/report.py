"""``evaluate``: run an extractor over a benchmark, score it, and write one JSON report.

The harness is extractor-agnostic: it asks the registry for an extractor by name (or takes an
instance), feeds it every input text through ``pipe`` (so batching extractors batch), and turns
the resulting :class:`~grapheme_distill.extractors.base.Extraction` into surface triples — asserted
relations, attributes (``entity, name, value``) and hierarchy edges (``child, part_of, parent``);
negated relations assert nothing and are left out.  The evaluation is zero-shot and
schema-constrained: each example's group vocabulary (the WebNLG category's predicates, the
Text2KGBench ontology's relations) is applied to the finished extraction — by default with the
lexical matcher of :mod:`grapheme_distill.extractors.vocab` (``apply_vocabulary``, which also uses
the voice a spaCy relation records to get its direction right), or with a caller's
``normalise_predicate(predicate, vocab)`` callable.  A relation whose snake_cased predicate *is* a
label keeps that label; ``apply_vocabulary`` drops relations that fit no label (schema-constrained
means off-schema triples are not offered).  The extractor never sees a gold triple.  At most
``max_triples`` triples per text are kept, most confident first: the official WebNLG alignment
grows factorially and its README asks for a cap.

One example that makes an extractor raise is recorded as a failure with its id and reason and
scored as "no triples"; it never discards the run.  The report carries the official scores, the
normalised/fuzzy scores, the calibration of triple confidence against normalised-mode correctness,
the loss breakdown of the normalised mode (``explain_losses``: where each gold and each predicted
triple went, predicate confusions, samples), throughput, failure counts and the exact settings, so
a figure in ``docs/benchmarks.md`` can be traced to the run that produced it.  An extractor with a
``relation_vocab`` attribute (the ``llm`` one) is also handed each text's vocabulary before
extracting, so it can put the schema in its prompt.
"""

from __future__ import annotations

import dataclasses
import json
import platform
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grapheme_distill.evaluation.calibration import CalibrationReport, calibration
from grapheme_distill.evaluation.datasets import (
    Dataset,
    Example,
    Triple,
    is_webnlg,
    load_dataset,
)
from grapheme_distill.evaluation.losses import LossReport, explain_losses
from grapheme_distill.evaluation.scoring import (
    dedupe,
    score_fuzzy,
    score_text2kgbench,
    score_webnlg,
)
from grapheme_distill.extractors import Extraction, Extractor, get_extractor
from grapheme_distill.extractors.spacy.predicate_choice import split_addresses
from grapheme_distill.model.knowledge import (
    HierarchyKind,
    KnowledgeType,
    Relation,
    normalise_predicate,
)

__all__ = [
    "EvaluationReport",
    "PredicateNormaliser",
    "ScoredTriple",
    "default_vocabulary_mapper",
    "evaluate",
    "extraction_triples",
    "map_predicate",
]

PredicateNormaliser = Callable[[str, Sequence[str]], "str | None"]
_TYPES = frozenset({KnowledgeType.RELATIONAL, KnowledgeType.FACTUAL, KnowledgeType.STRUCTURAL})


@dataclass(frozen=True)
class ScoredTriple:
    """A predicted triple with the confidence its extractor gave it."""

    triple: Triple
    confidence: float


def extraction_triples(extraction: Extraction) -> list[ScoredTriple]:
    """Surface triples an extraction asserts, most confident first (stable for ties)."""
    names = {eid: e.name for eid, e in extraction.entities.items()}
    out: list[ScoredTriple] = []
    for r in extraction.relations:
        if r.negated or r.subject not in names or r.object not in names:
            continue
        predicate = r.qualifiers.get("label") or r.predicate  # a vocabulary label as spelled
        out.append(ScoredTriple(Triple(names[r.subject], predicate, names[r.object]), r.confidence))
    for a in extraction.attributes:
        if a.entity in names:
            out.append(ScoredTriple(Triple(names[a.entity], a.name, a.value), a.confidence))
    for h in extraction.hierarchy:
        if h.parent not in names or h.child not in names:
            continue
        if h.relation is HierarchyKind.CONTAINS:
            t = Triple(names[h.parent], h.relation.value, names[h.child])
        else:
            t = Triple(names[h.child], h.relation.value, names[h.parent])
        out.append(ScoredTriple(t, h.confidence))
    return sorted(out, key=lambda s: -s.confidence)


VocabularyMapper = Callable[[Extraction, tuple[str, ...]], Extraction]


def default_vocabulary_mapper(
    dataset: Dataset | None = None,
) -> tuple[VocabularyMapper | None, str]:
    """``apply_vocabulary`` from ``extractors/vocab.py`` (one matcher per vocabulary, cached).

    Args:
        dataset: when given, the domain and range its ontologies state for each relation
            (Text2KGBench) reach the matcher as signatures, so a person object fits a
            ``…(→ Person)`` label better than a ``…(→ City)`` one.  The vocabulary a mapper call
            receives is matched to the ontology whose relation labels it is.
    """
    try:
        from grapheme_distill.extractors.vocab import RelationVocabulary, apply_vocabulary
    except ImportError:
        return None, "exact (snake_case) match onto the vocabulary"
    cache: dict[tuple[str, ...], RelationVocabulary] = {}
    signatures = (
        {tuple(o.relations): o.domains for o in dataset.ontologies.values()} if dataset else {}
    )

    def mapper(extraction: Extraction, labels: tuple[str, ...]) -> Extraction:
        vocabulary = cache.get(labels)
        if vocabulary is None:
            vocabulary = cache[labels] = RelationVocabulary(
                labels, signatures=signatures.get(labels)
            )
        exact, rest = _split_exact(extraction, labels)
        others = [item for item in extraction.items if item.kind != "relation"]
        mapped = apply_vocabulary(
            dataclasses.replace(extraction, items=[*rest, *others]), vocabulary
        )
        mapped.items[:0] = exact
        return mapped

    how = "lexical similarity" + (", ontology domain/range signatures" if signatures else "")
    return (
        mapper,
        f"grapheme_distill.extractors.vocab.apply_vocabulary ({how}, then exact snake_case match)",
    )


def _split_exact(
    extraction: Extraction, labels: tuple[str, ...]
) -> tuple[list[Relation], list[Relation]]:
    """Relations whose predicate *is* a label (after snake_casing) get that label outright; the
    lexical matcher only sees the others (an exact name must not lose to a similar one)."""
    by_key = {normalise_predicate(label): label for label in labels}
    exact: list[Relation] = []
    rest: list[Relation] = []
    for r in extraction.relations:
        label = by_key.get(r.predicate)
        if label is None or "label" in r.qualifiers:
            rest.append(r)
        else:
            exact.append(r.model_copy(update={"qualifiers": {**r.qualifiers, "label": label}}))
    return exact, rest


def map_predicate(
    predicate: str, vocab: Sequence[str], normaliser: PredicateNormaliser | None
) -> str:
    """Map ``predicate`` onto a vocabulary label, written with ``_`` for spaces (the form the
    Text2KGBench filter compares); unmapped predicates are returned unchanged."""
    if vocab:
        if normaliser is not None:
            hit = normaliser(predicate, vocab)
            if hit:
                return hit.replace(" ", "_")
        key = normalise_predicate(predicate)
        for label in vocab:
            if normalise_predicate(label) == key:
                return label.replace(" ", "_")
    return predicate


@dataclass
class EvaluationReport:
    """Everything one evaluation run measured; ``to_dict`` is the JSON written by ``--out``."""

    dataset: str
    extractor: str
    examples: int
    official: dict[str, Any]
    normalised: dict[str, Any]
    calibration: CalibrationReport
    settings: dict[str, Any] = field(default_factory=dict)
    timing: dict[str, float] = field(default_factory=dict)
    failures: dict[str, Any] = field(default_factory=dict)
    losses: LossReport | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "grapheme-distill.eval-report.v1",
            "dataset": self.dataset,
            "extractor": self.extractor,
            "examples": self.examples,
            "official": self.official,
            "normalised": self.normalised,
            "calibration": self.calibration.to_dict(),
            "settings": self.settings,
            "timing": self.timing,
            "failures": self.failures,
            **({"losses": self.losses.to_dict()} if self.losses is not None else {}),
        }

    def summary(self) -> str:
        """A few lines for a terminal."""
        off = self.official
        if "exact" in off:
            head = (
                f"official (WebNLG Exact): P {off['exact']['precision']:.3f}  "
                f"R {off['exact']['recall']:.3f}  F1 {off['exact']['f1']:.3f}"
            )
        else:
            head = (
                f"official (Text2KGBench): P {off['precision']:.3f}  R {off['recall']:.3f}  "
                f"F1 {off['f1']:.3f}  OC {off['onto_conformance']:.2f}  "
                f"SH {off['sub_hallucination']:.2f}  RH {off['rel_hallucination']:.2f}  "
                f"OH {off['obj_hallucination']:.2f}"
            )
        n = self.normalised
        return "\n".join(
            [
                f"{self.dataset}: {self.examples} texts, extractor {self.extractor}",
                head,
                f"normalised (fuzzy): P {n['precision']:.3f}  R {n['recall']:.3f}  F1 {n['f1']:.3f}   "
                f"unlabelled F1 {n['unlabelled_f1']:.3f}",
                f"calibration: ECE {self.calibration.ece:.3f} over {self.calibration.items} triples",
                f"extraction: {self.timing.get('texts_per_second', 0.0):.1f} texts/s, "
                f"{self.failures.get('examples_with_failures', 0)} texts with recorded failures",
            ]
        )


def _pipe_safely(
    extractor: Extractor, examples: Sequence[Example], errors: list[dict[str, str]]
) -> Iterator[Extraction]:
    """Extractions in example order through ``pipe``; if it raises, the text it failed on
    becomes an empty extraction (recorded in ``errors``) and the rest go one by one."""
    texts = [("", ex.text) for ex in examples]
    done = 0
    try:
        for extraction in extractor.pipe(texts, types=_TYPES, preserve_structure=False):
            done += 1
            yield extraction
    except Exception as exc:  # noqa: BLE001 - one bad text must not end the run; recorded
        if getattr(exc, "systemic", False):  # no key, bad key: every text would fail (F1 0.000)
            raise
        errors.append({"id": examples[done].id, "reason": f"{type(exc).__name__}: {exc}"})
        yield Extraction(extractor=getattr(extractor, "name", "?"))
        done += 1
    for ex in examples[done:]:
        try:
            yield extractor.extract(ex.text, types=_TYPES, preserve_structure=False)
        except Exception as exc:  # noqa: BLE001 - recorded with its type, the run goes on
            if getattr(exc, "systemic", False):
                raise
            errors.append({"id": ex.id, "reason": f"{type(exc).__name__}: {exc}"})
            yield Extraction(extractor=getattr(extractor, "name", "?"))


def _run(
    extractor: Extractor,
    examples: Sequence[Example],
    errors: list[dict[str, str]],
    prepare: Callable[[Example], None] | None = None,
) -> list[Extraction]:
    """Extractions in example order.  With ``prepare`` (which hands the extractor a group's
    vocabulary) the examples are piped group by group, so a batching or concurrent extractor
    still batches within each group."""
    if prepare is None:
        return list(_pipe_safely(extractor, examples, errors))
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        groups.setdefault(ex.group, []).append(i)
    out: list[Extraction | None] = [None] * len(examples)
    for indices in groups.values():
        prepare(examples[indices[0]])
        batch = [examples[i] for i in indices]
        for i, extraction in zip(indices, _pipe_safely(extractor, batch, errors), strict=True):
            out[i] = extraction
    return [x if x is not None else Extraction(extractor="?") for x in out]


def evaluate(
    dataset: str | Dataset,
    extractor: str | Extractor,
    *,
    data_dir: str | Path | None = None,
    limit: int | None = None,
    out: str | Path | None = None,
    schema: bool = True,
    normalise_predicate: PredicateNormaliser | None = None,
    max_triples: int = 10,
    extractor_options: dict[str, Any] | None = None,
    explain: int = 3,
) -> EvaluationReport:
    """Score ``extractor`` on ``dataset`` with its official rules and the normalised mode.

    Args:
        dataset: a name from :data:`~grapheme_distill.evaluation.datasets.DATASETS` or a loaded
            :class:`Dataset`.
        extractor: a registered extractor name (``spacy``, ``rules``, ``baseline``, ``llm`` ...) or
            an instance.
        data_dir: folder holding the benchmarks (default ``../shared/data``).
        limit: score only this many examples, spread evenly over the split (quick runs).
        out: write the JSON report here.
        schema: map predicates onto each group's relation vocabulary (zero-shot,
            schema-constrained); False scores the predicates as extracted.
        normalise_predicate: ``f(predicate, vocab) -> label | None`` used instead of the default
            (``apply_vocabulary`` of ``extractors/vocab.py``); unmatched predicates stay as they are.
        max_triples: keep at most this many triples per text, most confident first.
        extractor_options: keyword options for the extractor when it is given by name.
        explain: samples per loss class kept in the report's ``losses`` section (the breakdown
            itself is always computed; it costs a fraction of the extraction time).

    Returns:
        The report (also written to ``out`` when given).
    """
    ds = dataset if isinstance(dataset, Dataset) else load_dataset(dataset, data_dir)
    ds = ds.limited(limit)
    ex_obj = (
        get_extractor(extractor, **(extractor_options or {}))
        if isinstance(extractor, str)
        else extractor
    )
    mapper: VocabularyMapper | None = None
    if normalise_predicate is None and schema:
        mapper, how = default_vocabulary_mapper()
    else:
        how = "caller-supplied normaliser" if schema else "none (predicates as extracted)"

    errors: list[dict[str, str]] = []
    recorded_failures = 0
    failure_samples: list[dict[str, str]] = []
    predicted: list[list[ScoredTriple]] = []
    start = time.perf_counter()
    prepare: Callable[[Example], None] | None = None
    if schema and hasattr(ex_obj, "relation_vocab"):
        # an extractor that can take the schema up front (the llm one puts it in its prompt)
        def prepare(example: Example) -> None:
            ex_obj.relation_vocab = tuple(ds.vocab.get(example.group, ()))

    # DBpedia and Wikidata name a "Town, Region" place whole, where the answers' conventions
    # relate the town: the benchmarks keep the whole (a switch, not "no vocabulary": these runs
    # read without one too and map the schema afterwards)
    with split_addresses(False):
        extractions = _run(ex_obj, ds.examples, errors, prepare)
    elapsed = time.perf_counter() - start
    for ex, extraction in zip(ds.examples, extractions, strict=True):
        if extraction.failures:
            recorded_failures += 1
            if len(failure_samples) < 5:
                f = extraction.failures[0]
                failure_samples.append({"id": ex.id, "reason": f.reason, "raw": f.raw[:200]})
        vocab = ds.vocab.get(ex.group, ()) if schema else ()
        if mapper is not None and vocab:
            extraction = mapper(extraction, tuple(vocab))
        triples = [
            ScoredTriple(
                Triple(
                    s.triple.subject,
                    map_predicate(s.triple.predicate, vocab, normalise_predicate),
                    s.triple.object,
                ),
                s.confidence,
            )
            for s in extraction_triples(extraction)
        ]
        kept_keys = dedupe(s.triple for s in triples)
        by_triple: dict[Triple, ScoredTriple] = {}
        for s in triples:
            by_triple.setdefault(s.triple, s)
        predicted.append([by_triple[t] for t in kept_keys][:max_triples])

    gold = [ex.gold for ex in ds.examples]
    cands = [[s.triple for s in p] for p in predicted]
    official: dict[str, Any]
    if is_webnlg(ds.name):
        official = score_webnlg(gold, cands).to_dict()
    else:
        system = {ex.id: c for ex, c in zip(ds.examples, cands, strict=True)}
        official = score_text2kgbench(ds.examples, system, ds.ontologies, ds.selected_ids).to_dict()
    fuzzy, correct = score_fuzzy(gold, cands)
    per_group: dict[str, dict[str, float]] = {}
    for group in dict.fromkeys(ex.group for ex in ds.examples):
        idx = [i for i, ex in enumerate(ds.examples) if ex.group == group]
        g_scores, _ = score_fuzzy([gold[i] for i in idx], [cands[i] for i in idx])
        per_group[group] = {
            "texts": len(idx),
            "precision": g_scores.precision,
            "recall": g_scores.recall,
            "f1": g_scores.f1,
        }
    calib = calibration(
        [s.confidence for p in predicted for s in p], [c for row in correct for c in row]
    )
    losses = explain_losses(
        gold,
        cands,
        ids=[ex.id for ex in ds.examples],
        texts=[ex.text for ex in ds.examples],
        samples=explain,
    )
    name = getattr(ex_obj, "name", type(ex_obj).__name__)
    report = EvaluationReport(
        dataset=ds.name,
        extractor=f"{name}@{getattr(ex_obj, 'version', '?')}",
        examples=len(ds.examples),
        official=official,
        normalised={**fuzzy.to_dict(), "per_group": per_group},
        calibration=calib,
        settings={
            "data": ds.path,
            "limit": limit,
            "schema_constrained": schema,
            "vocabulary": ds.vocab_source if schema else None,
            "predicate_normaliser": how,
            "max_triples_per_text": max_triples,
            "zero_shot": True,
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {platform.system()}",
        },
        timing={
            "extraction_seconds": elapsed,
            "texts_per_second": len(ds.examples) / elapsed if elapsed > 0 else 0.0,
        },
        failures={
            "examples_raising": len(errors),
            "raising_samples": errors[:5],
            "examples_with_failures": recorded_failures,
            "failure_samples": failure_samples,
        },
        losses=losses,
    )
    if out is not None:
        Path(out).write_text(
            json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return report
