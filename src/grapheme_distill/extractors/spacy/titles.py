"""Titles of works: where a title starts and ends when the parse and NER cut it short.

A title is one name whatever its words are: "Death on a Factory Farm" (Title Case joined by small
words), "It's Great to Be Young" after "the 1956 movie", a quoted "Part of the Plan".  The small
model tags the words of a title as verbs, pronouns and adjectives, so these rules read the
capitalisation and the work noun in front instead of the parse.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens, token_sent
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.text import OffsetMap

__all__ = [
    "EMPHASIS_KEY",
    "binomial",
    "NAME_PARTICLES",
    "VALUE_LABELS",
    "answer_emphasis",
    "emphasised",
    "hyphen_opener",
    "mark_emphasis",
    "membership_of_body",
    "title_edges",
    "two_names",
]

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def _name_part(tok: Any) -> bool:
    """A token that can be part of a proper name: capitalised proper noun, or an ordinal ("11th")."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper()) or bool(_ORDINAL.match(tok.text))


#: NER labels of values (dates, numbers, amounts), never names
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})


# small words a title keeps lowercase between its capitalised words ("Death on a Factory Farm",
# "It's Great to Be Young"); "and", "in", "at", "with" are left out on purpose: they join two names
# or a name and a place far more often than they sit inside a title
_TITLE_GLUE = frozenset({"on", "a", "an", "the", "to", "of", "'s", "upon", "without", ":"})
#: the lower-case particles of Romance, Germanic and Arabic names ("Piazza della Signoria", "Isla
#: de la Luna", "Ludwig van Beethoven", "Sully-sur-Loire"): a name goes on over them to the next
#: capitalised word, as it does over a title's small words (public: the pronoun reader asks whether a
#: topic's name has a person's shape)
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "delle", "degli", "dei", "di", "da", "do", "dos", "das", "du", "des"}
    | {"la", "le", "les", "von", "van", "der", "den", "ter", "ten", "y", "al", "el", "bin", "ibn"}
    | {"sur", "sous", "en", "am", "an", "im"}
)
_GLUE = _TITLE_GLUE | NAME_PARTICLES


def _title_word(tok: Any) -> bool:
    return (tok.text[:1].isupper() or tok.text.isdigit()) and tok.pos_ not in ("PUNCT", "SYM")


_ROUTE = frozenset({"GPE", "LOC"})


_HYPHEN_PARTICLES = NAME_PARTICLES | {"upon", "on", "in", "under", "over"}


def _hyphen_chain(toks: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a name over a place name's hyphenated particles ("Sully-sur-Loire",
    "Stratford-upon-Avon", "Southend-on-Sea"): capitalised words joined by "-particle-" with no
    space are one name, which the tagger and NER cut at the lower-case particle."""

    def glued(a: int, b: int) -> bool:  # tokens a..b-1 written without a space between them
        return all(not toks[i].whitespace_ for i in range(a, b - 1))

    def cap(i: int) -> bool:
        return bool(toks[i].is_alpha and toks[i].text[:1].isupper())

    def link(i: int) -> bool:  # toks[i:i+3] is "-particle-"
        return (
            toks[i].text == "-"
            and toks[i + 1].lower_ in _HYPHEN_PARTICLES
            and toks[i + 2].text == "-"
        )

    n = len(toks)
    if (
        start >= 2
        and toks[start].lower_ in _HYPHEN_PARTICLES
        and toks[start - 1].text == "-"
        and cap(start - 2)
        and glued(start - 2, start + 1)
    ):
        start -= 2  # "sur-Loire" read from the particle on
    while start >= 4 and link(start - 3) and cap(start - 4) and glued(start - 4, start + 1):
        start -= 4
    while end + 3 < n and link(end) and cap(end + 3) and glued(end - 1, end + 4):
        end += 4
    return start, end


def hyphen_opener(toks: Any, start: int, end: int) -> bool:
    """Whether ``toks[start]`` opens a hyphenated place name ("Sully-sur-Loire": the tagger made
    "Sully" an adverb), which a name reader must not trim as a modifier."""
    return (
        start + 2 < end
        and toks[start].text[:1].isupper()
        and toks[start + 1].text == "-"
        and toks[start + 2].lower_ in _HYPHEN_PARTICLES
    )


def two_names(toks: Any, start: int, end: int) -> tuple[int, int] | None:
    """The "and" that joins two names NER read as one ("Isla del Sol and Isla de la Luna",
    "COVID-19 and Ebola") and the head of the second name, or None.  The span is two names when
    its head is left of the "and" and the second part hangs on it as a conjunct; a name whose
    head comes after the "and" is one name ("Securities and Exchange Commission", "Rock and
    Roll Hall of Fame")."""
    ands = [i for i in range(start + 1, end - 1) if toks[i].lower_ == "and"]
    if len(ands) != 1 or not toks[ands[0] + 1].text[:1].isupper():
        return None
    cut = ands[0]
    heads = [
        i for i in range(start, end) if not start <= toks[i].head.i < end or toks[i].head.i == i
    ]
    if len(heads) != 1 or heads[0] > cut:
        return None
    second = next(
        (i for i in range(cut + 1, end) if toks[i].dep_ == "conj" and toks[i].head.i == heads[0]),
        None,
    )
    return None if second is None else (cut, second)


_ARTICLES = frozenset({"the", "a", "an"})


#: dependencies of a word that modifies a noun after it in its own phrase ("Presidential Medal",
#: "Revenge Porn Helpline")
_NP_MODIFIERS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})


def _ends_preposition(toks: Any, start: int, end: int) -> bool:
    """Whether the name ``toks[start:end]`` is the object of a fronted preposition ("at Bath",
    "In Paris"): its one word whose head lies outside it is a ``pobj`` of a preposition that hangs
    on a verb.  A preposition that hangs on a noun ("Paintings by Pieter Bruegel the Elder")
    opens no clause: the epithet after the name stays in it."""
    roots = [t for t in toks[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    return (
        len(roots) == 1 and roots[0].dep_ == "pobj" and roots[0].head.head.pos_ in ("VERB", "AUX")
    )


def _own_phrase(toks: Any, start: int, end: int, other: int) -> bool:
    """Whether the name ``toks[start:end]`` and the Title Case word ``toks[other]`` across an
    article are two noun phrases: the article opens the later one ("awarded Toni Morrison the
    Presidential Medal of Freedom": the recipient and the award, the verb's two objects; "in the
    UK the Revenge Porn Helpline also helps"), and neither hangs on the other, as the words of
    one title do ("Expect a Miracle": the miracle is the verb's object within the title).  The
    widening made one PERSON or one place of both.  The later phrase is judged by its own head
    noun, reached over the modifiers before it ("Presidential" to "Medal"), not by the word that
    governs it, where the name is a preposition's object: a fronted place without a comma before
    the clause's subject ("at Bath the Romans built a temple", "In Paris the French …") has the
    verb over both, and the name ends before the determiner that opens the subject's noun phrase
    unless the later phrase hangs on the name ("by Pliny the Elder").
    (A name the parse hangs elsewhere keeps the word over the later one: "Winnie the Pooh", whose
    "Winnie" the parse reads as an adverbial of the verb, stays one name.)"""
    art = end if other >= end else other + 1
    if toks[art].lower_ not in _ARTICLES:
        return False
    head = toks[other]
    if other >= end and _ends_preposition(toks, start, end):
        while head.dep_ in _NP_MODIFIERS and head.i < head.head.i:
            head = head.head  # "at Bath the Romans": the subject's own head noun
        # the later phrase may govern the fronted one ("and in Cuba the October Crisis", where
        # the parse hangs "in Cuba" on "Crisis"); only a later word that hangs on the name is one
        # name with it ("by Pliny the Elder")
        return not any(start <= t.i < end for t in (head, *head.ancestors))
    if other >= end:
        head = head.head
    if any(start <= t.i < end for t in (head, *head.ancestors)):
        return False
    return not any(head.is_ancestor(toks[i]) for i in range(start, end))


#: NER labels of a place a person's possessive owns, where NER starts it apart ("Italy" of
#: "Mussolini's Italy")
_OWNED_PLACES = frozenset({"GPE", "LOC"})


def _owned_apart(toks: Any, a: int, j: int) -> bool:
    """Whether the small words ``toks[a:j]`` hold a person's possessive and ``toks[j]`` starts a
    place NER labels apart ("Mussolini's Italy", "Fidel Castro's Cuba"): the gold names the
    person and the place as two nodes (and that he ruled it); "St Mark's Square", "Ford's
    Theatre" (no place after the possessive) stay one name."""
    return (
        a > 0
        and j < len(toks)
        and toks[j].ent_iob_ == "B"
        and toks[j].ent_type_ in _OWNED_PLACES
        and toks[a - 1].ent_type_ == "PERSON"
        and any(toks[i].tag_ == "POS" for i in range(a, j))
    )


#: what a person is of a society or a college ("Fellow of the Royal Society", "Member of the
#: Academy"): the gold names the body (and the person its member), not the honour
_MEMBERSHIPS = frozenset({"fellow", "fellows", "member", "members", "associate", "associates"})


#: the head nouns of an order's or an honour's name ("the Order of Merit", "the Legion of Honour",
#: "the Order of the Garter"): a body one is a member of, named by its "of" part
HONOURS = frozenset({"order", "legion", "medal", "cross"})


def _membership(toks: Any, title: int, body: int) -> bool:
    """Whether ``toks[title]`` is a membership ("Fellow") and ``toks[body]`` starts the body NER
    labels after its "of" ("Fellow of the Royal Society") or an order's name ("Member of the
    Order of Merit", which NER leaves unlabelled): two things, the body the node."""
    return toks[title].lower_ in _MEMBERSHIPS and (
        toks[body].ent_type_ == "ORG"
        or toks[body].lower_ in HONOURS
        and toks[body].text[:1].isupper()
        and body + 1 < len(toks)
        and toks[body + 1].lower_ == "of"
    )


def membership_of_body(toks: Any, start: int, end: int) -> bool:
    """Whether ``toks[start:end]`` is a membership word alone before "of (the)" and the body NER
    labels ("a Fellow of the Royal Society", NER's ORG "Fellow" of "**Honours:** Fellow of the
    Royal Society"): the honour's head noun names no thing of its own; the body is the node and
    the person its member (gold conventions), so neither NER's word nor its noun chunk is one.
    NER's span may hold the "of" ("Fellow of" before "Trinity College")."""
    if end - start == 2 and toks[end - 1].lower_ == "of":
        end -= 1
    if end - start != 1 or end + 1 >= len(toks) or toks[end].lower_ != "of":
        return False
    body = end + 2 if toks[end + 1].lower_ == "the" and end + 2 < len(toks) else end + 1
    return _membership(toks, start, body)


def _route(toks: Any, a: int, b: int) -> bool:
    """Whether the small words ``toks[a:b-1]`` before the name ``toks[b-1]`` are a range's or a
    route's "to" and a new name starts there ("from the Chihuahua to the Great Dane", "the Black
    Sea to the Sea of Marmara": NER starts the second name at its "the"), not a title's ("Back to
    the Future", "Farewell to Arms": one name or none)."""
    return any(toks[i].lower_ == "to" for i in range(a, b)) and any(
        toks[i].ent_iob_ == "B" and toks[i].ent_type_ not in VALUE_LABELS for i in range(a, b)
    )


def _title_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a name over Title Case words joined by small words: "Death on a Factory Farm" (the
    parse and NER stop at "Death"), "Expect a Miracle".  Only a run that ends in a capitalised
    word counts, and never past the sentence."""
    toks = doc_tokens(doc)
    start, end = _hyphen_chain(toks, start, end)
    sent_end = token_sent(toks[end - 1]).end
    while (
        end < sent_end
        and toks[end].text.isdigit()
        and toks[end].ent_type_ not in ("DATE", "TIME")
        and not toks[end - 1].text.isdigit()
    ):
        end += 1  # "Apollo 14", "Volume 1"
    while end < sent_end:
        j = end
        while j < sent_end and toks[j].lower_ in _GLUE and not toks[j].text[:1].isupper():
            j += 1
        if (
            j == end
            and _title_word(toks[j])
            and toks[j].ent_iob_ != "B"
            and toks[j].pos_ != "NUM"
            and not toks[j - 1].is_punct
        ):
            end += (
                1  # "English Without Tears": a capitalised word right after the name is more of it
            )
            continue
        if (
            j == end
            or j >= sent_end
            or not _title_word(toks[j])
            or toks[j].ent_type_ in VALUE_LABELS
            and not _number_word(toks[j])
        ):
            break
        if toks[end].text == ":" and (
            toks[end - 1].whitespace_ or not _subtitle(toks, j, sent_end)
        ):
            break
        if (
            _own_phrase(toks, start, end, j)
            or _owned_apart(toks, end, j)
            or _membership(toks, end - 1, j)
        ):
            break  # "awarded Toni Morrison the Presidential Medal of Freedom": two objects
        if (
            toks[end - 1].ent_type_ in _ROUTE
            and toks[j].ent_type_ in _ROUTE
            and toks[j].ent_iob_ == "B"
            or _route(toks, end, j + 1)
            or toks[end].lower_ == "of"
            and toks[j].ent_type_ == "GPE"
            and _full_name(toks, end)
        ):
            break  # "from Genoa to France": two places, not one title
        end = j
        while end < sent_end and _title_word(toks[end]):
            end += 1
    sent_start = token_sent(toks[start]).start
    while start > sent_start:
        k = start - 1
        while k >= sent_start and (
            toks[k].lower_ in _GLUE and not toks[k].text[:1].isupper() or _glued_clitic(toks, k)
        ):
            k -= 1
        if (
            k == start - 1
            or k < sent_start
            or toks[start - 1].text == ":"
            and not _subtitle(toks, start, sent_end)
            or not _title_word(toks[k])
            or _value_word(toks[k])
            or toks[k].pos_ == "DET"
            or toks[k].tag_ in ("VBN", "VBG")
            or _own_phrase(toks, start, end, k)
            or _owned_apart(toks, k + 1, start)
            or _membership(toks, k, start)
            or toks[k].ent_type_ in _ROUTE
            and toks[start].ent_type_ in _ROUTE
            and toks[start].ent_iob_ == "B"
            or _route(toks, k + 1, start + 1)
            or toks[k + 1].lower_ == "of"
            and toks[start].ent_type_ == "GPE"
            and _full_name(toks, k + 1)
        ):
            # (a fronted participle is not a title: "Located on the Seine"; "from Genoa to
            # France" is two places seen from either)
            break
        # "Expect a Miracle", "Year of No Light", "Andy Warhol's Velvet Underground Featuring Nico"
        start = k
        while (
            start > sent_start
            and _title_word(toks[start - 1])
            and toks[start - 1].pos_ != "DET"
            and not _value_word(toks[start - 1])
        ):
            start -= 1
    return start, end


#: negation clitics the tokenizer cuts off a capitalised word ("Don't" is "Do" + "n't")
_CLITICS = frozenset({"n't", "n’t"})


def _glued_clitic(toks: Any, k: int) -> bool:
    """Whether ``toks[k]`` is a clitic written onto a capitalised word before it: "Don't Make a
    Wave Committee" is one name, which the widening stopped at "n't" ("Make a Wave Committee")."""
    return (
        toks[k].lower_ in _CLITICS
        and k > 0
        and not toks[k - 1].whitespace_
        and toks[k - 1].text[:1].isupper()
    )


#: words that make "X of Place" a ruler's or a noble's name ("King Philip II of Spain", "Lord
#: Howard of Effingham", "Saint Francis of Assisi")
_STYLES = frozenset(
    {"king", "queen", "prince", "princess", "emperor", "empress", "duke", "duchess", "lord"}
    | {"lady", "earl", "count", "countess", "baron", "archduke", "saint", "st", "st.", "pope"}
)
_REGNAL = re.compile(r"^[IVX]+$")


def _full_name(toks: Any, end: int) -> bool:
    """Whether the person named by the tokens before ``toks[end]`` has a given name and a surname
    ("Kevin Mayer"): such a name ends before "of France", which says whom the person represents
    or where they come from, while a name of one word, a regnal number or a style before it
    makes "of Place" part of the name ("Catherine of Aragon", "Charles IV of Spain", "Lord Howard
    of Effingham").  ``toks`` is a document or its token list."""
    if toks[end - 1].ent_type_ != "PERSON":
        return False
    start = end - 1
    while start > 0 and toks[start].ent_iob_ == "I":
        start -= 1
    words = [toks[k] for k in range(start, end)]
    return (
        len(words) >= 2
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
        and not any(t.lower_ in _STYLES or _REGNAL.match(t.text) for t in words)
    )


def _subtitle(toks: Any, j: int, sent_end: int) -> bool:
    """Whether the capitalised words from ``j`` on, right after a colon, can be a title's subtitle
    ("Star Wars: A New Hope") rather than the sentence a label's colon opens ("**Desert Oases:**
    Small green areas ...", "**Mountains:** High peaks ...": NER took "Small" for a name): an
    adjective alone before a lower-case word opens a noun phrase, not a title.  (A noun or a verb
    there is left to the readers: "Step 1: Is the player ...", "Mammals: Cats are ..." made the
    label a clause's subject, wrong more often than right on the development answers.)"""
    k = j
    while k < sent_end and _title_word(toks[k]):
        k += 1
    return not (
        toks[j].pos_ == "ADJ"
        and k == j + 1
        and k < sent_end
        and toks[k].is_alpha
        and toks[k].text[:1].islower()
    )


def _number_word(tok: Any) -> bool:
    """A number spelled in capitals inside a sentence, a word of a title ("the Dialogue
    Concerning the Two Chief World Systems"), where a month ("in Karlsruhe on May 2") or a
    number in digits ends the title's widening."""
    return bool(tok.like_num and tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start)


def _value_word(tok: Any) -> bool:
    """A date or number that ends a title's widening ("in 1959 Kind of Blue"); a number spelled
    in capitals inside a sentence is a word of the title ("wrote One Hundred Years of Solitude")."""
    if tok.ent_type_ not in VALUE_LABELS:
        return False
    return not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start)


def title_edges(doc: Any, start: int, end: int) -> tuple[bool, bool]:
    """Whether the first and the last token of ``doc[start:end]`` belong to a title whose words a
    name reader would otherwise trim: "Kind of Blue" (the parser makes "Kind of" an adverb),
    "Part of Me" (it ends in a pronoun).  A span is a title here when it is Title Case around a
    small lower-case word; "The", "A" and "I" are never kept by this."""
    toks = doc_tokens(doc)  # (a ``doc[start:end]`` span per call cost more than the test)
    if end - start < 3 or not any(
        t.lower_ in _TITLE_GLUE and not t.text[:1].isupper() for t in toks[start + 1 : end - 1]
    ):
        return False, False
    first, last = toks[start], toks[end - 1]
    head = (
        first.text[:1].isupper()
        and first.lower_ not in ("the", "a", "an")
        and first.pos_ not in ("ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "VERB")
        and toks[start + 1].lower_ in _TITLE_GLUE
        and not toks[start + 1].text[:1].isupper()
    )
    tail = last.text[:1].isupper() and last.text != "I" and last.is_alpha
    return head, tail


_QUOTED = re.compile(r"[\"“]([A-Z0-9][^\"“”\n]{0,78}?)[\"”]|‘([A-Z0-9][^‘’\n]{0,78}?)’(?!\w)")


def _quoted(doc: Any) -> dict[int, tuple[int, int]]:
    """Token index → (start, end) of the quoted capitalised title it is in (cached on the doc)."""
    cached: dict[int, tuple[int, int]] | None = doc.user_data.get("grapheme_distill.quoted")
    if cached is not None:
        return cached
    found: dict[int, tuple[int, int]] = {}
    text = doc_text(doc)
    if '"' in text or "“" in text or "‘" in text:
        for m in _QUOTED.finditer(text):
            g = 1 if m.group(1) is not None else 2
            span = doc.char_span(m.start(g), m.end(g), alignment_mode="contract")
            if span is not None and 0 < len(span) <= 12:
                for t in span:
                    found[t.i] = (span.start, span.end)
    doc.user_data["grapheme_distill.quoted"] = found
    return found


#: an italic run of an answer's markdown, "*A Night at the Opera*" or "_The Game_" (not "**bold**"),
#: also in bold ("***Yersinia pestis***")
_EMPHASIS = re.compile(
    r"(?<![\w*])(?:\*\*)?\*(?![\s*])([^*\n]{1,100}?)(?<![\s*])\*(?:\*\*)?(?![\w*])"
    r"|(?<![\w_])_(?![\s_])([^_\n]{1,100}?)(?<![\s_])_(?![\w_])"
)
#: ``doc.user_data`` key of the clean-text character spans of a parsed piece's italic runs
EMPHASIS_KEY = "grapheme_distill.emphasis"


def answer_emphasis(answer: str) -> list[tuple[int, int]]:
    """The answer's italic runs (:data:`_EMPHASIS`) as offsets of their text in the answer: the
    markup is deleted before parsing (:mod:`.text`), so the parse alone cannot see them."""
    if "*" not in answer and "_" not in answer:
        return []
    return [m.span(1) if m.group(1) is not None else m.span(2) for m in _EMPHASIS.finditer(answer)]


def mark_emphasis(doc: Any, offsets: OffsetMap, spans: list[tuple[int, int]]) -> None:
    """Give a parsed piece the italic runs of ``spans`` (answer offsets, :func:`answer_emphasis`)
    that lie whole in it, as offsets of its clean text (``offsets``: the piece's map back into
    the answer), for :func:`emphasised` to read.  The pipeline calls it once per piece."""
    starts, origins = offsets.starts, offsets.origins
    if not spans or not starts:
        return
    ends = [*starts[1:], len(doc_text(doc))]
    found = []
    for a, b in spans:
        ca = cb = -1
        for s, o, e in zip(starts, origins, ends, strict=True):
            if o <= a < o + (e - s):
                ca = s + (a - o)
            if o < b <= o + (e - s):
                cb = s + (b - o)
        if 0 <= ca < cb:
            found.append((ca, cb))
    if found:
        doc.user_data[EMPHASIS_KEY] = found


_EMPHASIS_SMALL = 4  # the longest lower-case word a title keeps between capitalised ones ("with")


def emphasised(doc: Any) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the italic title it is in: an italic run of two to twelve
    tokens that opens and ends on a capitalised word (or a number) and holds no sentence stop
    and no lower-case word longer than four letters ("*A Night at the Opera*", "*News of the
    World*"; not "*Oryza sativa*", nor an italic phrase or sentence).  A title in italics is one
    name, as one in quotes is (:func:`_quoted`): NER and the name trimming cut "A Night at the
    Opera" to "Night" (a work of art) and "Opera" (a place).  Cached on the doc; empty unless the
    pipeline marked the piece's runs (:func:`mark_emphasis`)."""
    cached: dict[int, tuple[int, int]] | None = doc.user_data.get(EMPHASIS_KEY + ".tokens")
    if cached is not None:
        return cached
    found: dict[int, tuple[int, int]] = {}
    for a, b in doc.user_data.get(EMPHASIS_KEY, ()):
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None or not 2 <= len(span) <= 12:
            continue
        first, last = span[0], span[-1]
        if not (first.text[:1].isupper() and (last.text[:1].isupper() or last.text.isdigit())):
            continue
        if any(
            t.text in (".", "!", "?") or t.text[:1].islower() and len(t.text) > _EMPHASIS_SMALL
            for t in span
        ):
            continue
        for t in span:
            found[t.i] = (span.start, span.end)
    doc.user_data[EMPHASIS_KEY + ".tokens"] = found
    return found


def binomial(doc: Any, i: int) -> bool:
    """Whether ``doc[i]`` is the lower-case second word of an italic run of two words that opens
    capitalised: a species' name ("*Yersinia pestis*", "***Canis lupus***"), which the answers
    write in italics.  The parse makes the epithet a common noun and the name a common noun
    phrase, so its clauses were read as ones between two common nouns and dropped
    (:func:`~.records.is_loose`); a species is a named thing (gold conventions).  Empty unless the
    pipeline marked the piece's runs (:func:`mark_emphasis`)."""
    found: set[int] | None = doc.user_data.get(EMPHASIS_KEY + ".binomials")
    if found is None:
        found = set()
        for a, b in doc.user_data.get(EMPHASIS_KEY, ()):
            span = doc.char_span(a, b, alignment_mode="contract")
            if (
                span is not None
                and len(span) == 2
                and span[0].is_alpha
                and span[0].text[:1].isupper()
                and span[0].text[1:].islower()
                and span[1].is_alpha
                and span[1].text.islower()
            ):
                found.add(span[1].i)
        doc.user_data[EMPHASIS_KEY + ".binomials"] = found
    return i in found


# more small words a title after a work noun may hold ("the album Let it Breed", "This'll Be My Year")
_TITLE_SMALL = frozenset(
    {
        "it",
        "me",
        "my",
        "you",
        "your",
        "be",
        "up",
        "off",
        "out",
        "'ll",
        "’ll",
        "'s",
        "’s",
        "n't",
        "'re",
        "'ve",
        "'d",
    }
)
_TITLE_WORDS_AFTER_NOUN = _TITLE_GLUE | _TITLE_SMALL
_WORK_TITLED = frozenset(
    ["film", "movie", "album", "song", "single", "book", "novel", "series", "show", "ep"]
    + ["record", "programme", "program", "game", "play", "opera", "poem"]
)


def _title_after(tok: Any) -> Mention | None:
    """ "the 1956 movie It's Great to Be Young", "the album Turn Me On": a work noun right before a
    Title Case run names that work, whatever the parser made of the words (a pronoun, a verb).
    Cached on the doc: every capitalised word asks it of the nouns before it."""
    cache: dict[int, Mention | None] = tok.doc.user_data.setdefault(
        "grapheme_distill.title_after", {}
    )
    if tok.i not in cache:
        cache[tok.i] = _title_after_uncached(tok)
    return cache[tok.i]


def _title_after_uncached(tok: Any) -> Mention | None:
    doc = tok.doc
    if tok.lemma_.lower() not in _WORK_TITLED or tok.i + 1 >= len(doc):
        return None
    i = tok.i + 1
    if doc[i].is_quote:
        return None  # quoted titles are read by _quoted
    if doc[i].lower_ == "the" and i + 1 < len(doc):
        i += 1  # "the album The Quine Tapes": the article is not kept in names
    if (
        not doc[i].text[:1].isupper()
        or doc[i].pos_ in ("PROPN", "NUM")
        and doc[i].ent_type_ not in ("", "PERSON")
    ):
        return None  # (a proper noun run is found by the name readings)
    end, last_cap = i, i
    while (
        end < len(doc)
        and token_sent(doc[end]) == token_sent(tok)
        and (
            doc[end].text[:1].isupper()
            or doc[end].lower_ in _TITLE_WORDS_AFTER_NOUN
            or doc[end].text.isdigit()
        )
    ):
        if doc[end].text[:1].isupper() or doc[end].text.isdigit():
            last_cap = end
        end += 1
    if last_cap == i and doc[i].pos_ == "PROPN":
        return None
    span = doc[i : last_cap + 1]
    if (
        len(span) < 2
        or any(t.pos_ == "PROPN" for t in span)
        and all(t.pos_ == "PROPN" for t in span)
    ):
        return None
    return Mention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        label="WORK_OF_ART",
        proper=True,
        kind_noun=tok.lower_,
    )
