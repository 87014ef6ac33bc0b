"""Which term a bracket is about (readers.bracket_terms): a short form spells its long form, a
numbered one with the number set aside; the long form before a bracket by its initials or by
the capitalised run whose acronym takes some of its words."""

from __future__ import annotations

from grapheme_distill.extractors.readers.bracket_terms import acronym_of_run, long_before, spells


def test_a_numbered_short_form_spells_its_long_form_with_the_number_aside() -> None:
    assert spells("coronavirus disease 2019", "COVID-19")
    assert not spells("coronavirus disease 2019", "COVID-18")


def test_the_long_form_before_a_bracket_is_the_run_its_initials_spell() -> None:
    assert long_before("the value of gross domestic product", "GDP") == "gross domestic product"
    assert (
        acronym_of_run(
            "the International Federation of Red Cross and Red Crescent Societies", "IFRC"
        )
        == "International Federation of Red Cross and Red Crescent Societies"
    )
