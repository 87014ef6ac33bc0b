"""A building's measure after a venue key is the venue's (issue 11, thirty-third session): "|
Stadium | Spotify Camp Nou |" then "| Capacity | about 99,000 |" in a club's table gave the club a
capacity; the annotations give it to the ground.  Answers of my own, no spaCy."""

from __future__ import annotations

from tests.extractors.readers.conftest import relation_triples as _triples


def test_a_capacity_after_a_stadium_row_is_the_stadiums() -> None:
    found = _triples(
        "## Ajax Amsterdam\n\n| Detail | Value |\n|---|---|\n"
        "| Founded | 1900 |\n| Stadium | Johan Cruyff Arena |\n| Capacity | about 55,000 |\n"
        "| League | Eredivisie |\n"
    )
    assert ("Johan Cruyff Arena", "capacity", "about 55,000") in found, found
    assert not any(s == "Ajax Amsterdam" and p == "capacity" for s, p, _ in found), found
    assert ("Ajax Amsterdam", "plays_in", "Eredivisie") in found, found


def test_a_capacity_item_after_a_ground_item_is_the_grounds() -> None:
    found = _triples(
        "## Celtic Glasgow\n\n- **Founded:** 1887\n- **Ground:** Celtic Park\n"
        "- **Capacity:** 60,411\n"
    )
    assert ("Celtic Park", "capacity", "60,411") in found, found
    assert not any(p == "capacity" and s != "Celtic Park" for s, p, _ in found), found


def test_a_capacity_column_after_a_stadium_column_is_the_stadiums() -> None:
    found = _triples(
        "## Clubs\n\n| Club | Stadium | Capacity | Founded |\n|---|---|---|---|\n"
        "| Benfica | Estádio da Luz | 64,642 | 1904 |\n"
        "| Porto | Estádio do Dragão | 50,033 | 1893 |\n"
    )
    assert ("Estádio da Luz", "capacity", "64,642") in found, found
    assert ("Estádio do Dragão", "capacity", "50,033") in found, found
    assert not any(p == "capacity" and s in ("Benfica", "Porto") for s, p, _ in found), found


def test_a_capacity_without_a_venue_before_it_stays_the_subjects() -> None:
    found = _triples(
        "## Wembley Stadium\n\n| Detail | Value |\n|---|---|\n"
        "| Opened | 2007 |\n| Capacity | 90,000 |\n"
    )
    assert ("Wembley Stadium", "capacity", "90,000") in found, found
