"""Score an extractor on annotated chat-assistant answers (``eval --dataset answers``).

A gold file (format and annotation conventions: ``../shared/eval/README.md``) holds one answer per
line with everything a careful reader should take out of it, for all five knowledge types.  This
module runs any registered extractor over each answer (prompt and response), turns its
:class:`~grapheme_distill.extractors.base.Extraction` into the gold file's ``pred`` shape
(:func:`extraction_to_pred`) and scores it with the *reference scorer itself*,
``score_answers.py``, loaded by path (:func:`load_scorer`).  Calling the reference scorer rather
than re-implementing it means a figure printed here is, by construction, the figure the reference
scorer gives for the same predictions (``--predictions FILE`` writes them, so anyone can check).

Calibration needs to know, per predicted item, whether it was right.  In the reference scorer's
default (non-strict) mode whether a prediction is a false positive, a neutral one or a correct one
depends only on the gold, never on the other predictions (only *which* of two correct repeats is
the match and which the duplicate does), so each prediction is classified by scoring it alone
against its item's gold: correct (a match or a repeat of one), wrong (a false positive), or
neutral (a fact filed under a neighbouring type: left out of calibration, as it is of precision).
The reliability table and ECE then come from :func:`~grapheme_distill.evaluation.calibration
.calibration`, and "precision at ``min_confidence``" is the reference scorer's precision over the
predictions at or above the threshold — what ``min_confidence`` should mean.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from grapheme_distill.errors import InputError

__all__ = ["SCORER_ENV", "default_scorer_path", "load_scorer"]

#: Environment variable naming the reference scorer when it is not at ``../shared/eval``.
SCORER_ENV = "GRAPHEME_DISTILL_ANSWER_SCORER"
_SCORER_NAME = "score_answers.py"


def default_scorer_path() -> Path | None:
    """Where the reference scorer is: ``$GRAPHEME_DISTILL_ANSWER_SCORER``, else
    ``../shared/eval/score_answers.py`` seen from the working directory or from the checkout."""
    env = os.environ.get(SCORER_ENV)
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[3]
    for base in (Path.cwd(), checkout):
        candidate = base.parent / "shared" / "eval" / _SCORER_NAME
        if candidate.is_file():
            return candidate
    return None


def load_scorer(path: str | Path | None = None) -> ModuleType:
    """Import the reference scorer ``score_answers.py`` from ``path`` (default:
    :func:`default_scorer_path`).

    Raises:
        InputError: the file is missing or cannot be imported (naming it and what to pass).
    """
    where = Path(path) if path is not None else default_scorer_path()
    if where is None or not where.is_file():
        shown = str(where) if where is not None else f"../shared/eval/{_SCORER_NAME}"
        raise InputError(shown, None, f"reference scorer not found; pass --scorer PATH or set "
                                      f"{SCORER_ENV} to the {_SCORER_NAME} of the gold format")
    key = f"_grapheme_distill_score_answers_{abs(hash(str(where.resolve())))}"
    cached = sys.modules.get(key)
    if cached is not None:
        return cached
    spec = importlib.util.spec_from_file_location(key, where)
    if spec is None or spec.loader is None:
        raise InputError(str(where), None, "not an importable Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken scorer file: say which and why, not a traceback
        del sys.modules[key]
        raise InputError(str(where), None, f"could not import the reference scorer: {exc}") from exc
    for name in ("score", "validate_gold", "ItemScorer", "coerce"):
        if not hasattr(module, name):
            del sys.modules[key]
            raise InputError(str(where), None, f"not the reference scorer (no {name}())")
    return module
