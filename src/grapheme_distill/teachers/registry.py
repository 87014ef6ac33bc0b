"""Teachers found by name: built-ins, OpenAI-compatible servers from config, and plugins.

Three kinds of names resolve through :func:`get_teacher`:

* built-in providers, registered lazily as ``"module:attribute"`` strings (like the extractor
  registry) so that asking for ``openai`` never imports llama.cpp: ``openai``, ``ollama``,
  ``anthropic``, ``local``, ``replay``;
* *presets*: a provider kind plus default options.  Every OpenAI-compatible server is a preset
  of ``openai`` with its base URL — ``vllm``, ``llamacpp-server``, ``lmstudio``, ``ollama-openai``
  are built in, and :func:`register_openai_compatible` or a ``[teachers.<name>]`` table in a TOML
  file (:func:`load_teacher_config`) adds more without code;
* third-party teachers from the ``grapheme_distill.teachers`` entry-point group.

Options given to :func:`get_teacher` override a preset's.  API keys are only ever named
(``api_key_env``) or taken from the config's ``api_key``; they are not logged or echoed.
"""

from __future__ import annotations

import importlib
import tomllib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from grapheme_distill.errors import ConfigError, InputError, MissingDependency
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.pricing import PriceTable

__all__ = [
    "ask_teacher",
    "available_teachers",
    "describe_teachers",
    "get_teacher",
    "load_teacher_config",
    "register_openai_compatible",
    "register_teacher",
]

_BUILTIN: dict[str, str] = {
    "openai": "grapheme_distill.teachers.openai_compat:OpenAICompatTeacher",
    "ollama": "grapheme_distill.teachers.ollama:OllamaTeacher",
    "anthropic": "grapheme_distill.teachers.anthropic:AnthropicTeacher",
    "local": "grapheme_distill.teachers.local:LocalTeacher",
    "replay": "grapheme_distill.teachers.replay:ReplayTeacher",
}

#: extras a built-in needs, for the "how to install" message when its import fails
_EXTRAS: dict[str, str] = {"local": "local"}

#: preset name -> (provider kind, default options)
_PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "vllm": ("openai", {"base_url": "http://localhost:8000/v1", "api_key_env": None}),
    "llamacpp-server": ("openai", {"base_url": "http://localhost:8080/v1", "api_key_env": None}),
    "lmstudio": ("openai", {"base_url": "http://localhost:1234/v1", "api_key_env": None}),
    "ollama-openai": ("openai", {"base_url": "http://localhost:11434/v1", "api_key_env": None}),
}


def register_teacher(name: str, target: str) -> None:
    """Register a provider as ``"module:attribute"`` (imported only when asked for).

    The attribute may be dotted (``"pkg.mod:Class.from_config"``) to name a factory.
    """
    if ":" not in target:
        raise ConfigError(f"teacher target {target!r} must look like 'package.module:Class'")
    _BUILTIN[name] = target


def register_openai_compatible(name: str, *, base_url: str, **defaults: Any) -> None:
    """Make ``name`` an OpenAI-compatible server at ``base_url`` (no code per server).

    ``defaults`` are :class:`OpenAICompatTeacher` options (``model``, ``api_key_env``,
    ``max_tokens_field``, ``extra_body``, ``timeout`` ...).  Without ``api_key_env`` no key is sent.
    """
    defaults.setdefault("api_key_env", None)
    _PRESETS[name] = ("openai", {"base_url": base_url, **defaults})


def load_teacher_config(path: str | Path) -> list[str]:
    """Register every ``[teachers.<name>]`` table of a TOML file; returns the names.

    Each table names a provider ``kind`` (default ``openai``) and its options, e.g.::

        [teachers.my-vllm]
        base_url = "http://gpu-box:8000/v1"
        model = "Qwen/Qwen2.5-7B-Instruct"
        api_key_env = "MY_VLLM_KEY"      # optional

    Raises:
        InputError: the file is not TOML or a table is not usable (names the file and table).
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), None, f"not valid TOML: {exc}") from exc
    tables = data.get("teachers", {})
    if not isinstance(tables, dict):
        raise InputError(str(path), None, "[teachers] must contain one table per teacher")
    names: list[str] = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise InputError(str(path), None, f"[teachers.{name}] must be a table of options")
        options = dict(table)
        kind = str(options.pop("kind", "openai"))
        if kind not in _BUILTIN and kind not in _entry_point_names():
            raise InputError(
                str(path),
                None,
                f"[teachers.{name}] has unknown kind {kind!r}; use one of "
                + ", ".join(sorted(set(_BUILTIN) | _entry_point_names())),
            )
        if kind == "openai":
            if "base_url" not in options:
                raise InputError(
                    str(path),
                    None,
                    f"[teachers.{name}] needs base_url (the server root, e.g. http://host:8000/v1)",
                )
            options.setdefault("api_key_env", None)
        _PRESETS[name] = (kind, options)
        names.append(name)
    return names


def _entry_point_names() -> set[str]:
    return {ep.name for ep in entry_points(group="grapheme_distill.teachers")}


def available_teachers() -> list[str]:
    """Every name :func:`get_teacher` accepts right now."""
    return sorted(set(_BUILTIN) | set(_PRESETS) | _entry_point_names())


def _load(name: str, target: str) -> Any:
    module_name, _, attr = target.partition(":")
    try:
        obj: Any = importlib.import_module(module_name)
    except ImportError as exc:
        if name in _EXTRAS:
            raise MissingDependency(f"the {name!r} teacher", _EXTRAS[name]) from exc
        raise ConfigError(f"teacher {name!r} cannot be imported ({exc}); is it installed?") from exc
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def describe_teachers() -> list[dict[str, Any]]:
    """Name, provider kind and server of every available teacher (nothing is imported)."""
    rows: list[dict[str, Any]] = []
    for name in available_teachers():
        kind, defaults = _PRESETS.get(name, (name, {}))
        source = "preset" if name in _PRESETS else "built-in" if name in _BUILTIN else "plugin"
        rows.append(
            {
                "name": name,
                "kind": kind,
                "source": source,
                "base_url": defaults.get("base_url"),
                "model": defaults.get("model"),
            }
        )
    return rows


def ask_teacher(
    name: str,
    request: TeacherRequest,
    *,
    prices: PriceTable | None = None,
    max_attempts: int = 3,
    **options: Any,
) -> tuple[TeacherResponse, dict[str, Any]]:
    """Ask the teacher ``name`` one question through the standard stack (retries, accounting).

    The library twin of ``grapheme-distill teachers ask``: a quick way to check that a configured
    teacher answers, what its logprobs look like and what a call costs.

    Returns:
        The response and the run account's summary (tokens, cost, retries).
    """
    from grapheme_distill.teachers.wrappers import wrap_teacher

    stack = wrap_teacher(
        get_teacher(name, **options),
        concurrency=1,
        cache=False,
        max_attempts=max_attempts,
        prices=prices,
    )
    try:
        response = stack.complete(request)
    finally:
        stack.close()
    return response, stack.account.summary()


def get_teacher(name: str, **options: Any) -> Teacher:
    """The teacher registered as ``name``, built with ``options`` (over a preset's defaults).

    Raises:
        ConfigError: unknown name, or an option the provider does not take (both listed).
        MissingDependency: the provider needs an extra that is not installed.
    """
    kind = name
    if name in _PRESETS:
        kind, defaults = _PRESETS[name]
        options = {**defaults, **options}
        if kind == "openai":
            options.setdefault("name", name)
    target = _BUILTIN.get(kind)
    if target is not None:
        factory = _load(kind, target)
    else:
        for ep in entry_points(group="grapheme_distill.teachers"):
            if ep.name == kind:
                factory = ep.load()
                break
        else:
            raise ConfigError(
                f"unknown teacher {name!r}; available: {', '.join(available_teachers())} "
                "(add an OpenAI-compatible server with a [teachers.<name>] table)"
            )
    try:
        teacher = factory(**options)
    except TypeError as exc:
        raise ConfigError(
            f"teacher {name!r} does not accept these options ({', '.join(sorted(options))}): "
            f"{exc}; see docs/teachers.md for each provider's options"
        ) from exc
    return teacher  # type: ignore[no-any-return]
