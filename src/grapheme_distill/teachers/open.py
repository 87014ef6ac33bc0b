"""``open_teacher()``: the teacher a name stands for, wrapped the way every run wants it.

Library code, so that the CLI, the topic runs and any Python caller build teachers one way.  Remote
teachers get the standard stack (:func:`~grapheme_distill.teachers.wrappers.wrap_teacher`): bounded
concurrency, retries that honour ``Retry-After``, and cost accounting with the ``[prices]`` of a
config file whose ``[teachers.<name>]`` tables may also define extra OpenAI-compatible servers.  The
embedded model is used as it is (it cannot be rate limited and never fails transiently); ``replay``
answers from a store or a transcript file of an earlier run.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grapheme_distill.errors import InputError
from grapheme_distill.teachers.base import DEFAULT_CONCURRENCY, Teacher

__all__ = ["open_teacher"]


def open_teacher(
    name: str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    config_path: str | Path | None = None,
    replay_store: Any = None,
    replay_from: Path | None = None,
    on_status: Callable[[str], None] | None = None,
    **options: Any,
) -> Teacher:
    """The teacher ``name`` stands for, ready to use.

    Args:
        name: ``local``, ``replay``, or a registered remote teacher (``openai``, ``ollama``,
            ``anthropic``, ``vllm``, … or a ``[teachers.<name>]`` table of ``config_path``).
        model: the model (the embedded default for ``local`` when None).
        base_url: server root for remote teachers.
        concurrency: requests in flight at once (remote teachers); the one default,
            :data:`~grapheme_distill.teachers.base.DEFAULT_CONCURRENCY`.
        config_path: TOML with ``[teachers.<name>]`` servers and a ``[prices]`` table.
        replay_store: for ``replay``: the store whose recorded calls answer (anything with
            ``iter_calls()``; the caller opens it — teachers sit below the store layer).
        replay_from: for ``replay``: a transcript file to answer from instead.
        on_status: receives progress lines (the embedded model's download/assembly messages).
        options: further provider options (``get_teacher``'s, e.g. ``timeout``; for ``local``
            the :class:`~grapheme_distill.teachers.local.LocalTeacher` ones, e.g. ``n_ctx``).

    Raises:
        InputError: a ``replay_from`` file that does not exist.
        UnknownTeacher: no teacher of that name.
    """
    from grapheme_distill.teachers.registry import get_teacher

    if name == "local":
        from grapheme_distill.teachers.local import DEFAULT_LOCAL_MODEL

        return get_teacher(
            "local", model=model or DEFAULT_LOCAL_MODEL, progress=on_status, **options
        )
    if name == "replay":
        return _replay(replay_store, replay_from)
    from grapheme_distill.teachers.pricing import PriceTable
    from grapheme_distill.teachers.registry import load_teacher_config
    from grapheme_distill.teachers.wrappers import wrap_teacher

    prices = None
    if config_path is not None:
        load_teacher_config(config_path)  # [teachers.<name>] tables, if any
        with open(config_path, "rb") as fh:
            if "prices" in tomllib.load(fh):
                prices = PriceTable.from_toml(config_path)
    if model:
        options["model"] = model
    if base_url:
        options["base_url"] = base_url
    # no cache layer: topic runs already skip requests the store has answered
    return wrap_teacher(
        get_teacher(name, **options), concurrency=concurrency, cache=False, prices=prices
    )


def _replay(store: Any, path: Path | None) -> Teacher:
    from grapheme_distill.teachers.replay import ReplayTeacher

    if path is None:
        if store is None:
            raise InputError("replay", None, "replay needs a store or a transcript file")
        return ReplayTeacher.from_store(store)
    if not path.is_file():
        raise InputError(str(path), None, "no such file to replay from")
    return ReplayTeacher.from_transcripts([path])
