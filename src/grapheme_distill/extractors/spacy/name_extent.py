"""Where a name's extent ends: the widenings and cuts :mod:`.names` applies to a span before it
becomes a :class:`~.mentions.Mention`.

Kept apart from :mod:`.names` (what one token names, memoised, resolved through the coreference
state) because these rules read the parse alone, token by token, and answer one question each:
how far a proper-noun compound runs ("FC Amkar Perm", "Madrid–Barajas Airport"), whether an "of"
part or "and B" belongs to an institution's name ("the College of William and Mary"), whether a
possessive owns a name of its own ("California's San Andreas Fault"), and which first words are no
part of a name (a how-to's imperative, a question's opener, or the hedge an approximate value keeps:
"about 8 %").
"""

from __future__ import annotations

from typing import Any

from grapheme_distill.extractors.readers.people import _OCCUPATIONS
from grapheme_distill.extractors.spacy.titles import (
    _ORDINAL,
    _STYLES,
    HONOURS,
    _full_name,
    _membership,
    _name_part,
    _own_phrase,
    _title_span,
)


def _of_name_end(doc: Any, end: int) -> int:
    """Extend a name over an "of" part that is itself a name: "Pools of Light", "King of Prussia",
    "McVeagh of the South Seas", "University of Texas" (the model often cuts names there)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end].head.i != end - 1:
        return end
    i = end + 1
    if dated_name(doc, end - 1, i):
        return i + 1  # "the Taxpayer Relief Act of 1997", "the Paris Exposition of 1889"
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
        return end
    if doc[end - 1].ent_type_ in ("GPE", "LOC") and doc[i].ent_type_ in ("GPE", "LOC"):
        return end  # "New Jersey of the United States": two places, not one name
    if doc[i].ent_type_ == "GPE" and _full_name(doc, end):
        return end  # "Kevin Mayer of France": a person and the country they represent
    if _membership(doc, end - 1, i):
        return end  # "Fellow of the Royal Society": the society is the node, its fellow a member
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    return _and_name_end(doc, end - 1, i)


#: a noble's or a ruler's style after a comma ("Diana, Princess of Wales", "William King, 1st Earl
#: of Lovelace"): the styles of :data:`.titles._STYLES` and the ranks they leave out
_TITLED_STYLES = _STYLES | {"marquess", "marquis", "viscount", "baroness", "archduchess", "tsar"}


#: offices that rule or serve a place or a body: "the Roman prefect of Alexandria", "the bishop
#: of Rome", "the governor of Texas" — their "of" object is the domain, never a person
_OFFICES = _TITLED_STYLES | frozenset(
    {"prefect", "governor", "bishop", "archbishop", "patriarch", "mayor", "sultan", "emir"}
    | {"pharaoh", "shah", "caliph", "consul", "viceroy", "satrap", "doge", "khan", "ruler"}
    | {"president", "chancellor", "premier", "abbot", "abbess", "chieftain", "monarch"}
)


def office_domain(tok: Any) -> bool:
    """Whether ``tok`` is the object of an office's "of" ("Alexandria" of "the Roman prefect of
    Alexandria", "Rome" of "the bishop of Rome"): what an office is of is a place or a body, so
    a PERSON label NER gives it is wrong — and a "who" clause after it is about the officer, not
    the place (the label sent "who was locked in a power struggle" to Alexandria)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    office = prep.head
    return (
        office.pos_ in ("NOUN", "PROPN")
        and office.lemma_.lower() in _OFFICES
        and office.ent_type_ != "PERSON"
        and not _full_person(tok)
    )


def _full_person(tok: Any) -> bool:
    """``tok`` lies in a PERSON name of two or more words ("Henry VIII", "Napoleon Bonaparte"):
    a consort's style takes her husband after its "of" ("the second queen of Henry VIII, who
    executed her"), where a place or a body is one word NER may mistype ("the Roman prefect of
    Alexandria")."""
    if tok.ent_type_ != "PERSON":
        return False
    doc, i = tok.doc, tok.i
    return bool(tok.ent_iob_ == "I" or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"))


#: kinship: "his wife Penelope", "Darcy's sister, Georgiana", "X, a son of the sea god"
_KIN = frozenset(
    {"brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "widow"}
    | {"uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "widower"}
    | {"grandfather", "grandmother", "stepson", "stepdaughter", "stepfather", "stepmother"}
)
#: occupation words that as often name a thing ("a mechanical general-purpose computer", "the
#: national public service broadcaster", "a good conductor", "a blood count")
_THING_ROLES = frozenset(
    {"computer", "broadcaster", "conductor", "producer", "star", "player", "tennis", "general"}
    | {"runner", "count", "ruler", "designer"}
)
#: a person's role: an occupation (:data:`.readers.people._OCCUPATIONS`), an office
#: (:data:`_OFFICES`) or a kin noun
_PERSON_ROLES = (_OCCUPATIONS | _OFFICES | _KIN) - _THING_ROLES
#: roles a place is given as a figure of speech ("the mother of democracy", "the king of …")
_FIGURATIVE_ROLES = _KIN | _TITLED_STYLES
#: what NER calls a person it mistakes (NORP stays: "an American, the President" is a people)
MISTYPED_PERSONS = frozenset({"GPE", "LOC", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_DESCRIBED = "grapheme_distill.described_persons"


def _role(tok: Any, *, plural: bool = False, place: bool = False) -> bool:
    """``tok`` is a lower-case noun naming a person's role (the tagger calls some "PROPN":
    "Cyril, the bishop of Alexandria"); singular only unless ``plural`` ("the painters Titian
    and Tintoretto").  Of a name NER typed a ``place``, kin or a ruler's style whose "of" holds a
    common noun is a figure of speech ("Athens, the mother of democracy", "Detroit was the king of
    car manufacturing"); "his wife Penelope", "X, the son of Odysseus" and "X, the king of France"
    still count (a figure over a name, "Venice, the queen of the Adriatic", is told apart by
    where else the answer puts the name: :func:`_located`)."""
    lemma = tok.lemma_.lower()
    return bool(
        tok.pos_ in ("NOUN", "PROPN")
        and tok.text.islower()
        and not tok.ent_type_
        and (tok.tag_ in ("NN", "NNP") or plural and tok.tag_ in ("NNS", "NNPS"))
        and lemma in _PERSON_ROLES
        and not (
            place
            and lemma in _FIGURATIVE_ROLES
            and any(
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(
                    o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_ for o in c.children
                )
                for c in tok.children
            )
        )
    )


def described_persons(doc: Any) -> frozenset[int]:
    """The first tokens of the names ``doc`` describes as persons whatever NER typed them (cached
    on the doc): NER types "Orestes" a place and "Cyril" an organisation in "Orestes, the Roman
    prefect of Alexandria, … Cyril, the bishop of Alexandria", and the type is what "he"/"she",
    a "who" clause and a subject's agreement read.  The answer's own words say it: a person's
    role (occupation, office, kin) in apposition after the name ("X, the bishop", "X, a French
    botanist") or before it ("his wife Penelope", "the fourth king, X"), or as the complement of
    the name's copula ("X was a German composer").  A name set off after a place ("Shrewsbury,
    Shropshire, the son of …": the role is the sentence's subject's) is left as NER typed it, and
    so is a place the answer puts things in elsewhere ("merchants in Venice": :func:`_located`);
    only a proper noun NER gave a type of thing (:data:`MISTYPED_PERSONS`) counts."""
    cached: frozenset[int] | None = doc.user_data.get(_DESCRIBED)
    if cached is not None:
        return cached
    found: set[int] = set()
    located = _located(doc)
    for ent in doc.ents:
        if ent.label_ not in MISTYPED_PERSONS:
            continue
        root = ent.root
        if root.pos_ != "PROPN":
            continue
        head = root.head
        after_place = root.dep_ in ("appos", "conj") and head.ent_type_ in ("GPE", "LOC")
        place = ent.label_ in ("GPE", "LOC")
        if place and ent.text in located and not _of_a_person(root):
            continue  # "Venice, the queen of the Adriatic … merchants in Venice": a figure
        if (
            not after_place
            and any(c.dep_ == "appos" and _role(c, place=place) for c in root.children)
            or root.dep_ == "appos"
            and head.i != root.i
            and _role(head, plural=True, place=place)
            or root.dep_ == "nsubj"
            and head.lemma_ == "be"
            and any(c.dep_ == "attr" and _role(c, place=place) for c in head.children)
        ):
            found.add(ent.start)
    doc.user_data[_DESCRIBED] = result = frozenset(found)
    return result


def _of_a_person(root: Any) -> bool:
    """Whether a role set off after ``root`` is "of" a person ("Georgia, the wife of Alfred
    Stieglitz"): kin of a person is no figure of speech, wherever else the name is a place."""
    return any(
        c.dep_ == "appos"
        and any(
            p.dep_ == "prep"
            and p.lower_ == "of"
            and any(o.ent_type_ == "PERSON" for o in p.children)
            for p in c.children
        )
        for c in root.children
    )


def _located(doc: Any) -> frozenset[str]:
    """The names ``doc`` puts something in, as places ("merchants in Venice", "born in Athens"):
    a place NER typed GPE or LOC as the object of "in".  A role the answer gives such a name
    elsewhere is a figure of speech ("Venice, the queen of the Adriatic"): a person is no place
    things are in."""
    return frozenset(
        ent.text
        for ent in doc.ents
        if ent.label_ in ("GPE", "LOC") and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "in"
    )


def titled_person_end(toks: Any, end: int) -> int:
    """Extend a person's name (``toks[end - 1]`` labelled PERSON) over the style written after
    its comma: "Diana, Princess of Wales", "Mary, Queen of Scots", "William King, 1st Earl of
    Lovelace".  The gold names such a person once, with the style ("Mary, Queen of Scots") or
    without ("William King"), and the style is no node of its own; read by parts it gave three
    ("Diana", "Princess", "Wales").  The whole is the name; a later "Diana" folds into it as a
    short form (:func:`~.records.short_names`), and the scorer matches a person's shorter
    name to it.  ``toks`` is a document or its token list; returns ``end`` when no style follows."""
    n = len(toks)
    if end <= 0 or end >= n or toks[end - 1].ent_type_ != "PERSON" or toks[end].text != ",":
        return end
    j = end + 1
    if j < n and _ORDINAL.match(toks[j].text):
        j += 1  # "1st Earl of Lovelace"
    if not (j + 2 < n and toks[j].lower_ in _TITLED_STYLES and toks[j].text[:1].isupper()):
        return end
    if toks[j + 1].lower_ != "of":
        return end
    k = j + 2
    if toks[k].lower_ == "the":
        k += 1
    first = k
    while (
        k < n
        and toks[k].is_alpha
        and toks[k].text[:1].isupper()
        and not (k > first and toks[k].is_sent_start)
    ):
        k += 1
    return k if k > first else end


def title_holder(toks: Any, i: int) -> tuple[int, int, int] | None:
    """Where ``toks[i]`` is a word of the style after a person's name ("Princess" or "Wales" of
    "Diana, Princess of Wales"; :func:`titled_person_end`): the person's last token, the style
    word's and the end of the whole.  The style word names the person; the place after its "of"
    (when NER labelled it) names the style, as it did before the person read whole ("Duke of
    Edinburgh", which an answer's gold may keep as a node)."""
    if not (toks[i].text[:1].isupper() or toks[i].text[:1].isdigit()):
        return None
    for k in range(i - 1, max(0, i - 8), -1):
        if toks[k].text == ",":
            if k > 0 and toks[k - 1].ent_type_ == "PERSON":
                end = titled_person_end(toks, k)
                if end > i:
                    return k - 1, k + 2 if _ORDINAL.match(toks[k + 1].text) else k + 1, end
            return None
    return None


def in_name_end(toks: Any, end: int) -> int:
    """Extend a name the tagger found no entity in over an "in" phrase of its own: "the Mass in B
    Minor" (NER leaves the mass unlabelled, and the name stopped at "Mass", so the piece never
    became a node).  The parse must hang "in" on the name's last word and its object must be a
    run of capitalised proper nouns without an entity label: "Pemberley in Derbyshire" (a place)
    stays two names."""
    if end >= len(toks) or toks[end].lower_ != "in" or toks[end].head.i != end - 1:
        return end
    j = end + 1
    while j < len(toks) and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper():
        if toks[j].ent_type_:
            return end
        j += 1
    if j == end + 1 or toks[j - 1].head.i != end or toks[j - 1].dep_ != "pobj":
        return end
    return j


#: prepositions that place a thing in a clause: "rises in the Massif Central at Mont Gerbier de
#: Jonc", "Melilla on the Mediterranean", "ESRIN in Frascati"
_PLACING = frozenset({"at", "on", "in"})


def clause_cut(toks: Any, start: int, end: int, i: int) -> tuple[int, int]:
    """The part of a name span ``toks[start:end]`` that token ``i`` stands in, cut at an "at",
    "on" or "in" the parse hangs on a word outside the span (the clause's verb or noun): NER and
    the title widening read "the Massif Central at Mont Gerbier de Jonc" as one name.  A
    preposition one of the name's own words governs ("Nobel Prize in Physics", "Night at the
    Opera", "General Agreement on Tariffs and Trade") stays in it, and so does one before an
    indefinite article, which places nothing (the parse hangs the "on" of the title "Death on a
    Factory Farm" on the verb: WebNLG).  The same cut
    :func:`~.relation_candidates._own_part` makes for a relation's object, made once for the
    entity itself.

    A name also ends before "the" that opens a name of its own after a fronted place with no comma
    ("At Waterloo the Duke of Wellington defeated Napoleon", "At Aachen the Emperor was
    crowned": NER reads "Waterloo the Duke" as one place): where the words before the article are
    a preposition's object and the Title Case phrase after it is the clause's own, neither
    hanging on the other (:func:`~.titles._own_phrase`, the same test the title widening makes).
    An epithet that hangs on the name stays in it ("by Pliny the Elder", "Winnie the Pooh"); a
    ruler's epithet (a closed list: "the Great", "the Elder", "the Conqueror" …) after a name NER
    calls a person closes the name before a name of the clause's own ("Under Peter the Great Russia
    built a navy": "Peter the Great" and "Russia", where the parse hangs "the Great" on "Russia");
    after a place the article opens the subject's name as above ("At Swindon the Great Western
    Railway built its works": "Swindon", "Great Western Railway").
    ``toks`` is a document or its token list."""
    lo, hi = start, end
    for k in range(start + 1, end - 1):
        t = toks[k]
        if (
            t.lower_ in _PLACING
            and t.dep_ == "prep"
            and not (start <= t.head.i < end)
            and toks[k + 1].lower_ not in ("a", "an")  # a title's: "Death on a Factory Farm"
        ):
            if k < i:
                lo = max(lo, k + 1)
            else:  # (the preposition itself, NER's root of the span: the name before it)
                hi = min(hi, k)
        elif (
            t.lower_ == "the"
            and toks[k + 1].lower_ in _EPITHETS
            and toks[k - 1].ent_type_ == "PERSON"  # a ruler's ("At Swindon the Great …": a place)
            and k + 2 < end
            and toks[k + 2].text[:1].isupper()
        ):
            # "Under Peter the Great Russia built a navy": the epithet closes the ruler's name
            # and the name after it is the clause's own (the parse hangs "the Great" on it)
            if k + 2 <= i:
                lo = max(lo, k + 2)
            else:
                hi = min(hi, k + 2)
        elif (
            t.lower_ == "the"
            and toks[k + 1].text[:1].isupper()
            and toks[k - 1].text[:1].isupper()
            and _own_phrase(toks, start, k, k + 1)
        ):
            if k < i:
                lo = max(lo, k)
                if hi == end and toks[end - 1].lower_ == "of":
                    # NER ended the later name on its "of" ("Waterloo the Duke of" before
                    # "Wellington", a place of its own): the later name runs on over its "of" part
                    hi = _of_name_end(toks, end - 1)
            else:
                hi = min(hi, k)
    return lo, hi


#: a ruler's or a namesake's epithet after "the" ("Peter the Great", "Pliny the Elder", "William the
#: Conqueror"): a closed class of the language, which ends the name it follows
_EPITHETS = frozenset(
    {
        "great", "elder", "younger", "conqueror", "confessor", "magnificent", "terrible", "bold",
        "wise", "pious", "fair", "good", "just", "bald", "fat", "lionheart", "navigator", "lawgiver",
        "unready", "brave", "red", "venerable", "apostate", "blessed", "builder",
    }
)  # fmt: skip

#: the last words of names that carry their year after "of" ("Act of 1997", "Exposition of 1889")
_DATED_NAMES = frozenset(
    {"act", "treaty", "exposition", "exhibition", "convention", "charter", "accord", "agreement"}
)


def dated_name(doc: Any, last: int, year: int) -> bool:
    """Whether ``doc[year]``, after the "of" that follows ``doc[last]``, is a year that belongs to
    a law's, a treaty's or a world fair's name ("Taxpayer Relief Act of 1997": the gold names the
    act with its year; NER ends the law at "Act" and makes the year a date of its own)."""
    tok = doc[last]
    if not tok.text[:1].isupper() or not (
        tok.ent_type_ in ("LAW", "EVENT") or tok.lower_ in _DATED_NAMES
    ):
        return False
    if year >= len(doc) or doc[year].head.i != year - 1:
        return False
    y = doc[year]
    return (
        y.text.isdigit()
        and len(y.text) == 4
        and y.ent_type_ == "DATE"
        and y.ent_iob_ == "B"
        and (year + 1 >= len(doc) or doc[year + 1].ent_iob_ != "I")
    )


def _and_name_end(doc: Any, head: int, end: int) -> int:
    """ "the College of William and Mary", "Department of Health and Human Services": an institution
    named "<noun> of A and B" runs on over "and B" (``head`` is the institution noun's index)."""
    if (
        doc[head].lower_ in _INSTITUTIONS_OF
        and end + 1 < len(doc)
        and doc[end].lower_ == "and"
        and any(t.lower_ == "of" for t in doc[head:end])
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].text[:1].isupper()
    ):
        end += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return end


# institutions whose names are "<noun> of A and B"
_INSTITUTIONS_OF = frozenset(
    {
        "college",
        "university",
        "school",
        "institute",
        "department",
        "ministry",
        "museum",
        "academy",
        "society",
        "council",
        "board",
        "bank",
        "church",
    }
)


_JOINERS = frozenset({"-", "\u2013", "\u2014", "/"})


def _extend_name(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a named-entity span to the whole proper-noun compound it belongs to.

    The small model's NER often cuts a long name where the parse does not: "FC Amkar Perm" comes
    back as "Amkar Perm", "The ALCO RS-3" as "RS-3", "Adolfo Suárez Madrid–Barajas Airport" as
    "Suárez Madrid".  A capitalised token just left of the span whose head lies inside it (a
    compound modifier), and proper nouns glued on by a dash without spaces, are the same name.
    A demonym is left out ("American Alan Shepard"); a place that modifies the head is kept
    ("Tennessee Titans").
    """
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.text in _JOINERS
            and not prev.whitespace_
            and start > 1
            and not doc[start - 2].whitespace_
            and _name_part(doc[start - 2])
        ):
            start -= 2  # "Madrid–Barajas Airport" seen from "Airport"
            continue
        if not (
            _name_part(prev)
            and prev.dep_ in ("compound", "amod", "nmod", "nummod", "flat")
            and start <= prev.head.i < end
            and prev.ent_type_ != "NORP"
            and prev.whitespace_
        ):
            break
        start -= 1
    while (
        end + 1 < len(doc)
        and doc[end].text in _JOINERS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and _name_part(doc[end + 1])
    ):
        end += 2  # "Madrid–Barajas"
        while end < len(doc) and _name_part(doc[end]) and doc[end - 1].head.i == end:
            end += 1  # "... Barajas Airport": the compound's head
    return _title_span(doc, start, end)


#: verbs that open the steps of a how-to, which the tagger reads as part of a name when a name
#: follows ("Install Docker Desktop", "Open Security", "Select Backup codes")
_IMPERATIVES = frozenset(
    [
        "install",
        "open",
        "go",
        "select",
        "click",
        "choose",
        "put",
        "add",
        "mix",
        "check",
        "run",
        "start",
        "pull",
        "list",
        "confirm",
        "print",
        "store",
        "use",
        "make",
        "take",
        "turn",
        "press",
        "tap",
        "enter",
        "type",
        "set",
        "remove",
        "place",
        "pour",
        "save",
        "download",
        "visit",
        "sign",
        "log",
        "create",
        "copy",
        "paste",
        "follow",
        "find",
        "search",
        "update",
        "restart",
        "enable",
        "disable",
    ]
)


#: lower-case words a title runs through ("Ode to Joy", "A Synopsis of Elementary Results")
_TITLE_JOINS = frozenset(
    {"of", "to", "the", "and", "a", "an", "in", "on", "for", "de", "la", "no."}
)


def _owned_name(toks: Any, start: int, owner: int, end: int) -> bool:
    """Whether ``toks[start:end]`` is an owner's possessive before a name of its own: a place's
    ("California's San Andreas Fault"), or a proper name's before a name of two words or more
    ("Schiller's Ode to Joy", "Columbia's 30th Street Studio", "Kennedy's Science Advisory
    Committee"): the gold names the owned thing, and the owner as a node of its own
    (:func:`~.named.named_mentions`).  One word after a possessive is a name of one piece ("St
    Mark's Square", "King's College", "the Doge's Palace")."""
    after = toks[owner + 1 : end]
    if not all(t.text[:1].isupper() or t.like_num for t in after[:1]):
        return False
    if all(t.ent_type_ in ("GPE", "LOC") for t in toks[start:owner]):
        return all(t.text[:1].isupper() for t in after)
    return (
        len(after) >= 2
        and all(t.pos_ == "PROPN" for t in toks[start:owner])
        and all(t.text[:1].isupper() or t.like_num or t.lower_ in _TITLE_JOINS for t in after)
    )


#: what opens a question heading before its subject: "**Is the ICRC part of the UN?**", "What the
#: IMF does" (the subject is the ICRC, the IMF, not "Is the ICRC")
_QUESTION_OPENERS = frozenset(
    {"is", "are", "was", "were", "does", "do", "did", "can", "could", "has", "have", "what", "how"}
    | {"why", "which", "when", "where", "who", "whom", "whose"}
)


def _question_opener(toks: Any, start: int, end: int) -> bool:
    """Whether ``toks[start]`` opens a question or a wh-clause before a name (at a sentence's
    start or after a colon, "Q: Is it …"), and is not the whole name."""
    tok = toks[start]
    if tok.lower_ not in _QUESTION_OPENERS or end - start < 2:
        return False
    if not (tok.is_sent_start or (start > 0 and toks[start - 1].text in (":", "**"))):
        return False
    nxt = toks[start + 1]
    return nxt.text[:1].isupper() or (end - start > 2 and nxt.lower_ in ("the", "a", "an"))


#: values NER spans with the word that makes them approximate ("about 8 %", "around 99,000")
_MEASURED = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_APPROXIMATE = frozenset({"about", "roughly", "around", "approximately", "nearly", "almost"})


#: the articles a name's first word may be and still be cut (gold conventions: "Beatles", not
#: "The Beatles"; a title keeps its own, :mod:`.titles`)
_ARTICLES = frozenset({"the", "a", "an"})


def named_determiner(toks: Any, start: int, end: int, label: str) -> bool:
    """Whether ``toks[start]`` is a capitalised determiner or quantifier that opens NER's span of a
    name of capitalised words ("All Souls College", "Every Breath You Take", "No Doubt"): a word
    of the name, not the noun phrase's determiner, though the parse tags it ``det``.  Articles are
    still cut; so is a determiner NER left out of the span ("Some European countries")."""
    if end - start < 2 or not label or label in _MEASURED:
        return False
    first, second = toks[start], toks[start + 1]
    return bool(
        first.text[:1].isupper()
        and first.lower_ not in _ARTICLES
        and (first.pos_ == "DET" or first.dep_ in ("det", "predet"))
        and first.ent_iob_ == "B"
        and first.ent_type_ == label
        and second.ent_iob_ == "I"
        and second.text[:1].isupper()
    )


def honour_name(toks: Any, root: Any) -> tuple[int, int] | None:
    """The token span of the order's or honour's name that a proper-noun chunk is part of: "the
    Order" or "Merit" of "a Member of the Order of Merit", "the British Empire" of "the Order of
    the British Empire" (:data:`~.titles.HONOURS`; NER labels none of them).  The noun chunks cut
    the name at its "of", and "Merit" alone became a node; the name is one node, as the "of"
    names of :func:`_of_name_end` are."""
    head = root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i > 0:
        head = root.head.head  # "Merit" of "Order of Merit"
    if (
        head.lower_ not in HONOURS
        or not head.text[:1].isupper()
        or head.i + 2 >= len(toks)
        or toks[head.i + 1].lower_ != "of"
    ):
        return None
    end = _of_name_end(head.doc, head.i + 1)
    if end <= head.i + 2:
        return None
    start = head.i
    while (
        start > 0
        and toks[start - 1].dep_ in ("compound", "amod")
        and toks[start - 1].text[:1].isupper()
    ):
        start -= 1  # "the Presidential Medal of Freedom"
    return start, end
