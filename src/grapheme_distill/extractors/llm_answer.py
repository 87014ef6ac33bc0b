"""Reading a teacher's JSON answer into items: the shape the ``llm`` extractor asks for, and
the rules that turn an answer of that shape into entities, relations, attributes, hierarchy,
linguistic items and procedures.

Why a module of its own: the rules are shared by two readers — the ``llm`` extractor
(:mod:`grapheme_distill.extractors.llm`, which asks a teacher about a text) and the crawl's
:class:`~grapheme_distill.crawl.reader.AnswerReader` (handed answers that already are the JSON,
never asking) — and they are a different job from asking: this module knows nothing of teachers,
requests or event loops.

The rules: strict JSON when possible, ``json_repair`` otherwise
(:func:`~grapheme_distill.extractors.parsing.parse_json`); items validated one by one against the
lenient models below, so one malformed relation costs that relation, not the answer; endpoints
resolved against the listed entities by normalised equality, else a close ``rapidfuzz`` match
(confidence x0.95), else — when the name is written in the text itself — as an entity of its own
(signal ``endpoints_from_text``, confidence x0.9), else dropped.  Every drop is an
:class:`~grapheme_distill.extractors.base.ExtractionFailure` with its reason and the raw text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz, process

from grapheme_distill.errors import ParseError
from grapheme_distill.extractors.base import Extraction, ExtractionFailure
from grapheme_distill.extractors.parsing import parse_json
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)

__all__ = [
    "AnswerReading",
    "LLMAttribute",
    "LLMEntity",
    "LLMHierarchy",
    "LLMLinguistic",
    "LLMOutput",
    "LLMProcedure",
    "LLMRelation",
    "response_format",
]

_FUZZY_ENDPOINT = 90.0
_REPAIR_FACTOR = 0.9
_FUZZY_FACTOR = 0.95
_GROUNDED_FACTOR = 0.9  # an endpoint missing from "entities" but written in the text
_RAW_KEEP = 2000  # characters of raw text kept per failure record
_MAX_NAME = 300  # an entity or predicate longer than this is not a name but a runaway answer


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)


class LLMEntity(_Lenient):
    name: str = Field(min_length=1, max_length=_MAX_NAME)
    type: str = "CONCEPT"
    aliases: list[str] = Field(default_factory=list)


class LLMRelation(_Lenient):
    subject: str = Field(min_length=1, max_length=_MAX_NAME)
    predicate: str = Field(min_length=1, max_length=_MAX_NAME)
    object: str = Field(min_length=1, max_length=_MAX_NAME)
    negated: bool = False
    confidence: float | None = None


class LLMAttribute(_Lenient):
    entity: str = Field(min_length=1)
    name: str = Field(min_length=1)
    value: str = Field(min_length=1)
    confidence: float | None = None


class LLMHierarchy(_Lenient):
    parent: str = Field(min_length=1)
    child: str = Field(min_length=1)
    relation: Literal["part_of", "member_of", "subclass_of", "contains"] = "part_of"
    confidence: float | None = None


class LLMLinguistic(_Lenient):
    term: str = Field(min_length=1)
    kind: Literal["alias", "abbreviation", "synonym", "definition"]
    value: str = Field(min_length=1)
    confidence: float | None = None


class LLMProcedure(_Lenient):
    goal: str = Field(min_length=1)
    steps: list[str] = Field(min_length=1)
    confidence: float | None = None


class LLMOutput(BaseModel):
    """The JSON the teacher is asked for (its JSON Schema goes into ``response_format``)."""

    entities: list[LLMEntity] = Field(default_factory=list)
    relations: list[LLMRelation] = Field(default_factory=list)
    attributes: list[LLMAttribute] = Field(default_factory=list)
    hierarchy: list[LLMHierarchy] = Field(default_factory=list)
    linguistic: list[LLMLinguistic] = Field(default_factory=list)
    procedures: list[LLMProcedure] = Field(default_factory=list)


_SECTIONS: dict[str, type[_Lenient]] = {
    "entities": LLMEntity,
    "relations": LLMRelation,
    "attributes": LLMAttribute,
    "hierarchy": LLMHierarchy,
    "linguistic": LLMLinguistic,
    "procedures": LLMProcedure,
}
SECTION_TYPE = {
    "relations": KnowledgeType.RELATIONAL,
    "attributes": KnowledgeType.FACTUAL,
    "hierarchy": KnowledgeType.STRUCTURAL,
    "linguistic": KnowledgeType.LINGUISTIC,
    "procedures": KnowledgeType.PROCEDURAL,
}
_TYPE_ALIASES = {
    "PER": EntityType.PERSON,
    "PERSON": EntityType.PERSON,
    "PEOPLE": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "ORGANISATION": EntityType.ORGANIZATION,
    "ORGANIZATION": EntityType.ORGANIZATION,
    "COMPANY": EntityType.ORGANIZATION,
    "LOC": EntityType.LOCATION,
    "GPE": EntityType.LOCATION,
    "PLACE": EntityType.LOCATION,
    "LOCATION": EntityType.LOCATION,
    "COUNTRY": EntityType.LOCATION,
    "CITY": EntityType.LOCATION,
    "DATE": EntityType.DATETIME,
    "TIME": EntityType.DATETIME,
    "DATETIME": EntityType.DATETIME,
    "YEAR": EntityType.DATETIME,
    "NUMBER": EntityType.NUMBER,
    "QUANTITY": EntityType.NUMBER,
    "CARDINAL": EntityType.NUMBER,
    "MONEY": EntityType.NUMBER,
    "PERCENT": EntityType.NUMBER,
    "CONCEPT": EntityType.CONCEPT,
    "EVENT": EntityType.EVENT,
    "OTHER": EntityType.OTHER,
}
_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_DATE = re.compile(r"^\d{3,4}(?:-\d{2}(?:-\d{2})?)?$|\b(?:1[0-9]{3}|20[0-9]{2})\b")


@functools.cache
def response_format() -> dict[str, Any]:
    """``response_format`` asking for :class:`LLMOutput` JSON, built once per process: pydantic
    rebuilds a schema on every ``model_json_schema()`` call (~2.5 ms, a third of the client CPU
    per request at concurrency 64).  Shared, so never mutate it."""
    return {
        "type": "json_schema",
        "json_schema": {
            "name": "knowledge_extraction",
            "schema": LLMOutput.model_json_schema(),
            "strict": False,
        },
    }


def _entity_type(raw: str) -> EntityType:
    return _TYPE_ALIASES.get(raw.strip().upper().replace(" ", "_"), EntityType.OTHER)


def clip_raw(raw: str) -> str:
    return raw if len(raw) <= _RAW_KEEP else raw[:_RAW_KEEP] + f"... [{len(raw)} chars]"


class AnswerReading:
    """The rules that read one JSON answer into an :class:`Extraction` (see the module
    docstring); a reader sets :attr:`default_confidence`, the confidence of items for which the
    teacher gave none."""

    default_confidence: float

    def _absorb(
        self,
        raw: str,
        text: str,
        out: Extraction,
        wanted: frozenset[KnowledgeType],
        stage: str,
        *,
        allow_empty: bool = False,
    ) -> bool:
        """Parse one answer into ``out``; False (with a recorded failure) when nothing usable."""
        try:
            parsed = parse_json(raw)
        except ParseError as exc:
            out.failures.append(ExtractionFailure(f"{stage}: {exc.reason}", raw=clip_raw(raw)))
            return False
        value = parsed.value
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            # a bare list of objects: relations if they look like relations, else entities
            value = (
                {"relations": value}
                if all({"subject", "object"} <= set(v) for v in value)
                else {"entities": value}
            )
        if not isinstance(value, dict) or not set(value) & set(_SECTIONS):
            keys = ", ".join(sorted(value)) if isinstance(value, dict) else type(value).__name__
            out.failures.append(
                ExtractionFailure(
                    f"{stage}: JSON has none of the expected keys {', '.join(_SECTIONS)} (got: {keys})",
                    raw=clip_raw(raw),
                )
            )
            return False
        factor = _REPAIR_FACTOR if parsed.repaired else 1.0
        if parsed.repaired:
            out.signals["json_repaired"] = 1.0
            out.failures.append(
                ExtractionFailure(f"{stage}: {'; '.join(parsed.notes)}", raw=clip_raw(raw))
            )
        items = self._validate(value, out, stage, raw)
        before = item_count(out)
        self._build(items, text, out, wanted, factor, stage)
        if item_count(out) == before and not allow_empty:
            out.failures.append(
                ExtractionFailure(
                    f"{stage}: the teacher's JSON holds no usable item", raw=clip_raw(raw)
                )
            )
            return False
        return True

    def _validate(
        self, value: dict[str, Any], out: Extraction, stage: str, raw: str
    ) -> dict[str, list[Any]]:
        items: dict[str, list[Any]] = {}
        for section, model in _SECTIONS.items():
            entries = value.get(section) or []
            if not isinstance(entries, list):
                out.failures.append(
                    ExtractionFailure(
                        f"{stage}: '{section}' is a {type(entries).__name__}, not a list",
                        raw=clip_raw(raw),
                    )
                )
                continue
            good: list[Any] = []
            for i, entry in enumerate(entries):
                if section == "entities" and isinstance(entry, str):
                    entry = {"name": entry}
                try:
                    good.append(model.model_validate(entry))
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(x) for x in first.get("loc", ()))
                    out.failures.append(
                        ExtractionFailure(
                            f"{stage}: {section}[{i}] is invalid ({where}: {first.get('msg')})",
                            raw=clip_raw(repr(entry)),
                        )
                    )
            items[section] = good
        return items

    def _build(
        self,
        items: dict[str, list[Any]],
        text: str,
        out: Extraction,
        wanted: frozenset[KnowledgeType],
        factor: float,
        stage: str,
    ) -> None:
        index: dict[str, Entity] = {}
        for earlier in out.entities.values():  # entities from an earlier pass (gleaning)
            index[earlier.key] = earlier
            for alias in earlier.aliases:
                index.setdefault(normalise_name(alias), earlier)
        for ent in items["entities"]:
            key = normalise_name(ent.name)
            if not key:
                out.failures.append(
                    ExtractionFailure(f"{stage}: entity with an empty name", raw=ent.name)
                )
                continue
            known = index.get(key)
            if known is not None:
                if ent.aliases:
                    index[key] = out.add_entity(
                        known.model_copy(
                            update={"aliases": tuple(dict.fromkeys((*known.aliases, *ent.aliases)))}
                        )
                    )
                continue
            entity = out.add_entity(
                Entity(
                    name=ent.name.strip(),
                    type=_entity_type(ent.type),
                    aliases=tuple(a for a in ent.aliases if a.strip()),
                )
            )
            index[key] = entity
            for a in entity.aliases:
                index.setdefault(normalise_name(a), entity)

        haystack: list[str] = []  # the text folded like names, built on first need

        def resolve(name: str, what: str) -> tuple[Entity | None, float]:
            key = normalise_name(name)
            if key in index:
                return index[key], 1.0
            hit = (
                process.extractOne(
                    key, list(index), scorer=fuzz.ratio, score_cutoff=_FUZZY_ENDPOINT
                )
                if index
                else None
            )
            if hit is not None:
                return index[hit[0]], _FUZZY_FACTOR
            if not haystack:
                haystack.append(_fold(text))
            if (
                key
                and len(name) <= _MAX_NAME
                and re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", haystack[0])
            ):
                # small models often leave "entities" short; a name written in the text is
                # grounded anyway, so it becomes an entity instead of costing the item
                entity = out.add_entity(Entity(name=name.strip(), type=_guess_type(name)))
                index[key] = entity
                out.signals["endpoints_from_text"] = out.signals.get("endpoints_from_text", 0.0) + 1
                return entity, _GROUNDED_FACTOR
            out.failures.append(
                ExtractionFailure(
                    f"{stage}: {what} dropped: {name!r} is not among the extracted entities "
                    "nor written in the text"
                )
            )
            return None, 1.0

        def conf(given: float | None, *factors: float) -> float:
            c = self.default_confidence if given is None else given
            c = min(1.0, max(0.0, c))
            for f in factors:
                c *= f
            return c

        if KnowledgeType.RELATIONAL in wanted:
            for r in items["relations"]:
                label = f"relation ({r.subject}, {r.predicate}, {r.object})"
                s, fs = resolve(r.subject, label)
                o, fo = resolve(r.object, label) if s else (None, 1.0)
                if s is None or o is None:
                    continue
                out.add(
                    Relation(
                        subject=s.id,
                        predicate=r.predicate,
                        object=o.id,
                        negated=r.negated,
                        confidence=conf(r.confidence, factor, fs, fo),
                        span=_span(text, s.name, o.name),
                    )
                )
        if KnowledgeType.FACTUAL in wanted:
            for a in items["attributes"]:
                e, fe = resolve(a.entity, f"attribute {a.name}={a.value}")
                if e is None:
                    continue
                datatype: Literal["string", "number", "date"] = (
                    "number"
                    if _NUMBER.match(a.value.strip())
                    else "date"
                    if _DATE.search(a.value)
                    else "string"
                )
                out.add(
                    Attribute(
                        entity=e.id,
                        name=a.name,
                        value=a.value.strip(),
                        datatype=datatype,
                        confidence=conf(a.confidence, factor, fe),
                        span=_span(text, e.name, a.value),
                    )
                )
        if KnowledgeType.STRUCTURAL in wanted:
            for h in items["hierarchy"]:
                label = f"hierarchy ({h.child} {h.relation} {h.parent})"
                p, fp = resolve(h.parent, label)
                c, fc = resolve(h.child, label) if p else (None, 1.0)
                if p is None or c is None:
                    continue
                out.add(
                    HierarchyEdge(
                        parent=p.id,
                        child=c.id,
                        relation=HierarchyKind(h.relation),
                        confidence=conf(h.confidence, factor, fp, fc),
                        span=_span(text, p.name, c.name),
                    )
                )
        if KnowledgeType.LINGUISTIC in wanted:
            for li in items["linguistic"]:
                e, fe = resolve(li.term, f"linguistic {li.kind} of {li.term}")
                if e is None:
                    continue
                out.add(
                    LinguisticItem(
                        entity=e.id,
                        relation=LinguisticKind(li.kind),
                        value=li.value.strip(),
                        confidence=conf(li.confidence, factor, fe),
                        span=_span(text, e.name, li.value),
                    )
                )
        if KnowledgeType.PROCEDURAL in wanted:
            for pr in items["procedures"]:
                steps = tuple(s.strip() for s in pr.steps if s.strip())
                if not steps:
                    out.failures.append(
                        ExtractionFailure(f"{stage}: procedure {pr.goal!r} has no non-empty step")
                    )
                    continue
                goal_entity = index.get(normalise_name(pr.goal))
                out.add(
                    Procedure(
                        goal=pr.goal.strip(),
                        steps=steps,
                        entity=goal_entity.id if goal_entity else None,
                        confidence=conf(pr.confidence, factor),
                    )
                )


def item_count(out: Extraction) -> int:
    return (
        len(out.relations)
        + len(out.attributes)
        + len(out.hierarchy)
        + len(out.linguistic)
        + len(out.procedures)
        + len(out.entities)
    )


def _fold(text: str) -> str:
    """The text folded as :func:`normalise_name` folds a name (case, width, whitespace)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold())


def _guess_type(name: str) -> EntityType:
    """Type of an endpoint the teacher did not list: a number, a date, else OTHER."""
    value = name.strip()
    if _NUMBER.match(value):
        return EntityType.NUMBER
    if _DATE.fullmatch(value) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return EntityType.DATETIME
    return EntityType.OTHER


def _span(text: str, first: str, second: str) -> tuple[int, int] | None:
    """Character span covering both mentions when both occur in the text, else None."""
    low = text.casefold()
    a = low.find(first.casefold())
    b = low.find(second.casefold())
    if a < 0 or b < 0:
        return None
    return min(a, b), max(a + len(first), b + len(second))
