"""``SpacyExtractor(learned=...)`` and ``--learned``: one switch for every learned layer; the
default reads as before, the rules alone read differently and say so in the extractor's id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grapheme_distill.cli import cli
from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.spacy.layers import (
    LEARNED_LAYERS,
    parse_learned,
    shipped_layers,
    version_suffix,
)
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, load_model

# the shipped entity model adds "river" (a noun chunk no rule makes an entity)
LOIRE = """## The Loire

The Loire is the longest river in France. It rises in the Massif Central and flows into the Bay of Biscay.

Its main tributaries:
- Allier
- Cher
- Vienne

The river carries sediment and supports salmon migration. Vineyards line the valley."""


def _names(ex: SpacyExtractor) -> set[str]:
    return {e.name for e in ex.extract(LOIRE).entities.values()}


def test_learned_values_parse_to_layers() -> None:
    assert parse_learned(True) == parse_learned("all") == frozenset(LEARNED_LAYERS)
    assert parse_learned(False) == parse_learned("none") == parse_learned("rules") == frozenset()
    assert parse_learned(0) == frozenset()
    assert parse_learned("entities, Relations") == {"entities", "relations"}
    assert parse_learned(["hierarchy"]) == {"hierarchy"}
    with pytest.raises(ConfigError, match="unknown layer"):
        parse_learned("entities,clauses")
    with pytest.raises(ConfigError):
        parse_learned(None)


def test_the_version_names_only_shipped_layers_that_are_off() -> None:
    assert version_suffix(frozenset(LEARNED_LAYERS)) == ""
    assert version_suffix(frozenset()) == "+rules"
    assert "entities" in shipped_layers()
    assert version_suffix(frozenset(LEARNED_LAYERS) - {"entities"}) == "+no-entities"
    unshipped = [layer for layer in LEARNED_LAYERS if layer not in shipped_layers()]
    # turning off a layer without a model changes no output, so no id either
    assert version_suffix(frozenset(LEARNED_LAYERS) - set(unshipped)) == ""


def test_default_reads_with_the_learned_layers_and_off_reads_the_rules_alone() -> None:
    nlp = load_model()
    default = SpacyExtractor(nlp=nlp)
    rules = SpacyExtractor(nlp=nlp, learned=False)
    assert default.id == "spacy@2" and rules.id == "spacy@2+rules"
    assert "valley" not in _names(default)  # dropped by the entity model
    assert "valley" in _names(rules)
    assert _names(SpacyExtractor(nlp=nlp, learned="relations,hierarchy")) == _names(rules)
    assert _names(SpacyExtractor(nlp=nlp, learned=True)) == _names(default)
    assert rules.extract(LOIRE).extractor == "spacy@2+rules"
    assert rules.relation_model is None and default.relation_model is not None


def test_relation_model_false_reads_without_the_relation_model_and_says_so() -> None:
    ex = SpacyExtractor(nlp=load_model(), relation_model=False)
    assert ex.relation_model is None and ex.id == "spacy@2+no-relations"


def test_cli_learned_is_for_the_spacy_extractor_only(tmp_path: Path) -> None:
    runner = CliRunner()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    for argv in (
        ["eval", "--dataset", "answers", "--gold", str(gold), "--extractor", "rules"],
        ["distill", "--transcripts", str(gold), "--store", str(tmp_path / "s.db")]
        + ["--extractor", "rules"],
    ):
        result = runner.invoke(cli, [*argv, "--learned", "none"])
        assert result.exit_code == 2
        assert "--learned chooses the spacy extractor" in result.output


def test_cli_distill_learned_none_runs_the_rules_and_says_so(tmp_path: Path) -> None:
    transcripts = tmp_path / "t.jsonl"
    line = {"id": "loire", "prompt": "Tell me about the Loire.", "response": LOIRE}
    transcripts.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["distill", "--transcripts", str(transcripts), "--store", str(tmp_path / "s.db")]
        + ["--extractor", "spacy", "--learned", "none", "--json", "--no-progress"],
    )
    assert result.exit_code == 0, result.output
    assert "spacy@2+rules" in result.output
