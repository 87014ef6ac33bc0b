"""Procedures in prose and which lists hold steps (issue 11, fifth session): small synthetic
how-to answers in words of our own, written before the reader; look-alikes (tips, warnings,
ingredient lists, numbered names, what-it-does lists) must stay out."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.procedures import (
    asked_steps,
    goal_of,
    how_to_list,
    instruction_clauses,
    is_instruction,
    list_holds_steps,
    nested_step_lists,
    read_prose_procedures,
    titled_bullet_lists,
    unnamed_goal,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Whisk the cream until it holds soft peaks.", True),
        ("Then drain the pasta, keeping a cup of the water.", True),
        ("When the dough has doubled, knock it back and shape it.", True),
        ("Before you start, unplug the router.", True),
        ("Step four: pull the sides apart and flatten it.", True),
        ("Don't open the oven door while it bakes.", False),
        ("Tip: use a scale for flour.", False),
        ("Set theory is a branch of mathematics.", False),
        ("The bread keeps for three days.", False),
    ],
)
def test_an_instruction_opens_with_an_imperative(text: str, expected: bool) -> None:
    assert is_instruction(text) is expected


def test_a_list_of_names_or_of_what_something_does_holds_no_steps() -> None:
    assert (
        list_holds_steps(
            [
                "**Ramesses II** (r. 1279–1213 BC) — built Abu Simbel",
                "**Hatshepsut** (r. 1479–1458 BC) — sent an expedition to Punt",
                "**Akhenaten** (r. 1353–1336 BC) — moved the capital",
            ]
        )
        is False
    )
    assert (
        list_holds_steps(
            ["collects taxes on imports", "issues passports", "guards the borders and ports"]
        )
        is False
    )
    assert (
        list_holds_steps(
            ["Open the terminal.", "Install the package: `pip install foo`.", "Run the tests."]
        )
        is True
    )


def _procedures(answer: str, prompt: str) -> list[tuple[str | None, tuple[str, ...], str]]:
    return [
        (p.goal, p.steps, p.construction)
        for p in read_prose_procedures(parse_document(answer), prompt)
    ]


def test_instruction_sentences_of_a_how_to_paragraph_are_its_steps() -> None:
    answer = (
        "A good risotto needs patience.\n\n"
        "**Ingredients:** rice, stock, butter, parmesan.\n\n"
        "Warm the stock in a pan. Melt the butter and toast the rice for a minute. Add a ladle "
        "of stock and stir until it is absorbed. Then repeat until the rice is tender.\n\n"
        "Don't rinse the rice — the starch makes it creamy."
    )
    found = _procedures(answer, "How do I make risotto?")
    assert found == [
        (
            "make risotto",
            (
                "Warm the stock in a pan",
                "Melt the butter and toast the rice for a minute",
                "Add a ladle of stock and stir until it is absorbed",
                "repeat until the rice is tender",
            ),
            "procedure.prose",
        )
    ]


def test_a_line_that_numbers_its_steps_inline_is_a_procedure() -> None:
    answer = "Cold Brew: 1. Grind the beans coarsely. 2. Soak them in cold water. 3. Strain."
    assert _procedures(answer, "Explain a process.") == [
        (
            "Cold Brew",
            ("Grind the beans coarsely", "Soak them in cold water", "Strain"),
            "procedure.inline",
        )
    ]


def test_step_markers_inside_a_line_number_its_steps() -> None:
    answer = "Composting: Step 1: Collect scraps. Step 2: Layer them with leaves. Step 3: Turn it."
    assert _procedures(answer, "") == [
        (
            "Composting",
            ("Collect scraps", "Layer them with leaves", "Turn it"),
            "procedure.inline",
        )
    ]


@pytest.mark.parametrize(
    ("answer", "prompt", "steps"),
    [
        (
            "Changing a fuse takes minutes. Before you begin, switch off the mains.\n\n"
            "**You'll need:** a new fuse and a screwdriver.\n\n"
            "### Steps\n1. Open the fuse box.\n2. Pull out the blown fuse.\n3. Push in the new one.\n",
            "How do I change a fuse?",
            ("switch off the mains",),
        ),
        # orders bulleted under "Before you start" (bullets in an answer that numbers its steps
        # are otherwise no steps)
        (
            "## Before you start\n\n- Use a device connected by cable.\n- Find the admin login.\n\n"
            "## Steps\n\n1. Open the admin page.\n2. Change the password.\n\n"
            "## Tips\n\n- Update the firmware.\n",
            "How do I change my Wi-Fi password?",
            ("Use a device connected by cable", "Find the admin login"),
        ),
    ],
)
def test_a_preparation_step_before_the_numbered_list_belongs_to_it(
    answer: str, prompt: str, steps: tuple[str, ...]
) -> None:
    found = read_prose_procedures(parse_document(answer), prompt)
    assert [(p.steps, p.prepares_list) for p in found] == [(steps, True)]


def test_no_prose_procedure_outside_a_how_to_or_in_tips() -> None:
    tips = "Preheat the oven well. Use fresh yeast. Weigh everything."
    assert _procedures(tips, "Tell me about the history of bread.") == []
    assert _procedures("Tips: rest the dough. Knead it well.", "How do I bake bread?") == []


def test_each_instruction_clause_is_a_step_and_one_line_paragraphs_join() -> None:
    found = _procedures(
        "To make iced tea, brew strong tea, let it cool, then pour it over ice.",
        "How do I make iced tea?",
    )
    assert found == [
        (
            "make iced tea",
            ("brew strong tea", "let it cool", "pour it over ice"),
            "procedure.prose",
        )
    ]
    found = _procedures(
        "### Create the venv\nRun python -m venv .venv in the project folder.\n\n"
        "### Activate it\nType source .venv/bin/activate, then check python --version.\n",
        "How do I set up a virtual environment?",
    )
    assert [len(steps) for _, steps, _ in found] == [3]
    assert found[0][1][1] == "Type source .venv/bin/activate"


def test_a_list_under_materials_or_tips_holds_no_steps() -> None:
    steps = ["Use a sharp knife.", "Keep your fingers tucked."]
    assert list_holds_steps(steps, "Tips") is False
    assert list_holds_steps(["2 cups flour", "1 egg"], "**Ingredients:**") is False
    assert list_holds_steps(steps, "Method") is True


@pytest.mark.parametrize(
    ("prompt", "topic", "expected"),
    [
        (
            "Explain one important process involving volcanoes in 4 to 6 numbered steps, one "
            "short sentence per step.",
            "lava",
            "volcanoes",  # what the prompt asks a process of comes before the answer's topic
        ),
        ("What are the stages of mitosis?", None, "mitosis"),
        ("Give me a recipe for banana bread", None, "banana bread"),
        ("Describe the process of making cheese step by step", None, "making cheese"),
        ("Tell me about sourdough", "sourdough", "sourdough"),
        ("What should I do?", None, "Preheat the oven to 200 C"),
    ],
)
def test_a_procedure_no_goal_names_is_named_after_what_the_answer_is_about(
    prompt: str, topic: str | None, expected: str
) -> None:
    steps = ("First, preheat the oven to 200 C.", "Bake the loaf.")
    got = unnamed_goal(prompt, topic, steps)
    assert got.lower() == expected.lower() and got != "procedure"


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("How do I descale a kettle?", "descale a kettle"),
        ("## Steps to reset a router:", "reset a router"),
        ("To make cold brew, follow these steps:", "make cold brew"),
        ("Tell me about sourdough", None),
    ],
)
def test_the_goal_a_line_states(text: str, goal: str | None) -> None:
    assert goal_of(text) == goal


# numbered lists that are no how-to (tenth session): a ranking, a history, the stages of a
# natural process, numbered facts — in words of our own
_RANKED = [
    "Canada is the largest, at about 10 million km².",
    "Brazil comes next, covering almost half of South America.",
    "Australia is both a country and a continent.",
]
_HISTORY = [
    "In 1789, crowds stormed the Bastille.",
    "The monarchy was abolished in 1792.",
    "Napoleon seized power in 1799.",
]
_STAGES = [
    "**Germination.** The seed absorbs water and its coat splits.",
    "**Growth.** Roots spread and the first leaves open.",
    "**Flowering.** Buds form and open for pollinators.",
]
_ORDERS = ["Unplug the router.", "Wait thirty seconds.", "Plug it back in and watch the lights."]


@pytest.mark.parametrize("texts", [_RANKED, _HISTORY, _STAGES])
def test_a_numbered_list_of_statements_nothing_asks_steps_of_is_no_how_to(
    texts: list[str],
) -> None:
    assert how_to_list(texts, prompt="Tell me about this") is False
    # "Step 1: Is it …?" labels a part of an explanation; "How do X work?" asks for one
    assert how_to_list(texts, heading="Step 1: Is it legal?", prompt="How do they work?") is False
    # asked for steps, the list is them (the gold's convention)
    assert how_to_list(texts, prompt="Explain how a seed grows, step by step") is True
    assert how_to_list(texts, prompt="Explain it in 4 to 6 numbered steps") is True
    assert how_to_list(texts, lead="To grow a bean plant:") is True
    assert how_to_list(texts, prompt="Explain one important process involving seeds.") is True


def test_orders_are_steps_even_unasked() -> None:
    assert how_to_list(_ORDERS, prompt="My wifi keeps dropping, any ideas?") is True
    # a verb the lexicon lacks, in the construction of an order; a condition before the order
    assert how_to_list(["Unblock the drain.", "Degrease the trap."], prompt="Help") is True
    assert how_to_list(["While the pan is still warm, wipe it.", "Dry it."], prompt="?") is True


def test_bullets_in_an_answer_that_numbers_its_steps_are_no_steps() -> None:
    tips = ["Keep a torch handy.", "Wear gloves."]
    asked = "How do I change a tyre?"
    assert how_to_list(tips, prompt=asked, numbered=False, numbered_elsewhere=True) is False
    # titled as steps, or the answer's only list: steps
    assert (
        how_to_list(tips, "**Method:**", prompt=asked, numbered=False, numbered_elsewhere=True)
        is True
    )
    assert how_to_list(tips, prompt=asked, numbered=False, numbered_elsewhere=False) is True


def test_a_numbered_list_answering_a_request_for_steps_is_them() -> None:
    doc = parse_document(
        "Brewing Tea: 3 Steps\n\n1. **Boiling**: Water is boiled.\n"
        "2. **Steeping**: The leaves steep for three minutes.\n3. **Serving**: The tea is poured.\n"
    )
    found = asked_steps(doc, "Explain one process involving tea in 3 numbered steps")
    assert found is not None
    assert found[1][0] == "Boiling: Water is boiled"
    assert asked_steps(doc, "Tell me about tea") is None


def test_a_title_line_naming_the_steps_asked_for_is_them() -> None:
    asked = "Explain one important process involving bread in 4 to 6 numbered steps."
    found = asked_steps(
        parse_document("Bread Baking: Mixing, Kneading, Proving, and Baking\n"), asked
    )
    assert found is not None and found[1] == ("Mixing", "Kneading", "Proving", "Baking")
    # a sentence after it, or a title of a thing, is no list of steps
    assert (
        asked_steps(parse_document("Bread: Mixing, Kneading, Baking\n\nIt is easy."), asked) is None
    )
    assert asked_steps(parse_document("Bread Baking: An Overview\n"), asked) is None


@pytest.mark.parametrize(
    "text",
    [
        "For the oven, remove the racks and soak them in hot soapy water.",
        "The next day, wipe it off with a damp cloth.",
        "In a large bowl, whisk the eggs with the sugar.",
        "**Before you hand the phone over**, sign out of your account.",
    ],
)
def test_an_order_after_a_phrase_that_sets_the_scene_is_an_instruction(text: str) -> None:
    assert is_instruction(text)


@pytest.mark.parametrize(
    "text",
    ["In 1914, Germany invaded Belgium.", "For most people, the answer is simple."],
)
def test_a_statement_after_a_scene_setting_phrase_is_no_instruction(text: str) -> None:
    assert not is_instruction(text)


def test_each_method_of_a_several_procedure_prose_answer_gives_its_steps() -> None:
    doc = parse_document(
        "Each needs its own approach.\n\n"
        "For the oven, remove the racks and soak them in hot soapy water. Mix baking soda with "
        "water into a paste and spread it over the inside. The next day, wipe it off with a "
        "damp cloth.\n\n"
        "For a ceramic hob, let it cool completely first. Scrape off burnt bits with a razor "
        "scraper, then buff it dry.\n"
    )
    steps = [
        s
        for p in read_prose_procedures(doc, "How should I clean my oven and hob?")
        for s in p.steps
    ]
    assert any(s.startswith("remove the racks") for s in steps)
    assert any(s.startswith("wipe it off") for s in steps)
    assert any(s.startswith("let it cool") for s in steps)


def test_a_materials_sentence_does_not_hide_the_preparation_after_it() -> None:
    doc = parse_document(
        "You'll need a set of jumper cables. Before you start, park the cars close together "
        "and switch both engines off.\n\n### Connecting\n1. Clamp the red cable to the flat "
        "battery.\n2. Clamp the other end to the good battery.\n"
    )
    preps = [
        p for p in read_prose_procedures(doc, "How do I jump-start my car?") if p.prepares_list
    ]
    assert preps and preps[0].steps[0].startswith("park the cars")


def test_one_instruction_line_before_the_numbered_list_prepares_it() -> None:
    doc = parse_document(
        "### Four-in-hand\nStand in front of a mirror, with the collar up.\n\n"
        "1. Drape the tie around your neck.\n2. Cross the wide end over the narrow end.\n"
    )
    preps = [p for p in read_prose_procedures(doc, "How do I tie a tie?") if p.prepares_list]
    assert preps and preps[0].steps == ("Stand in front of a mirror, with the collar up",)


def test_an_instruction_leading_into_a_numbered_list_is_its_goal_not_a_step() -> None:
    doc = parse_document(
        "Once 2FA is on, save a set of backup codes in case you lose your phone:\n\n"
        "1. Go back to the verification page.\n2. Print the codes.\n"
    )
    assert read_prose_procedures(doc, "How do I turn on 2FA?") == []


@pytest.mark.parametrize(
    "text",
    [
        "First, you need to remove the cover.",
        "Then you should rinse it well.",
        "You'll want to preheat the oven to 200 °C.",
        "Next, gently fold in the flour.",
        "Carefully lift the panel away.",
    ],
)
def test_an_order_said_through_you_need_to_or_a_manner_adverb_is_an_instruction(
    text: str,
) -> None:
    assert is_instruction(text)


@pytest.mark.parametrize(
    "text",
    ["You can buy it at most chemists.", "Apply the glue thinly.", "Simply put, it is a loan."],
)
def test_options_and_verbs_ending_in_ly_keep_their_reading(text: str) -> None:
    assert is_instruction(text) is text.startswith("Apply")


def test_mistakes_or_tips_numbered_under_a_how_to_are_no_steps() -> None:
    mistakes = ["Using a pot that is far too big.", "Packing the soil too tightly."]
    assert not how_to_list(mistakes, "", "Common mistakes", "How do I repot a houseplant?")
    assert not how_to_list(mistakes, "Pitfalls to avoid:", "", "How do I repot a houseplant?")
    steps = ["Restart the router.", "Check the cables."]
    assert how_to_list(steps, "", "Troubleshooting", "How do I fix my wifi?")


def test_a_timeline_is_no_how_to_even_when_walked_through() -> None:
    timeline = [
        "**27 BC** — Augustus becomes the first emperor.",
        "**AD 117** — The empire reaches its greatest extent.",
        "**AD 476** — The last western emperor is deposed.",
    ]
    assert not how_to_list(timeline, "", "", "Walk me through the history of Rome.")
    assert not how_to_list(["1789: the Bastille falls.", "1793: the Terror begins."], "", "", "")


def test_a_timeline_answers_no_request_for_steps() -> None:
    doc = parse_document("1. **27 BC** — Augustus rules.\n2. **AD 476** — The west falls.\n")
    assert asked_steps(doc, "Walk me through the history of Rome step by step.") is None


_CODE_SPLIT = (
    "1. Create the environment:\n\n```bash\npython3 -m venv .venv\n```\n\n"
    "2. Activate it:\n\n```bash\nsource .venv/bin/activate\n```\n\n"
    "3. Install your packages.\n"
)


def test_steps_a_code_block_splits_are_one_numbered_list() -> None:
    doc = parse_document(_CODE_SPLIT)
    asked = asked_steps(doc, "How do I set up a virtual environment?")
    assert asked is not None
    assert asked[1] == ("Create the environment", "Activate it", "Install your packages")
    whole = nested_step_lists(doc)
    assert [steps for _, steps in whole] == [asked[1]]


def test_two_numbered_lists_with_prose_between_stay_two() -> None:
    doc = parse_document("1. Open it.\n2. Fill it.\n\nThen, later:\n\n1. Empty it.\n2. Close it.\n")
    assert nested_step_lists(doc) == []


def test_a_numbered_list_with_commands_under_its_items_is_read_whole() -> None:
    answer = (
        "## Steps\n\n"
        "1. **Make it executable.**\n   ```bash\n   chmod +x backup.sh\n   ```\n"
        "2. **Open your crontab.**\n   ```bash\n   crontab -e\n   ```\n"
        "3. **Save and exit.**\n"
    )
    doc = parse_document(answer)
    assert [steps for _, steps in nested_step_lists(doc)] == [
        ("Make it executable", "Open your crontab", "Save and exit")
    ]


def test_orders_the_lexicon_lacks_and_after_an_as_phrase_are_prose_steps() -> None:
    answer = (
        "Switch the freezer off. As the ice loosens, ease it away with a plastic scraper.\n\n"
        "Once all the ice has gone, mop up the water. Dry every surface with a clean cloth."
    )
    found = _procedures(answer, "How do I defrost a freezer?")
    assert [steps for _, steps, _ in found] == [
        (
            "Switch the freezer off",
            "ease it away with a plastic scraper",
            "mop up the water",
            "Dry every surface with a clean cloth",
        )
    ]


def test_a_statement_in_a_how_to_paragraph_stays_no_step() -> None:
    answer = "Ice builds up when warm air gets in. Frost-free models defrost themselves."
    assert _procedures(answer, "How do I defrost a freezer?") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised word or a number after the verb's word makes a name, the subject of a
        # statement when a copula or a modal follows it (issue 11, eighteenth session)
        ("Mount Everest is the highest mountain on Earth.", False),
        ("Type 2 diabetes is a chronic condition.", False),
        ("Mount Everest (8,849 m) was first climbed in 1953.", False),
        ("Change Management can be taught.", False),
        ("Mount the bracket on the wall.", True),
        ("Type 2 in the box and press Enter.", True),
        ("Press Enter and it is saved.", True),
        ("Visit Paris in spring.", True),
        # a verb whose object may be a clause keeps its order
        ("Ensure Python is installed.", True),
        ("Check it is plugged in.", True),
    ],
)
def test_a_name_opening_a_statement_is_no_instruction(text: str, expected: bool) -> None:
    assert is_instruction(text) is expected


def test_a_list_of_mountains_holds_no_steps() -> None:
    assert not list_holds_steps(
        [
            "Mount Everest is 8,849 m high.",
            "Mount Kilimanjaro is the highest peak in Africa.",
            "Mount Elbrus is the highest peak in Europe.",
        ]
    )


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # a coordination of nouns after an order's object is one step, though "water" is a verb
        (
            "Mix flour, water, yeast and salt in a bowl.",
            ["Mix flour, water, yeast and salt in a bowl."],
        ),
        ("Add the eggs, water and milk, then stir.", ["Add the eggs, water and milk", "stir."]),
        ("Add salt, pepper, water.", ["Add salt, pepper, water."]),
        # coordinated orders are steps of their own
        ("Add the sugar, stir and serve.", ["Add the sugar", "stir and serve."]),
        ("Plant the seeds, water and wait.", ["Plant the seeds", "water and wait."]),
        ("Sow the seeds; water them daily.", ["Sow the seeds", "water them daily."]),
        (
            "Chop the onion, garlic and carrots, and fry them.",
            ["Chop the onion, garlic and carrots", "fry them."],
        ),
    ],
)
def test_a_list_of_nouns_after_an_order_is_one_step(sentence: str, clauses: list[str]) -> None:
    assert instruction_clauses(sentence) == clauses


def test_a_prose_step_keeps_its_ingredient_list_whole() -> None:
    found = _procedures(
        "Mix flour, water, yeast and salt in a large bowl. Knead the dough for ten minutes, "
        "then leave it to rise.",
        "How do I make bread?",
    )
    assert [steps for _, steps, _ in found] == [
        (
            "Mix flour, water, yeast and salt in a large bowl",
            "Knead the dough for ten minutes",
            "leave it to rise",
        )
    ]


def test_titled_bullet_lists_are_bulleted_lists_under_a_lead_in_or_heading() -> None:
    doc = parse_document(
        "## Before you start\n\n- Unplug the kettle.\n- Empty it.\n\n"
        "**What to do:**\n\n- *Burns:* cool the skin.\n\n"
        "## Steps\n\n1. Fill it.\n2. Boil it.\n"
    )
    got = [([b.text for b in top], title.text) for _, top, title in titled_bullet_lists(doc)]
    assert got == [
        (["Unplug the kettle.", "Empty it."], "Before you start"),
        (["Burns: cool the skin."], "What to do:"),
    ], got  # the numbered list is no bulleted one
    assert list(titled_bullet_lists(parse_document("- One thing.\n- Another.\n"))) == []


@pytest.mark.parametrize(
    ("answer", "steps"),
    [
        # a markdown parser joins lettered and keycap-numbered lines into one paragraph
        (
            "Do this:\n\na) Boil the water.\nb) Rinse the filter.\nc) Add the coffee.\n",
            ("Boil the water", "Rinse the filter", "Add the coffee"),
        ),
        (
            "A. Mark the wall.\nB. Drill the hole.\nC. Fit the plug.\n",
            ("Mark the wall", "Drill the hole", "Fit the plug"),
        ),
        (
            "1\ufe0f\u20e3 Plug it in.\n2\ufe0f\u20e3 Press the button.\n3\ufe0f\u20e3 Wait.\n",
            ("Plug it in", "Press the button", "Wait"),
        ),
    ],
)
def test_lettered_and_emoji_numbered_lines_number_their_steps(
    answer: str, steps: tuple[str, ...]
) -> None:
    assert [p[1] for p in _procedures(answer, "How do I do it?")] == [steps]


def test_letters_out_of_order_number_no_steps() -> None:
    # "b)" before "a)": no sequence, so no inline procedure
    answer = "Pick one: b) Use the bus. a) Take a taxi. c) Walk there."
    assert all(p[2] != "procedure.inline" for p in _procedures(answer, "How do I get there?"))


def test_a_numbered_list_goes_on_past_a_warning_or_tip_between_its_steps() -> None:
    doc = parse_document(
        "1. Switch off the circuit.\n\n> **Warning:** Test the wires first.\n\n"
        "2. Unscrew the plate.\n3. Pull the switch out.\n\n*Tip: take a photo.*\n\n"
        "4. Fit the new switch.\n"
    )
    assert [steps for _, steps in nested_step_lists(doc)] == [
        ("Switch off the circuit", "Unscrew the plate", "Pull the switch out", "Fit the new switch")
    ]


def test_a_list_numbered_from_one_again_after_a_note_is_another_list() -> None:
    doc = parse_document(
        "1. Open it.\n2. Fill it.\n\n**Note:** this is the other way.\n\n1. Empty it.\n2. Close it.\n"
    )
    assert nested_step_lists(doc) == []


@pytest.mark.parametrize(
    "texts",
    [
        [
            "Preparation – Warm the engine and switch it off.",
            "Drainage – Place a pan under the plug and remove it.",
            "Refill – Pour in the new oil.",
        ],
        ["Weeks 1–2: Jog for 3 minutes.", "Weeks 3–4: Run for 10 minutes.", "Week 5: Run 5 km."],
    ],
)
def test_steps_titled_with_a_noun_or_a_time_give_their_orders_after_the_label(
    texts: list[str],
) -> None:
    assert list_holds_steps(texts) is True
    assert how_to_list(texts, prompt="What's the process for changing the oil?")


def test_names_with_a_gloss_after_the_label_stay_no_steps() -> None:
    texts = [
        "Henry VII (r. 1485–1509) — founded the dynasty.",
        "Henry VIII (r. 1509–1547) — broke with Rome.",
        "Edward VI (r. 1547–1553) — reformed the church.",
    ]
    assert list_holds_steps(texts) is False


def test_a_glossary_of_terms_whose_glosses_read_like_orders_stays_no_steps() -> None:
    texts = ["GET — read a resource", "POST — create a new one", "DELETE — remove it"]
    assert list_holds_steps(texts) is not True


def test_roman_numerals_number_steps_inside_a_line() -> None:
    answer = "I. Choose a topic.\nII. Collect sources.\nIII. Write an outline.\nIV. Draft it.\n"
    assert [p[1] for p in _procedures(answer, "How do I write a paper?")] == [
        ("Choose a topic", "Collect sources", "Write an outline", "Draft it")
    ]


@pytest.mark.parametrize(
    ("answer", "prompt"),
    [
        # a title naming an activity over the paragraph
        (
            "**Clearing a blocked sink**\n\nStart by removing the standing water with a cup. Pour "
            "baking soda down the drain. Leave it for 15 minutes, then flush it with hot water.\n",
            "My kitchen sink drains slowly.",
        ),
        # sentences opening with sequence words
        (
            "First, crack three eggs into a bowl and whisk them. Then melt butter in a pan. "
            "Finally, stir the eggs over low heat.",
            "Breakfast ideas?",
        ),
    ],
)
def test_a_prose_how_to_titled_or_sequenced_needs_no_how_to_prompt(
    answer: str, prompt: str
) -> None:
    (found,) = _procedures(answer, prompt)
    assert len(found[1]) >= 3
