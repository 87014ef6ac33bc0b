"""The learned entity decision reads how a noun chunk sits in its sentence (issue 11, fourteenth
session): the chunk root's dependency and the word it hangs on, and its first word's tag."""

from __future__ import annotations

from pathlib import Path

from grapheme_distill.extractors.learned import load_linear_model
from grapheme_distill.extractors.spacy.clauses import Mention
from grapheme_distill.extractors.spacy.entity_choice import (
    Evidence,
    collect_candidates,
    features,
)
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _cues(text: str, name: str, spacy_x: SpacyExtractor) -> set[str]:
    with collect_candidates(chunks=True) as found:
        spacy_x.extract(text)
    return set(next(c for c in found if c.name == name).features)


def test_a_chunk_in_a_coordination_says_so(spacy_x: SpacyExtractor) -> None:
    cues = _cues("The soil holds clay, sand and organic matter.", "organic matter", spacy_x)
    assert "dep=conj" in cues and "dephead=conj|NOUN" in cues and "tag1=JJ" in cues


def test_a_superlative_chunk_says_so(spacy_x: SpacyExtractor) -> None:
    cues = _cues("It climbed the highest peak in two days.", "highest peak", spacy_x)
    assert "tag1=JJS" in cues and "dep=dobj" in cues and "dephead=dobj|VERB" in cues


def test_a_chunk_says_how_it_is_determined_and_which_preposition_governs_it(
    spacy_x: SpacyExtractor,
) -> None:
    """Fifteenth session: the determiner the chunk's name leaves out, and its preposition."""
    text = "Put the tank on a level stand and keep your receipts in a box of bacteria."
    assert {"det=the", "dep=dobj"} <= _cues(text, "tank", spacy_x)
    assert {"det=a", "prep=on"} <= _cues(text, "level stand", spacy_x)
    assert "det=poss" in _cues(text, "receipts", spacy_x)
    assert {"det=none", "prep=of"} <= _cues(text, "bacteria", spacy_x)


def test_a_name_no_chunk_read_has_no_syntax_cue() -> None:
    ev = Evidence()
    ev.add(Mention("Marie Curie", 0, 11, "PERSON", True), "fact")
    cues = features(
        "Marie Curie",
        ev,
        label="PERSON",
        proper=True,
        etype="PERSON",
        made=True,
        referred=frozenset(),
        topic=False,
    )
    assert not [c for c in cues if c.startswith(("dep=", "dephead=", "tag1=", "det=", "prep="))]


def test_the_syntax_of_a_chunk_is_no_part_of_its_mention_identity() -> None:
    """Two readings of one chunk are one mention (sets and folds compare mentions)."""
    a = Mention("sea salt", 3, 11, candidate=True, syntax="pobj/ADP/NN/none/of")
    assert a == Mention("sea salt", 3, 11, candidate=True) and hash(a) == hash(
        Mention("sea salt", 3, 11, candidate=True)
    )


def test_the_shipped_model_weighs_the_syntax_cues() -> None:
    """Fourteenth session: refitted with the cues; a superlative opener and a fragment read
    whole count against a name, as on the development answers."""
    root = Path(__file__).resolve().parents[3]
    model = load_linear_model(
        root / "src" / "grapheme_distill" / "extractors" / "models" / "entities.json"
    )
    assert model.weights["tag1=JJS"] < 0 and model.weights["dep=ROOT"] < 0
    assert model.weights["dep=conj"] > model.weights["dep=nsubj"]
    # fifteenth session: a bare class or mass noun is a node more often than the reader's own
    # thing ("your account") or one pointed back at ("this step")
    assert model.weights["det=none"] > max(model.weights["det=poss"], model.weights["det=dem"])
