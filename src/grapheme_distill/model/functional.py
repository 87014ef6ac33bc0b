"""Functional properties and the conflicts between their values.

A *functional* property has one value per entity (a birth date, a death date, a birth place, the
capital of a country, a population at a given date): two different values of it for one entity
cannot both be right, so they are flagged — with both sides' items, confidences and evidence —
instead of sitting side by side as two facts.  Negated relations are the other kind of
contradiction and stay where they were (:meth:`KnowledgeGraph.contradictions`).

Which properties are functional is data, not code: :data:`DEFAULT_PROPERTIES` names the usual ones
with the attribute names and predicates extractors give them (``born_on``, ``birth_date``,
``date_of_birth``, …), and a user extends or overrides them with a TOML or JSON file
(:func:`load_properties`)::

    [[functional]]
    name = "mayor"                   # what the property is called in reports
    relations = ["mayor", "led_by"]  # predicates whose object is the value (one per subject)
    inverse = ["mayor_of"]           # predicates whose subject is the value (one per object)
    attributes = ["mayor"]           # attribute names whose value is the value
    values = "entity"                # how values compare: date, number, entity (a name)
    per = ["date"]                   # qualifiers that make separate slots (population *at a date*)

Values compare by kind, so that a different precision or spelling is no conflict: dates agree when
they agree as far as both go ("1867" and "7 November 1867"), numbers within a relative
``tolerance`` ("2,100,000" and "2.1 million"), names by their normalised form.  Values that are not
of the property's kind are not its values ("born in 1867" is a birth date, "born in Warsaw" a birth
place).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grapheme_distill.errors import InputError
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import Attribute, Item, Relation, normalise_predicate

__all__ = [
    "DEFAULT_PROPERTIES",
    "conflict_flags",
    "Conflict",
    "ConflictSide",
    "FunctionalProperty",
    "find_conflicts",
    "load_properties",
]


class FunctionalProperty(BaseModel):
    """One functional property and the names extractors give it (normalised on load)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    relations: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    values: Literal["date", "number", "entity"] = "entity"
    per: tuple[str, ...] = ()
    tolerance: float = Field(default=0.01, ge=0.0, le=1.0)


def _p(name: str, values: Literal["date", "number", "entity"], names: str, **kw: Any) -> Any:
    words = tuple(names.split())
    return FunctionalProperty(name=name, values=values, relations=words, attributes=words, **kw)


#: The functional properties checked unless a file says otherwise.  A founder is not among them:
#: many companies have several, so two founders are no conflict.
DEFAULT_PROPERTIES: tuple[FunctionalProperty, ...] = (
    _p("birth_date", "date", "born_on born_in born birth_date date_of_birth birth_year birthdate"),
    _p(
        "death_date",
        "date",
        "die_on die_in died_on died_in died death_date date_of_death death_year",
    ),
    _p("birth_place", "entity", "born_in born_at birth_place place_of_birth birthplace"),
    _p("death_place", "entity", "die_in died_in death_place place_of_death"),
    _p(
        "founding_date",
        "date",
        "founded_in founded_on found_in found_on founding_date founding_year established_in",
    ),
    FunctionalProperty(
        name="capital",
        values="entity",
        relations=("capital", "has_capital"),
        inverse=("capital_of",),
        attributes=("capital",),
    ),
    _p("population", "number", "population population_total", per=("date", "year", "as_of")),
)

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_YEAR = re.compile(r"\b(\d{3,4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _date(text: str) -> tuple[int, ...] | None:
    """(year[, month[, day]]) of a date as written, or None when it names no year."""
    iso = _ISO.search(text)
    if iso:
        return tuple(int(g) for g in iso.groups() if g)
    year = _YEAR.search(text)
    if year is None:
        return None
    rest = (text[: year.start()] + " " + text[year.end() :]).casefold()
    month = next((n for m, n in _MONTHS.items() if re.search(rf"\b{m}", rest)), None)
    if month is None:
        return (int(year[1]),)
    day = _DAY.search(rest)
    return (int(year[1]), month) + ((int(day[1]),) if day else ())


def _number(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = float(match[0].replace(",", ""))
    scale = next((s for w, s in _SCALE.items() if w in text.casefold()), 1.0)
    return value * scale


class ConflictSide(BaseModel):
    """One value of a conflicting property and what says so."""

    model_config = ConfigDict(frozen=True)

    item_id: str
    value: str
    confidence: float
    sources: tuple[str, ...]  # the evidence sources (calls) behind the side's items
    items: tuple[str, ...] = ()  # every item of the side (values that agree with each other)


class Conflict(BaseModel):
    """Two or more values of one functional property of one entity that cannot all be true."""

    model_config = ConfigDict(frozen=True)

    entity: str
    property: str
    slot: str = ""  # the qualifiers that separate slots, e.g. "date=2020"
    sides: tuple[ConflictSide, ...]


def _agree(prop: FunctionalProperty, a: Any, b: Any) -> bool:
    if prop.values == "date":
        common = min(len(a), len(b))
        return bool(a[:common] == b[:common])
    if prop.values == "number":
        scale = max(abs(a), abs(b)) or 1.0
        return bool(abs(a - b) / scale <= prop.tolerance)
    return bool(a == b)


def _parsed(prop: FunctionalProperty, text: str, entity_id: str | None) -> Any:
    if prop.values == "date":
        return _date(text)
    if prop.values == "number":
        return _number(text)
    if _date(text) is not None and not re.search(r"[A-Za-z]{3}", _ISO.sub("", text)):
        return None  # a bare date is no place
    return entity_id or normalise_name(text)


def _values(
    graph: KnowledgeGraph, prop: FunctionalProperty, items: Iterable[Item]
) -> Iterable[tuple[str, str, str, Any, Item]]:
    """(entity, slot, shown value, comparable value, item) for every value of ``prop``."""
    rels = {normalise_predicate(p) for p in prop.relations}
    inverse = {normalise_predicate(p) for p in prop.inverse}
    attrs = {normalise_predicate(p) for p in prop.attributes}
    for item in items:
        if isinstance(item, Attribute) and normalise_predicate(item.name) in attrs:
            owner, text, ref, slot = item.entity, item.value, None, ""
        elif (
            isinstance(item, Relation)
            and not item.negated
            and (item.predicate in rels or item.predicate in inverse)
        ):
            owner, ref = (item.subject, item.object)
            if item.predicate in inverse:
                owner, ref = ref, owner
            other = graph.entities.get(ref)
            text = other.name if other is not None else ref
            slot = ",".join(f"{q}={item.qualifiers[q]}" for q in prop.per if q in item.qualifiers)
        else:
            continue
        value = _parsed(prop, text, ref)
        if value is not None:
            yield owner, slot, text, value, item


def _shown_first(entry: tuple[str, Any, Item]) -> tuple[float, int, str]:
    """The most confident value first, then the most precise date, so a side shows its best."""
    precision = len(entry[1]) if isinstance(entry[1], tuple) else 0
    return (-entry[2].confidence, -precision, entry[2].id)


def find_conflicts(
    graph: KnowledgeGraph, properties: Sequence[FunctionalProperty] = DEFAULT_PROPERTIES
) -> list[Conflict]:
    """Every functional property of an entity in ``graph`` with values that disagree, sorted by
    entity and property; each side is one group of agreeing values (its best item shown)."""
    items: list[Item] = [*graph.attributes.values(), *graph.relations.values()]
    conflicts: list[Conflict] = []
    for prop in properties:
        slots: dict[tuple[str, str], list[tuple[str, Any, Item]]] = defaultdict(list)
        for owner, slot, text, value, item in _values(graph, prop, items):
            slots[(owner, slot)].append((text, value, item))
        for (owner, slot), values in sorted(slots.items()):
            groups: list[list[tuple[str, Any, Item]]] = []
            for entry in sorted(values, key=_shown_first):
                group = next((g for g in groups if _agree(prop, g[0][1], entry[1])), None)
                if group is None:
                    groups.append([entry])
                else:
                    group.append(entry)
            if len(groups) > 1:
                sides = tuple(
                    ConflictSide(
                        item_id=g[0][2].id,
                        value=g[0][0],
                        confidence=g[0][2].confidence,
                        sources=tuple(
                            sorted({s for _, _, i in g for s in graph.evidence.get(i.id, {})})
                        ),
                        items=tuple(sorted({i.id for _, _, i in g})),
                    )
                    for g in groups
                )
                conflicts.append(Conflict(entity=owner, property=prop.name, slot=slot, sides=sides))
    return sorted(conflicts, key=lambda c: (c.entity, c.property, c.slot))


def load_properties(path: str | Path, *, replace: bool = False) -> tuple[FunctionalProperty, ...]:
    """The functional properties of a TOML or JSON file (``functional = [{...}, ...]``), added to
    :data:`DEFAULT_PROPERTIES` (a property of the same name replaces the default one) or, with
    ``replace``, instead of them.

    Raises:
        InputError: the file cannot be read or a property is malformed (file, entry and reason).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(str(path), line, f"cannot read the functional properties: {exc}") from exc
    entries = data.get("functional") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), None, "expected a list 'functional' of properties")
    loaded: dict[str, FunctionalProperty] = (
        {} if replace else {p.name: p for p in DEFAULT_PROPERTIES}
    )
    for n, entry in enumerate(entries, start=1):
        try:
            prop = FunctionalProperty.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "entry"
            raise InputError(
                str(path), None, f"functional property {n}: {where}: {first['msg']}"
            ) from exc
        loaded[prop.name] = prop
    return tuple(loaded.values())


def conflict_flags(graph: KnowledgeGraph) -> dict[str, str]:
    """Item id → what it is in conflict over: the functional property's name, or ``negation``
    for both sides of an asserted and negated relation; what exports flag items with."""
    flags = {i.id: "negation" for pair in graph.contradictions() for i in pair}
    for conflict in find_conflicts(graph):
        for side in conflict.sides:
            flags.update(dict.fromkeys(side.items, conflict.property))
    return flags
