"""The learned entity decision (``spacy/entity_choice.py``) and the script that fits it
(``benchmarks/fit_entity_reader.py``), on the real spaCy pipeline and the reference scorer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from grapheme_distill.extractors.learned import LinearModel, load_linear_model
from grapheme_distill.extractors.spacy.clauses import Mention
from grapheme_distill.extractors.spacy.entity_choice import (
    ANCHORING,
    Candidate,
    Evidence,
    Nesting,
    TextCues,
    collect_candidates,
    features,
    use_entity_model,
)
from grapheme_distill.extractors.spacy.glosses import QUALITY
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import Relation
from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[3]
SCORER = ROOT.parent / "shared" / "eval" / "score_answers.py"
CURIE = (
    "Marie Curie was a Polish physicist who worked in Paris. She discovered polonium in 1898."
    "\n\nRadio waves carry signals over long distances."
)


def _model(weights: dict[str, float], **meta: object) -> LinearModel:
    return LinearModel("entities", bias=5.0, weights=weights, threshold=0.5, meta=meta)


def _names(x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in x.extract(text).entities.values()}


def _features_of(
    name: str, *, proper: bool, etype: str, shapes: dict[str, str] | None = None
) -> tuple[str, ...]:
    """The cues of a name the rules made, seen once by the ``fact`` reader, no item needing it."""
    ev = Evidence()
    ev.add(Mention(name, 0, len(name)), "fact")
    return features(
        name,
        ev,
        label="",
        proper=proper,
        etype=etype,
        made=True,
        referred=frozenset(),
        topic=False,
        shapes=shapes,
    )


def test_features_name_the_cues_of_a_counted_plural() -> None:
    feats = _features_of("five countries", proper=False, etype="CONCEPT")
    assert {"first=five", "words=2", "shape=x", "generic=1", "ref=none", "rule=fact"} <= set(feats)
    assert "head=countrie" not in feats and "head=country" in feats


def test_features_read_the_same_with_a_shared_word_shape_memo() -> None:
    """One answer's names share one ``shapes`` memo (performance only): a word's shape read for
    an earlier name is the shape a fresh read gives."""
    shapes: dict[str, str] = {}
    for name in ["NASA", "Apollo 11", "the NASA budget", "1969", "NASA 1969 launch", "Fez", "x/y"]:
        fresh = _features_of(name, proper=False, etype="CONCEPT")
        assert _features_of(name, proper=False, etype="CONCEPT", shapes=shapes) == fresh
    assert shapes["NASA"] == "X" and shapes["1969"] == "d" and shapes["the"] == "x"


def test_features_say_which_names_nest_in_another_and_which_are_common_plurals() -> None:
    """A name inside a longer candidate ("mountain" / "highest mountain in the world"), one
    holding a shorter candidate, and a lower-case plural head are cues of their own."""
    nesting = Nesting([("highest", "mountain", "in", "the", "world"), ("mountain",), ("sherpas",)])
    ev = Evidence()
    ev.add(Mention("mountain", 0, 8), "fact")

    def of(name: str) -> set[str]:
        return set(
            features(
                name,
                ev,
                label="",
                proper=False,
                etype="CONCEPT",
                made=True,
                referred=frozenset(),
                topic=False,
                nesting=nesting,
            )
        )

    assert "inside=1" in of("mountain") and "holds=1" not in of("mountain")
    assert "holds=1" in of("highest mountain in the world")
    assert "inside=1" not in of("highest mountain in the world")
    assert "plural=1" in of("sherpas") and not {"inside=1", "holds=1"} & of("sherpas")
    assert "plural=1" not in of("Sherpas") and "plural=1" not in of("glass")


def test_the_shipped_model_weighs_the_nesting_cues_and_decides_plain_nouns_with_relations() -> None:
    """The shipped model (twelfth session) reads the nesting and plural cues and decides on the
    common nouns the rules made that nothing but relations refers to (the relations go with a
    dropped name), not only on the noun chunks it adds."""
    model = load_linear_model(
        ROOT / "src" / "grapheme_distill" / "extractors" / "models" / "entities.json"
    )
    assert {"inside=1", "holds=1", "plural=1"} <= set(model.weights)
    assert not model.meta.get("add_only") and not model.meta.get("named")
    assert model.meta.get("chunks") and model.meta.get("decided_with") == ["relation"]


def test_the_shipped_model_is_fitted_on_every_development_answer() -> None:
    """Twenty-sixth session: the model is fitted on devtrain and the fifteen gates (545 answers,
    25 annotation batches; the thirteenth session's fit saw devtrain's 238 alone), judged with
    one batch held out at a time; its threshold was chosen out of fold by micro F1."""
    model = load_linear_model(
        ROOT / "src" / "grapheme_distill" / "extractors" / "models" / "entities.json"
    )
    fitted_on = str(model.meta["fitted_on"])
    assert fitted_on.startswith("devtrain.jsonl, val11.jsonl") and "(545 answers" in fitted_on
    assert model.meta.get("objective") == "micro" and model.meta.get("c") == 2.0


def test_a_model_drops_a_name_nothing_needs_and_keeps_what_an_item_needs(
    spacy_x: SpacyExtractor,
) -> None:
    rules = _names(spacy_x, CURIE)
    assert {"Radio", "Polish", "Marie Curie"} <= rules
    with use_entity_model(_model({"ner=ORG": -10.0, "ner=NORP": -10.0})):
        assert "Radio" in _names(spacy_x, CURIE)  # a named thing: not the model's by default
    with use_entity_model(_model({"ner=ORG": -10.0, "ner=NORP": -10.0}, named=True)):
        ex = spacy_x.extract(CURIE)
    names = {e.name for e in ex.entities.values()}
    assert "Radio" not in names  # alone, and the model says no
    assert "Polish" in names  # a relation needs it, and relations are not decided by default
    curie = next(eid for eid, e in ex.entities.items() if e.name == "Marie Curie")
    assert float(ex.item_signals[curie]["model_p"]) > 0.99
    with use_entity_model(_model({"ner=NORP": -10.0}, decided_with=["relation"], named=True)):
        ex = spacy_x.extract(CURIE)
    names = {e.name for e in ex.entities.values()}
    assert "Polish" not in names and "Marie Curie" in names
    for r in ex.items:  # the relations to the dropped name went with it
        if isinstance(r, Relation):
            assert r.subject in ex.entities and r.object in ex.entities


def test_noun_chunks_are_candidates_only_when_asked_for(spacy_x: SpacyExtractor) -> None:
    text = "Bakers often add a pinch of sea salt for better flavour."
    with collect_candidates() as plain:
        spacy_x.extract(text)
    with collect_candidates(chunks=True) as chunked:
        spacy_x.extract(text)
    assert "sea salt" not in {c.name for c in plain}
    salt = next(c for c in chunked if c.name == "sea salt")
    assert not salt.made and "rule=chunk" in salt.features
    with use_entity_model(None):
        assert "sea salt" not in _names(spacy_x, text)  # the rules never make it
    with use_entity_model(_model({"rule=chunk": 10.0}, chunks=True)):
        assert "sea salt" in _names(spacy_x, text)


def test_an_adding_model_keeps_every_entity_the_rules_made(spacy_x: SpacyExtractor) -> None:
    """``add_only``: the model adds the likely names the rules did not make and drops none."""
    text = CURIE + "\n\nBakers often add a pinch of sea salt for better flavour."
    with use_entity_model(None):
        rules = _names(spacy_x, text)
    assert "sea salt" not in rules
    no = {"made=1": -20.0, "rule=chunk": 10.0}
    with use_entity_model(_model(no, chunks=True, named=True)):
        assert rules - _names(spacy_x, text)  # without add_only the same weights drop names
    with use_entity_model(_model(no, chunks=True, named=True, add_only=True)):
        added = _names(spacy_x, text)
    assert rules <= added and "sea salt" in added


@pytest.fixture
def fitter() -> Iterator[ModuleType]:
    pytest.importorskip("sklearn")
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_answers.py is not beside the project")
    yield benchmark_script("fit_entity_reader")


_PEOPLE = [
    ("Ada Lovelace", "English", "London"),
    ("Enrico Fermi", "Italian", "Rome"),
    ("Marie Curie", "Polish", "Warsaw"),
    ("Niels Bohr", "Danish", "Copenhagen"),
    ("Hideki Yukawa", "Japanese", "Kyoto"),
    ("Santiago Ramon", "Spanish", "Madrid"),
]


def _gold_rows() -> list[dict[str, object]]:
    """Six answers whose gold keeps the people and places and never the nationality adjective."""
    rows: list[dict[str, object]] = []
    for k, (person, nation, city) in enumerate(_PEOPLE):
        text = f"{person} was a {nation} scientist. {person} lived in {city} for many years."
        entities = [{"name": person, "type": "PERSON"}, {"name": city, "type": "LOCATION"}]
        rows.append(
            {
                "id": f"t-{k}",
                "primary_type": "factual",
                "prompt": f"Tell me about {person}",
                "response": text,
                "gold": {
                    "entities": entities,
                    "relations": [
                        {
                            "subject": person,
                            "predicate": "lived_in",
                            "object": city,
                            "negated": False,
                        }
                    ],
                    "procedures": [],
                    "hierarchy": [],
                    "linguistic": [],
                },
            }
        )
    return rows


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_fitting_script_learns_from_gold_and_writes_the_model(
    fitter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fitted model must weigh a nationality (NORP), never gold, below a person."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    gold = _write(tmp_path / "gold.jsonl", _gold_rows())
    out = tmp_path / "entities.json"
    args = ["--gold", str(gold), "--write", "--out", str(out), "--c", "1"]
    assert fitter.main(args) == 1  # every name is some relation's argument: nothing to decide
    assert fitter.main([*args, "--decide-relations", "--decide-named"]) == 0
    model = load_linear_model(out)
    assert model.meta["fitted_on"].startswith("gold.jsonl (6 answers")
    assert model.meta["decided_with"] == ["relation"] and model.meta["named"] is True
    assert 0.0 <= model.threshold <= 1.0
    assert model.weights.get("ner=NORP", 0.0) < model.weights.get("ner=PERSON", 0.0)


def test_the_fitting_script_ships_a_given_threshold(
    fitter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirty-sixth session: a recipe judged end to end one batch held out at a time ships at
    the threshold it was judged at (``--threshold``), not at one chosen again out of fold."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    gold = _write(tmp_path / "gold.jsonl", _gold_rows())
    out = tmp_path / "entities.json"
    args = ["--gold", str(gold), "--write", "--out", str(out), "--c", "1"]
    assert fitter.main([*args, "--decide-relations", "--decide-named", "--threshold", "0.42"]) == 0
    assert load_linear_model(out).threshold == 0.42


def test_the_fitting_script_cross_validates_per_gold_file_with_a_nested_threshold(
    fitter: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--cv``: every fold's model is fitted on the other folds of both files, its threshold
    chosen inside them; each file is scored on its out-of-fold names; ``--cache`` is reused."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    rows = _gold_rows()
    old, new = _write(tmp_path / "old.jsonl", rows[:3]), _write(tmp_path / "new.jsonl", rows[3:])
    assert fitter.fold_of([rows[:3], rows[3:]], 3) == {
        "t-0": 0, "t-1": 1, "t-2": 2, "t-3": 0, "t-4": 1, "t-5": 2
    }  # fmt: skip
    cache = tmp_path / "cands.pkl"
    args = ["--gold", str(old), str(new), "--cv", "3", "--cache", str(cache)]
    args += ["--decide-relations", "--decide-named", "--c", "1"]
    assert fitter.main(args) == 0
    first = capsys.readouterr().out
    assert cache.is_file()
    assert "old.jsonl (3 answers)" in first and "new.jsonl (3 answers)" in first
    assert first.count("model out of fold (nested)") == 2
    thresholds = json.loads(first.split("training folds: ")[1].splitlines()[0])
    assert len(thresholds) == 3 and all(0.0 < t < 1.0 for t in thresholds)
    assert fitter.main(args) == 0  # from the cache: the same candidates, the same figures
    assert capsys.readouterr().out == first


def test_the_fitting_script_can_choose_the_threshold_by_micro_f1(
    fitter: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ninth session: with the extractor's own predictions (``--base-predictions``) the figures
    include micro F1 with the kept names swapped in, and ``--objective micro`` chooses the
    threshold by it (an added name right a third of the time lowers entity F1, raises micro)."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    rows = _gold_rows()
    gold = _write(tmp_path / "gold.jsonl", rows)
    preds = _write(tmp_path / "preds.jsonl", [{"id": r["id"], "pred": r["gold"]} for r in rows])
    out = tmp_path / "entities.json"
    args = ["--gold", str(gold), "--cv", "3", "--decide-relations", "--decide-named", "--c", "1"]
    args += ["--base-predictions", str(preds), "--objective", "micro", "--write", "--out", str(out)]
    try:
        assert fitter.main(args) == 0
        # every type but entities counts: one gold relation per answer, all predicted
        assert sum(c["tp_p"] for c in fitter.OTHER_COUNTS.values()) == len(rows)
    finally:
        fitter.OTHER_COUNTS.clear()
        fitter.OBJECTIVE = "f1"
    printed = capsys.readouterr().out
    assert "micro " in printed.split("model out of fold (nested)")[1].splitlines()[0]
    assert load_linear_model(out).meta["objective"] == "micro"


def test_the_fitting_script_holds_out_one_annotation_batch_at_a_time(
    fitter: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--groups batch`` (seventeenth session): the threshold's out-of-fold probabilities come
    from models that never saw the answer's annotation batch, and each batch's figure is printed;
    it does not go with ``--cv`` (which folds answers)."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    rows = _gold_rows()
    for k, row in enumerate(rows):
        row["id"] = f"w-{10 + k:03d}" if k < 3 else f"w-{60 + k:03d}"  # batches 1 and 2
    gold = _write(tmp_path / "gold.jsonl", rows)
    out = tmp_path / "entities.json"
    args = ["--gold", str(gold), "--out", str(out), "--c", "1", "--decide-relations"]
    batch = ["--decide-named", "--groups", "batch", "--write", "--cue-report", "ner="]
    assert fitter.main([*args, *batch]) == 0
    printed = capsys.readouterr().out
    assert "cue ner=NORP: n " in printed  # (nineteenth session: --cue-report)
    assert "held out by batch at 0.350 (f1):" in printed
    line = printed.split("held out by batch at 0.350 (f1):")[1].split("\n")[0]
    assert len(line.split("|")[0].split()) == 2 and "| pooled " in line  # two batches, pooled
    assert 0.0 <= load_linear_model(out).threshold <= 1.0
    with pytest.raises(SystemExit):
        fitter.main([*args, "--groups", "batch", "--cv", "2"])


def test_the_fitting_script_reports_a_cues_residual_against_held_out_probabilities(
    fitter: ModuleType,
) -> None:
    """``--cue-report`` (nineteenth session): a cue's right rate beside the mean held-out
    probability of the candidates carrying it, and in how many batches the gap is positive or
    negative: a cue the model already weighs shows no gap, whatever its right rate."""
    cand = Candidate("x", ("bold=1",), False, frozenset(), False, None)
    rows = [
        (cand, fitter.Sample(["bold=1", "det=a"], k % 2 == 0, f"b{k // 10}")) for k in range(20)
    ]
    probs = [0.25] * 20
    lines = fitter.report_cues(rows, probs, ["bold="])
    assert lines == ["cue bold=1: n 20 right 0.500 held-out p 0.250 residual +0.250 batches +2/-0"]


def test_the_fitting_script_can_count_the_relations_a_kept_name_brings(
    fitter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--count-relations`` (eighteenth session): a dropped name takes its relations with it at
    read time, so the micro F1 a threshold is chosen by scores, for each set of kept names, the
    rules' relations whose ends are kept — not the base predictions' fixed relation counts."""
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    scorer = fitter.load_scorer()
    (row,) = fitter.read_gold(_write(tmp_path / "gold.jsonl", _gold_rows()[:1]), scorer)

    def cand(name: str) -> Candidate:
        return Candidate(name, (), True, frozenset({"relation"}), False, None)

    ada, london, paris = cand("Ada Lovelace"), cand("London"), cand("Paris")
    rel = {"subject": "Ada Lovelace", "object": "London", "negated": False}
    wrong = {"subject": "Ada Lovelace", "object": "Paris", "negated": False}
    monkeypatch.setitem(fitter.FOUND, row["id"], [ada, london, paris])
    monkeypatch.setitem(
        fitter.RELATIONS,
        row["id"],
        [
            ({**rel, "predicate": "lived_in"}, ("Ada Lovelace", "London")),
            ({**wrong, "predicate": "visited"}, ("Ada Lovelace", "Paris")),
            ({**rel, "predicate": "born_in"}, ("Ada Lovelace", None)),  # an attribute's value
        ],
    )
    monkeypatch.setitem(fitter.OTHER_COUNTS, row["id"], fitter.Counter())
    every = fitter.relation_counts(scorer, row, [ada, london, paris])
    assert (every["tp_p"], every["fp"], every["fn"]) == (1, 2, 0)
    without_paris = fitter.relation_counts(scorer, row, [ada, london])
    assert (without_paris["tp_p"], without_paris["fp"]) == (1, 1)
    without_london = fitter.relation_counts(scorer, row, [ada, paris])
    assert (without_london["tp_p"], without_london["fn"]) == (0, 1)
    # the micro F1 now moves with the kept names (entities and relations together)
    micro = fitter.entity_f1(scorer, [row], {row["id"]: [ada, london]})["micro"]
    assert micro > fitter.entity_f1(scorer, [row], {row["id"]: [ada, paris]})["micro"]


def test_the_adjective_a_gloss_opens_with_stays_as_the_object_of_its_quality(
    spacy_x: SpacyExtractor,
) -> None:
    """The entity model never saw a gloss's opening adjective as evidence and scores it low;
    the ``list.quality`` reading keeps its node, and with it the fact."""
    text = (
        "Vertebrates fall into classes.\n\n## Classes\n\n"
        "- **Fish** — cold-blooded, live in water and breathe through gills.\n"
    )
    refuse = LinearModel(
        "entities", bias=-5.0, weights={}, threshold=0.5, meta={"decided_with": ["relation"]}
    )
    with use_entity_model(refuse):
        ex = spacy_x.extract(text)
    quality = [
        r
        for r in ex.items
        if isinstance(r, Relation) and r.predicate == "is" and r.object in ex.entities
    ]
    assert [ex.entities[r.object].name for r in quality] == ["cold-blooded"], quality


def test_the_anchoring_constructions_name_the_gloss_readers_own() -> None:
    # entity_choice spells the construction out (importing glosses would close an import cycle
    # through items); a rename in glosses must not leave the adjective nodes dropped again
    assert QUALITY in ANCHORING


@pytest.mark.parametrize(
    "text",
    [
        "**Background:** The treaty was signed in Paris.\n\n**Overview:** Kenya is a country in"
        " East Africa.\n\n**Step 1:** Open the Settings app on your iPhone.\n\n**Step 2:** Tap"
        " General.",
        "Paella's Process: Step 1: Soaking and Seasoning Basics\nStep 2: Browning the Chicken\n"
        "Step 3: Adding the Rice",
    ],
)
def test_a_label_of_a_part_of_the_answer_is_no_node(text: str) -> None:
    """ "**Background:**", "Step 1": NER and the key readers make such labels names; no item
    refers to them, and written capitalised none of devtrain's nine was a gold entity."""
    names = {e.name for e in SpacyExtractor().extract(text).entities.values()}
    assert not names & {"Background", "Overview", "Step 1", "Step 2"}, names


def test_text_cues_read_the_answers_markdown_and_prompt() -> None:
    """The decision sees the layout: a name in bold or italics, a heading, a table cell, a list
    item's head or a glossary term; named in the prompt; how often it and its head recur; which
    document reader named it (``=eq``: the run is the name, ``=in``: the name is inside one)."""
    source = (
        "## The Eurasian Eagle-owl\n\nThe **Eurasian eagle-owl** is a large owl of *Bubo bubo* "
        "kind.\n\n- **Diet:** small mammals\n- Habitat — rocky cliffs\n\n"
        "| Region | Status |\n|---|---|\n| Europe | common |\n"
    )
    text = TextCues(source, "Tell me about the eagle-owl", {"europe": {"table.cell"}})
    owl = text.cues("eurasian eagle-owl", "Eurasian eagle-owl")
    assert {"txt_bold=eq", "txt_heading=in", "txt_count=2"} <= set(owl), owl
    assert "txt_prompt=1" in text.cues("eagle-owl", "eagle-owl")
    assert "txt_em=eq" in text.cues("bubo bubo", "Bubo bubo")
    diet = set(text.cues("diet", "Diet"))
    assert {"txt_bold=eq", "txt_item_head=eq", "txt_gloss=eq"} <= diet, diet
    assert "txt_gloss=eq" in text.cues("habitat", "Habitat")
    europe = set(text.cues("europe", "Europe"))
    assert {"txt_cell=eq", "fact=table.cell", "fact_kind=table"} <= europe, europe
    assert not any(c.startswith("txt_bold") for c in text.cues("owl", "owl") if "=eq" in c)
    assert text.cues("-", "-") == []


def test_the_decision_gets_the_answers_markdown(spacy_x: SpacyExtractor) -> None:
    """``State.source`` and ``State.prompt`` reach the cues (``read_answer`` sets them), for the
    names no item refers to."""
    answer = "Owls hunt at night. The **Eurasian eagle-owl** is one of the largest owls."
    with collect_candidates(chunks=True) as found:
        spacy_x.extract(answer, prompt="Tell me about the Eurasian eagle-owl")
    cued = {c.name: set(c.features) for c in found if not c.referred}
    assert any({"txt_bold=eq", "txt_prompt=1"} <= f for f in cued.values()), cued
    text = TextCues(answer, "", {})
    plain, related = (
        features("owls", Evidence(), label="", proper=False, etype="CONCEPT", made=True,
                 referred=frozenset(kinds), topic=False, text=(text, "owls"))
        for kinds in ((), ("relation",))
    )  # fmt: skip
    assert "txt_count=2" in plain, plain
    assert not any(f.startswith("txt_") for f in related), related


def test_the_cue_script_fits_only_the_text_cues_over_the_shipped_logit() -> None:
    """``benchmarks/fit_entity_cues.py``: the shipped weights stay; a text cue that is right more
    often than the shipped logit says gets a positive weight, one wrong more often a negative."""
    script = benchmark_script("fit_entity_cues")
    rows: list[tuple[tuple[str, ...], float, bool]]
    rows = [(("txt_bold=eq", "head=owl"), 0.0, i % 10 != 0) for i in range(200)]
    rows += [(("txt_gloss=eq", "head=owl"), 0.0, i % 10 == 0) for i in range(200)]
    rows += [(("head=owl",), 0.0, i % 2 == 0) for i in range(200)]
    weights, _ = script.fit_offset(rows, 1.0)
    assert weights["txt_bold=eq"] > 1.0 and weights["txt_gloss=eq"] < -1.0, weights
    assert "head=owl" not in weights
    base = LinearModel("entities", -0.5, {"head=owl": 0.3}, 0.325, {"chunks": True})
    model = script.with_cues(base, weights, 0.1, 0.325, {"text_cues": "test"})
    assert model.weights["head=owl"] == 0.3 and model.bias == -0.4 and model.meta["chunks"]


def test_the_shipped_model_weighs_the_answers_layout() -> None:
    """Thirty-second session: the shipped weights plus the text cues' weights
    (``benchmarks/fit_entity_cues.py`` on the 669 development answers): a name the answer writes
    in bold is kept more readily, a glossary key ("**Diet:**") less."""
    model = load_linear_model(
        ROOT / "src" / "grapheme_distill" / "extractors" / "models" / "entities.json"
    )
    assert "(669 answers" in str(model.meta.get("text_cues"))
    assert model.weights["txt_bold=eq"] > 1.0 and model.weights["txt_gloss=eq"] < -1.0


def test_the_cue_script_refits_from_the_shipped_model_less_its_cue_weights() -> None:
    """A refit's offset is the shipped logit without the last fit's cue weights: left in, the fit
    learned a correction to them and then replaced them with it (thirty-third session)."""
    script = benchmark_script("fit_entity_cues")
    shipped = LinearModel("entities", -0.5, {"head=owl": 0.3, "txt_bold=eq": 1.6}, 0.325, {})
    base = script.without_cues(shipped)
    assert base.weights == {"head=owl": 0.3} and base.bias == -0.5 and base.threshold == 0.325


def test_a_name_s_cues_say_how_common_its_words_are_in_english() -> None:
    """Thirty-sixth session: the head word's identity remembers the batches it was fitted on;
    its frequency in English at large (``word_frequency``) is a cue that carries to new writers."""
    common = _features_of("process", proper=False, etype="CONCEPT")
    rare = _features_of("radioactivity", proper=False, etype="CONCEPT")
    assert "zf_head=5" in common, common
    assert "zf_head=2" in rare, rare
    assert sum(f.startswith("zf_") for f in rare) == 3


def test_the_cue_script_fits_the_frequency_cues_over_the_whole_shipped_model() -> None:
    """Thirty-sixth session: ``--cues frequency`` fits only the ``zf_`` cues; the text cue
    weights are part of the offset and stay in the model."""
    script = benchmark_script("fit_entity_cues")
    prefixes = script.CUES["frequency"]
    rows: list[tuple[tuple[str, ...], float, bool]]
    rows = [(("zf_head=2", "txt_bold=eq"), 0.0, i % 10 != 0) for i in range(200)]
    rows += [(("zf_head=6", "txt_bold=eq"), 0.0, i % 10 == 0) for i in range(200)]
    weights, _ = script.fit_offset(rows, 1.0, prefixes)
    assert set(weights) == {"zf_head=2", "zf_head=6"}, weights
    assert weights["zf_head=2"] > 1.0 > -1.0 > weights["zf_head=6"]
    shipped = LinearModel("entities", -0.5, {"txt_bold=eq": 1.6, "zf_head=2": 0.4}, 0.325, {})
    assert script.without_cues(shipped, prefixes).weights == {"txt_bold=eq": 1.6}


def test_the_cue_script_adds_the_frequency_cues_to_a_read_made_before_them() -> None:
    """Thirty-seventh session: a cached read from before the cues still fits them (they depend
    on the name alone); a read that has them keeps its own."""
    script = benchmark_script("fit_entity_cues")
    old = SimpleNamespace(name="radioactivity", features=("head=radioactivity",))
    assert script._with_frequency(old) == (
        "head=radioactivity",
        "zf_head=2",
        "zf_name=2",
        "zf_min=2",
    )
    new = SimpleNamespace(name="radioactivity", features=("zf_head=2",))
    assert script._with_frequency(new) == ("zf_head=2",)


def test_the_shipped_model_weighs_how_common_a_names_words_are() -> None:
    """Thirty-seventh session (review): the shipped weights plus the word-frequency cues'
    (``benchmarks/fit_entity_cues.py --cues frequency`` on the 770 development answers): a name
    of rare words (Zipf class 3) is kept more readily than one of very common words (class 6)."""
    model = load_linear_model(
        ROOT / "src" / "grapheme_distill" / "extractors" / "models" / "entities.json"
    )
    assert "(770 answers" in str(model.meta.get("frequency_cues"))
    assert sum(k.startswith("zf_") for k in model.weights) == 20
    assert model.weights["zf_name=3"] > 0 > model.weights["zf_name=6"]
