"""Attribute facts stated in prose (issue 11, seventh session): a participle date set off after a
name, a count about the sentence's named subject, the age at death.  The gold conventions make
each a relation to a DATE or NUMBER node.  Fresh sentences, not development answers; the
``absent`` cases pin precision (a count introducing a list, a year, a label's number, a time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from grapheme_distill.extractors.readers import read_document, values

_DATED = ("_PARTICIPLE", "_EVENT_DATE", "_LAW_YEAR", "_NAME_YEAR")


def _values(answer: str, prompt: str = "") -> set[tuple[str, str, str]]:
    return {
        (f.subject.text, f.predicate, f.object.text)
        for f in read_document(answer, prompt)[1]
        if f.construction.startswith("values.") and f.object is not None
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (  # a participle after a list item's name, its abbreviation in parentheses
            "It has two parts:\n\n1. the **Royal Ballet School (RBS)**, founded in 1926 and "
            "based in London\n2. the company itself",
            {("Royal Ballet School", "founded_in", "1926")},
        ),
        (  # after "the oldest of which is ...", with a month
            "The river is crossed by six bridges, the oldest of which is the Old Mill Bridge, "
            "completed in March 1702.",
            {("Old Mill Bridge", "completed_in", "March 1702")},
        ),
        (  # counts about the sentence's named subject, words in front of the noun dropped
            "Lisbon is built on seven hills and has about 40 small parishes.",
            {
                ("Lisbon", "number_of_hills", "seven"),
                ("Lisbon", "number_of_parishes", "about 40"),
            },
        ),
        (  # a pronoun is the section's subject; residents are a population
            "## Bruges\n\nIt has roughly 118,000 residents and more than 80 bridges.",
            {
                ("Bruges", "population", "roughly 118,000"),
                ("Bruges", "number_of_bridges", "more than 80"),
            },
        ),
        (  # a count of a two-word kind
            "Chopin wrote two piano concertos and 27 études.",
            {("Chopin", "number_of_piano_concertos", "two")},
        ),
        (  # an event's date: after "of" / "in", or a range in parentheses (no life of a war)
            "Trade fell after the Battle of Lepanto in 1571 and the Cretan War (1645–1669).",
            {
                ("Battle of Lepanto", "happened_in", "1571"),
                ("Cretan War", "happened_in", "1645–1669"),
            },
        ),
        (  # a year in parentheses after a name; a reign's years; a participle after a dash
            "- The Act of Union (1707) joined the crowns.\n"
            "- Queen Anne (r. 1702–1714) signed it.\n"
            "- Blenheim Palace was the prize: Blenheim Palace, built as a gift in 1705.",
            {
                ("Act of Union", "date", "1707"),
                ("Queen Anne", "reign_start", "1702"),
                ("Queen Anne", "reign_end", "1714"),
                ("Blenheim Palace", "built_in", "1705"),
            },
        ),
        (  # a quoted title or a numbered name before its year; a law "of" its year
            'Her hit "Feeling Good Again" (1965) followed RFC 2616 (1999) and the Clean Air '
            "Act of 1970.",
            {
                ("Feeling Good Again", "date", "1965"),
                ("RFC 2616", "date", "1999"),
                ("Clean Air Act", "enacted_in", "1970"),
            },
        ),
        (  # the age at death, the subject a pronoun of the section
            "## Franz Schubert\n\nHe fell ill in 1828 and died in November, aged just 31.",
            {("Franz Schubert", "age_at_death", "31")},
        ),
    ],
)
def test_prose_states_attribute_values(answer: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _values(answer)


def test_a_war_has_no_life() -> None:
    facts = {
        (f.subject.text, f.predicate)
        for f in read_document("The Cretan War (1645–1669) drained Venice.")[1]
    }
    assert ("Cretan War", "born_in_year") not in facts


@pytest.mark.parametrize(
    "answer",
    [
        "The museum has three wings:\n\n- East\n- West\n- North",  # a count introducing a list
        "Lisbon has two old districts: Baixa and Alfama.",  # the same, the list run on after a colon
        "Metformin is the usual first drug for type 2 diabetes patients.",  # a label's number
        "Lisbon was rebuilt over 20 years after the earthquake.",  # a time, not a count
        "The bridge opened in 1998 and carries 2 lanes.",  # opened: a main clause, not a participle
        "Both cities have about 190 parks.",  # no named subject
    ],
)
def test_no_value_where_none_is_stated(answer: str) -> None:
    got = _values(answer)
    assert not {f for f in got if f[1].startswith("number_of_") and f[0] in ("museum", "Both")}
    assert not {f for f in got if f[2] in ("2", "20", "two", "three", "about 190")}, got


def test_a_sentence_without_a_digit_is_not_scanned_for_dates(
    count_scans: Callable[..., Any],
) -> None:
    # every date pattern needs a digit: a sentence without one skips them (speed), while a
    # count in words is still read
    counted = count_scans(values, _DATED)
    found = _values(
        "Lisbon is built on seven hills. The Rialto Bridge, completed in 1591, spans it."
    )
    assert ("Lisbon", "number_of_hills", "seven") in found
    assert ("Rialto Bridge", "completed_in", "1591") in found
    assert counted["_PARTICIPLE"].scanned == 1  # the dated sentence only
    assert counted["_EVENT_DATE"].scanned == 1 and counted["_LAW_YEAR"].scanned == 1
    assert counted["_NAME_YEAR"].scanned == 0  # no "(" either


def test_the_works_a_key_value_item_lists_are_dated_by_their_year_in_brackets() -> None:
    found = _values(
        "## Rachel Vanger\n\n- **Best-known book:** *Silent Waters* (1962)\n"
        '- **Songs:** "Blue River" (1964), written after the flood; "Old Mill" (1969)\n'
        '- **First hit** — her version of "Cold Creek" (1959)\n'
    )
    assert {
        ("Silent Waters", "date", "1962"),
        ("Blue River", "date", "1964"),
        ("Old Mill", "date", "1969"),
        ("Cold Creek", "date", "1959"),
    } <= found, found


def test_a_count_about_a_name_after_its_class_word_or_with_an_adverb_or_a_range() -> None:
    found = _values(
        "The genus Vangeria contains about 40 species. The Vanger Quartet usually has 4–6 players."
        " The Vanger Cup saw 1914–1918 disruptions."
    )
    assert {
        ("Vangeria", "number_of_species", "about 40"),
        ("Vanger Quartet", "number_of_players", "4–6"),
    } <= found, found
    assert not any(o.startswith("1914") for _, _, o in found), found


def test_a_dated_title_is_its_highlighted_words_without_an_opening_preposition_or_owner() -> None:
    found = _values(
        "## Works\n\n- *Portrait with Lantern and Moth* (1931)\n\n"
        "In The Silent Orchard (1871) he applied the idea to farms. "
        "**Ada Roth**'s *The Glass Harbour* (1642) hangs in Leiden. "
        "Banks follow the **Truth in Lending Rules Act** (1991)."
    )
    assert ("Portrait with Lantern and Moth", "date", "1931") in found, found
    assert ("Silent Orchard", "date", "1871") in found, found  # (names lose their article)
    assert ("Glass Harbour", "date", "1642") in found, found
    # a law's year is when it was enacted
    assert ("Truth in Lending Rules Act", "enacted_in", "1991") in found, found
    assert not any(s.startswith(("In ", "Ada Roth")) for s, _, _ in found), found


def test_a_bare_one_word_name_is_not_dated_by_the_year_after_it() -> None:
    # "Qatar (2019)": a place or a person named in one word, neither quoted nor highlighted, is
    # no title; the year is when it did what the sentence says (left), not its date
    found = _values(
        "## Vanger League\n\nSeveral members have left, including Norland (2019), Vesta (2020) "
        "and Tarnia (2024). Its charter, *The Tarn Accord* (1961), and *Rivers* (1964) remain."
    )
    assert not any(s in ("Norland", "Vesta", "Tarnia") for s, _, _ in found), found
    assert ("Tarn Accord", "date", "1961") in found, found
    assert ("Rivers", "date", "1964") in found, found  # a highlighted title of one word


def test_a_heading_that_names_a_dated_thing_gives_its_date() -> None:
    """ "## The Siege of Rhodes (1480)": a heading is no sentence, but its bracket dates the thing
    it names (an event's date is when it happened); a range after a name (a lifespan) and a
    generic heading ("Timeline", "Overview") give nothing."""
    answer = (
        "# The Treaty of Lindholm (1731)\n\nIt ended a long quarrel.\n\n"
        "## The Great Frost Crisis (March 1740)\n\nRivers froze.\n\n"
        "## Ada Lindqvist (1702–1768)\n\nShe wrote it.\n\n"
        "## Timeline (1731)\n\nDates follow."
    )
    assert _values(answer) == {
        ("Treaty of Lindholm", "date", "1731"),
        ("Great Frost Crisis", "happened_in", "March 1740"),
    }


def test_a_hedged_span_in_brackets_dates_the_period_it_follows() -> None:
    """ "the **Jazz Age** (about 1920–1929)": a span with "about" or "roughly" is a period's
    date, as written; a bare span after a name is a life (the people reader's), not a date."""
    found = _values("Dance bands boomed in the **Jazz Age** (about 1920–1929) across America.")
    assert ("Jazz Age", "date", "about 1920–1929") in found, found
    assert not _values("**Ada Mirren** (1921–1998) was a sculptor."), "a life is no date"
