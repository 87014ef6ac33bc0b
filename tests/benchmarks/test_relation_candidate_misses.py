"""The relation-miss audit sorts a lost gold relation by the furthest stage the candidate reader
got with it, and reads the dependency path between two names off a parse."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import benchmark_script


@pytest.fixture()
def audit() -> Iterator[ModuleType]:
    yield benchmark_script("relation_candidate_misses")


# "Bach wrote the Mass in B minor in Leipzig": (i, text, lemma, pos, dep, head, offset)
_TOKENS = [
    (0, "Bach", "Bach", "PROPN", "nsubj", 1, 0),
    (1, "wrote", "write", "VERB", "ROOT", 1, 5),
    (2, "the", "the", "DET", "det", 3, 11),
    (3, "Mass", "Mass", "PROPN", "dobj", 1, 15),
    (4, "in", "in", "ADP", "prep", 1, 20),
    (5, "Leipzig", "Leipzig", "PROPN", "pobj", 4, 23),
]


def test_the_path_runs_up_to_the_common_head_and_down(audit: ModuleType) -> None:
    assert audit.path_between(_TOKENS, 0, 3) == "nsubj^ [VERB] vdobj"
    assert audit.path_between(_TOKENS, 3, 5) == "dobj^ [VERB] vprep(in) vpobj"
    assert audit.path_between(_TOKENS, 1, 5) == "[VERB] vprep(in) vpobj"
    assert audit.head(_TOKENS, (2, 4)) == 3  # "the Mass": the noun, not its article


class _Judge:
    """The scorer's matching, reduced to exact names and predicates."""

    names = None

    def _rel_match(self, gold: dict[str, Any], unit: dict[str, Any]) -> float:
        same = all(gold[k] == unit[k] for k in ("subject", "predicate", "object"))
        return 1.0 if same else 0.0


class _Scorer:
    @staticmethod
    def _pair_sim(names: Any, gs: str, go: str, ps: str, po: str, either: bool) -> float:
        return 1.0 if {gs, go} == {ps, po} else 0.0


def test_a_lost_relation_falls_in_the_furthest_stage(audit: ModuleType) -> None:
    gold = {"subject": "Bach", "predicate": "write", "object": "Mass", "negated": False}

    def stage(*candidates: tuple[str, str, str, tuple[str, ...], bool, float | None]) -> str:
        read = audit.Read(pred={}, candidates=list(candidates))
        return str(audit.stage(_Scorer(), _Judge(), gold, read))

    assert stage() == "no_candidate"
    assert stage(("Bach", "compose", "Leipzig", (), True, 0.9)) == "no_candidate"
    assert stage(("Bach", "compose", "Mass", (), False, None)) == "filtered_other"
    assert stage(("Mass", "compose", "Bach", (), True, 0.1)) == "judged_other"
    assert stage(("Bach", "write", "Mass", (), False, None)) == "filtered_right"
    assert (
        stage(("Bach", "write", "Mass", (), True, 0.1), ("Bach", "write", "Mass", (), False, None))
        == "judged_right"
    )


class _Names:
    """The scorer's name similarity, reduced to equality."""

    @staticmethod
    def sim(a: str, b: str) -> float:
        return 1.0 if a.lower() == b.lower() else 0.0


def test_a_pair_lost_to_a_name_s_extent(audit: ModuleType) -> None:
    gold = {"subject": "Chopin", "predicate": "played_in", "object": "salons", "negated": False}

    def miss(*candidates: tuple[str, str, str], nodes: tuple[str, ...] = ()) -> str | None:
        read = audit.Read(
            pred={}, candidates=[(*c, (), True, 0.1) for c in candidates], nodes=set(nodes)
        )
        return audit.extent_miss(_Names(), gold, read)

    assert miss(("Chopin", "play_in", "private salons")) == "object lead no_node"
    assert miss(("Chopin", "play_in", "salons of Paris"), nodes=("salons",)) == "object trail node"
    assert miss(("Frédéric Chopin", "play_in", "salons")) == "subject lead no_node"
    assert miss(("Chopin", "play_in", "concert halls")) is None


def test_a_path_is_labelled_by_its_first_construction(audit: ModuleType) -> None:
    assert audit.construction("nsubj^ [VERB] vdobj") == "plain verb"
    assert audit.construction("[NOUN] vrelcl vprep(in) vpobj") == "relative clause"
    assert audit.construction("[PROPN] vacl vagent(by) vpobj") == "participle"
    assert audit.construction("appos^ nsubjpass^ [VERB] vprep(in) vpobj") == "apposition"
    assert audit.construction("pobj^ agent^ [VERB] vnsubjpass") == "passive"
    assert audit.construction("nsubj^ [VERB] vprep(from) vpobj vconj") == "coordination"
    assert audit.construction("nsubj^ [AUX:be] vattr vprep(of) vpobj") == "of chain"
    assert audit.construction("nsubj^ [AUX:be] vattr") == "copula"
    assert audit.construction("pobj^ prep^ [VERB] vprep(in) vpobj") == "other"
    assert audit.construction(None) == "no path"


def test_a_coordination_is_labelled_by_its_shape(audit: ModuleType) -> None:
    assert audit.coordination_shape("nsubj^ [VERB] vconj vprep(in) vpobj") == "verbs"
    assert audit.coordination_shape("conj^ nsubj^ [VERB] vdobj") == "subjects"
    assert audit.coordination_shape("nsubj^ [VERB] vdobj vconj") == "objects"
    assert audit.coordination_shape("nsubj^ [VERB] vprep(from) vpobj vconj") == (
        "prepositional objects"
    )
    assert audit.coordination_shape("[NOUN] vconj") == "conjuncts"
    assert audit.coordination_shape("conj^ pobj^ prep^ [NOUN]") == "other"


class _SiblingJudge:
    names = _Names()

    @staticmethod
    def _rel_match(gold: dict[str, Any], pred: dict[str, Any]) -> float:
        same = all(gold[k].lower() == pred[k].lower() for k in ("subject", "predicate", "object"))
        return 1.0 if same else 0.0


def test_a_sibling_conjunct_s_reading_is_told_from_no_reading(audit: ModuleType) -> None:
    gold = {"subject": "Spain", "predicate": "borders", "object": "Portugal", "negated": False}

    def kept(*relations: tuple[str, str, str]) -> bool:
        pred = {
            "relations": [
                dict(zip(("subject", "predicate", "object"), r, strict=True)) for r in relations
            ]
        }
        return bool(audit.sibling_kept(_SiblingJudge(), gold, pred))

    assert kept(("Spain", "borders", "France"))
    assert kept(("France", "borders", "Portugal"))
    assert not kept(("Spain", "located_in", "Europe"))
    assert not kept()
