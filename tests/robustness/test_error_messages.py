"""Error messages point where the fix is, never at an option or variable that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import FatalTeacherError, InputError, InvalidConfig
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.local import LocalTeacher


def test_an_unknown_setting_suggests_no_environment_variable() -> None:
    with pytest.raises(InvalidConfig) as err:
        DistillationConfig(foo=1)
    assert "GRAPHEME_DISTILL_FOO" not in str(err.value) and "--set foo" not in str(err.value)
    assert "min_confidence" in str(err.value)  # the known settings are listed


def test_a_real_setting_says_where_to_fix_it() -> None:
    with pytest.raises(InvalidConfig) as err:
        DistillationConfig(min_confidence=2.0)
    assert "--set min_confidence=VALUE" in str(err.value)
    assert "GRAPHEME_DISTILL_MIN_CONFIDENCE" in str(err.value)


def test_an_unknown_local_model_points_at_the_model_flag() -> None:
    with pytest.raises(InvalidConfig) as err:
        LocalTeacher("no-such-model")
    message = str(err.value)
    assert "--model NAME" in message
    assert "--set" not in message and "GRAPHEME_DISTILL_MODEL" not in message


def test_a_teacher_without_a_model_names_the_flag() -> None:
    teacher = AnthropicTeacher(base_url="http://127.0.0.1:9", api_key_env=None)
    with pytest.raises(FatalTeacherError) as err:
        teacher.complete(TeacherRequest(prompt="q"))
    assert "--model NAME" in str(err.value) and err.value.systemic


def test_input_errors_survive_lone_surrogates() -> None:
    error = InputError("bad\udcffname.jsonl", 3, "a \ud800 in the reason")
    text = str(error)
    text.encode("utf-8")  # printable, loggable, storable
    assert text.startswith("bad\\udcffname.jsonl:3: ")


def test_eval_with_a_keyless_llm_extractor_fails_instead_of_scoring_zero(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from grapheme_distill.cli import main

    with pytest.raises(SystemExit) as done:
        main(
            [
                "eval",
                "--dataset",
                "webnlg2020",
                "--extractor",
                "llm",
                "--set",
                "teacher=openai",
                "--set",
                "teacher.model=gpt-4o-mini",
                "--limit",
                "2",
                "--data-dir",
                str(shared_data),
            ]
        )
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert "no API key" in err and "OPENAI_API_KEY" in err and "Traceback" not in err
