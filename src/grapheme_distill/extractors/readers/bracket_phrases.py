"""What the text before a bracket, and a bracket's own words, look like (issue 11): the phrase a
bracketed term names ("the default Wi-Fi name (**SSID**)"), the clause it closes, a technical term
before a plain-words gloss ("renal failure (kidneys stop working)"), and whether the bracket's
words are a short common name ("(killer whales)") or a remark ("(optional)", "(supports the
back)").

Cut out of :mod:`.parentheses` (fourteenth session, 769 lines) so that module keeps one job:
which reading each parenthesis of a sentence gets, in the order they are tried.  Text only,
no parse; every function here is pure.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.terms import FUNCTION

__all__ = [
    "ARTICLED",
    "COUNT_WORD",
    "FINITE",
    "LISTED_RUN",
    "NAMING_TAIL",
    "NOT_ALIAS",
    "POSITION",
    "chemical_name",
    "common_name",
    "last_clause",
    "phrase_before",
    "technical_term",
]

#: where a thing sits, not its name: "(left and centre)", "(top right)", "(bottom)"
_WHERE = r"(?:left|right|centre|center|top|bottom|middle)"
POSITION = re.compile(rf"{_WHERE}(?:,?\s+(?:and\s+|or\s+)?{_WHERE})*")
NOT_ALIAS = re.compile(
    r"(?i)^(?:optional|plural|singular|pl\.|approx|roughly|about|around|or|and|see|e\.g|i\.e|"
    r"for|from|in|on|at|by|with|to|if|when|the|a|an|usually|often|sometimes|mostly|few|many|"
    r"some|all|most|both|either|each|now|then|today|still|only|just|etc|including|your|my|his|"
    r"her|its|their|our|this|that|these|those|plus|minus|except|excluding|not|without|with)\b"
    rf"|^(?-i:{POSITION.pattern})$"  # "(left and centre)": a place in a figure or table
)


def phrase_before(before: str) -> str:
    """The phrase a bracketed term right after it names: back to a preposition, a verb, an "or",
    a comma or an earlier bracket; a phrase too long for a gloss is cut at "of" or "to" too
    ("able to make the pilgrimage")."""
    phrase = re.split(
        r"\b(?:by|in|for|with|from|as|is|are|was|were|called|or|and|includ\w*)\s+|\)\s*|,\s*",
        before,
    )[-1]
    # "200 g flat green beans (*bajoqueta*)", "2 tbsp fish sauce (*nam pla*)": an ingredient's
    # quantity is no part of what the bracket names
    phrase = _QUANTITY.sub("", phrase)
    if len(phrase.split()) > 4:
        phrase = re.split(r"\b(?:of|to)\s+", phrase)[-1]
    return phrase


#: a quantity opening a phrase: a number (or fraction) and its unit (a bare number may be a year
#: or an age: "in 1325 to make the pilgrimage")
_QUANTITY = re.compile(
    r"^\s*(?:\d[\d.,/]*|[½¼¾⅓⅔])\s*(?:[½¼¾⅓⅔]\s*)?(?:(?:g|kg|mg|ml|l|cl|dl|oz|lb|lbs|cups?|tbsp|tsp|"
    r"tablespoons?|teaspoons?|pinch(?:es)?|cloves?|slices?|cans?|tins?|pieces?|sprigs?|bunch(?:es)?|"
    r"handfuls?|litres?|liters?|grams?|ounces?|pounds?)\b\.?)\s*(?:of\s+)?"
)


#: a finite verb: a bracket that states something ("(the meeting is poorly documented)")
FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|may|might|will|would|must|should|do|does|did)\b"
)
#: another name after a gloss in one bracket ("(a small tap, also called a stopcock)")
NAMING_TAIL = re.compile(
    r",\s+(?:(?:also|still|often|sometimes|usually|widely|commonly|or)\s+)*(?:called|known|named)\b"
)
_RUN_WORD = (
    r"(?!(?:such|as|like|called|also|known|the|a|an|and|or|of|other|some|many|most|in|on|at|"
    r"for|with|from|to|by|is|are|was|were)\b)[a-z][\w\-]+"
)
#: a lower-case noun phrase of two or three words after a list's opener, ending the text
LISTED_RUN = re.compile(
    r"(?:\b(?:such as|like|including|includes?|e\.g\.|especially|notably)|,|^)\s+"
    rf"(?P<np>{_RUN_WORD}(?:\s+{_RUN_WORD}){{1,2}})$"
)
#: a lower-case noun phrase of one or two words after an article, ending the text
ARTICLED = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<np>(?:[a-z][\w\-]+\s+)?[a-z][\w\-]+)$")
COUNT_WORD = re.compile(
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|both|none|"
    r"several|many|few|once|twice|whole|each|all"
)
_CLAUSE_VERB = re.compile(r"\b[a-z]+(?:s|ed)\b|\b(?:is|are|was|were|can|may|will|must)\b")


def last_clause(before: str) -> str | None:
    """The clause a parenthesised term closes: the text after the last comma, dash or semicolon,
    when it reads as a clause (3 to 12 words with a verb), else None."""
    clause = re.split(r",\s*(?:and|but|or|so)?\s*|;\s*|\s+[\u2013\u2014]\s+", before)[-1].strip()
    words = clause.split()
    if not 3 <= len(words) <= 12 or not _CLAUSE_VERB.search(" ".join(words[1:])):
        return None
    return clean_name(clause)


#: adjectives of size, degree, colour and age that open a two-word term with no telling ending
#: ("high tides", "little penguin", "red miso"): a closed class of English, never a verb
_PLAIN_ADJECTIVE = frozenset(
    {"high", "low", "large", "small", "big", "little", "great", "long", "short", "deep", "wide"}
    | {"red", "black", "white", "green", "blue", "yellow", "brown", "grey", "gray", "golden"}
    | {"young", "old", "new", "early", "late", "full", "dry", "wet", "hot", "cold", "raw"}
    | {"common", "wild", "deadly", "soft", "hard", "heavy", "light", "dark", "fresh", "sweet"}
)
#: adjective endings of a two-word technical term ("renal failure", "myocardial infarction")
_TERM_ADJECTIVE = re.compile(r"[a-z]+(?:al|ic|ar|ous|ive|ary|oid)$")


def technical_term(before: str) -> str | None:
    """The lower-case term right before a plain-words gloss: its last word, with an adjective
    before it ("renal failure"); None after a pronoun and verb ("you *know*") or a function
    word."""
    if re.fullmatch(r"\s*[*_]*[A-Z][a-z\-]{3,}[*_]*", before):
        return clean_name(before)  # "Orcas (killer whales) hunt …": the word opening the sentence
    opening = re.fullmatch(r"\s*[*_]*(?P<t>[A-Z][a-z]+-[a-z\-]+\s+[a-z][a-z\-]{2,})[*_]*", before)
    if opening is not None:
        # "Frost-free models (also called no-frost freezers) defrost …": a hyphenated modifier
        # opening the sentence belongs to the term
        return opening.group("t")
    words: list[str] = re.findall(r"[A-Za-z][\w\-]*", before)[-3:]
    short = (  # "dry ice (solid carbon dioxide)": a three-letter noun after an adjective
        len(words) >= 2
        and re.fullmatch(r"[a-z]{3}", words[-1]) is not None
        and (_TERM_ADJECTIVE.fullmatch(words[-2]) or words[-2] in _PLAIN_ADJECTIVE)
    )
    if (
        not words
        or not (short or re.fullmatch(r"[a-z][a-z\-]{3,}", words[-1]))
        or words[-1] in FUNCTION
    ):
        return None
    if re.search(r"\b(?:you|we|they|i|he|she|it)\s+\S+$", before, re.IGNORECASE):
        return None
    if len(words) >= 2 and (_TERM_ADJECTIVE.fullmatch(words[-2]) or words[-2] in _PLAIN_ADJECTIVE):
        return f"{words[-2]} {words[-1]}"
    return words[-1]


#: the symbols of the chemical elements a formula in an answer uses (longest first, so that
#: "Cl" is read before "C")
_SYMBOL = (
    r"(?:He|Li|Be|Ne|Na|Mg|Al|Si|Cl|Ar|Ca|Ti|Cr|Mn|Fe|Co|Ni|Cu|Zn|Ga|Ge|As|Se|Br|Kr|Rb|Sr|Zr|"
    r"Mo|Ag|Cd|Sn|Sb|Te|Xe|Cs|Ba|La|Ce|Nd|Pt|Au|Hg|Pb|Bi|Po|Rn|Ra|Th|Pu|H|B|C|N|O|F|P|S|K|V|"
    r"I|W|U)"
)
#: a chemical formula: element symbols with counts ("CO₂", "NaHCO3", "H2SO4"), or two symbols
#: or more where one has a small letter ("NaCl"); an acronym has neither ("UN"; "GLT3" holds
#: letters no element has)
FORMULA = re.compile(
    r"(?=.*(?:[\d\u2080-\u2089]|[A-Z][a-z].*[A-Z]|[A-Z].*[A-Z][a-z]))"
    rf"(?:{_SYMBOL}[\d\u2080-\u2089]*){{1,8}}"
)
#: the first word of a two-word chemical name: an element ("carbon dioxide", "sodium chloride")
#: or an -ic/-ous acid or salt word ("sulfuric acid", "ferrous sulfate")
_ELEMENT = (
    r"hydrogen|oxygen|nitrogen|carbon|sulfur|sulphur|chlorine|fluorine|bromine|iodine|silicon|"
    r"boron|iron|copper|zinc|lead|tin|silver|gold|mercury|nickel|cobalt|phosphorus|neon|argon"
)
_CHEMICAL_FIRST = re.compile(rf"[a-z]+(?:ium|ic|ous|yl)|{_ELEMENT}")


#: the last word of a substance's name: an element, a compound's ending or a common substance
#: ("carbon dioxide", "methane", "glucose", "water"), not a disease or a product ("type 1 diabetes
#: (T1D)", "swine flu (H1N1)")
_SUBSTANCE = re.compile(
    rf"(?:{_ELEMENT}|[a-z]+(?:ide|ate|ite|ium|gen|ine|ane|ene|yne|ol|ose|one)|water|ammonia|salt|"
    r"acid|rust|chalk|quartz|lime|sugar)s?"
)


def chemical_name(before: str) -> str | None:
    """The substance a formula in brackets right after names: the lower-case word before it,
    with an element or an -ic/-ous word before that ("release carbon dioxide (CO₂)" names
    carbon dioxide, "release oxygen (O₂)" oxygen, not "release oxygen"); a capitalised word only
    where it opens the text ("Water (H₂O) boils …").  None where the word names no substance."""
    if (opening := re.fullmatch(r"\s*[*_]*(?P<w>[A-Z][a-z]{2,})[*_]*\s*", before)) is not None:
        word = opening.group("w")
        return word if _SUBSTANCE.fullmatch(word.lower()) else None
    words: list[str] = re.findall(r"[A-Za-z][\w\-]*", before)[-2:]
    if not words or not _SUBSTANCE.fullmatch(words[-1]):
        return None
    if len(words) == 2 and _CHEMICAL_FIRST.fullmatch(words[0]):
        return f"{words[0]} {words[1]}"
    return words[-1]


def common_name(plain: str) -> bool:
    """ "bullet train", "killer whale": a short lower-case name, not a remark ("optional", "or
    until golden", "few confirmed") nor a choice ("cash or card", "one or two")."""
    words = plain.split()
    return (
        1 <= len(words) <= 3
        and plain.islower()
        and not re.search(r"\d", plain)
        and not NOT_ALIAS.match(plain)
        # "(ordered, indexable)": a word's comma is no part of its ending
        and not any(re.search(r"(?:ed|ing|ly)$", w.rstrip(",;:")) for w in words)
        and not re.search(r"\b(?:is|are|was|were|has|have|not|no|more|less|than)\b", plain)
        # "pay at the kiosk (cash or card)", "a size (small or large)": a bracket offering
        # choices names the values a thing can take, not one other name for it
        and not re.search(r"\sor\s", plain)
        # "(it's higher)", "(after each use)": a clause or a time, not a name
        and not re.search(r"\w['’](?:s|re|ll|d|ve)\b", plain)
        # "(supports the back)", "(holds a pen)": a verb and its object, not a name
        and not re.match(r"[a-z]+s\s+(?:the|a|an|its|their|your)\s", plain)
        and not re.match(
            r"(?:after|before|during|until|per|for|with|without|from|at|on|in|by|every|each)\b",
            plain,
        )
    )
