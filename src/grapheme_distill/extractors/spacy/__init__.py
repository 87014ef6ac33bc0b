"""Helpers of the spaCy extractor (:mod:`grapheme_distill.extractors.spacy_extractor`).

``text`` turns a raw teacher answer into clean pieces (markdown blocks with an offset map back into
the answer, script/style/code removed, binary garbage dropped); ``clauses`` reads subject–predicate–
object clauses off a parsed piece, with ``mentions`` (the plain data: :class:`Mention`,
:class:`Clause`, light coreference) and ``names`` (how a token becomes a name) under it; ``records``
holds what every reader — clauses and the document readers of :mod:`grapheme_distill.extractors
.readers` — produced for one answer and resolves names once for all of them.  None imports spaCy
at module import time: ``text`` needs no spaCy at all and the others only work on the ``Doc``
objects they are handed.
"""

from __future__ import annotations
