"""Helpers of the spaCy extractor (:mod:`grapheme_distill.extractors.spacy_extractor`).

``text`` turns a raw teacher answer into clean pieces (markdown blocks with an offset map back into
the answer, script/style/code removed, binary garbage dropped); ``clauses`` reads subject–predicate–
object clauses off a parsed piece.  Neither imports spaCy at module import time: ``text`` needs no
spaCy at all and ``clauses`` only works on the ``Doc`` objects it is handed.
"""

from __future__ import annotations
