"""A group's everyday name and its Latin one given with a rank ("Owls make up the order
Strigiformes", "the bear family, Ursidae"), cut out of :mod:`.alias_forms` (which reads the
other alias forms of a sentence) to keep that module readable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name
from grapheme_distill.extractors.readers.terms import lfact
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["RANK_NAMES", "TAXON_RANK", "is_taxon", "is_taxon_at", "ranked_group"]

#: the ranks a group's Latin name is given with
RANK_NAMES = ("family", "order", "class", "phylum", "clade", "genus")
_RANK = r"(?:super|sub|infra)?(?:family|order|class|phylum|clade|genus)"
#: a taxonomic rank word that may stand right before a taxon's name ("the genus Canis") or end
#: a description of one ("the bear family")
TAXON_RANK = r"(?:super|sub|infra)?(?:kingdom|phylum|class|order|family|genus|tribe)"
#: a taxon's Latin ending by rank (family -idae, subfamily -inae, plant family -aceae, order
#: -ales / -iformes, superfamily -oidea, tribe -ini)
_LATIN_ENDING = r"(?:idae|inae|aceae|ales|formes|oidea|ini)"
#: "Penguins make up the family Spheniscidae", "Butterflies form one clade, the superfamily
#: Papilionoidea": a plural everyday name opening the sentence and the group's Latin name
_GROUP_IS_TAXON = re.compile(
    r"^(?P<x>[A-Z][a-z\-]+s|[A-Z][a-z\-]+ [a-z\-]+s)\s+(?:make up|form|constitute|are)\s+"
    r"(?:one\s+\w+,\s+)?the\s+" + _RANK + r"\s+[*_]*(?P<t>[A-Z][a-z]{3,})\b"
)
#: "the bear family, Ursidae": a rank's everyday name and the taxon's Latin one in apposition
_COMMON_RANK_TAXON = re.compile(
    r"\bthe\s+(?!(?:same|whole|entire|other|only|main|largest|smallest|own)\s)"
    r"(?P<c>[a-z][a-z\-]+\s+(?:family|order))(?:\s*,\s*|\s+)[*_]*(?P<t>[A-Z][a-z]+"
    + _LATIN_ENDING
    + r")\b"
)

#: a taxon's Latin name by its rank's ending or after its rank word ("genus Canis")
_TAXON = re.compile(
    rf"^(?:(?:the\s+)?{TAXON_RANK}\s+[*_]*[A-Z][a-z]{{2,}}|[A-Z][a-z]+{_LATIN_ENDING})[*_]*$"
)


def is_taxon(name: str) -> bool:
    """Whether a name is a taxon ("Felidae", "the genus Canis"): the conventions file what a
    taxon includes under it as ``subclass_of``, whichever rank word (if any) the text gives."""
    return _TAXON.match(name.strip()) is not None


#: a rank word right before a name ("The genus Canis also includes …": the parse's name is "Canis")
_RANK_BEFORE = re.compile(rf"(?i)\b{TAXON_RANK}\s+[*_]*$")


def is_taxon_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a taxon, by its own form or by the rank word before it:
    a parse's name drops the rank ("The genus Canis also includes wolves" gives "Canis")."""
    name = text[start:end]
    return is_taxon(name) or (name[:1].isupper() and bool(_RANK_BEFORE.search(text[:start])))


def ranked_group(block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """A group's everyday name and its Latin one, given with a rank ("Owls make up the order
    Strigiformes", "the bear family, Ursidae"): one group's two names."""
    if (m := _GROUP_IS_TAXON.match(sent.text)) is not None:
        yield lfact(block, sent, "taxon.group", Name(m["x"]), LinguisticKind.ALIAS, m["t"], hedged)
    for m in _COMMON_RANK_TAXON.finditer(sent.text):
        yield lfact(
            block, sent, "taxon.rank_name", Name(m["t"]), LinguisticKind.ALIAS, m["c"], hedged
        )
