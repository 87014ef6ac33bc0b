"""Hierarchy as a learned decision over broad candidate edges (issue 11, sixth session).

Why.  The hand rules of :mod:`.hierarchy`, :mod:`.hierarchy_sections` and :mod:`.hierarchy_prose`
read the development answers well (F1 0.74) and answers nobody had read badly (0.39, recall
0.28): each rule encodes one layout, and an unseen answer lays its structure out in another.  So
this module proposes *many* edges — every list item against its lead-in, heading, the headings
above, the item it hangs from, the prompt and the topic; every table row against its table's
subject; every sub-heading against the heading above it; and every edge a rule reads — and a
logistic model (:mod:`grapheme_distill.extractors.learned`, fitted by
``benchmarks/fit_hierarchy_reader.py`` on the development answers) keeps those that look like
the gold.  Each candidate is described by general features: where its parent was read
(``src=…``), which rule proposed it (``rule=…``), the kind the lead-in, heading or prompt names,
the shapes of the child and parent (capitalised, words, digits, bold, role), the list's shape
(nested, numbered, how many items), and the lead-in's and heading's last word.

More sources (:mod:`.hierarchy_cues`, seventh session: a parent's core, "Both are X", "the
same genus, X", "NP including A", table cells "X: a, b", comparison-table columns) lifted the
share of gold edges some candidate reaches from 0.52 to 0.59 on the 138 development answers.

The shipped model keeps every rule edge (``keep_rules`` in its file): a model that decided every
edge read the validation answers worse than the rules, so it only *adds* the broad edges it trusts
(p >= its threshold), and keeps the sources its file names in ``keep_sources`` like rule edges
(18 of their 28 pairs on the development answers are gold).  Since the thirty-fourth session the
model is fitted on all 710 dev answers of 33 annotation batches, at threshold 0.7, judged with
one batch held out at a time (docs/benchmarks.md), and "Both are X" (``src=both``) is no longer
kept like a rule edge but left to the model (devtrain 11 right and 0 wrong, the later batches 2
and 14); an edge it alone adds must also stand beside the rules' edges
(:func:`_beside_the_rules`).
Without a model (none ships, or ``GRAPHEME_DISTILL_HIERARCHY_MODEL=rules``) the rules' edges are
read as they were.  Each edge's probability travels as the fact's ``model_p`` (kept on the item;
not a calibration feature, see :mod:`..confidence`).

The candidates and their features are proposed by :mod:`.hierarchy_proposals`; this module is
the decision (which model, which edges it keeps).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from grapheme_distill.extractors.learned import LinearModel, load_linear_model, shipped_model
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact
from grapheme_distill.extractors.readers.hierarchy_names import plausible_edge
from grapheme_distill.extractors.readers.hierarchy_proposals import (
    EdgeCandidate,
    edge_candidates,
    kind_of,
)
from grapheme_distill.extractors.readers.list_parents import active_parent_model
from grapheme_distill.extractors.readers.phrases import names_kind

__all__ = ["EdgeCandidate", "edge_candidates", "kind_of", "read_hierarchy", "use_hierarchy_model"]

MODEL_NAME = "hierarchy"

_CHOSEN: ContextVar[tuple[LinearModel | None] | None] = ContextVar("hierarchy_model", default=None)
_load = functools.cache(load_linear_model)


@contextmanager
def use_hierarchy_model(model: LinearModel | None) -> Iterator[None]:
    """Read with ``model`` (None: the hand rules alone) instead of the shipped one in this
    context, as ``use_entity_model`` and ``use_relation_model`` do for their readers: the fitting
    script scores a fold's model on the answers it held out."""
    token = _CHOSEN.set((model,))
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def _model() -> LinearModel | None:
    """The model of :func:`use_hierarchy_model`, else ``GRAPHEME_DISTILL_HIERARCHY_MODEL`` (a
    model file, or ``rules`` for the hand rules alone: an A/B run of the CLI), else the shipped."""
    chosen = _CHOSEN.get()
    if chosen is not None:
        return chosen[0]
    where = os.environ.get("GRAPHEME_DISTILL_HIERARCHY_MODEL", "")
    if where:
        return None if where == "rules" else _load(where)
    return shipped_model(MODEL_NAME)


# a classification's rank chain is kept as a rule (dev75 holds one classification, so the model
# learnt little of it; on val63 every chain edge kept was right: 0.428 -> 0.444).  Arrows ("A → B")
# are left to the model: they also write processes.  ``keep_chains`` false in a model's file lets
# the model judge chains (fitted on dev75 + val63, cross-validated: 0.444 -> 0.436)
_CHAINS = frozenset({"src=rank_chain"})


def _named_whole(ctx: ReadContext, cand: EdgeCandidate) -> bool:
    """Whether a broad edge's whole is where the answer puts it.  The answer's first subject
    as the whole of a list further down ("A **gamelan** is …" over "The instruments fall into a
    few groups:") is right when the prompt names it too ("What instruments make up a Javanese
    gamelan?"); otherwise it was 2 pairs right of 20 on unseen answers."""
    if cand.construction != "first_subject":
        return True
    return cand.parent.text.lower() in ctx.prompt.lower()


def _beside_the_rules(cand: EdgeCandidate, ruled: set[tuple[str, str]]) -> bool:
    """Whether an edge the model alone proposes can stand beside the rules' edges.  Not when
    its whole only names the children's kind ("**Members:**", "**Main parts:**" over a nested
    list: :func:`.phrases.names_kind`, never a whole), nor when its part is the first words of a
    part the rules gave the same whole ("herring" beside "herring gulls" from "herring, lesser
    and common gulls").  Both came in with the model refitted on 565 answers (twenty-seventh
    session), which scores them .7-.8 though every such edge is wrong by the conventions."""
    if names_kind(cand.parent.text):
        return False
    parent, child = cand.parent.text.lower(), cand.child.text.lower() + " "
    return not any(p == parent and c.startswith(child) for p, c in ruled)


#: the wholes around a list that are not its lead-in's: the heading over it, the one above, the
#: section's subject the heading names, the prompt's whole, the answer's topic
_OUTER_SOURCES = frozenset(
    {
        "src=heading_any",
        "src=heading_np",
        "src=heading_title",
        "src=upper",
        "src=section",
        "src=prompt",
        "src=topic",
    }
)


def _under_a_lead_whole(cand: EdgeCandidate) -> bool:
    """Whether an edge the model alone proposes files a list item under a whole around the list
    while the list's own lead-in names another ("## Ethics" over "**Parts of a neuron**" over
    "Dendrites": Ethics is no whole of the dendrites; "What kinds of coffee drinks are there?"
    over "Common brewing methods include:" over "French press": the model gave "Coffee drinks >
    French press" .87).  A list item has one direct whole; the lead-in's is nearer, and the
    heading, the prompt's whole or the topic is at most a grandparent (so bc1654c left out the
    answer's first subject).  When the lead-in's whole is the same name, the pair is the
    lead-in's and is kept (its ``src=lead_np`` is among the sources).  Thirty-third session: no
    such edge on devtrain or the 22 gates (figures byte-identical), found on probes."""
    if "lead_whole" not in cand.features:
        return False
    sources = {f for f in cand.features if f.startswith("src=") and "&" not in f}
    return bool(sources) and sources <= _OUTER_SOURCES


def _plausible(fact: Fact) -> bool:
    return fact.object is None or plausible_edge(fact.subject.text, fact.object.text)


def read_hierarchy(
    ctx: ReadContext, rule_facts: Iterable[Fact], model: LinearModel | None = None
) -> Iterator[Fact]:
    """The rule facts that are no hierarchy, and the hierarchy edges the model keeps (the rules'
    own edges when no model ships).  An edge whose names cannot be a whole and its part
    (:func:`.hierarchy_names.plausible_edge`) is dropped whatever read it."""
    facts = list(rule_facts)
    model = model or _model()
    if model is None or active_parent_model() is not None:
        # no model, or the list-parent experiment of :mod:`.list_parents` decides lists
        yield from (f for f in facts if f.kind != "hierarchy" or _plausible(f))
        return
    yield from (f for f in facts if f.kind != "hierarchy")
    keep_rules = bool(model.meta.get("keep_rules", False))
    chains = _CHAINS if model.meta.get("keep_chains", True) else frozenset()
    # sources as sure as a rule ("Both are X", "the same genus, X", a table cell "X: a, b", a
    # highlighted key over its list "**The phases of mitosis** — …:"),
    # named in the model's file: kept like the rules' edges whatever the model says
    chains |= frozenset(f"src={s}" for s in model.meta.get("keep_sources", ()))
    by_rules = {
        (f.subject.text.lower(), f.object.text.lower())
        for f in facts
        if f.kind == "hierarchy" and f.object is not None
    }
    for cand in edge_candidates(ctx, facts):
        if not plausible_edge(cand.parent.text, cand.child.text):
            continue
        p = model.probability(cand.features)
        ruled = cand.rule is not None or not chains.isdisjoint(cand.features)
        if p < model.threshold and not (keep_rules and ruled):
            continue
        if cand.rule is not None:
            yield replace(cand.rule, model_p=round(p, 4))
        elif not ruled and not (
            _named_whole(ctx, cand)
            and _beside_the_rules(cand, by_rules)
            and not _under_a_lead_whole(cand)
        ):
            continue
        else:
            yield Fact(
                "hierarchy",
                f"learned.{cand.construction}.{cand.kind.value}",
                cand.span,
                cand.parent,
                cand.child,
                hierarchy=cand.kind,
                model_p=round(p, 4),
            )
