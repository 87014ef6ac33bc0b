"""crawl and crawl-compare from the command line: two teachers from a config file, the
disagreement shown by `show`, budget and resume, reproducibility of two runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from knowledge_server import KnowledgeServer

from grapheme_distill.cli import cli


def test_two_teachers_crawl_and_show_their_disagreement(
    world: KnowledgeServer, other_world: KnowledgeServer, tmp_path: Path
) -> None:
    config = tmp_path / "run.toml"
    config.write_text(
        f"""
[teachers.alpha]
base_url = "{world.url}/v1"
model = "m-a"

[teachers.beta]
base_url = "{other_world.url}/v1"
model = "m-b"
""",
        encoding="utf-8",
    )
    store = str(tmp_path / "kb.db")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "crawl",
            "--seed",
            "Node 0",
            "--teacher",
            "alpha",
            "--teacher",
            "beta",
            "--config",
            str(config),
            "--depth",
            "0",
            "--store",
            store,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "the frontier is empty" in result.output
    assert "agreement of alpha" in result.output and "flagged disagreements" in result.output
    shown = runner.invoke(cli, ["show", "Node 0", "--store", store])
    assert shown.exit_code == 0, shown.output
    assert "teachers disagree (attribute value)" in shown.output
    assert "red (alpha)" in shown.output and "blue (beta)" in shown.output
    assert "teachers disagree (negation)" in shown.output
    stats = runner.invoke(cli, ["stats", "--store", store])
    assert (
        "agreement of teacher alpha" in stats.output and "agreement of teacher beta" in stats.output
    )
    as_json = json.loads(runner.invoke(cli, ["show", "Node 0", "--store", store, "--json"]).output)
    assert {d["kind"] for d in as_json["disagreements"]} == {"attribute_value", "negation"}


def test_budget_resume_and_compare(world: KnowledgeServer, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["crawl", "--teacher", "vllm", "--model", "m", "--base-url", world.url + "/v1", "--json"]
    first = runner.invoke(
        cli,
        [*base, "--seed", "Node 0", "--budget-requests", "4", "--store", str(tmp_path / "a.db")],
    )
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["outcome"] == "budget_spent"
    rest = runner.invoke(cli, [*base, "--store", str(tmp_path / "a.db")])  # no seed: continue
    summary = json.loads(rest.output)
    assert summary["outcome"] == "frontier_empty" and summary["spent"]["requests"] == 18
    assert len(world.answered) == 18
    other = runner.invoke(
        cli, [*base, "--seed", "Node 0", "--depth", "1", "--store", str(tmp_path / "b.db")]
    )
    assert other.exit_code == 0, other.output
    compared = runner.invoke(
        cli, ["crawl-compare", str(tmp_path / "a.db"), str(tmp_path / "b.db"), "--json"]
    )
    overlap = json.loads(compared.output)
    assert overlap["facts"]["b_in_a"] == 1.0 and overlap["facts"]["a_in_b"] < 1.0
    text = runner.invoke(cli, ["crawl-compare", str(tmp_path / "a.db"), str(tmp_path / "b.db")])
    assert "Jaccard" in text.output


def test_a_new_crawl_needs_a_seed(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "crawl",
            "--teacher",
            "vllm",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--store",
            str(tmp_path / "kb.db"),
        ],
    )
    assert result.exit_code != 0 and "--seed" in result.output
