"""The whole a phrase names (readers/phrases.py, twenty-third session): the words that pick or
rank members go ("the main types", "key terms"); a classifying adjective names a class with its
noun and stays ("fundamental forces", "primary colours")."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.phrases import resolve


def _resolve(phrase: str) -> str | None:
    ctx = ReadContext.of(parse_document("Physics names the forces of nature."), "")
    name = resolve(ctx, ctx.doc.blocks[0], phrase)
    return None if name is None else name.text


@pytest.mark.parametrize(
    ("phrase", "whole"),
    [
        # the adjective was taken for a quantifier: "forces", "colours"
        ("the four fundamental forces", "fundamental forces"),
        ("the three primary colours", "primary colours"),
        # ranking words still go
        ("the main symphony orchestras", "symphony orchestras"),
        ("key rock types", "rock types"),
    ],
)
def test_a_classifying_adjective_stays_in_the_whole(phrase: str, whole: str) -> None:
    assert _resolve(phrase) == whole
