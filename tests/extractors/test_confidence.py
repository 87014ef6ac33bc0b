"""Calibrated confidence: the shipped map, the three map methods and their back-off, the signals
every item keeps, and the fitting script's methods and cross-validation."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.confidence import (
    FORMAT,
    CalibrationMap,
    annotate,
    calibration_key,
    cell_keys,
    features,
    load_calibration,
)
from grapheme_distill.model.knowledge import (
    Entity,
    EntityType,
    LinguisticItem,
    LinguisticKind,
    Relation,
)

ROOT = Path(__file__).resolve().parents[2]


def test_curves_interpolate_clip_and_back_off() -> None:
    cmap = CalibrationMap.from_dict(
        {
            "curves": {
                "relation": {"x": [0.5, 0.8], "y": [0.2, 0.6], "n": 100},
                "relation:kv": {"x": [0.8], "y": [0.9], "n": 30},
            }
        }
    )
    assert cmap.method == "isotonic"  # a v1 file (no format) is read as isotonic curves
    assert cmap.calibrate("relation", "kv", 0.8) == 0.9
    assert cmap.calibrate("relation", "clause.active", 0.65) == pytest.approx(0.4)
    assert cmap.calibrate("relation", "clause.active", 0.1) == 0.2  # clipped to the first point
    assert cmap.calibrate("hierarchy", "list.lead.part_of", 0.77) == 0.77  # nothing fitted: raw
    assert calibration_key("hierarchy", "list.lead.part_of") == "hierarchy:list.lead"
    assert CalibrationMap.from_dict(cmap.to_dict()) == cmap


def test_logistic_map_is_a_sigmoid_of_the_item_features_and_unseen_cells_fall_back() -> None:
    weights = {"bias": 0.5, "kind=relation": -1.0, "cell=relation:kv": 2.0, "hedged": -3.0}
    cmap = CalibrationMap.from_dict({"format": FORMAT, "method_id": "logistic", "weights": weights})
    kv = {"construction": "kv", "raw": 0.8}
    assert cmap.confidence("relation", kv) == round(1 / (1 + math.exp(-1.5)), 4)
    # a construction the map never saw weighs nothing: the kind's rate
    unseen = cmap.confidence("relation", {"construction": "brand.new", "raw": 0.8})
    assert unseen == round(1 / (1 + math.exp(0.5)), 4)
    assert cmap.confidence("relation", {**kv, "hedged": 1.0}) < cmap.confidence("relation", kv)
    assert CalibrationMap.from_dict(cmap.to_dict()) == cmap


def test_pooled_map_backs_off_from_construction_to_kind_to_all() -> None:
    cells = {"hierarchy:list.lead": {"p": 0.9, "n": 40}, "hierarchy": {"p": 0.7}, "*": {"p": 0.4}}
    cmap = CalibrationMap.from_dict({"format": FORMAT, "method_id": "pooled", "cells": cells})
    assert cell_keys("hierarchy", "list.lead.part_of") == (
        "hierarchy:list.lead.part_of",
        "hierarchy:list.lead",
        "hierarchy",
        "*",
    )
    assert cmap.confidence("hierarchy", {"construction": "list.lead.part_of"}) == 0.9
    assert cmap.confidence("hierarchy", {"construction": "prose.colon"}) == 0.7
    assert cmap.confidence("procedure", {"construction": "procedure.list"}) == 0.4


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"format": "grapheme-distill.calibration.v9"}, "unknown calibration format"),
        ({"format": FORMAT, "method_id": "forest"}, "unknown calibration format"),
        ({"format": FORMAT, "method_id": "logistic", "weights": {"bias": "x"}}, "malformed"),
        ({"format": FORMAT, "method_id": "pooled", "cells": {"*": {}}}, "malformed"),
    ],
)
def test_a_bad_map_file_is_a_clear_config_error(data: dict[str, object], reason: str) -> None:
    with pytest.raises(ConfigError, match=reason) as err:
        CalibrationMap.from_dict(data, "calibration/x.json")
    assert "calibration/x.json" in str(err.value)


def test_the_shipped_map_was_fitted_on_the_development_part_only_and_needs_no_sklearn() -> None:
    cmap = load_calibration("spacy")
    assert cmap.meta["fitted_on"].startswith("benchmarks/data/answers/dev.jsonl")
    # the unseen reads are later batches' dev parts (val<K>) read by older code: never blind
    reads = str(cmap.meta.get("unseen_reads", ""))
    assert "blind" not in cmap.meta["fitted_on"] + reads
    assert all(
        name.split("_")[1].startswith("val") for name in reads.split(" (")[0].split(", ") if name
    )
    assert cmap.method == "logistic" and cmap.meta["samples"] > 100
    assert all(math.isfinite(w) for w in cmap.weights.values())
    assert cmap.meta["cell_counts"]["relation"] > 0  # the file says how many items each cell had
    # the runtime reads the map without scikit-learn (a dev/benchmark dependency only)
    code = (
        "import sys; from grapheme_distill.extractors.confidence import load_calibration;"
        "m = load_calibration('spacy'); m.confidence('relation', {'construction': 'kv'});"
        "print('sklearn' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_shipped_map_ranks_what_the_dev_set_says() -> None:
    """Signals the fitted map should respect (their direction held in every cross-validation
    fold on dev): hedging lowers a fact, a common-noun object lowers a clause relation, a nested
    list's hierarchy edge beats a guessed clause edge (right 84 % of 163 against 59 % of 150 on
    dev, thirty-second session).  (A list under a lead-in was the probe until the thirty-second
    session: once "contains" before one common noun no longer made clause edges, their worst
    class, the clause edges left read above a lead-in's list on this bare probe, which carries
    no argument cues — the lead-in's edges are still right more often, 76 % of 410, and the map
    gives them 0.72 on average against the clause edges' 0.57.  A list under its prompt's "parts of" did until the
    tenth session: right 43 % of the time (49), and the refitted map puts it below.)"""
    cmap = load_calibration("spacy")
    fact = {"construction": "clause.passive", "subject_proper": 1.0, "object_type": "PERSON"}
    assert cmap.confidence("relation", {**fact, "hedged": 1.0}) < cmap.confidence("relation", fact)
    assert cmap.confidence("relation", {**fact, "object_type": "CONCEPT"}) < cmap.confidence(
        "relation", fact
    )
    assert cmap.confidence("hierarchy", {"construction": "list.nested"}) > cmap.confidence(
        "hierarchy", {"construction": "clause.active"}
    )


def test_annotate_records_what_an_items_arguments_are() -> None:
    out = Extraction(extractor="test")
    ada = out.add_entity(Entity(name="Ada Lovelace", type=EntityType.PERSON))
    odd = out.add_entity(Entity(name="Headquarters: Geneva", type=EntityType.LOCATION))
    notes = out.add_entity(Entity(name="notes", type=EntityType.CONCEPT))
    text = "Ada Lovelace wrote notes. Headquarters: Geneva wrote notes."
    first = Relation(subject=ada.id, predicate="wrote", object=notes.id, span=(0, 24))
    second = Relation(subject=odd.id, predicate="wrote_notes_on", object=notes.id, span=(26, 58))
    out.add(first, second)
    for item in out.items:
        out.item_signals[item.id] = {"construction": "clause.active", "raw": 0.8}
    annotate(out, text=text, prompt="Tell me about Ada Lovelace", topic="Ada Lovelace")
    a, b = out.item_signals[first.id], out.item_signals[second.id]
    assert a["subject_topic"] == 1.0 and b["subject_topic"] == 0.0
    assert a["subject_type"] == "PERSON" and a["object_type"] == "CONCEPT"
    assert a["subject_odd"] == 0.0 and b["subject_odd"] == 1.0
    assert b["predicate_words"] == 3.0 and 0.4 < float(b["position"]) < 0.5
    f = features("relation", b)
    assert {"fact.subject_odd", "fact.object_concept", "fact.predicate_long"} <= set(f)
    assert "fact.subject_topic" in features("relation", a)


def test_the_predicate_feature_is_counted_on_the_readers_own_predicate() -> None:
    """A rename by the conventions (``born_in_year`` -> ``born_on``, the surface form kept as
    ``source_predicate``) leaves the map's predicate feature alone: counted on the new name it
    moved confidences where it only meant to move names."""
    out = Extraction(extractor="test")
    ada = out.add_entity(Entity(name="Ada Lovelace", type=EntityType.PERSON))
    year = out.add_entity(Entity(name="1815", type=EntityType.DATETIME))
    renamed = Relation(
        subject=ada.id,
        predicate="born_on",
        object=year.id,
        qualifiers={"source_predicate": "born_in_year", "predicate_choice": "rule"},
    )
    out.add(renamed)
    out.item_signals[renamed.id] = {"construction": "people.lifespan", "raw": 0.8}
    annotate(out, text="Ada Lovelace (born 1815)")
    signals = out.item_signals[renamed.id]
    assert signals["predicate_words"] == 3.0
    assert "fact.predicate_long" in features("relation", signals)


def test_annotate_records_long_subjects_bare_glosses_and_values_that_name_entities() -> None:
    """Wrong items the map kept above 0.6 on dev: a subject cut from a whole clause ("Construction
    began in 1959 and"), a definition whose gloss is a verb phrase ("runs the controllers"), and
    the signals that tell them apart are recorded and read as features."""
    from grapheme_distill.model.knowledge import LinguisticItem, LinguisticKind

    out = Extraction(extractor="test")
    long = out.add_entity(Entity(name="Construction began in 1959 and", type=EntityType.OTHER))
    kube = out.add_entity(Entity(name="kube-scheduler", type=EntityType.CONCEPT))
    rome = out.add_entity(Entity(name="Rome", type=EntityType.LOCATION))
    bare = LinguisticItem(
        entity=kube.id, relation=LinguisticKind.DEFINITION, value="assigns pods to nodes"
    )
    gloss = LinguisticItem(
        entity=kube.id, relation=LinguisticKind.DEFINITION, value="a control-plane component"
    )
    alias = LinguisticItem(entity=long.id, relation=LinguisticKind.ALIAS, value="Rome")
    out.add(bare, gloss, alias)
    assert rome.name == "Rome"
    for item in out.items:
        out.item_signals[item.id] = {"construction": "gloss.definition", "raw": 0.8}
    out.item_signals[alias.id]["construction"] = "alias.known"
    annotate(out, text="kube-scheduler — assigns pods to nodes. Rome.")
    b, g, a = (out.item_signals[i.id] for i in (bare, gloss, alias))
    assert b["object_article"] == 0.0 and g["object_article"] == 1.0
    assert a["subject_words"] == 5.0 and a["object_entity"] == 1.0 and b["object_entity"] == 0.0
    assert "linguistic.definition_bare" in features("linguistic", b)
    assert "linguistic.definition_bare" not in features("linguistic", g)
    assert "linguistic.definition_bare" not in features("linguistic", a)  # no definition
    assert {"linguistic.subject_long", "linguistic.object_entity"} <= set(features("linguistic", a))


def test_a_learned_readers_probability_is_no_calibration_feature() -> None:
    # model_p is fitted on the map's own dev answers: as a feature it made the map overconfident
    base = {"construction": "learned.relation", "raw": 0.8}
    assert features("relation", {**base, "model_p": 0.99}) == features("relation", base)
    assert features("hierarchy", {**base, "model_p": 0.01}) == features("hierarchy", base)


def test_items_carry_their_signals_and_the_calibrated_confidence() -> None:
    pytest.importorskip("spacy")
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    answer = (
        "**Ada Lovelace** was an English mathematician.\n\n- **Born:** 10 December 1815, London\n"
    )
    raw = SpacyExtractor(calibration=False).extract(answer, prompt="Who was Ada Lovelace?")
    cal = SpacyExtractor().extract(answer, prompt="Who was Ada Lovelace?")
    cmap = load_calibration("spacy")
    assert {i.id for i in raw.items} == {i.id for i in cal.items}
    assert all("calibrated" not in raw.item_signals[i.id] for i in raw.items)
    for item in cal.items:
        signals = cal.item_signals[item.id]
        assert signals["construction"] and "raw" in signals and "subject_type" in signals
        assert item.confidence == cmap.confidence(item.kind, signals) == signals["calibrated"]
    born = [i for i in cal.items if cal.item_signals[i.id]["construction"] == "kv"]
    assert born, "the key-value bullet is read by the attribute reader"
    assert all(cal.item_signals[i.id]["subject_topic"] == 1.0 for i in born)


def _fit_module():  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location(
        "fit_calibration", ROOT / "benchmarks" / "fit_calibration.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_calibration"] = module
    spec.loader.exec_module(module)
    return module


def test_every_method_fits_and_the_cross_validation_scores_held_out_answers() -> None:
    fc = _fit_module()
    samples = []
    for answer in range(20):  # kv facts right 80 % of the time, clause facts 20 %
        for i in range(10):
            samples.append(
                fc.Sample(f"a{answer}", "relation", {"construction": "kv", "raw": 0.8}, i < 8)
            )
            samples.append(
                fc.Sample(f"a{answer}", "relation", {"construction": "clause.active"}, i < 2)
            )
    for method in fc.METHODS:
        cmap = fc.fit(method, samples, c=1.0, prior_weight=10.0)
        kv = cmap.confidence("relation", {"construction": "kv", "raw": 0.8})
        clause = cmap.confidence("relation", {"construction": "clause.active", "raw": 0.8})
        assert kv > 0.6 > clause, method
        assert CalibrationMap.from_dict(json.loads(json.dumps(cmap.to_dict()))) == cmap
    rows = fc.cross_validate(
        samples, ["logistic", "pooled"], folds=5, repeats=2, threshold=0.6, c=1.0, prior_weight=10
    )
    for row in rows.values():
        assert row["kept"] == 200 and row["precision"] == pytest.approx(0.8)
        assert row["item_ece"] < 0.05
    assert fc.answer_group("local-01-proc") == fc.answer_group("local-01-rela") == "local-01"


def test_the_seen_term_gives_the_runtime_the_precision_of_unseen_answers() -> None:
    """Readers are more precise on the answers they were written against: with those answers
    marked ``seen``, the map's confidence (which never has the feature) follows the others."""
    fc = _fit_module()
    samples = []
    for answer in range(30):
        seen = answer < 20  # 20 development answers right 90 % of the time, 10 unseen ones 50 %
        for i in range(10):
            right = i < (9 if seen else 5)
            samples.append(fc.Sample(f"a{answer}", "relation", {"construction": "kv"}, right, seen))
    kv = {"construction": "kv"}
    plain = fc.fit(
        "logistic",
        [fc.dataclasses.replace(s, seen=False) for s in samples],
        c=1.0,
        prior_weight=10.0,
    )
    termed = fc.fit("logistic", samples, c=1.0, prior_weight=10.0)
    assert plain.confidence("relation", kv) > 0.7  # fitted on the pool: optimistic for unseen
    assert termed.confidence("relation", kv) == pytest.approx(0.5, abs=0.08)
    assert "seen" in termed.weights and "seen|kind=relation" in termed.weights


def test_the_cross_validation_reports_precision_and_items_kept_at_each_candidate_default() -> None:
    """``--cv`` says what each candidate ``min_confidence`` (0.6, 0.65, 0.7) keeps, held out, so
    that the default is chosen on evidence (tenth session)."""
    fc = _fit_module()
    samples = [
        fc.Sample(f"a{answer}", "relation", {"construction": c}, i < (8 if c == "kv" else 2))
        for answer in range(20)
        for c in ("kv", "clause.active")
        for i in range(10)
    ]
    rows = fc.cross_validate(
        samples, ["logistic"], folds=5, repeats=1, threshold=0.6, c=1.0, prior_weight=10
    )
    row = rows["logistic"]
    assert row["kept@0.65"] == 200 and row["precision@0.65"] == pytest.approx(0.8)
    assert row["kept@0.6"] >= row["kept@0.65"] >= row["kept@0.7"]
    table = fc.threshold_table(rows)
    assert "P@0.65 (kept)" in table and "| logistic | 0.800 (200) |" in table


def test_the_seen_term_is_per_construction_too() -> None:
    """One construction was written against its development answers and is much surer there than
    elsewhere, another is as sure everywhere: each gets the precision of unseen answers, not one
    shared offset of its kind (tenth session)."""
    fc = _fit_module()
    samples = []
    for answer in range(40):
        seen = answer < 25
        for i in range(10):
            # "kv": 95 % right on seen answers, 50 % on unseen; "table": 70 % on both
            samples.append(
                fc.Sample(
                    f"a{answer}", "relation", {"construction": "kv"}, i < (9.5 if seen else 5), seen
                )
            )
            samples.append(
                fc.Sample(f"a{answer}", "relation", {"construction": "table"}, i < 7, seen)
            )
    cmap = fc.fit("logistic", samples, c=1.0, prior_weight=10.0)
    assert cmap.confidence("relation", {"construction": "kv"}) == pytest.approx(0.5, abs=0.08)
    assert cmap.confidence("relation", {"construction": "table"}) == pytest.approx(0.7, abs=0.08)


def _two_relations() -> tuple[Extraction, Relation, Relation]:
    out = Extraction(extractor="test")
    ada = out.add_entity(Entity(name="Ada Lovelace", type=EntityType.PERSON))
    notes = out.add_entity(Entity(name="notes", type=EntityType.CONCEPT))
    sure = Relation(subject=ada.id, predicate="wrote", object=notes.id, span=(0, 5))
    weak = Relation(subject=notes.id, predicate="cite", object=ada.id, span=(6, 11))
    out.add(sure, weak)
    out.item_signals[sure.id] = {"construction": "kv", "raw": 0.8}
    out.item_signals[weak.id] = {"construction": "clause.active", "raw": 0.8}
    return out, sure, weak


def test_the_maps_floor_drops_items_under_it_but_no_entity() -> None:
    """An item right less often than half the micro F1 lowers it: the map's floor drops items
    calibrated under it (and their signals); entities stay; ``floor=0`` keeps every item."""
    cells = {"relation:kv": {"p": 0.9}, "relation": {"p": 0.2}, "*": {"p": 0.5}}
    data = {"format": FORMAT, "method_id": "pooled", "cells": cells, "floor": 0.3}
    cmap = CalibrationMap.from_dict(data)
    assert cmap.floor == 0.3
    out, sure, weak = _two_relations()
    cmap.apply(out)
    assert [i.id for i in out.items] == [sure.id] and out.items[0].confidence == 0.9
    assert weak.id not in out.item_signals and len(out.entities) == 2
    out, sure, weak = _two_relations()
    cmap.apply(out, floor=0.0)
    assert [(i.id, i.confidence) for i in out.items] == [(sure.id, 0.9), (weak.id, 0.2)]
    out, _, _ = _two_relations()
    cmap.apply(out, floor=0.95)
    assert out.items == [] and out.item_signals == {}
    no_floor = CalibrationMap.from_dict({k: v for k, v in data.items() if k != "floor"})
    assert no_floor.floor == 0.0
    out, _, _ = _two_relations()
    no_floor.apply(out)
    assert len(out.items) == 2


def test_the_floor_leaves_a_linguistic_item_its_entity_still_states() -> None:
    """Dropping an abbreviation whose entity carries it as an alias would not take it out of the
    output (the alias is output without a confidence, kept at every threshold): it stays, with
    its confidence; one the entity does not carry is dropped."""
    cells = {"linguistic": {"p": 0.1}, "*": {"p": 0.5}}
    cmap = CalibrationMap.from_dict(
        {"format": FORMAT, "method_id": "pooled", "cells": cells, "floor": 0.3}
    )
    out = Extraction(extractor="test")
    nasa = out.add_entity(
        Entity(name="National Aeronautics and Space Administration", type=EntityType.ORGANIZATION)
    )
    nasa = out.add_entity(nasa.model_copy(update={"aliases": ("NASA",)}))
    stated = LinguisticItem(entity=nasa.id, relation=LinguisticKind.ABBREVIATION, value="nasa")
    bare = LinguisticItem(entity=nasa.id, relation=LinguisticKind.SYNONYM, value="the agency")
    out.add(stated, bare)
    for item in out.items:
        out.item_signals[item.id] = {"construction": "paren", "raw": 0.5}
    cmap.apply(out)
    assert [(i.id, i.confidence) for i in out.items] == [(stated.id, 0.1)]
    assert bare.id not in out.item_signals


def test_the_map_file_round_trips_its_floor() -> None:
    data = {"format": FORMAT, "method_id": "logistic", "weights": {"bias": 0.1}, "floor": 0.25}
    cmap = CalibrationMap.from_dict(json.loads(json.dumps(data)))
    assert cmap.to_dict()["floor"] == 0.25
    assert CalibrationMap.from_dict(json.loads(json.dumps(cmap.to_dict()))) == cmap
    with pytest.raises(ConfigError, match="malformed"):
        CalibrationMap.from_dict({**data, "floor": 1.5}, "calibration/x.json")


def test_the_extractors_floor_overrides_the_maps() -> None:
    pytest.importorskip("spacy")
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    answer = "**Ada Lovelace** was an English mathematician. She wrote notes on the engine.\n"
    shipped = load_calibration("spacy")
    every = SpacyExtractor(floor=0.0).extract(answer, prompt="Who was Ada Lovelace?")
    assert every.items
    lowest = min(i.confidence for i in every.items)
    above = CalibrationMap(shipped.method, weights=shipped.weights, meta={"floor": lowest + 1e-4})
    cut = SpacyExtractor(calibration=above).extract(answer, prompt="Who was Ada Lovelace?")
    assert len(cut.items) < len(every.items)
    assert all(i.confidence >= lowest + 1e-4 for i in cut.items)
    assert cut.entities.keys() == every.entities.keys()
    kept = SpacyExtractor(calibration=above, floor=0.0).extract(
        answer, prompt="Who was Ada Lovelace?"
    )
    assert [i.id for i in kept.items] == [i.id for i in every.items]


def test_the_floor_given_as_text_is_read_as_a_number() -> None:
    # review of 4add6e4: `distill --set extractor.floor=0` passes the text "0", which crashed the
    # extraction ('<=' between str and float)
    pytest.importorskip("spacy")
    from grapheme_distill.extractors import get_extractor

    answer = "**Ada Lovelace** was an English mathematician. She wrote notes on the engine.\n"
    text = get_extractor("spacy", floor="0").extract(answer, prompt="Who was Ada Lovelace?")
    every = get_extractor("spacy", floor=0.0).extract(answer, prompt="Who was Ada Lovelace?")
    assert len(text.items) == len(every.items)
    with pytest.raises(ConfigError, match="floor"):
        get_extractor("spacy", floor="high")
    with pytest.raises(ConfigError, match="floor"):
        get_extractor("spacy", floor="1.5")
