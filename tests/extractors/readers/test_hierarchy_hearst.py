"""Hearst's reader's noun-phrase checks (:mod:`grapheme_distill.extractors.readers.hierarchy_hearst`)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers.hierarchy_hearst import bare_plural


@pytest.mark.parametrize("text", ["Hits", "the judges", "Alternatives", "their campaigns"])
def test_one_plural_common_noun_is_bare(text: str) -> None:
    assert bare_plural(text)


@pytest.mark.parametrize(
    "text",
    ["brand names", "payment systems", "class", "status", "analysis", "ABBA", "The Beatles songs"],
)
def test_a_modified_plural_or_a_singular_is_not_bare(text: str) -> None:
    assert not bare_plural(text)
