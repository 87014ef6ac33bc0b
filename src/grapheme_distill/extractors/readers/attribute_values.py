"""What a key and its value say: the value's parts, their types and the facts they make.

"**Born:** 10 December 1815, London" says two things about its subject: born on that date and
in that place.  The key names the predicate (mapped to the usual one where the key is a
relational noun: "Founder" → ``founded_by``, "Director-General" → the value is the subject's
director-general), the value is split into its parts (a date, a place, a list of names) and each
part becomes an object.  Values keep their text as written ("10 December 1815", "about 99,000");
the datatype is a type hint, never a rewrite.  This module knows nothing of where the pair stands
(a bulleted "**Key:** value" item, a table row under its column header): ``attributes`` finds the
pairs and hands each here through ``key_facts``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.readers.attribute_keys import (
    ALIAS_KEYS,
    AMOUNT,
    DATE_KEYS,
    GROUP_KEYS,
    INCUMBENT,
    INGREDIENT_KEYS,
    KEY_PREDICATES,
    KEY_TYPES,
    LIST_KEYS,
    MEMBERSHIP_KEYS,
    PLACE_KEYS,
    ROLE_KEYS,
    TEAM_KEY,
    WORK_KEY,
)
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.model.knowledge import HierarchyKind, LinguisticKind

__all__ = [
    "CLAUSE",
    "NOT_VALUES",
    "PAREN",
    "count_of",
    "key_facts",
    "listed",
    "snake",
    "value_type",
]

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
PAREN = re.compile(r"(?:\s+|^)\([^)]*\)")
_SPLIT = re.compile(r"\s*(?:;|,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")

NOT_VALUES = re.compile(r"^(?:n/?a|none|unknown|various|varies|yes|no|-+|—|tbd)$", re.IGNORECASE)


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
    return (word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))) or word in (
        "children",
        "people",
        "men",
        "women",
    )


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
        return f"number_of_{snake(noun)}", m.group("n").strip()
    words = key.split()
    if not words or not _plural(words[-1]) or len(words) > 3 + (words[:2] == ["number", "of"]):
        return None
    if words[:2] == ["number", "of"]:  # "Number of divisions": the key names the count already
        return snake(key), m.group("n").strip()
    return f"number_of_{snake(key)}", m.group("n").strip()


_UNIT = re.compile(
    r"^(?:km|mi|m|cm|mm|kg|g|t|tonnes|lb|ft|feet|metres|meters|miles|kilometres|kilometers|years"
    r"|people|inhabitants|residents|percent|hours|minutes|seconds|days|weeks|months|bytes|volts"
    r"|watts|litres|liters)\b",
    re.IGNORECASE,
)


def snake(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def _number_part(text: str) -> str:
    """ "194 member states" → "194" (a count of a plural noun); units stay ("1,006 km")."""
    m = re.match(
        r"^(?P<n>(?:about|around|approximately|roughly|over|nearly)?\s*\d[\d,.]*)\s+(?P<w>[a-z]+)",
        text,
    )
    if (
        m
        and not value_type(text)
        and m.group("w").endswith("s")
        and len(text.split()) <= 4
        # "20 years from filing": a duration said of something, no count of years
        and not (_UNIT.match(m.group("w")) and text[m.end() :].strip())
    ):
        return m.group("n").strip()
    return text


def _values(
    key: str, raw: str, whole: frozenset[str] = frozenset(), cell: bool = False
) -> list[str]:
    """The values one key's raw text holds; in a table ``cell`` a list of common nouns gives
    each of them (:func:`common_nouns`)."""
    text = PAREN.sub("", raw).strip().rstrip(".")
    if not _RANGE.match(text):  # "1 mm – 1 m" is one value; "Geneva – the seat" ends at its dash
        text = re.sub(r"\s*[\u2013\u2014]\s+.*$", "", text)
    if key in LIST_KEYS:
        # "*Algiers* (1938), *Samson and Delilah* (1949)": a title the answer highlights whole is
        # one value, its "and" no list's
        for name in whole:
            text = text.replace(name, name.replace(" and ", "\x00"))
        parts = [p.replace("\x00", " and ") for p in _SPLIT.split(text)]
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
        # "inventions: new, useful, non-obvious processes": the head before a colon is the
        # value, the rest says what it is
        text = _HEAD_COLON.split(text)[0] if not value_type(text) else text
        parts = (
            [text]
            if value_type(text) or _described(key, text)
            else listed(key, text)
            or (common_nouns(key, text) if cell else [])
            or joined(key, re.split(r"\s*;\s*|,\s+", text)[0])
        )
    out = []
    for part in parts:
        part = clean_name(part)
        if key in INGREDIENT_KEYS:  # "3 eggs" is eggs, not the number 3
            part = clean_name(AMOUNT.sub("", part)) or part
            if part and not NOT_VALUES.match(part) and len(part.split()) <= 6:
                out.append(part)
            continue
        if key in _PEOPLE_KEYS:
            # "a group of French doctors and journalists, including Bernard Kouchner": the people
            # are the names; a description of them is no person
            part = _INCLUDING.sub("", part)
            if count_of(key, part) is not None:
                out.append(part)  # "**Spouses:** six, including …": how many (key_facts counts)
                continue
            if not part[:1].isupper():
                # "the arms dealer Friedrich Mandl": the name after its description
                tail = _LAST_NAME.search(part)
                if tail is None:
                    continue
                part = tail.group(0)
        if part and not NOT_VALUES.match(part) and len(part.split()) <= 10:
            out.append(_number_part(part))
    return out


#: keys that name a quality a thing is described by ("| Texture | soft, slightly sticky |"): the
#: description's words, however many, are one value
_QUALITY_KEYS = frozenset(
    {
        "texture",
        "taste",
        "flavour",
        "flavor",
        "colour",
        "color",
        "shape",
        "grain",
        "appearance",
        "feel",
        "smell",
        "aroma",
        "temperament",
        "character",
        "consistency",
        "body",
    }
)


def _described(key: str, text: str) -> bool:
    """ "| Grain | long, slender |": a quality key over short comma-joined words (one to three
    lower-case words a part, no clause) is one description, not a list of values."""
    parts = re.split(r",\s+", text)
    return (
        key in _QUALITY_KEYS
        and len(parts) > 1
        and all(1 <= len(p.split()) <= 3 and not CLAUSE.search(p) and p.islower() for p in parts)
    )


#: a colon after a value's head, before what is said of it ("brand identifiers: names, logos");
#: not a time or a ratio ("10:30", "3:1")
_HEAD_COLON = re.compile(r"\s*:\s+")

#: the last word of a key that names several things ("Labels", "Main campaigns", "Events")
_PLURAL_KEY = re.compile(r"(?<![su])s$")


def listed(key: str, text: str) -> list[str]:
    """ "**Labels:** Bethlehem, Colpix, Philips, RCA": a key in the plural over a list of short
    names or noun phrases gives each of them, not only the first.  Every part must be a short
    phrase (five words at most, no verb): "**Effects:** it slows the heart, and ..." stays a
    sentence, whose first part alone is read."""
    if not _PLURAL_KEY.search(key.split()[-1] if key.split() else ""):
        return []
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) < 2 or any(len(p.split()) > 5 or CLAUSE.search(p) for p in parts):
        return []
    return parts


#: a part of a value that is no bare noun phrase: an article or a possessive before a noun, a
#: preposition or a hedge opening it ("with crema on top", "mostly at night")
_NOT_NOUN = re.compile(
    r"(?i)(?:^|\s)(?:the|a|an|its|their|his|her|with|without|on|in|at|by|for|from|to|of|as|"
    r"mostly|often|usually|sometimes|generally|mainly|not|no|very|more|less|than)\s"
)


#: a word that ends as an adjective or a participle does ("dynamic", "interpreted", "porous",
#: "portable", "quickly"): no noun heads such a part, the list describes
_ADJECTIVE = re.compile(r"(?:ous|ful|ive|able|ible|less|ic|ed|ly)$")


def common_nouns(key: str, text: str) -> list[str]:
    """ "| Classic use | biryani, pilau |", "| Main use | salads, stews |": in a table's cell, a
    key in the singular over a comma list of bare common-noun phrases is one value per phrase,
    as a plural key's list is (the annotators record one fact per noun); its first part alone
    was read.  Each phrase is one to three words ending on a lower-case word that does not end
    as an adjective or a participle does, with no name, date, number, article, preposition,
    hedge or verb.  A quality key's words stay one description ("dry, fluffy, separate"), a
    name list ("Paris, France") an address."""
    if key in _QUALITY_KEYS or WORK_KEY.match(key) or ", " not in text:
        return []
    parts = [p.strip() for p in _SPLIT.split(text) if p and p.strip()]
    if len(parts) < 2 or any(
        not 1 <= len(p.split()) <= 3
        or not p.split()[-1][:1].islower()
        or _ADJECTIVE.search(p.split()[-1]) is not None
        or any(c.isdigit() for c in p)
        or CLAUSE.search(p)
        or _NOT_NOUN.search(f" {p} ")
        or value_type(p)
        for p in parts
    ):
        return []
    return parts


_JOINED = re.compile(r"\s+(?:and|or)\s+")
#: the last word of a name ("south-west China", "Pakistan") or of a plural noun ("leptons")
_NAME_END = re.compile(r"(?:[A-Z][\w'’.\-]+|[a-z][a-z\-]*[a-rt-z]s)$")


def joined(key: str, text: str) -> list[str]:
    """ "| Origin | India and Pakistan |", "| Range | Himalayas and south-west China |", "| Acts on
    | quarks and leptons |": a value that joins two or more names or plural nouns by "and" or
    "or" is each of them (the annotators record one fact per name), where a key in the singular
    keeps its one value whole otherwise.  Only when every part is short (four words at most) and
    ends on a capitalised word or a plural noun: adjectives ("light and airy", "withered and
    dried"), a shared head ("narrow or button-down collars", "W and Z bosons") and clauses stay
    whole, and so does a title under a work's key ("**Novel:** Pride and Prejudice")."""
    parts = _JOINED.split(text)
    if (
        len(parts) < 2
        or WORK_KEY.match(key)
        or any(
            not 1 <= len(p.split()) <= 4 or CLAUSE.search(p) or not _NAME_END.search(p)
            for p in parts
        )
    ):
        return [text]
    return parts


# keys whose values are people, by name
_PEOPLE_KEYS = frozenset(
    {"founders", "co-founders", "founder", "co-founder", "parents", "children", "spouses"}
)
#: a personal name that ends a description ("the arms dealer Friedrich Mandl"): two or more
#: capitalised words at the end
_LAST_NAME = re.compile(
    r"(?<![\w'’.\-])[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|van|von|de|da))*\s+[A-Z][\w'’.\-]+$"
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


#: the words before a kind key that pick some of the kind ("main parts", "key members",
#: "founding members")
_SELECTING = re.compile(r"^(?:main|key|major|principal|basic|core|common|notable|founding)\s+")


def key_facts(
    ctx: ReadContext,
    subject: Name,
    key: str,
    raw: str,
    span: tuple[int, int],
    construction: str,
    hedged: bool,
) -> Iterator[Fact]:
    """The facts one key and its value state about ``subject``: attribute relations (to a date,
    a number, a name), aliases, kinds and memberships, as the key's kind says.  Shared by every
    layout that pairs a key with a value, so a table cell and a bulleted item read alike."""
    k = key.lower().strip().rstrip(":")
    k = PAREN.sub("", k).strip() or k  # "Area (km²)", "Founded (year)": the unit is no key
    k = _conditioned(k)  # "Colour in cup", "Texture when cooked": the colour, the texture
    if value_type(k) == "DATE":
        return  # "**1903:** Shared the Nobel Prize": a timeline entry, no attribute named "1903"
    if (office := INCUMBENT.sub("", k)) in ROLE_KEYS:
        k = office  # "Current head", "Present chair": the office itself
    since = _SINCE.search(raw) if k in ROLE_KEYS else None
    if since is None:
        # "| Government | constitutional monarchy since 2008 |": the value is what it has been
        # since then, the date no part of it
        raw = _SINCE_TAIL.sub("", raw) or raw
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
    # "**Main parts:**", "**Key members:**": the selecting word picks the kind, the kind is the key
    group = GROUP_KEYS.get(k) or GROUP_KEYS.get(_SELECTING.sub("", k))
    if group is not None and not raw.strip()[:1].isdigit():
        # "**Formats:** Test cricket, One Day Internationals and Twenty20": kinds of the subject
        for value in _SPLIT.split(PAREN.sub("", raw).strip().rstrip(".")):
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
    for value in _values(k, raw, ctx.highlighted_with_and(), construction == "table"):
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
                f"{snake(k)}_of",
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
                    f"{snake(k)}_since",
                    hedged=hedged,
                )
        else:
            bare = _QUALIFIED.sub("", k) or k
            predicate = (
                KEY_PREDICATES.get(k)
                or KEY_PREDICATES.get(_KNOWN_QUALIFIED.sub("", bare))
                or ("created" if WORK_KEY.match(k) else "")
                or ("played_for" if TEAM_KEY.match(k) else "")
                or snake(bare)
            )
            if vtype == "DATE":
                predicate = _dated(predicate)
            elif (counted := count_of(k, value)) is not None:
                predicate, obj = counted[0], Name(counted[1], "CARDINAL")
            if not predicate or len(predicate) > 40:
                continue
            yield Fact("relation", construction, span, subject, obj, predicate, hedged=hedged)
    yield from _parted_from(k, raw, subject, span, construction, hedged)
    years = re.findall(rf"\b{_YEAR}\b", raw)
    named = [v for v in _values(k, raw) if value_type(v) != "DATE"]
    if KEY_PREDICATES.get(k) == "won" and len(years) == 1 and len(named) == 1:
        # "**Award:** Nobel Peace Prize (1999)": the one prize, won that year
        year = Name(years[0], "DATE")
        yield Fact("relation", f"{construction}.year", span, subject, year, "won_in", hedged=hedged)


#: keys that name a parting ("| Independence | 17 June 1944 (from Denmark) |"): the value's
#: "from X" says whom the subject parted from (the gold's ``independence_from``)
_PARTING_KEYS = frozenset({"independence", "secession"})
_FROM = re.compile(
    r"(?:^|[(,;]\s*|\s)from\s+(?:the\s+)?(?P<x>[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the))*)"
    r"(?=\s*(?:[),;.]|$|\s+(?:in|on|after|by|following)\b))"  # the name ends it: not "British rule"
)


def _parted_from(
    key: str, raw: str, subject: Name, span: tuple[int, int], construction: str, hedged: bool
) -> Iterator[Fact]:
    """ "**Independence:** 26 June 1960, from France", "| Independence | 17 June 1944 (from
    Denmark) |": a parting key's date comes with whom the subject parted from; that name is
    ``<key>_from`` (the date stays the key's own relation)."""
    if key in _PARTING_KEYS and (m := _FROM.search(raw)) is not None:
        place = Name(clean_name(m.group("x")), "GPE")
        yield Fact("relation", construction, span, subject, place, f"{key}_from", hedged=hedged)


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
#: a value's closing "since <date>" ("constitutional monarchy since 2008")
_SINCE_TAIL = re.compile(
    rf",?\s+since\s+(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+)?{_YEAR}s?\s*\.?$", re.IGNORECASE
)
CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|uses?|makes?|can|will|does|do|did|differ|exists?)\b"
)

# "Typical wavelength", "Average depth": the attribute is the wavelength, the depth
_QUALIFIED = re.compile(r"^(?:typical|average|approximate|approx\.?|estimated|usual|normal)\s+")
#: "Common uses", "Classic use": a key the key table knows under a qualifier (the gold keeps
#: the qualifier of a key it does not rename: "Main outflow" is ``main_outflow``)
_KNOWN_QUALIFIED = re.compile(r"^(?:common|classic|main|primary|major|key|notable)\s+")
_DATE_WORDS = frozenset({"year", "date", "when", "in", "of"})


# "Colour in cup", "Texture when cooked", "Taste when raw": an attribute noun and the condition
# it is seen under; the gold names the attribute ("colour", "texture").  A participle before
# "in" is a relation of its own ("Born in", "Found in", "Used in") and keeps its words.
_CONDITION = re.compile(r"^(?P<head>[a-z]+)\s+(?:when\s+[a-z]+|in\s+(?:the\s+|a\s+)?[a-z]+)$")
_PARTICIPLES = frozenset(
    {"born", "made", "found", "held", "built", "set", "kept", "sold", "put", "run", "won", "hit"}
)


def _conditioned(key: str) -> str:
    """A key's attribute noun without the condition after it ("colour in cup" → "colour"), or
    the key as it is."""
    m = _CONDITION.match(key)
    if m is None:
        return key
    head = m.group("head")
    verbal = head.endswith(("ed", "en", "wn", "rn", "s", "ing")) or head in _PARTICIPLES
    return key if verbal else head


def _dated(predicate: str) -> str:
    """The predicate of a date under a key that names an event and the word "year" or "date"
    ("Year completed", "Date opened" -> ``completed_in``, ``opened_in``; "Year" -> ``date``)."""
    words = [w for w in predicate.split("_") if w and w not in _DATE_WORDS]
    if not words:
        return "date"
    if len(words) == 1 and words[0].endswith(("ed", "en", "lt", "un")):
        return f"{words[0]}_in"
    return predicate
