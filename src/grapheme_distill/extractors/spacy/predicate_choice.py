"""The predicate chooser: the last step of the spaCy extractor, naming each finished relation the
way the annotation conventions name it.

Why a step of its own.  A relation is counted only when its predicate is equivalent to the gold
one; on the development answers about 40 % of the pairs of names the readers relate rightly were
lost for their predicate alone ("Kingdom taxon Animalia" for "Animalia rank kingdom",
"typical_wavelength" for "wavelength").  Which name the conventions use depends on things only the
finished relation knows at once: both entity types (after the vote over all mentions), the reader
that made it (its construction) and the words around it.  So the chooser runs after every reader
and after the learned relation decision; it never adds or drops a pair of names — it renames the
predicate (turning the pair round when the new name says it the other way), the surface form kept
as the ``source_predicate`` qualifier.

Two layers.  First the conventions written as rules
(:func:`~grapheme_distill.extractors.predicates.conventional_predicate`).  Then, when a model
ships as ``extractors/models/predicates.json`` (fitted by ``benchmarks/fit_predicate_chooser.py``),
a linear model scores each predicate of its vocabulary for the relation, and keeping the current
one (``@keep``); the relation is renamed only when a vocabulary predicate is more probable than
keeping it and clears the model's threshold.  Its features are the predicate's words, the entity
types, the construction, the voice and the common words of the relation's span — never a name.

With a relation vocabulary (schema-constrained benchmarks such as WebNLG) the chooser stays off:
the ontology's labels are chosen by :mod:`grapheme_distill.extractors.vocab`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.learned import LinearModel, shipped_model
from grapheme_distill.extractors.predicates import conventional_predicate
from grapheme_distill.model.knowledge import Entity, Relation

__all__ = [
    "KEEP",
    "MODEL_NAME",
    "candidate_features",
    "choose_predicates",
    "relation_features",
    "use_predicate_model",
]

MODEL_NAME = "predicates"
KEEP = "@keep"  # the model's name for "leave the predicate as it is"

_MODEL: ContextVar[tuple[LinearModel | None, bool] | None] = ContextVar(
    "predicate_model", default=None
)
_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]+")
_MAX_WORDS = 12


@contextmanager
def use_predicate_model(model: LinearModel | None, *, rules: bool = True) -> Iterator[None]:
    """Choose with ``model`` instead of the shipped one (None: the rules alone; ``rules=False``
    too: the chooser off, the readers' own predicates); for fitting and measuring."""
    token = _MODEL.set((model, rules))
    try:
        yield
    finally:
        _MODEL.reset(token)


def _setting() -> tuple[LinearModel | None, bool]:
    chosen = _MODEL.get()
    return (shipped_model(MODEL_NAME), True) if chosen is None else chosen


def _type(entity: Entity | None) -> str:
    if entity is None:
        return "NONE"
    return str(entity.type.value if hasattr(entity.type, "value") else entity.type)


def relation_features(
    rel: Relation, out: Extraction, text: str, construction: str = ""
) -> tuple[str, ...]:
    """What the chooser knows of one relation: its predicate's words, the entity types, the
    reader that made it and the common (lower-case) words of its span that are not its names."""
    subject, obj = out.entities.get(rel.subject), out.entities.get(rel.object)
    raw = rel.qualifiers.get("source_predicate", rel.predicate)
    words = raw.split("_")
    st, ot = _type(subject), _type(obj)
    feats = [
        f"pred={rel.predicate}",
        f"raw={raw}",
        f"head={words[0]}",
        f"last={words[-1]}",
        f"len={min(len(words), 4)}",
        f"st={st}",
        f"ot={ot}",
        f"types={st}>{ot}",
        f"cons={construction}",
        f"voice={rel.qualifiers.get('voice', '')}",
        f"head={words[0]}&ot={ot}",
        f"last={words[-1]}&ot={ot}",
        f"pred={rel.predicate}&ot={ot}",
    ]
    if rel.negated:
        feats.append("negated")
    if obj is not None and obj.name[:1].islower():
        feats.append("object_common")
    names = {w for e in (subject, obj) if e is not None for w in _WORD.findall(e.name.lower())}
    if text and rel.span is not None:
        a, b = rel.span
        seen = [w for w in _WORD.findall(text[a:b]) if w not in names]
        feats.extend(f"w={w}" for w in dict.fromkeys(seen[:_MAX_WORDS]))
    return tuple(feats)


def candidate_features(candidate: str, features: tuple[str, ...], current: str) -> list[str]:
    """The model's features for one candidate predicate: each relation feature joined to it."""
    out = [f"c={candidate}"] + [f"c={candidate}|{f}" for f in features]
    if candidate == current:
        out.append("c=same")
    return out


def _choose(
    model: LinearModel, features: tuple[str, ...], current: str
) -> tuple[str, float] | None:
    """The vocabulary predicate the model prefers to keeping ``current``, with its probability."""
    vocabulary = [str(c) for c in model.meta.get("candidates", ())]
    keep = model.probability(candidate_features(KEEP, features, current))
    best, best_p = None, keep
    for cand in vocabulary:
        if cand == current:
            continue
        p = model.probability(candidate_features(cand, features, current))
        if p > best_p:
            best, best_p = cand, p
    if best is None or best_p < model.threshold:
        return None
    return best, best_p


def choose_predicates(out: Extraction, text: str = "") -> None:
    """Rename the predicate of every relation in ``out`` the conventions (rules, then the
    shipped model) name otherwise; signals follow the renamed item, duplicates merge."""
    model, rules = _setting()
    if not rules and model is None:
        return
    for index, item in enumerate(out.items):
        if not isinstance(item, Relation):
            continue
        subject, obj = out.entities.get(item.subject), out.entities.get(item.object)
        if subject is None or obj is None:
            continue
        signals = out.item_signals.get(item.id, {})
        construction = str(signals.get("construction", ""))
        how = "rule"
        chosen = (
            conventional_predicate(
                item.predicate,
                subject_type=subject.type,
                object_type=obj.type,
                subject_text=subject.name,
                object_text=obj.name,
            )
            if rules
            else None
        )
        if chosen is None and model is not None:
            picked = _choose(
                model, relation_features(item, out, text, construction), item.predicate
            )
            chosen = (picked[0], False) if picked is not None else None
            how = "model"
        if chosen is None or chosen == (item.predicate, False):
            continue
        predicate, swap = chosen
        qualifiers = {
            **item.qualifiers,
            "source_predicate": item.qualifiers.get("source_predicate", item.predicate),
            "predicate_choice": how,
        }
        if swap:
            qualifiers["canonical_swap"] = "true"
        renamed = Relation(
            subject=item.object if swap else item.subject,
            predicate=predicate,
            object=item.subject if swap else item.object,
            negated=item.negated,
            confidence=item.confidence,
            span=item.span,
            qualifiers=qualifiers,
        )
        out.items[index] = renamed
        moved = out.item_signals.pop(item.id, None)
        if moved is not None:
            out.item_signals.setdefault(renamed.id, moved)
    _merge_duplicates(out)


def _merge_duplicates(out: Extraction) -> None:
    """One item per id: a rename can make two relations one (the more confident one stays)."""
    best: dict[str, Relation] = {}
    for item in out.items:
        if isinstance(item, Relation):
            old = best.get(item.id)
            if old is None or old.confidence < item.confidence:
                best[item.id] = item
    kept: set[str] = set()
    items = []
    for item in out.items:
        if isinstance(item, Relation):
            if item.id in kept or best[item.id] is not item:
                continue
            kept.add(item.id)
        items.append(item)
    out.items[:] = items
