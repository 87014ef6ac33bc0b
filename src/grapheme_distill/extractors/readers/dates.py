"""Dates as answers write them, and their ISO form.

An item keeps the date as written ("10 December 1815"): that is what a reader sees and what the
answer's text says.  The ISO form is for places that need one node per day — an ontology's
``xsd:date`` when output is mapped onto a vocabulary (:func:`~grapheme_distill.extractors.vocab
.apply_vocabulary`), a qualifier for sorting.
"""

from __future__ import annotations

import re

__all__ = ["MONTHS", "canonical_date"]

#: month name or abbreviation (lower case) -> number; shared with the scorers
MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_D = r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_M = r"(?P<m>[A-Za-z]{3,9})\.?"
_Y = r"(?P<y>\d{4})"
_DATE_FORMS = [
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(rf"^{_M}\s+{_D}(?:,\s*|\s+){_Y}$", re.IGNORECASE),
    re.compile(rf"^{_D}\s+(?:of\s+)?{_M},?\s+{_Y}$", re.IGNORECASE),
    re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})$"),
]


#: every date form has a four-digit year: a text without four digits in a row is no date (one
#: scan; the names and values asked about mostly hold none)
_YEAR_DIGITS = re.compile(r"\d{4}")
_COMMA = re.compile(r"\s*,\s*")


def canonical_date(text: str) -> str | None:
    """``May 2nd, 1908``, ``2 May 1908``, ``08-16-1920`` → ISO ``1908-05-02``; None when the text is
    not a full date or is ambiguous (``03/04/1990`` could be March or April)."""
    if _YEAR_DIGITS.search(text) is None:
        return None
    t = _COMMA.sub(", ", " ".join(text.strip().split()))  # "June 14 ,1994", "July,1998"
    for form in _DATE_FORMS:
        m = form.match(t)
        if not m:
            continue
        groups = m.groupdict()
        if "a" in groups and groups.get("a") is not None:
            a, b = int(groups["a"]), int(groups["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a or a == b:
                month, day = a, b
            else:
                return None
        else:
            raw = groups["m"]
            month = int(raw) if raw.isdigit() else MONTHS.get(raw.lower(), 0)
            day = int(groups["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{int(groups['y']):04d}-{month:02d}-{day:02d}"
    return None
