"""Pure knowledge data: the five knowledge types, their items, provenance and confidence.

This module imports nothing else from the package and does no I/O.  Every item is an immutable
pydantic model whose ``id`` is a content hash of what the item *says* (never of when it was seen),
so two extractions of the same fact collapse to one item and their evidence can be counted.
Relations, hierarchy edges, attributes and linguistic items refer to entities by entity id; the
entities themselves travel in the same :class:`DistilledKnowledge` (or graph), which keeps items
small and makes entity resolution a matter of rewriting ids.

Confidence and soft targets are different things: an item's ``confidence`` is a scalar belief that
the item is true, with the signals it was computed from (:class:`Confidence`); a soft target
(:mod:`grapheme_distill.soft_targets`) is the teacher's whole distribution, kept for training.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from grapheme_distill.model.hashing import content_hash, normalise_name

__all__ = [
    "CANONICAL_PREDICATES",
    "Attribute",
    "Confidence",
    "DistilledKnowledge",
    "Entity",
    "EntityType",
    "HierarchyEdge",
    "HierarchyKind",
    "ITEM_CLASSES",
    "ITEM_KNOWLEDGE_TYPE",
    "Item",
    "ItemField",
    "KnowledgeType",
    "LinguisticItem",
    "LinguisticKind",
    "Procedure",
    "Provenance",
    "Relation",
    "Span",
    "normalise_predicate",
]

Span = tuple[int, int]


class KnowledgeType(StrEnum):
    """The five kinds of knowledge a teacher answer can carry."""

    FACTUAL = "factual"  # entities and their attributes
    RELATIONAL = "relational"  # subject, predicate, object
    PROCEDURAL = "procedural"  # ordered steps towards a goal
    STRUCTURAL = "structural"  # part-of / member-of / subclass-of / contains hierarchies
    LINGUISTIC = "linguistic"  # aliases, abbreviations, synonyms, definitions


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    LOCATION = "LOCATION"
    DATETIME = "DATETIME"
    NUMBER = "NUMBER"
    CONCEPT = "CONCEPT"
    EVENT = "EVENT"
    OTHER = "OTHER"


class HierarchyKind(StrEnum):
    PART_OF = "part_of"
    MEMBER_OF = "member_of"
    SUBCLASS_OF = "subclass_of"
    CONTAINS = "contains"


class LinguisticKind(StrEnum):
    ALIAS = "alias"
    ABBREVIATION = "abbreviation"
    SYNONYM = "synonym"
    DEFINITION = "definition"


#: Predicates every extractor maps onto when it can; the vocabulary stays open beyond them.
CANONICAL_PREDICATES: frozenset[str] = frozenset(
    {
        "is_a",
        "part_of",
        "located_in",
        "works_for",
        "created_by",
        "owns",
        "related_to",
        "causes",
        "before",
        "after",
        "has_property",
    }
)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


@lru_cache(maxsize=65536)
def normalise_predicate(text: str) -> str:
    """Lower snake_case: ``"birthPlace"`` → ``birth_place``, ``"located in"`` → ``located_in``.

    An empty result becomes ``related_to`` so that no relation ever has a blank predicate.
    """
    text = _CAMEL.sub("_", text.strip())
    text = _NON_WORD.sub("_", text.casefold()).strip("_")
    return re.sub(r"_+", "_", text) or "related_to"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _fill_id(data: Any, make: Any) -> Any:
    if isinstance(data, dict) and not data.get("id"):
        data = dict(data)
        data["id"] = make(data)
    return data


@lru_cache(maxsize=65536)
def _entity_id(name: str, entity_type: str) -> str:
    """An entity's id (memoised: the same names come back answer after answer, ~5 µs a hash)."""
    return content_hash("entity", normalise_name(name), entity_type)


class Entity(_Frozen):
    """A thing the teacher talked about.  ``id`` hashes the normalised name and the type."""

    id: str = ""
    name: str
    type: EntityType = EntityType.CONCEPT
    aliases: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        return _fill_id(
            data, lambda d: _entity_id(str(d["name"]), str(d.get("type", EntityType.CONCEPT)))
        )

    @property
    def key(self) -> str:
        """The normalised name, the key entity resolution starts from."""
        return normalise_name(self.name)


class _ItemBase(_Frozen):
    """What every item kind shares.  Per-kind facts (which knowledge type a kind belongs to,
    which entity ids it refers to) live on the kind's class, so adding a kind is one class here
    plus its store table and its GRAPHEME layout function — not a dozen parallel lists."""

    #: The knowledge type this kind of item belongs to (the one kind → type map, see
    #: :data:`ITEM_KNOWLEDGE_TYPE`).
    knowledge_type: ClassVar[KnowledgeType]
    #: The fields that hold entity ids, in role order (what entity resolution rewrites; the
    #: store names its columns after them).
    ref_fields: ClassVar[tuple[str, ...]]
    #: The field naming the entity the item states a fact *about* (the subject of a relation,
    #: the child of a hierarchy edge): what a REPLACE merge supersedes.
    owner_field: ClassVar[str]

    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    span: Span | None = None  # character span of the evidence in the teacher's answer

    def entity_refs(self) -> tuple[str, ...]:
        """The entity ids this item refers to, in role order."""
        raise NotImplementedError


class Relation(_ItemBase):
    """``subject predicate object``; subject and object are entity ids.

    A negated relation ("X is not Y") has its own id, so an asserted and a negated version of the
    same fact are both kept and reported as a contradiction rather than merged away.
    """

    kind: Literal["relation"] = "relation"
    id: str = ""
    subject: str
    predicate: str
    object: str
    negated: bool = False
    qualifiers: dict[str, str] = Field(default_factory=dict)

    knowledge_type: ClassVar[KnowledgeType] = KnowledgeType.RELATIONAL
    ref_fields: ClassVar[tuple[str, ...]] = ("subject", "object")
    owner_field: ClassVar[str] = "subject"

    def entity_refs(self) -> tuple[str, ...]:
        return (self.subject, self.object)

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        if isinstance(data, dict) and "predicate" in data:
            data = dict(data)
            data["predicate"] = normalise_predicate(str(data["predicate"]))
        return _fill_id(
            data,
            lambda d: content_hash(
                "relation", d["subject"], d["predicate"], d["object"], bool(d.get("negated"))
            ),
        )

    @property
    def triple_key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


class Attribute(_ItemBase):
    """A factual attribute of one entity: ``entity.name = value`` (dates and numbers included)."""

    kind: Literal["attribute"] = "attribute"
    id: str = ""
    entity: str
    name: str
    value: str
    datatype: Literal["string", "number", "date"] = "string"

    knowledge_type: ClassVar[KnowledgeType] = KnowledgeType.FACTUAL
    ref_fields: ClassVar[tuple[str, ...]] = ("entity",)
    owner_field: ClassVar[str] = "entity"

    def entity_refs(self) -> tuple[str, ...]:
        return (self.entity,)

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        return _fill_id(
            data,
            lambda d: content_hash(
                "attribute", d["entity"], normalise_predicate(str(d["name"])), str(d["value"])
            ),
        )


class Procedure(_ItemBase):
    """Ordered steps towards a goal; ``entity`` is the goal's entity id when there is one."""

    kind: Literal["procedure"] = "procedure"
    id: str = ""
    goal: str
    steps: tuple[str, ...]
    entity: str | None = None

    knowledge_type: ClassVar[KnowledgeType] = KnowledgeType.PROCEDURAL
    ref_fields: ClassVar[tuple[str, ...]] = ("entity",)
    owner_field: ClassVar[str] = "entity"

    def entity_refs(self) -> tuple[str, ...]:
        return (self.entity,) if self.entity else ()

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        return _fill_id(
            data,
            lambda d: content_hash(
                "procedure",
                normalise_name(str(d["goal"])),
                [normalise_name(str(s)) for s in d["steps"]],
            ),
        )


class HierarchyEdge(_ItemBase):
    """``child`` is part of / a member of / a subclass of ``parent``, or ``parent`` contains it."""

    kind: Literal["hierarchy"] = "hierarchy"
    id: str = ""
    parent: str
    child: str
    relation: HierarchyKind

    knowledge_type: ClassVar[KnowledgeType] = KnowledgeType.STRUCTURAL
    ref_fields: ClassVar[tuple[str, ...]] = ("parent", "child")
    owner_field: ClassVar[str] = "child"

    def entity_refs(self) -> tuple[str, ...]:
        return (self.parent, self.child)

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        return _fill_id(
            data,
            lambda d: content_hash("hierarchy", d["parent"], d["child"], str(d["relation"])),
        )


class LinguisticItem(_ItemBase):
    """A fact about words: the term (entity id ``entity``) has alias/abbreviation/synonym/definition
    ``value``."""

    kind: Literal["linguistic"] = "linguistic"
    id: str = ""
    entity: str
    relation: LinguisticKind
    value: str

    knowledge_type: ClassVar[KnowledgeType] = KnowledgeType.LINGUISTIC
    ref_fields: ClassVar[tuple[str, ...]] = ("entity",)
    owner_field: ClassVar[str] = "entity"

    def entity_refs(self) -> tuple[str, ...]:
        return (self.entity,)

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        return _fill_id(
            data,
            lambda d: content_hash(
                "linguistic", d["entity"], str(d["relation"]), normalise_name(str(d["value"]))
            ),
        )


Item = Relation | Attribute | Procedure | HierarchyEdge | LinguisticItem
#: ``Item`` as a pydantic field: a discriminated union on ``kind``, so a stored or serialised
#: item comes back as the right class without trying each in turn.
ItemField = Annotated[Item, Field(discriminator="kind")]

#: kind → item class, in the order items are listed everywhere (stores, exports, summaries).
ITEM_CLASSES: dict[str, type[Item]] = {
    cls.model_fields["kind"].default: cls
    for cls in (Relation, Attribute, Procedure, HierarchyEdge, LinguisticItem)
}
#: kind → knowledge type: the one map, read off the classes.
ITEM_KNOWLEDGE_TYPE: dict[str, KnowledgeType] = {
    kind: cls.knowledge_type for kind, cls in ITEM_CLASSES.items()
}
#: Legacy per-kind field names (``relations=…``) that :class:`DistilledKnowledge` still accepts.
_LEGACY_LISTS: tuple[str, ...] = (
    "relations",
    "attributes",
    "procedures",
    "hierarchy",
    "linguistic",
)


class Confidence(_Frozen):
    """A confidence value with the signals it was computed from and the method that combined them.

    Keeping the signals makes confidences auditable and recomputable: a later calibration step can
    re-weight them without re-asking the teacher.
    """

    value: float = Field(ge=0.0, le=1.0)
    method: str = "product"
    signals: dict[str, float] = Field(default_factory=dict)


class Provenance(_Frozen):
    """Where a piece of knowledge came from: which teacher call, model, prompt template, sampling
    parameters, which extractor (``name@version``) and, per item, which span of the answer."""

    teacher: str | None = None
    model: str | None = None
    prompt_template: str | None = None
    prompt_template_hash: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    extractor: str = "unknown@0"
    call_hash: str | None = None
    source: str | None = None  # e.g. "transcripts.jsonl:17"


class DistilledKnowledge(_Frozen):
    """What one teacher answer taught about one knowledge type.

    ``id`` hashes the knowledge type, the prompt, the answer and the extractor, so the same answer
    processed twice yields the same id (and adds no new evidence to a store).
    """

    id: str = ""
    knowledge_type: KnowledgeType
    prompt: str
    response: str
    entities: tuple[Entity, ...] = ()
    items: tuple[ItemField, ...] = ()
    confidence: Confidence
    metadata: dict[str, Any] = Field(default_factory=dict)
    provenance: Provenance = Field(default_factory=Provenance)

    @model_validator(mode="before")
    @classmethod
    def _id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.keys().isdisjoint(_LEGACY_LISTS):
            # ``relations=…, hierarchy=…`` as earlier releases took them: folded into ``items``
            data = dict(data)
            items = list(data.get("items", ()))
            for key in _LEGACY_LISTS:
                items.extend(data.pop(key, ()))
            data["items"] = tuple(items)

        def make(d: dict[str, Any]) -> str:
            prov = d.get("provenance")
            extractor = (
                prov.extractor if isinstance(prov, Provenance) else (prov or {}).get("extractor")
            )
            return content_hash(
                "knowledge", str(d["knowledge_type"]), d["prompt"], d["response"], extractor
            )

        return _fill_id(data, make)

    def of_kind(self, kind: str) -> tuple[Item, ...]:
        """The items of one kind (``"relation"``, ``"hierarchy"`` …), in order."""
        return tuple(item for item in self.items if item.kind == kind)

    @property
    def relations(self) -> tuple[Relation, ...]:
        return self.of_kind("relation")  # type: ignore[return-value]

    @property
    def attributes(self) -> tuple[Attribute, ...]:
        return self.of_kind("attribute")  # type: ignore[return-value]

    @property
    def procedures(self) -> tuple[Procedure, ...]:
        return self.of_kind("procedure")  # type: ignore[return-value]

    @property
    def hierarchy(self) -> tuple[HierarchyEdge, ...]:
        return self.of_kind("hierarchy")  # type: ignore[return-value]

    @property
    def linguistic(self) -> tuple[LinguisticItem, ...]:
        return self.of_kind("linguistic")  # type: ignore[return-value]

    @property
    def item_count(self) -> int:
        """Items of this knowledge's own type (entities count for FACTUAL)."""
        extra = len(self.entities) if self.knowledge_type is KnowledgeType.FACTUAL else 0
        return len(self.items) + extra
