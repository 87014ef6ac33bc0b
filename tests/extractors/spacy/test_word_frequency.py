"""The entity model's word-frequency cues (``spacy/word_frequency.py``): classes of English at
large, not of the annotated batches, read from a small package-data table."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.word_frequency import (
    frequency_cues,
    table,
    zipf,
    zipf_class,
)
from tests.conftest import benchmark_script


def _classes(name: str) -> dict[str, int]:
    return {k: int(v) for k, v in (c.split("=") for c in frequency_cues(name))}


def test_the_table_loads_from_package_data_with_wordfreq_s_centibels() -> None:
    words = table()
    assert len(words) > 90_000
    assert words["the"] == 127  # the commonest word: 10^-1.27 of all words, Zipf 7.73
    assert all(cb <= 700 for cb in words.values())  # nothing rarer than Zipf 2


def test_a_common_word_and_a_rare_name_fall_in_different_classes() -> None:
    assert _classes("the process") == {"zf_head": 5, "zf_name": 5, "zf_min": 5}
    assert _classes("Radioactivity") == {"zf_head": 2, "zf_name": 2, "zf_min": 2}
    assert zipf(("process",)) == 5.26 and zipf(("the",)) == 7.73


def test_an_unknown_word_is_in_the_lowest_class_and_makes_the_phrase_unknown() -> None:
    assert zipf(("qxzzyv",)) == 0.0 and zipf(("marie", "qxzzyv")) == 0.0
    assert _classes("Marie Qxzzyv's health") == {"zf_head": 5, "zf_name": 1, "zf_min": 1}


def test_the_cues_name_the_head_the_whole_name_and_the_rarest_word() -> None:
    cues = frequency_cues("Marie Curie's health")
    assert [c.split("=")[0] for c in cues] == ["zf_head", "zf_name", "zf_min"]
    head, name, rarest = (int(c.split("=")[1]) for c in cues)
    assert rarest <= name <= head


def test_a_name_without_letters_has_no_cue_and_digits_are_no_words() -> None:
    assert frequency_cues("1898") == ()
    assert frequency_cues("COVID-19") == frequency_cues("covid")
    assert frequency_cues("CO₂") == frequency_cues("co")  # "₂" is a number sign, as in wordfreq


def test_words_are_split_and_normalised_as_wordfreq_does() -> None:
    # a French elision ("d'" before a vowel) is a word of its own; curly apostrophes are straight
    assert zipf(("d'orsay",)) == zipf(("d", "orsay")) > 0
    assert zipf(("o’clock",)) == zipf(("o'clock",)) > 0
    assert zipf(("STRASSE",)) == zipf(("straße",)) > 0


def test_the_classes_are_whole_numbers_from_two_to_seven_and_one_below() -> None:
    assert [zipf_class(z) for z in (0.0, 0.5, 1.99, 2.0, 5.26, 7.9)] == [
        "1",
        "1",
        "1",
        "2",
        "5",
        "7",
    ]


def test_the_table_gives_wordfreq_s_own_frequencies() -> None:
    """Where ``wordfreq`` is installed (a development dependency), the table agrees with it on
    single words and phrases at Zipf 2 and above."""
    wordfreq = pytest.importorskip("wordfreq")
    for phrase in (
        "the process",
        "radioactivity",
        "marie curie's health",
        "musée d'orsay",
        "o’clock",
        "co₂ emissions",
        "straße",
        "rock'n'roll",
        "xi'an",
    ):
        words = tuple(phrase.split())
        expected = wordfreq.zipf_frequency(phrase, "en")
        assert zipf(words) == (expected if expected >= 2 else zipf(words)), phrase
        assert zipf_class(zipf(words)) == zipf_class(expected), phrase


def test_the_build_script_keeps_words_of_letters_down_to_zipf_two() -> None:
    script = benchmark_script("build_word_frequency")
    buckets = [
        ["the"],
        [],
        ["co2", "o'clock", "'tis", "naïve"],
        *([["x"]] * 697),
        ["rare"],
        ["rarer"],
    ]
    lines = script.table_lines(buckets)
    assert lines[0] == "0\tthe" and lines[1] == "2\tnaïve o'clock"
    assert lines[-1] == "700\trare"  # bucket 701 (Zipf 1.99) is below the floor
