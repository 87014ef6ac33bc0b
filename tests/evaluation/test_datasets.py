"""Loaders read the shared benchmarks completely and name file and line on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill.errors import ConfigError, InputError
from grapheme_distill.evaluation.datasets import (
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


@pytest.mark.parametrize(("name", "texts", "triples", "groups", "relations"), [
    ("text2kgbench-dbpedia", 2014, 6259, 19, 358),
    ("text2kgbench-wikidata", 4062, 7232, 10, 91),
])
def test_text2kgbench_test_sets(shared_data: Path, name: str, texts: int, triples: int,
                                groups: int, relations: int) -> None:
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
