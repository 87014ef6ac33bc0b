"""Brackets that say the same thing another way: one measure in other units ("324 m (1,063
ft)"), the name in its own script ("Tokyo (東京)"), a translation ("Umkhonto we Sizwe ("Spear of
the Nation")", "Sushi (Japanese for 'sour rice')"), the group's scientific name with its rank
("Vertebrates (subphylum Vertebrata)") and another region's word ("courgettes (zucchini in
American English)").  Readings of :func:`.parentheses.read_parentheses`, cut out of it (issue 11,
twenty-fifth session); each yields its facts and returns whether it took the bracket.
"""

from __future__ import annotations

import re
from collections.abc import Generator

from grapheme_distill.extractors.readers.bracket_phrases import (
    ARTICLED,
)
from grapheme_distill.extractors.readers.bracket_terms import (
    RANK,
    Bracket,
    term_before,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "read_literal",
    "read_quoted",
    "read_rank",
    "read_regional",
    "read_script",
    "read_units",
]

_REGIONAL = re.compile(
    r"^(?:(?:also\s+)?(?:called|known\s+as|named)\s+)?"  # "(called norepinephrine in the US)"
    r"(?P<v>[^,;()]{2,40}?)\s+in\s+(?:the\s+)?(?:(?:American|British|US|UK|Australian|Canadian|"
    r"Irish|Indian|North American|Scottish)(?:\s+(?:English|spelling|usage))?|U\.S\.|U\.K\.|States|"
    r"America|Britain)$"
)
_PAREN_LITERAL = re.compile(
    r"^(?:literally\s+|[A-Z][a-z]+\s+for\s+)[\"“‘'](?P<v>[^\"”’']{2,60})[\"”’']?$"
)
#: a measure ending the text, with the word that makes it approximate ("about 230 °C"): the
#: annotators keep that word, as the answer's reader does
_QUANTITY = re.compile(
    r"(?:^|\s)(?P<q>(?:(?i:about|around|roughly|approximately|nearly|almost)\s+)?"
    r"[~≈]?\d[\d,.]*\s*(?:[a-zA-Z°%²³/]+\.?)(?:\s*[a-zA-Z²³]+)?)$"
)
#: (a measure in two units of one system: "6 ft 6 in", "11 st 4 lb")
_QUANTITY_IN = re.compile(
    r"^[~≈]?(?:about\s+)?\d[\d,.]*\s*[a-zA-Z°%²³/]+(?:\s*[a-zA-Z²³]+)?"
    r"(?:\s+\d[\d,.]*\s*[a-zA-Z]+)?$"
)


#: a unit of measure, a closed list: a unit's symbol ("m", "km", "ft", "mph", "°C", "km²", "km/h",
#: "kcal", "tbsp", "mmHg", "KB"; "US"/"UK" opening "US gallons") or a unit's name or its qualifier
#: ("miles", "feet", "pounds", "degrees", "megabytes", "nautical", "Fahrenheit"); not a count noun,
#: however short ("adults", "species", "census", "men")
_UNIT = re.compile(
    r"(?i)°[a-z]?|%|(?:°?(?:[kcmµn]?m|ft|in|yd|mi|nmi|lbs?|oz|st|[kmµ]?g|t|[mcd]?l|gal|qt|pt|fl|"
    r"[ckf]|hrs?|h|mins?|secs?|s|ms|mph|kph|psi|k?pa|hpa|atm|k?j|k?cal|[km]?w|hp|v|a|[kmg]?hz|"
    r"[kmgt]?b|au|ly|pc|sq|cu|ac|ha|us|uk)[²³]?(?:/[a-z]{1,3})?)|tbsp|tsp|mmhg|"
    r"square|cubic|nautical|metric|short|long|imperial|fahrenheit|celsius|centigrade|kelvin|"
    r"(?:(?:kilo|centi|milli|micro|nano|mega|giga|tera)?(?:metre|meter|gram|litre|liter|byte|"
    r"second|joule|watt|hertz)|mile|foot|"
    r"feet|inch|inches|yard|pound|ounce|stone|ton|tonne|acre|hectare|gallon|quart|pint|cup|"
    r"teaspoon|tablespoon|fluid|degree|percent|knot|calorie|kilocalorie|horsepower|"
    r"light-year|kilo|minute|hour|day|week|month|year|beat|per|cent)s?"
)


def _in_units(measure: str) -> bool:
    """The words of a measure are units ("6 ft 6 in", "about 230 °C", "26.2 miles"), not the
    things counted ("about 1,864 adults", "2014 census")."""
    words = re.sub(
        r"(?i)\b(?:about|around|roughly|approximately|nearly|almost|hundred|thousand|million|"
        r"billion|trillion)\b|[\d,.~≈]+",
        " ",
        measure,
    )
    return bool(words.split()) and all(_UNIT.fullmatch(w) for w in words.split())


def read_units(b: Bracket) -> Generator[Fact, None, bool]:
    """ "324 m (1,063 ft)": one measure in two units.  Both sides must be written in units of
    measure: a count of things with a date or a source in brackets ("about 1,864 adults (2014
    census)") is no conversion (:func:`_in_units`)."""
    plain, before = b.plain, b.before
    if (
        (q := _QUANTITY.search(before)) is not None
        and _QUANTITY_IN.match(plain)
        # "160 ml water (64% hydration)": a share is no conversion of a measure
        and ("%" in plain) == ("%" in q.group("q"))
        and _in_units(q.group("q"))
        and _in_units(plain)
    ):
        # "324 m (1,063 ft)": one measure in two units
        yield b.fact(
            "paren.units", Name(q.group("q").strip(), "QUANTITY"), LinguisticKind.ALIAS, plain
        )
        return True
    return False


def read_script(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Tokyo (東京)", "Kyoto (京都, "capital city")": the name in its own script."""
    ctx, block, sent, m, inner, plain = b.ctx, b.block, b.sent, b.m, b.inner, b.plain
    if re.search(r"[^\W\d_A-Za-z\u00c0-\u024f]", plain.split(",")[0]) and not re.search(
        r"[A-Za-z\u00c0-\u024f]", plain.split(",")[0]
    ):  # (a date "(2025-09-25, …)" has no letters of another script)
        # "Tokyo (東京)", "Kyoto (京都, "capital city")": the name in its own script, and what
        # it means
        term = term_before(ctx, block, sent, m.start())
        if term is not None:
            yield b.fact(
                "paren.script", term, LinguisticKind.ALIAS, clean_name(plain.split(",")[0])
            )
            for quoted in re.findall(r"[\"“]([^\"”]{2,60})[\"”]", inner):
                yield b.fact("paren.script_gloss", term, LinguisticKind.DEFINITION, quoted)
        return True
    return False


def read_quoted(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Umkhonto we Sizwe ("Spear of the Nation")": a quoted translation."""
    ctx, block, sent, m, inner = b.ctx, b.block, b.sent, b.m, b.inner
    if re.fullmatch(r"[\"“][^\"”]{2,80}[\"”]", inner):
        # "Umkhonto we Sizwe ("Spear of the Nation")": a translation
        term = term_before(ctx, block, sent, m.start())
        if term is not None:
            yield b.fact("paren.translation", term, LinguisticKind.DEFINITION, inner.strip('"“”'))
        return True
    return False


def read_literal(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Sushi (Japanese for 'sour rice')": a literal translation."""
    ctx, block, sent, m, inner = b.ctx, b.block, b.sent, b.m, b.inner
    if (literal := _PAREN_LITERAL.match(inner)) is not None:
        # "Sushi (Japanese for 'sour rice')": a literal translation of the word
        term = term_before(ctx, block, sent, m.start())
        if term is not None:
            yield b.fact("paren.literal", term, LinguisticKind.DEFINITION, literal.group("v"))
        return True
    return False


def read_rank(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Vertebrates (subphylum Vertebrata)": the group's scientific name."""
    ctx, block, sent, m, plain = b.ctx, b.block, b.sent, b.m, b.plain
    if RANK.match(plain) and (taxon := clean_name(RANK.sub("", plain))):
        # "Vertebrates (subphylum Vertebrata)": the scientific name of the group
        term = term_before(ctx, block, sent, m.start())
        if term is not None and term.text.lower() != taxon.lower():
            yield b.fact("paren.taxon", term, LinguisticKind.ALIAS, taxon)
        return True
    return False


def read_regional(b: Bracket) -> Generator[Fact, None, bool]:
    """ "courgettes (zucchini in American English)": another region's word."""
    ctx, block, sent, m, plain, before = b.ctx, b.block, b.sent, b.m, b.plain, b.before
    if (regional := _REGIONAL.match(plain)) is not None:
        # "courgettes (zucchini in American English)": the word another region uses; "An
        # elevator (known as a lift in the UK)": a plain noun after an article as well
        articled = ARTICLED.search(before)
        term = term_before(ctx, block, sent, m.start()) or (
            Name(articled.group("np")) if articled is not None else None
        )
        if term is not None:
            value = clean_name(regional.group("v"))
            yield b.fact("paren.regional", term, LinguisticKind.ALIAS, value)
        return True
    return False
