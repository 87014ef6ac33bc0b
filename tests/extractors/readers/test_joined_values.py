"""Table cells and key values (issue 11, twenty-second session).  A value that joins names by
"and" or "or" ("India and Pakistan" under "Origin", "Himalayas and south-west China" under
"Range", "quarks and leptons" under "Acts on") gives one fact per name; adjectives, a shared
head, a single letter and a work's title stay whole.  A header that says what the row's subject
does by a verb ("| What it holds |") makes the verb the relation; "| What it does |" and "| What
it means |" stay remarks.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers.attribute_values import joined
from tests.extractors.readers.conftest import relation_triples as _triples


def test_a_cell_joining_names_is_one_fact_per_name() -> None:
    found = _triples(
        "## Teas\n\n| Tea | Grown in | Leaves |\n|---|---|---|\n"
        "| Darjeeling | India and Nepal | whole and curled |\n"
        "| Pu-erh | Yunnan or Sichuan | pressed into cakes |\n"
    )
    assert {
        ("Darjeeling", "grown_in", "India"),
        ("Darjeeling", "grown_in", "Nepal"),
        ("Pu-erh", "grown_in", "Yunnan"),
        ("Pu-erh", "grown_in", "Sichuan"),
    } <= found, found
    assert ("Darjeeling", "grown_in", "India and Nepal") not in found, found


def test_adjectives_shared_heads_letters_and_titles_stay_whole() -> None:
    assert joined("acts on", "quarks and leptons") == ["quarks", "leptons"]
    assert joined("range", "Himalayas and south-west China") == ["Himalayas", "south-west China"]
    for key, value in (
        ("texture", "light and airy"),
        ("best with", "narrow or button-down collars"),
        ("carrier particle", "W and Z bosons"),
        ("key step", "withered and dried"),
        ("novel", "Pride and Prejudice"),
        ("role", "runs the board and sets its strategy"),
    ):
        assert joined(key, value) == [value], (key, value)


def test_a_what_it_verb_header_names_the_relation() -> None:
    found = _triples(
        "## Pension pots\n\n| Pot | What it holds | Opened at |\n|---|---|---|\n"
        "| Saver pot | government bonds | 18 |\n| Growth pot | company shares | 25 |\n"
    )
    assert {
        ("Saver pot", "holds", "government bonds"),
        ("Growth pot", "holds", "company shares"),
    } <= found, found


def test_what_it_does_or_means_stays_a_remark() -> None:
    found = _triples(
        "## Layers\n\n| Layer | What it does | What it means |\n|---|---|---|\n"
        "| Transport | end-to-end delivery | reliable streams |\n"
        "| Network | routing between networks | addressing |\n"
    )
    assert not {t for t in found if t[1] in ("does", "means", "what_it_does")}, found
