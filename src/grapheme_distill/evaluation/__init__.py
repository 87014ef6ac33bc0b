"""Evaluation harness: benchmark loaders, official and normalised scorers, calibration, reports.

``evaluate("webnlg2020", "spacy")`` runs an extractor over a gold benchmark and scores it with the
benchmark's own rules (re-implemented and checked against published numbers) plus a normalised
fuzzy mode; ``grapheme-distill eval`` is its command-line twin.
"""

from __future__ import annotations

from grapheme_distill.evaluation.calibration import CalibrationBin, CalibrationReport, calibration
from grapheme_distill.evaluation.datasets import (
    DATASETS,
    Dataset,
    Example,
    Ontology,
    Triple,
    load_dataset,
    load_text2kgbench,
    load_text2kgbench_responses,
    load_webnlg,
    load_webnlg_submission,
)
from grapheme_distill.evaluation.report import EvaluationReport, evaluate, extraction_triples
from grapheme_distill.evaluation.scoring import (
    FuzzyScores,
    Text2KGBenchScores,
    WebNLGScores,
    score_fuzzy,
    score_text2kgbench,
    score_webnlg,
)

__all__ = [
    "DATASETS",
    "CalibrationBin",
    "CalibrationReport",
    "Dataset",
    "EvaluationReport",
    "Example",
    "FuzzyScores",
    "Ontology",
    "Text2KGBenchScores",
    "Triple",
    "WebNLGScores",
    "calibration",
    "evaluate",
    "extraction_triples",
    "load_dataset",
    "load_text2kgbench",
    "load_text2kgbench_responses",
    "load_webnlg",
    "load_webnlg_submission",
    "score_fuzzy",
    "score_text2kgbench",
    "score_webnlg",
]
