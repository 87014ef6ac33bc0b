"""The main job, offline: a deterministic fake teacher answers per template; the real SQLite store
keeps calls, knowledge, template hashes, failures and soft targets.  The CLI is exercised through
``--teacher replay`` (fast) and, slow, through the real embedded model."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from grapheme_distill.cli import cli
from grapheme_distill.cloze import ClozePrompt
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import InputError, RetryableTeacherError
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.store import open_store
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, TokenLogprob, TopLogprob
from grapheme_distill.topics import (
    PromptTemplate,
    clozes_from,
    distill_topics,
    load_templates,
    read_topics,
)

ANSWERS = {
    "factual": "{t} was founded in 1850.\n{t} is a city.",
    "relational": "{t} is located in Europe.\n{t} was founded by Napoleon.",
    "procedural": "How {t} is visited\n1. Buy a ticket to {t}.\n2. Take the train to {t}.\n3. Walk around {t}.",
    "structural": "{t} consists of:\n- Old Town\n- Harbour\n- Castle Hill",
    "linguistic": "{t} is also known as the Pearl.",
}


class FakeTeacher:
    """Answers each template with a fixed text about the request's topic; clozes with fixed
    logprobs.  Can be told to fail on one template."""

    name = "fake"
    supports_logprobs = True

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.requests: list[TeacherRequest] = []

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        self.requests.append(request)
        meta = request.metadata
        if meta.get("kind") == "cloze":
            alts = (
                TopLogprob(token=" Europe", logprob=math.log(0.7)),
                TopLogprob(token=" France", logprob=math.log(0.2)),
            )
            return TeacherResponse(
                text=" Europe",
                model="fake-1",
                request_hash=request.content_hash(),
                logprobs=(
                    TokenLogprob(token=" Europe", logprob=alts[0].logprob, top_logprobs=alts),
                ),
            )
        kind = str(meta["template"]).split(".")[0]
        if kind == self.fail_on:
            raise RetryableTeacherError("server overloaded", status=503)
        text = ANSWERS[kind].format(t=meta["topic"])
        return TeacherResponse(text=text, model="fake-1", request_hash=request.content_hash())

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        return self.complete(request)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


@pytest.mark.parametrize("topics", [["Gdansk"], ["Gdansk", "Tallinn"]])
def test_distill_topics_stores_knowledge_with_template_provenance(
    tmp_path: Path, topics: list[str]
) -> None:
    db = tmp_path / "g.db"
    store = open_store(db)
    teacher = FakeTeacher()
    summary = distill_topics(
        topics, teacher, store, DistillationConfig(temperature=2.0), RuleExtractor()
    )
    templates = {t.name: t.hash for t in load_templates()}
    assert summary.asked == 5 * len(topics) and summary.failures == 0
    assert summary.templates == templates
    stats = store.stats()
    assert stats.relations > 0 and stats.procedures == len(topics) and stats.hierarchy >= 3
    # every topic call carries its template name and the hash of the template file
    calls = _rows(
        db,
        "SELECT prompt_template, template_hash FROM teacher_calls WHERE prompt_template != 'cloze'",
    )
    assert len(calls) == 5 * len(topics)
    assert all(templates[name] == h for name, h in calls)  # type: ignore[index]
    # the items' provenance names the template too
    graph = store.to_knowledge_graph()
    assert graph.find_entities(topics[0])
    for topic in topics:
        assert any("located_in" in line and "Europe" in line for line in summary.learned[topic])
    # one auto cloze per topic, stored at the configured temperature
    targets = list(store.iter_soft_targets())
    assert summary.cloze_targets == len(targets) == len(topics)
    assert all(t.temperature == 2.0 and t.argmax() == "Europe" for t in targets)
    store.close()


def test_topic_facts_show_their_source(tmp_path: Path) -> None:
    """The ingester is the only writer of a topic run's calls, so each call keeps its source and
    template, and ``show`` names them for every fact (before, topics.py recorded the call first
    without a source, and INSERT OR IGNORE kept that row)."""
    db = tmp_path / "g.db"
    store = open_store(db)
    distill_topics(["Gdansk"], FakeTeacher(), store, extractor=RuleExtractor())
    calls = _rows(
        db, "SELECT source, prompt_template FROM teacher_calls WHERE prompt_template != 'cloze'"
    )
    assert sorted(calls) == sorted((f"topic:Gdansk#{t.name}", t.name) for t in load_templates())
    store.close()
    result = CliRunner().invoke(cli, ["show", "Gdansk", "--store", str(db), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    wheres = {ev["where"] for item in shown["items"] for ev in item["evidence"]}
    assert wheres and all(w and w.startswith("topic:Gdansk#") for w in wheres), wheres
    assert "topic:Gdansk#relational.v1" in wheres


def test_rerun_asks_nothing_twice_and_failures_are_retried(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    flaky = FakeTeacher(fail_on="procedural")
    first = distill_topics(["Gdansk"], flaky, store, extractor=RuleExtractor(), auto_clozes=0)
    assert first.teacher_failures == 1 and first.asked == 4
    assert first.failure_reasons == {"RetryableTeacherError: HTTP 503": 1}
    assert store.stats().failures == 1 and store.stats().procedures == 0
    healthy = FakeTeacher()
    second = distill_topics(["Gdansk"], healthy, store, extractor=RuleExtractor(), auto_clozes=0)
    assert second.already_processed == 4 and second.asked == 1
    assert [r.metadata["template"] for r in healthy.requests] == ["procedural.v1"]
    assert store.stats().procedures == 1 and store.stats().failures == 0
    store.close()


def test_explicit_clozes_and_answer_logprobs(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    teacher = FakeTeacher()
    summary = distill_topics(
        ["Gdansk"],
        teacher,
        store,
        auto_clozes=0,
        answer_logprobs=True,
        clozes=[ClozePrompt.parse("Gdansk is located in | Europe; France; Asia")],
        templates=load_templates(types=["relational"]),
    )
    assert all(
        r.logprobs and r.top_logprobs == 5
        for r in teacher.requests
        if r.metadata.get("kind") != "cloze"
    )
    (target,) = list(store.iter_soft_targets())
    assert target.candidates == ("Europe", "France")
    assert target.metadata["unseen"] == ["Asia"]
    assert summary.learned["cloze"][0].startswith("Gdansk is located in")
    store.close()


def test_templates_are_versioned_and_hashed(tmp_path: Path) -> None:
    templates = load_templates()
    assert [t.knowledge_type for t in templates] == list(KnowledgeType)
    assert len({t.hash for t in templates}) == 5
    msgs = templates[0].render("Gdansk")
    assert (
        msgs[0].role == "system"
        and "Gdansk" in msgs[-1].content
        and "{topic}" not in msgs[-1].content
    )
    custom = tmp_path / "factual.v2.txt"
    custom.write_text(templates[0].text.replace("5 key facts", "3 key facts"), encoding="utf-8")
    edited = PromptTemplate.from_file(custom)
    assert edited.name == "factual.v2" and edited.hash != templates[0].hash
    bad = tmp_path / "gossip.v1.txt"
    bad.write_text("[user]\nTell me about {topic}", encoding="utf-8")
    with pytest.raises(InputError, match="knowledge type"):
        PromptTemplate.from_file(bad)
    with pytest.raises(InputError, match="no shipped template"):
        load_templates("v99")


def test_read_topics_from_files_and_text(tmp_path: Path) -> None:
    f = tmp_path / "topics.txt"
    f.write_text("# cities\nGdansk\n\nTallinn\nGdansk\n", encoding="utf-8")
    assert read_topics([str(f), "Riga"]) == ["Gdansk", "Tallinn", "Riga"]
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError, match="no topics"):
        read_topics([str(empty)])


def test_clozes_from_most_confident_relations() -> None:
    from grapheme_distill.session import DistillationSession

    records = DistillationSession().process_response("q", ANSWERS["relational"].format(t="Gdansk"))
    clozes = clozes_from(records, 5)
    assert {c.text for c in clozes} == {"Gdansk located in", "Gdansk founded by"}
    assert all(not c.candidates for c in clozes)  # open-ended: the teacher's alternatives count
    assert len(clozes_from(records, 1)) == 1


def test_cli_replays_a_recorded_run(tmp_path: Path) -> None:
    """The CLI end to end without a model: record a run with the fake teacher, then run
    ``distill --topics ... --teacher replay`` on a fresh store from the recording."""
    recorded = tmp_path / "recorded.db"
    store = open_store(recorded)
    distill_topics(["Gdansk"], FakeTeacher(), store, extractor=RuleExtractor())
    store.close()
    topics = tmp_path / "topics.txt"
    topics.write_text("Gdansk\n", encoding="utf-8")
    out_db = tmp_path / "new.db"
    result = CliRunner().invoke(
        cli,
        [
            "distill",
            "--topics",
            str(topics),
            "--teacher",
            "replay",
            "--replay-from",
            str(recorded),
            "--store",
            str(out_db),
            "--no-progress",
            "--extractor",
            "rules",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Learned about Gdansk" in result.output and "Europe" in result.output
    assert "Cloze soft targets" in result.output
    fresh = open_store(out_db)
    assert fresh.stats().relations > 0 and fresh.stats().soft_targets == 1
    fresh.close()


@pytest.mark.parametrize(
    "args,message",
    [
        (["--transcripts", "x.jsonl"], "exactly one source"),
        (["--types", "factual,gossip"], "gossip"),
    ],
)
def test_cli_rejects_bad_usage(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "distill",
            "--topics",
            "Gdansk",
            *args,
            "--store",
            str(tmp_path / "g.db"),
        ],
    )
    assert result.exit_code != 0 and message in result.output + str(result.exception)


@pytest.mark.slow
def test_cli_local_model_one_topic(tmp_path: Path, local_model_dir: Path) -> None:
    """The README's main job, shrunk to one topic and short answers, on the real local model."""
    from grapheme_distill.teachers.local import DEFAULT_LOCAL_MODEL, MODELS

    if not (local_model_dir / MODELS[DEFAULT_LOCAL_MODEL].filename).is_file():
        try:
            MODELS[DEFAULT_LOCAL_MODEL].chunk_paths()
        except Exception as exc:  # noqa: BLE001 - weights not installed: nothing to run
            pytest.skip(str(exc))
    db = tmp_path / "distill.db"
    result = CliRunner().invoke(
        cli,
        [
            "distill",
            "--topics",
            "Paris",
            "--teacher",
            "local",
            "--store",
            str(db),
            "--types",
            "factual,relational",
            "--max-tokens",
            "48",
            "--no-progress",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    import json

    summary = json.loads(result.output[result.output.index("{") :])
    assert summary["asked"] == 2 and summary["teacher"] == "local"
    assert set(summary["templates"]) == {"factual.v1", "relational.v1"}
    assert summary["store"]["entities"] > 0
    assert summary["store"]["relations"] + summary["store"]["attributes"] > 0
    assert summary["learned"]["Paris"]


def test_ctrl_c_keeps_finished_topics_and_the_run_resumes(tmp_path: Path) -> None:
    """SIGINT while the teacher is busy with the second topic: the first topic's knowledge is
    committed, the store opens cleanly, and a re-run asks only what is missing."""
    import signal
    import subprocess
    import sys
    import textwrap

    db = tmp_path / "g.db"
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent("""
        import asyncio, sys
        from grapheme_distill.extractors import RuleExtractor
        from grapheme_distill.store import open_store
        from grapheme_distill.teachers.base import TeacherResponse
        from grapheme_distill.topics import distill_topics

        store = open_store(sys.argv[1])

        class Slow:
            name = "slow"
            supports_logprobs = False
            def complete(self, request):
                raise NotImplementedError
            async def acomplete(self, request):
                topic = request.metadata["topic"]
                if topic == "Tallinn":
                    # requests of both topics are in flight at once (one pool): say READY only
                    # once Gdansk's answers are committed, whatever the machine's speed
                    while store.stats().teacher_calls < 5:
                        await asyncio.sleep(0.05)
                    print("READY", flush=True)
                    await asyncio.sleep(120)
                return TeacherResponse(text=f"{topic} is located in Europe.",
                                       request_hash=request.content_hash())

        distill_topics(["Gdansk", "Tallinn"], Slow(), store, extractor=RuleExtractor(),
                       auto_clozes=0)
    """),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    store = open_store(db)
    assert store.stats().teacher_calls == 5 and store.stats().relations == 1
    teacher = FakeTeacher()
    summary = distill_topics(
        ["Gdansk", "Tallinn"], teacher, store, extractor=RuleExtractor(), auto_clozes=0
    )
    assert summary.already_processed == 5 and summary.asked == 5
    assert {r.metadata["topic"] for r in teacher.requests} == {"Tallinn"}
    store.close()


def test_cli_remote_teacher_from_config_reports_usage_and_cost(tmp_path: Path) -> None:
    """A teacher defined only in the run config ([teachers.NAME]) is asked over real HTTP, and the
    run prints its token usage priced with the config's [prices]."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent / "teachers"))
    from fakeserver import FakeLLMServer

    with FakeLLMServer() as server:
        config = tmp_path / "run.toml"
        config.write_text(
            "[distillation]\nmin_confidence = 0.0\n\n"
            f'[teachers.labbox]\nbase_url = "{server.url}/v1"\nmodel = "lab-model"\n\n'
            "[prices.lab-model]\ninput = 1000.0\noutput = 2000.0\n"
        )
        result = CliRunner().invoke(
            cli,
            [
                "distill",
                "--topics",
                "Paris",
                "--teacher",
                "labbox",
                "--types",
                "relational",
                "--store",
                str(tmp_path / "kg.db"),
                "--config",
                str(config),
                "--no-progress",
                "--json",
            ],
        )
        assert result.exit_code == 0, result.output
        summary = json.loads(result.output)
        assert server.requests >= 1 and server.bodies[0]["model"] == "lab-model"
    account = summary["account"]
    assert account["requests"] == server.requests and account["failures"] == 0
    expected = (account["prompt_tokens"] * 1000.0 + account["completion_tokens"] * 2000.0) / 1e6
    assert account["cost_usd"] == pytest.approx(expected) and expected > 0
