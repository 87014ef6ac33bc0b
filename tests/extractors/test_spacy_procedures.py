"""The spaCy extractor's procedures from prose and its verdict on numbered lists (issue 11, fifth
session; readers/procedures.py), through the real pipeline and model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


@pytest.fixture(scope="module")
def extractor() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor()


def test_a_how_to_in_prose_is_a_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "Pancakes are quick.\n\nSift the flour into a bowl. Whisk in the eggs and milk until "
        "smooth. Heat a pan and pour in a ladle of batter. Flip it after a minute.",
        prompt="How do I make pancakes?",
    )
    assert [(p.goal, len(p.steps)) for p in ex.procedures] == [("make pancakes", 4)]
    assert ex.procedures[0].steps[0] == "Sift the flour into a bowl"


def test_a_preparation_step_joins_the_numbered_list(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "It is simple. Before you start, turn off the water supply.\n\n"
        "### Steps\n1. Unscrew the tap head.\n2. Replace the washer.\n3. Screw the head back on.\n",
        prompt="How do I fix a dripping tap?",
    )
    assert len(ex.procedures) == 1
    assert ex.procedures[0].steps[0] == "turn off the water supply"
    assert len(ex.procedures[0].steps) == 4


def test_numbered_names_are_no_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "## The first three Roman emperors\n"
        "1. **Augustus** (r. 27 BC–AD 14) — ended the civil wars; founded the principate.\n"
        "2. **Tiberius** (r. 14–37) — his stepson; withdrew to Capri.\n"
        "3. **Caligula** (r. 37–41) — his great-nephew; was murdered by the guard.\n",
        prompt="Who were the first Roman emperors?",
    )
    assert not ex.procedures


def test_numbered_instructions_with_commands_are_a_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "### Deploy the site\n"
        "1. Build the bundle: `npm run build`.\n"
        "2. Log in: `netlify login`.\n"
        "3. Deploy the folder with `netlify deploy --prod`.\n"
        "4. Open the URL it prints — you should see the home page.\n",
        prompt="What is Netlify and how do I deploy a site?",
    )
    assert [len(p.steps) for p in ex.procedures] == [4]


def test_an_ingredient_list_under_a_how_to_is_no_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "**Ingredients:**\n- 200 g rice\n- 1 litre stock\n- parmesan\n\n"
        "**Method:**\n- Toast the rice.\n- Add the stock a ladle at a time.\n- Stir in the cheese.\n",
        prompt="How do I make risotto?",
    )
    assert [p.steps[0] for p in ex.procedures] == ["Toast the rice"]


def test_sub_steps_stay_in_their_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "1. Switch off the heater.\n2. Drain the tank.\n   - Attach a hose to the valve.\n"
        "   - Open the valve slowly.\n3. Refill the tank.\n",
        prompt="How do I flush a water heater?",
    )
    assert [p.steps for p in ex.procedures] == [
        (
            "Switch off the heater",
            "Drain the tank",
            "Attach a hose to the valve",
            "Open the valve slowly",
            "Refill the tank",
        )
    ]


_STEPS = (
    "1. Mix the starter with flour and water.\n2. Fold the dough every 30 minutes.\n"
    "3. Shape the loaf.\n4. Bake it in a hot oven."
)


def _main_job_prompt(topic: str) -> str:
    """The user message the main job sends for procedures (its own shipped template)."""
    from grapheme_distill.topics import load_templates

    (template,) = load_templates(types=["procedural"])
    return next(m.content for m in template.render(topic) if m.role == "user")


@pytest.mark.parametrize(
    ("prompt", "answer", "goal"),
    [
        # the main job's template, answered without the title line it asks for
        (_main_job_prompt("photosynthesis"), _STEPS, "photosynthesis"),
        (_main_job_prompt("the water cycle"), _STEPS, "water cycle"),
        # no goal in the prompt, heading or lead-in: what the answer is about
        (
            "Tell me about sourdough",
            "Sourdough is bread leavened by wild yeast.\n\n" + _STEPS,
            "sourdough",
        ),
        (
            "Tell me about sourdough",
            "First, feed the starter. Then mix the dough. Finally, bake it.",
            "sourdough",
        ),
        # nothing names anything: its first step, which says what it does
        ("What should I do?", _STEPS, "Mix the starter with flour and water"),
        # a stated goal still wins
        ("How do I descale a kettle?", _STEPS, "descale a kettle"),
    ],
)
def test_a_procedure_nothing_names_is_named_after_what_the_answer_is_about(
    extractor: SpacyExtractor, prompt: str, answer: str, goal: str
) -> None:
    ex = extractor.extract(answer, prompt=prompt)
    assert [p.goal for p in ex.procedures] == [goal]


def test_a_numbered_history_is_no_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "The revolution unfolded quickly.\n\n1. In 1789, crowds stormed the Bastille.\n"
        "2. The monarchy was abolished in 1792.\n3. Napoleon seized power in 1799.\n",
        prompt="Tell me about the French Revolution.",
    )
    assert not ex.procedures


def test_tips_bullets_of_a_how_to_are_no_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "1. Loosen the wheel nuts.\n2. Jack up the car.\n3. Swap the wheel.\n\n"
        "A few safety notes:\n\n- Keep the handbrake on.\n- Put a wedge behind the wheels.\n",
        prompt="How do I change a tyre?",
    )
    assert [p.steps[0] for p in ex.procedures] == ["Loosen the wheel nuts"]


def test_the_numbered_list_asked_for_is_a_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "Brewing Tea\n\n1. **Boiling**: Water is boiled in a kettle.\n"
        "2. **Steeping**: The leaves steep for three minutes.\n"
        "3. **Serving**: The tea is poured into cups.\n",
        prompt="Explain one important process involving tea in 3 numbered steps.",
    )
    assert [len(p.steps) for p in ex.procedures] == [3]
