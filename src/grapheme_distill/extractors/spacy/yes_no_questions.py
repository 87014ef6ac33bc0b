"""A yes/no question in an FAQ and the answer after it → the question's claim, denied for "No".

Why.  An FAQ asks and answers in turn::

    **Q: Is the ICRC part of the UN?**
    A: No. It's an independent, neutral organisation …

    **Did Utzon finish it?**
    No. After disputes with the New South Wales government …

A question on its own states nothing (the extractor reads no fact from it), but answered "Yes" or
"No" it is a claim: the annotators keep ``ICRC part_of UN`` with ``negated: true`` (the
conventions keep a denied fact so), as the yes/no rows of a comparison table are read
(:mod:`~grapheme_distill.extractors.readers.yes_no_rows`, whose reading of the answer this
shares).  Only a question that opens with an auxiliary or a modal (after a "Q:" label) asks
for yes or no; "What …?", "How …?" are answered by what follows, not by a polarity.

A "No" denies the whole question, so a question that narrows its claim ("Is the emblem *just* a
logo?", "Is it *always* fatal?", "Does it *still* flood?") is not read when denied: the answer
denies the narrowing word, not the fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from grapheme_distill.extractors.readers.yes_no_rows import answer_polarity

__all__ = ["answered"]

#: a question asking for yes or no: an auxiliary or a modal first, after an FAQ's label ("Q: Is
#: it …?", "**Does it …?**"); not a negative one ("Isn't it …?": a "yes" to it is ambiguous)
_YES_NO = re.compile(
    r"[*_\s]*(?:(?:Q|Question)\s*\d*\s*[:.][*_\s]*)?"
    r"(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|must)\s",
    re.IGNORECASE,
)
#: an answer's label on its own: "A:", "**Answer:**"
_LABEL_ONLY = re.compile(r"[*_\s]*(?:A|Answer)\s*[:.][*_\s]*")
#: words that narrow what is asked: a "No" denies them, not the fact
_NARROWED = re.compile(
    r"\b(?:just|only|merely|simply|always|still|ever|all|every|necessarily|exactly|really"
    r"|completely|entirely|fully|totally)\b",
    re.IGNORECASE,
)
#: a question asked in the negative ("Is it not …?", "Does it never …?"): "yes" and "no" to it
#: are both read either way
_NEGATIVE = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)


def answered(question: str, after: Sequence[str]) -> bool | None:
    """The polarity the sentences ``after`` the yes/no ``question`` give it: ``True`` (stated),
    ``False`` (denied), ``None`` when the question asks for no yes or no, the answer gives
    neither, or a "No" would deny a narrowing word (module docstring).  The parser may end a
    sentence after the answer's label ("A:" / "No."), so a label alone is passed over."""
    if _YES_NO.match(question) is None or _NEGATIVE.search(question) or not after:
        return None
    answer = after[0]
    if _LABEL_ONLY.fullmatch(answer) and len(after) > 1:
        answer = after[1]
    said = answer_polarity(answer)
    if said is False and _NARROWED.search(question):
        return None
    return said
