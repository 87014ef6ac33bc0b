"""Linguistic forms that carry over from the answers the readers were written on to unseen ones
(issue 11, fourteenth session): each case is a small answer of our own words in one construction
whose reading was wrong on the development answers read only since the thirteenth session.
``present`` items must be read ((term, kind, value), lower case); ``absent`` must not be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Items = set[tuple[str, str, str]]


CASES: list[tuple[str, Items, Items]] = [
    # a key that is a tip or a remark, not a term: a swap, a clause of its own, a verb moving
    # into something, everything of the reader's
    (
        "Baking tips:\n\n"
        "- **Honey instead of sugar:** use a little less, because it is sweeter.\n"
        "- **Tins aren't interchangeable:** a dark tin browns the base faster.\n"
        "- **Pay into a savings pot:** the interest adds up over the years.\n"
        "- **Include all your receipts:** the small ones add up too.\n",
        set(),
        {
            ("honey instead of sugar", "definition", "use a little less, because it is sweeter"),
            ("tins aren't interchangeable", "definition", "a dark tin browns the base faster"),
            ("pay into a savings pot", "definition", "the interest adds up over the years"),
            ("include all your receipts", "definition", "the small ones add up too"),
        },
    ),
    # the reader's possessive is no part of a glossary term or a copula subject
    (
        "## Home network\n\n- **Your modem** — the device that links your home to the internet.\n"
        "- **Switch** — a box that joins wired devices.\n",
        {("modem", "definition", "the device that links your home to the internet")},
        {("your modem", "definition", "the device that links your home to the internet")},
    ),
    (
        "**Your thermostat** is the dial that switches the boiler on and off.",
        {("thermostat", "definition", "the dial that switches the boiler on and off")},
        set(),
    ),
    # a bracket that spells the acronym ending a step's head expands the acronym, it renames
    # no step
    (
        "Secure the server:\n\n- **Disable RDP** (Remote Desktop Protocol), whose port is often "
        "attacked.\n- **Change the password** every year.\n",
        {("remote desktop protocol", "abbreviation", "rdp")},
        {("disable rdp", "alias", "remote desktop protocol")},
    ),
    # a verb and its object in brackets is no other name of the part
    (
        "The chair consists of:\n\n- **Seat frame** (holds the cushion)\n"
        "- **Seat rail** (holds the cushion)\n- **Legs** (carry the weight)\n",
        set(),
        {("seat frame", "alias", "holds the cushion"), ("seat rail", "alias", "holds the cushion")},
    ),
    # an italic Latin name after a list's opener names the whole noun phrase before it
    (
        "Several moulds spoil grapes, such as grey bunch rot (*Botrytis*), in wet summers.",
        {("grey bunch rot", "alias", "botrytis")},
        {("rot", "alias", "botrytis")},
    ),
    # "X is a synonym of "A" or "B"": each word of the list, without its quotes
    (
        'Car is a synonym of "automobile" or "motorcar".',
        {("car", "synonym", "automobile"), ("car", "synonym", "motorcar")},
        {("car", "synonym", 'automobile" or "motorcar')},
    ),
    # an acronym after an alias vouches for all the alias's words ("on" is no qualifier there)
    (
        "An **interception attack**, also known as a man in the middle (MITM), reads traffic.",
        {("interception attack", "alias", "man in the middle")},
        {("interception attack", "alias", "man")},
    ),
    # another name in a bracket right after the noun a gloss opens with is that noun's, and a
    # bracket's "A or B" gives two names
    (
        "The main genera:\n\n"
        "- **Vulpes** — the red fox (also called the common fox or the tod), found on four "
        "continents\n- **Alopex** — the arctic fox, white in winter\n",
        {("red fox", "alias", "common fox"), ("red fox", "alias", "tod")},
        {("vulpes", "alias", "common fox"), ("red fox", "alias", "common fox or the tod")},
    ),
    # … only under a taxon's key: elsewhere the noun phrase is the key's genus and the bracket
    # renames the key
    (
        "Coffee drinks:\n\n- **Ristretto** — the short shot (also called a restricted shot), "
        "with half the water\n- **Lungo** — a long shot\n",
        {("ristretto", "alias", "restricted shot")},
        {("short shot", "alias", "restricted shot")},
    ),
]


CASES += [
    # a block opening with a naming marker renames what its section is about
    (
        "## Kinds of tea\n\n### Oolong\n\nAlso called **blue tea**. It is partly oxidised.\n",
        {("oolong", "alias", "blue tea")},
        set(),
    ),
    # a table comparing things column by column: a row keyed by a kind of name gives each
    # column's thing another name, and the acronym in brackets after it
    (
        "| | Stroke | Mini-stroke |\n|---|---|---|\n"
        "| Medical name | cerebrovascular accident (CVA) | transient ischaemic attack (TIA) |\n"
        "| Lasts | hours or more | minutes |\n",
        {
            ("stroke", "synonym", "cerebrovascular accident"),
            ("stroke", "abbreviation", "cva"),
            ("mini-stroke", "synonym", "transient ischaemic attack"),
            ("mini-stroke", "abbreviation", "tia"),
        },
        {("stroke", "synonym", "hours or more")},
    ),
]

CASES += [
    # a highlighted term in brackets after the words it names: an article before it is no part
    # of it, and a short form those words do not spell is glossed by them
    (
        "Shape the dough with a thick rim (the **cornicione**), then add the sauce.",
        {("cornicione", "definition", "thick rim")},
        {("the cornicione", "definition", "thick rim")},
    ),
    (
        "Check the sticker for the default network name (**SSID**) and the password.",
        {("ssid", "definition", "the default network name")},
        set(),
    ),
    (
        "It was founded as the World Health Organization (**WHO**) in 1948.",
        {("world health organization", "abbreviation", "who")},
        {("who", "definition", "the world health organization")},
    ),
]

CASES += [
    # a glossary item's pronoun is its term, not the section's subject
    (
        "## Your bill, explained\n\n- **Standing charge**: a fixed daily fee. It is often "
        'called "the daily charge".\n- **Unit rate**: the price per kilowatt hour.\n',
        {("standing charge", "alias", "daily charge")},
        {("your bill, explained", "alias", "daily charge")},
    ),
]

CASES += [
    # a quoted name after "the", right after a highlighted name (and its year)
    (
        'The song recalls the **Great Frost** of 1709, the "Long Winter", and **Peter the '
        'Great**, the "carpenter tsar".',
        {
            ("great frost", "alias", "long winter"),
            ("peter the great", "alias", "carpenter tsar"),
        },
        set(),
    ),
]

CASES += [
    # a brand name: "X is a brand name for Y", "Y (sold as X)"
    (
        "**Nurofen** is a brand name for **ibuprofen**, a painkiller.",
        {("ibuprofen", "alias", "nurofen")},
        set(),
    ),
    (
        "Ask about a statin such as atorvastatin (sold as Lipitor) or another one.",
        {("atorvastatin", "alias", "lipitor")},
        set(),
    ),
    # a bracket's name before its examples; a capitalised article opening the sentence
    (
        "Beetle families include the **Coccinellidae** (ladybirds, including the seven-spot "
        "ladybird) and the **Lucanidae** (stag beetles).",
        {("coccinellidae", "alias", "ladybirds"), ("lucanidae", "alias", "stag beetles")},
        set(),
    ),
    (
        "A runny nose (rhinorrhoea) often comes with a cold.",
        {("runny nose", "synonym", "rhinorrhoea")},
        {("nose", "synonym", "rhinorrhoea")},
    ),
]

CASES += [
    # a group's everyday name and its Latin name given with a rank
    (
        "Spiders make up the order **Araneae**, with about 50,000 species. Ladybirds belong to "
        "the beetle family, **Coccinellidae**.",
        {("spiders", "alias", "araneae"), ("coccinellidae", "alias", "beetle family")},
        set(),
    ),
    (
        "Wolves and foxes are in the same family, Canidae.",
        set(),
        {("canidae", "alias", "same family")},
    ),
]

CASES += [
    # "the French name means …": what the item's term means; a comparative's "means" states a
    # consequence
    (
        "Fillings:\n\n- **Crème pâtissière** — a thick custard; the French name literally "
        'means "pastry cream".\n- **Ganache** — chocolate melted into cream.\n',
        {("crème pâtissière", "definition", "pastry cream")},
        {("french name", "definition", "pastry cream")},
    ),
    (
        "The key is **sugar** and **flour**: more sugar means a softer crumb; less flour means "
        "a flatter cake.",
        set(),
        {
            ("more sugar", "definition", "a softer crumb"),
            ("less flour", "definition", "a flatter cake"),
        },
    ),
]

CASES += [
    # a brand name in brackets after a highlighted term names it, it glosses nothing
    (
        "Doctors may prescribe **semaglutide** (brand name Ozempic) for weight loss.",
        {("semaglutide", "alias", "ozempic")},
        {("semaglutide", "definition", "brand name ozempic")},
    ),
    # a name in a bracket used in some places is the term's other name there
    (
        "Jobs are run by the **print spooler** (cupsd on most distributions) in the background.",
        {("print spooler", "alias", "cupsd")},
        {("print spooler", "definition", "cupsd on most distributions")},
    ),
]


@pytest.mark.parametrize(("answer", "present", "absent"), CASES)
def test_linguistic_carry(
    answer: str, present: Items, absent: Items, linguistic_items: Callable[..., Items]
) -> None:
    items = linguistic_items(answer)
    assert present <= items, (present - items, items)
    assert not (absent & items), (absent & items, items)
