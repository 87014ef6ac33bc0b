"""Which whole a list's items belong to: a small learned choice over general layout features.

A list under a lead-in or heading is often a hierarchy, but which list, and which of the names
around it is the whole, depends on the answer: "The band's members:" names the band, "## Types of
clouds" names clouds, "It flows through these countries:" names no whole at all, and a nested
list hangs from its parent item.  Hand rules fitted to the development answers chose well there
and badly on answers they had not seen (issue 11: dev hierarchy F1 0.75, blind 0.22).  So the
decision is made here by a logistic regression over *general* features of the document layer —
where each candidate whole comes from (lead-in noun phrase, lead-in title, heading, the prompt,
the section's subject, the answer's topic, the parent item), the cue class a lead-in or heading
names (part / member / kind / contains words, tip-or-step words, a verb with a preposition), the
list's shape (nesting, numbering, item roles, how long and how capitalised the item heads are)
and the candidate's shape — never the words of particular answers.  What stays rule
(:mod:`.hierarchy`) is precision-first and general: a list is a candidate only when something
names parts, kinds or members (a cue word in its lead-in, heading or prompt, a count), tips and
steps are no structure, and a key-value item is an attribute unless such a cue is there.

The model is fitted by ``benchmarks/fit_list_parents.py`` on the development set, with its
cross-validated score (folds by answer) beside the rules', and can ship as package data
(``readers/data/list_parents.json``): a weight per feature and a threshold, read here with the
standard library only (scikit-learn is needed to re-fit, never to read).

None ships now.  Fitted on the 75 older dev answers, the model read the 23 answers added after it
(a validation split nobody reads) at hierarchy F1 0.430 (P 0.575 / R 0.343), where the hand rules
read 0.453 (P 0.615 / R 0.358): its features are general, but 190 rows from 75 answers taught it
dev's layouts, not English.  So lists are read by the rules of :mod:`.hierarchy` unless a model is
set with :func:`use_parent_model` (how the fitting script scores one) or shipped again.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.facts import Name
from grapheme_distill.extractors.readers.phrases import kind_of, not_structure
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "Candidate",
    "ListChoice",
    "ListShape",
    "ParentModel",
    "active_parent_model",
    "features",
    "load_parent_model",
    "names_own_whole",
    "use_parent_model",
]

FORMAT = "grapheme-distill.list-parents.v1"


@dataclass
class Candidate:
    """A name that may be the whole of a list, and every place it was read from (``sources``:
    ``lead_np``, ``lead_title``, ``lead_key``, ``lead_common``, ``heading_np``, ``heading_title``,
    ``heading_group``, ``prompt``, ``section``, ``topic``, ``first_subject``)."""

    name: Name
    sources: set[str] = field(default_factory=set)


def names_own_whole(
    candidates: Iterable[Candidate], sources: frozenset[str] = frozenset({"lead_np", "heading_np"})
) -> bool:
    """Whether a list's lead-in (or heading, with the default ``sources``) names its own whole
    ("**Parts of a neuron**", "## Types of plate boundary", "The heart has four chambers:"), not
    a bare plural ("The instruments fall into a few groups:",
    :func:`.hierarchy_hearst.bare_plural`, which names the items' kind, not their whole).  A list
    item has one direct whole, so a list whose lead-in names one is filed under no other."""
    from grapheme_distill.extractors.readers.hierarchy_hearst import bare_plural

    return any(sources & c.sources and not bare_plural(c.name.text) for c in candidates)


@dataclass
class ListShape:
    """What introduces a list and what its items look like (shared by every item's choice)."""

    lead: str
    heading: str
    prompt: str
    parent_text: str  # the parent item's text, for a nested list
    nested: bool
    ordered: bool
    lead_verb: bool  # "The river passes through several cities:": a verb with a preposition
    lead_counted: bool  # "X has eight planets:"
    heads: Sequence[str | None]
    roles: Sequence[str]
    item_words: Sequence[int]
    emphasised: Sequence[bool]
    topic: str = ""
    cache: dict[str, float] | None = None


@dataclass
class ListChoice:
    """One item of a list with a head, and the candidate wholes it may belong to."""

    block: Block
    head: str
    kind: HierarchyKind
    shape: ListShape
    candidates: list[Candidate]


def _bucket(n: float, edges: Sequence[float]) -> str:
    return str(next((i for i, e in enumerate(edges) if n <= e), len(edges)))


def _kind(text: str) -> str:
    kind = kind_of(text) if text else None
    return kind.value if kind is not None else "none"


def _list_features(shape: ListShape) -> dict[str, float]:
    heads = [h for h in shape.heads if h]
    n = max(1, len(shape.heads))
    head_words = [len(h.split()) for h in heads] or [0]
    f: dict[str, float] = {
        "lead": float(bool(shape.lead)),
        "lead_colon": float(shape.lead.rstrip().endswith(":")),
        f"lead_words={_bucket(len(shape.lead.split()), (0, 2, 5, 10))}": 1.0,
        "heading": float(bool(shape.heading)),
        f"lead_kind={_kind(shape.lead)}": 1.0,
        f"heading_kind={_kind(shape.heading)}": 1.0,
        f"prompt_kind={_kind(shape.prompt)}": 1.0,
        f"parent_kind={_kind(shape.parent_text)}": 1.0,
        "lead_remarks": float(bool(shape.lead) and not_structure(shape.lead)),
        "heading_remarks": float(bool(shape.heading) and not_structure(shape.heading)),
        "lead_verb": float(shape.lead_verb),
        "lead_counted": float(shape.lead_counted),
        "nested": float(shape.nested),
        "ordered": float(shape.ordered),
        f"items={_bucket(len(shape.heads), (2, 4, 8))}": 1.0,
        "frac_head": len(heads) / n,
        "frac_key_value": sum(r == "key_value" for r in shape.roles) / n,
        "frac_glossary": sum(r == "glossary" for r in shape.roles) / n,
        "frac_bold": sum(shape.emphasised) / n,
        "frac_cap_heads": sum(h[:1].isupper() for h in heads) / n,
        "frac_long_items": sum(w > 12 for w in shape.item_words) / n,
        f"mean_head_words={_bucket(sum(head_words) / len(head_words), (1.5, 3, 5))}": 1.0,
    }
    context = (
        "nested"
        if shape.nested
        else "lead_kind"
        if kind_of(shape.lead)
        else "lead"
        if shape.lead
        else "heading_kind"
        if kind_of(shape.heading)
        else "heading"
        if shape.heading
        else "bare"
    )
    f[f"context={context}"] = 1.0
    return f


def features(choice: ListChoice, candidate: Candidate) -> dict[str, float]:
    """The sparse features of "``choice.head`` belongs to ``candidate``" (names only as shapes)."""
    shape = choice.shape
    if shape.cache is None:  # the list's features: once per list, not per item and candidate
        shape.cache = _list_features(shape)
    f = dict(shape.cache)
    head = choice.head
    f[f"role={choice.block.role}"] = 1.0
    f[f"head_words={_bucket(len(head.split()), (1, 2, 3, 5))}"] = 1.0
    f["head_cap"] = float(head[:1].isupper())
    f["head_digit"] = float(bool(re.search(r"\d", head)))
    f[f"item_words={_bucket(len(choice.block.text.split()), (2, 5, 12, 25))}"] = 1.0
    # "supervises banks", "Build a base", "Go to the settings": an item that says what to do or
    # what the whole does is no part of it
    f["head_verbish"] = float(bool(re.match(r"[a-z]+(?:s|ed|ing)\s", head)))
    f["head_inner_article"] = float(
        bool(re.search(r"\s(?:a|an|the|your|my|to)\s", head)) and not head.istitle()
    )
    name = candidate.name.text
    f[f"cand_words={_bucket(len(name.split()), (1, 2, 4))}"] = 1.0
    f["cand_cap"] = float(name[:1].isupper())
    f["cand_kind_word"] = float(kind_of(name) is not None)
    f["cand_is_topic"] = float(bool(shape.topic) and name.lower() == shape.topic.lower())
    f["cand_in_prompt"] = float(bool(shape.prompt) and name.lower() in shape.prompt.lower())
    f["cand_in_lead"] = float(bool(shape.lead) and name.lower() in shape.lead.lower())
    f["cand_sources"] = min(len(candidate.sources), 4) / 4
    context = next(k.split("=", 1)[1] for k in f if k.startswith("context="))
    f[f"role={choice.block.role}&{context}"] = 1.0
    for source in candidate.sources:
        f[f"src={source}"] = 1.0
        f[f"src={source}&{context}"] = 1.0
    return f


@dataclass(frozen=True)
class ParentModel:
    """A logistic regression over :func:`features`: ``weights`` per feature name, ``bias``, and
    the probability ``threshold`` an item's best candidate must reach to become its parent."""

    weights: Mapping[str, float]
    bias: float = 0.0
    threshold: float = 0.5

    def probability(self, feats: Mapping[str, float]) -> float:
        # fsum: exact, so the order of ``feats`` (built from a set) cannot change the rounding
        z = self.bias + math.fsum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, choice: ListChoice) -> tuple[Candidate, float] | None:
        """The candidate whole the item most likely belongs to, if it reaches the threshold."""
        best: tuple[Candidate, float] | None = None
        for candidate in choice.candidates:
            p = self.probability(features(choice, candidate))
            if best is None or p > best[1]:
                best = (candidate, p)
        return best if best is not None and best[1] >= self.threshold else None

    def to_dict(self, **meta: Any) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
            **meta,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "list_parents.json") -> ParentModel:
        if data.get("format") != FORMAT:
            raise ConfigError(f"{where}: format {data.get('format')!r} is not {FORMAT!r}")
        try:
            weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
            return cls(weights, float(data["bias"]), float(data["threshold"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: bad model ({exc})") from exc


_ACTIVE: list[ParentModel | None] = []


@contextmanager
def use_parent_model(model: ParentModel | None) -> Iterator[None]:
    """Read lists with ``model`` (None: the hand rules) inside the block — how the fitting script
    scores a fold's model on the answers it was not fitted on."""
    _ACTIVE.append(model)
    try:
        yield
    finally:
        _ACTIVE.pop()


def active_parent_model() -> ParentModel | None:
    """The model lists are read with: the one :func:`use_parent_model` set, else the shipped."""
    return _ACTIVE[-1] if _ACTIVE else load_parent_model()


@cache
def load_parent_model() -> ParentModel | None:
    """The shipped model (``readers/data/list_parents.json``), or None when none ships."""
    resource = files("grapheme_distill.extractors.readers").joinpath("data", "list_parents.json")
    if not resource.is_file():
        return None
    return ParentModel.from_dict(json.loads(resource.read_text(encoding="utf-8")))
