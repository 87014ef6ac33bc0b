"""Glossaries: list items "**Term** — gloss", "term: gloss" and "| Term | Meaning |" tables.

A glossary item's key is the term and its value the gloss; the gloss defines when the list is a
glossary (a cue in its lead-in, heading or prompt, or most glosses opening with an article), or
when the gloss reads as one (a genus, what the thing does, a notion glossed in plain words).  An
acronym key spelt out by its gloss is an abbreviation first.  Cut out of :mod:`.definitions`
(issue 11, fifth session) to keep that module under 800 lines; the sentence forms stay there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.document.parse import GENUS_RELATIVE
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import (
    DEF_MARK,
    FUNCTIONAL,
    PERSON_HEAD,
    RANKED,
    genus_head,
    proper_name,
)
from grapheme_distill.extractors.readers.hierarchy import name_list
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    initials_match,
    lfact,
    pronoun_subject,
    taxon_key,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "glossary_cue",
    "glossed",
    "read_glossary",
    "read_glossary_paragraph",
    "read_glossary_row",
]

#: a key that gives another name of the subject ("Nickname", "Also known as", "Local name")
_NAMING_KEY = re.compile(
    r"(?i)(?:(?:full|official|local|common|native|birth|real|stage|pen|maiden|scientific|"
    r"botanical|latin|english|other|former|alternative|short|chinese|japanese|trade|brand)\s+)?"
    r"names?|nicknames?|also known as|also called|aka|a\.k\.a\.|formerly|known as"
)
_GLOSSARY_CUE = re.compile(
    r"\b(?:glossary|terms|terminology|definitions?|jargon|vocabulary|mean|means|meaning|"
    r"what (?:do|does) .* mean|words|concepts|key ideas|notions)\b",
    re.IGNORECASE,
)

#: an aside that gives another name, not a gloss ("**Kubernetes** — often shortened to K8s — is")
_NAMING_ASIDE = re.compile(
    r"(?i)(?:\w+ly\s+|also\s+|sometimes\s+|often\s+|just\s+|simply\s+)*(?:shortened|abbreviated|called|known|nicknamed|named|"
    r"spelled|spelt|written|pronounced|renamed|or|aka)\b"
)


def glossed(block: Block) -> bool:
    """A "**Term** — gloss" block: a glossary item, or a plain item or paragraph that keeps its
    key because its rest is a sentence of its own (the document layer's ``refine``)."""
    return block.role == "glossary" or (block.key is not None and block.role != "key_value")


def read_glossary(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    if ctx.injected(block):
        return
    key = block.key_text()
    term_text = clean_name(re.sub(r"\s*\([^)]*\)", "", key))
    if not term_text or re.search(r"\s(?:by|of|to|for|in|on|at|with)$", term_text):
        return  # "**Commissioned by:** …": an attribute's key, not a term
    if re.match(r"[A-Za-z]+\s+(?:the|a|an|your|our|their|its|my|some|this|these)\s", term_text):
        return  # "**Rest the dough**: …", "**Pull an image**: …": a step or a tip, not a term
    if re.match(r"(?i)(?:where|what|when|how|why|who|which)\b", term_text):
        return  # "**Where to see it**: the Museum of Modern Art": a question's label, no term
    if _CLAUSE_KEY.search(term_text):
        # "**Props aren't interchangeable:** …", "**Powder instead of soda:** use …", "**Pay
        # into a pension:** …": a remark or a tip in the key's place, no term
        return
    # "**Your router** — the box that connects …": the reader's possessive is no part of the term
    term_text = re.sub(r"^(?:Your|Our|My)\s+(?=[a-z])", "", term_text)
    if not term_text.isupper() and (
        _INSTRUCTION.fullmatch(term_text) or _INSTRUCTION.match(block.value_text().strip())
    ):
        # "**Avoid**: soaking it …", "**Saving**: look for the highest APY": advice ("**GET** —
        # read a resource", "**PUT** — …" name HTTP methods, glossed by what they do)
        return
    if _NAMING_KEY.fullmatch(term_text):
        # "**Nickname:** the Iron Lady", "**Local name:** Nederland": another name of what the
        # section is about, no term defined
        subject = pronoun_subject(ctx, block)
        for value in re.split(
            r",\s*|\s+or\s+|;\s*", re.sub(r"\s*\([^)]*\)", "", block.value_text())
        ):
            name = clean_name(value)
            if subject is not None and name and len(name.split()) <= 6 and name != subject.text:
                yield lfact(block, None, "gloss.name_key", subject, LinguisticKind.ALIAS, name)
        return
    term = Name(term_text)
    if (other := re.search(r"\(or\s+(?P<v>[^()]{2,40})\)", key)) is not None:
        # "Evaporation (or vaporisation): liquid to gas": a second word for the term
        value = clean_name(other.group("v"))
        kind = LinguisticKind.SYNONYM if value.islower() else LinguisticKind.ALIAS
        yield lfact(block, None, "gloss.key_or", term, kind, value)
    gloss = re.sub(r"^(?:is|are)\s+", "", block.value_text().strip())
    if gloss.endswith(":"):
        return  # "**Strings** — the largest section, seated at the front:": a list's lead-in
    # "**Kefir** — milk fermented with … — tastes sour": a gloss set off by dashes inside a
    # sentence that goes on; a described genus defines the term there
    aside = re.match(r"^(?P<g>[^\u2013\u2014]{5,200}?)\s+[\u2013\u2014]\s+[a-z]", gloss)
    aside_def = False
    if aside is not None and not block.is_item:
        aside_def = DEF_MARK.search(aside.group("g")) is not None and not _NAMING_ASIDE.match(
            aside.group("g")
        )
        gloss = aside.group("g") if aside_def else gloss
    alias = re.match(
        r"^(?:also known as|also called|or|aka)\s+(?:the\s+)?(?P<v>[^,;]+),\s*(?:it\s+)?(?P<rest>.*)$",
        gloss,
        re.IGNORECASE,
    )
    if alias:
        yield lfact(
            block, None, "gloss.alias", term, LinguisticKind.SYNONYM, clean_name(alias.group("v"))
        )
        gloss = alias.group("rest")
    elif _NAMING_ASIDE.match(gloss) and not re.match(r"(?i)or\s+[a-z]", gloss):
        # "**Istanbul** — known as Constantinople until 1930 — straddles …": another name (read
        # by the sentence reader), no gloss
        return
    quoted = re.match(r"^(?:the\s+)?[\"“](?P<n>[^\"“”]{2,40})[\"”]", gloss)
    if quoted is not None and not re.search(r"[.!?]$", quoted.group("n")):
        # "**Marrakesh** — the "Red City", famous for …", "**Araneomorphae** — the "true
        # spiders", over 90 % of …": a name the thing goes by, quoted; what follows describes it
        # and is no definition of the term
        yield lfact(
            block, None, "gloss.quoted_name", term, LinguisticKind.ALIAS, clean_name(quoted["n"])
        )
        return
    named = re.match(
        r"^(?:the\s+)?(?P<n>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|de|la))*),\s+(?P<rest>.+)$",
        gloss,
    )
    if (
        named is not None
        and len(named.group("n").split()) >= 2
        # "**Employer:** the US Bureau of Fisheries, merged …" in a fact sheet: the key's value
        and not _fact_sheet(ctx, block)
    ):
        # "**Kinkaku-ji** — the Temple of the Golden Pavilion, a Zen Buddhist temple"
        yield lfact(
            block, None, "gloss.name", term, LinguisticKind.ALIAS, clean_name(named.group("n"))
        )
        gloss = named.group("rest")
    gloss = _first_phrase(gloss)
    stands = re.match(
        r"^(?:stands for|short for|abbreviation (?:of|for))\s+(?P<v>[^:;,.]+)[:;,.]?\s*(?P<rest>.*)$",
        gloss,
        re.IGNORECASE,
    )
    if (
        stands is not None
    ):  # "**LBW** — stands for *leg before wicket*: the ball would have hit ..."
        long = clean_name(stands.group("v"))
        yield lfact(
            block, None, "gloss.abbreviation", Name(long), LinguisticKind.ABBREVIATION, term_text
        )
        term, gloss = Name(long), stands.group("rest")
    elif re.fullmatch(ABBR, term_text) and (
        spelt := re.match(
            r"(?P<long>[^,;:()\u2013\u2014]{3,80}?)\s*(?:[,;:(\u2013\u2014]|$)", gloss
        )
    ):
        long = clean_name(spelt.group("long"))
        if initials_match(long, term_text):
            # "**APR** — annual percentage rate, the yearly cost of a loan": the expansion, then
            # (when more follows) what it means
            yield lfact(
                block, None, "gloss.expansion", Name(long), LinguisticKind.ABBREVIATION, term_text
            )
            gloss = gloss[spelt.end() :].strip(" ,;:-\u2013\u2014")
            if len(gloss.split()) < 2:
                return
    if _TITLE.fullmatch(gloss.strip().rstrip(".")) and len(gloss.split()) <= 8:
        return  # "Making Cheese: A Step-by-Step Guide", "Title: The Sahara's Water Cycle": a title
    common = _taxon_common_name(ctx, block, term.text, gloss)
    if common is not None:
        yield lfact(block, None, "gloss.taxon_common", term, LinguisticKind.ALIAS, common)
        return
    glossary = glossary_cue(ctx, block)
    # a list whose glosses mostly open with an article is a glossary: its other glosses define too
    # ("how often interest is compounded"); a list of roles or figures is not ("– tenor sax")
    siblings = ctx.doc.items_of(block.list_id) if block.is_item else [block]
    articled = sum(
        1
        for b in siblings
        if glossed(b) and re.match(r"(?i)(?:a|an|the)\s", b.value_text().strip())
    )
    in_glossary = articled * 2 >= len(siblings) >= 2
    # "**Spar**: thin rod that keeps the sail stretched": a bare genus with a relative clause
    relative = (
        # (its adjectives may be listed: "tiny, thin-walled tubes that collect …")
        re.match(r"(?:[a-z][\w\-]*,?\s+){1,4}(?:that|which|who|whose|where)\s+[a-z]", gloss)
        is not None
        # "Long, narrow valleys that are …", not "Rain falls where …" under "**Rain**"
        or GENUS_RELATIVE.match(gloss) is not None
        and gloss.split()[0].lower() != term_text.split()[0].lower()
    ) and not re.match(r"(?i)(?:how|what|when|where|why)\b", gloss)
    # "**Elasticity** — how strongly demand reacts to price", under a cue ("Key concepts:")
    how = glossary and bool(re.match(r"(?:how|what|when|where|why)\s+\w+\s", gloss))
    # "**Referee** — enforces the laws of the game", "**Centrifuge** — used to separate …": a
    # gloss that says what the thing does defines it as much as a genus does
    functional = FUNCTIONAL.match(gloss)
    if functional is not None:
        gloss = gloss[functional.end("it") :] if functional.group("it") else gloss
    # "**Tannin**: astringent compounds in grape skins": a notion glossed in words (not a name
    # keyed to a value, "Contribution limit: $7,000", nor a role, "John Coltrane — tenor sax")
    notion = (
        re.fullmatch(r"[A-Za-z][a-z\-]+(?:\s+[a-z][\w\-]*){0,3}", term_text) is not None
        and not re.match(r"(?i)(?:where|what|when|how|why|who|which)\b", term_text)
        and re.match(r"[a-z][a-z\-]+\s+\S+\s+\S+", gloss) is not None
        # a measure, a place or time, a clause of its own: no gloss of the term
        and not re.match(
            r"(?:about|around|roughly|none|approximately|up|over|under|at|in|on|during|from|by|"
            r"for|with|after|before|since|until|hundreds|thousands|millions|billions|dozens|"
            r"several|many|few|some|most|all)\b|[a-z\-]+\s+(?:can|could|may|might|will|would|"
            r"must|should|is|are|was|were|has|have|had|do|does)\b",
            gloss,
        )
    )
    defined = (
        glossary
        or in_glossary
        or notion
        or relative
        or how
        or aside_def
        or functional is not None
        or re.match(r"(?:a|an|the|one|any)\s", gloss, re.IGNORECASE) is not None
    )
    # "**Hooker** — throws the ball in at lineouts", "**Spleen** — filters the blood": what a
    # part, a position or a body does, in a list no cue names a glossary and whose glosses mostly
    # open without an article, is its role, not what its name means (devtrain: 6 of 6 false, 5
    # of them in gate10) — a verb and its object only: "chemicals that are added …", "plates
    # move apart …" open with a plural genus, and gloss
    acts = re.match(
        r"[a-z]+s\s+(?:the|a|an|all|its|their|his|her|your|our|them|it|each|every|both)\s",
        gloss,
    ) is not None and not (glossary or in_glossary)
    if (
        defined
        and not acts
        and len(gloss.split()) >= 2
        and not re.match(r"(?i)(?:his|her|their|its)\s", gloss)  # "his wife, who …": a person
        # a person's genus defines a role ("**Concertmaster** — the principal first violinist"),
        # not a person named by more than one word ("José Arcadio — the founder of Macondo")
        and (
            not PERSON_HEAD.fullmatch(genus_head(gloss))
            or len(term.text.split()) == 1
            or not proper_name(ctx, term.text)
        )
        # "amoxicillin, …": examples; a gloss opening with an article describes ("the income
        # received or paid on a bond or note …" is no list of names)
        and (
            functional is not None
            or re.match(r"(?:a|an|the)\s", gloss, re.IGNORECASE) is not None
            or not _examples(gloss)
        )
        and not re.search(r"\d{4}|\band\b", term.text)  # "16 July 1969", "ATLAS and CMS"
        and not re.match(r"\d", term.text)
        # a label over a sentence of its own (the document layer kept the item plain: "**Secret**
        # — the US would quietly remove …"), or over what the term may or must do ("**Yokozuna**
        # — cannot be demoted"), states a fact about it and glosses nothing
        and block.role == "glossary"
        and not _MODAL.match(gloss)
        # "**Gongs** — they mark the structure of the piece": a pronoun's clause states a fact
        and not re.match(r"(?i)(?:they|it|he|she|we|you)\s+[a-z]", gloss)
        and not RANKED.match(gloss)  # "**Blue whale** — the largest animal …": a rank, no gloss
        and not _fact_sheet(ctx, block)
        # with no cue naming the list a glossary and no genus with a relative clause, a gloss
        # whose comma adds a number ("**Makuuchi** — the top division, 42 wrestlers", "**Fez** —
        # an old imperial city, founded in 789") describes a member of the list: the number is
        # its attribute, not part of a gloss ("**Birdie** — 1 under par on a hole" still glosses)
        and (glossary or relative or not re.search(r",[^,]*\d", gloss))
    ):
        yield lfact(block, None, "gloss.definition", term, LinguisticKind.DEFINITION, gloss)
    elif (
        (
            pair := re.fullmatch(
                r"(?P<a>[a-z][\w\-]*(?: [a-z][\w\-]*)?) (?:and|&) (?P<b>.+)", term.text
            )
        )
        and defined
        and block.role == "glossary"
        and len(gloss.split()) >= 2
        and not _MODAL.match(gloss)
        and not RANKED.match(gloss)
    ):
        # "**kenong** and **ketuk**: kettle gongs lying horizontally in frames": two common
        # nouns share the gloss ("**ATLAS** and **CMS** — the two detectors" are names)
        for part in (pair.group("a"), pair.group("b")):
            if re.fullmatch(r"[a-z][\w\-]*(?: [a-z][\w\-]*)?", part):
                yield lfact(block, None, "gloss.pair", Name(part), LinguisticKind.DEFINITION, gloss)


def _first_phrase(gloss: str) -> str:
    """The gloss up to its first full stop or semicolon, without the examples after "e.g."
    ("**float**: double-precision numbers, e.g. `3.14`": the full stop of "e.g." must not cut
    the gloss there either) or another name after "often called"."""
    return re.split(
        r";|\.\s|\.$|,\s+(?:often|also|sometimes|usually)\s+(?:called|known)"
        r"|,?\s+\(?(?:e\.g\.|for example|for instance)[\s,]",
        gloss,
    )[0].strip()


#: a lead-in or heading over a fact sheet ("**Key facts**", "At a glance", "Key rules (2024)")
_FACTS_CUE = re.compile(
    r"(?i)\b(?:(?:key|quick|fast|basic|main)\s+(?:facts|details|data|rules|figures|numbers)|"
    r"facts?(?:\s+(?:sheet|file|box))?|at a glance|in brief|profile|vital statistics)\b"
)


#: a short everyday name for a group, plural, at the gloss's start: "skippers", "the crested
#: penguins", "whites and yellows" (its end: the gloss, a comma, "including", "such as")
_WORDS = r"[A-Za-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,2}"
_GROUP_NAME = re.compile(
    rf"(?:the\s+)?(?P<n>{_WORDS}(?:(?:,\s+{_WORDS})*,?\s+(?:and|or)\s+{_WORDS})?)"
    r"\s*(?:$|[,;(]|\s(?:including|such as|e\.g\.))"
)
_NOT_GROUP_WORD = re.compile(
    r"(?:[a-z]+(?:ly|est)|family|families|group|groups|class|classes|order|orders|genus|"
    r"kinds?|types?|forms?|members?|species|ones|others|some|many|most|all|few|more|less|with|"
    r"from|for|of|in|on|at|by|to|are|is|was|were|that|which|who)"
)


def _taxon_common_name(ctx: ReadContext, block: Block, term: str, gloss: str) -> str | None:
    """ "**Hesperiidae** — skippers", "**Eudyptes** — the crested penguins, including the
    macaroni …": a taxon's Latin name glossed by the plural everyday name of its members is the
    group's other name, not a definition (the gloss names, it does not describe).  The Latin
    name is one capitalised word with a family's or order's ending, or one in a list under a rank
    word ("The main families:", "## Genera", "How are penguins classified?")."""
    if block.role != "glossary" or not taxon_key(ctx, block, term):
        return None
    m = _GROUP_NAME.match(re.split(r",?\s+(?:including|such as|e\.g\.)\s", gloss.strip())[0])
    if m is None:
        return None
    words = [w.strip(",") for w in m.group("n").split() if w not in ("and", "or")]
    if not words or any(_NOT_GROUP_WORD.fullmatch(w) for w in words):
        return None
    if not words[-1].endswith("s") or words[-1].endswith("ss"):
        return None  # a plural names the members ("skippers"); "a small bird" describes one
    return m.group("n")


def glossary_cue(ctx: ReadContext, block: Block) -> bool:
    """The item's lead-in, heading or the prompt says the list is a glossary ("Key terms",
    "What do these words mean?")."""
    lead, heading = ctx.doc.lead_of(block), ctx.doc.heading_of(block)
    context = " ".join(b.text for b in (lead, heading) if b is not None) + " " + ctx.prompt
    return _GLOSSARY_CUE.search(context) is not None


def _fact_sheet(ctx: ReadContext, block: Block) -> bool:
    """The item stands in a fact sheet: its list has an attribute's key ("**Founded:** 1971",
    "**Born:** …") or a lead-in or heading that says so ("**Key facts**"), and no glossary cue.
    A label there names an attribute of the section's subject ("**Structure:** a global
    coordinating body …", "**Technique:** woodblock printing …", "**Employer:** the US Bureau of
    Fisheries"), no term the answer defines."""
    if glossary_cue(ctx, block):
        return False
    siblings = ctx.doc.items_of(block.list_id) if block.is_item else []
    if any(
        b is not block
        and b.key is not None
        # (a glossed item keyed by such a word is a term: "**range**: an immutable sequence …")
        and b.role == "key_value"
        and b.key_text().strip(" *_:").lower() in ATTRIBUTE_KEYS
        for b in siblings
    ):
        return True
    lead, heading = ctx.doc.lead_of(block), ctx.doc.heading_of(block)
    return any(b is not None and _FACTS_CUE.search(b.text) is not None for b in (lead, heading))


#: an instruction: a key that is a bare imperative ("**Avoid**"), a gloss that opens with one and
#: its object ("look for the …"); "Use case", "Set point", "use of force" are nouns
_INSTRUCTION = re.compile(
    r"(?i)(?:look|use|keep|avoid|check|make|take|try|ask|get|choose|pick|add|put|set|go|see|call|"
    r"read|find|let|tell|remember|consider|compare|gather|don['’]t|do\s+not|never|always)"
    r"(?:$|\s+(?:for|the|a|an|your|it|them|to|up|out|at|into|on|any|all|some|this|that)\b)"
)
_MODAL = re.compile(r"(?:can|cannot|can't|could|may|might|must|will|would|should|shall)\b")
#: a key that is a clause or a tip: a verb of its own ("numbering isn't left-to-right"), a
#: swap ("Powder instead of soda"), a verb moving into or out of something ("Pay into a
#: pension", "Turn off WPS"), or everything of the reader's ("Include all your income")
_CLAUSE_KEY = re.compile(
    r"(?i)\b(?:is|are|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|won['’]t|"
    r"can['’]t)\b|\binstead of\b|^[a-z]+\s+(?:into|onto|off|away)\s|^[a-z]+\s+all\s+(?:your|the)\s"
)


#: a value in title case (every word but the small ones capitalised): a title, not a gloss
_TITLE = re.compile(
    r"(?:A|An|The)\s+(?:(?:[A-Z][\w'’\-]*|of|and|the|in|on|for|to|a|an|with)\s+)*[A-Z][\w'’\-]*"
)


def _examples(gloss: str) -> bool:
    """The gloss lists examples ("amoxicillin, flucloxacillin"), not a phrase with a participle
    clause after its comma ("solid straight to gas, skipping the liquid stage")."""
    names = name_list(gloss)
    return (
        names is not None
        # "immutable text, stored as Unicode": a participle clause after the comma
        and not any(re.match(r"[a-z]+(?:ing|ed)\s", n) for n in names[1:])
        # "numbers with a real and imaginary part", "fragments of other rocks, shells or
        # minerals": a head noun with its own phrase, whose "and" or commas join its objects
        and not re.match(r"[a-z][\w\-]*\s+(?:with|of|from|for|in|on)\s+\S", names[0])
    )


#: column headers of a glossary table: the first column is the term, this one its meaning
_MEANING_HEADER = re.compile(
    r"(?i)^(?:meaning|definition|what it means|means|description|explanation|gloss|what it is|"
    r"what they are|what it does)$"
)


#: column headers of an abbreviation table: this column spells out the first one
_EXPANSION_HEADER = re.compile(
    r"(?i)^(?:stands for|full (?:form|name)|expansion|in full|meaning of the abbreviation|"
    r"what it stands for|long form|spelled out)$"
)

#: "Solid: matter with a fixed shape …", "Scheme: `https` — the protocol used …": a paragraph
#: that opens as a glossary item (a notion, then its gloss in lower case); the key is one to three
#: words, the first capitalised by its place
_PARAGRAPH_KEY = re.compile(
    r"^(?P<k>[A-Z][a-z\-]+(?:\s+[a-z][a-z\-]*){0,2}):\s+"
    r"(?:(?P<x>\S{1,60})\s+[\u2013\u2014]\s+)?(?P<g>(?:(?:a|an|the)\s+)?[a-z][^:]*)$"
)
#: keys that label a remark, not a term ("Note: …", "Example: ice")
_REMARK_KEY = re.compile(
    r"(?i)(?:note|notes|tip|tips|example|examples|warning|caution|caveat|answer|summary|update|"
    r"source|sources|bottom line|short version|in short|result|results|verdict|pros|cons|"
    r"step \w+|q|a|why|how|what|when|where|who|also|see|important|reminder|hint|rule)"
)


def read_glossary_paragraph(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    """ "Solid: matter with a fixed shape and a fixed volume. Its particles …": paragraphs that
    each open with "Term: gloss" are a glossary written without bullets (the document layer
    keeps a paragraph of more than one sentence a paragraph).  Read when at least two paragraphs
    of the answer open that way, with the gloss's first sentence (an example value before a dash,
    "`https` — the protocol …", is no part of it) as the gloss."""
    if block.role != "paragraph" or block.is_item or block.key is not None or ctx.injected(block):
        return
    sents = ctx.sentences(block)
    if not sents or sents[0].start != 0:
        return
    m = _PARAGRAPH_KEY.match(sents[0].text.rstrip(".!"))
    if m is None or _REMARK_KEY.fullmatch(m.group("k")):
        return
    runs = sum(
        1
        for b in ctx.doc.blocks
        if b.role == "paragraph"
        and not b.is_item
        and (o := _PARAGRAPH_KEY.match(b.text.split(". ")[0].rstrip(".!"))) is not None
        and not _REMARK_KEY.fullmatch(o.group("k"))
    )
    if runs < 2:
        return
    gloss = re.split(r";\s|\s+[\u2013\u2014]\s+", m.group("g"))[0].rstrip(" ,")
    start = m.start("g")
    end = start + len(gloss)
    glossed = dataclasses.replace(block, role="glossary", key=(0, m.end("k")), value=(start, end))
    yield from read_glossary(ctx, glossed)


def _compared_names(block: Block, cells: tuple[str, ...]) -> Iterator[Fact]:
    """ "| | Heart attack | Cardiac arrest |" / "| Medical name | myocardial infarction (MI) | …
    |": in a table comparing things column by column, a row keyed by a kind of name gives each
    column's thing another name (and the acronym in brackets after it)."""
    if len(block.header) < 3 or len(cells) != len(block.header):
        return
    key = clean_name(cells[0]).lower()
    if not (
        _NAMING_KEY.fullmatch(key) or re.fullmatch(r"(?:medical|technical|formal)\s+names?", key)
    ):
        return
    for head, cell in zip(block.header[1:], cells[1:], strict=True):
        thing = clean_name(head)
        # "| Also called | bicarbonate of soda, bicarb |": each name of a list is one
        for raw in re.split(r",\s+|\s+or\s+", " ".join(cell.replace("**", "").split())):
            yield from _compared_name(block, thing, raw)


def _compared_name(block: Block, thing: str, raw: str) -> Iterator[Fact]:
    """The names one cell of a naming row gives its column's thing (:func:`_compared_names`)."""
    named = re.fullmatch(r"(?P<n>[^()+,;/]{2,60}?)\s*(?:\((?P<a>" + ABBR + r")\))?", raw)
    if not thing or named is None or clean_name(named["n"]).lower() == thing.lower():
        return  # "(strictly) IBRD + IDA": no name
    name = clean_name(named["n"])
    if re.fullmatch(ABBR, thing) and initials_match(name, thing):
        # "| | TCP | UDP |" / "| Full name | Transmission Control Protocol | … |"
        yield lfact(
            block, None, "table.compared_name", Name(name), LinguisticKind.ABBREVIATION, thing
        )
        return
    yield lfact(block, None, "table.compared_name", Name(thing), LinguisticKind.SYNONYM, name)
    if named["a"] is not None and named["a"].lower() != thing.lower():
        yield lfact(
            block,
            None,
            "table.compared_name",
            Name(thing),
            LinguisticKind.ABBREVIATION,
            named["a"],
        )


def read_glossary_row(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    """ "| Term | Meaning |" tables: each row's first cell is defined by its meaning cell."""
    if ctx.injected(block) or len(block.header) < 2 or len(block.cells) < 2:
        return
    cells = block.cell_texts()
    yield from _compared_names(block, cells)
    short = clean_name(cells[0])
    expands = [
        i for i, h in enumerate(block.header) if i and _EXPANSION_HEADER.match(clean_name(h))
    ]
    # the header vouches for the short form: "Hb", "Hct" need not look like an acronym
    shortish = re.fullmatch(r"[A-Z][\w&.\-]{0,7}|" + ABBR, short) is not None
    if expands and shortish and expands[0] < len(cells):
        # "| Abbreviation | Stands for |" / "| **Hb** | haemoglobin |": the header says the cell
        # spells the first one out, initials or not (a clipping, "Hct" / "haematocrit"); a gloss
        # in brackets after it defines the long form
        cell = " ".join(cells[expands[0]].replace("**", "").split())
        long = clean_name(re.split(r"\s*[,;(]", cell)[0])
        if long and long.lower() != short.lower() and len(long.split()) <= 6:
            yield lfact(
                block, None, "table.stands_for", Name(long), LinguisticKind.ABBREVIATION, short
            )
            gloss = re.search(
                r"\((?P<g>(?:the|a|an)\s[^()]{5,120})\)|,\s+(?P<h>(?:the|a|an)\s.{5,120})$", cell
            )
            if gloss is not None:
                value = (gloss.group("g") or gloss.group("h")).rstrip(".")
                yield lfact(
                    block, None, "table.gloss", Name(long), LinguisticKind.DEFINITION, value
                )
    elif re.fullmatch(ABBR, short):
        # "| CPU | Central processing unit |": a row whose other cell spells its first
        for cell in cells[1:]:
            long = clean_name(re.split(r"\s*[,;(]", cell)[0])
            if long and initials_match(long, short):
                yield lfact(
                    block, None, "table.expansion", Name(long), LinguisticKind.ABBREVIATION, short
                )
                break
    columns = [i for i, h in enumerate(block.header) if _MEANING_HEADER.match(clean_name(h))]
    if not columns or columns[0] == 0:
        return
    term = clean_name(cells[0])
    value = " ".join(cells[columns[0]].replace("**", "").split()).rstrip(".")
    if re.fullmatch(r"[\d.\s]+", term):
        return  # "| 7 | Application | Network services … |": a row's number, no term
    if term and len(term.split()) <= 5 and len(value.split()) >= 2:
        yield lfact(block, None, "table.definition", Name(term), LinguisticKind.DEFINITION, value)
