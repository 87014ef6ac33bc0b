"""The wholes around a list (:func:`.hierarchy_wholes.list_wholes`): a lead-in or heading that
names the list's own whole leaves the answer's first subject out of its candidates, since a list
item has one direct whole; a bare plural lead-in names the first subject's own children by kind,
so the first subject stays a candidate.  Each case is worded afresh (not from an answer set)."""

from __future__ import annotations

import pytest

from tests.extractors.readers.conftest import hierarchy_pairs as _pairs

CASES = [
    pytest.param(
        "Migraine is a neurological condition that causes severe, throbbing headaches.\n\n"
        "**Triggers** to watch for include:\n- stress\n- bright lights\n- skipped meals\n",
        "What is migraine?",
        {("triggers", "stress"), ("triggers", "skipped meals")},
        {("migraine", "stress"), ("migraine", "bright lights")},
        id="a-lead-in-that-names-its-whole",
    ),
    pytest.param(
        "Volcanology is the study of volcanoes and how they erupt.\n\n## Types of volcano\n\n"
        "1. **Shield volcanoes** — broad and gently sloping\n"
        "2. **Stratovolcanoes** — tall and steep\n3. **Cinder cones** — small and short-lived\n",
        "Explain volcanology simply.",
        {("volcano", "shield volcanoes"), ("volcano", "cinder cones")},
        {("volcanology", "shield volcanoes"), ("volcanology", "cinder cones")},
        id="a-types-of-heading-names-the-class",
    ),
]


@pytest.mark.parametrize(("answer", "prompt", "present", "absent"), CASES)
def test_the_first_subject_is_no_second_whole(
    answer: str, prompt: str, present: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    pairs = _pairs(answer, prompt)
    assert present <= pairs, f"missing {present - pairs}; got {sorted(pairs)}"
    assert not absent & pairs, f"unexpected {absent & pairs}"
