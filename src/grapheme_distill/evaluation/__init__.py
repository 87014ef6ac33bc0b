"""Evaluation harness: benchmark loaders, official and normalised scorers, calibration, reports.

``evaluate("webnlg2020", "spacy")`` runs an extractor over a gold benchmark and scores it with the
benchmark's own rules (re-implemented and checked against published numbers) plus a normalised
fuzzy mode; ``grapheme-distill eval`` is its command-line twin.  ``explain_losses`` breaks the
normalised mode down into where each gold and predicted triple went (``eval --explain N``).
``evaluate_answers(gold, extractor)`` scores all five knowledge types on annotated chat-assistant
answers with the reference scorer (``eval --dataset answers --gold FILE``).
"""

from __future__ import annotations

from grapheme_distill.evaluation.answers import AnswersReport, evaluate_answers
from grapheme_distill.evaluation.calibration import CalibrationBin, CalibrationReport, calibration
from grapheme_distill.evaluation.datasets import (
    DATASETS,
    WEBNLG_DATASETS,
    Dataset,
    Example,
    Ontology,
    Triple,
    is_webnlg,
    load_dataset,
    load_text2kgbench,
    load_text2kgbench_responses,
    load_webnlg,
    load_webnlg_submission,
)
from grapheme_distill.evaluation.losses import LossReport, LossSample, explain_losses
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
    "WEBNLG_DATASETS",
    "AnswersReport",
    "CalibrationBin",
    "CalibrationReport",
    "Dataset",
    "EvaluationReport",
    "Example",
    "FuzzyScores",
    "LossReport",
    "LossSample",
    "Ontology",
    "Text2KGBenchScores",
    "Triple",
    "WebNLGScores",
    "calibration",
    "evaluate",
    "evaluate_answers",
    "explain_losses",
    "extraction_triples",
    "is_webnlg",
    "load_dataset",
    "load_text2kgbench",
    "load_text2kgbench_responses",
    "load_webnlg",
    "load_webnlg_submission",
    "score_fuzzy",
    "score_text2kgbench",
    "score_webnlg",
]
