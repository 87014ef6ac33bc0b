"""Real ``grapheme-distill distill --topics`` runs against the tests' own HTTP server.

A flaky server full of hostile answers loses nothing; a wrong key or a dead port stops the run at
once with a clear message and a non-zero exit; ``kill -9`` in the middle of a run, then the same
command again, ends with the store an uninterrupted run would have (every answer once, clozes too).
"""

from __future__ import annotations

import importlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "teachers"))
FakeLLMServer: Any = importlib.import_module("fakeserver").FakeLLMServer  # the tests' own server

TEMPLATES = 5
HOSTILE = [
    "429:0",
    "500",
    "503",
    "truncate",
    "malformed",
    "reset",
    "garbage",
    "deep",
    "huge",
    "null",
    "inf",
    "overflow",
    "shape",
    "surrogate",
]


@pytest.fixture
def server() -> Iterator[Any]:
    fake = FakeLLMServer(latency=0.02, huge_bytes=40 * 1024 * 1024).start()
    yield fake
    fake.stop()


def _topics(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "topics.txt"
    path.write_text(
        "".join(  # answers the reader learns relations from, so clozes are asked
            f"Town{i} [[say:Town{i} is located in Region{i}. Town{i} is the capital of Region{i}.]]\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    return path


def _cmd(topics: Path, url: str, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "grapheme_distill",
        "distill",
        "--topics",
        str(topics),
        "--teacher",
        "openai",
        "--model",
        "fake-model",
        "--base-url",
        url,
        "--store",
        str(db),
        "--extractor",
        "rules",
        "--no-progress",
        "--concurrency",
        "4",
        *extra,
    ]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def _calls(db: Path) -> list[tuple[str, str | None, str]]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return []
    try:
        return [
            (str(r[0]), r[1], str(r[2]))
            for r in conn.execute("SELECT prompt, prompt_template, response FROM teacher_calls")
        ]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _templated(db: Path) -> list[tuple[str, str | None, str]]:
    return [c for c in _calls(db) if c[1] != "cloze"]


def test_a_flaky_hostile_server_loses_no_answer(server: Any, tmp_path: Path) -> None:
    server.faults.extend(HOSTILE)
    topics, db = _topics(tmp_path, 6), tmp_path / "s.db"
    done = subprocess.run(
        _cmd(topics, server.url + "/v1", db),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    calls = _templated(db)
    assert len(calls) == 6 * TEMPLATES
    assert all(answer.startswith("Town") and "\ufffd" not in answer for _, _, answer in calls)


def test_a_wrong_key_stops_the_run_at_once(server: Any, tmp_path: Path) -> None:
    server.api_key = "the-right-key"
    topics, db = _topics(tmp_path, 40), tmp_path / "s.db"
    started = time.monotonic()
    done = subprocess.run(
        _cmd(topics, server.url + "/v1", db),
        env=_env(OPENAI_API_KEY="a-wrong-key"),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "HTTP 401" in done.stderr and "a-wrong-key" not in done.stderr + done.stdout
    assert server.requests <= 10 and time.monotonic() - started < 60


def test_a_dead_port_stops_the_run_at_once(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    topics, db = _topics(tmp_path, 40), tmp_path / "s.db"
    done = subprocess.run(
        _cmd(topics, f"http://127.0.0.1:{port}/v1", db),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "cannot connect" in done.stderr


def test_kill_9_then_resume_asks_nothing_twice_and_completes(server: Any, tmp_path: Path) -> None:
    topics = _topics(tmp_path, 24)
    reference = tmp_path / "reference.db"
    ref = subprocess.run(
        _cmd(topics, server.url + "/v1", reference),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ref.returncode == 0, ref.stderr[-3000:]
    server.reset()
    server.latency = 0.1
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        _cmd(topics, server.url + "/v1", db),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while len(_templated(db)) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_before = {prompt for prompt, _, _ in _templated(db)}
    assert 0 < len(stored_before) < 24 * TEMPLATES
    asked_before = len(server.bodies)
    server.latency = 0.0
    done = subprocess.run(
        _cmd(topics, server.url + "/v1", db),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    asked_again = Counter(
        str(body["messages"][-1]["content"]) for body in server.bodies[asked_before:]
    )
    assert not {p for p in stored_before if asked_again[p]}  # nothing stored was asked again
    clozes = [c for c in _calls(reference) if c[1] == "cloze"]
    assert len(clozes) >= 20  # the run asks clozes: the resumed one must ask the same
    assert sorted(_calls(db)) == sorted(_calls(reference))  # clozes and soft-target calls too


def test_ctrl_c_says_what_was_kept_and_the_run_resumes(server: Any, tmp_path: Path) -> None:
    server.latency = 0.1
    topics, db = _topics(tmp_path, 24), tmp_path / "s.db"
    proc = subprocess.Popen(
        _cmd(topics, server.url + "/v1", db),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while len(_templated(db)) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err, err[-2000:]
    assert "Everything stored before the interrupt is kept" in err and "same command" in err
    kept = len(_templated(db))
    server.latency = 0.0
    done = subprocess.run(
        _cmd(topics, server.url + "/v1", db),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0 and len(_templated(db)) == 24 * TEMPLATES > kept


def test_topic_names_are_text_not_markup(server: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cmd = _cmd(tmp_path / "unused", server.url + "/v1", db)
    cmd[cmd.index("--topics") + 1] = "[/nope] [bold]Paris"
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "[/nope] [bold]Paris" in done.stdout
