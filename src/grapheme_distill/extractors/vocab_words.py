"""Word tables of the vocabulary matcher (:mod:`grapheme_distill.extractors.vocab`): derivations
and paraphrases that spelling cannot reveal, the function words the matcher ignores, and the class
words that tell a date, place, organisation or number label from the rest.

They are facts of English usage, not code: kept apart so that the matcher reads as an algorithm and
the tables can grow (or become data files) without touching it.  Each entry's reason is the
comment above its table in the original module; see the matcher's docstring for how they are used.
"""

from __future__ import annotations

from collections.abc import Mapping

from grapheme_distill.model.knowledge import EntityType

__all__ = ["DERIVATIONS", "PARAPHRASES"]

#: Derivations that a shared stem cannot reveal (suppletive or irregular forms).  Kept small on
#: purpose: each entry is a word-formation fact of English, not a benchmark-specific mapping.  A
#: value is a list of alternative readings, likelier first; a reading may be a phrase ("alma mater").
DERIVATIONS: Mapping[str, tuple[str, ...]] = {
    "born": ("birth",),
    "bear": ("birth",),
    "birth": ("born",),
    "die": ("death",),
    "died": ("death",),
    "death": ("die",),
    "marry": ("spouse",),
    "married": ("spouse",),
    "wife": ("spouse",),
    "husband": ("spouse",),
    "spouse": ("married",),
    "live": ("residence",),
    "lived": ("residence",),
    "reside": ("residence",),
    "resident": ("residence",),
    "home": ("residence",),
    "lead": ("leader",),
    "led": ("leader",),
    "head": ("leader",),
    "headed": ("leader",),
    "study": ("alma mater",),
    "studied": ("alma mater",),
    "graduate": ("alma mater",),
    "graduated": ("alma mater",),
    "attend": ("alma mater",),
    "attended": ("alma mater",),
    "speak": ("language",),
    "spoken": ("language",),
    "write": ("writer", "author"),
    "written": ("writer", "author"),
    "wrote": ("writer", "author"),
    "build": ("builder",),
    "built": ("builder",),
    "succeed": ("successor",),
    "succeeded": ("successor",),
    "precede": ("preceded", "predecessor"),
    "follow": ("followed", "successor"),
    "employ": ("employer", "employees"),
    "employed": ("employer",),
    "citizen": ("citizenship",),
    "national": ("nationality",),
    "begin": ("start",),
    "began": ("start",),
    "begun": ("start",),
    "commence": ("start",),
    "started": ("start",),
    "ended": ("end",),
    "finish": ("end",),
    "finished": ("end",),
    # being somewhere: the most general label first; a vocabulary without one gets the next
    "locate": ("location", "place", "country", "city", "region"),
    "located": ("location", "place", "country", "city", "region"),
    "situated": ("location", "place", "country", "city", "region"),
    "base": ("location", "headquarter", "city"),
    "based": ("location", "headquarter", "city"),
    "large": ("largest",),
    "big": ("largest",),
    "biggest": ("largest",),
    "fly": ("flight",),
    "own": ("owner",),
    "owned": ("owner",),
    "publish": ("publication",),
    "published": ("publication",),
    "release": ("publication",),
    "released": ("publication",),
    "design": ("designer", "architect"),
    "designed": ("designer", "architect"),
    "create": ("creator", "artist"),
    "created": ("creator", "artist"),
}

#: General English paraphrases of relations whose verb shares no word with the relation's noun:
#: "X starred in Y" (Y's cast), "X plays for Y" (X's team/club), "X fought in Y" (a battle),
#: "X is from Y" (origin).  Keyed by the predicate as the extractor writes it (verb lemma +
#: preposition, snake_case; a bare preposition is a "be + preposition" clause).  Written from
#: the meaning of the English phrase, never from a benchmark's label list; each value lists the
#: readings, likelier first, like :data:`DERIVATIONS`.
PARAPHRASES: Mapping[str, tuple[str, ...]] = {
    "star": ("starring", "cast member"),
    "star_in": ("starring", "cast member"),
    "play_for": ("team", "club", "member of team"),
    "play_with": ("associated band", "team", "club"),
    "fight_in": ("battle", "war"),
    "serve_in": ("military branch", "battle"),
    "from": ("origin", "country", "nationality"),
    "come_from": ("origin", "country"),
    "originate_from": ("origin", "country"),
    "originate_in": ("origin", "country"),
    "in": ("location", "country", "city", "region"),
    "serve_as": ("position held", "office", "occupation"),
    "work_as": ("occupation", "profession"),
    "win": ("award",),
    "won": ("award",),
    "set_in": ("narrative location", "setting"),
    "shoot_in": ("filming location",),
    "shot_in": ("filming location",),
    "play_in": ("league", "season"),
    "compete_in": ("league", "season", "competition"),
    "join": ("member of",),
    "member_of": ("member of", "party", "band", "team", "club"),
    "fly_on": ("mission",),
    "recorded_by": ("performer", "artist"),
    "released_for": ("platform",),
    "developed_for": ("platform",),
    "ported_to": ("platform",),
    "released_by": ("record label", "publisher", "distributor"),
    "released_through": ("record label", "publisher", "distributor"),
    "written_for": ("instrumentation",),
    "composed_for": ("instrumentation",),
    "sign_to": ("record label",),
    "sign_with": ("record label",),
    "signed_to": ("record label",),
    "signed_with": ("record label",),
    "released_under": ("record label",),
    "run": ("runtime", "duration"),
    "last": ("runtime", "duration"),
    "perform": ("genre",),
    "running_time": ("runtime", "duration"),
    "run_for": ("runtime", "duration"),
}
#: relational nouns that name the same role as a label, so "X is the R of Y" reads R(Y, X) as
#: for the label itself (a derivation such as graduate → alma mater names a different role).
_ROLE_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "wife": ("spouse",),
    "husband": ("spouse",),
    "head": ("leader",),
}
_STOP = frozenset(
    {
        "is",
        "be",
        "was",
        "were",
        "are",
        "been",
        "the",
        "a",
        "an",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "its",
        "their",
        "his",
        "her",
    }
)
_PREPS = frozenset(
    {
        "of",
        "in",
        "on",
        "at",
        "by",
        "to",
        "from",
        "for",
        "with",
        "as",
        "into",
        "about",
        "within",
        "inside",
        "through",
        "throughout",
        "across",
        "during",
        "near",
        "via",
    }
)
_DATE_WORDS = frozenset({"date", "year", "time", "day", "century", "season"})
_DATE_ALONE = frozenset(
    {
        "established",
        "founded",
        "opened",
        "completed",
        "built",
        "released",
        "launched",
        "born",
        "died",
        "discovered",
        "formed",
        "dissolved",
    }
)
_PLACE_WORDS = frozenset(
    {
        "place",
        "location",
        "country",
        "city",
        "residence",
        "region",
        "state",
        "ground",
        "headquarter",
        "headquarters",
        "site",
        "nationality",
        "birthplace",
        "origin",
        "hometown",
        "capital",
        "county",
        "district",
    }
)
#: labels whose object is an organisation, not a person
_ORG_WORDS = frozenset(
    {
        "label",
        "company",
        "club",
        "team",
        "party",
        "organisation",
        "organization",
        "league",
        "network",
        "broadcaster",
        "airline",
    }
)
_NUMBER_WORDS = frozenset(
    {
        "number",
        "population",
        "length",
        "area",
        "elevation",
        "height",
        "runtime",
        "mass",
        "density",
        "capacity",
        "total",
        "code",
        "count",
        "weight",
        "width",
        "depth",
        "diameter",
        "period",
        "speed",
        "temperature",
        "size",
        "budget",
        "gross",
        "rank",
        "percentage",
        "members",
        "apoapsis",
        "periapsis",
        "distance",
    }
)


#: head words of ontology concepts, by the entity type NER gives their instances (GPE/LOC/FAC are
#: all LOCATION, so buildings and airports are places).  General English class nouns only.
_CONCEPT_HEADS: Mapping[EntityType, frozenset[str]] = {
    EntityType.PERSON: frozenset(
        {
            "person",
            "human",
            "people",
            "artist",
            "athlete",
            "astronaut",
            "scientist",
            "politician",
            "writer",
            "author",
            "actor",
            "musician",
            "monarch",
            "saint",
            "commander",
            "leader",
            "player",
            "president",
        }
    ),
    EntityType.LOCATION: frozenset(
        {
            "place",
            "location",
            "country",
            "city",
            "state",
            "county",
            "region",
            "territory",
            "town",
            "village",
            "municipality",
            "settlement",
            "river",
            "mountain",
            "island",
            "continent",
            "airport",
            "building",
            "monument",
            "station",
            "campus",
            "ground",
            "venue",
            "stadium",
            "observatory",
            "watercourse",
        }
    ),
    EntityType.ORGANIZATION: frozenset(
        {
            "organisation",
            "organization",
            "company",
            "business",
            "university",
            "college",
            "school",
            "club",
            "team",
            "league",
            "band",
            "party",
            "label",
            "publisher",
            "agency",
            "institution",
            "airline",
            "channel",
            "broadcaster",
            "network",
        }
    ),
    EntityType.DATETIME: frozenset({"date", "year", "time", "datetime"}),
    EntityType.NUMBER: frozenset({"number", "integer", "float", "double", "decimal", "quantity"}),
}
