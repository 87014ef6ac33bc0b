"""What a definition's genus says: the word classes the definition readers judge a genus by.

"X is a Y that …" defines X only when Y is the kind of genus a term takes: a person's genus
("an English mathematician") describes a named person, a verdict ("a great choice") judges, a
role ("the best option") is filled, while a notion's genus ("the study of …"), an event's ("a
period of …") or an institution's ("the central bank of …") defines.  Shared by the sentence
forms (:mod:`.definitions`), the glosses of highlighted terms (:mod:`.inline_glosses`) and the
glossary items (:mod:`.glossary`); cut out of :mod:`.definitions` (issue 11, eighth session) to
keep that module under 800 lines.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.readers.context import ReadContext

__all__ = [
    "DEF_MARK",
    "EVENT_HEAD",
    "FUNCTIONAL",
    "INDEFINITE_GENUS",
    "INSTITUTION_HEAD",
    "NOTION_GENUS",
    "PERSON_HEAD",
    "RANKED",
    "ROLE_SUBJECT",
    "STATEMENT",
    "STRONG_MARK",
    "VERDICT_HEAD",
    "genus_head",
    "proper_name",
    "trim_gloss",
]


#: a description by rank, not a genus: "the largest animal known to have lived", "one of the
#: oldest covered markets", "the sultans' main residence", "the only living cephalopods that …"
#: tell where a member stands among others (a fact about it), not what the term means
RANKED = re.compile(
    r"(?i)(?:one\s+of\s+)?(?:the|its|their|[\w\-]+['’]s?)\s+(?:[\w\-]+['’]s?\s+)?"
    r"(?:largest|smallest|biggest|oldest|youngest|longest|shortest|tallest|highest|lowest|"
    r"deepest|fastest|slowest|heaviest|deadliest|earliest|greatest|best|worst|most|least|only|"
    r"main|busiest|richest|hottest|coldest|strongest|widest|brightest|newest)\b"
)


#: a clause with a subject of its own, not a gloss of the term before it: "— even if you used to
#: share passwords", "— you confirm in writing …", "— it's made with chicken", "a blow or jolt
#: makes the brain move …", "the transport layer produces a segment …" ("it is the smallest
#: number that …" and "a narration that slips into …" still gloss)
STATEMENT = re.compile(
    r"(?:even\s+)?(?:if|when|because|although|though|while|unless)\b"
    r"|(?:you|we|they|he|she|i)\s+[a-z]+"
    r"|it(?:['’]s|\s+is|\s+was)\s+(?!(?:a|an|the|one)\b)"
    r"|(?:the|a|an)\s+(?:(?!(?:that|which|who|whose|where)\b)[\w\-]+\s+){1,3}?[a-z]+s\s+"
    r"(?:the|a|an|its|their|his|her|onto|into)\s"
)


#: markers of a defining clause strong enough for a named thing ("Kubernetes is a system *for
#: automating* …"); a participle ("an album recorded in …") only describes it
STRONG_MARK = re.compile(
    r"\b(?:that|which|who|whose|where|in which|responsible for|used (?:to|for|in)|designed (?:to|for)|"
    r"for \w+ing|refers)\b"
)


PERSON_HEAD = re.compile(
    r"(?:\w+(?:ist|ian|eer|woman)|\w+(?<!hu)(?<!Ger)man|goddess|hostess|king|queen|emperor|empress|pope|monk|nun|saint|general|"
    r"poet|chef|judge|prince|princess|duke|lord|lady|sultan|pharaoh|tsar|czar|admiral|diplomat|"
    r"activist|writer|painter|singer|player|leader|ruler|founder|teacher|composer|author|actor|"
    r"actress|director|inventor|explorer|governor|senator|sailor|soldier|officer|programmer|"
    r"designer|producer|manager|owner|farmer|banker|lawyer|dancer|rapper|songwriter|drummer|"
    r"footballer|cricketer|golfer|boxer|swimmer|runner|driver|climber|astronaut|pilot|"
    r"philosopher|theologian|economist|astronomer|reformer|commander|conqueror|mathematician|"
    r"physicist|chemist|sculptor|architect|athlete|politician|scientist|figure|hero|heroine|wife|"
    r"husband|son|daughter|father|mother|brother|sister|friend|partner|uncle|aunt|cousin|child|"
    r"children|widow|grandson|granddaughter|member)s?"
)


#: genus nouns of events and eras: "The French Revolution was a period of …" defines it
EVENT_HEAD = re.compile(
    r"(?:period|era|age|war|revolution|movement|series|event|conflict|campaign|dynasty|crisis|"
    r"reign|process|programme|program|mission|project|treaty|agreement|law|act|style|genre|"
    r"technique|method|theory|principle|doctrine|phenomenon|condition|disease|disorder)s?"
)


#: genus nouns of institutions and systems: "The Bank of Japan is the central bank of Japan",
#: "CERN is … the world's largest particle physics laboratory" define a named thing (a person, a
#: work, a club or a race described by its genus is not defined: "a 1959 album", "a football club")
INSTITUTION_HEAD = re.compile(
    r"(?:agency|organi[sz]ation|bank|laboratory|lab|institution|body|authority|regulator|"
    r"regulation|platform|framework|protocol|standard|language|system|network|union|alliance|"
    r"council|court|committee|federation|parliament|legislature|government|mutex|library|"
    r"database|format|algorithm|programme|agreement|convention)s?"
)


#: a genus that names a kind of notion, not of named thing: "the study of …", "a group of
#: proteins …", "a Japanese idea of …", "the rate at which …" (a capitalised subject that takes
#: one is a term capitalised by its place: "Ecology is the study of …")
NOTION_GENUS = re.compile(
    r"(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}(?:study|science|art|practice|process|act|state|"
    r"ability|measure|rate|amount|degree|quality|group|family|collection|set|class|kind|type|form|"
    r"variety|branch|field|method|technique|way|mixture|condition|feeling|sense|tendency|"
    r"phenomenon|principle|concept|idea|notion|belief|theory|habit|unit|substance|compound|"
    r"property|ratio|part|layer|stage|range|pattern|style|system)\s+(?:of|in which|at which|by "
    r"which|where|that|which|used)\b"
)


#: genus heads of a judgement, not a class ("a great choice", "a common mistake", "a good source
#: of fibre", "a sign that …")
VERDICT_HEAD = re.compile(
    r"(?:choice|option|pick|bet|idea|mistake|example|sign|reason|alternative|solution|fit|"
    r"favou?rite|staple|must|source|candidate|destination|addition|reminder|way to go|"
    r"investment|place to \w+|thing|move|start|starting point)s?"
)


#: a subject that names a role some thing fills ("the best option", "the main risk", "the key",
#: "the result"), not a term
ROLE_SUBJECT = re.compile(
    r"(?:(?:best|main|biggest|first|only|key|primary|real|simplest|easiest|safest|cheapest|"
    r"other|next|last|final|usual|typical|most common|ideal|right)\s+[a-z][\w\-]*|"
    r"key|result|goal|aim|point|trick|secret|catch|problem|issue|answer|difference|reason|"
    r"benefit|downside|upside|advantage|drawback|challenge|rule|outcome|default|catch)"
)


def genus_head(value: str) -> str:
    """The head noun of a definition's genus ("an English mathematician and writer" → the last
    noun before "and", "of", a relative or a participle)."""
    genus = re.split(
        r"\s+(?:that|which|who|whose|where|of|for|by|in|on|at|with|and|or|from|to|known|"
        r"\w+ed)\b|,",
        value,
    )[0]
    words = genus.split()
    return words[-1].lower() if words else ""


DEF_MARK = re.compile(
    r"\b(?:\w+ed\s+(?:with|by|in|to|from|for|on|at|as)|that|which|who|whose|where|in which|"
    r"responsible for|used (?:to|for|in)|between|"
    r"designed|made|consisting|containing|located|found in|known for|characteri[sz]ed|"
    r"caused by|produced|based on|involving|refers|for \w+ing)\b"
)


#: a gloss that opens with what the thing does: "sets the tempo", "packages and ships proteins",
#: "it stores …", "used to make …", "lowers blood sugar by …" (a bare plural noun, "plates move
#: apart", "tomatoes and basil", "players from …", is left alone)
FUNCTIONAL = re.compile(
    r"(?P<it>(?:it|they)\s+)?(?:[a-z]+s\s+(?:the|a|an|its|their|your|and\s+[a-z]+s)\b"
    r"|[a-z]{3,}[^s\W]s\s+(?!(?:and|or|from|of|with|in|on|at|for|to|like|such|as|are|is|were|"
    r"was|can|could|may|might|will|would|must|should|do|does|did|have|has|had)\b)"
    r"[a-z]+\s+[a-z]+\b(?!,)"
    r"|(?:used|designed|made|built|intended|bred|grown)\s+(?:to|for|from|as|since|by|in)\b)"
)


#: an indefinite genus that names no maker ("a measure of …", not "an opera by Dvořák")
INDEFINITE_GENUS = re.compile(r"an?\s(?![^,;]*\bby\s+[A-Z])")


def proper_name(ctx: ReadContext, term: str) -> bool:
    """A named thing (never written in lower case in the answer or the prompt), not a notion."""
    if not term[:1].isupper():
        return False
    low = term.lower()
    return low not in ctx.doc.source and low not in ctx.prompt


def trim_gloss(value: str) -> str:
    value = re.split(
        r";|\s+[\u2013\u2014]\s+|,\s+(?:just|such as|and|but|while|although|like)\b", value
    )[0].strip()
    if len(value.split()) > 25:
        value = value.split(",")[0]
    return value
