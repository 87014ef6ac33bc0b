"""The key tables of the key-value and table reader (:mod:`.attributes`).

What a key means is data, kept apart from the reading code so that each stays short: the key that
names a predicate ("Founder" → ``founded_by``), the keys whose values are places, dates, people,
list items, kinds or groups, the table headers that name no attribute ("Detail", "Value"), and
whether a key is a name rather than an attribute (:func:`is_name_key`).
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "INCUMBENT",
    "is_name_key",
    "ALIAS_KEYS",
    "AMOUNT",
    "DATE_KEYS",
    "GENERIC_HEADERS",
    "GROUP_KEYS",
    "INGREDIENT_KEYS",
    "KEY_PREDICATES",
    "KEY_TYPES",
    "TEAM_KEY",
    "VENUE_KEYS",
    "VENUE_MEASURES",
    "WORK_KEY",
    "LIST_KEYS",
    "MEMBERSHIP_KEYS",
    "PLACE_KEYS",
    "REGION_KEYS",
    "REMARK_HEADERS",
    "ROLE_KEYS",
]

# key (lower) -> predicate, or (predicate, value is the subject's <role>: swap)
KEY_PREDICATES: dict[str, str] = {
    "founder": "founded_by",
    "founders": "founded_by",
    "founded by": "founded_by",
    "co-founder": "founded_by",
    "co-founders": "founded_by",
    "author": "written_by",
    "written by": "written_by",
    "writer": "written_by",
    "director": "directed_by",
    "directed by": "directed_by",
    "composer": "composed_by",
    "developer": "developed_by",
    "developed by": "developed_by",
    "designer": "designed_by",
    "designed by": "designed_by",
    "inventor": "invented_by",
    "invented by": "invented_by",
    "discovered by": "discovered_by",
    "discoverer": "discovered_by",
    "created by": "created_by",
    "creator": "created_by",
    "architect": "designed_by",
    "painter": "painted_by",
    "artist": "created_by",
    "headquarters": "headquartered_in",
    "hq": "headquartered_in",
    "location": "located_in",
    "where": "located_in",  # "**Where:** the Bay of Naples": of a place or an event
    "employer": "employer",
    "located": "located_in",
    "country": "located_in",
    "countries": "located_in",  # "| Countries | Peru and Bolivia |" of a lake: it lies in both
    "events": "competes_in",  # "| **Events** | 100 m, 200 m |" of an athlete
    "parents": "child_of",
    "father": "child_of",
    "mother": "child_of",
    "children": "parent_of",
    "spouse": "spouse",
    "spouses": "spouse",
    "wife": "spouse",
    "husband": "spouse",
    "predecessor": "succeeded",
    "preceded by": "succeeded",
    "successor": "preceded",
    "succeeded by": "preceded",
    "league": "plays_in",
    "owner": "owned_by",
    "owned by": "owned_by",
    "parent company": "owned_by",
    "members": "has_members",
    "nationality": "nationality",
    "occupation": "occupation",
    "profession": "occupation",
    "alma mater": "educated_at",
    "education": "educated_at",
    "official language": "official_language",
    "currency": "currency",
    "mouth": "flows_into",
    "source": "rises_in",
    "genre": "genre",
    "genres": "genre",
    **dict.fromkeys(
        ("award", "awards", "prize", "prizes", "honours", "honors", "major awards"), "won"
    ),
    "ingredients": "made_with",
    "main ingredients": "made_with",
    "current home": "located_in",
    "home": "located_in",
    "current location": "located_in",
    "housed in": "located_in",
    "where to see it": "located_in",
    # a teacher taught the subject; a partner is no spouse; a resting place is where the
    # subject is buried; a thing's uses are what it is used for; its origin where it comes from
    **dict.fromkeys(("teacher", "teachers", "mentor", "tutor"), "taught_by"),
    **dict.fromkeys(("students", "pupils"), "taught"),
    "partner": "partner",
    **dict.fromkeys(("resting place", "burial place", "buried", "place of burial"), "buried_in"),
    **dict.fromkeys(("use", "uses", "used for"), "used_for"),
    "origin": "originates_from",
    "college": "educated_at",
    # a condition's signs are its symptoms, it is treated with its treatment and caused by its
    # cause (the gold's "symptom", "treated_with", "caused_by": "| Treatment | CPR |" of cardiac
    # arrest is "cardiac arrest treated_with CPR", not "treatment")
    **dict.fromkeys(("symptoms", "symptom", "signs", "signs and symptoms"), "symptom"),
    **dict.fromkeys(("treatment", "treatments", "treated with"), "treated_with"),
    **dict.fromkeys(("cause", "causes", "caused by"), "caused_by"),
}
#: a key naming the teams or clubs a player played for ("NBA teams", "Clubs", "Former clubs")
TEAM_KEY = re.compile(r"^(?:[\w-]+\s+){0,2}(?:teams|clubs)$")
#: a key naming works the subject made ("Best-known book", "Notable works", "Signature songs"):
#: the subject made each value (``created``, the scorer's synonym of wrote, composed, designed)
WORK_KEY = re.compile(
    r"^(?!number\b)(?:[\w-]+\s+){0,2}(?:works?|books?|novels?|albums?|songs?|paintings?|films?"
    r"|operas?|compositions?|poems?|symphonies|buildings)$"
)
# keys that say what kind of thing their value is ("Official language: Icelandic" is a language,
# not the start of "Icelandic króna")
KEY_TYPES = {
    **dict.fromkeys(
        ("language", "languages", "official language", "official languages"), "LANGUAGE"
    ),
    **dict.fromkeys(("nationality", "citizenship"), "NORP"),
}
# keys whose value is a place, maybe followed by the places it lies in ("Geneva, Switzerland")
PLACE_KEYS = frozenset(
    {
        "headquarters",
        "hq",
        "location",
        "located",
        "current home",
        "home",
        "current location",
        "housed in",
        "where to see it",
        "where",
        "launch site",
        "birthplace",
        "birth place",
        "place of birth",
        "place of death",
        "resting place",
        "burial place",
        "place of burial",
    }
)
# "3 eggs, a pinch of salt, 1 tbsp butter": the ingredient is what is left of the amount
AMOUNT = re.compile(
    r"^(?:(?:\d+(?:[./\u2013-]\d+)?|[½¼¾⅓]|a|an|one|two|three|four|five|six|half|a few|few|some)\s+)*"
    r"(?:(?:tbsp|tsp|tablespoons?|teaspoons?|cups?|g|kg|ml|cl|l|litres?|liters?|oz|lb|lbs|pounds?"
    r"|grams?|cloves?|slices?|pinch(?:es)?|dash(?:es)?|handfuls?|sprigs?|cans?|tins?|pieces?|bunch"
    r"|sticks?|knobs?|splash|drops?|large|medium|small)\b\.?\s*)*(?:of\s+)?",
    re.IGNORECASE,
)
INGREDIENT_KEYS = frozenset({"ingredients", "main ingredients"})
# table columns whose cells are remarks, not values ("Notes", "What's in it"), and the
# "Examples" column, whose names are instances of the row's thing (the hierarchy reader's)
REMARK_HEADERS = re.compile(
    r"^(?:notes?|comments?|remarks?|description|summary|why|what|how|when"
    r"|(?:[a-z\-]+\s+)?examples?|e\.g\.)(?:\b|$)",
    re.IGNORECASE,
)
ROLE_KEYS = frozenset(
    {
        "ceo",
        "president",
        "leader",
        "chairman",
        "chair",
        "director-general",
        "director general",
        "secretary-general",
        "secretary general",
        "head",
        "coach",
        "manager",
        "head coach",
        "prime minister",
        "mayor",
        "governor",
        "monarch",
        "king",
        "queen",
        "captain",
        "principal",
        "chancellor",
        "dean",
        "editor",
        "publisher",
    }
)
DATE_KEYS = {
    "born": ("born_on", "born_in"),
    "birth": ("born_on", "born_in"),
    "died": ("died_on", "died_in"),
    "death": ("died_on", "died_in"),
    # "**Founded:** 1971, in Vancouver": the gold names the place of a founding apart from its
    # date (``founded_in_place``, ``founded_in_city``), where a band's "formed in" place is
    # ``formed_in`` as its year is
    "founded": ("founded_in", "founded_in_place"),
    "established": ("founded_in", "founded_in_place"),
    "formed": ("founded_in", "founded_in"),
    "released": ("released_in", "released_in"),
    "published": ("published_in", "published_in"),
    "opened": ("opened_in", "opened_in"),
    "launched": ("launched_in", "launched_in"),
    "built": ("built_in", "built_in"),
    "completed": ("completed_in", "completed_in"),
    "discovered": ("discovered_in", "discovered_in"),
    "first appeared": ("released_in", "released_in"),
    "initial release": ("released_in", "released_in"),
    "date of birth": ("born_on", "born_in"),
    "date of death": ("died_on", "died_in"),
    "birthplace": ("born_in", "born_in"),
    "place of birth": ("born_in", "born_in"),
    "place of death": ("died_in", "died_in"),
    "release date": ("released_in", "released_in"),
}
ALIAS_KEYS = frozenset(
    {
        "nickname",
        "nicknames",
        "also known as",
        "aka",
        "other names",
        "other name",
        "known as",
        "alias",
        "aliases",
        "full name",
        "birth name",
        "native name",
        "official name",
        "ticker",
        "symbol",
        "abbreviation",
    }
)
LIST_KEYS = frozenset(
    {
        "parents",
        "children",
        "members",
        "founders",
        "co-founders",
        "genres",
        "spouses",
        "languages",
        "official languages",
        "instruments",
        "tributaries",
        "notable works",
        "works",
        "albums",
        "books",
        "products",
        "subsidiaries",
        "key people",
        "countries",
        "cities",
        "awards",
        "cuisine",
        "main ingredients",
        "ingredients",
        # "**Known for:** the Ramanujan prime, the Ramanujan theta function, mock theta functions"
        "known for",
        "best known for",
        "famous for",
        "notable for",
    }
)
GENERIC_HEADERS = frozenset(
    {
        "detail",
        "details",
        "value",
        "attribute",
        "property",
        "fact",
        "facts",
        "feature",
        "key",
        "item",
        "field",
        "characteristic",
        "info",
        "information",
        "data",
        "",
        "description",
        "category",
        "aspect",
        "parameter",
    }
)
GROUP_KEYS: dict[str, HierarchyKind] = {
    **dict.fromkeys(
        (
            "types",
            "kinds",
            "formats",
            "varieties",
            "subtypes",
            "classes",
            "categories",
            "forms",
            "subspecies",
            "breeds",
            "styles",
        ),
        HierarchyKind.SUBCLASS_OF,
    ),
    **dict.fromkeys(
        (
            "members",
            "line-up",
            "lineup",
            "players",
            "personnel",
            "member states",
            "band members",
            "cast",
        ),
        HierarchyKind.MEMBER_OF,
    ),
    **dict.fromkeys(
        (
            "parts",
            "components",
            "chambers",
            "layers",
            "subdivisions",
            "divisions",
            "regions",
            "movements",
            "organs",
            "sections",
            # a company's and a country's subdivisions ("**Key subsidiaries:** Google, Waymo")
            "subsidiaries",
            "branches",
            "departments",
            "provinces",
            "territories",
            "districts",
        ),
        HierarchyKind.PART_OF,
    ),
}
#: keys whose value is a group the subject belongs to (a party, a band, an alliance)
MEMBERSHIP_KEYS = frozenset(
    {
        "party",
        "political party",
        "member of",
        "affiliation",
        "affiliations",
        "alliance",
        "alliances",
        "memberships",
        "band",
        "group",
        "house",
        "dynasty",
        "conference",
    }
)

#: "Current head", "Acting CEO": the office itself
#: continents and world regions: as a key ("**Africa:** Algeria, Libya") they group the places
#: listed after them, which lie there; they name no attribute of the section's subject
REGION_KEYS = frozenset(
    {
        "africa",
        "asia",
        "europe",
        "oceania",
        "antarctica",
        "americas",
        "the americas",
        "north america",
        "south america",
        "central america",
        "latin america",
        "caribbean",
        "the caribbean",
        "middle east",
        "the middle east",
        "east asia",
        "south asia",
        "southeast asia",
        "south-east asia",
        "central asia",
        "western europe",
        "eastern europe",
        "northern europe",
        "southern europe",
        "scandinavia",
        "north africa",
        "sub-saharan africa",
        "west africa",
        "east africa",
        "southern africa",
    }
)
#: keys whose value names the ground a club or a company plays or performs in ("**Stadium:**
#: Spotify Camp Nou")
VENUE_KEYS = frozenset(
    {
        "stadium",
        "home stadium",
        "ground",
        "home ground",
        "arena",
        "home arena",
        "venue",
        "home venue",
        "ballpark",
    }
)
#: keys that measure a building, never an organisation ("Capacity", "Seats"): after a venue
#: key they are the venue's
VENUE_MEASURES = frozenset({"capacity", "seating capacity", "seats", "seating"})
INCUMBENT = re.compile(r"^(?:current|present|incumbent|acting)\s+")
_NAME_PARTICLES = frozenset({"of", "de", "la", "le", "del", "der", "von", "van", "the", "and", "&"})


def is_name_key(key: str) -> bool:
    """True when the key of a "**Key**: value" item is a name ("**Lake Vänern**: 5,650 km²",
    "**Anders Celsius**: Swedish astronomer"): the item is about the named thing, and the key is
    no attribute of the section's subject.  A name is two or more words, each capitalised but for
    name particles ("Bay of Biscay"); an attribute key is rarely so ("Contribution limit", "Where
    to see it") and the known ones ("Place of Birth") are never names."""
    words = re.sub(r"\s*\([^)]*\)", "", key).split()
    if (
        len(words) < 2
        or key.strip().lower() in ATTRIBUTE_KEYS
        or key.strip().lower() in KEY_PREDICATES
        or INCUMBENT.sub("", key.strip().lower()) in ROLE_KEYS  # "Current CEO"
    ):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES for w in words
    )
