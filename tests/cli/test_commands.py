"""The CLI: complete --help, one-line errors without tracebacks, and the store commands end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import networkx as nx
import pytest

from grapheme_distill.cli import COMMANDS, cli, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "transcripts.jsonl"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the real entry point in-process (errors handled exactly as for users)."""
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_has_help(name: str) -> None:
    with click.Context(cli) as ctx:
        command = cli.get_command(ctx, name)
    assert command is not None and (command.help or "").strip(), f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{name} {param.opts} has no help"
    assert command.get_help(click.Context(command, info_name=name)).count("\n") > 3


def test_distill_then_stats_show_export_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.db"
    code, out, _ = run(
        [
            "distill",
            "--transcripts",
            str(EXAMPLE),
            "--store",
            str(db),
            "--no-progress",
            "--extractor",
            "rules",
        ],
        capsys,
    )
    assert code == 0 and "new observations" in out and "Store now holds" in out
    assert "rules@" in out  # the summary says which reader ran
    assert f"The graph is in {db}" in out and f"show NAME --store {db}" in out  # what next

    code, out, _ = run(
        [
            "distill",
            "--transcripts",
            str(EXAMPLE),
            "--store",
            str(db),
            "--json",
            "--extractor",
            "rules",
        ],
        capsys,
    )
    summary = json.loads(out)
    assert (summary["already_processed"], summary["new_observations"]) == (5, 0)

    code, out, _ = run(["stats", "--store", str(db), "--json"], capsys)
    stats = json.loads(out)
    assert stats["teacher_calls"] == 5 and stats["observations"] == summary["store"]["observations"]

    code, out, _ = run(["show", "PARIS", "--store", str(db), "--json"], capsys)
    shown = json.loads(out)
    assert shown["entity"]["name"] == "Paris"
    statements = {i["statement"] for i in shown["items"]}
    assert "Paris capital_of France" in statements
    assert all(
        ev["where"].endswith("transcripts.jsonl:1") for i in shown["items"] for ev in i["evidence"]
    )

    code, out, _ = run(["show", "Paris", "--store", str(db)], capsys)
    assert code == 0 and "capital_of" in out and "rules@" in out

    graphml = tmp_path / "g.graphml"
    code, out, _ = run(
        ["export", "--store", str(db), "--format", "graphml", "-o", str(graphml)], capsys
    )
    assert code == 0 and nx.read_graphml(graphml).number_of_nodes() >= stats["entities"]

    exported = tmp_path / "g.json"
    run(["export", "--store", str(db), "--format", "json", "-o", str(exported)], capsys)
    code, out, _ = run(
        [
            "merge",
            str(exported),
            "--store",
            str(tmp_path / "new.db"),
            "--strategy",
            "ADD_ALL",
            "--json",
        ],
        capsys,
    )
    merged = json.loads(out)
    assert code == 0 and merged["nodes_added"] == stats["entities"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["distill", "--store", "{db}"], "give exactly one source"),
        (["distill", "--transcripts", "{bad}", "--store", "{db}"], "bad.jsonl:2: invalid JSON"),
        (["distill", "--transcripts", "{missing}", "--store", "{db}"], "no such transcript file"),
        (["distill", "--transcripts", "{good}", "--store", "{nodir}"], "does not exist"),
        (
            ["distill", "--transcripts", "{good}", "--store", "{db}", "--extractor", "nope"],
            "unknown extractor",
        ),
        (
            ["distill", "--transcripts", "{good}", "--store", "{db}", "--set", "min_confidence=7"],
            "min_confidence",
        ),
        (
            ["distill", "--transcripts", "{good}", "--store", "{bad}"],
            "not a grapheme-distill store",
        ),
        (["stats", "--store", "{missing}"], "no store at"),
        (["show", "Atlantis", "--store", "{db}"], "no entity named 'Atlantis'"),
        (
            ["export", "--store", "{db}", "--format", "xml", "-o", "{out}"],
            "Invalid value for '--format'",
        ),
        (["merge", "{bad}", "--store", "{db}"], "neither a store nor a JSON export"),
        (
            ["merge", "{good}", "--store", "{db}", "--strategy", "all"],
            "Invalid value for '--strategy'",
        ),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "p", "response": "r"}\n{oops\n')
    db = tmp_path / "g.db"
    run(["distill", "--transcripts", str(EXAMPLE), "--store", str(db), "--no-progress"], capsys)
    paths = {
        "db": db,
        "bad": bad,
        "missing": tmp_path / "missing.jsonl",
        "good": EXAMPLE,
        "nodir": tmp_path / "no" / "g.db",
        "out": tmp_path / "o",
    }
    code, out, err = run([a.format(**paths) for a in args], capsys)
    assert code != 0
    assert message in err
    assert "Traceback" not in err + out
    assert len([line for line in err.splitlines() if line.startswith("Error")]) == 1


def test_bad_input_in_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n")
    done = subprocess.run(  # noqa: PLW1510 - the exit code is what is tested
        [
            sys.executable,
            "-m",
            "grapheme_distill",
            "distill",
            "--transcripts",
            str(bad),
            "--store",
            str(tmp_path / "g.db"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"Error: {bad}:1: expected a JSON object, got an array"


def test_skip_bad_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(EXAMPLE.read_text() + "{oops\n")
    code, out, _ = run(
        [
            "distill",
            "--transcripts",
            str(mixed),
            "--store",
            str(tmp_path / "g.db"),
            "--skip-bad",
            "--json",
        ],
        capsys,
    )
    summary = json.loads(out)
    assert code == 0 and summary["bad_lines"] == 1 and summary["processed"] == 5
    assert Path(summary["rejected_files"][0]).read_text() == "{oops\n"


def test_several_files_after_one_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps({"prompt": "What is Rome?", "response": "Rome is located in Italy."}) + "\n"
    )
    code, out, _ = run(
        [
            "distill",
            "--transcripts",
            str(EXAMPLE),
            str(other),
            "--store",
            str(tmp_path / "g.db"),
            "--json",
        ],
        capsys,
    )
    assert code == 0 and json.loads(out)["processed"] == 6


def test_types_from_transcript_honours_a_lines_knowledge_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line asking only for procedural knowledge gives no relations with the flag, some
    without it; an all-types run after a typed one still extracts what the typed run left out."""
    transcript = tmp_path / "t.jsonl"
    transcript.write_text(
        json.dumps(
            {
                "knowledge_type": "procedural",
                "prompt": "How do I get to the Louvre?",
                "response": "Paris is the capital of France. The Louvre is located in Paris.",
            }
        )
        + "\n"
    )

    def distill(db: str, *flags: str) -> dict[str, Any]:
        code, out, err = run(
            [
                "distill",
                "--transcripts",
                str(transcript),
                "--store",
                str(tmp_path / db),
                "--json",
                "--extractor",
                "rules",
                *flags,
            ],
            capsys,
        )
        assert code == 0, err
        summary: dict[str, Any] = json.loads(out)
        return summary

    typed = distill("typed.db", "--types-from-transcript")
    assert typed["processed"] == 1 and typed["store"]["relations"] == 0
    assert distill("all.db", "--all-types")["store"]["relations"] == 2
    assert distill("default.db")["store"]["relations"] == 2
    widened = distill("typed.db")  # the typed run's calls are not "done" for all types
    assert widened["processed"] == 1 and widened["store"]["relations"] == 2
    code, _, err = run(
        [
            "distill",
            "--topics",
            "Paris",
            "--types-from-transcript",
            "--store",
            str(tmp_path / "x.db"),
        ],
        capsys,
    )
    assert code == 2 and "--types" in err


def _walk(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, name
            yield from _walk(sub, (*path, name))


def test_every_command_speaks_one_vocabulary(capsys: pytest.CaptureFixture[str]) -> None:
    """Every command's --help works; stores are --store, written files -o/--output, settings
    --set, and no visible option uses an older spelling."""
    seen = 0
    for path, command in _walk(cli):
        code, out, err = run([*path, "--help"], capsys)
        assert code == 0, (path, err)
        seen += 1
        names = {
            opt
            for p in command.params
            if isinstance(p, click.Option) and not p.hidden
            for opt in p.opts
        }
        assert not names & {"--into", "--out", "--option", "--output-file"}, (path, names)
        for p in command.params:
            if isinstance(p, click.Option) and not p.hidden and p.name == "output":
                assert {"-o", "--output"} <= set(p.opts), path
            if isinstance(p, click.Option) and not p.hidden and p.name == "store_path":
                assert p.opts == ["--store"], path
    assert seen >= 10


def test_old_spellings_still_work_and_warn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "g.json"
    db = tmp_path / "g.db"
    run(
        [
            "distill",
            "--transcripts",
            str(EXAMPLE),
            "--store",
            str(db),
            "--no-progress",
            "--extractor",
            "rules",
        ],
        capsys,
    )
    run(["export", "--store", str(db), "--format", "json", "-o", str(exported)], capsys)
    code, out, err = run(
        ["merge", str(exported), "--into", str(tmp_path / "new.db"), "--json"], capsys
    )
    assert code == 0 and json.loads(out)["nodes_added"] > 0
    assert "--into is deprecated" in err and "--store" in err
