"""The general constructions of assistant answers, one case each, written before the readers were
widened for them (issue 11: the list readers had learnt the development set's styles).

Every case is a fresh answer in a style assistants use, not a copy of a development answer.  The
hierarchy cases cover lead-ins of any length, headings at any level, bold title lines, nested
lists, tables whose first column is a name, inline lists, and the prose forms ("consists of",
"is divided into", "types of X include", "X is a type of Y", "belong to"); the linguistic cases
cover glossary items, definitions in every tense and form, and alias / abbreviation forms.  The
``absent`` sets pin precision: lists of tips, steps, sentences and attributes are no hierarchy.
"""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import Fact, read_document
from tests.extractors.readers.conftest import hierarchy_pairs as _pairs


def _triples(answer: str, prompt: str = "") -> set[tuple[str, str, str]]:
    out = set()
    for f in read_document(answer, prompt)[1]:
        if f.kind == "hierarchy" and f.object is not None and f.hierarchy is not None:
            out.add((f.subject.text.lower(), f.hierarchy.value, f.object.text.lower()))
        elif f.kind == "linguistic" and f.linguistic is not None:
            out.add((f.subject.text.lower(), f.linguistic.value, f.value.lower()))
    return out


def _facts(answer: str, prompt: str = "") -> list[Fact]:
    return read_document(answer, prompt)[1]


HIERARCHY = [
    pytest.param(
        "Most orchestras are organised into four sections, each with its own principal "
        "player who leads it:\n\n- Strings\n- Woodwinds\n- Brass\n- Percussion\n",
        "How is an orchestra organised?",
        {("orchestras", "strings"), ("orchestras", "percussion")},
        id="long-lead-in-with-kind-word",
    ),
    pytest.param(
        "The solar system has eight planets:\n\n1. Mercury\n2. Venus\n3. Earth\n4. Mars\n",
        "",
        {("solar system", "mercury"), ("solar system", "mars")},
        id="has-n-kind-numbered-names",
    ),
    pytest.param(
        "### Members\n\n- Freddie Mercury (vocals)\n- Brian May (guitar)\n- Roger Taylor (drums)\n",
        "Tell me about Queen, the rock band.",
        {("queen", "freddie mercury"), ("queen", "brian may")},
        id="members-heading-level-3",
    ),
    pytest.param(
        "**Queen** were a British rock band formed in London in 1970.\n\n"
        "#### The classic line-up\n- Freddie Mercury\n- Brian May\n",
        "",
        {("queen", "freddie mercury"), ("queen", "brian may")},
        id="line-up-heading-level-4",
    ),
    pytest.param(
        "Git consists of:\n- A working directory\n- A staging area to prepare commits\n"
        "- A set of commands for inspecting history\n",
        "",
        {
            ("git", "working directory"),
            ("git", "staging area"),
            ("git", "commands for inspecting history"),
        },
        id="lower-case-lead-subject-and-noun-phrase-items",
    ),
    pytest.param(
        "the water cycle consists of: - evaporation - condensation - precipitation - collection",
        "",
        {("water cycle", "evaporation"), ("water cycle", "collection")},
        id="inline-dash-list",
    ),
    pytest.param(
        "The Tour de France consists of: - 21 stages, each with its own route; - 22 teams;",
        "",
        {("tour de france", "stages"), ("tour de france", "teams")},
        id="inline-list-counted-items",
    ),
    pytest.param(
        "Photosynthesis consists of:\n- light reactions: capture energy from sunlight\n"
        "- the Calvin cycle: fixes carbon dioxide into sugar\n",
        "",
        {("photosynthesis", "light reactions"), ("photosynthesis", "calvin cycle")},
        id="lower-case-key-items",
    ),
    pytest.param(
        "## Common rock types\n\n- **Igneous** — formed from cooled magma\n"
        "- **Sedimentary** — formed from layers of sediment\n- **Metamorphic** — changed by heat\n",
        "",
        {("rock", "igneous"), ("rock", "metamorphic")},
        id="types-heading-adjective-items",
    ),
    pytest.param(
        "## Branches of government\n\n1. The legislative branch\n2. The executive branch\n"
        "3. The judicial branch\n",
        "Explain the US government.",
        {("government", "legislative branch"), ("government", "judicial branch")},
        id="branches-of-heading",
    ),
    pytest.param(
        "**Parts of a bicycle**\n\n- frame\n- wheels\n- handlebars\n",
        "",
        {("bicycle", "frame"), ("bicycle", "handlebars")},
        id="bold-title-line",
    ),
    pytest.param(
        "## Planets of the inner solar system\n\n- **Mercury**\n  - closest to the Sun\n"
        "- **Earth**\n",
        "",
        {
            ("planets of the inner solar system", "mercury"),
            ("planets of the inner solar system", "earth"),
        },
        id="nested-details-are-no-children",
    ),
    pytest.param(
        "The animal kingdom is divided into several groups:\n\n"
        "- **Vertebrates**\n  - Mammals\n  - Birds\n- **Invertebrates**\n  - Insects\n",
        "",
        {
            ("animal kingdom", "vertebrates"),
            ("vertebrates", "mammals"),
            ("vertebrates", "birds"),
            ("invertebrates", "insects"),
        },
        id="nested-lists",
    ),
    pytest.param(
        "There are three main types of muscle tissue:\n\n| Type | Where | Control |\n|---|---|---|\n"
        "| Skeletal | attached to bones | voluntary |\n| Cardiac | heart | involuntary |\n"
        "| Smooth | organ walls | involuntary |\n",
        "",
        {("muscle tissue", "skeletal"), ("muscle tissue", "cardiac"), ("muscle tissue", "smooth")},
        id="table-first-column-kinds",
    ),
    pytest.param(
        "A computer is made up of a processor, memory, storage and input/output devices.",
        "",
        {("computer", "processor"), ("computer", "memory"), ("computer", "storage")},
        id="prose-made-up-of",
    ),
    pytest.param(
        "The United Kingdom comprises England, Scotland, Wales and Northern Ireland.",
        "",
        {("united kingdom", "england"), ("united kingdom", "northern ireland")},
        id="prose-comprises",
    ),
    pytest.param(
        "The brain is divided into the cerebrum, the cerebellum and the brainstem.",
        "",
        {("brain", "cerebrum"), ("brain", "brainstem")},
        id="prose-divided-into",
    ),
    pytest.param(
        "Common types of renewable energy include solar, wind and hydroelectric power.",
        "",
        {("renewable energy", "solar"), ("renewable energy", "hydroelectric power")},
        id="prose-types-of-x-include",
    ),
    pytest.param(
        "A sonnet is a type of poem with fourteen lines. The haiku is a form of poetry too.",
        "",
        {("poem", "sonnet"), ("poetry", "haiku")},
        id="prose-is-a-type-of",
    ),
    pytest.param(
        "Lions and tigers both belong to the genus **Panthera**.",
        "",
        {("panthera", "lions"), ("panthera", "tigers")},
        id="prose-belong-to",
    ),
    pytest.param(
        'The album\'s tracks: "Airbag", "Paranoid Android" and "Karma Police".',
        "",
        {("album", "airbag"), ("album", "karma police")},
        id="prose-tracks-colon-quoted",
    ),
    pytest.param(
        "Bears are carnivorans of the family Ursidae, which includes pandas and polar bears.",
        "",
        {("ursidae", "pandas"), ("ursidae", "polar bears")},
        id="prose-which-includes",
    ),
    pytest.param(
        "The symphony has four movements:\n1. Allegro – Presto\n2. Andante\n3. Minuet: Allegretto\n",
        "Tell me about Mozart's Jupiter Symphony.",
        {("jupiter symphony", "allegro – presto"), ("jupiter symphony", "minuet: allegretto")},
        id="movement-titles-keep-their-dash",
    ),
    pytest.param(
        "## The four sections\n**Strings** — the largest section, seated at the front:\n"
        "- first and second violins\n- violas\n\n**Woodwinds** — flutes, oboes and clarinets.\n\n"
        "**Brass** — French horns, trumpets and the tuba.\n",
        "How is a symphony orchestra organised?",
        {
            ("strings", "first violins"),
            ("strings", "second violins"),
            ("strings", "violas"),
            ("woodwinds", "oboes"),
            ("brass", "french horns"),
        },
        id="glossary-paragraphs-with-their-lists",
    ),
    pytest.param(
        "Common second factors, from weakest to strongest:\n- SMS codes — better than nothing\n"
        "- authenticator apps such as Google Authenticator, which generate codes\n- passkeys\n",
        "",
        {
            ("second factors", "sms codes"),
            ("second factors", "passkeys"),
        },
        id="common-kinds-lead-and-such-as",
    ),
    pytest.param(
        "**Apollo 11** was the first crewed Moon landing.\n\n## Crew\n- **Neil Armstrong** — "
        "commander\n- **Michael Collins** — command module pilot\n",
        "",
        {("apollo 11", "neil armstrong"), ("apollo 11", "michael collins")},
        id="crew-heading",
    ),
    pytest.param(
        "## The Great Lakes\n\n| Lake | Area |\n|---|---|\n| Superior | 82,100 km² |\n"
        "| Michigan | 57,800 km² |\n",
        "",
        {("great lakes", "superior"), ("great lakes", "michigan")},
        id="table-rows-of-the-heading's-group",
    ),
    pytest.param(
        "Lions, tigers and leopards are all members of the genus Panthera. The robin is one of "
        "the most common types of thrush.",
        "",
        {("panthera", "lions"), ("panthera", "leopards"), ("thrush", "robin")},
        id="prose-list-are-members-of-and-one-of",
    ),
    pytest.param(
        "The main classes, with common examples:\n- **Macrolides** — erythromycin, azithromycin\n"
        "- **Tetracyclines** — doxycycline\n",
        "What are the main classes of antibiotics?",
        {("macrolides", "erythromycin"), ("tetracyclines", "doxycycline")},
        id="single-example-in-an-example-list",
    ),
    pytest.param(
        "Living primates fall into two groups:\n\n## Strepsirrhines\nLemurs and lorises.\n\n"
        "## Haplorhines\nTarsiers, monkeys and apes.\n",
        "",
        {("primates", "strepsirrhines"), ("primates", "haplorhines")},
        id="lead-in-over-headings",
    ),
]


@pytest.mark.parametrize(("answer", "prompt", "expected"), HIERARCHY)
def test_hierarchy_constructions(answer: str, prompt: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _pairs(answer, prompt)


LABELS = [
    ("The band's members:\n- Ann\n- Bo\n", "member_of"),
    ("The engine's main components:\n- piston\n- crankshaft\n", "part_of"),
    ("There are several species of oak:\n- sessile oak\n- pedunculate oak\n", "subclass_of"),
    ("Kinds of pasta:\n- penne\n- fusilli\n", "subclass_of"),
]


@pytest.mark.parametrize(("answer", "label"), LABELS)
def test_the_lead_in_names_the_label(answer: str, label: str) -> None:
    labels = {f.hierarchy.value for f in _facts(answer) if f.hierarchy is not None}
    assert labels == {label}


NOT_HIERARCHY = [
    pytest.param(
        "## Tips\n- Drink plenty of water\n- Get enough sleep\n- Warm up before running\n",
        "How do I train for a 10k?",
        id="tips",
    ),
    pytest.param(
        "To repot a plant:\n1. Water it the day before.\n2. Ease it out of the pot.\n"
        "3. Loosen the roots.\n",
        "",
        id="steps",
    ),
    pytest.param(
        "Here are a few things to keep in mind:\n- The museum is closed on Mondays.\n"
        "- Tickets are cheaper online.\n",
        "",
        id="sentences",
    ),
    pytest.param(
        "## Quick facts\n- **Born:** 4 March 1678\n- **Died:** 28 July 1741\n",
        "Who was Vivaldi?",
        id="attributes",
    ),
    pytest.param(
        "Pros:\n- cheap to run\n- quiet\n\nCons:\n- slow to charge\n",
        "Should I buy an electric scooter?",
        id="pros-and-cons",
    ),
    pytest.param(
        "Why it matters:\n- it lowers costs\n- it reduces waste\n",
        "",
        id="reasons",
    ),
    pytest.param(
        "## Comparison\n\n| Feature | Plan A | Plan B |\n|---|---|---|\n| Price | $5 | $9 |\n"
        "| Storage | 10 GB | 50 GB |\n",
        "",
        id="comparison-table",
    ),
]


@pytest.mark.parametrize(("answer", "prompt"), NOT_HIERARCHY)
def test_lists_that_are_not_structure(answer: str, prompt: str) -> None:
    assert _pairs(answer, prompt) == set()


def test_details_under_an_item_are_no_children() -> None:
    answer = "## Planets of the inner solar system\n\n- **Mercury**\n  - closest to the Sun\n"
    assert ("mercury", "closest to the sun") not in _pairs(answer)


def test_ingredients_and_works_are_no_structure() -> None:
    assert _pairs("**Ingredients:**\n- 3 eggs\n- a pinch of salt\n- butter\n") == set()
    answer = "Some of her best-known works:\n- *The Two Fridas* (1939)\n- *The Broken Column*\n"
    assert _pairs(answer, "Who was Frida Kahlo?") == set()


LINGUISTIC = [
    pytest.param(
        "The French Revolution was a period of radical political change in France.",
        ("french revolution", "definition", "a period of radical political change"),
        id="past-tense-definition",
    ),
    pytest.param(
        "Photosynthesis is the process by which plants turn light into chemical energy.",
        ("photosynthesis", "definition", "the process by which plants turn light"),
        id="the-process-by-which",
    ),
    pytest.param(
        "It's a protocol that lets browsers talk to servers.",
        None,
        id="its-definition-without-subject",
    ),
    pytest.param(
        "**Kubernetes** — often shortened to **K8s** — is an open-source system for running "
        "containers.",
        ("kubernetes", "definition", "an open-source system for running containers"),
        id="definition-across-a-dash-aside",
    ),
    pytest.param(
        "A **mortgage** refers to a loan used to buy property.",
        ("mortgage", "definition", "a loan used to buy property"),
        id="refers-to",
    ),
    pytest.param(
        "Sourdough is made with a **starter**, which is a mix of flour and water that ferments.",
        ("starter", "definition", "a mix of flour and water that ferments"),
        id="which-is-a",
    ),
    pytest.param(
        "He used the *Bombe*, an electromechanical machine used to break ciphers.",
        ("bombe", "definition", "an electromechanical machine used to break ciphers"),
        id="appositive-definition",
    ),
    pytest.param(
        "The chef added *umami*, meaning a savoury taste.",
        ("umami", "definition", "a savoury taste"),
        id="comma-meaning",
    ),
    pytest.param(
        '*Hygge* simply means "cosiness" in Danish.',
        ("hygge", "definition", "cosiness"),
        id="simply-means",
    ),
    pytest.param(
        "- **Bond**: a loan to a company or government that pays interest\n"
        "- **Dividend**: a share of profit paid to shareholders\n",
        ("bond", "definition", "a loan to a company or government that pays interest"),
        id="glossary-colon",
    ),
    pytest.param(
        "- **Birdie** — 1 under par on a hole\n- **Eagle** — a score of 2 under par\n"
        "- **Bogey** — a score of one over par\n",
        ("birdie", "definition", "1 under par on a hole"),
        id="glossary-value-with-a-number",
    ),
    pytest.param(
        '- **Duck** — a score of zero; a "golden duck" means out first ball.\n',
        ("golden duck", "definition", "out first ball"),
        id="means-after-semicolon",
    ),
    pytest.param(
        "The **Napoleonic Code** (officially the *Code civil des Français*) shaped civil law.",
        ("napoleonic code", "alias", "code civil des français"),
        id="officially",
    ),
    pytest.param(
        "The tower is 324 m (1,063 ft) tall.",
        ("324 m", "alias", "1,063 ft"),
        id="unit-conversion",
    ),
    pytest.param(
        "**Tokyo** (東京) is the capital of Japan.",
        ("tokyo", "alias", "東京"),
        id="native-script",
    ),
    pytest.param(
        "Take the *Shinkansen* (bullet train) from Tokyo.",
        ("shinkansen", "alias", "bullet train"),
        id="paren-common-name",
    ),
    pytest.param(
        "**Latte** is short for *caffè latte*.",
        ("caffè latte", "abbreviation", "latte"),
        id="short-for-clipping",
    ),
    pytest.param(
        "It is played as Twenty20 (T20) and as Test cricket.",
        ("twenty20", "abbreviation", "t20"),
        id="alphanumeric-abbreviation",
    ),
    pytest.param(
        "The European Union adopted the law. Companies outside the EU must comply too.",
        ("european union", "abbreviation", "eu"),
        id="acronym-used-after-full-name",
    ),
    pytest.param(
        'Prince, nicknamed "His Royal Badness", sold 100 million records.',
        ("prince", "alias", "his royal badness"),
        id="nicknamed",
    ),
    pytest.param(
        "Interpol (the International Criminal Police Organization) links police forces.",
        ("interpol", "alias", "international criminal police organization"),
        id="name-then-paren-full-name",
    ),
    pytest.param(
        "Istanbul, formerly Constantinople, straddles two continents.",
        ("istanbul", "alias", "constantinople"),
        id="formerly",
    ),
    pytest.param(
        "The Gross Domestic Product, abbreviated GDP, measures output.",
        ("gross domestic product", "abbreviation", "gdp"),
        id="abbreviated",
    ),
    pytest.param(
        "Dwayne Johnson, a.k.a. The Rock, is an actor.",
        ("dwayne johnson", "alias", "rock"),
        id="aka",
    ),
    pytest.param(
        "The human heart is also known as the heart or the circulatory system.",
        ("human heart", "alias", "circulatory system"),
        id="alias-list-with-or",
    ),
    pytest.param(
        "The cat family (Felidae) is also known as felines.",
        ("cat family", "alias", "felines"),
        id="alias-after-a-parenthesis",
    ),
    pytest.param(
        "The cat family (Felidae) includes lions.",
        ("cat family", "alias", "felidae"),
        id="scientific-name-in-parentheses",
    ),
    pytest.param(
        "Insulin is used to treat diabetes, which is a condition in which blood sugar is high.",
        ("diabetes", "definition", "a condition in which blood sugar is high"),
        id="which-is-a-after-a-plain-noun",
    ),
    pytest.param(
        "Jazz grew into **modal jazz** — improvisation based on scales — in 1959.",
        ("modal jazz", "definition", "improvisation based on scales"),
        id="lower-case-bold-term-glossed-after-a-dash",
    ),
    pytest.param(
        "MSF is the usual abbreviation for Médecins Sans Frontières, known in English as Doctors "
        "Without Borders.",
        ("médecins sans frontières", "alias", "doctors without borders"),
        id="known-in-english-as",
    ),
    pytest.param(
        "The rose family includes fruit trees such as apples (*Malus*) and the dog rose "
        "(*Rosa canina*).",
        ("dog rose", "alias", "rosa canina"),
        id="common-name-then-scientific-name",
    ),
    pytest.param(
        "The GDPR is the European Union's main data-protection law.",
        ("gdpr", "definition", "the european union's main data-protection law"),
        id="definition-opening-with-a-name",
    ),
    pytest.param(
        "The European Central Bank (ECB for short) sets interest rates.",
        ("european central bank", "abbreviation", "ecb"),
        id="for-short",
    ),
    pytest.param(
        "Holland is another name for the Netherlands.",
        ("netherlands", "alias", "holland"),
        id="another-name-for",
    ),
    pytest.param(
        "The Netherlands is often referred to as Holland.",
        ("netherlands", "alias", "holland"),
        id="referred-to-as",
    ),
    pytest.param(
        "Freddie Mercury, whose real name was Farrokh Bulsara, led Queen.",
        ("freddie mercury", "alias", "farrokh bulsara"),
        id="real-name",
    ),
    pytest.param(
        'Buzz Aldrin flew with them. Edwin "Buzz" Aldrin was the lunar module pilot.',
        ("edwin aldrin", "alias", "buzz aldrin"),
        id="nickname-inside-a-name",
    ),
    pytest.param(
        "**CERN** is the European Organization for Nuclear Research, a laboratory near Geneva.",
        ("cern", "alias", "european organization for nuclear research"),
        id="acronym-is-the-name",
    ),
    pytest.param(
        "**Nelson Mandela** was a politician. He is widely known by his clan name, **Madiba**.",
        ("nelson mandela", "alias", "madiba"),
        id="known-by-his-name",
    ),
    pytest.param(
        'It was set up by **Umkhonto we Sizwe** ("Spear of the Nation") in 1961.',
        ("umkhonto we sizwe", "definition", "spear of the nation"),
        id="quoted-translation",
    ),
    pytest.param(
        "- **Concertmaster** (in the UK, the *leader*) — the principal first violinist\n",
        ("concertmaster", "alias", "leader"),
        id="regional-name",
    ),
    pytest.param(
        "The cat family is also called Felidae.",
        ("cat family", "alias", "felidae"),
        id="also-called",
    ),
]


@pytest.mark.parametrize(("answer", "expected"), LINGUISTIC)
def test_linguistic_constructions(answer: str, expected: tuple[str, str, str] | None) -> None:
    found = _triples(answer)
    if expected is None:  # no subject to give the definition to: nothing, never "It"
        assert not any(t[0] in ("it", "it's") for t in found)
        return
    term, kind, value = expected
    assert any(
        t == term and k == kind and (v == value or (kind == "definition" and v.startswith(value)))
        for t, k, v in found
    ), found


NOT_LINGUISTIC = [
    pytest.param(
        "Ada Lovelace was an English mathematician known for her notes on the engine.",
        id="person-description",
    ),
    pytest.param(
        "**Kind of Blue** is a 1959 studio album by Miles Davis, recorded in New York.",
        id="work-description",
    ),
    pytest.param("- **Tip:** use cold water\n- **Note:** it takes an hour\n", id="tips"),
    pytest.param("Cook for 20 minutes (or until golden).", id="paren-condition"),
    pytest.param("Use a large pan (optional).", id="paren-optional"),
    pytest.param("**What it means in practice**\n\n- code runs faster\n", id="question-title"),
    pytest.param(
        "Key characters:\n- José Arcadio — the founder of Macondo\n- Úrsula — his wife, who "
        "lives long\n",
        id="people-with-roles",
    ),
    pytest.param(
        "**Woodwinds** — flutes (plus the piccolo), oboes and clarinets.\n", id="paren-plus"
    ),
    pytest.param(
        "A mnemonic is HOMES (Huron, Ontario, Michigan, Erie, Superior).", id="paren-list"
    ),
    pytest.param(
        "- violas\n- harp (often counted with the strings)\n", id="paren-remark-after-item"
    ),
]


@pytest.mark.parametrize("answer", NOT_LINGUISTIC)
def test_not_linguistic(answer: str) -> None:
    assert {t for t in _triples(answer) if t[1] != "alias" or t[0] != t[2]} == set()


def test_key_value_lines_of_one_paragraph_are_read_one_by_one() -> None:
    answer = "**Born:** 18 July 1918, Mvezo\n**Party:** African National Congress (ANC)\n"
    found = _triples(answer)
    assert ("african national congress", "abbreviation", "anc") in found
    assert not any(t[0].startswith(("born", "18 july", "mvezo")) for t in found)


def test_sentences_are_not_cut_inside_numbers_and_abbreviations() -> None:
    ctx, _ = read_document("It stands 5.17 m (17 ft) tall. Python 3.13 ships it, e.g. on Linux.")
    block = ctx.doc.blocks[0]
    assert [s.text for s in ctx.sentences(block)] == [
        "It stands 5.17 m (17 ft) tall.",
        "Python 3.13 ships it, e.g. on Linux.",
    ]


def test_membership_keys_give_hierarchy() -> None:
    answer = "**Nelson Mandela** was a politician.\n\n- **Party:** African National Congress\n"
    assert ("african national congress", "nelson mandela") in _pairs(answer)
