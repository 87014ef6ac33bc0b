"""Taxon names (``readers/ranked_names.py``): the conventions file what a taxon includes under it
as ``subclass_of``; a taxon is known by its Latin ending or by the rank word before it."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers.ranked_names import is_taxon, is_taxon_at


@pytest.mark.parametrize(
    ("name", "taxon"),
    [
        ("Vespidae", True),
        ("Rosaceae", True),
        ("Passeriformes", True),
        ("the genus Vulpes", True),
        ("family Laridae", True),
        ("Vulpes", False),  # a genus alone has no ending of its own
        ("the family car", False),
        ("Lake Geneva", False),
    ],
)
def test_a_taxon_by_its_ending_or_rank_word(name: str, taxon: bool) -> None:
    assert is_taxon(name) is taxon


def test_a_parsed_name_is_a_taxon_by_the_rank_word_before_it() -> None:
    text = "The genus Vulpes also includes the fennec. The family car also includes a boot."
    start = text.index("Vulpes")
    assert is_taxon_at(text, start, start + len("Vulpes"))
    start = text.index("car")
    assert not is_taxon_at(text, start, start + len("car"))
