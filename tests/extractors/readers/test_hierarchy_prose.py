"""Prose hierarchy (``readers/hierarchy_prose.py``): a numbered division of a named text is part
of it ("Article 9 of the Geneva Convention", tenth session).  Cases in words of their own."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document
from grapheme_distill.model.knowledge import HierarchyKind
from tests.extractors.readers.conftest import hierarchy_pairs


def _parts(answer: str) -> set[tuple[str, str]]:
    """The (whole, part) pairs the numbered-division pattern reads."""
    facts = read_document(answer, "")[1]
    numbered = [f for f in facts if f.construction == "prose.numbered_part"]
    return {(f.subject.text, f.object.text if f.object else "") for f in numbered}


def test_a_numbered_division_of_a_named_text_is_its_part() -> None:
    pairs = _parts(
        "Under **Article 12** of the Water Rights Charter 1998, each farm may draw its share. "
        "Chapter IV of The Lighthouse Keepers describes the storm."
    )
    assert ("Water Rights Charter 1998", "Article 12") in pairs
    assert ("The Lighthouse Keepers", "Chapter IV") in pairs  # a title keeps its capital "The"


def test_a_number_of_something_unnamed_is_no_part() -> None:
    pairs = _parts("Section 3 of the report covers costs, and part 2 of the plan is late.")
    assert not pairs


def _hierarchy(answer: str) -> set[tuple[str, str]]:
    """The (parent, child) pairs of every hierarchy edge read from the answer."""
    facts = read_document(answer, "")[1]
    return {(f.subject.text, f.object.text) for f in facts if f.kind == "hierarchy" and f.object}


def test_such_as_after_a_bare_plural_names_no_class() -> None:
    pairs = _hierarchy(
        "Growers sell to firms such as Alder Foods and Birch Mills. Rural clinics say that "
        "antiviral drugs such as Zovirax and Tamiflu run short."
    )
    assert ("antiviral drugs", "Zovirax") in pairs
    assert not any(whole == "firms" for whole, _ in pairs)


def test_one_example_of_a_singular_class_after_a_is_a_member() -> None:
    pairs = _hierarchy(
        "To run the stack you need a message broker such as Kelvo. Teams that outgrow one box "
        "should look at an orchestrator such as Marrow."
    )
    assert ("message broker", "Kelvo") in pairs
    assert ("orchestrator", "Marrow") in pairs


def test_names_that_make_up_the_whole_come_before_it() -> None:
    pairs = _hierarchy(
        "Together, the rotor, stator and housing make up the motor. Finches and buntings "
        "together form the superfamily Fringilloidea. The two rivers form the border. "
        "Sand and gravel make up most of the bed."
    )
    assert {("motor", "rotor"), ("motor", "stator"), ("motor", "housing")} <= pairs
    assert {("Fringilloidea", "Finches"), ("Fringilloidea", "buntings")} <= pairs
    assert not any(whole in ("border", "most") for whole, _ in pairs)


def test_a_different_rank_is_named_after_the_comma() -> None:
    pairs = _hierarchy("Swifts belong to a different order, **Apodiformes**, with hummingbirds.")
    assert ("Apodiformes", "Swifts") in pairs
    assert not any(whole.startswith("different") for whole, _ in pairs)


CALLED_LISTS = [
    pytest.param(
        "Through the telescope he found five bright rings, later known as the Lyra rings: "
        "Alpha, Beta, Gamma, Delta and Epsilon.",
        "lyra rings",
        {"alpha", "beta", "gamma", "delta", "epsilon"},
        id="known-as-the-group-before-its-members",
    ),
    pytest.param(
        "The two handovers are called relays: R1 (run to row) and R2 (row to ride).",
        "relays",
        {"r1", "r2"},
        id="are-called-the-group-a-bracket-after-each-member",
    ),
    pytest.param(
        "A brass quintet is BQ5: trumpet, horn, trombone and tuba.",
        "bq5",
        {"trumpet", "horn", "trombone", "tuba"},
        id="is-a-capitalised-name-before-its-members",
    ),
]


@pytest.mark.parametrize(("text", "group", "members"), CALLED_LISTS)
def test_a_named_group_before_a_colon_has_the_listed_members(
    text: str, group: str, members: set[str]
) -> None:
    got = {(whole.lower(), part.lower()) for whole, part in _hierarchy(text)}
    assert {(group, m) for m in members} <= got, sorted(got)


@pytest.mark.parametrize(
    "text",
    [
        "The main side effects are digestive: nausea, diarrhoea and stomach upset.",
        "The street was named after two poets: Byron and Keats.",
        "It is called the Lyra rings: a set of five bright bands that circle the planet.",
    ],
)
def test_no_named_group_before_a_colon(text: str) -> None:
    facts = read_document(text, "")[1]
    assert not [f for f in facts if f.construction == "prose.called_list"]


# seventeenth session: "X has N Ys: A, B and C" — the count and the colon make the names the
# whole's own, whatever the noun; a count kept in a name, a trailing place or time dropped
HAS_COUNTED = [
    pytest.param(
        "The pentathlon has five events: 60 m hurdles, high jump, long jump, shot put and 800 m.",
        "pentathlon",
        {"60 m hurdles", "high jump", "long jump", "shot put", "800 m"},
        id="has-a-count-of-events",
    ),
    pytest.param(
        "Persian poetry has two great schools: Khorasani verse of the east and Iraqi verse of "
        "the west.",
        "persian poetry",
        {"khorasani verse", "iraqi verse"},
        id="a-place-after-each-name-is-dropped",
    ),
    pytest.param(
        "Students then sit the biathlon, which has two legs: skiing and shooting.",
        "biathlon",
        {"skiing", "shooting"},
        id="which-has-the-antecedent-is-the-whole",
    ),
]


@pytest.mark.parametrize(("text", "whole", "parts"), HAS_COUNTED)
def test_a_whole_that_has_a_counted_list_has_its_names(
    text: str, whole: str, parts: set[str]
) -> None:
    got = hierarchy_pairs(text)
    assert {(whole, p) for p in parts} <= got, sorted(got)


@pytest.mark.parametrize(
    "text",
    [
        "The recipe has two problems: it is too salty and it takes too long.",
        "The town has three reasons to celebrate: the harvest, the fair and the new bridge.",
        # two names for a count of four: not all the whole has, so not read as its parts
        "The league has four divisions: the Northern League and the Southern League.",
    ],
)
def test_no_counted_list_without_names(text: str) -> None:
    facts = read_document(text, "")[1]
    assert not [f for f in facts if f.construction == "prose.has_counted"]


def test_a_member_of_two_named_groups_is_a_member_of_each() -> None:
    got = hierarchy_pairs(
        "Norway is a member of the Nordic Council and of the Arctic Council, but not of the EU."
    )
    assert {("nordic council", "norway"), ("arctic council", "norway")} <= got, sorted(got)


# seventeenth session: "X is a Y made up of …" has X as the whole; a count may sit some words
# before its colon ("three legs run in a fixed order: A, then B, then C"), the names as many
MADE_UP = [
    pytest.param(
        "An aquathlon is a race made up of two legs run in a fixed order: swim, then run.",
        "aquathlon",
        {"swim", "run"},
        id="a-y-made-up-of-a-far-counted-list",
    ),
    pytest.param(
        "A string quartet is an ensemble composed of two violins, a viola and a cello.",
        "string quartet",
        {"violins", "viola", "cello"},
        id="a-y-composed-of-names",
    ),
]


@pytest.mark.parametrize(("text", "whole", "parts"), MADE_UP)
def test_the_subject_not_its_class_is_the_whole(text: str, whole: str, parts: set[str]) -> None:
    got = hierarchy_pairs(text)
    assert {(whole, p) for p in parts} <= got, sorted(got)


def test_a_far_count_must_match_the_names() -> None:
    got = hierarchy_pairs("The relay is made up of four legs swum in turn: butterfly and crawl.")
    assert ("relay", "butterfly") not in got, sorted(got)


def test_the_words_of_a_clause_after_a_list_are_no_child() -> None:
    """ "…, often with a coda", 'The word "penguin" originally belongs to …': a lower-case tail
    that opens with a preposition or carries a frequency adverb is the sentence's, not a name."""
    facts = read_document(
        "A rondo consists of a refrain and episodes, often with a coda. "
        'The word "penguin" originally belongs to the great auk of the North Atlantic.',
        "",
    )[1]
    children = {f.object.text for f in facts if f.kind == "hierarchy" and f.object is not None}
    assert {"refrain", "episodes"} <= children
    assert not any("often" in c or "originally" in c for c in children)


def test_examples_end_before_an_and_that_joins_the_sentence_list_again() -> None:
    """ "such as A, B or C, and D" and "such as the X, and Y": a list closed by "or", or a single
    name, takes no ", and" of its own; what follows is the sentence's, not another example."""
    facts = read_document(
        "Mild painkillers such as ibuprofen, aspirin or paracetamol, and triptans help. "
        "Its tools are research reports, letter-writing campaigns such as the annual Write for "
        "Rights, and lobbying of governments.",
        "",
    )[1]
    pairs = {
        (f.subject.text, f.object.text)
        for f in facts
        if f.construction.startswith("prose.such_as") and f.object is not None
    }
    assert ("Mild painkillers", "paracetamol") in pairs or (
        "mild painkillers",
        "paracetamol",
    ) in pairs
    assert not any(child.startswith(("triptans", "lobbying")) for _, child in pairs), pairs


def _such_as(answer: str) -> set[tuple[str, str]]:
    """The (class, example) pairs the Hearst reader gives for the answer."""
    facts = read_document(answer, "")[1]
    return {
        (f.subject.text, f.object.text)
        for f in facts
        if f.construction.startswith("prose.such_as") and f.object is not None
    }


def test_a_verb_after_a_modal_is_no_part_of_the_class() -> None:
    """ "Vets may prescribe strong antacids such as …": the word after a modal opens a verb phrase;
    the class is the noun phrase after it."""
    pairs = _such_as("Vets may prescribe strong antacids such as Zantrel and Pepsolin.")
    assert ("strong antacids", "Zantrel") in pairs, pairs
    assert not any(whole.startswith("prescribe") for whole, _ in pairs), pairs


def test_one_example_after_a_comma_names_no_class() -> None:
    """ "a blue hypergiant, such as Vorlan": after a comma one example may belong to any noun
    before it; without the comma it is the class's ("a message broker such as Kelvo")."""
    pairs = _such_as(
        "A heavy star becomes a blue hypergiant, such as Vorlan. You need a message broker such "
        "as Kelvo."
    )
    assert ("message broker", "Kelvo") in pairs
    assert not any(child == "Vorlan" for _, child in pairs), pairs


def test_a_list_of_proper_names_ends_before_the_sentence_verb() -> None:
    """ "Houses such as the Valois and Bourbons ruled kingdoms …": the last name is "Bourbons",
    not the clause after it; a name's own lower-case head stays ("Galápagos penguin")."""
    pairs = _such_as(
        "Royal houses such as the Valois and Bourbons ruled kingdoms across Europe. "
        "Small penguins such as the Humboldt penguin and the Galápagos penguin nest in burrows."
    )
    assert ("Royal houses", "Bourbons") in pairs or ("royal houses", "Bourbons") in pairs, pairs
    assert not any("ruled" in child for _, child in pairs), pairs
    assert not any(child == "Galápagos" for _, child in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "Germany and France are founding members of the European Union.",
        "Germany and France are permanent members of the European Union.",
    ],
)
def test_a_membership_adjective_keeps_the_members_of_form(text: str) -> None:
    # "are founding members of Y": the adjective qualifies the membership, the relation is still
    # the noun's (the clause reader reads the singular; the plural list was lost)
    pairs = _hierarchy(text)
    assert {("European Union", "Germany"), ("European Union", "France")} <= pairs, pairs


@pytest.mark.parametrize(
    "text",
    [
        "The Nile has two major tributaries, the White Nile and the Blue Nile.",
        "The Nile has two major tributaries \u2014 the White Nile and the Blue Nile.",
    ],
)
def test_a_counted_set_after_a_comma_or_dash_is_the_wholes(text: str) -> None:
    # the count and the names after a comma or dash, as many as counted, mark the list as the
    # whole's own as the colon does ("has seven events: A, B, …")
    pairs = _hierarchy(text)
    assert {("Nile", "White Nile"), ("Nile", "Blue Nile")} <= pairs, pairs


def test_a_counted_set_after_a_comma_needs_as_many_names() -> None:
    pairs = _hierarchy("She had three children, two sons and a daughter.")
    assert not pairs, pairs


@pytest.mark.parametrize(
    ("text", "whole", "child"),
    [
        ("Jazz has many subgenres, including bebop, swing and cool jazz.", "Jazz", "bebop"),
        (
            "The tiger has several subspecies, such as the Bengal tiger and the Siberian tiger.",
            "tiger",
            "Bengal tiger",
        ),
    ],
)
def test_a_kind_word_had_by_a_whole_names_the_wholes_children(
    text: str, whole: str, child: str
) -> None:
    # "X has many <kind word>, including A, B": the kind word names the children, X is the whole
    # (a bare plural before the cue was rejected, and the kind word alone is no group)
    pairs = {(parent.lower(), kid.lower()) for parent, kid in _hierarchy(text)}
    assert (whole.lower(), child.lower()) in pairs, pairs
    assert not any(parent in ("subgenres", "subspecies") for parent, _ in pairs)


def test_a_kind_word_without_a_whole_that_has_it_names_none() -> None:
    assert not _hierarchy("He visited many countries, including France, Spain and Italy.")


def test_a_counted_set_named_in_the_next_sentence_is_the_wholes() -> None:
    # "X has N Ys. They are A, B, …": as many names as counted, in the sentence after the count
    pairs = _hierarchy(
        "The heart has four chambers. They are the left atrium, the right atrium, the left "
        "ventricle and the right ventricle."
    )
    assert {("heart", "left atrium"), ("heart", "right ventricle")} <= pairs, pairs


def test_what_a_counted_set_is_like_names_no_children() -> None:
    assert not _hierarchy("Sam has two dogs. They are very friendly and playful.")


@pytest.mark.parametrize(
    "text",
    [
        "The UN has six main organs, the General Assembly, the Security Council, the Economic and "
        "Social Council, the Trusteeship Council, the International Court of Justice and the "
        "Secretariat.",
        "The UN has six main organs. They are the General Assembly, the Security Council, the "
        "Economic and Social Council, the Trusteeship Council, the International Court of Justice "
        "and the Secretariat.",
    ],
)
def test_an_and_inside_an_earlier_item_is_part_of_its_name(text: str) -> None:
    # a list joins only its last item with "and": "Economic and Social Council" is one of the six
    # (split at "and" it made seven names, and the count of six read none)
    pairs = _hierarchy(text)
    assert ("UN", "Economic and Social Council") in pairs, pairs
    assert ("UN", "Secretariat") in pairs, pairs


def test_a_lower_case_and_inside_an_earlier_piece_joins_two_items() -> None:
    # "hurdles, high jump, shot put and 200 m on the first day, and long jump, …": a list in two
    # parts; only capitalised words joined by "and" make one name
    pairs = _hierarchy(
        "The heptathlon has seven events: 100 m hurdles, high jump, shot put and 200 m on the "
        "first day, and long jump, javelin and 800 m on the second."
    )
    assert {("heptathlon", "shot put"), ("heptathlon", "200 m"), ("heptathlon", "javelin")} <= {
        (p.lower(), c.lower()) for p, c in pairs
    }, pairs


def test_a_ranks_name_in_apposition_is_the_class() -> None:
    # "the bear family, Ursidae": the rank's own name after its description is the class
    pairs = _hierarchy("The giant panda belongs to the bear family, Ursidae.")
    assert ("Ursidae", "giant panda") in pairs, pairs
    assert not any(parent == "bear family" for parent, _ in pairs), pairs


@pytest.mark.parametrize(
    ("sentence", "whole", "children"),
    [
        ("Genetically, owls belong to the order Strigiformes.", "strigiformes", {"owls"}),
        ("In taxonomy, voles belong to the family Cricetidae.", "cricetidae", {"voles"}),
        ("Like all gulls, terns belong to the family Laridae.", "laridae", {"terns"}),
        (
            "Of these, the lute and the oud belong to the plucked family.",
            "plucked family",
            {"lute", "oud"},
        ),
        (
            "Today, Norland and Vesta are members of the Tarn Union.",
            "tarn union",
            {"norland", "vesta"},
        ),
        ("Historically, owls are a type of bird.", "bird", {"owls"}),
    ],
)
def test_a_fronted_modifier_before_the_subject_is_no_child(
    sentence: str, whole: str, children: set[str]
) -> None:
    """ "Genetically, owls belong to …": a sentence adverb or a fronted phrase and its comma say
    how or when the sentence holds; only the subject after them is filed under the whole."""
    pairs = hierarchy_pairs(sentence)
    assert {child for parent, child in pairs if parent == whole} == children


def test_a_name_ending_in_ly_opening_a_list_stays_a_member() -> None:
    assert ("chess club", "kelly") in hierarchy_pairs(
        "Kelly, Ann and Bob belong to the chess club."
    )


def test_what_a_taxon_includes_is_its_subclass() -> None:
    """The conventions file taxonomy as ``subclass_of``: "the Vespidae, which includes …" names
    the taxon by its family ending alone, no rank word before it."""
    facts = read_document(
        "Two wasp families stand out: the Sphecidae and the Vespidae, which includes the "
        "paper wasps and the hornets. The genus Vulpes, which also includes the fennec and "
        "the kit fox, is the largest.",
        "",
    )[1]
    kinds = {
        (f.subject.text, f.object.text): f.hierarchy
        for f in facts
        if f.kind == "hierarchy" and f.object is not None
    }
    assert kinds[("Vespidae", "hornets")] is HierarchyKind.SUBCLASS_OF
    assert kinds[("Vulpes", "fennec")] is HierarchyKind.SUBCLASS_OF


@pytest.mark.parametrize(
    ("text", "present"),
    [
        pytest.param(
            "Rocks come in three kinds.\n\n**Igneous rock**: rock formed from cooled magma. "
            "Common examples are granite and basalt.\n",
            {("igneous rock", "granite"), ("igneous rock", "basalt")},
            id="a-key-value-paragraph",
        ),
        pytest.param(
            "- **Web browsers**: programs for viewing pages. Examples include Firefox, Safari "
            "and Chrome.\n- **Search engines**: tools that index the web.\n",
            {("web browsers", "firefox"), ("web browsers", "chrome")},
            id="a-list-items-gloss",
        ),
    ],
)
def test_examples_without_of_are_the_keys_examples(
    text: str, present: set[tuple[str, str]]
) -> None:
    """ "Examples include A, B and C" with no "of X" in a key's gloss: the key names the class."""
    pairs = hierarchy_pairs(text)
    assert present <= pairs, sorted(pairs)


def test_examples_in_plain_prose_name_no_class() -> None:
    pairs = hierarchy_pairs("Many rocks hold fossils. Examples include limestone and shale.")
    assert not {p for p in pairs if p[1] in ("limestone", "shale")}, sorted(pairs)


@pytest.mark.parametrize(
    "sentence",
    [
        "A trust fund is set up by the grandparents, but the savings belong to the daughter.",
        "In the old village the barn belonged to the farmer, who kept the hay there.",
        "Once the lease ends, the deposit belongs to you.",
    ],
)
def test_an_owner_is_no_class(sentence: str) -> None:
    """ "the savings belong to the daughter": whom a thing belongs to as its owner (a person's
    noun, a pronoun) is no class the thing is a member of."""
    assert not _hierarchy(sentence)


def test_a_class_after_belongs_to_stays_a_class() -> None:
    pairs = _hierarchy("The sea otter belongs to the weasel family, and the walrus to another.")
    assert ("weasel family", "sea otter") in pairs, pairs
    assert ("Lutrinae", "Otters") in _hierarchy("Otters belong to the subfamily Lutrinae.")


def test_a_clause_after_the_colon_is_no_list_of_parts() -> None:
    """ "call and response: the brass plays a phrase and the saxes answer": a noun and then a
    finite verb with its object after the colon make a clause, not the names of parts."""
    answer = (
        "# The string quartet\n\nA **string quartet** has four players.\n\n## Playing together\n\n"
        "The players often trade a tune in **imitation**: the viola echoes the line and the "
        "cello answers."
    )
    children = {child for _, child in _hierarchy(answer)}
    assert not any("echoes" in c or "answers" in c for c in children), children


def test_a_clause_after_a_counted_whole_is_no_list_of_its_parts() -> None:
    """ "Jazz has two roles: the soloist improvises a line and …": the counted form's list is a
    clause too when a noun and a finite verb with its object open it."""
    children = {
        child
        for _, child in _hierarchy(
            "A duo has two parts: the guitar plays a riff and the voice answers it."
        )
    }
    assert not any("plays" in c or "answers" in c for c in children), children


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Frogs belong to the amphibians, like salamanders and newts.", ("amphibians", "Frogs")),
        ("The gharial belongs to the crocodilians.", ("crocodilians", "gharial")),
    ],
)
def test_a_group_in_ians_after_belongs_to_stays_a_class(
    sentence: str, pair: tuple[str, str]
) -> None:
    """The owner test reads a singular person's noun: "the amphibians" (a plural in -ians) is a
    class, not an owner (review of 7d57e20)."""
    assert pair in _hierarchy(sentence)


@pytest.mark.parametrize(
    ("text", "whole", "names"),
    [
        (
            "Members of the Hanseatic League included Lübeck, Hamburg and Bremen.",
            "Hanseatic League",
            {"Lübeck", "Hamburg", "Bremen"},
        ),
        (
            "The founding members of the Warsaw Pact include Poland, Hungary and Romania.",
            "Warsaw Pact",
            {"Poland", "Hungary", "Romania"},
        ),
        (
            "Parts of the old mill included the waterwheel, the millstones and the hopper.",
            "old mill",
            {"waterwheel", "millstones", "hopper"},
        ),
    ],
)
def test_a_past_tense_or_a_membership_adjective_keeps_the_kinds_include_form(
    text: str, whole: str, names: set[str]
) -> None:
    # "Ns of X included A, B and C" reads as "Ns of X include …" does, and "the founding members
    # of X" as "the members of X": the tense and the adjective change nothing of the structure
    pairs = _hierarchy(text)
    assert {(whole, name) for name in names} <= pairs, pairs
