"""Key-value items and table rows → attribute facts about the implicit subject.

"**Born:** 10 December 1815, London" under an answer about Ada Lovelace says two things: she was
born on that date and in that place.  The key names the predicate (mapped to the usual one where
the key is a relational noun: "Founder" → ``founded_by``, "Director-General" → the value is the
subject's director-general), the value is split into its parts (a date, a place, a list of names)
and each part becomes an object.  Values keep their text as written ("10 December 1815", "about
99,000"); the datatype is a type hint, never a rewrite.  Table rows work the same way: a two-column
"Detail | Value" table is a list of key-value pairs about the subject, a wider table gives each
row's first cell the other cells under their column headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.attribute_keys import (
    ALIAS_KEYS,
    AMOUNT,
    DATE_KEYS,
    GENERIC_HEADERS,
    GROUP_KEYS,
    INCUMBENT,
    INGREDIENT_KEYS,
    KEY_PREDICATES,
    KEY_TYPES,
    LIST_KEYS,
    MEMBERSHIP_KEYS,
    PLACE_KEYS,
    REGION_KEYS,
    REMARK_HEADERS,
    ROLE_KEYS,
    TEAM_KEY,
    WORK_KEY,
    is_name_key,
)
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.counted_items import read_counted_items
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy_sections import joined_names, tables_of
from grapheme_distill.extractors.readers.phrases import first_subject, prompt_name
from grapheme_distill.model.knowledge import HierarchyKind, LinguisticKind

__all__ = ["count_of", "is_name_key", "read_attributes", "value_type"]

_YEAR = r"(?:1\d{3}|20\d{2})"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"^(?:c\.\s*|circa\s+|about\s+|around\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?,?\s+{_YEAR}|{_MONTH}\s+{_YEAR}|{_YEAR}(?:\s*[\u2013-]\s*{_YEAR})?s?|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"^(?:about|around|approximately|approx\.|roughly|nearly|over|more than|almost|some|~|c\.|below"
    r"|under|above|up to|at least|less than|fewer than)?\s*"
    r"[$€£¥]?\s*[-+]?\d[\d,.\s]*(?:%|\s*(?:percent|million|billion|thousand|trillion|km²|km2|sq\s*mi|"
    r"km|mi|m|cm|mm|nm|kg|g|t|tonnes|lb|ft|feet|metres|meters|miles|kilometres|kilometers|years|°C|°F|"
    r"Hz|kHz|MHz|GHz|bytes|volts|V|W|kW|bar|ml|km/s|km/h|mph|"
    r"people|inhabitants|residents|m³/s|USD|EUR)\b\.?)*$",
    re.IGNORECASE,
)
# a range of a measure: "10–400 nm", "1 mm – 1 m", "about 400–700 nm", "80–100 fL"
_UNITS = (
    r"(?:%|nm|µm|μm|mm|cm|m|km|km/s|m/s|km/h|mph|fL|g/L|mg|g|kg|t|ml|l|L|Hz|kHz|MHz|GHz|bytes|KB|MB"
    r"|GB|V|volts|W|kW|bar|°C|°F|years|hours|minutes|days|seconds|months|weeks)"
)
_RANGE = re.compile(
    rf"^(?:(?:about|around|roughly|approximately|typically)\s+)?[$€£]?\d[\d,.]*\s*{_UNITS}?\s*"
    rf"[\u2013\u2014-]\s*[$€£]?\d[\d,.]*\s*{_UNITS}?$"
)
_PAREN = re.compile(r"(?:\s+|^)\([^)]*\)")
_SPLIT = re.compile(r"\s*(?:;|,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")

_NOT_VALUES = re.compile(r"^(?:n/?a|none|unknown|various|varies|yes|no|-+|—|tbd)$", re.IGNORECASE)


def value_type(text: str) -> str:
    """The label a value's text implies: ``DATE``, ``QUANTITY``/``CARDINAL`` or ``""``."""
    t = text.strip()
    if _DATE.match(t):
        return "DATE"
    if _RANGE.match(t):
        return "QUANTITY"
    if _NUMBER.match(t) and any(ch.isdigit() for ch in t):
        return "QUANTITY" if re.search(r"[A-Za-z%$€£]", t) else "CARDINAL"
    return ""


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|hundreds"
    "|thousands|millions"
)
_NOUN_WORD = r"(?!(?:of|from|in|at|on|for|per|across|around|each|worldwide|with|by)\b)[a-z][a-z\-]*"
# a count, maybe approximate, maybe in millions: "194", "about 8,000", "roughly 1.2 million", "six"
_COUNT = re.compile(
    r"^(?P<n>(?:(?:about|around|approximately|approx\.|roughly|nearly|over|more than|almost|some"
    r"|up to|at least|~|c\.)\s*)?(?:\d[\d,.]*(?:\s*(?:million|billion|thousand))?|"
    + _NUMBER_WORDS
    + r"))(?:\s+(?P<noun>"
    + _NOUN_WORD
    + r"(?:\s+"
    + _NOUN_WORD
    + r"){0,2}))?"
    # "32 teams from around the world", "4 groups of 8 teams each": what is counted, then where
    # or how it is made up (no part of the count's noun)
    + r"(?P<rest>\s+(?:of|from|in|at|on|for|per|across|around|each|worldwide|with|by)\b[^;]*)?$",
    re.IGNORECASE,
)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


def count_of(key: str, value: str) -> tuple[str, str] | None:
    """The attribute a count states, and the count: ``number_of_<what is counted>`` (the gold
    conventions' name for a count: "number_of_member_states", "number_of_species").  What is
    counted is the plural noun after the number ("**Members:** 194 member states") or, for a
    bare count, the plural key itself ("**Moons:** 95", "**Employees:** about 8,000"); anything
    else (a measure, a singular key such as "Population") is ``None``."""
    m = _COUNT.match(value.strip())
    if m is None:
        return None
    noun = m.group("noun")
    if noun is not None:
        if not _plural(noun.split()[-1]) or (
            (value_type(value) == "QUANTITY" or m.group("rest")) and _UNIT.search(noun)
        ):
            return None  # a measure ("20 years from filing"), not a count
        return f"number_of_{_snake(noun)}", m.group("n").strip()
    words = key.split()
    if not words or not _plural(words[-1]) or len(words) > 3 + (words[:2] == ["number", "of"]):
        return None
    if words[:2] == ["number", "of"]:  # "Number of divisions": the key names the count already
        return _snake(key), m.group("n").strip()
    return f"number_of_{_snake(key)}", m.group("n").strip()


_UNIT = re.compile(
    r"^(?:km|mi|m|cm|mm|kg|g|t|tonnes|lb|ft|feet|metres|meters|miles|kilometres|kilometers|years"
    r"|people|inhabitants|residents|percent|hours|minutes|seconds|days|weeks|months|bytes|volts"
    r"|watts|litres|liters)\b",
    re.IGNORECASE,
)


def _snake(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def _number_part(text: str) -> str:
    """ "194 member states" → "194" (a count of a plural noun); units stay ("1,006 km")."""
    m = re.match(
        r"^(?P<n>(?:about|around|approximately|roughly|over|nearly)?\s*\d[\d,.]*)\s+(?P<w>[a-z]+)",
        text,
    )
    if m and not value_type(text) and m.group("w").endswith("s") and len(text.split()) <= 4:
        return m.group("n").strip()
    return text


def _values(key: str, raw: str) -> list[str]:
    text = _PAREN.sub("", raw).strip().rstrip(".")
    if not _RANGE.match(text):  # "1 mm – 1 m" is one value; "Geneva – the seat" ends at its dash
        text = re.sub(r"\s*[\u2013\u2014]\s+.*$", "", text)
    if key in LIST_KEYS:
        parts = _SPLIT.split(text)
    elif key in DATE_KEYS:
        parts = [p for p in re.split(r"\s*(?:,|;|\bin\b|\bat\b)\s*", text) if p]
        if (
            len(parts) > 1
            and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}", parts[0])
            and re.fullmatch(r"\d{4}", parts[1])
        ):
            parts = [parts[0] + " " + parts[1], *parts[2:]]
    elif key in PLACE_KEYS:
        # "Père Lachaise Cemetery, Paris; his heart is in …": the places up to the first part
        # that is no name (a clause, a remark) — each lies in the next
        parts = re.split(r"\s*;\s*|,\s+", text)
        named = next(
            (
                i
                for i, p in enumerate(parts[1:], 1)
                if not (p[:1].isupper() and len(p.split()) <= 5)
            ),
            len(parts),
        )
        parts = parts[:named]
    else:
        parts = (
            [text]
            if value_type(text)
            else _listed(key, text) or [re.split(r"\s*;\s*|,\s+", text)[0]]
        )
    out = []
    for part in parts:
        part = clean_name(part)
        if key in INGREDIENT_KEYS:  # "3 eggs" is eggs, not the number 3
            part = clean_name(AMOUNT.sub("", part)) or part
            if part and not _NOT_VALUES.match(part) and len(part.split()) <= 6:
                out.append(part)
            continue
        if key in _PEOPLE_KEYS:
            # "a group of French doctors and journalists, including Bernard Kouchner": the people
            # are the names; a description of them is no person
            part = _INCLUDING.sub("", part)
            if not part[:1].isupper():
                continue
        if part and not _NOT_VALUES.match(part) and len(part.split()) <= 10:
            out.append(_number_part(part))
    return out


#: the last word of a key that names several things ("Labels", "Main campaigns", "Events")
_PLURAL_KEY = re.compile(r"(?<![su])s$")


def _listed(key: str, text: str) -> list[str]:
    """ "**Labels:** Bethlehem, Colpix, Philips, RCA": a key in the plural over a list of short
    names or noun phrases gives each of them, not only the first.  Every part must be a short
    phrase (five words at most, no verb): "**Effects:** it slows the heart, and ..." stays a
    sentence, whose first part alone is read."""
    if not _PLURAL_KEY.search(key.split()[-1] if key.split() else ""):
        return []
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) < 2 or any(len(p.split()) > 5 or _CLAUSE.search(p) for p in parts):
        return []
    return parts


# keys whose values are people, by name
_PEOPLE_KEYS = frozenset(
    {"founders", "co-founders", "founder", "co-founder", "parents", "children", "spouses"}
)
_INCLUDING = re.compile(r"^(?:including|among them|notably|such as)\s+", re.IGNORECASE)


def _region_of(raw: str, place: str) -> Name | None:
    """The region a bracket after a place names: "Erode (now in Tamil Nadu)", "Kumbakonam
    (Madras Presidency)"; not an abbreviation ("(MoMA)"), a date or a remark in lower case."""
    m = re.search(
        rf"{re.escape(place)}\s*\((?:(?:now|today)\s+)?(?:(?:in|part of)\s+)?"
        r"(?P<r>[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|de|del|du))*)\)",
        raw,
    )
    if m is None:
        return None
    words = m.group("r").split()
    if len(words) > 4 or (len(words) == 1 and sum(c.isupper() for c in words[0]) > 1):
        return None  # (one word with two capitals is an abbreviation: "MoMA", "UNESCO")
    return Name(m.group("r"), "GPE")


def _key_facts(
    ctx: ReadContext,
    subject: Name,
    key: str,
    raw: str,
    span: tuple[int, int],
    construction: str,
    hedged: bool,
) -> Iterator[Fact]:
    k = key.lower().strip().rstrip(":")
    k = _PAREN.sub("", k).strip() or k  # "Area (km²)", "Founded (year)": the unit is no key
    if value_type(k) == "DATE":
        return  # "**1903:** Shared the Nobel Prize": a timeline entry, no attribute named "1903"
    if (office := INCUMBENT.sub("", k)) in ROLE_KEYS:
        k = office  # "Current head", "Present chair": the office itself
    since = _SINCE.search(raw) if k in ROLE_KEYS else None
    if k in ALIAS_KEYS:
        for v in (
            _values(k, raw.replace(" or ", ", "))
            if "," in raw or " or " in raw
            else _values(k, raw)
        ):
            yield Fact(
                "linguistic",
                f"{construction}.alias",
                span,
                subject,
                linguistic=LinguisticKind.ALIAS,
                value=v,
                hedged=hedged,
            )
        return
    group = GROUP_KEYS.get(k)
    if group is not None and not raw.strip()[:1].isdigit():
        # "**Formats:** Test cricket, One Day Internationals and Twenty20": kinds of the subject
        for value in _SPLIT.split(_PAREN.sub("", raw).strip().rstrip(".")):
            child = clean_name(value)
            if child and len(child.split()) <= 5:
                yield Fact(
                    "hierarchy",
                    f"{construction}.group",
                    span,
                    subject,
                    Name(child),
                    hierarchy=group,
                    hedged=hedged,
                )
        return
    if k in MEMBERSHIP_KEYS:  # "**Party:** African National Congress": a member of it
        for value in _values(k, raw):
            if not value_type(value):
                yield Fact(
                    "hierarchy",
                    f"{construction}.membership",
                    span,
                    Name(value),
                    subject,
                    hierarchy=HierarchyKind.MEMBER_OF,
                    hedged=hedged,
                )
    place: Name | None = None  # "18 July 1918, Mvezo, Cape Province": Mvezo is in Cape Province
    for value in _values(k, raw):
        if (said := _age_or_near(k, value, subject, place)) is not None:
            # "17 October 1849, Paris, aged 39": his age then; "Żelazowa Wola, near Warsaw": near
            # it; "…, by the UN General Assembly": who did it; none is a place
            kind = {"near": "place", "age": "age", "age_at_death": "age"}.get(said[2], "agent")
            yield Fact("relation", f"{construction}.{kind}", span, *said, hedged=hedged)
            continue
        vtype = value_type(value) or KEY_TYPES.get(k, "")
        if k in DATE_KEYS and not vtype and value[:1].islower():
            continue  # "30 May 1975, merging ESRO and ELDO": a clause, no place
        obj = Name(value, vtype)
        if (k in DATE_KEYS or k in PLACE_KEYS) and vtype != "DATE" and place is not None:
            yield Fact(
                "relation",
                f"{construction}.place",
                span,
                place,
                Name(value, "GPE"),
                "located_in",
                hedged=hedged,
            )
            place = Name(value, "GPE")
            continue
        if vtype != "DATE" and (k in DATE_KEYS or k in PLACE_KEYS):
            place = Name(value, "GPE")
            if (region := _region_of(raw, value)) is not None:
                # "Erode (now in Tamil Nadu)": the bracket says where the place lies
                yield Fact("relation", f"{construction}.place", span, place, region, "located_in")
        if k in DATE_KEYS:
            predicate = DATE_KEYS[k][0] if vtype == "DATE" else DATE_KEYS[k][1]
            yield Fact("relation", construction, span, subject, obj, predicate, hedged=hedged)
        elif k in ROLE_KEYS:
            yield Fact(
                "relation",
                f"{construction}.role",
                span,
                Name(value, "PERSON"),
                subject,
                f"{_snake(k)}_of",
                hedged=hedged,
            )
            if since is not None and vtype != "DATE":
                # "**Director-General:** Tedros Adhanom Ghebreyesus (since 2017)": in office since
                when = Name(since.group("d"), "DATE")
                yield Fact(
                    "relation",
                    f"{construction}.since",
                    span,
                    Name(value, "PERSON"),
                    when,
                    f"{_snake(k)}_since",
                    hedged=hedged,
                )
        else:
            bare = _QUALIFIED.sub("", k) or k
            predicate = (
                KEY_PREDICATES.get(k)
                or KEY_PREDICATES.get(_KNOWN_QUALIFIED.sub("", bare))
                or ("created" if WORK_KEY.match(k) else "")
                or ("played_for" if TEAM_KEY.match(k) else "")
                or _snake(bare)
            )
            if vtype == "DATE":
                predicate = _dated(predicate)
            elif (counted := count_of(k, value)) is not None:
                predicate, obj = counted[0], Name(counted[1], "CARDINAL")
            if not predicate or len(predicate) > 40:
                continue
            yield Fact("relation", construction, span, subject, obj, predicate, hedged=hedged)
    years = re.findall(rf"\b{_YEAR}\b", raw)
    named = [v for v in _values(k, raw) if value_type(v) != "DATE"]
    if KEY_PREDICATES.get(k) == "won" and len(years) == 1 and len(named) == 1:
        # "**Award:** Nobel Peace Prize (1999)": the one prize, won that year
        year = Name(years[0], "DATE")
        yield Fact("relation", f"{construction}.year", span, subject, year, "won_in", hedged=hedged)


def _age_or_near(
    key: str, value: str, subject: Name, place: Name | None
) -> tuple[Name, Name, str] | None:
    """The fact a part of a date or place value says that is no place or date: the age then
    ("aged 39": ``age_at_death``), the place the one before lies near ("near Warsaw"), or who
    did what the key names ("Founded: 1946, by the UN General Assembly": ``founded_by``)."""
    if key in DATE_KEYS and (age := _AGE.match(value)) is not None:
        died = DATE_KEYS[key][0].startswith("died")
        return subject, Name(age.group(1), "CARDINAL"), "age_at_death" if died else "age"
    if key in DATE_KEYS and (agent := _AGENT.match(value)) is not None:
        # "**Founded:** 11 December 1946, by the UN General Assembly": who founded it
        verb = DATE_KEYS[key][0].rsplit("_", 1)[0]
        return subject, Name(clean_name(agent.group(1))), f"{verb}_by"
    if place is not None and (near := _NEAR.match(value)) is not None:
        return place, Name(near.group(1), "GPE"), "near"
    return None


_AGE = re.compile(r"^(?:aged?|at (?:the )?age(?: of)?)\s+(\d{1,3})$", re.IGNORECASE)
_AGENT = re.compile(r"^by\s+(?:the\s+)?([A-Z].*)$")
_NEAR = re.compile(r"^near\s+([A-Z].*)$")
_SINCE = re.compile(
    rf"\bsince\s+(?P<d>(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+)?{_YEAR})\b", re.IGNORECASE
)
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|uses?|makes?|can|will|does|do|did|differ|exists?)\b"
)
_RANKS = (
    "domain",
    "kingdom",
    "phylum",
    "division",
    "class",
    "order",
    "family",
    "subfamily",
    "tribe",
    "genus",
    "species",
)


def _taxonomy(ctx: ReadContext, items: list[Block]) -> Iterator[Fact]:
    """ "Kingdom: Plantae / Order: Rosales / Family: Rosaceae": each rank a subclass of the one above."""
    ranked: list[tuple[int, str, Block]] = []
    for block in items:
        key = block.key_text().lower()
        if block.role == "key_value" and key in _RANKS:
            value = clean_name(re.split(r"\s*[(,;]|\s+[\u2013\u2014-]\s+", block.value_text())[0])
            if value:
                ranked.append((_RANKS.index(key), value, block))
    ranked.sort(key=lambda r: r[0])
    for (_, upper, _), (_, lower, block) in pairwise(ranked):
        yield Fact(
            "hierarchy",
            "kv.taxonomy",
            block.span,
            Name(upper),
            Name(lower),
            hierarchy=HierarchyKind.SUBCLASS_OF,
        )


def read_attributes(ctx: ReadContext) -> Iterator[Fact]:
    """Facts from key-value items and table rows."""
    for items in ctx.doc.lists():
        yield from _taxonomy(ctx, items)
    counted, read = read_counted_items(ctx)
    yield from counted
    for block in ctx.doc.blocks:
        if block.role == "key_value" and (
            block.key_text().lower() in _RANKS or block.index in read
        ):
            continue
        if block.role == "key_value" or (
            block.role == "glossary"
            and block.index not in read
            and (_measured(block.value_text()) or _known_name(block))
        ):
            yield from _read_key_value(ctx, block)
    for rows in tables_of(ctx):
        at = _name_column(rows)
        raw = [clean_name(_PAREN.sub("", r.cell_texts()[at])) for r in rows]
        # "Application" under "| Layer |" is the application layer when the answer says so
        names = joined_names(ctx, raw, [_singular(rows[0].header[at])] if rows[0].header else [])
        named_at = at
        if rows[0].header:
            names, named_at = _spelled_out(rows, at, names)
        for block, name in zip(rows, names, strict=True):
            yield from _read_row(ctx, block, at, name, named_at)


# "about 25 × 37 cm", "roughly $1,500": an approximate value, which opens in lower case
_APPROXIMATE = re.compile(
    r"^(?:about|around|approximately|roughly|nearly|almost|over|some|up to|at least|more than"
    r"|fewer than|less than|under)\s+[$€£¥]?\d",
    re.IGNORECASE,
)


def _measured(value: str) -> bool:
    """ "**Size:** about 25 × 37 cm": a glossary item by its lower-case value, a key and its
    value by what the value is (a short approximate measure, no gloss); "**Contribution
    limit:** $7,000 a year, or $8,000 if you're 50 or older": an amount of money first."""
    return (len(value.split()) <= 5 and _APPROXIMATE.match(value) is not None) or (
        len(value.split()) <= 12 and re.match(r"[$€£¥]\s?\d", value) is not None
    )


#: a value that is a name, maybe after its article ("the Museum of Modern Art (MoMA), New York
#: City", "Vincent van Gogh"), up to a comma, a bracket or its end
_NAME_VALUE = re.compile(
    r"^(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|de|del|da|du|la|le|van|von|and|for|the))*"
    r"\s*(?:$|[,(;])"
)


def _known_name(block: Block) -> bool:
    """ "**Where to see it:** the Museum of Modern Art", "**Employer:** the US Bureau of
    Fisheries": the document layer takes a value opening with "the" for a gloss, but after a key
    the key table knows, with a colon, a name (after its article or not) is that key's value."""
    key = _PAREN.sub("", block.key_text()).strip().rstrip(":").lower()
    after = block.text[block.key[1] : block.key[1] + 3] if block.key else ""
    return (
        ":" in after
        and (key in KEY_PREDICATES or key in PLACE_KEYS or key in DATE_KEYS)
        and _NAME_VALUE.match(block.value_text()) is not None
    )


_ABOUT = re.compile(r"\b(?:about|on|of|for)\s+(?:the\s+)?(?P<x>[A-Z][\w'’.\- ]*?)\s*:?$")


def _kv_subject(ctx: ReadContext, block: Block) -> Name | None:
    """Who a key-value item is about: the name its lead-in gives ("Paris:", "Key facts about
    Paris:"), else the section's subject."""
    lead = ctx.doc.lead_of(block)
    if lead is not None and lead.role in ("paragraph", "list_item"):
        text = re.split(r"(?<=[.!?])\s+", lead.text)[-1].strip()
        if (m := _ABOUT.search(text)) is not None:
            return Name(clean_name(m.group("x")))
        bare = clean_name(text.rstrip(":"))
        if (
            text.endswith(":")
            and bare[:1].isupper()
            and len(bare.split()) <= 4
            and not re.search(
                r"\b(?:is|are|was|were|has|have|facts|details|overview|summary|info)\b",
                bare.lower(),
            )
        ):
            return Name(bare)
    if (
        block.parent is not None
    ):  # "- **Rivers:**\n  - Nile: 6,650 km": the parent item names the group
        return None
    return ctx.section_subject(block) or first_subject(ctx) or prompt_name(ctx)


#: a short value (one to four words), a comma, then a phrase about it
_HEAD_VALUE = re.compile(
    r"^(?P<h>(?:[^,;:()\u2013\u2014]|,(?=\d)){2,40}?),\s+(?:from|with|in|on|at|which|who|whose|made|carved|"
    r"built|including|originally|once|now|then|later|or|but|if|unless|depending)\b"
)


def _read_key_value(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    if ctx.injected(block):
        return
    subject = _kv_subject(ctx, block)
    key = block.key_text()
    if is_name_key(key) or key.lower().strip() in REGION_KEYS:
        # "**Lake Vänern**: 5,650 km²": about the lake (the clause reader reads it); "**Africa:**
        # Algeria, Libya": the places that lie there (spacy/lists.region_records), no attribute
        return
    if subject is None or not key or len(key.split()) > 5:
        return
    raw = block.value_text()
    known = key.lower() in ATTRIBUTE_KEYS
    # "Expressionism (Munch is seen as one of its forerunners)": a bracket is an aside
    bare = _PAREN.sub("", raw)
    if len(bare.split()) > (25 if known else 8) or (not known and _CLAUSE.search(bare)):
        # "**Material:** Carrara marble, from a block that others had abandoned": a short value
        # before a comma, then what is said about it; "Why it exists: CPython's memory
        # management uses ...": a sentence, not a value
        head = _HEAD_VALUE.match(raw)
        if head is None or _CLAUSE.search(head.group("h")):
            return
        raw = head.group("h")
    yield from _key_facts(ctx, subject, key, raw, block.span, "kv", is_hedged(raw))


#: a column that spells the name column out ("| Abbreviation | Stands for | Adult range |")
_EXPANSION_HEADER = re.compile(
    r"(?i)^(?:stands for|full (?:form|name)|expansion|in full|what it stands for|long form|"
    r"spelled out)$"
)


def _spelled_out(rows: list[Block], at: int, names: list[str]) -> tuple[list[str], int]:
    """The long forms of an abbreviation table's names: under "| Abbreviation | Stands for |
    Typical adult range |" the row's attributes belong to "white blood cell count", the node the
    gold names, "WBC" being only its abbreviation (the glossary reader states that).
    The column the names are written in comes back too."""
    header = [clean_name(h) for h in rows[0].header]
    spelled = [j for j, h in enumerate(header) if j > at and _EXPANSION_HEADER.match(h)]
    if not spelled:
        return names, at
    out = []
    for row, name in zip(rows, names, strict=True):
        cells = row.cell_texts()
        cell = (
            " ".join(cells[spelled[0]].replace("**", "").split()) if spelled[0] < len(cells) else ""
        )
        long = clean_name(re.split(r"\s*[,;(]", cell)[0])
        out.append(long if long and len(long.split()) <= 6 else name)
    return out, spelled[0]


def _read_row(
    ctx: ReadContext, block: Block, at: int, row_subject: str, named_at: int | None = None
) -> Iterator[Fact]:
    """One table row: a key-value pair about the section's subject, a comparison of the
    columns, or the attributes of the thing the row names (in column ``at``, as
    ``row_subject``, written in column ``named_at``: by default ``at``) under their column
    headers."""
    cells = block.cell_texts()
    header = block.header
    if len(cells) < 2 or ctx.injected(block) or not header:
        return
    first = header[0].strip().lower()
    if len(cells) == 2 and (
        first in GENERIC_HEADERS
        and (first or not header[1].strip())
        or header[1].strip().lower() in GENERIC_HEADERS
        and header[1].strip()
    ):
        # "| Detail | Value |", "| | |" over "| Height | 1.95 m |": key-value pairs about the
        # section's subject
        subject = ctx.section_subject(block) or first_subject(ctx) or prompt_name(ctx)
        if subject is not None:
            yield from _key_facts(ctx, subject, cells[0], cells[1], block.span, "table.kv", False)
        return
    if not first or _compares(header):
        yield from _compared(ctx, block, cells)
        return
    if not row_subject or len(row_subject.split()) > 8:
        return
    name = Name(row_subject)
    named_at = at if named_at is None or named_at >= len(block.cells) else named_at
    yield Fact("entity", "table.cell", block.inline.span(*block.cells[named_at]), name)
    if value_type(row_subject) == "DATE":
        return  # "| 1898 | Discovered polonium |": a timeline row, what happened then is no attribute
    if at:
        # "| 3 | Network | ... |" under "| # | Layer | ... |": the network layer's number is 3
        key = header[0].strip().lower().rstrip(".")
        predicate = f"{_snake(header[at])}_number" if key in ("#", "no", "") else _snake(key)
        if predicate and not predicate.startswith("_"):
            yield Fact(
                "relation",
                "table.index",
                block.inline.span(*block.cells[0]),
                name,
                Name(cells[0].strip(), "CARDINAL"),
                predicate,
            )
    for (col, cell), (a, b) in zip(
        zip(header[at + 1 :], cells[at + 1 :], strict=False), block.cells[at + 1 :], strict=False
    ):
        if (
            not cell.strip()
            or not col.strip()
            or REMARK_HEADERS.match(col.strip())
            or _EXPANSION_HEADER.match(clean_name(col))
        ):
            continue  # a remark, or the long form of the row's name (its subject already)
        yield from _key_facts(ctx, name, col, cell, block.inline.span(a, b), "table", False)


_INDEX = re.compile(r"^\s*#?\d{1,3}\.?\s*$")


def _compares(header: Sequence[str]) -> bool:
    """ "| Feature | Butterflies | Moths |": a generic first header over two or more named
    columns is a comparison table, as an empty one is (each column a subject, each row's first
    cell an attribute), not rows about a thing named "Antennae"."""
    others = [h.strip() for h in header[1:]]
    return (
        len(others) >= 2
        and header[0].strip().lower() in GENERIC_HEADERS
        and all(
            h[:1].isupper() and h.lower() not in GENERIC_HEADERS and not REMARK_HEADERS.match(h)
            for h in others
        )
    )


def _name_column(rows: list[Block]) -> int:
    """The column naming each row's subject: the first, unless it only numbers the rows ("| 3 |
    Network | Logical addressing |", "| 1 | China | 1.41 billion |") and the next one names."""
    cells = [r.cell_texts() for r in rows]
    if all(len(c) >= 3 and _INDEX.match(c[0]) and c[1].strip()[:1].isalpha() for c in cells):
        return 1
    return 0


def _singular(word: str) -> str:
    return re.sub(r"(?<=[^s])s$", "", clean_name(_PAREN.sub("", word)).lower())


_DETERMINED = re.compile(r"\s(?:the|a|an|its|their|his|her)\s")
_USUALLY = re.compile(r"(?i)(?:often|usually|generally|mainly|mostly|typically|sometimes)\b")
_ASKED = re.compile(r"\?$|\b(?:you|your)\b")


def _compared(ctx: ReadContext, block: Block, cells: Sequence[str]) -> Iterator[Fact]:
    """A comparison table ("| | TCP | UDP |" over "| Header size | 20–60 bytes | 8 bytes |"):
    each column is a subject and the row's first cell the attribute.  A cell that is a value (a
    date, a measure, a count) is the attribute's value; so is the head of a short description
    ("connection-oriented", "best-effort; packets may be lost": its first part; a plural key's
    list, "web, email, SSH", each part) when every cell of the row is a value or such a
    description — a row with a sentence, a "yes", a hedge ("mostly at night") or a question for
    a key ("Public?") compares nothing an annotator names (on the development answers the
    descriptions were right about 1 time in 3 this way, 1 in 4 without the row check)."""
    key = cells[0]
    k = _PAREN.sub("", key.lower()).strip().rstrip(":")
    if not k or value_type(k) or len(k.split()) > 5 or _ASKED.search(k):
        return  # "Is the person conscious?", "How you get it": a question, no attribute name
    readings: list[tuple[str, str, bool, tuple[int, int]]] = []
    parallel = True  # every column's cell is a value or a short description
    for col, cell, (a, b) in zip(block.header[1:], cells[1:], block.cells[1:], strict=False):
        subject = clean_name(_PAREN.sub("", col))
        value = _PAREN.sub("", cell).strip().rstrip(".")
        described = False
        if INCUMBENT.sub("", k) in ROLE_KEYS:
            value = cell  # "Kristalina Georgieva (since 2019)": the holder and since when
        elif not value:
            continue
        elif not (value_type(value) or count_of(k, value)):
            # "connection-oriented", "guaranteed, in order, with retransmission": a short
            # description's head (its first part) is the attribute's value; a sentence is not
            head = value if _listed(k, value) else re.split(r"\s*[;:]\s*|,\s+", value)[0].strip()
            if (
                not head
                or (head is not value and len(head.split()) > 4)
                or _CLAUSE.search(head)
                or _NOT_VALUES.match(head)
                or _DETERMINED.search(head)  # "keeps the system stable": a verb phrase
                or _USUALLY.match(head)  # "mostly at night", "often $1,000 or more": hedged
            ):
                parallel = False
                continue
            value, described = head, True
        if subject:
            readings.append((subject, value, described, block.inline.span(a, b)))
    for subject, value, described, span in readings:
        if described and not parallel:
            continue  # a row whose other cells are sentences or "yes" / "no" is no comparison
        # a description is read under a construction of its own: neither the calibration map
        # nor the relation model has seen descriptions under "table.compare" (values only)
        kind = "table.described" if described else "table.compare"
        for fact in _key_facts(ctx, Name(subject), key, value, span, kind, False):
            if (
                fact.kind == "relation"
                and fact.object is not None
                and (fact.object.type or described)
            ):
                yield fact  # a value, the date an office holder took office, a description


# "Typical wavelength", "Average depth": the attribute is the wavelength, the depth
_QUALIFIED = re.compile(r"^(?:typical|average|approximate|approx\.?|estimated|usual|normal)\s+")
#: "Common uses", "Classic use": a key the key table knows under a qualifier (the gold keeps
#: the qualifier of a key it does not rename: "Main outflow" is ``main_outflow``)
_KNOWN_QUALIFIED = re.compile(r"^(?:common|classic|main|primary|major|key|notable)\s+")
_DATE_WORDS = frozenset({"year", "date", "when", "in", "of"})


def _dated(predicate: str) -> str:
    """The predicate of a date under a key that names an event and the word "year" or "date"
    ("Year completed", "Date opened" -> ``completed_in``, ``opened_in``; "Year" -> ``date``)."""
    words = [w for w in predicate.split("_") if w and w not in _DATE_WORDS]
    if not words:
        return "date"
    if len(words) == 1 and words[0].endswith(("ed", "en", "lt", "un")):
        return f"{words[0]}_in"
    return predicate
