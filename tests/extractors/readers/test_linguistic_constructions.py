"""Linguistic items in forms the development answers did not all show (issue 11, third session):
each case is a small synthetic answer in one construction, written before the readers were
widened for it.  ``present`` items must be read ((term, kind, value), lower case); ``absent``
pins precision: the look-alikes that are not aliases or definitions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]
CASES: list[tuple[str, Items, Items] | tuple[str, Items]] = [
    # an alias in a dash aside, with adverbs before the marker
    (
        "The **Bank of England** — usually just called **the Old Lady** — is the central bank "
        "of the United Kingdom.",
        {("bank of england", "alias", "old lady")},
        set(),
    ),
    (
        "The Metropolitan Museum of Art, often simply called the Met, opened in 1872.",
        {("metropolitan museum of art", "alias", "met")},
        set(),
    ),
    # an abbreviation whose short form opens with a digit
    (
        "**3D** stands for **three-dimensional**. It describes objects with depth.",
        {("three-dimensional", "abbreviation", "3d")},
        set(),
    ),
    # an acronym followed by its noun, then the expansion in parentheses
    (
        "Most banks send **OTP** messages (one-time passwords) by text.",
        {("one-time passwords", "abbreviation", "otp")},
        set(),
    ),
    # a named institution defined by its genus: "X is the central bank of Y"
    (
        "The **Bank of Japan** is the central bank of Japan. It sets interest rates.",
        {("bank of japan", "definition", "the central bank of japan")},
        set(),
    ),
    # "X is the Full Name, the genus …": the name is an alias, the appositive the definition
    (
        "**ESA** is the European Space Agency, an intergovernmental organisation devoted to the "
        "exploration of space.",
        {
            (
                "esa",
                "definition",
                "an intergovernmental organisation devoted to the exploration of space",
            )
        },
        set(),
    ),
    # a person or a work described by a genus is no definition
    (
        "**Ada Lovelace** was an English mathematician and writer. **Guernica** is a 1937 "
        "painting by Pablo Picasso.",
        set(),
        {("ada lovelace", "definition", "an english mathematician and writer")},
    ),
    # a technical word glossed in plain words: "pyrexia (high temperature)"
    (
        "An infection often causes pyrexia (high body temperature) and tiredness.",
        {("pyrexia", "synonym", "high body temperature")},
        set(),
    ),
    (
        "Chronic kidney disease can lead to renal failure (kidney failure) if untreated.",
        {("renal failure", "synonym", "kidney failure")},
        set(),
    ),
    # a clause glossed by the term that names it: "…, and one slides under the other (*subduction*)"
    (
        "At some boundaries the plates collide, and one plate slides under the other "
        "(*subduction*).",
        {("subduction", "definition", "one plate slides under the other")},
        set(),
    ),
    # a remark in parentheses is none of these
    (
        "Bake for 20 minutes (or until golden) and serve warm (optional).",
        set(),
        {("minutes", "synonym", "or until golden")},
    ),
    # what a listed role does, a verb and its object, in a list no cue names a glossary, is its
    # role and no gloss of its name (twenty-fourth session: 6 of 6 such devtrain items false)
    (
        "## Who does what\n- **Goalkeeper** — guards the goal and organises the defence.\n"
        "- **Referee** — enforces the laws of the game.\n",
        set(),
        {
            ("goalkeeper", "definition", "guards the goal and organises the defence"),
            ("referee", "definition", "enforces the laws of the game"),
        },
    ),
    (
        "- **Centrifuge** — used to separate liquids of different density.\n",
        {("centrifuge", "definition", "used to separate liquids of different density")},
        set(),
    ),
]

# the opening forms of definitions and second names
CASES += [
    ("The term *umami* refers to a savoury taste.", {("umami", "definition", "a savoury taste")}),
    (
        "In economics, inflation is a general rise in prices over time.",
        {("inflation", "definition", "a general rise in prices over time")},
    ),
    (
        "Deflation is when prices fall across the whole economy.",
        {("deflation", "definition", "prices fall across the whole economy")},
    ),
    ('*Tsunami* is Japanese for "harbour wave".', {("tsunami", "definition", "harbour wave")}),
    (
        "Sushi (Japanese for 'sour rice') is a dish of vinegared rice.",
        {("sushi", "definition", "sour rice")},
    ),
    (
        "GDP (an acronym for gross domestic product) measures output.",
        {("gross domestic product", "abbreviation", "gdp")},
    ),
    (
        "Magnetic resonance imaging, commonly abbreviated MRI, uses strong magnets.",
        {("magnetic resonance imaging", "abbreviation", "mri")},
    ),
    (
        "Deoxyribonucleic acid, or DNA, carries genetic information.",
        {("deoxyribonucleic acid", "abbreviation", "dna")},
    ),
    (
        "Hypertension, or high blood pressure, raises the risk of stroke.",
        {("hypertension", "synonym", "high blood pressure")},
    ),
    (
        "Mumbai, previously known as Bombay, is India's largest city.",
        {("mumbai", "alias", "bombay")},
    ),
    (
        "Stefani Germanotta, better known by her stage name Lady Gaga, is a singer.",
        {("stefani germanotta", "alias", "lady gaga")},
    ),
    ("Prince's real name was Prince Rogers Nelson.", {("prince", "alias", "prince rogers nelson")}),
    (
        "Beijing, formerly romanised as Peking, is the capital of China.",
        {("beijing", "alias", "peking")},
    ),
]
# precision: a synonym statement is no definition, and a list is no second name
CASES += [
    (
        "The cat family is a synonym of Felidae.",
        set(),
        {("cat family", "definition", "a synonym of felidae")},
    ),
    ("Apples, or pears, or plums all grow in Kent.", set(), {("apples", "synonym", "pears")}),
]
# scientific names, routes and roles
CASES += [
    (
        "Insects (class **Insecta**) have six legs.",
        {("insects", "alias", "insecta")},
        {("insects", "abbreviation", "insecta")},
    ),
    (
        "The order includes dogs (Canidae) and true seals (Phocidae).",
        {("dogs", "alias", "canidae"), ("true seals", "alias", "phocidae")},
    ),
    (
        "- **Arachnids** (class Arachnida) — spiders, scorpions and mites.",
        {("arachnids", "alias", "arachnida")},
        {("arachnida", "abbreviation", "arachnids")},
    ),
    ("Drive the coast road (Highway 1) north.", {("coast road", "alias", "highway 1")}),
    (
        "## Key roles\n- **Concertmaster** — the leading first violinist, who tunes the orchestra.\n"
        "- **Principal** — the head of each section.\n\nThe concertmaster sits on the left.",
        {("concertmaster", "definition", "the leading first violinist, who tunes the orchestra")},
    ),
]
# a highlighted term in apposition with its meaning, or glossed after a colon
CASES += [
    (
        "The bank sets the **discount rate**, the interest rate it charges commercial banks.",
        {("discount rate", "definition", "the interest rate it charges commercial banks")},
    ),
    (
        "Light passes through the clear front window of the eye, the **cornea**, first.",
        {("cornea", "definition", "clear front window of the eye")},
    ),
    (
        "The treaty created a so-called **single market**: free movement of goods and people.",
        {("single market", "definition", "free movement of goods and people")},
    ),
    (
        "Ask your doctor about your **eGFR** — a blood test that estimates kidney function.",
        {("egfr", "definition", "a blood test that estimates kidney function")},
    ),
    (
        "He married **Winnie**, the daughter of a teacher, in 1958.",
        set(),
        {("winnie", "definition", "the daughter of a teacher")},
    ),
]
# glossary tables, former names, a second name placed first
CASES += [
    (
        "| Term | Meaning |\n|---|---|\n| Bull market | a period of rising prices |\n"
        "| Bear market | a period of falling prices |\n",
        {
            ("bull market", "definition", "a period of rising prices"),
            ("bear market", "definition", "a period of falling prices"),
        },
    ),
    (
        "Saint Petersburg was called Leningrad from 1924 to 1991.",
        {("saint petersburg", "alias", "leningrad")},
    ),
    (
        "The drink was named after the Capuchin friars. This process is called roasting.",
        set(),
        {("drink", "alias", "after the capuchin friars"), ("this process", "alias", "roasting")},
    ),
    (
        "Commonly called the Met, the Metropolitan Opera stages about 200 performances a year.",
        {("metropolitan opera", "alias", "met")},
    ),
    ("Neurons, or nerve cells, carry electrical signals.", {("neurons", "synonym", "nerve cells")}),
]
# a list item's second name is its head's, even after an abbreviation ("r.") and a relative
CASES += [
    (
        "## Rulers\n1. **Mary I** (r. 1553–1558) — daughter of Catherine of Aragon, often called "
        '"Bloody Mary".\n2. **Elizabeth I** (r. 1558–1603) — daughter of Anne Boleyn.\n',
        {("mary i", "alias", "bloody mary")},
        {("catherine of aragon", "alias", "bloody mary")},
    ),
]
CASES += [
    (
        "Pelé (widely known as *O Rei*) won three World Cups.",
        {("pelé", "alias", "o rei")},
    ),
    ("The harp (often counted with the strings) sits at the back.", set(), set()),
]
# precision on essays: openers, subordinate clauses, dates in parentheses, run-together names
CASES += [
    (
        "However, coffee is a drink that is brewed from roasted beans.",
        {("coffee", "definition", "a drink that is brewed from roasted beans")},
        {("however, coffee", "definition", "a drink that is brewed from roasted beans")},
    ),
    (
        "While happiness is a feeling that varies from person to person, studies agree on "
        "some causes.",
        set(),
        {("while happiness", "definition", "a feeling that varies from person to person")},
    ),
    (
        "The fix landed in release 4.2 (2025-09-25, hotfix) last week.",
        set(),
        {("release", "alias", "2025-09-25")},
    ),
    (
        "We compared KGGen and GraphRAG on the KG benchmark.",
        set(),
        {("kggen and graphrag", "abbreviation", "kg")},
    ),
    (
        "Clocks run slower near a mass. This phenomenon is known as gravitational time dilation.",
        set(),
        {("this phenomenon", "alias", "gravitational time dilation")},
    ),
]
# a role that "is called" something is no renamed thing
CASES += [
    (
        "Its leader is called the governor. The leader of Gdynia is called the Mayor.",
        set(),
        {("its leader", "alias", "governor"), ("gdynia", "alias", "mayor")},
    ),
    (
        "Olga Bondareva, or Olga Nikolaevna Bondareva, was born in 1937.",
        {("olga bondareva", "alias", "olga nikolaevna bondareva")},
    ),
]
# with no cue naming the list a glossary, a gloss whose comma adds a number describes a member
# of the list (the number is its attribute): no definition; the other glosses still define, and
# under a cue ("Key terms") a gloss with a number does too (twelfth session)
CASES += [
    (
        "## Sumo divisions\n- **Makuuchi** — the top division, 42 wrestlers.\n"
        "- **Jūryō** — the second division, 28 wrestlers.\n"
        "- **Jonokuchi** — the bottom division, where newcomers start.\n",
        {("jonokuchi", "definition", "the bottom division, where newcomers start")},
        {
            ("makuuchi", "definition", "the top division, 42 wrestlers"),
            ("jūryō", "definition", "the second division, 28 wrestlers"),
        },
    ),
    (
        "## Cities to visit\n- **Fez** — an old imperial city, founded in 789.\n"
        "- **Tangier** — a port city facing Spain.\n",
        {("tangier", "definition", "a port city facing spain")},
        {("fez", "definition", "an old imperial city, founded in 789")},
    ),
    (
        "## Key terms\n- **Leap year** — a year of 366 days, added every 4 years.\n"
        "- **Principal** — the amount you first deposit.\n",
        {
            ("leap year", "definition", "a year of 366 days, added every 4 years"),
            ("principal", "definition", "the amount you first deposit"),
        },
    ),
]
# a copula whose genus is dated by a year or a century describes an individual's history, no
# gloss of a term; a measure ("366 days") still glosses (twelfth session)
CASES += [
    (
        "# The Meiji Restoration\nThe **Meiji Restoration** was the political revolution of 1868 "
        "that ended the rule of the shoguns in Japan.",
        set(),
        {
            (
                "meiji restoration",
                "definition",
                "the political revolution of 1868 that ended the rule of the shoguns in japan",
            )
        },
    ),
    (
        "# Aztecs\nThe **Aztec Empire** was a Mesoamerican state that dominated central Mexico "
        "from the 15th century until the Spanish conquest.",
        set(),
        {
            (
                "aztec empire",
                "definition",
                "a mesoamerican state that dominated central mexico from the 15th century until "
                "the spanish conquest",
            )
        },
    ),
    (
        "# Leap years\nA **leap year** is a year of 366 days that keeps the calendar in step with "
        "the seasons.",
        {
            (
                "leap year",
                "definition",
                "a year of 366 days that keeps the calendar in step with the seasons",
            )
        },
    ),
]
CASES = [(c[0], c[1], c[2] if len(c) > 2 else set()) for c in CASES]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_linguistic_constructions(
    answer: str,
    present: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
    linguistic_items: Callable[..., Items],
) -> None:
    found = linguistic_items(answer)
    assert present <= found, found
    assert not absent & found, found
