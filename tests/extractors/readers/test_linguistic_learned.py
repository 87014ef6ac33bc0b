"""The learned keep/drop decision over linguistic items (readers.linguistic_learned)."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.linguistic import read_linguistic
from grapheme_distill.extractors.readers.linguistic_learned import (
    candidates,
    use_linguistic_model,
)

ANSWER = (
    "The World Health Organization (WHO) coordinates health work.\n\n"
    "Key terms:\n- **Vaccine** — a preparation that trains the immune system\n"
)


def _read(model: LinearModel | None) -> list[tuple[str, str, float | None]]:
    ctx = ReadContext.of(parse_document(ANSWER), "")
    with use_linguistic_model(model):
        return [(f.construction, f.value, f.model_p) for f in read_linguistic(ctx)]


def test_no_model_keeps_the_rules_items_unchanged() -> None:
    items = _read(None)
    assert ("abbrev.paren", "WHO", None) in items
    assert any(c == "gloss.definition" for c, _, _ in items)


def test_a_model_drops_what_it_rates_under_its_threshold_and_marks_what_it_keeps() -> None:
    model = LinearModel("linguistic", bias=0.0, weights={"k=definition": -5.0}, threshold=0.5)
    items = _read(model)
    assert [c for c, _, _ in items] == ["abbrev.paren"]
    assert items[0][2] == 0.5  # sigmoid(0): the kept item carries its probability


def test_features_name_the_construction_block_and_term_shape() -> None:
    ctx = ReadContext.of(parse_document(ANSWER), "")
    with use_linguistic_model(None):
        facts = list(read_linguistic(ctx))
    feats = {f.construction: set(fs) for f, fs in candidates(ctx, facts)}
    assert {"c=abbrev.paren", "v.acronym", "role=paragraph"} <= feats["abbrev.paren"]
    assert {"cue=True", "t.emphasis", "v.relative"} <= feats["gloss.definition"]
