"""Which mentions of an answer become entity nodes (issue 11, gold conventions in
``../shared/eval/README.md``): a how-to's goal is the procedure's own text, not a node; a list
item's head is a node only when it names a thing, not when it labels a step, a key or a question."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy.items import participant
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str, prompt: str = "") -> set[str]:
    return {e.name.casefold() for e in spacy_x.extract(text, prompt=prompt).entities.values()}


def test_a_procedure_goal_stays_on_the_procedure_and_is_no_node(spacy_x: SpacyExtractor) -> None:
    text = "1. Mix flour and water.\n2. Knead the dough.\n3. Bake the loaf for 30 minutes.\n"
    ex = spacy_x.extract(text, prompt="How do I bake sourdough bread?")
    assert [p.goal for p in ex.procedures] == ["bake sourdough bread"]
    names = {e.name.casefold() for e in ex.entities.values()}
    assert "bake sourdough bread" not in names
    assert all(p.entity is None or p.entity in ex.entities for p in ex.procedures)


def test_a_procedure_about_a_named_thing_points_at_its_node(spacy_x: SpacyExtractor) -> None:
    text = (
        "## Installing Docker\n\nDocker runs containers.\n\n"
        "1. Download the installer.\n2. Run the installer.\n3. Restart the computer.\n"
    )
    ex = spacy_x.extract(text, prompt="How do I install Docker?")
    assert ex.procedures
    names = {e.name.casefold() for e in ex.entities.values()}
    assert "install docker" not in names and "installing docker" not in names


@pytest.mark.parametrize(
    ("answer", "unwanted", "wanted"),
    [
        # a step's label is an instruction (verb, then its object's determiner), no name
        (
            "## Training plan\n\n1. **Pack a bag.** Put in water and a snack.\n"
            "2. **Choose the route** before you leave.\n3. **Stretch.** Loosen up first.",
            {"pack a bag", "choose the route"},
            set(),
        ),
        # a label opening with a preposition or a question word, or ending with one, is a key
        (
            "## The statue\n\n- **Made by:** Auguste Rodin\n- **Where to find it:** the Musée "
            "Rodin, Paris\n- During summer, the garden stays open late.",
            {"made by", "during summer"},
            {"auguste rodin"},
        ),
        # a numbered clause is a step, its opening words no name; titled items stay names
        (
            "## Setting up\n\n1. Go to the settings page and sign in.\n"
            "2. Open Privacy in the side menu.\n3. Confirm with the code you get.\n\n"
            "## Albums\n\n1. Kind of Blue\n2. Sketches of Spain\n3. In a Silent Way\n",
            {
                "go to the settings page and sign in",
                "open privacy in the side menu",
                "confirm with the code you get",
            },
            {"kind of blue", "sketches of spain"},
        ),
    ],
)
def test_a_list_item_head_is_a_node_only_when_it_names_a_thing(
    spacy_x: SpacyExtractor, answer: str, unwanted: set[str], wanted: set[str]
) -> None:
    names = _names(spacy_x, answer)
    assert not names & unwanted
    assert wanted <= names


@pytest.mark.parametrize(
    ("answer", "wanted", "unwanted"),
    [
        # the common nouns a stated fact relates are concept nodes, even where the clause is too
        # loose to keep as a relation ("yeast converts sugars": two common nouns, no topic)
        (
            "Bread rises for a simple reason. Yeast converts sugars into carbon dioxide.",
            {"yeast", "sugars"},
            set(),
        ),
        # a fact about a counted group is too generic to keep, but what it is said of is a node
        (
            "Diabetes is rare. Insulin is made by several pancreatic cells.",
            {"insulin"},
            {"several pancreatic cells"},
        ),
        # a ranked phrase or a lone action noun is no node
        (
            "Whales are huge. Scientists found the largest skeleton in Chile. Whalers hunted "
            "the first specimen. Careful preparation prevents damage.",
            set(),
            {"largest skeleton", "first specimen", "preparation"},
        ),
    ],
)
def test_the_common_nouns_of_a_stated_fact_are_concept_nodes(
    spacy_x: SpacyExtractor, answer: str, wanted: set[str], unwanted: set[str]
) -> None:
    with use_entity_model(None):  # the rules alone: the learned decision may add nodes
        names = _names(spacy_x, answer)
    assert wanted <= names
    assert not names & unwanted


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("hydrogen nuclei", True),
        ("network, disk", False),  # a list the parse read as one phrase
        ("largest animal", False),
        ("installation", False),
        ("oil painting", True),
    ],
)
def test_which_common_nouns_of_a_loose_fact_are_nodes(text: str, node: bool) -> None:
    assert participant(Mention(text, 0, len(text))) is node
