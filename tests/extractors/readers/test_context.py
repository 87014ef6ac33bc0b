"""The readers' shared context: where a block's sentences end (issue 11, eighth session).

A period after an abbreviation ("r. 1485", "c. 1368", "No. 9", "Mt. Fuji", "Apple Inc. in
2011") or an initial before a name ("G. S. Carr", "Lillie P. Bliss") does not end a sentence; a
capital letter that closes one ("vitamin C. It …", "Napoleon I. His …") still does.
"""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.readers.context import heading_name


def _sentences(text: str) -> list[str]:
    ctx, _ = read_document(text)
    return [s.text for s in ctx.sentences(ctx.doc.blocks[0])]


@pytest.mark.parametrize(
    "text",
    [
        "Henry VII (r. 1485–1509) founded the Tudor dynasty after Bosworth.",
        "Ibn Battuta (1304 – c. 1368) was a Moroccan scholar and traveller.",
        "The Symphony No. 9 in E minor and the Serenade Op. 22 were written in Prague.",
        "They shared the prize with F. W. Maitland in 1893.",
        "The museum got the painting through the Lillie P. Bliss Bequest in 1941.",
        "He learnt mathematics from a book by G. S. Carr while at school.",
        "The claim that Apple Inc. invented citric acid in 2011 is false.",
        "Climbers reach Mt. Fuji by bus from Tokyo in summer.",
        "Most of the U.S. government sits in Washington.",
    ],
)
def test_an_abbreviation_does_not_end_the_sentence(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Citrus fruit is rich in vitamin C. It also holds fibre.", "vitamin C."),
        ("He was crowned as Napoleon I. His legal reforms lasted.", "Napoleon I."),
        ("The fort stood on a hill c. 1200 years ago. No. The town did.", "ago."),
        ("It weighs about 9 kg. Males are larger.", "9 kg."),
    ],
)
def test_a_sentence_still_ends_at_its_period(text: str, first: str) -> None:
    assert _sentences(text)[0].endswith(first)
    assert len(_sentences(text)) >= 2


def test_a_reign_in_brackets_keeps_the_definition_whole() -> None:
    # the sentence was cut at "r." and its clause about the king lost its subject
    answer = "**Henry VII** (r. 1485–1509), also known as Henry Tudor, founded the dynasty.\n"
    _, facts = read_document(answer)
    found = {
        (f.subject.text.lower(), f.linguistic.value, f.value.lower())
        for f in facts
        if f.linguistic is not None and f.value is not None
    }
    assert ("henry vii", "alias", "henry tudor") in found


def test_numbered_names_sharing_a_plural_head_name_the_last_one() -> None:
    # once "No." no longer ended the sentence, the whole "Symphonies No. 5 and No. 6" was the term
    answer = "- **1808** — Symphonies No. 5 and No. 6 (*Pastoral*) premiere in one concert.\n"
    _, facts = read_document(answer)
    found = {
        (f.subject.text, f.value) for f in facts if f.linguistic is not None and f.value is not None
    }
    assert ("Symphony No. 6", "Pastoral") in found


@pytest.mark.parametrize(
    "text",
    [
        "**Q:** Who founded the Red Cross?\n\n**A:** Henri Dunant founded it in 1863.",
        "## Q: Who founded the Red Cross?\n\nHenri Dunant founded it in 1863.",
        "**Q. Who founded the Red Cross?**\n\nHenri Dunant founded it in 1863.",
        "Q. Who founded the Red Cross?\n\nHenri Dunant founded it in 1863.",
    ],
)
def test_an_faq_label_or_question_is_no_topic(text: str) -> None:
    # the topic was "Q" (the bold label, the heading before its colon) or "Q. Who"
    ctx, _ = read_document(text, prompt="Tell me about the Red Cross")
    assert ctx.topic is not None and ctx.topic.text == "Red Cross"


def test_an_faq_without_a_prompt_topic_is_about_what_its_first_question_asks() -> None:
    ctx, _ = read_document(
        "**Q: What is a concussion?**\nA: A mild brain injury.\n\n**Q: When should I worry?**\nA: …",
        prompt="My son took a knock to the head. What should I do?",
    )
    assert ctx.topic is not None and ctx.topic.text == "concussion"


def test_an_answer_label_is_no_part_of_the_sentence_it_opens() -> None:
    # the definitions read "A: A concussion" as the term
    ctx, _ = read_document("**Q: What is a concussion?**\nA: A concussion is a mild brain injury.")
    texts = [s.text for b in ctx.doc.blocks for s in ctx.sentences(b)]
    assert "A concussion is a mild brain injury." in texts


def test_a_heading_with_a_date_in_brackets_names_the_thing_without_half_a_bracket() -> None:
    """ "## The Spanish Armada (1588)": trimming the heading's edge punctuation once left the
    subject "Spanish Armada (1588"; the bracket opens a gloss, so the name ends before it."""
    assert heading_name("The Spanish Armada (1588)") in ("Spanish Armada", "The Spanish Armada")
    assert heading_name("Section 401(k) plans") == "Section 401(k) plans"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the owner opens the sentence, the answer is about what he owns, highlighted right after
        ("**Jan Steen**'s *The Merry Family* (1668) hangs in Amsterdam.", "Merry Family"),
        ("**Jan Steen**’s **Feast of St Nicholas** is a genre scene.", "Feast of St Nicholas"),
        # no highlight after the "'s": the owner stays the topic
        ("**Lisbon**'s old town climbs seven hills.", "Lisbon"),
        ("**Jan Steen** painted *The Merry Family* in 1668.", "Jan Steen"),
    ],
)
def test_an_opening_owner_gives_the_topic_to_what_he_owns(text: str, topic: str) -> None:
    ctx, _ = read_document(text)
    assert ctx.topic is not None and ctx.topic.text == topic


@pytest.mark.parametrize(
    "text",
    [
        # a bold label over a list, with no more than an aside (twenty-second session)
        "**Ingredients** (serves 4)\n- 250 g chickpeas\n- 1 lemon\n\nSoak the chickpeas overnight.",
        '**Forwards** ("the pack")\n- Loosehead prop\n- Hooker\n\nThe forwards win the ball.',
        # a bold label with its colon inside the bold
        "**You'll need:** tyre levers, a spare tube and a pump.\n\nRemove the wheel first.",
    ],
)
def test_a_section_label_is_no_topic(text: str) -> None:
    # the topic was "Ingredients", "Forwards", "You'll need"
    ctx, _ = read_document(text)
    assert ctx.topic is None, ctx.topic


def test_a_question_opening_a_paragraph_names_no_topic() -> None:
    # "Where is it? Off the coast …" gave the topic "Where"
    ctx, _ = read_document(
        "Here's a short summary.\n\nWhere is it? Off the coast of Queensland, in the Coral Sea."
    )
    assert ctx.topic is None, ctx.topic


def test_a_bold_name_opening_a_sentence_over_a_list_is_still_the_topic() -> None:
    ctx, _ = read_document("**Ada Lovelace** (1815–1852) was a mathematician.\n- poet\n- writer")
    assert ctx.topic is not None and ctx.topic.text == "Ada Lovelace"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "**Marie Curie** (1867–1934)\n\n- **Born:** 7 November 1867, Warsaw\n- **Field:** physics\n",
            "Marie Curie",
        ),
        (
            "**The Nile** (Arabic: an-Nīl)\n\n- Length: 6,650 km\n- Mouth: Mediterranean Sea\n",
            "Nile",
        ),
    ],
)
def test_a_bold_name_over_key_value_items_is_the_topic(text: str, topic: str) -> None:
    # a profile card: the keys describe the bold line's thing (the label rule took it away)
    ctx, _ = read_document(text)
    assert ctx.topic is not None and ctx.topic.text == topic, ctx.topic


@pytest.mark.parametrize(
    "text",
    [
        # a bold label, then words, then a colon: a lead-in (twenty-third session)
        "**Ingredients** for the dough:\n- 500 g flour\n- 7 g yeast\n\nMix the flour and yeast.",
        # a bold adverb opening the answer names nothing
        "**Never** change a tyre on the hard shoulder: call for help instead.\n\nPark safely.",
        # a sentence opening on a quantifier names nothing ("Both are …")
        "Both are transport protocols, but they make opposite trade-offs.",
    ],
)
def test_a_bold_lead_in_or_adverb_is_no_topic(text: str) -> None:
    # the topic was "Ingredients", "Never", "Both"
    ctx, _ = read_document(text)
    assert ctx.topic is None, ctx.topic


def test_a_bold_name_with_an_aside_over_a_plain_list_is_the_topic() -> None:
    # no prompt: the label rule took the bold name for a section's label
    ctx, _ = read_document(
        "**Ernest Rutherford** (physicist)\n\n- Born 1871 in New Zealand\n- Nobel Prize 1908\n"
    )
    assert ctx.topic is not None and ctx.topic.text == "Ernest Rutherford", ctx.topic


@pytest.mark.parametrize(
    ("prompt", "topic"),
    [
        # a title joined by "and" is one name ("Pride" was the topic)
        (
            "What is Pride and Prejudice about, and why is it still so popular?",
            "Pride and Prejudice",
        ),
        ("Who were Lewis and Clark?", "Lewis and Clark"),
        # "and" before a question still ends the topic
        ("What is the Nile and why is it important?", "Nile"),
        # how to tell it, the text handed over, the owner of a life: no part of the topic
        ("Explain plate tectonics simply.", "plate tectonics"),
        ("Summarise this page about the Eiffel Tower for my notes.", "Eiffel Tower"),
        ("Tell me about Alan Turing's life and work.", "Alan Turing"),
        ("Tell me about the cat family (Felidae).", "cat family"),
        # the naming verb and the word asking for several are no part of it; a title keeps them
        ("What are the different swimming strokes called?", "swimming strokes"),
        ("What is a baby kangaroo called?", "baby kangaroo"),
        ("What is the Different Strokes TV show?", "Different Strokes TV show"),
    ],
)
def test_the_prompt_topic_is_the_whole_name(prompt: str, topic: str) -> None:
    from grapheme_distill.extractors.readers.context import prompt_topic

    assert prompt_topic(prompt) == topic


@pytest.mark.parametrize(
    ("prompt", "topic"),
    [
        # the things listed are no name: the whole after their "of" is
        ("List the countries of the United Kingdom", "United Kingdom"),
        ("Name the planets of the solar system.", "solar system"),
        ("Give me the members of ABBA", "ABBA"),
        ("Can you list the main parts of a bicycle?", "bicycle"),
        ("List Canada's provinces", "Canada"),
        # the text asked for is no name either
        ("Give me a timeline of the Hundred Years' War.", "Hundred Years' War"),
        ("Give me a short biography of Napoleon.", "Napoleon"),
        ("Turn my notes on Pompeii into a short fact sheet (notes pasted below).", "Pompeii"),
        ("Tell me about the members of ABBA.", "ABBA"),
    ],
)
def test_an_imperative_prompt_names_its_topic(prompt: str, topic: str) -> None:
    from grapheme_distill.extractors.readers.context import prompt_topic

    assert prompt_topic(prompt) == topic


@pytest.mark.parametrize(
    "prompt",
    [
        "Name three French painters.",  # instances asked for, no whole
        "Name 5 people, places or things that Marie Curie is related to.",
        "Name a famous painting.",
        "List the steps to bake bread.",  # a procedure, no thing
        "Show me how to tie a tie.",
    ],
)
def test_an_imperative_asking_for_instances_or_steps_names_no_topic(prompt: str) -> None:
    from grapheme_distill.extractors.readers.context import prompt_topic

    assert prompt_topic(prompt) is None


def test_an_imperative_prompt_is_the_answers_topic() -> None:
    ctx, _ = read_document(
        "The UK is made up of four countries:\n\n- England\n- Scotland\n- Wales\n"
        "- Northern Ireland\n",
        prompt="List the countries of the United Kingdom",
    )
    assert ctx.topic is not None and ctx.topic.text == "United Kingdom", ctx.topic


@pytest.mark.parametrize(
    "heading", ["Getting started", "Making the dough", "Setting up Python", "Choosing a bike"]
)
def test_a_verb_phrase_heading_names_no_thing(heading: str) -> None:
    # a gerund with its object or particle is an activity, never the section's subject
    assert heading_name(heading) is None


@pytest.mark.parametrize("heading", ["Reading list", "Boeing 747", "Beijing in 1900"])
def test_a_gerund_like_word_before_a_noun_may_name_a_thing(heading: str) -> None:
    assert heading_name(heading) == heading
