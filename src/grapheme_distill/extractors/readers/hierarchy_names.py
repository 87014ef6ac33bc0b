"""The short names a hierarchy cue lists (issue 11): "including A, B and C", an item's gloss
"— frogs, toads and newts", a table cell "names, logos, slogans".

Why a module of its own.  Every candidate source of :mod:`.hierarchy_learned` and
:mod:`.hierarchy_cues` reads its children with the same lenient splitter, so one fix (a gloss in
parentheses, a restating colon, quoted titles) reaches all of them; it was cut out of
:mod:`.hierarchy_learned` (near the ~800-line limit) in the eighth session.  Text only, no parse.
The names a list item gives (a number kept with a distance, a measure dropped from an
ingredient, two lower-case names joined by "and") are here too, for :mod:`.hierarchy`.
"""

from __future__ import annotations

import functools
import re

from grapheme_distill.extractors.readers.facts import clean_name

__all__ = [
    "PAIR",
    "STRUCTURE_HEADING",
    "list_after",
    "measured_name",
    "plausible_edge",
    "with_shared_head",
]

# "## Structure", "## How it is organised", "# How a jazz big band is organised": a heading that
# names how something is built; the list right under it names its parts (devread and the gate
# answers alike: the Fed, the WTO, Amnesty, a big band)
STRUCTURE_HEADING = re.compile(
    r"^(?:how\s+(?P<x>.+?)\s+(?:is|are|was|were)\s+(?:organi[sz]ed|structured|run|governed|set up)|"
    r"(?:the\s+)?(?:organi[sz]ational\s+|overall\s+|basic\s+)?(?:structure|organi[sz]ation)"
    r"(?:\s+of\s+(?P<y>.+))?)\s*[?:.]?$",
    re.IGNORECASE,
)


def list_after(text: str) -> list[str] | None:
    """The short names a cue's text lists.  Quoted titles are the names when two or more open
    it ("Feeling Good", "My Baby Just Cares for Me"); a gloss in balanced parentheses is dropped
    before the text is cut at a closing one ("Test cricket (up to five days), ODIs"); a short
    phrase before a colon is a restatement ("one of four chemicals: adenine, …")."""
    from grapheme_distill.extractors.readers.phrases import name_list, noun_phrase

    quoted = _QUOTED.findall(text[:400])
    if len(quoted) >= 2 and len(text[: text.find(quoted[0]) - 1].split()) <= 3:
        return [clean_name(q) for q in quoted if clean_name(q)] or None
    text = _BALANCED.sub("", text)
    text = re.split(r"[;.!?]\s|\s[\u2013\u2014]\s|\s+-\s+|\)", text + " ")[0]
    head, colon, rest = text.partition(": ")
    if colon and len(head.split()) <= 6:
        text = rest
    text = re.split(r",\s+(?:which|who|where|while|but|and then|so)\b", text)[0]
    names = name_list(text, max_words=4)
    if names is None:  # lenient: the parts that are short names, the rest left out
        names = []
        for raw in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\+\s*", text):
            part = clean_name(noun_phrase(re.sub(r"\s*\([^)]*\)?", "", raw)))
            if part and len(part.split()) <= 4 and not _SENTENCEISH.search(part):
                names.append(part)
    return names or None


_QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]{1,80}?)["\u201d]')
_BALANCED = re.compile(r"\s*\([^()]*\)")
_SENTENCEISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|would|should|that|which|who|it|they|you|we|"
    r"not|very|more|most|other|others|etc)\b",
    re.IGNORECASE,
)


def with_shared_head(names: list[str]) -> list[str]:
    """ "the Pacific, North American and South American plates": the last name's plural head noun
    is every capitalised one-word or adjective name's ("Pacific Plate")."""
    last = names[-1].split()
    if len(names) < 2 or len(last) < 2 or not re.fullmatch(r"[a-z]+s", last[-1]):
        return names
    if not all(len(n.split()) <= 2 and n[:1].isupper() for n in names[:-1]):
        return names
    noun = last[-1][:-1]
    return [f"{n} {noun}" for n in names[:-1]] + [" ".join(last[:-1] + [noun])]


# an item naming two lower-case things ("kenong and ketuk", "peppers and chillies"); a name of
# one thing is capitalised ("Research and Development") and stays whole
PAIR = re.compile(
    r"([a-z\u00e0-\u00ff][\w\-]*(?: [a-z][\w\-]*)?) and ([a-z\u00e0-\u00ff][\w\-]*(?: [a-z][\w\-]*)?)"
)


_DISTANCE = re.compile(r"(?i)^(?:m|km|metres?|meters?|kilometres?|kilometers?|miles?|yards?)\b")
_MEASURE = re.compile(
    r"(?i)^(?:tsp|tbsp|teaspoons?|tablespoons?|cups?|g|kg|ml|l|oz|lbs?|grams?|pinch(?:es)?|"
    r"dash(?:es)?|handful|cloves?)\b\.?\s+(?:of\s+)?"
)


def measured_name(head: str, name: str) -> str:
    """An item's name when it opens with a number: an event keeps its distance ("100 metres",
    "110 m hurdles": a unit alone names nothing), an ingredient loses its measure ("2 tbsp olive
    oil" → olive oil)."""
    if not head[:1].isdigit():
        return name
    if _DISTANCE.match(name):
        return clean_name(head)
    return _MEASURE.sub("", name)


# a whole cut off mid-phrase ("Races and …", "A: it", "What's a JWT and what") ends in a word
# that no name ends in
_CUT_TAIL = re.compile(
    r"\b(?:and|or|of|the|a|an|to|with|for|in|on|by|as|its|their|it|what|how|why|which)$", re.I
)
# "eleven countries", "21 stages", "several sister projects": a count of things, not a class (a
# capitalised "Five Pillars" is a name and stays)
_COUNTED = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|"
    r"numerous|various)\s+[a-z][\w\-]*s\b"
)
# "that kind of thing", "everything in Python": a placeholder, not a whole
_PLACEHOLDER = re.compile(r"(?:thing|things|stuff|something|everything|anything)\b", re.I)
# "Related terms", "Special rules", "Key takeaways": nouns for the answer's own discourse, whose
# list holds terms, rules or tips, not parts, kinds or members (no gold whole of the 238
# development answers ends in one)
_DISCOURSE = frozenset(
    [
        # "brand names include Glucophage": what a thing is called, an alias, not its class
        "names",
        "nicknames",
        "term",
        "terms",
        "glossary",
        "definitions",
        "concepts",
        "examples",
        "rules",
        "notes",
        "tips",
        "facts",
        "ideas",
        "points",
        "details",
        "aspects",
        "basics",
        "takeaways",
        "considerations",
    ]
)


# "the class includes squid, cuttlefish and the nautiluses", "the family has 18 species": a rank or
# kind word alone points back to the taxon or group named before it and names no whole itself
# (no gold whole of the 238 development answers is one; "Cephalopoda" is the parent there).  So
# does a word for a division or a stratum alone ("This division includes the limbs and the
# girdles" under "### Appendicular skeleton", "the section has 30 players", "this layer
# contains …"): no gold whole of the 238 is one either (thirty-third session)
@functools.cache
def _anaphoric_rank() -> re.Pattern[str]:
    # (compiled on first use: :mod:`.ranked_names` imports the readers that import this module)
    from grapheme_distill.extractors.readers.ranked_names import TAXON_RANK

    return re.compile(
        rf"(?i)(?:(?:the|this|that|its|their|each|every)\s+)?"
        rf"(?:{TAXON_RANK}|group|type|kind|category|species|{_DIVISIONS})"
    )


#: words for a division or stratum of something named elsewhere (a whole only with a modifier:
#: "executive branch", "string section", "ozone layer")
_DIVISIONS = (
    r"(?:sub)?division|section|branch|part|component|unit|sector|department|region|layer|"
    r"stage|phase|level|tier"
)


# "they store energy as glycogen": a clause, not a whole; "I just" (from "I just joined a choir"
# in the prompt): the asker, not a whole
_PRONOUN_HEAD = re.compile(r"(?:they|it|we|you|he|she|this|these|those|there|i)\s", re.I)
_LINKS = r"in|at|as|on|by|with|for|from|to|of|rather|than|and|or|but"
# "in baklava", "as well as puffballs", "rather than as starch": a phrase's tail, not a part
_FRAGMENT_HEAD = re.compile(rf"(?:{_LINKS}|the|a|an|its|their)\s")
# "for attacks", "for prevention": a purpose, not a whole
_PREPOSITION_HEAD = re.compile(rf"(?:{_LINKS})\s")
# "is divided", "companies fall": a lead-in's verb read into the whole ("The World Bank Group is
# divided into five institutions:", "Tata Group companies fall into three groups:", where the
# noun "Group" was taken for the verb "group … into"): no name opens with a lower-case finite
# verb or auxiliary, and none ends in a plural's lower-case "fall" or "come" or in "falls" or
# "comes" (the verbs that put a list's items into groups: "fall into", "come in")
_VERB_HEAD = re.compile(
    r"(?:is|are|was|were|be|been|being|has|have|had|can|could|may|might|must|shall|should|will|"
    r"would|do|does|did)\s"  # lower-case: "Will Smith", "May Day parades", "Can Tho" are names
)
_VERB_TAIL = re.compile(r"(?:[a-z]s\s(?:fall|fell|come|came)|\s(?:falls|comes))$")
# "sencha their grassy taste", "coda around them": a clause's words, not a part
_PRONOUN = re.compile(r"\b(?:it|they|them|their|its|his|her)\b", re.I)
_INNER_ARTICLE = re.compile(r"(\S+)\s(?:a|an|the|your|my|to|their|its)\s(?=[a-z])")


def _phrase(name: str) -> bool:
    """ "Triggers to avoid", "rub a thin coat of neutral": an inner article or "to" followed by a
    lower-case word makes a phrase; a title keeps its words capitalised ("Laws of the Game",
    "A Night at the Opera"), and an article after "of" belongs to a noun phrase ("Planets of
    the inner solar system")."""
    return any(m.group(1).lower() != "of" for m in _INNER_ARTICLE.finditer(name))


def plausible_edge(parent: str, child: str) -> bool:
    """Whether a hierarchy edge's names could be a whole and its part at all, whatever read
    them.  Thirteenth session: on the 238 development answers every edge these checks reject
    was wrong (about 30 kept edges, 26 of them on the 80 answers no hierarchy rule was written
    from), and none of the rejected pairs was right — each check is a shape no name has, so it
    carries over where the constructions' own cues do not."""
    parent, child = parent.strip(), child.strip()
    return not (
        _CUT_TAIL.search(parent)
        or _COUNTED.match(parent)
        or _PLACEHOLDER.match(parent)
        or (parent.split() or [""])[-1].lower() in _DISCOURSE
        or _PRONOUN_HEAD.match(parent)
        or _anaphoric_rank().fullmatch(parent)
        or _PREPOSITION_HEAD.match(parent)
        or _VERB_HEAD.match(parent)
        or _VERB_TAIL.search(parent)
        or _phrase(parent)
        or _FRAGMENT_HEAD.match(child)
        or _PRONOUN.search(child)
        or re.fullmatch(r"[\d.,\s]+", child)
        or _counted_child(child)
    )


def _counted_child(child: str) -> bool:
    """ "21 stages", "eleven countries", "7 teams competing": a count of the parts, not a part (as
    a count is no whole); a distance keeps its number ("100 metres", "400 m hurdles": events)."""
    m = _COUNTED.match(child)
    return m is not None and not _DISTANCE.match(child.split(maxsplit=1)[1])
