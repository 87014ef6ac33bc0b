"""Who someone is (issue 11, fifth session): nationality and occupation in the shapes answers use
for people in prose — a copula with a list of occupations, a role before the name with or without
a nationality, a role set off by a comma after the name.  Fresh sentences, not development
answers; the ``absent`` cases pin precision (a place or a company described by its kind)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from grapheme_distill.extractors.readers import people, read_document


def _people(answer: str) -> set[tuple[str, str, str]]:
    return {
        (f.subject.text, f.predicate, f.object.text)
        for f in read_document(answer)[1]
        if f.construction.startswith("people.") and f.object is not None
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (  # every occupation of a coordinated list, one or two words each
            "Grace Hopper was an American mathematician, computer scientist and naval officer.",
            {
                ("Grace Hopper", "nationality", "American"),
                ("Grace Hopper", "occupation", "computer scientist"),
                ("Grace Hopper", "occupation", "mathematician"),
                ("Grace Hopper", "occupation", "naval officer"),
            },
        ),
        (  # a copula without a nationality, the list ending at a relative clause
            "Dorothy Hodgkin was a chemist and crystallographer who mapped penicillin.",
            {
                ("Dorothy Hodgkin", "occupation", "chemist"),
                ("Dorothy Hodgkin", "occupation", "crystallographer"),
            },
        ),
        (  # a role before the name, without a nationality
            "In 1905 she married the sculptor Auguste Rodin.",
            {("Auguste Rodin", "occupation", "sculptor")},
        ),
        (  # a role after the name, set off by commas, with a second occupation
            "Pablo Neruda, a Chilean poet and diplomat, won the Nobel Prize in 1971.",
            {
                ("Pablo Neruda", "nationality", "Chilean"),
                ("Pablo Neruda", "occupation", "poet"),
                ("Pablo Neruda", "occupation", "diplomat"),
            },
        ),
        (  # a role before the name at the start of a sentence, the article capitalised
            "The Flemish merchant Pieter Coecke sailed to Lisbon.",
            {
                ("Pieter Coecke", "nationality", "Flemish"),
                ("Pieter Coecke", "occupation", "merchant"),
            },
        ),
        (  # a plural role before a list of names: each name has it
            "The court employed the painters Holbein and Horenbout.",
            {("Holbein", "occupation", "painter"), ("Horenbout", "occupation", "painter")},
        ),
        (  # "-born" says where, not the nationality; "film star" keeps its modifier
            "Hedy Lamarr was an Austrian-born American film star and inventor.",
            {
                ("Hedy Lamarr", "nationality", "American"),
                ("Hedy Lamarr", "occupation", "film star"),
                ("Hedy Lamarr", "occupation", "inventor"),
            },
        ),
        (  # a double nationality before a role; "is described as a"
            "Eliel Saarinen is described as a Finnish-American architect.",
            {
                ("Eliel Saarinen", "nationality", "Finnish-American"),
                ("Eliel Saarinen", "occupation", "architect"),
            },
        ),
        (  # an organisation's nationality, after its name or before it
            "The site is run by the Open Rights Trust (ORT), a British non-profit organisation. "
            "He later joined the Scottish football club Ross County.",
            {
                ("Open Rights Trust", "nationality", "British"),
                ("Ross County", "nationality", "Scottish"),
            },
        ),
        (  # ... before a relative clause, a place word before the role (no nationality)
            "The act is named after Claude Pepper, the Florida senator who sponsored it.",
            {("Claude Pepper", "occupation", "senator")},
        ),
    ],
)
def test_people_are_described_by_nationality_and_occupation(
    answer: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _people(answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Lyon, the French city on the Rhône, is known for its food.",
        "Airbus, the European manufacturer, builds airliners in Toulouse.",
        "She was an English mathematician and famous, generally regarded as a pioneer.",
        "Radiohead are a rock band from Abingdon.",
        "He was a teacher in Leipzig.",  # a pronoun is resolved elsewhere, no person "He"
    ],
)
def test_things_described_by_their_kind_are_no_people(answer: str) -> None:
    got = _people(answer)
    assert not {f for f in got if f[0] in ("Lyon", "Airbus", "Radiohead", "He")}, got
    assert not {f for f in got if f[2] == "famous"}, got


def test_an_opening_with_a_foreign_title_in_parentheses_is_prose() -> None:
    """ "**Title** (Spanish: *…*) is a novel by …": the colon inside the parenthesis makes no
    key-value line, so the sentence is read like any paragraph."""
    from grapheme_distill.extractors.document import parse_document

    answer = (
        "**The Garden of Delights** (Dutch: *De Tuin der Lusten*) is a painting by the Dutch "
        "painter **Hieronymus Bosch**."
    )
    assert parse_document(answer).blocks[0].role == "paragraph"
    assert {
        ("Hieronymus Bosch", "nationality", "Dutch"),
        ("Hieronymus Bosch", "occupation", "painter"),
    } <= _people(answer)


def test_a_pattern_skips_a_sentence_without_its_punctuation(
    count_scans: Callable[..., Any],
) -> None:
    # a lifespan needs "(", a role or nationality after a name needs ",": a sentence without
    # them is not scanned for them (speed); what the sentences say is read as before
    counted = count_scans(people, ("LIFESPAN", "_APPOS_AFTER", "_ORG_AFTER"))
    got = _people(
        "The chemist Marie Curie (1867–1934) won two prizes. "
        "She met Pablo Neruda, a Chilean poet, in Paris. She worked in a laboratory."
    )
    assert ("Marie Curie", "born_in_year", "1867") in got
    assert ("Pablo Neruda", "occupation", "poet") in got
    assert counted["LIFESPAN"].scanned == 1
    assert counted["_APPOS_AFTER"].scanned == 1 and counted["_ORG_AFTER"].scanned == 1


def test_a_life_given_by_full_dates_or_an_uncertain_year_has_its_birth_and_death() -> None:
    found = _people(
        "Ada Lovelace (10 December 1815 – 27 November 1852) was an English mathematician. "
        "**Ibn Battuta** (1304 – c. 1368/69) was a Moroccan scholar."
    )
    assert {
        ("Ada Lovelace", "born_on", "10 December 1815"),
        ("Ada Lovelace", "died_on", "27 November 1852"),
        ("Ibn Battuta", "born_in_year", "1304"),
        ("Ibn Battuta", "died_in_year", "1368/69"),
    } <= found, found


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (  # a name "of" a place before the copula is the whole subject, not the place
            "Euclid of Megara was a Greek philosopher and logician who taught in Athens.",
            {
                ("Euclid of Megara", "nationality", "Greek"),
                ("Euclid of Megara", "occupation", "philosopher"),
                ("Euclid of Megara", "occupation", "logician"),
            },
        ),
        (  # an aside between the name and the copula; "former professional" are no part of
            # the occupation, a player is nothing without what he plays
            "Pelé Santos, often called the King, is a Brazilian former professional football "
            "player and businessman.",
            {
                ("Pelé Santos", "nationality", "Brazilian"),
                ("Pelé Santos", "occupation", "football player"),
                ("Pelé Santos", "occupation", "businessman"),
            },
        ),
        (  # an agent noun after a nationality is an occupation, listed or not
            "Its founder was Jan Kowalski, a Polish epidemiologist who studied typhus.",
            {
                ("Jan Kowalski", "nationality", "Polish"),
                ("Jan Kowalski", "occupation", "epidemiologist"),
            },
        ),
        (  # the role ends at "and former ...": what someone was is no occupation, the rest is
            "The bank is led by Amara Obi, a Ghanaian economist and former finance minister, "
            "since 2020.",
            {
                ("Amara Obi", "nationality", "Ghanaian"),
                ("Amara Obi", "occupation", "economist"),
            },
        ),
    ],
)
def test_coordinated_and_stacked_roles_are_each_read(
    answer: str, expected: set[tuple[str, str, str]]
) -> None:
    got = _people(answer)
    assert expected <= got, got
    assert not {f for f in got if f[2].startswith("former")}, got


@pytest.mark.parametrize(
    "answer",
    [
        "The Rhine, a German river, flows north.",
        "Rome, the Italian capital, is old.",
    ],
)
def test_an_unknown_word_after_a_nationality_needs_an_agent_ending(answer: str) -> None:
    assert not {f for f in _people(answer) if f[1] == "occupation"}, _people(answer)


def test_an_agent_noun_before_a_name_is_its_role() -> None:
    """ "the ornithologist John Gould": a role before the name needs no nationality when the word
    names an agent (-ist/-ian); "the river Thames" is no role."""
    got = _people(
        "He met the ornithologist John Gould and the tragedian Edmund Kean by the river Thames."
    )
    assert {
        ("John Gould", "occupation", "ornithologist"),
        ("Edmund Kean", "occupation", "tragedian"),
    } <= got, got
    assert not {f for f in got if f[0] == "Thames"}, got


def test_an_agent_noun_in_man_before_a_name_is_its_role() -> None:
    """ "the clergyman Mr Elton" names a role; "the woman Jane" does not."""
    got = _people("She refused the clergyman Mr Elton, but the woman Jane Fairfax accepted.")
    assert ("Mr Elton", "occupation", "clergyman") in got, got
    assert not {f for f in got if f[2] == "woman"}, got


def test_a_name_with_an_epithet_and_a_role_of_something() -> None:
    """ "Frederick the Great was ...", "Charles the Bold, the admiral of the fleet,": the epithet
    is part of the name, and a role may go on with "of" what."""
    got = _people(
        "Frederick the Great was a Prussian king and composer. "
        "Her cousin, Charles the Bold, the admiral of the northern fleet, sailed home."
    )
    assert {
        ("Frederick the Great", "nationality", "Prussian"),
        ("Frederick the Great", "occupation", "king"),
        ("Frederick the Great", "occupation", "composer"),
        ("Charles the Bold", "occupation", "admiral"),
    } <= got, got


def test_a_person_introduced_inside_a_glossary_gloss_is_read() -> None:
    """ "- **Refraction** — ... named after the Dutch astronomer Willebrord Snellius": a gloss is
    prose about its term, and a person introduced there has a nationality and occupation too; the
    term itself ("Refraction") is no person."""
    got = _people(
        "## Terms\n\n"
        "- **Refraction** — the bending of light. It is described by **Snell's law**, named after"
        " the Dutch astronomer Willebrord Snellius.\n"
        "- **Prism** — a glass block that splits white light.\n"
    )
    assert {
        ("Willebrord Snellius", "nationality", "Dutch"),
        ("Willebrord Snellius", "occupation", "astronomer"),
    } <= got, got
    assert not {f for f in got if f[0] in ("Refraction", "Prism")}, got


def test_a_key_value_or_table_value_describes_the_person_it_names() -> None:
    """Seventeenth session: "**Travel partner:** Gustav Nachtigal, a German explorer" — the
    value's head is the partner (the attribute readers), the description after it says who he
    is, as in a paragraph; a table cell alike.  The years after a value are its period, no life
    ("Boston Celtics (1956–1969)")."""
    answer = (
        "# Heinrich Barth\n\n"
        "- **Travel partner:** Gustav Nachtigal, a German explorer\n"
        "- **Teams:** Boston Celtics (1956–1969), Los Angeles Lakers (1970–1972)\n\n"
        "| Relation | Person |\n|---|---|\n"
        "| Patron | Carl Ritter, a Prussian geographer (1779–1859) |\n"
    )
    found = _people(answer)
    assert {
        ("Gustav Nachtigal", "nationality", "German"),
        ("Gustav Nachtigal", "occupation", "explorer"),
        ("Carl Ritter", "nationality", "Prussian"),
        ("Carl Ritter", "occupation", "geographer"),
    } <= found, found
    assert not any(s.startswith(("Boston", "Los Angeles")) for s, _, _ in found), found


def _roles(answer: str) -> set[tuple[str, str, str]]:
    return {fact for fact in _people(answer) if fact[1] == "role"}


def test_a_line_up_gives_each_person_their_roles() -> None:
    """Eighteenth session: a list of people glossed with bare nouns is a line-up; each noun is
    the person's ``role`` (the scorer's is-a group), asides after the name left out."""
    answer = (
        "The band's classic line-up:\n\n"
        "- **Ringo Starr** (born 1940) — drums, vocals\n"
        "- **George Harrison** (born 1943), known as *Hari* — lead guitar\n"
        "- **Paul McCartney** — bass guitar, piano and vocals\n"
    )
    assert _roles(answer) == {
        ("Ringo Starr", "role", "drums"),
        ("Ringo Starr", "role", "vocals"),
        ("George Harrison", "role", "lead guitar"),
        ("Paul McCartney", "role", "bass guitar"),
        ("Paul McCartney", "role", "piano"),
        ("Paul McCartney", "role", "vocals"),
    }


@pytest.mark.parametrize(
    "answer",
    [
        # one person glossed alone is no line-up
        "Members:\n\n- **Ringo Starr** — drums\n- The rest of the band — see below\n",
        # a gloss that is prose, not bare nouns
        "Key people:\n\n- **Ada Lovelace** — wrote the first program\n"
        "- **Charles Babbage** — designed the engine\n",
        # terms that are no people's names
        "Sections:\n\n- **Strings** — violins, violas\n- **Brass** — horns, trumpets\n",
    ],
)
def test_no_line_up(answer: str) -> None:
    assert _roles(answer) == set()


# Titles and offices as people's relations (eighteenth session, second round): a military rank or
# an elected office before a name ("Captain Robert FitzRoy", "President Woodrow Wilson"), the
# holder of an office a key-value item names ("**Executive Director:** Catherine Russell"), and
# bracketed years that are a period, not a life.


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("The fleet sailed under Admiral Horatio Nelson.", {("Horatio Nelson", "rank", "admiral")}),
        (
            "The bill was signed by President Franklin Roosevelt in 1935.",
            {("Franklin Roosevelt", "occupation", "president")},
        ),
        (  # an initial inside the name
            "The bill was signed by President John F. Kennedy.",
            {("John F. Kennedy", "occupation", "president")},
        ),
    ],
)
def test_a_title_before_a_name_is_the_persons(answer: str, expected: set[tuple[str, ...]]) -> None:
    assert {f for f in _people(answer) if f[1] in ("title", "rank", "occupation")} == expected


@pytest.mark.parametrize(
    "answer",
    [
        "The General Assembly adopted the text.",  # a body
        "General Electric built the turbines.",  # a company: rank needs a given name and surname
        "Captain Marvel is a film.",  # one word after a rank
        "The talks were held at the Governor Phillip Tower.",  # a building
        # a sovereign's style is recorded for some rulers only: left out
        "Tsar Peter I founded the city.",
        "Sultan Mehmed II took the city.",
    ],
)
def test_a_name_opening_with_a_title_word_is_no_titled_person(answer: str) -> None:
    assert not {f for f in _people(answer) if f[1] in ("title", "rank", "occupation")}


def test_an_office_key_names_its_holder() -> None:
    answer = (
        "## Leadership\n\n"
        "- **Secretary-General:** Amina Mohammed (since 2017)\n"
        "- **Head of state:** Queen Margrethe II\n"
        "- **Founded:** 1945\n"
    )
    assert _people(answer) == {
        ("Amina Mohammed", "role", "Secretary-General"),
        ("Margrethe II", "role", "Head of state"),
    }


def test_an_office_key_with_no_person_gives_nothing() -> None:
    answer = "## Governance\n\n- **President:** elected every four years\n"
    assert not {f for f in _people(answer) if f[1] == "role"}


def test_bracketed_years_of_a_billing_or_a_short_period_are_no_life() -> None:
    """The years are a period, kept as a date node of its own (gold "2004–2009")."""
    answer = (
        "The band toured as Queen + Paul Rodgers (2004–2009). "
        "Ringo Starr later joined Rory Storm (1959–1962) for a while."
    )
    facts = read_document(answer)[1]
    assert not {f for f in _people(answer) if f[1].startswith(("born", "died"))}
    periods = {f.subject.text for f in facts if f.construction == "people.period"}
    assert periods == {"2004\u20132009", "1959\u20131962"}


def test_a_life_of_ten_years_or_more_is_still_a_life() -> None:
    found = _people("Edward Plantagenet (1475–1499) was held in the Tower.")
    assert ("Edward Plantagenet", "born_in_year", "1475") in found


def test_a_lifespan_after_an_aside_in_its_bracket() -> None:
    """ "(born Eunice Waymon; 1933–2003)", "(Polish: Fryderyk Chopin; 1810–1849)": the bracket
    opens with a birth name or a native spelling, the years after the semicolon are the life."""
    found = _people(
        "**Ada Mirren** (born **Adeline Mirowska**; 1921–1998) was a British sculptor. "
        "**Jan Wolny** (Polish: *Jan Wolny-Kowal*; 3 May 1850 – 9 June 1911) was a Polish poet."
    )
    assert {
        ("Ada Mirren", "born_in_year", "1921"),
        ("Ada Mirren", "died_in_year", "1998"),
        ("Jan Wolny", "born_on", "3 May 1850"),
        ("Jan Wolny", "died_on", "9 June 1911"),
    } <= found, found


@pytest.mark.parametrize(
    ("answer", "person"),
    [
        # a name's particle is a word of its own before a capitalised name: the "di" of
        # "discovered" is no particle (the person was "Marie Curie di")
        ("The French chemist Marie Curie discovered radium.", "Marie Curie"),
        ("The Dutch painter Rembrandt van Rijn lived in Amsterdam.", "Rembrandt van Rijn"),
        ("The Spanish philosopher José Ortega y Gasset wrote essays.", "José Ortega y Gasset"),
        ("The Italian painter Amedeo Modigliani lay in Paris.", "Amedeo Modigliani"),
    ],
)
def test_a_name_particle_is_a_word_before_a_capitalised_name(answer: str, person: str) -> None:
    assert {s for s, p, _ in _people(answer) if p == "occupation"} == {person}
