"""Cloze soft targets: from a deterministic fake teacher (exact numbers) and, slow, the real
embedded model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from grapheme_distill.cloze import (
    ClozePrompt,
    aask_cloze,
    ask_cloze,
    cloze_request,
    cloze_soft_target,
)
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import ExtractionFailed, FatalTeacherError
from grapheme_distill.teachers.base import (
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
)


class FakeTeacher:
    """Answers every request with fixed tokens and fixed top-k alternatives; keeps requests."""

    name = "fake"

    def __init__(
        self, steps: list[tuple[str, dict[str, float]]], *, logprobs: bool = True, chat: bool = True
    ) -> None:
        self.steps = steps
        self.supports_logprobs = logprobs
        self.is_chat = chat
        self.requests: list[TeacherRequest] = []

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        self.requests.append(request)
        lps = tuple(
            TokenLogprob(
                token=tok,
                logprob=alts.get(tok, -9.0),
                top_logprobs=tuple(TopLogprob(token=t, logprob=lp) for t, lp in alts.items()),
            )
            for tok, alts in self.steps
        )
        return TeacherResponse(
            text="".join(t for t, _ in self.steps),
            model="fake-1",
            logprobs=lps if request.logprobs else None,
            request_hash=request.content_hash(),
        )

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        return self.complete(request)


PARIS = [
    (
        " Paris",
        {
            " Paris": math.log(0.6),
            "Paris": math.log(0.1),
            " Lyon": math.log(0.1),
            " the": math.log(0.15),
        },
    ),
    (".", {".": -0.01}),
]


def test_fake_teacher_is_a_teacher() -> None:
    assert isinstance(FakeTeacher(PARIS), Teacher)


@pytest.mark.parametrize("temperature", [1.0, 2.0])
def test_candidates_pool_matching_tokens_and_keep_the_tail(temperature: float) -> None:
    teacher = FakeTeacher(PARIS)
    cloze = ClozePrompt(text="The capital of France is ___", candidates=("Paris", "Lyon", "Nice"))
    result = ask_cloze(teacher, cloze, DistillationConfig(temperature=temperature))
    target = result.target
    assert target.slot == "The capital of France is"
    assert target.candidates == ("Paris", "Lyon")
    assert target.metadata["unseen"] == ["Nice"]
    assert target.temperature == temperature
    # T = 1: Paris 0.7 vs Lyon 0.1 renormalised; the 0.2 the teacher put elsewhere is the tail
    assert target.with_temperature(1.0).as_dict() == pytest.approx({"Paris": 0.875, "Lyon": 0.125})
    assert target.tail_mass == pytest.approx(0.2)
    expected = np.array([0.7, 0.1]) ** (1 / temperature)
    assert target.probabilities == pytest.approx(expected / expected.sum())
    # the request was greedy, short, with logprobs, and shown as a blank to a chat teacher
    sent = teacher.requests[0]
    assert sent.logprobs and sent.top_logprobs == 20 and sent.temperature == 0.0
    assert sent.messages is not None and sent.messages[-1].content.endswith("___")


def test_without_candidates_the_offered_tokens_are_the_outcomes() -> None:
    target = ask_cloze(FakeTeacher(PARIS), ClozePrompt(text="The capital of France is")).target
    assert set(target.candidates) == {"Paris", "Lyon", "the"}
    assert target.with_temperature(1.0).as_dict()["Paris"] == pytest.approx(0.7 / 0.95)


def test_leading_whitespace_tokens_are_skipped() -> None:
    steps = [("\n", {"\n": -0.1, " ": -2.5}), ("Au", {"Au": math.log(0.9), "Ag": math.log(0.05)})]
    cloze = ClozePrompt.parse("The chemical symbol for gold is | Au; Ag")
    target = ask_cloze(FakeTeacher(steps), cloze).target
    assert target.metadata["position"] == 1
    assert target.argmax() == "Au"


def test_a_token_matching_two_candidates_is_left_out() -> None:
    steps = [("P", {"P": math.log(0.5), "Rome": math.log(0.3)})]
    cloze = ClozePrompt(text="x", candidates=("Paris", "Prague", "Rome"))
    target = ask_cloze(FakeTeacher(steps), cloze).target
    assert target.candidates == ("Rome",)
    assert target.metadata["ambiguous_tokens"] == ["P"]


@pytest.mark.parametrize("case", ["no_logprobs", "no_match", "unsupported"])
def test_failures_are_explicit(case: str) -> None:
    cloze = ClozePrompt(text="The capital of France is", candidates=("Berlin",))
    if case == "unsupported":
        with pytest.raises(FatalTeacherError, match="logprobs"):
            ask_cloze(FakeTeacher(PARIS, logprobs=False), cloze)
        return
    if case == "no_logprobs":
        response = TeacherResponse(text="Paris")
        with pytest.raises(ExtractionFailed, match="no logprobs"):
            cloze_soft_target(cloze, response)
        return
    with pytest.raises(ExtractionFailed, match="Berlin") as info:
        ask_cloze(FakeTeacher(PARIS), cloze)
    assert info.value.raw == " Paris."


async def test_async_twin_and_completion_style() -> None:
    teacher = FakeTeacher(PARIS, chat=False)
    result = await aask_cloze(
        teacher, ClozePrompt(text="The capital of France is", candidates=("Paris",))
    )
    assert teacher.requests[0].prompt == "The capital of France is"
    assert result.target.candidates == ("Paris",)
    assert cloze_request(ClozePrompt(text="a b"), chat=False).metadata["kind"] == "cloze"


# --------------------------------------------------------------------------- the real model


def _model_dir() -> object:
    from grapheme_distill.teachers.local import model_cache_dir

    return model_cache_dir()


_MODEL_DIR = _model_dir()  # resolved at import, before the autouse fixture moves HOME


@pytest.mark.slow
def test_real_local_model_prefers_the_right_answer() -> None:
    from grapheme_distill.errors import MissingDependency
    from grapheme_distill.teachers.local import LocalTeacher

    try:
        teacher = LocalTeacher(cache_dir=_MODEL_DIR, n_ctx=256)  # type: ignore[arg-type]
        teacher.load()
    except MissingDependency as exc:
        pytest.skip(str(exc))
    config = DistillationConfig(temperature=2.0)
    cloze = ClozePrompt(text="The capital of France is", candidates=("Paris", "Lyon", "Marseille"))
    target = ask_cloze(teacher, cloze, config, max_tokens=2).target
    assert target.argmax() == "Paris"
    assert set(target.metadata["unseen"]) | set(target.candidates) == {"Paris", "Lyon", "Marseille"}
    # without candidates: the teacher's own first-token alternatives, a proper distribution
    free = ask_cloze(
        teacher, ClozePrompt(text="The capital of France is"), config, max_tokens=2
    ).target
    assert free.argmax() == "Paris" and len(free.candidates) > 1
    assert free.with_temperature(1.0).as_dict()["Paris"] > 0.5
    assert 0.0 <= free.tail_mass < 1.0
    assert free.probabilities.sum() == pytest.approx(1.0)
    # a higher temperature flattens the same belief
    assert free.entropy() > free.with_temperature(1.0).entropy()
