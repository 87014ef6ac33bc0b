"""The cheap pre-checks before the linguistic readers build a pattern from an answer's own words
(sixteenth session, throughput): each such pattern goes into ``re``'s module cache and pushes the
readers' fixed patterns out, so it is built only where it may match — and the items stay the same
(the anaphor, shared-head and acronym-noun cases are pinned in the form tables too)."""

from __future__ import annotations

import re

from tests.extractors.readers.conftest import LinguisticItems


def _built(prefix: str) -> list[str]:
    return [key[1] for key in re._cache if isinstance(key[1], str) and key[1].startswith(prefix)]  # type: ignore[attr-defined]


def test_a_named_term_builds_no_anaphor_pattern(linguistic_items: LinguisticItems) -> None:
    re.purge()
    items = linguistic_items("Saint Petersburg was renamed Petrograd in 1914.")
    assert ("saint petersburg", "alias", "petrograd") in items
    assert _built(r"(?i)(?:the|this|these|that|those)\s+") == []


def test_a_one_word_notion_is_still_an_anaphor(linguistic_items: LinguisticItems) -> None:
    items = linguistic_items(
        "Water crosses the membrane from the dilute side. The process is known as osmosis."
    )
    assert not any(term == "process" for term, _, _ in items)


def test_a_gloss_with_no_bracket_before_it_builds_no_shared_head_pattern(
    linguistic_items: LinguisticItems,
) -> None:
    re.purge()
    linguistic_items("The cells are owned by their members (*socis*).")
    assert _built(r"\b(?P<h>[a-z]+\s+(?:to|of))") == []
    items = linguistic_items(
        "A migraine can bring sensitivity to noise (*phonophobia*) and smell (*osmophobia*)."
    )
    assert ("osmophobia", "definition", "sensitivity to smell") in items
