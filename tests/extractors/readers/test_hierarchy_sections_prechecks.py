"""The cheap pre-checks of ``readers/hierarchy_sections.py`` (fifteenth session, throughput): a
name's pattern is built only when the folded answer may hold it, so the pre-checks must never
say no where the pattern matches — over mixed case, runs of white space of any kind, and the
characters outside ASCII that ``IGNORECASE`` matches to ASCII ones ("İ", "ı", "ſ", the Kelvin
sign), which make the fold give up."""

from __future__ import annotations

import re

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.hierarchy_sections import (
    _attested,
    _may_hold,
    _may_precede_word,
)

CASES = [
    ("The APPLICATION\n\t Layer carries mail.", "Application", "layer"),
    ("The application\u00a0layer carries mail — and more.", "Application", "layer"),
    ("The application\u2003\u2003layer carries mail.", "application", "Layer"),
    ("The appli\u212aation layer carries mail.", "applikation", "layer"),  # Kelvin sign
    ("The gla\u017f\u017f layer.", "glass", "layer"),  # long s
    ("Green tea, black tea and oolong.", "Black", "tea"),
    ("No such words here.", "Application", "layer"),
    ("Caf\u00e9 layer", "Café", "layer"),
]


@pytest.mark.parametrize(("source", "name", "word"), CASES)
def test_the_prechecks_never_reject_what_the_pattern_finds(
    source: str, name: str, word: str
) -> None:
    ctx, _ = read_document(parse_document(source), "")
    pattern = rf"\b{re.escape(name)}\s+{re.escape(word)}\b"
    assert _attested(ctx, name, word) == bool(re.search(pattern, source, re.IGNORECASE))
    if re.search(rf"\b{re.escape(name)}\s+([a-z][a-z\-]+)\b", source, re.IGNORECASE):
        assert _may_precede_word(ctx, name)
    if re.search(rf"\b{re.escape(word)}(?:s|es)?\b", source, re.IGNORECASE):
        assert _may_hold(source, word)


def test_a_name_the_answer_never_writes_before_a_word_is_rejected_cheaply() -> None:
    ctx, _ = read_document(parse_document("| Tea | Origin |\n|---|---|\n| Green | China |"), "")
    assert not _may_precede_word(ctx, "Oolong")
    assert not _may_hold("How they compare", "lake")
