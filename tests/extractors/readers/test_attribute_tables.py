"""Attribute tables and counted items (issue 11, ninth session): a comparison table's value cells
are attributes of their column, a key-value table may have no header words, a count's key may name
the count, and the items of a list that count the same noun under different keys each have their
count.  Answers of my own, no spaCy."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.attributes import count_of, numbered_rows
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.hierarchy_sections import tables_of
from grapheme_distill.extractors.readers.values import leading_count
from tests.extractors.readers.conftest import relation_triples as _triples

_COMPARISON = (
    "## Sloops and ketches\n\n| | Sloop | Ketch |\n|---|---|---|\n"
    "| Rig | fore-and-aft, one mast | two masts, the aft one shorter |\n"
    "| Typical length | 6–12 m | 12–25 m |\n"
    "| Number of masts | one | two |\n"
    "| Crew members | two (or one) | four |\n"
    "| First recorded | 1629 | 1660s |\n"
)


def test_a_comparison_tables_value_cells_are_attributes_of_their_column() -> None:
    found = _triples(_COMPARISON)
    assert {
        ("Sloop", "length", "6–12 m"),
        ("Ketch", "length", "12–25 m"),
        ("Sloop", "number_of_masts", "one"),
        ("Ketch", "number_of_masts", "two"),
        ("Sloop", "number_of_crew_members", "two"),
        ("Ketch", "number_of_crew_members", "four"),
    } <= found, found
    assert ("Sloop", "first_recorded", "1629") in found or ("Sloop", "recorded_in", "1629") in found


def test_a_comparison_tables_short_descriptions_are_attributes_of_their_column() -> None:
    """A row whose every cell is a value or a short description gives each column the head of
    its description ("fore-and-aft, one mast": fore-and-aft); a plural key keeps the list."""
    found = _triples(_COMPARISON)
    assert ("Sloop", "rig", "fore-and-aft") in found, found
    found = _triples(
        "## TCP and UDP\n\n| Feature | TCP | UDP |\n|---|---|---|\n"
        "| Delivery | guaranteed, in order | best-effort; packets may be lost |\n"
        "| Typical uses | web (HTTP), email, SSH | DNS lookups, video calls |\n"
    )
    assert {
        ("TCP", "delivery", "guaranteed"),
        ("UDP", "delivery", "best-effort"),
        ("TCP", "used_for", "web"),
        ("TCP", "used_for", "SSH"),
        ("UDP", "used_for", "video calls"),
    } <= found, found


def test_a_comparison_row_of_sentences_questions_or_hedges_gives_no_description() -> None:
    """A question for a key, a verb phrase, a hedged cell or a row whose other cell is a
    sentence or a "yes" is no parallel description: nothing is read from it."""
    found = _triples(
        "## Wills and trusts\n\n| | Will | Trust |\n|---|---|---|\n"
        "| Public? | yes | private |\n"
        "| Main job | keeps the estate simple | avoids probate |\n"
        "| Active | mostly at night | by day |\n"
        "| Cost | a few hundred dollars | it depends on the lawyer you choose |\n"
        "| Time to set up | 2 weeks | 6 weeks |\n"
    )
    assert ("Will", "time_to_set_up", "2") in found, found  # a value cell, as before
    assert not {f for f in found if f[1] in ("public", "main_job", "active", "cost")}, found


def test_a_key_value_table_without_header_words_is_about_the_section_subject() -> None:
    found = _triples(
        "## Ingrid Vanger\n\n| | |\n|---|---|\n| **Born** | 3 May 1921 |\n"
        "| **Height** | 1.71 m |\n| **Expeditions** | 14 |\n"
    )
    assert {
        ("Ingrid Vanger", "born_on", "3 May 1921"),
        ("Ingrid Vanger", "height", "1.71 m"),
        ("Ingrid Vanger", "number_of_expeditions", "14"),
    } <= found, found


def test_a_detail_table_without_a_heading_is_about_the_answers_first_subject() -> None:
    found = _triples(
        "The Vanger Glacier is a valley glacier in Lapland.\n\n| Detail | Value |\n|---|---|\n"
        "| Length | about 9 km |\n"
    )
    assert ("Vanger Glacier", "length", "about 9 km") in found, found


def test_a_key_that_names_the_count_is_not_counted_twice() -> None:
    assert count_of("number of divisions", "two") == ("number_of_divisions", "two")


def test_a_measure_in_bytes_is_no_count_of_bytes() -> None:
    assert count_of("header size", "8 bytes") is None


def test_items_that_count_the_same_noun_each_have_their_count() -> None:
    found = _triples(
        "## The Vanger regatta\n\nThe regatta has three classes:\n\n"
        "1. **Kestrel** — the largest class, 24 boats\n2. **Merlin** — about 40 boats\n"
        "3. **Osprey** — 12 boats\n"
    )
    assert {
        ("Kestrel", "number_of_boats", "24"),
        ("Merlin", "number_of_boats", "about 40"),
        ("Osprey", "number_of_boats", "12"),
    } <= found, found
    assert not any(s == "Vanger regatta" and p in ("merlin", "osprey") for s, p, _ in found)


def test_a_lone_count_under_a_key_stays_an_attribute_of_the_subject() -> None:
    found = _triples("## Vanger Shipping\n\n- **Staff:** 8,000 employees\n- **Fleet:** 40 ships\n")
    assert ("Vanger Shipping", "staff", "8,000") in found, found
    assert not any(s in ("Staff", "Fleet") for s, _, _ in found), found


def test_an_item_whose_key_is_the_counted_noun_is_the_subjects_count() -> None:
    found = _triples(
        "## The Vanger Cup\n\n- **Teams:** 16 teams\n- **Heats:** 8 teams each\n"
        "- **Final:** 2 teams\n"
    )
    assert ("Final", "number_of_teams", "2") in found, found
    assert not any(s == "Teams" for s, _, _ in found), found


def test_a_leading_count_is_no_year_nor_a_measure_of_time() -> None:
    assert leading_count("about 180 wrestlers") == ("about 180", "number_of_wrestlers")
    assert leading_count("24 years at sea") is None
    assert leading_count("1898 elections") is None


def test_an_office_holder_is_in_office_since_the_date_given_after_the_name() -> None:
    found = _triples(
        "## The Vanger Institute\n\n- **Director-General:** Ingrid Vanger (since 2017)\n\n"
        "| | Vanger Institute | Nordic Survey |\n|---|---|---|\n"
        "| Current head | Ingrid Vanger (since 2017) | Olaf Lind (since March 2021) |\n"
    )
    assert {
        ("Ingrid Vanger", "director_general_since", "2017"),
        ("Ingrid Vanger", "head_since", "2017"),
        ("Olaf Lind", "head_since", "March 2021"),
    } <= found, found


def test_the_current_holder_of_an_office_holds_the_office() -> None:
    found = _triples("## Vanger Shipping\n\n- **Current CEO:** Olaf Lind\n")
    assert ("Olaf Lind", "ceo_of", "Vanger Shipping") in found, found


def test_a_named_parts_count_needs_no_company() -> None:
    found = _triples(
        "## The Vanger Parliament\n\nIt has two parts:\n\n"
        "- the **Upper Chamber**: nine senators elected for six years\n"
        "- the **Lower Chamber**, elected every four years\n"
    )
    assert ("Upper Chamber", "number_of_senators", "nine") in found, found


@pytest.mark.parametrize(
    "size",
    [
        "about 25 × 37 cm",
        # a bracketed aside is no part of the value: counted with it, the value was too long
        # for a measure, and the item a gloss nobody read
        "about 25 × 37 cm (it was larger — see below)",
    ],
)
def test_a_key_with_an_approximate_measure_is_an_attribute_not_a_gloss(size: str) -> None:
    found = _triples(
        "## The Vanger Print\n\n**Key facts**\n"
        "- **Series:** *Views of the Fjord*, of which it is the first print\n"
        f"- **Size:** {size}\n"
    )
    assert ("Vanger Print", "size", "about 25 × 37 cm") in found, found


def test_a_key_value_table_whose_first_pair_stands_in_the_header_row_is_read_whole() -> None:
    # markdown needs a header row: "| Born | 3 May 1921 |" on a table's first line is a pair
    found = _triples(
        "## Ingrid Vanger\n\n| Born | 3 May 1921 |\n|---|---|\n| Died | 9 June 1990 |\n"
        "| Spouse | Henrik Vanger |\n"
    )
    assert {
        ("Ingrid Vanger", "born_on", "3 May 1921"),
        ("Ingrid Vanger", "died_on", "9 June 1990"),
        ("Ingrid Vanger", "spouse", "Henrik Vanger"),
    } <= found, found


def test_a_count_followed_by_where_or_how_it_is_made_up_is_still_a_count() -> None:
    assert count_of("teams", "32 teams from around the world") == ("number_of_teams", "32")
    assert count_of("groups", "4 groups of 8 teams each") == ("number_of_groups", "4")
    assert count_of("length", "6,650 km") is None
    assert count_of("typical term", "20 years from filing") is None  # a measure
    found = _triples("## World Cup\n\n- **Teams:** 32 teams from around the world\n")
    assert ("World Cup", "number_of_teams", "32") in found, found


def test_a_key_value_table_under_no_topic_is_about_the_name_the_prompt_asks_about() -> None:
    found = _triples(
        "Very. **Ingrid Vanger** still holds the record.\n\n| | |\n|---|---|\n"
        "| **Born** | 3 May 1921 |\n| **Height** | 1.71 m |\n",
        "How tall was Ingrid Vanger, really?",
    )
    assert ("Ingrid Vanger", "born_on", "3 May 1921") in found, found


def test_a_plural_key_over_a_list_of_short_names_gives_each_of_them() -> None:
    found = _triples(
        "# Ilse Marrow\n\nIlse Marrow is a singer.\n\n- **Labels:** Bethlehem, Colpix and RCA\n"
    )
    assert {
        ("Ilse Marrow", "labels", "Bethlehem"),
        ("Ilse Marrow", "labels", "Colpix"),
        ("Ilse Marrow", "labels", "RCA"),
    } <= found, found


def test_a_singular_key_or_a_sentence_keeps_only_its_first_value() -> None:
    found = _triples(
        "# Ilse Marrow\n\nIlse Marrow is a singer.\n\n- **Label:** Bethlehem, later Colpix\n"
        "- **Effects:** she sings the blues, and plays the piano\n"
    )
    assert ("Ilse Marrow", "label", "later Colpix") not in found, found
    assert not any(o == "plays the piano" for _, _, o in found), found


_RANKED = (
    "The OSI model has seven layers; the application layer and the network layer matter most.\n\n"
    "| # | Layer | What it does | Examples |\n|---|---|---|---|\n"
    "| 7 | Application | Network services | HTTP, SMTP |\n| 3 | Network | Routing | IP |\n\n"
    "## Largest countries\n\n| Rank | Country | Population |\n|---|---|---|\n"
    "| 1 | India | about 1.43 billion |\n| 2 | China | about 1.41 billion |\n"
)


def test_a_column_that_only_numbers_the_rows_names_no_subject() -> None:
    found = _triples(_RANKED)
    assert {
        ("Application layer", "layer_number", "7"),
        ("Network layer", "layer_number", "3"),
        ("India", "rank", "1"),
        ("India", "population", "about 1.43 billion"),
        ("China", "population", "about 1.41 billion"),
    } <= found, found
    assert not any(s in {"7", "3", "1", "2"} for s, _, _ in found), found


def test_an_examples_column_gives_no_relation() -> None:
    found = _triples(_RANKED)
    assert not any(p == "examples" for _, p, _ in found), found


# infobox tables (thirteenth session): a birth or death value may end in the place it lies near or
# the age then; keys whose usual predicate is another word take it
_INFOBOX = (
    "**Clara Voss** was a German pianist.\n\n| | |\n|---|---|\n"
    "| Born | 3 May 1820, Lindenau, near Leipzig |\n"
    "| Died | 9 June 1871, Dresden, aged 51 |\n"
    "| Teacher | Anton Weiss |\n"
    "| Partner | Paul Roth |\n"
    "| Resting place | Trinity Cemetery, Dresden |\n"
)


def test_an_infobox_says_near_where_the_age_at_death_and_its_usual_predicates() -> None:
    found = _triples(_INFOBOX)
    assert {
        ("Lindenau", "near", "Leipzig"),
        ("Clara Voss", "age_at_death", "51"),
        ("Clara Voss", "taught_by", "Anton Weiss"),
        ("Clara Voss", "partner", "Paul Roth"),
        ("Clara Voss", "buried_in", "Trinity Cemetery"),
        ("Trinity Cemetery", "located_in", "Dresden"),
    } <= found, found
    assert not any(o in ("near Leipzig", "aged 51") for _, _, o in found)
    assert ("Clara Voss", "spouse", "Paul Roth") not in found


def test_a_qualified_key_the_key_table_knows_takes_its_predicate() -> None:
    answer = (
        "## Rice varieties\n\n| Variety | Origin | Classic use | Main grain |\n|---|---|---|---|\n"
        "| Basmati | India | biryani | long |\n"
    )
    found = _triples(answer)
    assert {("Basmati", "originates_from", "India"), ("Basmati", "used_for", "biryani")} <= found
    assert ("Basmati", "main_grain", "long") in found, found


def test_who_founded_it_and_a_clause_after_the_date_are_no_place() -> None:
    answer = (
        "**Kestrel Trust** is a charity.\n\n"
        "- **Founded:** 11 December 1946, by the Town Council\n"
        "- **Opened:** 3 May 1950, merging two older schools\n"
    )
    found = _triples(answer)
    assert ("Kestrel Trust", "founded_by", "Town Council") in found, found
    assert not any(o.startswith(("by ", "merging")) for _, _, o in found), found


def test_a_players_teams_and_college() -> None:
    answer = (
        "**Sam Reed** is a retired basketball player.\n\n"
        "- **College:** University of Vermont (1990–1993)\n"
        "- **NBA teams:** Boston Celtics (1993–2001), Utah Jazz (2001–2004)\n"
    )
    found = _triples(answer)
    assert {
        ("Sam Reed", "educated_at", "University of Vermont"),
        ("Sam Reed", "played_for", "Boston Celtics"),
        ("Sam Reed", "played_for", "Utah Jazz"),
    } <= found, found


def test_a_comparison_table_under_a_generic_first_header_compares_its_columns() -> None:
    # "| Feature | Sloop | Ketch |": the columns are the subjects, as under an empty first
    # header; no row is a thing named "Rig" with the attributes "sloop" and "ketch"
    found = _triples(_COMPARISON.replace("| | Sloop | Ketch |", "| Feature | Sloop | Ketch |"))
    assert ("Sloop", "length", "6–12 m") in found, found
    assert ("Ketch", "number_of_masts", "two") in found, found
    assert not any(s in ("Rig", "Typical length") for s, _, _ in found), found
    # a key-value table with a third, remark column stays rows about their first cell's name
    rows = _triples(
        "## Ketches\n\n| Feature | Value | Notes |\n|---|---|---|\n| Length | 12–25 m | long |\n"
    )
    assert not any(s == "Value" for s, _, _ in rows), rows


def test_the_places_of_a_place_key_end_where_a_clause_begins() -> None:
    found = _triples(
        "## Ada Roth\n\n| Detail | Value |\n|---|---|\n"
        "| Resting place | Norvel Cemetery, Lindau; her heart is in a church in Brenz |\n\n"
        "## Vantor\n\n- **Location:** Vantor Space Centre, Kelso, Upper Marr\n"
    )
    # each place lies in the next, up to the remark after the semicolon
    assert ("Norvel Cemetery", "located_in", "Lindau") in found, found
    assert ("Vantor Space Centre", "located_in", "Kelso") in found, found
    assert ("Kelso", "located_in", "Upper Marr") in found, found


def test_a_launch_site_is_a_place_key() -> None:
    found = _triples("## Vantor\n\n- **Launch site:** Vantor Space Centre, Kelso, Upper Marr\n")
    assert ("Vantor Space Centre", "located_in", "Kelso") in found, found
    assert ("Kelso", "located_in", "Upper Marr") in found, found


_ABBREVIATIONS = (
    "Your liver panel uses a few abbreviations.\n\n"
    "| Abbreviation | Stands for | Normal range |\n|---|---|---|\n"
    "| **ALT** | alanine aminotransferase | 7–56 U/L |\n"
    "| **Alb** | albumin (the main blood protein) | 35–50 g/L |\n"
)


def test_an_abbreviation_tables_rows_are_about_the_long_form() -> None:
    """The gold names the node by its long form; the short one is only its abbreviation."""
    found = _triples(_ABBREVIATIONS)
    assert ("alanine aminotransferase", "range", "7–56 U/L") in found, found
    assert ("albumin", "range", "35–50 g/L") in found, found
    assert not {t for t in found if t[0] in ("ALT", "Alb")}, found
    names = {f.subject.text for f in read_document(_ABBREVIATIONS)[1] if f.kind == "entity"}
    assert "ALT" not in names, names


def test_a_bracket_glued_to_a_name_is_part_of_it() -> None:
    """ "401(k)", "O(n log n)": a bracket right after a letter is no aside, so the cell names the
    account or the complexity class, not "401" or "O"."""
    found = _triples(
        "## Pension accounts\n\n| | Traditional 403(b) | Roth 403(b) |\n|---|---|---|\n"
        "| Contributions | pre-tax | after-tax |\n| Tax on withdrawals | taxed | tax-free |\n"
    )
    subjects = {t[0] for t in found}
    assert {"Traditional 403(b)", "Roth 403(b)"} <= subjects, found
    found = _triples(
        "| Class | Typical algorithm | Growth |\n|---|---|---|\n"
        "| O(n log n) | merge sort | gentle |\n| O(n!) | brute force | explosive |\n"
    )
    assert {t[0] for t in found} >= {"O(n log n)", "O(n!)"}, found


def test_clean_name_keeps_a_glued_bracket_and_drops_an_aside() -> None:
    assert clean_name("**O(n!)**.") == "O(n!)"
    assert clean_name("Roth 401(k):") == "Roth 401(k)"
    assert clean_name("(Octopus vulgaris)") == "Octopus vulgaris"


def test_a_generic_first_header_over_an_attribute_makes_each_row_a_subject() -> None:
    """Seventeenth session: under "| Field | Allowed values |" each row's first cell is a thing
    and the second header its attribute (``minute allowed_values 0–59``), not a key-value pair
    about the section's subject; "| Detail | Value |" stays key-value pairs."""
    found = _triples(
        "## Reading a timestamp\n\n| Field | Allowed values |\n|---|---|\n"
        "| second | 0–59 |\n| weekday | 1–7 |\n\n"
        "## Lake Orsa\n\n| Detail | Value |\n|---|---|\n| Area | 52 km² |\n"
    )
    assert {("second", "allowed_values", "0–59"), ("weekday", "allowed_values", "1–7")} <= found
    assert not any(p in ("second", "weekday") for _, p, _ in found), found
    assert ("Lake Orsa", "area", "52 km²") in found, found


def test_a_comparison_tables_columns_take_the_noun_the_answer_writes_after_them() -> None:
    """ "| | Clay | Sand |" in an answer that says "clay soil" and "sand soil": the columns are
    the soils (the hierarchy reader names them so, and so does the gold); an "Examples" row
    gives members of the columns (hierarchy), no relation; a preposition after the names
    ("Clay on slopes") completes nothing."""
    answer = (
        "Clay soil holds water; sand soil drains fast.\n\n"
        "| | Clay | Sand |\n|---|---|---|\n"
        "| Drainage | slow | fast |\n"
        "| Typical pH | 6.5–7.5 | 5.5–6.5 |\n"
        "| Famous examples | Gault, Weald | Bagshot, Thanet |\n"
    )
    found = _triples(answer)
    assert ("Clay soil", "ph", "6.5–7.5") in found or (
        "Clay soil",
        "typical_ph",
        "6.5–7.5",
    ) in found
    assert not any(s in ("Clay", "Sand") for s, _, _ in found), found
    assert not any(p == "famous_examples" for _, p, _ in found), found
    bare = _triples(
        answer.replace("Clay soil holds", "Clay on slopes holds").replace(
            "sand soil drains", "Sand on slopes drains"
        )
    )
    assert not any(s.endswith(" on") for s, _, _ in bare), bare


def test_a_cells_head_before_a_colon_is_its_value_and_a_duration_keeps_its_unit() -> None:
    """ "inventions: new, useful, non-obvious processes": the head before the colon is what the
    column protects, not "inventions: new" and the adjectives after it; "20 years from filing"
    is a term as written, not the number 20 (a bare "about 55 minutes" still reads its number)."""
    answer = (
        "| | Patent | Trademark |\n|---|---|---|\n"
        "| Protects | inventions: new, useful processes | brand identifiers: names, logos |\n"
        "| Typical term | 20 years from filing | 10 years, renewable |\n"
    )
    found = _triples(answer)
    assert ("Patent", "protects", "inventions") in found, found
    assert ("Trademark", "protects", "brand identifiers") in found, found
    assert not any(o in ("useful processes", "logos", "20") for _, _, o in found), found
    assert ("Patent", "term", "20 years from filing") in found, found
    timed = _triples("| Race | Winning time |\n|---|---|\n| Sprint | about 55 minutes |\n")
    assert ("Sprint", "winning_time", "about 55") in timed, timed


def test_a_classification_table_gives_no_rank_relations() -> None:
    # "| Kingdom | Animalia |": ranks are the hierarchy reader's; "Animalia rank Kingdom" is
    # no fact (twenty-first session)
    answer = (
        "## Classification of the red fox\n\n| Rank | Taxon |\n|---|---|\n"
        "| Kingdom | Animalia |\n| Phylum | Chordata |\n| Order | Carnivora |\n"
        "| Families | Canidae |\n| Species | *Vulpes vulpes* |\n"
    )
    found = _triples(answer)
    assert not {t for t in found if t[1] in ("rank", "taxon")}, found


def test_one_rank_word_in_a_table_is_no_classification() -> None:
    # "| Class | class |" in a table of Java's keywords is a row like any other: only a table
    # with two rank rows or more is a classification table (twenty-first session)
    answer = (
        "## OOP in Java\n\n| Concept | Keyword | Example |\n|---|---|---|\n"
        "| Class | class | class Dog {} |\n| Inheritance | extends | class Puppy extends Dog |\n"
    )
    assert ("Class", "keyword", "class") in _triples(answer)


def test_a_negated_highlighted_term_is_no_value_alone() -> None:
    """ "not **endangered**", "cartilage, not **bone**": the words before the term negate it, so
    the whole cell stays the value (review of 9d221a5)."""
    found = _triples(
        "## Sharks and rays\n\n| Feature | Sharks | Rays |\n|---|---|---|\n"
        "| Status | not **endangered** | **vulnerable** |\n"
        "| Skeleton | cartilage, not **bone** | cartilage |\n"
        "| Teeth | rows of sharp **teeth** | flat crushing **plates** |\n"
    )
    assert ("Sharks", "status", "endangered") not in found, found
    assert ("Sharks", "skeleton", "bone") not in found, found
    assert ("Rays", "teeth", "plates") in found, found


def test_a_cell_ending_in_one_highlighted_term_names_its_value_by_it() -> None:
    # "| Pupa | a bare **chrysalis** |": the words before the bold term describe it
    found = _triples(
        "## Frogs and toads\n\n| Feature | Frogs | Toads |\n|---|---|---|\n"
        "| Skin | smooth and **moist** | dry and **warty** |\n"
        "| Legs | long | short |\n"
    )
    assert ("Frogs", "skin", "moist") in found, found
    assert ("Toads", "skin", "warty") in found, found
    assert ("Frogs", "legs", "long") in found, found
    found = _triples(
        "## Knots\n\n| Knot | Size | Best with |\n|---|---|---|\n"
        "| Full Windsor | large | wide **spread collars** |\n"
    )
    assert ("Full Windsor", "best_with", "spread collars") in found, found


def test_a_cell_with_words_after_its_highlighted_term_or_two_terms_keeps_its_text() -> None:
    found = _triples(
        "## Knots\n\n| Knot | Size | Best with |\n|---|---|---|\n"
        "| Half-Windsor | medium | **most** standard **collars** |\n"
        "| Four-in-hand | small | **narrow** collars |\n"
    )
    assert ("Half-Windsor", "best_with", "most standard collars") in found, found
    assert ("Four-in-hand", "best_with", "narrow collars") in found, found


_NUMBERED = (
    "Key events of the Thirty Years' War:\n\n| # | Event |\n|---|---|\n"
    "| 1 | The Defenestration of Prague started the war in 1618 |\n"
    "| 2. | Sweden entered the war in 1630 |\n"
    "| 3 | The Peace of Westphalia ended the war in 1648 |\n"
)


def test_a_table_whose_first_column_only_numbers_its_rows_is_a_numbered_list() -> None:
    """ "| # | Event |" over "| 1 | … |", "| 2. | … |": the numbers name nothing and the
    sentences are no attributes of them; numbers that do not count 1, 2, 3 are a value."""

    def numbered(text: str) -> list[bool]:
        ctx, _ = read_document(parse_document(text), "")
        return [numbered_rows(rows) for rows in tables_of(ctx)]

    assert numbered(_NUMBERED) == [True]
    ages = "| Age | Milestone |\n|---|---|\n| 5 | Starts school |\n| 11 | Moves to secondary |\n"
    assert numbered(ages) == [False]
    assert not {t for t in _triples(_NUMBERED) if t[0] in ("1", "2", "3")}
    # a "#" column numbers its rows wherever the count starts (a table continued after prose)
    later = (
        _NUMBERED.replace("| 1 |", "| 4 |").replace("| 2. |", "| 5. |").replace("| 3 |", "| 6 |")
    )
    assert numbered(later) == [True]
    assert not {t for t in _triples(later) if t[0] in ("4", "5", "6")}
