"""Loaders read the shared benchmarks completely and name file and line on bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from grapheme_distill.errors import ConfigError, InputError
from grapheme_distill.evaluation.datasets import (
    DATASETS,
    WEBNLG_DATASETS,
    is_webnlg,
    load_dataset,
    load_text2kgbench,
    load_webnlg,
    load_webnlg_submission,
    sample_evenly,
)


def test_webnlg_full_test_set(shared_data: Path) -> None:
    ds = load_dataset("webnlg2020", shared_data)
    assert len(ds.examples) == 2155
    assert sum(len(e.gold) for e in ds.examples) == 6945
    assert len(ds.vocab) == 19
    first = ds.examples[0]
    assert first.id == "Id1" and first.group == "MusicalWork"
    assert first.gold[0] == ("Turn_Me_On_(album)", "runtime", "35.1")
    assert "followedBy" in ds.vocab["MusicalWork"]


def test_webnlg_submissions_are_read_leniently(webnlg_dir: Path) -> None:
    subs = webnlg_dir / "submissions_text2rdf_en"
    amazon = load_webnlg_submission(subs / "Amazon_AI_Shanghai.primary.xml")
    bt5 = load_webnlg_submission(subs / "bt5.primary.xml")  # no eid attributes
    assert sum(map(len, amazon.values())) == 7151
    assert sum(map(len, bt5.values())) == 6667
    assert bt5["Id2"] == [("Trane", "location", "Swords,_Dublin")]


@pytest.mark.parametrize(
    ("name", "texts", "triples", "groups", "relations"),
    [
        ("text2kgbench-dbpedia", 2014, 6259, 19, 358),
        ("text2kgbench-wikidata", 4062, 7232, 10, 91),
    ],
)
def test_text2kgbench_test_sets(
    shared_data: Path, name: str, texts: int, triples: int, groups: int, relations: int
) -> None:
    ds = load_dataset(name, shared_data)
    assert len(ds.examples) == texts
    assert sum(len(e.gold) for e in ds.examples) == triples
    assert len(ds.ontologies) == groups
    assert len({r for v in ds.vocab.values() for r in v}) == relations
    if name.endswith("wikidata"):
        assert len(ds.selected_ids) == 939


def test_limit_spreads_examples_over_groups(shared_data: Path) -> None:
    ds = load_dataset("text2kgbench-dbpedia", shared_data).limited(38)
    assert len(ds.examples) == 38
    assert len({e.group for e in ds.examples}) >= 15
    assert sample_evenly(ds.examples, 0) == []


def test_bad_xml_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.xml"
    bad.write_text("<benchmark>\n<entries>\n<entry eid='1'>\n</benchmark>\n")
    with pytest.raises(InputError) as info:
        load_webnlg(bad)
    assert info.value.path == str(bad) and info.value.line == 4


def test_bad_jsonl_names_file_and_line(tmp_path: Path, dbpedia_dir: Path) -> None:
    root = tmp_path / "t2k"
    (root / "ground_truth").mkdir(parents=True)
    (root / "ontologies").mkdir()
    onto = dbpedia_dir / "ontologies" / "1_university_ontology.json"
    (root / "ontologies" / "1_university_ontology.json").write_text(onto.read_text())
    gt = root / "ground_truth" / "ont_1_university_ground_truth.jsonl"
    gt.write_text('{"id": "a", "sent": "x", "triples": []}\n{"id": "b", "sent": \n')
    with pytest.raises(InputError) as info:
        load_text2kgbench(root)
    assert info.value.path == str(gt) and info.value.line == 2
    gt.write_text('{"id": "a", "triples": []}\n')
    with pytest.raises(InputError, match="missing field 'sent'"):
        load_text2kgbench(root)


def test_unknown_dataset_and_missing_data(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="choose one of"):
        load_dataset("webnlg2017", tmp_path)
    with pytest.raises(InputError, match="--data-dir"):
        load_dataset("webnlg2020", tmp_path)


# ----------------------------------------------------------------- WebNLG splits


@pytest.mark.parametrize(
    ("name", "texts", "triples", "categories"),
    [
        ("webnlg2020-seen", 606, 2387, 14),
        ("webnlg2020-unseen-entities", 457, 1475, 9),
        ("webnlg2020-unseen-categories", 1092, 3083, 13),
    ],
)
def test_webnlg_splits_are_datasets_with_the_full_sets_schema(
    shared_data: Path, name: str, texts: int, triples: int, categories: int
) -> None:
    ds = load_dataset(name, shared_data)
    full = load_dataset("webnlg2020", shared_data)
    assert ds.name == name and is_webnlg(name) and name in WEBNLG_DATASETS
    assert len(ds.examples) == texts
    assert sum(len(e.gold) for e in ds.examples) == triples
    assert len(ds.vocab) == categories
    by_id = {e.id: e for e in full.examples}
    assert all(by_id[e.id] == e for e in ds.examples)  # the same entries as in the full file
    # every category's vocabulary is the full file's, not only what this split's gold uses
    assert ds.vocab == {c: full.vocab[c] for c in ds.vocab}
    own = {c: {t.predicate for e in ds.examples if e.group == c for t in e.gold} for c in ds.vocab}
    assert any(set(ds.vocab[c]) > own[c] for c in ds.vocab)
    assert "full test file" in ds.vocab_source


def test_the_three_splits_partition_the_full_test_set(shared_data: Path) -> None:
    ids = [e.id for n in WEBNLG_DATASETS[1:] for e in load_dataset(n, shared_data).examples]
    assert len(WEBNLG_DATASETS) == 4
    assert sorted(ids) == sorted(e.id for e in load_dataset("webnlg2020", shared_data).examples)
    assert not is_webnlg("text2kgbench-dbpedia")


def _webnlg_xml(entries: list[tuple[str, str, list[str]]]) -> str:
    body = "".join(
        f'<entry category="{cat}" eid="{eid}"><modifiedtripleset>'
        + "".join(f"<mtriple>{t}</mtriple>" for t in triples)
        + f'</modifiedtripleset><lex lid="1">Text of {eid}.</lex></entry>'
        for eid, cat, triples in entries
    )
    return f"<benchmark><entries>{body}</entries></benchmark>"


def test_a_split_takes_its_vocabulary_from_the_file_it_is_given(tmp_path: Path) -> None:
    full = tmp_path / "full.xml"
    split = tmp_path / "split.xml"
    full.write_text(
        _webnlg_xml(
            [
                ("Id1", "Food", ["A | country | B"]),
                ("Id2", "Food", ["C | ingredient | D"]),
                ("Id3", "City", ["E | mayor | F"]),
            ]
        )
    )
    split.write_text(_webnlg_xml([("Id1", "Food", ["A | country | B"])]))
    assert load_webnlg(split).vocab == {"Food": ("country",)}
    ds = load_webnlg(split, name="webnlg2020-seen", vocabulary_from=full)
    assert ds.vocab == {"Food": ("country", "ingredient")}  # only the split's categories
    assert ds.name == "webnlg2020-seen"
    with pytest.raises(InputError, match="full WebNLG test file is needed"):
        load_webnlg(split, name="webnlg2020-seen", vocabulary_from=tmp_path / "missing.xml")


def test_a_split_without_the_full_file_beside_it_says_what_to_do(
    shared_data: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "webnlg2020"
    folder.mkdir()
    name = "semantic-parsing-test-data-with-refs-en.seen.xml"
    (folder / name).write_text(_webnlg_xml([("Id2", "Company", ["Trane | location | Dublin"])]))
    with pytest.raises(InputError, match="keep it beside the split files"):
        load_dataset("webnlg2020-seen", tmp_path)


def test_sample_evenly_never_repeats_an_example(shared_data: Path) -> None:
    examples = load_dataset("webnlg2020-unseen-entities", shared_data).examples[:3]
    assert sample_evenly(examples, 10) == examples


def test_the_cli_offers_every_dataset() -> None:
    from grapheme_distill.cli.eval_cmd import DATASET_CHOICES

    assert tuple(DATASETS) == DATASET_CHOICES


def test_eval_scores_a_split_with_the_webnlg_official_scorer(
    shared_data: Path, tmp_path: Path, run_cli: Callable[[list[str]], tuple[int, str]]
) -> None:
    out = tmp_path / "r.json"
    code, stdout = run_cli(
        [
            "eval",
            "--dataset",
            "webnlg2020-unseen-categories",
            "--extractor",
            "baseline",
            "--limit",
            "8",
            "--data-dir",
            str(shared_data),
            "--output",
            str(out),
        ]
    )
    assert code == 0 and "official (WebNLG Exact)" in stdout
    data = json.loads(out.read_text())
    assert data["dataset"] == "webnlg2020-unseen-categories"
    assert data["official"]["headline"] == "exact.f1" and data["official"]["entries"] == 8
    assert "full test file" in data["settings"]["vocabulary"]
