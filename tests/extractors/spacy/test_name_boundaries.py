"""Where a name starts and ends (issue 11, fourth session), in sentences of our own: two places
joined by "to" are two names from either side, and a short form spelled like a stop word ("US",
"WHO") is a name."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy.named import named_mentions
from grapheme_distill.extractors.spacy.names import mention_of
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model


def _named(text: str) -> list[str]:
    with use_entity_model(None):  # the rules' names, without the learned decision's noun chunks
        return [m.text for m in named_mentions(load_model()(text))]


def test_two_places_joined_by_to_stay_two_names_seen_from_the_second() -> None:
    found = _named("In 1815 the province passed from Austria to Italy after the war.")
    assert "Italy" in found, found
    assert not any("Austria to Italy" in n for n in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prices rose fastest in the US last year.", "US"),
        ("The WHO declared the outbreak over in June.", "WHO"),
    ],
)
def test_a_short_form_spelled_like_a_stop_word_is_a_name(text: str, name: str) -> None:
    assert name in _named(text)


def test_the_short_forms_reach_the_entities(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Inflation in the US fell in 2023, the WHO said nothing about it.")
    names = {e.name for e in ex.entities.values()}
    assert "US" in names, names


def test_a_measure_a_sum_and_a_share_written_in_digits_are_nodes() -> None:
    found = _named("The statue weighs 225 tonnes, cost $4 billion and drew 12 % of visitors.")
    assert any("225 tonnes" in n for n in found), found
    assert any("$4 billion" in n for n in found), found
    assert any("12 %" in n for n in found), found


def test_a_count_in_words_is_no_node() -> None:
    assert not any("three" in n for n in _named("The band has three members and a manager."))


def test_a_number_in_digits_is_a_node_but_a_step_number_or_a_version_is_not() -> None:
    assert "23" in _named("The album holds 23 tracks recorded in one week.")
    found = _named("Steps: 1. Rinse the rice. 2. Soak it. Queen Anne (1702–1714) used Python 3.12.")
    assert not {"1", "2", "3.12"} & set(found), found


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Queen Anne (1702–1714) was the last Stuart monarch.", {"1702", "1714"}),
        ("Gustav Mahler (1860-1911) wrote nine symphonies.", {"1860", "1911"}),
        ("Edward VI (r. 1547–1553) became king aged nine.", {"1547", "1553"}),
    ],
)
def test_a_span_of_years_gives_each_year_as_a_date(text: str, years: set[str]) -> None:
    """A person's "(1702–1714)" gives its two ends as dates (born, died; began, ended) and,
    since the fortieth session, the range itself as one period (the node of "lived", "reigned")."""
    found = _named(text)
    assert years <= set(found), found
    assert sum(1 for n in found if n[:1].isdigit() and ("–" in n or "-" in n)) == 1, found


@pytest.mark.parametrize(
    ("text", "period", "years"),
    [
        (
            "Japan changed fast, and after the short Boshin War (1868–1869) the shogunate was gone.",
            "1868–1869",
            {"1868", "1869"},
        ),
        ("The minuet is typical of the Classical period (roughly 1750–1820).", "1750–1820", set()),
        ("He played for the Chicago Bulls (1984–1993) and won six titles.", "1984–1993", set()),
        ("Nikola Tesla (1856–1943) was a Serbian-American inventor.", None, {"1856", "1943"}),
    ],
)
def test_a_span_of_years_not_a_persons_is_one_period(
    text: str, period: str | None, years: set[str]
) -> None:
    """Twenty-sixth session: another thing's span of years ("the Boshin War (1868–1869)") is one
    date node in the gold, the period the facts point to; a person's also gives its two dates,
    also when NER calls the person's name a group ("Nikola Tesla (1856–1943) was …")."""
    found = set(_named(text))
    if period is None:
        assert years <= found, found
        assert "1856–1943" in found, found
    else:
        assert period in found, found
        assert not years & found, found


@pytest.mark.parametrize(
    ("text", "period", "years"),
    [
        ("Ada Pell (1815–1852) wrote the first program.", "1815–1852", {"1815", "1852"}),
        ("The **Orvald** king (r. 1485–1509) founded a dynasty.", "1485–1509", {"1485", "1509"}),
    ],
)
def test_a_persons_span_of_years_is_also_one_period(
    spacy_x: SpacyExtractor, text: str, period: str, years: set[str]
) -> None:
    """Fortieth session: the later writers name a person's range itself ("lived 1815–1852",
    "reigned 1485–1509"); its ends stay dates for the birth and the death."""
    ex = spacy_x.extract(text)
    dates = {e.name for e in ex.entities.values() if e.type.value == "DATETIME"}
    assert {period} | years <= dates, dates


def test_a_span_of_years_reaches_the_entities_as_dates(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Gustav Mahler (1860–1911) was an Austrian composer.")
    dates = {e.name for e in ex.entities.values() if e.type.value == "DATETIME"}
    assert {"1860", "1911"} <= dates, dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Iceland has about 8 % of its land under ice.", "about 8 %"),
        ("The town has roughly 1.46 million residents.", "roughly 1.46 million"),
        ("The lake holds around 99,000 fish.", "around 99,000"),
    ],
)
def test_an_approximate_value_keeps_its_hedge(text: str, value: str) -> None:
    """Gold writes values as the text does ("about 8 %"); "8 %" alone no longer matches it."""
    assert value in _named(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lake Baikal's ecosystem: Step 1: Water flows in. Step 2: Oxygen mixes.",
        "Phase 3: the dough rests overnight.",
    ],
)
def test_the_number_of_a_step_or_phase_is_no_node(text: str) -> None:
    found = _named(text)
    assert not {"1", "2", "3"} & set(found), found


def test_a_duration_written_in_digits_is_a_node_but_a_duration_in_words_is_not() -> None:
    """A measured time ("about 21.5 hours") is an attribute's value like any other measure."""
    found = _named("The two moonwalkers spent about 21.5 hours on the surface.")
    assert any("21.5 hours" in n for n in found), found
    assert not any("hours" in n for n in _named("They waited a few hours for the tide."))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (  # a title in quotes keeps its article, pronouns and prepositions
            'The duo\'s hits include "Paper Moon", "The Rain Falls On Us All" and '
            '"Your Song Is For Me".',
            {"The Rain Falls On Us All", "Your Song Is For Me"},
        ),
        (  # a question heading names its subject without the question word
            "## What the WTO does\n\nThe WTO settles trade disputes.\n\n"
            "**Is the OECD part of the UN?** No, it is separate.\n",
            {"WTO", "OECD"},
        ),
    ],
)
def test_where_a_quoted_title_or_a_question_subject_starts_and_ends(
    spacy_x: SpacyExtractor, text: str, wanted: set[str]
) -> None:
    names = {e.name for e in spacy_x.extract(text).entities.values()}
    assert wanted <= names, names
    assert not {n for n in names if n.startswith(("What ", "Is ", "Winner", "Rain"))}, names


def _read(text: str, word: str) -> str | None:
    """The name :func:`mention_of` reads at ``word``'s first token."""
    doc = load_model()(text)
    m = mention_of(next(t for t in doc if t.text == word))
    return None if m is None else m.text


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        # a mixed-case name is a name though its letters spell a stop word ("next")
        ("Steve Jobs founded Apple and NeXT.", "NeXT", "NeXT"),
        # a title's widening goes back over a clitic glued to a capitalised word
        (
            "It grew out of the Don't Make a Wave Committee, a small group of activists.",
            "Committee",
            "Don't Make a Wave Committee",
        ),
        # a law's or a world fair's year after "of" is part of its name
        (
            "It was created by the Taxpayer Relief Act of 1997.",
            "Act",
            "Taxpayer Relief Act of 1997",
        ),
        (
            "Debussy heard it at the Paris Exposition of 1889.",
            "Exposition",
            "Paris Exposition of 1889",
        ),
        # a number word spelled in capitals inside a title does not end it
        (
            "In 1632 he published the Dialogue Concerning the Two Chief World Systems, which "
            "mocked the Church.",
            "Dialogue",
            "Dialogue Concerning the Two Chief World Systems",
        ),
        # a person with a given name and a surname ends before "of <country>", from either side
        ("The record was set by Kevin Mayer of France in Talence.", "Mayer", "Kevin Mayer"),
        ("The record was set by Kevin Mayer of France in Talence.", "France", "France"),
        # ... a name of one word, a regnal number or a style keeps its "of <place>"
        ("Catherine of Aragon married Henry.", "Aragon", "Catherine of Aragon"),
        ("King Philip II of Spain sent the Armada.", "II", "King Philip II of Spain"),
        # an eponym's possessive is part of the term; an owner's or a place's is not
        ("Antigens pass through Peyer's patches in the gut.", "patches", "Peyer's patches"),
        ("Light bends according to Snell's law.", "law", "Snell's law"),
        ("Apple's revenue grew last year.", "revenue", "revenue"),
        ("France's capital is Paris.", "capital", "capital"),
    ],
)
def test_where_a_name_read_from_one_of_its_words_starts_and_ends(
    text: str, word: str, name: str
) -> None:
    assert _read(text, word) == name


def test_the_year_of_a_law_is_read_with_the_law_not_as_a_date_of_its_own() -> None:
    found = _named("Roth IRAs came with the Taxpayer Relief Act of 1997.")
    assert "Taxpayer Relief Act of 1997" in found, found
    assert "1997" not in found, found


def test_an_eponym_is_no_node_of_its_own_beside_its_term() -> None:
    found = _named("Light bends according to Snell's law.")
    assert "Snell's law" in found, found
    assert "Snell" not in found, found
