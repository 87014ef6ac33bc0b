from __future__ import annotations

from pathlib import Path

import pytest
from fakeserver import FakeLLMServer

from grapheme_distill.errors import ConfigError, FatalTeacherError, InputError
from grapheme_distill.teachers import registry
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.ollama import OllamaTeacher
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.registry import (
    available_teachers,
    get_teacher,
    load_teacher_config,
    register_openai_compatible,
    register_teacher,
)


@pytest.fixture(autouse=True)
def _restore_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_BUILTIN", dict(registry._BUILTIN))
    monkeypatch.setattr(registry, "_PRESETS", dict(registry._PRESETS))


@pytest.mark.parametrize(
    ("name", "cls", "base_url"),
    [
        ("openai", OpenAICompatTeacher, "https://api.openai.com/v1"),
        ("ollama", OllamaTeacher, "http://localhost:11434"),
        ("anthropic", AnthropicTeacher, "https://api.anthropic.com"),
        ("vllm", OpenAICompatTeacher, "http://localhost:8000/v1"),
        ("llamacpp-server", OpenAICompatTeacher, "http://localhost:8080/v1"),
        ("lmstudio", OpenAICompatTeacher, "http://localhost:1234/v1"),
        ("ollama-openai", OpenAICompatTeacher, "http://localhost:11434/v1"),
    ],
)
def test_builtins_and_presets(name: str, cls: type, base_url: str) -> None:
    teacher = get_teacher(name, model="m")
    assert type(teacher) is cls and isinstance(teacher, Teacher)
    assert teacher.base_url == base_url  # type: ignore[attr-defined]
    assert name in available_teachers()


def test_presets_name_themselves_and_send_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-for-vllm")
    teacher = get_teacher("vllm", model="m")
    assert teacher.name == "vllm"
    assert "Authorization" not in teacher._headers()  # type: ignore[attr-defined]


def test_a_new_server_from_config_only(
    fake_server: FakeLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "teachers.toml"
    config.write_text(
        f'[teachers.my-server]\nbase_url = "{fake_server.url}/v1"\nmodel = "served-model"\n'
        'api_key_env = "MY_SERVER_KEY"\ntimeout = 5\n'
        f'[teachers.my-ollama]\nkind = "ollama"\nbase_url = "{fake_server.url}"\nmodel = "q"\n'
    )
    monkeypatch.setenv("MY_SERVER_KEY", "k-123")
    assert load_teacher_config(config) == ["my-server", "my-ollama"]
    teacher = get_teacher("my-server")
    response = teacher.complete(TeacherRequest(prompt="hello"))
    assert response.text == "Answer: hello" and response.model == "served-model"
    assert teacher.name == "my-server" and fake_server.auth_seen == ["k-123"]
    assert get_teacher("my-ollama").complete(TeacherRequest(prompt="hi")).text == "Answer: hi"
    assert fake_server.paths == {"/v1/chat/completions": 1, "/api/chat": 1}
    # options given at call time win over the config's
    assert get_teacher("my-server", model="other").model == "other"  # type: ignore[attr-defined]


def test_register_openai_compatible_in_code(fake_server: FakeLLMServer) -> None:
    register_openai_compatible("box", base_url=fake_server.url + "/v1", model="x")
    assert get_teacher("box").complete(TeacherRequest(prompt="q")).text == "Answer: q"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ('[teachers.a]\nmodel = "m"\n', "needs base_url"),
        ('[teachers.a]\nkind = "telepathy"\n', "unknown kind 'telepathy'"),
        ("[teachers]\na = 3\n", r"\[teachers.a\] must be a table"),
        ("[teachers.a\n", "not valid TOML"),
    ],
)
def test_bad_teacher_config(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=match) as info:
        load_teacher_config(path)
    assert str(path) in str(info.value)


def test_unknown_name_and_bad_option_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown teacher 'gpt5'.*openai"):
        get_teacher("gpt5")
    with pytest.raises(ConfigError, match="does not accept.*colour"):
        get_teacher("openai", colour="blue")


def test_replay_and_local_are_lazy_builtins() -> None:
    request = TeacherRequest(prompt="recorded?", model="m")
    replay = get_teacher("replay", exchanges=[(request, TeacherResponse(text="yes"))])
    assert replay.complete(request).text == "yes"
    assert registry._BUILTIN["local"] == "grapheme_distill.teachers.local:LocalTeacher"


def test_register_teacher_with_a_factory_path() -> None:
    register_teacher("echo", "grapheme_distill.teachers.openai_compat:OpenAICompatTeacher")
    assert isinstance(get_teacher("echo", base_url="http://127.0.0.1:1/v1"), OpenAICompatTeacher)
    register_teacher("gone", "no_such_module_xyz:Thing")
    with pytest.raises(ConfigError, match="cannot be imported"):
        get_teacher("gone")
    with pytest.raises(ConfigError, match="package.module:Class"):
        register_teacher("bad", "no-colon")


def test_a_remote_server_configured_without_a_key_variable_sends_none(tmp_path: Path) -> None:
    config = tmp_path / "t.toml"
    config.write_text(
        '[teachers.lab]\nbase_url = "http://gpu-box.example:8000/v1"\nmodel = "q"\n'
        '[teachers.lab-keyed]\nbase_url = "http://gpu-box.example:8000/v1"\n'
        'api_key_env = "LAB_KEY_NOT_SET"\n'
    )
    load_teacher_config(config)
    assert "Authorization" not in get_teacher("lab")._headers()  # type: ignore[attr-defined]
    with pytest.raises(FatalTeacherError, match=r"\$LAB_KEY_NOT_SET"):
        get_teacher("lab-keyed")._headers()  # type: ignore[attr-defined]
