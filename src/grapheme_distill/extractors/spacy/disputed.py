"""A claim the answer itself doubts: the sentence is left out.

Why.  The conventions leave out a claim the answer flags as doubtful or disputed ("may have",
"historians debate", "probably embellished") but keep a soft hedge ("roughly", "is thought to").
The whole sentence goes, though the flag may doubt only one clause of it ("Cyril was later made
a saint; whether he ordered the killing is still debated"): reading the other clauses (cut at a
semicolon or a comma before "though", "but", "where", …) was measured in the twenty-fourth
session and kept out — on devtrain 2 right relations against 7 wrong (the clauses around a
doubt are mostly framing: "Marco Polo associated_with routes", "Hedy Lamarr described_as
ancestor").
"""

from __future__ import annotations

import re

__all__ = ["DISPUTED"]

# a claim the answer flags as doubtful or disputed, not a soft hedge ("roughly", "is thought to",
# "almost certainly" keep the fact): "may have", "historians debate", "according to legend",
# "probably apocryphal", "allegedly"
DISPUTED = re.compile(
    r"\b(?:(?:may|might|could) (?:well )?have been|(?:may|might|could) (?:well )?have [a-z]+ed"
    r"|(?:historians|scholars|experts|critics|researchers|composers|biographers|sources)"
    r" (?:still )?(?:debate|disagree|dispute|argue about|are divided)"
    r"|(?:is|are|was|were|remains?) (?:still |hotly |widely )?(?:disputed|debated|contested|unproven"
    r"|unverified|uncertain|unclear)"
    r"|according to (?:legend|tradition|myth|popular belief)|legend (?:says|has it)"
    r"|apocryphal|embellished|allegedly|supposedly|reportedly|rumou?red|is said to have)\b",
    re.IGNORECASE,
)
