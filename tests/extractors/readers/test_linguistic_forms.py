"""Definition and alias forms of unseen answers (issue 11, fourth session): each case is a small
synthetic answer in one construction, written before the readers were widened for it, in words
of our own (no sentence of the answer sets).  ``present`` items must be read ((term, kind,
value), lower case); ``absent`` pins precision: look-alikes that define or rename nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, Items, Items]] = [
    # a highlighted term after "the" is introduced, not an anaphor
    (
        "The **phloem** is a living tissue that carries sugars from the leaves.",
        {("phloem", "definition", "a living tissue that carries sugars from the leaves")},
        set(),
    ),
    (
        "The book is a novel that people still read. The river is a route that barges use.",
        set(),
        {("book", "definition", "a novel that people still read")},
    ),
    # a genus without an article: a mass noun or a bare plural with a defining participle
    (
        "**Simple interest** is interest paid only on the original sum borrowed.",
        {("simple interest", "definition", "interest paid only on the original sum borrowed")},
        set(),
    ),
    (
        "Monsoons are seasonal winds caused by the uneven heating of land and sea.",
        {("monsoons", "definition", "seasonal winds caused by the uneven heating of land and sea")},
        set(),
    ),
    (
        "Volunteers are welcome every Saturday. Prices are higher in summer.",
        set(),
        {("prices", "definition", "higher in summer")},
    ),
    # a parenthetical gloss without an article
    (
        "Ribosomes (structures that assemble proteins from amino acids) float in the cytoplasm.",
        {("ribosomes", "definition", "structures that assemble proteins from amino acids")},
        set(),
    ),
    # an appositive genus after a term opening the sentence, capitalised only by its position
    (
        "**Viscosity**, a measure of how strongly a fluid resists flowing, falls as oil warms.",
        {("viscosity", "definition", "a measure of how strongly a fluid resists flowing")},
        set(),
    ),
    (
        "A limerick, a comic poem of five lines, usually ends with a pun.",
        {("limerick", "definition", "a comic poem of five lines")},
        set(),
    ),
    # a gloss between dashes after a highlighted term opening the sentence
    (
        "**Kefir** — milk fermented with a mix of yeasts and bacteria — tastes sour.",
        {("kefir", "definition", "milk fermented with a mix of yeasts and bacteria")},
        set(),
    ),
    # "X, or the Y, …": a long lower-case second phrase defines the term
    (
        "Erosion, or the slow wearing away of rock by water and wind, shapes valleys.",
        {("erosion", "definition", "the slow wearing away of rock by water and wind")},
        set(),
    ),
    # a gloss opening with an article is a description, never a list of names
    (
        "Bond terms:\n- **Coupon**: the payment made to a holder\n"
        "- **Annual coupon**: the income received or paid on a bond or note for one year",
        {
            (
                "annual coupon",
                "definition",
                "the income received or paid on a bond or note for one year",
            )
        },
        set(),
    ),
    # a glossary gloss without an article: a bare genus with a relative clause, a verb saying
    # what the thing does, a "how …" clause under a cue
    (
        "Parts of a kite:\n- **Spar**: thin rod that keeps the sail stretched\n"
        "- **Bridle**: set of lines which sets the angle to the wind",
        {("spar", "definition", "thin rod that keeps the sail stretched")},
        set(),
    ),
    (
        "- **Insulin**: lowers blood sugar by moving glucose into cells\n"
        "- **Glucagon**: raises blood sugar between meals",
        {("insulin", "definition", "lowers blood sugar by moving glucose into cells")},
        set(),
    ),
    (
        "- **Toppings**: tomatoes and basil\n- **Sides**: salad or chips",
        set(),
        {("toppings", "definition", "tomatoes and basil")},
    ),
    (
        "Key concepts:\n1. **Elasticity** — how strongly demand reacts to price\n"
        "2. **Surplus** — how much is left once demand is met",
        {("elasticity", "definition", "how strongly demand reacts to price")},
        set(),
    ),
    # a notion glossed in plain words in a key-value item defines it; a measure, a place, a
    # clause of its own or a person's role do not
    (
        "- **Humus**: dark organic matter in soil\n- **Loam**: soil with sand, silt and clay",
        {("humus", "definition", "dark organic matter in soil")},
        set(),
    ),
    (
        "- **Fee cap**: hundreds of pounds a year\n- **Refunds**: payments can be claimed later\n"
        "- **Venue**: at the town hall on Fridays",
        set(),
        {
            ("fee cap", "definition", "hundreds of pounds a year"),
            ("refunds", "definition", "payments can be claimed later"),
            ("venue", "definition", "at the town hall on fridays"),
        },
    ),
    (
        "The line-up:\n- **Ella Fitzgerald** — lead vocals and scat\n- **Joe Pass** — guitar",
        set(),
        {("ella fitzgerald", "definition", "lead vocals and scat")},
    ),
    # a table whose second column says what each term is
    (
        "| Idea | What it is |\n|---|---|\n| Opportunity cost | The value of the best option "
        "given up |\n| Sunk cost | Money already spent that cannot be recovered |",
        {("opportunity cost", "definition", "the value of the best option given up")},
        set(),
    ),
    # a gloss in the key's parenthesis
    (
        "- **Ribosomes** (the protein factories of the cell): read messenger RNA",
        {("ribosomes", "definition", "the protein factories of the cell")},
        set(),
    ),
    # one plain word for another after an article: "the courgette (zucchini)"
    (
        "Slice the courgette (zucchini) thinly and grill it.",
        {("courgette", "synonym", "zucchini")},
        set(),
    ),
    (
        "Add the salt (optional), whisk the eggs (two) and bake the loaf (uncovered).",
        set(),
        {
            ("salt", "synonym", "optional"),
            ("eggs", "synonym", "two"),
            ("loaf", "synonym", "uncovered"),
        },
    ),
    # the naming noun before an abbreviation
    (
        "The acronym **CPU** stands for central processing unit.",
        {("central processing unit", "abbreviation", "cpu")},
        set(),
    ),
    # another name in a parenthesis: "real name", a regional name after the word
    (
        "Freddie Mercury (real name Farrokh Bulsara) fronted Queen.",
        {("freddie mercury", "alias", "farrokh bulsara")},
        set(),
    ),
    (
        "Add the *courgettes* (zucchini in American English) and stir.",
        {("courgettes", "alias", "zucchini")},
        set(),
    ),
    # ", called X" and "known simply as X" after a name
    (
        "Kilimanjaro, called Kibo by the Chagga, rises above the plains.",
        {("kilimanjaro", "alias", "kibo")},
        set(),
    ),
    (
        "The Grateful Dead, known simply as the Dead, toured for decades.",
        {("grateful dead", "alias", "dead")},
        set(),
    ),
    (
        "The cells use a process called osmosis, a passive flow.",
        set(),
        {("cells", "alias", "osmosis")},
    ),
    # "X's scientific name is Y", "Its common name is Y"
    (
        "# The snow leopard\n\nThe snow leopard lives in high mountains. Its scientific name is "
        "*Panthera uncia*.",
        {("snow leopard", "alias", "panthera uncia")},
        set(),
    ),
    (
        "The barn owl's Latin name is Tyto alba.",
        {("barn owl", "alias", "tyto alba")},
        set(),
    ),
]

# a genus that only notions take ("the study of", "a group of", "a kind of") defines a term
# capitalised by its place; "the capital of" describes a named place
CASES += [
    (
        "Seismology is the study of earthquakes and the waves they send through the Earth.",
        {
            (
                "seismology",
                "definition",
                "the study of earthquakes and the waves they send through the earth",
            )
        },
        set(),
    ),
    (
        "Keratin is a family of proteins found in hair, nails and horns.",
        {("keratin", "definition", "a family of proteins found in hair, nails and horns")},
        set(),
    ),
    (
        "Lima is the capital of Peru and sits on the Pacific coast.",
        set(),
        {("lima", "definition", "the capital of peru")},
    ),
    # an FAQ heading names what a pronoun in its answer is
    (
        "## What is a dividend?\n\nIt is the part of a company's profit that is paid to its owners.",
        {("dividend", "definition", "the part of a company's profit that is paid to its owners")},
        set(),
    ),
    # a second name set off by dashes: an abbreviation, a plain-words synonym
    (
        "Global Positioning System — GPS — relies on satellites.",
        {("global positioning system", "abbreviation", "gps")},
        set(),
    ),
    (
        "Tinnitus — ringing in the ears — often follows loud concerts.",
        {("tinnitus", "synonym", "ringing in the ears")},
        set(),
    ),
    # a term opening the sentence, in apposition with a genus and a relative clause
    (
        "Scurvy, a disease that follows a lack of vitamin C, once killed many sailors.",
        {("scurvy", "definition", "a disease that follows a lack of vitamin c")},
        set(),
    ),
    # "whose full name was", "referred to simply as", "Its <any> name is"
    (
        "Lewis Carroll, whose birth name was Charles Dodgson, taught mathematics.",
        {("lewis carroll", "alias", "charles dodgson")},
        set(),
    ),
    (
        "Michelangelo Buonarroti is often referred to simply as Michelangelo.",
        {("michelangelo buonarroti", "alias", "michelangelo")},
        set(),
    ),
    (
        "# Kneecap\n\nThe kneecap protects the joint. Its anatomical name is the patella.",
        {("kneecap", "alias", "patella")},
        set(),
    ),
    # "X happens when …" of a highlighted term
    (
        "**Burnout** happens when long stress leaves a person exhausted and detached.",
        {("burnout", "definition", "long stress leaves a person exhausted and detached")},
        set(),
    ),
]


#: fifth session (issue 11): forms of unseen answers, each written before the reader was changed
#: for it, gated on the validation answers
UNSEEN_CASES: list[tuple[str, Items, Items]] = [
    # the name before a marker starts at a word's start ("family Felidae" is not "y Felidae")
    (
        "Cats belong to the family Felidae, commonly known as felines.",
        {("felidae", "alias", "felines")},
        set(),
    ),
    # an expansion holding "and" or a preposition still spells its short form
    (
        "NATO stands for North Atlantic Treaty Organization. UNESCO stands for United Nations "
        "Educational, Scientific and Cultural Organization.",
        {("north atlantic treaty organization", "abbreviation", "nato")},
        set(),
    ),
    (
        "FEMA stands for Federal Emergency and Management Agency.",
        {("federal emergency and management agency", "abbreviation", "fema")},
        set(),
    ),
    (
        "RADAR is an acronym for radio detection and ranging.",
        {("radio detection and ranging", "abbreviation", "radar")},
        set(),
    ),
    (
        "MASER is an acronym for microwave amplification by stimulated emission of radiation.",
        {
            (
                "microwave amplification by stimulated emission of radiation",
                "abbreviation",
                "maser",
            )
        },
        set(),
    ),
    (
        "The acronym SONAR comes from sound navigation and ranging.",
        {("sound navigation and ranging", "abbreviation", "sonar")},
        set(),
    ),
    # a fronted name glossed by "as X was known"
    (
        "The Iron Chancellor, as Otto von Bismarck was known, unified Germany in 1871.",
        {("otto von bismarck", "alias", "iron chancellor")},
        set(),
    ),
    # a pen name or stage name after a verb: the clause's named subject, never "X wrote under the"
    (
        "Eric Blair published under the pen name George Orwell.",
        {("eric blair", "alias", "george orwell")},
        {("eric blair published under the", "alias", "george orwell")},
    ),
    # "The process is known as X": an anaphor, no second name of "process"
    (
        "Water crosses the membrane from the dilute side. The process is known as osmosis.",
        set(),
        {("process", "alias", "osmosis")},
    ),
    # a reflexive is no part of the new name
    (
        "The firm, then called Pixel Labs, later renamed itself Lumen Works.",
        set(),
        {("pixel labs", "alias", "itself lumen works")},
    ),
    # "It means you need …" of a term defines it; "This means that …" and an action's
    # consequence do not
    (
        "## What is MFA?\n\nIt means you need two separate proofs of identity to log in.",
        {("mfa", "definition", "you need two separate proofs of identity to log in")},
        set(),
    ),
    (
        "## Paying off debt\n\nThis means that you should pay the costliest card first. "
        "Paying early means your balance shrinks faster.",
        set(),
        {
            ("paying off debt", "definition", "that you should pay the costliest card first"),
            ("paying early", "definition", "your balance shrinks faster"),
        },
    ),
    # a judgement or a role filled is no definition
    (
        "Rust is a good choice for teams that need memory safety. The safest option is a "
        "fixed-rate bond that pays twice a year. Lentils are a cheap source of protein that "
        "keeps for months.",
        set(),
        {
            ("rust", "definition", "a good choice for teams that need memory safety"),
            ("safest option", "definition", "a fixed-rate bond that pays twice a year"),
            ("lentils", "definition", "a cheap source of protein that keeps for months"),
        },
    ),
    (
        "This is a frequent error that new gardeners make.",
        set(),
        {("this", "definition", "a frequent error that new gardeners make")},
    ),
    # a relative clause's "which means" glosses the term before it
    (
        'Sake, which means "alcoholic drink" in Japanese, is brewed from rice.',
        {("sake", "definition", "alcoholic drink")},
        set(),
    ),
    # a word glossed by the language it comes from, in its usual wordings
    (
        "*Sisu* is a Finnish word for stubborn determination in the face of hardship.",
        {("sisu", "definition", "stubborn determination in the face of hardship")},
        set(),
    ),
    (
        'Origami is a Japanese word that means "folding paper".',
        {("origami", "definition", "folding paper")},
        {("origami is a japanese word that", "definition", "folding paper")},
    ),
    (
        "Lagom (pronounced LAH-gom) is a Swedish term meaning not too much and not too little.",
        {("lagom", "definition", "not too much and not too little")},
        set(),
    ),
    (
        "*Fado* roughly translates to fate or destiny. Kindergarten translates literally as "
        '"children\'s garden".',
        {
            ("fado", "definition", "fate or destiny"),
            ("kindergarten", "definition", "children's garden"),
        },
        set(),
    ),
    # "Y is called X" after an anaphor names nothing
    (
        "Molecules spread from crowded regions to sparse ones. The process is called diffusion.",
        set(),
        {("diffusion", "definition", "the process")},
    ),
    # a glossary key that is a step or a tip ("Verb the X") is no term
    (
        "Tips:\n\n- **Chill the dough**: it keeps the cookies from spreading\n"
        "- **Weigh your flour**: cups vary a lot",
        set(),
        {("chill the dough", "definition", "keeps the cookies from spreading")},
    ),
    # a parenthesised alias ends before the place it holds in; "(born in X)" is no birth name
    (
        "Ibuprofen (sold as Advil in the United States) eases pain. Mozart (born in Salzburg) "
        "wrote 41 symphonies.",
        set(),
        {("mozart", "alias", "in salzburg")},
    ),
    (
        "Acetaminophen (known as paracetamol outside North America) lowers fever.",
        {("acetaminophen", "alias", "paracetamol")},
        set(),
    ),
    # a year may open the name a parenthesis renames
    (
        "The palace was built for the 1851 Great Exhibition (Crystal Palace Exhibition).",
        {("1851 great exhibition", "alias", "crystal palace exhibition")},
        set(),
    ),
    # a birth name in bold
    (
        "Lenin was born **Vladimir Ilyich Ulyanov** in 1870.",
        {("lenin", "alias", "vladimir ilyich ulyanov")},
        set(),
    ),
    # one word for another after an article and a noun phrase of two words
    (
        "The tablet releases the active ingredient (ibuprofen) slowly.",
        {("active ingredient", "synonym", "ibuprofen")},
        set(),
    ),
    # a highlighted gloss before its comment; "**X**: it does …" says what the thing does
    (
        "The movement prized *ahimsa* — doing no harm, meaning no violence to any living being.",
        {("ahimsa", "definition", "doing no harm")},
        set(),
    ),
    (
        "Egg yolk works as a **thickener**: it binds the sauce and keeps it glossy.",
        {("thickener", "definition", "binds the sauce and keeps it glossy")},
        set(),
    ),
    # a bare plural defined by a bare plural genus
    (
        "Arachnids are invertebrates with eight legs and two body parts.",
        {("arachnids", "definition", "invertebrates with eight legs and two body parts")},
        set(),
    ),
    # a full name: the same first and last word as a name the answer or the prompt uses
    (
        "## Marie Curie\n\nMaria Salomea Curie was born in Warsaw. Marie Curie won two Nobel "
        "prizes. Marie Skłodowska Curie died in 1934.",
        {("marie curie", "alias", "marie skłodowska curie")},
        set(),
    ),
    # "(or Y)" and "(also called Y)" after a plain noun; a lower-case "(or Y)" is a substitute
    (
        "Sprinkle chopped rocket (also called arugula) on top. Yangon (or Rangoon) is the largest "
        "city. Use the butter (or margarine) at room temperature.",
        {("rocket", "alias", "arugula"), ("yangon", "alias", "rangoon")},
        {("butter", "alias", "margarine")},
    ),
    # a glossary key that is an acronym: its expansion, then what it means
    (
        "Key terms:\n\n- **ROI** — return on investment, the gain relative to the cost\n"
        "- **KPI** — key performance indicator",
        {
            ("return on investment", "abbreviation", "roi"),
            ("roi", "definition", "the gain relative to the cost"),
            ("key performance indicator", "abbreviation", "kpi"),
        },
        {("kpi", "definition", "key performance indicator")},
    ),
    # a table row whose other cell spells its first
    (
        "| Abbreviation | Full name |\n|---|---|\n| RAM | Random-access memory |\n"
        "| SSD | Solid-state drive |",
        {
            ("random-access memory", "abbreviation", "ram"),
            ("solid-state drive", "abbreviation", "ssd"),
        },
        set(),
    ),
    # a notion in apposition with a genus only notions take
    (
        "Transpiration, the process by which water evaporates from leaves, cools the plant. "
        "Roots take up water by osmosis, the movement of water across a membrane.",
        {
            ("transpiration", "definition", "the process by which water evaporates from leaves"),
            ("osmosis", "definition", "the movement of water across a membrane"),
        },
        set(),
    ),
    # a question's label and a list's lead-in are no glossary definitions
    (
        "## Visiting\n\n- **Where to find it**: the National Gallery, London\n"
        "- **Brass** — the loudest section, seated at the back:\n  - trumpets\n  - trombones",
        set(),
        {
            ("where to find it", "definition", "the national gallery, london"),
            ("brass", "definition", "the loudest section, seated at the back:"),
        },
    ),
    # the word opening a sentence, glossed in plain words
    (
        "Pinnipeds (seals and walruses) haul out on ice.",
        {("pinnipeds", "synonym", "seals and walruses")},
        set(),
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES + UNSEEN_CASES)
def test_linguistic_forms(
    answer: str, present: Items, absent: Items, linguistic_items: Callable[..., Items]
) -> None:
    found = linguistic_items(answer)
    assert present <= found, found
    assert not absent & found, found


PRECISION: list[tuple[str, Items]] = [
    # a named thing opening the sentence, in apposition with a genus of named things
    (
        "**Rust**, a programming language created at Mozilla, is named for a fungus.",
        {("rust", "definition", "a programming language created at mozilla")},
    ),
    # an aside between dashes that gives another name is no gloss
    (
        "**Photoshop** — often shortened to PS — is an image editor sold by Adobe.",
        {("photoshop", "definition", "often shortened to ps")},
    ),
]


@pytest.mark.parametrize(("answer", "absent"), PRECISION)
def test_linguistic_form_lookalikes(
    answer: str, absent: Items, linguistic_items: Callable[..., Items]
) -> None:
    assert not absent & linguistic_items(answer)


def test_the_acronym_stands_for_keeps_the_topic(linguistic_items: Callable[..., Items]) -> None:
    """ "The acronym stands for …" with no short form after it: the heading's acronym."""
    found = linguistic_items("# NATO\n\nThe acronym stands for North Atlantic Treaty Organization.")
    assert ("north atlantic treaty organization", "abbreviation", "nato") in found


def test_where_a_name_comes_from_is_no_expansion(linguistic_items: Callable[..., Items]) -> None:
    """ "The name comes from Hindi …" gives the name's origin; only words whose initials spell
    the heading's name expand it ("The name comes from Self-Contained Underwater …")."""
    origin = linguistic_items(
        '### Basmati\n\nA rice. The name comes from Hindi and probably means "fragrant".'
    )
    assert not {i for i in origin if i[1] == "abbreviation"}
    scuba = linguistic_items(
        "# SCUBA\n\nThe name comes from self-contained underwater breathing apparatus."
    )
    assert ("self-contained underwater breathing apparatus", "abbreviation", "scuba") in scuba


def test_items_of_a_full_name_go_to_the_name_the_prompt_uses(
    linguistic_items: Callable[..., Items],
) -> None:
    """The canonical name is the form the prompt or a heading uses: "Who was Marie Curie?" …
    "Marie Skłodowska Curie … often called Madame Curie" is said of "Marie Curie"."""
    found = linguistic_items(
        "**Marie Skłodowska Curie**, often called Madame Curie, was a physicist.",
        "Who was Marie Curie?",
    )
    assert ("marie curie", "alias", "madame curie") in found
    assert ("marie curie", "alias", "marie skłodowska curie") in found
