"""Browsing a store: calls, one call in full, entities, cost per model, named sources in show."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from grapheme_distill.browse import call_detail, list_calls, list_entities, usage_by_model
from grapheme_distill.cli import main
from grapheme_distill.errors import ConfigError, StoreError
from grapheme_distill.store import SQLiteStore
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage
from grapheme_distill.teachers.pricing import PriceTable

# the sample store of the export tests: known knowledge citing spans of recorded answers
_SPEC = importlib.util.spec_from_file_location(
    "sample_store", Path(__file__).resolve().parents[1] / "export" / "sample_store.py"
)
assert _SPEC is not None and _SPEC.loader is not None
sample_store = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sample_store)


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s: SQLiteStore = sample_store.build_store(tmp_path / "g.db")
    s.record_call(
        TeacherRequest(prompt="What is 2+2?", model="gpt-4o-mini"),
        TeacherResponse(
            text="4",
            model="gpt-4o-mini",
            usage=Usage(prompt_tokens=1_000_000, completion_tokens=500_000),
        ),
        prompt_template="arithmetic.v1",
        source="topic:math#arithmetic",
    )
    return s


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_calls_list_every_exchange_with_tokens_cost_and_items(store: SQLiteStore) -> None:
    calls = list_calls(store)
    assert len(calls) == 5
    paris = next(c for c in calls if "Paris" in c.prompt)
    assert paris.source == "examples/sample.jsonl:5" and paris.template == "relational.v1"
    assert paris.prompt_tokens == 20 and paris.completion_tokens == 60
    assert paris.items == sum(1 for row in store.observations() if row[1] == paris.hash) > 0
    math = next(c for c in calls if c.model == "gpt-4o-mini")
    assert math.cost_usd == pytest.approx(0.15 + 0.30)  # list price: 0.15 in, 0.60 out per 1M
    assert list_calls(store, prices=PriceTable({"gpt-4o-mini": (1.0, 1.0)}))[
        -1
    ].cost_usd == pytest.approx(1.5)
    assert [c.hash for c in list_calls(store, search="eiffel")] == [paris.hash]
    assert list_calls(store, search="no such words anywhere") == []


def test_one_call_in_full_with_what_was_extracted(store: SQLiteStore) -> None:
    paris = next(c for c in list_calls(store) if "Paris" in c.prompt)
    detail = call_detail(store, paris.hash.removeprefix("sha256:")[:10])  # a unique prefix
    assert detail.hash == paris.hash and detail.answer.startswith("Paris is the capital")
    assert detail.messages and detail.sampling["temperature"] == 0.0
    statements = {e["statement"] for e in detail.extracted}
    assert "Paris capital_of France" in statements
    capital = next(e for e in detail.extracted if e["statement"] == "Paris capital_of France")
    assert capital["text"] == detail.answer[capital["span"][0] : capital["span"][1]]
    assert "capital of France" in capital["text"]
    with pytest.raises(StoreError, match="no teacher call"):
        call_detail(store, "ffffffffffff")


def test_entities_search_and_type(store: SQLiteStore) -> None:
    everything = list_entities(store)
    assert len(everything) == store.stats().entities
    assert everything[0].items >= everything[-1].items
    assert sorted(e.name for e in list_entities(store, search="eiff")) == [
        "Eiffel Tower",
        "Gustave Eiffel",
    ]
    locations = list_entities(store, type="location")
    assert locations and all(e.type == "LOCATION" for e in locations)
    assert "Paris" in {e.name for e in locations}
    with pytest.raises(ConfigError, match="unknown entity type"):
        list_entities(store, type="planet")


def test_usage_by_model(store: SQLiteStore) -> None:
    usage = {m.model: m for m in usage_by_model(store)}
    assert usage["gpt-4o-mini"].calls == 1
    assert usage["gpt-4o-mini"].cost_usd == pytest.approx(0.45)
    assert usage["recorded-example"].calls == 4 and usage["recorded-example"].cost_usd is None
    assert usage["recorded-example"].prompt_tokens == 80


def test_commands(store: SQLiteStore, capsys: pytest.CaptureFixture[str]) -> None:
    db = store.path
    code, out, _ = run(["calls", "--store", db, "--json"], capsys)
    calls = json.loads(out)
    assert code == 0 and len(calls) == 5
    code, out, _ = run(["calls", "--store", db, "--search", "Eiffel"], capsys)
    assert code == 0 and "1 calls" in out
    code, out, _ = run(["call", calls[0]["hash"], "--store", db, "--json"], capsys)
    assert code == 0 and json.loads(out)["extracted"]
    code, out, _ = run(["call", calls[0]["hash"][7:20], "--store", db], capsys)
    assert code == 0 and "items extracted" in out and "Paris is the capital" in out
    code, out, _ = run(["entities", "--store", db, "--type", "PERSON", "--json"], capsys)
    assert code == 0 and all(e["type"] == "PERSON" for e in json.loads(out))
    code, out, _ = run(["calls", "--store", db, "--failed", "--json"], capsys)
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(["stats", "--store", db, "--json"], capsys)
    models = {m["model"]: m for m in json.loads(out)["models"]}
    assert models["gpt-4o-mini"]["cost_usd"] == pytest.approx(0.45)
    code, out, _ = run(["stats", "--store", db], capsys)
    assert "per model" in out and "0.4500" in out
    code, out, err = run(["call", "nothere", "--store", db], capsys)
    assert code == 1 and "no teacher call" in err and "Traceback" not in err


def test_show_names_each_source(store: SQLiteStore, capsys: pytest.CaptureFixture[str]) -> None:
    paris = next(c for c in list_calls(store) if "Paris" in c.prompt)
    code, out, _ = run(["show", "Paris", "--store", store.path], capsys)
    assert code == 0
    assert f"#{paris.hash[7:19]}" in out and "relational.v1" in out and "transcript/" in out
    assert "grapheme-distill call HASH" in out
    code, out, _ = run(["show", "Paris", "--store", store.path, "--json"], capsys)
    evidence = json.loads(out)["items"][0]["evidence"][0]
    assert evidence["model"] == "recorded-example" and evidence["teacher"] == "transcript"
    assert evidence["template"] in {"relational.v1", "structural.v1"}
