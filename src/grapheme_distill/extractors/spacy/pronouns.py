"""Pronouns by gender: "she" is not the man named last.

Why.  The light coreference (:class:`~grapheme_distill.extractors.spacy.mentions.Coref`) gives
"he" and "she" alike the last person that was a sentence's subject, so in an answer about
Katherine Johnson "Barack Obama awarded her the Presidential Medal of Freedom in 2015. She died on
24 February 2020" made Obama die in 2020 (and a biography's "he" went to the queen who opened the
building).  An answer about a person names that person with one pronoun far more often than any
other ("she" forty times, "he" twice), which says the person's gender without any list of names.

:class:`AnswerCoref` keeps the base behaviour and corrects it by that count: a personal pronoun of
the topic's gender means the topic (a person) unless the person named last is of that gender too
(an earlier such pronoun was resolved to them, or a title says so: "Queen …", "Sir …"); a pronoun
of the other gender never means the topic and goes to the last other person instead.  Gender is
only used when the answer's count is clear (see :func:`dominant_gender`).

The topic counts as a person when NER says so, and also when NER calls it an organisation, a
place or nothing, its name has a person's shape, and the answer shows it is one: NER typed the
same name PERSON elsewhere ("Bolt himself never failed a drug test"), or the first sentence
naming it speaks of it with a pronoun of the answer's gender ("Frédéric Chopin was a Polish
composer …, and almost all of his music …"), or a birth–death range follows the name.  The
small model types "Nikola Tesla" ORG, "Ludwig van Beethoven" ORG and "Usain Bolt" GPE, and then
every "he" of the biography went to nobody or to the last other man named ("George Westinghouse
bought his patents" kept Westinghouse for the rest of the answer).  See :func:`shows_a_life`.

A paragraph that opens on a bold run-in heading naming a thing ("**Strong nuclear force.** It
binds quarks together …") speaks of that thing, as a section under a heading naming it does: the
heading is no sentence subject, so "It" went to whatever the section before named ("**Electro-
magnetic force.** It is described by QED" gave the Standard Model named a paragraph earlier).
See :func:`run_in_head`.

A definite description whose noun names a kind of thing ("## Microsoft Office / The suite includes
Word, Excel …", "The painting did not ruin Rembrandt's career", "The plague began in Central Asia")
means the section's named thing, else the answer's topic, when that thing may be of the kind (the
NER type a name of the kind takes; never a person) and nothing in the answer introduced another
one: the noun's first occurrence is that definite one, opening a sentence.  People's kinds ("the
composer") are left out: measured, they cost a held-out set a right reading.  Without
it "the suite" stayed a node of its own ("suite contains Word").  See
:meth:`AnswerCoref.kind_of_subject`.

An "it" that no earlier subject explains (the base reading gives nothing: no thing was noted
yet) means the subject of its own sentence ("Cast iron is nearly indestructible, but it needs
looking after"), else the section's or the answer's named thing — never a person, nor a name NER
typed PERSON unless the answer never says "he" or "she": the small model types "Docker" PERSON,
and "Docker is an open-source platform … It is headquartered in San Francisco" lost the fact.
See :meth:`AnswerCoref._unstated_thing`.

A sentence whose main verb's object is described at length right after it — a comma and an
appositive description, or a comma and a relative clause ("Wikipedia is run by the Wikimedia
Foundation (WMF), an American non-profit organisation. It has no shareholders"; "Most of the money
comes from the licence fee, which every household must pay … It brings in £3.7 billion"; "The
name originally belonged to the great auk, a flightless bird driven to extinction. It is not
related to penguins") has made that object what the next sentence speaks of: an "It" (a "They")
opening the next sentence means the object when the object may be one thing (several things),
not the sentence's subject, which the answers' gold never gave it there.  Only the main clause's
object (not one inside a purpose or relative clause: "The foundation was set up … to operate
Wikipedia, which Wales had launched. It is headquartered …" is the foundation), no copula's ("X
is a network of vessels that …" describes X itself), and no participle ("under the Marrakesh
Agreement, signed in Morocco") or bracketed alias.  See :func:`described_object`.

A paragraph that opens on "They" in an answer about a group ("ABBA were a Swedish pop group …
Björn and Benny wrote almost all of the songs. ¶ They won the Eurovision Song Contest") speaks of
the group, as a paragraph opening on "It" speaks of the topic (:meth:`.mentions.Coref.read`):
"they" took the several people the paragraph before ended on.  See
:meth:`AnswerCoref.open_on_group`.

A possessive "his" / "her" owning a relation noun with a name in apposition ("His friend
Fitzwilliam Darcy is proud", "Her brother Henry Austen acted as her agent") never means that name:
the base reading took the sentence's subject, which the parser gives as the apposition's name, and
the relation came out of the name to itself (dropped).  It means the answer's topic person when of
the pronoun's gender, else the last other person noted.  See :meth:`AnswerCoref._owner_before`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from grapheme_distill.extractors.readers.context import heading_name
from grapheme_distill.extractors.readers.people import LIFESPAN
from grapheme_distill.extractors.spacy.doc_cache import doc_text
from grapheme_distill.extractors.spacy.mentions import (
    _CLASS_NOUNS,
    _NOT_A_TOPIC,
    DESCRIPTION_LABELS,
    Coref,
    Mention,
)
from grapheme_distill.extractors.spacy.names import mention_of, phrase_mention
from grapheme_distill.extractors.spacy.titles import NAME_PARTICLES

__all__ = [
    "AnswerCoref",
    "described_object",
    "dominant_gender",
    "opening_pronoun",
    "run_in_head",
    "title_gender",
]

Gender = Literal["f", "m"]

_MALE_WORDS = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_FEMALE_WORDS = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_TITLES: dict[str, Gender] = {
    **dict.fromkeys(
        ("queen", "mrs", "ms", "miss", "lady", "princess", "empress", "duchess", "dame"), "f"
    ),
    **dict.fromkeys(
        ("king", "mr", "sir", "lord", "prince", "emperor", "duke", "pope", "tsar"), "m"
    ),
}


_THINGS = frozenset({"WORK_OF_ART", "PRODUCT", "ORG", "EVENT", "FAC", "LAW", ""})
_EVENTS = frozenset({"EVENT", "ORG", ""})
_BODIES = frozenset({"ORG", "NORP", ""})
_SITES = frozenset({"GPE", "LOC", "FAC", "ORG", ""})
#: nouns that say what kind of named thing something is, by the NER types a name of that kind
#: takes (:meth:`AnswerCoref.kind_of_subject`; "" = NER gave none, common for titles); the kinds
#: :data:`~.mentions.DESCRIPTION_LABELS` already resolves ("the film", "the river") are not here
KIND_LABELS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "painting", "portrait", "fresco", "mural", "sculpture", "statue", "print", "poem",
            "play", "opera", "symphony", "concerto", "sonata", "ballet", "musical", "suite",
            "app", "application", "software", "browser", "language", "protocol", "format",
            "standard", "framework", "console", "device", "vehicle", "car", "aircraft", "ship",
            "vessel", "rocket", "spacecraft", "telescope", "satellite", "probe", "rover",
            "vaccine", "drug", "medication", "treaty", "act", "law", "manuscript", "text",
        ),
        _THINGS,
    ),
    **dict.fromkeys(
        (
            "war", "battle", "revolution", "pandemic", "epidemic", "plague", "crisis", "uprising",
            "rebellion", "revolt", "siege", "invasion", "conflict", "conference", "summit",
            "festival", "tournament", "championship", "competition", "expedition", "voyage",
            "mission", "campaign", "movement", "reform", "restoration", "eruption", "disaster",
            "race", "contest",
        ),
        _EVENTS,
    ),
    **dict.fromkeys(
        (
            "foundation", "charity", "organisation", "organization", "agency", "bank", "fund",
            "union", "alliance", "federation", "council", "court", "parliament", "committee",
            "dynasty", "empire", "kingdom", "republic", "orchestra", "ensemble", "choir",
            "firm", "corporation", "brand", "network", "broadcaster", "publisher", "studio",
            "association", "society", "army", "navy",
        ),
        _BODIES,
    ),
    **dict.fromkeys(
        (
            "lake", "sea", "ocean", "mountain", "volcano", "desert", "reef", "canyon", "valley",
            "glacier", "waterfall", "forest", "cave", "peninsula", "bay", "gulf", "strait",
            "canal", "region", "province", "village", "capital", "palace", "castle",
            "cathedral", "temple", "shrine", "mosque", "abbey", "fortress", "dam", "arena",
            "theatre", "library", "garden", "square", "harbour", "port", "site",
        ),
        _SITES,
    ),
}  # fmt: skip


#: what precedes a definite noun that opens a sentence or an item: "The suite includes …"
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?:]\s+|\n[\s#>*_\-+\d.)]*)[*_]*(?:The|This)\s+$")


def dominant_gender(text: str) -> Gender | None:
    """The gender of the pronouns an answer uses most, when they are clearly one: at least three,
    and three times as many as the other's."""
    m, f = len(_MALE_WORDS.findall(text)), len(_FEMALE_WORDS.findall(text))
    if m >= 3 and m >= 3 * f:
        return "m"
    if f >= 3 and f >= 3 * m:
        return "f"
    return None


#: NER labels a person's name is often given wrongly; a work, an event or a law is no person
_MISTYPED = frozenset({"", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _looks_like_a_person_s_name(name: str) -> bool:
    """Capitalised words and name particles only, and no class noun last: "Nikola Tesla",
    "Ludwig van Beethoven"; not "House of Tudor", "Soviet Union" (a state), "Pink Floyd Band"."""
    words = name.split()
    return (
        bool(words)
        and all(
            (w[:1].isupper() and re.fullmatch(r"[\w'’.-]+", w)) or w.lower() in NAME_PARTICLES
            for w in words
        )
        and words[-1].lower() not in _CLASS_NOUNS | {"union", "empire", "kingdom", "republic"}
    )


def shows_a_life(text: str, name: str, gender: Gender | None = None) -> bool:
    """Whether ``text`` speaks of the one it names ``name`` as a person: a pronoun of ``gender``
    in the first sentence that names it, opening on the name ("Frédéric Chopin was a Polish
    composer …, and almost all of his music is written for solo piano"; a person takes no
    "the", and "The Pre-Action Protocol expects you … if he doesn't pay" is about another), or a
    birth–death range in brackets right after its first or last word ("**Ludwig van Beethoven**
    (1770–1827)", where the brackets are still in ``text``).  A birth anywhere ("he was born") is
    no cue: an answer about a company may tell its founder's."""
    words = [w for w in re.findall(r"[\w\u00c0-\u024f'’-]+", name) if w[:1].isupper()]
    if not words:
        return False
    pronouns = _FEMALE_WORDS if gender == "f" else _MALE_WORDS if gender == "m" else None
    # the first sentence naming it, opening on the name (a person takes no "the")
    first = re.search(rf"[^.!?]*\b{re.escape(words[-1])}\b[^.!?]*", text)
    if (
        pronouns is not None
        and first is not None
        and first.group(0).lstrip().startswith(words[0])
        and pronouns.search(first.group(0))
    ):
        return True
    # the people reader's reading of a life range (:data:`~grapheme_distill.extractors.readers.people.LIFESPAN`)
    ends = {words[0], words[-1]}
    return any(ends & set(m.group("x").split()) for m in LIFESPAN.finditer(text))


#: a short phrase closed by a period, then a sentence: the shape a bold run-in heading leaves in a
#: paragraph's clean text ("**Pigment:** …" is a key and its value, read as such elsewhere)
_RUN_IN = re.compile(r"(?P<h>[A-Z][^.!?:;,()\n]{1,60}?)\.\s+(?P<s>[A-Z][^.!?\n]*)")
#: what a period after a capitalised word also closes: an initial ("Abraham A. Ribicoff") or a
#: title ("Dr. Ruth")
_ABBREVIATED = re.compile(r"(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Vol|Mt|Ft)$")
_THIRD_PERSON = re.compile(r"\b(?:it|its|he|his|him|she|her|they|their|them)\b", re.IGNORECASE)


def run_in_head(doc: Any) -> Mention | None:
    """The thing a paragraph's run-in heading names ("Strong nuclear force. It binds quarks …",
    "Electromagnetic force. It acts between charged particles …"), when the paragraph (a parsed
    ``doc``) opens on one: at most six words, no verb ("What the IMF does besides lending." is a
    clause, not a name), no generic heading ("Later career.", "Overview."; see
    :func:`~grapheme_distill.extractors.readers.context.heading_name`), and the next sentence
    speaks of something with a pronoun ("Gravity. By far the weakest force, yet it dominates …")."""
    m = _RUN_IN.match(doc_text(doc))
    if (
        m is None
        or len(m.group("h").split()) > 6
        or _ABBREVIATED.search(m.group("h"))
        or not _THIRD_PERSON.search(m.group("s"))
        or heading_name(m.group("h")) is None
    ):
        return None
    span = doc.char_span(0, m.end("h"), alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return phrase_mention(doc, 0, m.end("h"))


#: relative pronouns that open a non-restrictive relative clause after a comma
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
#: the dependencies that keep a verb in the sentence's main clause, from the root down
_MAIN_CLAUSE = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def _in_main_clause(verb: Any) -> bool:
    """Whether ``verb`` heads the sentence's main clause (or one joined to it), not a purpose,
    relative or participle clause ("… to own and operate Wikipedia, which …")."""
    while verb.dep_ != "ROOT":
        if verb.dep_ not in _MAIN_CLAUSE or verb.head is verb:
            return False
        verb = verb.head
    return True


def _described(tok: Any) -> bool:
    """Whether a comma and a description follow ``tok``'s phrase: an appositive common noun with
    an article ("…, an American non-profit organisation") or a relative clause opened by
    which/who ("…, which every household must pay")."""
    doc = tok.doc
    for c in tok.children:
        edge = c.left_edge
        if edge.i == 0 or doc[edge.i - 1].text != ",":
            continue
        if c.dep_ == "appos" and c.pos_ == "NOUN" and edge.dep_ == "det":
            return True
        if c.dep_ == "relcl" and edge.lower_ in _RELATIVES:
            return True
    return False


def described_object(sent: Any, coref: Coref) -> Mention | None:
    """The object of ``sent``'s main verb (no copula) that a comma and a description follow (see
    the module's docstring), as a mention; None when there is none."""
    for tok in sent:
        if tok.dep_ not in ("dobj", "pobj") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = tok.head
        if tok.dep_ == "pobj":
            if verb.dep_ not in ("prep", "agent"):
                continue
            verb = verb.head
        if verb.pos_ != "VERB" or verb.lemma_ == "be" or not _in_main_clause(verb):
            continue
        if _described(tok):
            return mention_of(tok, coref)
    return None


def opening_pronoun(sent: Any) -> str:
    """The pronoun "it" or "they" when it opens ``sent`` as its subject ("It has no
    shareholders"), else ""."""
    first = sent[0]
    if first.lower_ in ("it", "they") and first.dep_ in ("nsubj", "nsubjpass"):
        return str(first.lower_)
    return ""


#: a list item's label: the words before its colon or its dash ("Child protection — against child
#: labour", "Funding: entirely voluntary"), the markup already gone
_ITEM_LABEL = re.compile(r"^(?P<k>[^:.!?\n—–]{1,80}?)\s*(?::|\s[—–])\s")

#: the coreference's slot "it" reads (restoring "he"/"she", "they" and any as well moved val17 up
#: +.0006 and val23 down -.0007)
_SLOTS = ("thing",)


def slots(coref: Coref) -> tuple[Mention | None, ...]:
    """What each of the coreference's slots holds now (see :func:`leave_labels`)."""
    return tuple(getattr(coref, s) for s in _SLOTS)


def leave_labels(coref: Coref, items: Sequence[str], before: tuple[Mention | None, ...]) -> None:
    """After a list, a slot that holds one of the items' labels holds what it held before the
    list.  A label ("- **Child protection** — against child labour", "- **Funding:** …") names a
    topic of the answer, not a thing that acts: the list's own "it" may mean it inside its item
    ("**Gas:** … it spreads out"), but the prose after the list speaks of what it spoke of before
    ("UNICEF reports to … It also has celebrity Goodwill Ambassadors" gave the last label, "Child
    protection").  ``items``: the items' texts; ``before``: :func:`slots` before the list."""
    labels = {m.group("k").strip().lower() for t in items if (m := _ITEM_LABEL.match(t))}
    if not labels:
        return
    for name, old in zip(_SLOTS, before, strict=True):
        now = getattr(coref, name)
        if old is not None and now is not None and now is not old and now.text.lower() in labels:
            setattr(coref, name, old)


#: a list item whose text after its label opens on "it" ("Nutrition — it distributes RUTF",
#: "Supporting education systems: It provides technical assistance"), the markup already gone
_LABEL_THEN_IT = re.compile(r"^(?P<k>[^:.!?\n—–]{1,80}?)\s*(?::|[—–]|\s-)\s*it\b", re.IGNORECASE)


def title_gender(m: Mention) -> Gender | None:
    """The gender a name's title says ("Queen Elizabeth II", "Sir Isaac Newton"), if any."""
    words = m.text.split()
    return _TITLES.get(words[0].lower().rstrip(".")) if words else None


class AnswerCoref(Coref):
    """:class:`Coref` with the answer's dominant pronoun gender (see the module's docstring)."""

    def __init__(self, gender: Gender | None = None, text: str = "") -> None:
        super().__init__()
        self.gender = gender
        self.text = text  # the answer: what it says of the topic's life (:func:`shows_a_life`)
        self._lives: dict[str, bool] = {}
        self._first_definite: dict[str, bool] = {}  # by noun: :meth:`_first_said_definite`
        self._person_words: set[str] = set()  # last words of the names NER typed PERSON so far
        # what each "its" of the document read last meant, by the offset of the noun it owns
        self._owned_doc: Any = None
        self._owned: dict[int, Mention] = {}
        self.persons: list[Mention] = []  # every person noted, latest last
        self.genders: dict[str, Gender] = {}  # what earlier pronouns and titles said of a name
        self._thing_before: dict[Mention, Mention] = {}  # what "it" meant when a thing was noted

    @classmethod
    def of(cls, text: str) -> AnswerCoref:
        return cls(dominant_gender(text), text)

    def read(self, doc: Any, *, opens_on_it: bool = False) -> None:
        new = doc is not None and doc is not self.doc
        if new:
            self._person_words.update(
                e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e)
            )
        super().read(doc, opens_on_it=opens_on_it)
        if new and (head := run_in_head(doc)) is not None:
            self.note(head)  # "**Strong nuclear force.** It binds quarks": the heading's thing

    def topic_is_person(self) -> bool:
        """The topic is a person: NER says so, or NER gave it a label a person's name often gets
        wrongly and the answer shows it a life (:func:`shows_a_life`)."""
        topic = self.topic
        if topic is None:
            return False
        if topic.label == "PERSON":
            return True
        if (topic.label or "") not in _MISTYPED or not topic.proper:
            return False
        if not _looks_like_a_person_s_name(topic.text):
            return False
        if topic.text.split()[-1].lower() in self._person_words:
            return True  # "Bolt himself never failed a drug test": NER knew him there
        key = topic.text
        if key not in self._lives:
            self._lives[key] = shows_a_life(self.text, key, self.gender)
        return self._lives[key]

    def note(self, mention: Mention) -> None:
        owner = self._owner_of(mention)
        before = self.thing
        super().note(mention)
        if self.thing is mention and before is not None and before != mention:
            self._thing_before[mention] = before  # (:meth:`_label_s_it`)
        if owner is not None and self.thing is mention:
            # "Its annual revenue is roughly $180 million. It also runs the Endowment": "it" is
            # still what "its" meant, not the thing it owns
            self.thing = owner
        if self.person is mention:
            self.persons.append(mention)
            if (g := title_gender(mention)) is not None:
                self.genders.setdefault(mention.text.lower(), g)

    def continue_described(self, pronoun: str, described: Mention) -> None:
        """An "It" / "They" opening the sentence after one that described its object at length
        (:func:`described_object`) means that object, when the object may be what the pronoun
        means: one thing and no person for "it", several or a group for "they"."""
        if described.pronoun:
            return
        number = self.number_of(described)
        if pronoun == "it":
            if number == "plural" or not self._may_be_it(described):
                return
        elif number not in ("plural", "group"):
            return
        self.note(described)

    def open_on_group(self) -> None:
        """A paragraph opening on "They" in an answer about a group ("ABBA were a Swedish pop
        group … Björn and Benny wrote almost all of the songs. ¶ They won the Eurovision Song
        Contest") speaks of the group, as one opening on "It" speaks of the topic: not of the
        several things the paragraph before named last."""
        topic = self.topic
        if topic is None or self.unread:
            return
        if self.numbers.get(topic) in ("plural", "group") or topic.text.lower() in self.groups:
            self.note(topic)

    def _gender_of(self, m: Mention) -> Gender | None:
        topic = self.topic
        if topic is not None and m.text.lower() == topic.text.lower() and self.gender:
            return self.gender
        return self.genders.get(m.text.lower())

    def resolve_description(self, noun: str, *, plain: bool) -> Mention | None:
        """ "The country is a constitutional monarchy" in an answer about Morocco is Morocco, not
        Spain, the country named last: a bare class noun that no name carries and nothing was
        said to be means the answer's topic when the topic is of that class (by its NER type)."""
        got = super().resolve_description(noun, plain=plain)
        if got is None and plain:
            return self.kind_of_subject(noun)
        topic, low = self.topic, noun.lower()
        if got is None or topic is None or got is topic or not plain or low in self.classes:
            return got
        if any(low in m.text.lower().split() for m in self.names):
            return got  # "the institute": the name that says so
        wanted = DESCRIPTION_LABELS.get(low)
        return topic if wanted is not None and topic.label and topic.label in wanted else got

    def kind_of_subject(self, noun: str) -> Mention | None:
        """What "the suite" / "the painting" means when no name carries the noun and nothing was
        said to be one: the section's named thing, else the answer's topic, when it may be of the
        kind (:data:`KIND_LABELS`; no person), and the noun's first occurrence in the answer is
        a definite singular one opening a sentence ("The suite includes …"; not "a suite" or
        "suites" before, which is that one)."""
        low = noun.lower()
        wanted = KIND_LABELS.get(low)
        if wanted is None or not self._first_said_definite(low):
            return None
        for m in (self.section, self.topic):
            if m is None or m.pronoun or not m.proper:
                continue
            if m.label == "PERSON" or (m is self.topic and self.topic_is_person()):
                continue  # "the lake" is no person
            if (m.label or "") in wanted:
                return m
        return None

    def _first_said_definite(self, noun: str) -> bool:
        """Whether ``noun`` first occurs in the answer as "The/This N" opening a sentence,
        singular: the subject of what follows ("The suite includes …"); "X is the strait that
        …", "Tangier — the port facing Spain" introduce one."""
        if noun not in self._first_definite:
            first = re.search(rf"\b{re.escape(noun)}(?:e?s)?\b", self.text, re.IGNORECASE)
            self._first_definite[noun] = first is not None and bool(
                first.group(0).lower() == noun
                and _OPENS_A_SENTENCE.search(self.text[: first.start()])
            )
        return self._first_definite[noun]

    def _unstated_thing(self, owner_of: int) -> Mention | None:
        """What "it" means when no thing was noted before it: the subject of its own sentence
        ("Cast iron is nearly indestructible, but it needs looking after"), else the section's
        named thing or the answer's topic, when that may be a thing (:meth:`_may_be_it`): "Docker
        is an open-source platform … It is headquartered in San Francisco", where NER typed Docker
        PERSON.  Measured, the document readers' topic as a last resort (a heading the parser took
        for a verb, "# Spotify") cost a held-out set precision (seven wrong readings for one)."""
        here = self.sentence
        if (
            here is not None
            and not (here.start <= owner_of < here.end)
            and self._may_be_it(here)
            and self.number_of(here) != "plural"
        ):
            return here
        for m in (self.section, self.topic):
            if m is not None and self._may_be_it(m) and self.numbers.get(m) != "plural":
                return m
        return None

    def _may_be_it(self, m: Mention) -> bool:
        """Whether "it" may mean ``m``: no pronoun, number or date, and no person — a name NER
        typed PERSON, or one with a person's shape that NER left untyped, only in an answer that
        never says "he" or "she" and gives it no life range ("Docker is an open-source
        platform", which the small model types PERSON)."""
        if m.pronoun or (m.label in _NOT_A_TOPIC and m.label != "PERSON"):
            return False
        if m.label == "PERSON" or (not m.label and _looks_like_a_person_s_name(m.text)):
            said = _MALE_WORDS.search(self.text) or _FEMALE_WORDS.search(self.text)
            return not said and not shows_a_life(self.text, m.text)
        return True

    def _owner_of(self, mention: Mention) -> Mention | None:
        """The thing an "its" in ``mention`` ("its annual revenue") was resolved to, when
        ``mention`` is a common noun of the document being read and that thing no person."""
        if mention.proper or mention.pronoun or self.doc is None or self.doc is not self._owned_doc:
            return None
        for at, owner in self._owned.items():
            if mention.start <= at < mention.end and owner.label != "PERSON":
                return owner
        return None

    def resolve(self, pronoun: str, *, owner_of: int = -1) -> Mention | None:
        got = self._resolve(pronoun, owner_of=owner_of)
        if pronoun == "its" and owner_of >= 0 and got is not None:
            if self._owned_doc is not self.doc:
                self._owned_doc, self._owned = self.doc, {}
            self._owned[owner_of] = got
        return got

    def _own_phrase(self, owner_of: int) -> tuple[int, int] | None:
        """The character span of the noun phrase a possessive pronoun's noun heads ("His friend
        Fitzwilliam Darcy", "His uncle, Pliny the Elder"), in the document being read."""
        if owner_of < 0 or self.doc is None:
            return None
        # (the token at that offset by spaCy's own lookup, not a walk over the document)
        at = self.doc.char_span(owner_of, owner_of + 1, alignment_mode="expand")
        if at is None or not len(at) or at[0].idx != owner_of:
            return None
        last = at[0].right_edge
        return at[0].left_edge.idx, last.idx + len(last.text)

    def _in_own_phrase(self, got: Mention | None, owner_of: int) -> bool:
        """Whether ``got`` is a name inside that phrase (its offsets name the same text in the
        document being read: a mention of an earlier document has offsets of its own)."""
        span = self._own_phrase(owner_of)
        if got is None or span is None or not span[0] <= got.start < span[1]:
            return False
        return bool(doc_text(self.doc)[got.start : got.end] == got.text)

    def _role_of(self, got: Mention | None, owner_of: int) -> bool:
        """Whether the possessive's noun is a role said of ``got``, its clause's subject: a
        copula's attribute ("Henry Austen was her agent") or the "as" of a verb ("Her brother
        Henry Austen acted as her agent"). Nobody is their own agent, so the pronoun means
        another (the base reading gives it the sentence's subject, and the relation came out of
        the subject to itself) — unless the noun is "own" ("X was his own agent")."""
        if got is None or owner_of < 0 or self.doc is None:
            return False
        at = self.doc.char_span(owner_of, owner_of + 1, alignment_mode="expand")
        if at is None or not len(at) or at[0].idx != owner_of:
            return False
        noun = at[0]
        if any(c.lower_ == "own" for c in noun.children):
            return False  # "John Forster was his own agent": "his" is the subject's
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
            verb = noun.head.head
        else:
            return False
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        last = subj.right_edge
        if not subj.left_edge.idx <= got.start < last.idx + len(last.text):
            return False
        return bool(doc_text(self.doc)[got.start : got.end] == got.text)

    def _resolve(self, pronoun: str, *, owner_of: int = -1) -> Mention | None:
        got = super().resolve(pronoun, owner_of=owner_of)
        if pronoun in ("it", "its", "itself") and got is not None and self._a_person_s(got):
            # "… designed by Jørn Utzon. Utzon resigned in 1966. It opened in 1973": NER left
            # "Utzon" untyped, so the base noted him as a thing, but it typed "Jørn Utzon" a
            # person: "it" is the thing meant before him, else the unstated thing
            before = self._thing_before.get(got)
            if before is not None and not self._a_person_s(before):
                return before
            return self._unstated_thing(owner_of)
        if pronoun in ("his", "her") and (
            self._in_own_phrase(got, owner_of) or self._role_of(got, owner_of)
        ):
            # "His friend Fitzwilliam Darcy", "his wife Penelope": the pronoun owns the name's
            # noun, so it means someone named before, never the name in its own phrase; "Henry
            # Austen was her agent", "acted as her agent": nor the one the role is said of
            assert got is not None
            return self._owner_before(pronoun, got)
        if got is None and pronoun in ("it", "its", "itself"):
            return self._unstated_thing(owner_of)
        if pronoun == "it" and got is not None and (meant := self._label_s_it(got)) is not None:
            return meant  # "- **Nutrition** — it distributes RUTF": UNICEF does
        wanted = _PRONOUN_GENDER.get(pronoun)
        topic = self.topic
        if wanted is None or self.gender is None or topic is None or not self.topic_is_person():
            return got
        if got is not None and self._gender_of(got) == wanted:
            return got  # the guess is of the pronoun's gender already
        same = topic.text.lower()
        if wanted == self.gender:
            # the topic, unless the person named last is known to be of this gender too
            if got is not None and got.text.lower() != same and got is self.sentence:
                return got  # "Her husband Diego … ; he …" inside one sentence: the base reading
            return topic
        # the other gender: never the topic; the last other person not known to be the topic's
        for m in reversed(self.persons):
            if m.text.lower() != same and self._gender_of(m) in (None, wanted):
                self.genders.setdefault(m.text.lower(), wanted)
                return m
        return None if got is not None and got.text.lower() == same else got

    def _a_person_s(self, m: Mention) -> bool:
        """Whether ``m`` is a name NER left untyped whose last word it typed PERSON in a paragraph
        read so far ("Utzon" after "Jørn Utzon", where NER left the surname alone untyped): a
        person's name, which "it" never means.  Only an untyped name: one NER typed ORG or FAC is
        as often the person's firm or building ("Westinghouse", "the Eiffel Tower" after Gustave
        Eiffel).  A surname NER typed PERSON itself ("Austen" after "Jane Austen", the usual
        case) is not covered here: the base reading already keeps persons from "it" where it can
        (review, thirty-seventh session)."""
        return m.proper and not m.label and m.text.split()[-1].lower() in self._person_words

    def _label_s_it(self, got: Mention) -> Mention | None:
        """What an "it" opening a labelled list item's text means when the base reading gave the
        label ("Its work falls into a few broad areas: - **Health** — it buys vaccines … -
        **Nutrition** — it distributes RUTF"): the label names an area of what the list speaks
        of, not a thing that acts, so "it" means what it meant before the label was noted (the
        list reader notes an item's label as the subject of its gloss, for "**Gongs** — they mark
        the structure").  On the development answers every "Label — it …" item (seven, in three
        answers) spoke of the answer's topic.  A label that is a name ("- **Germany** — it borders
        Poland", "- **Oxfam** — it runs water projects") is the thing the gloss speaks of, so it
        stays.  None when the item is not of that shape, its label is not ``got`` or is a name, or
        nothing was meant before."""
        if self.doc is None or got.proper or got.label:
            return None
        m = _LABEL_THEN_IT.match(doc_text(self.doc))
        if m is None or m.group("k").strip().lower() != got.text.lower():
            return None
        return self._thing_before.get(got)

    def _owner_before(self, pronoun: str, own: Mention) -> Mention | None:
        """The person a possessive "his"/"her" means when the base reading took the name its own
        noun phrase holds (``own``): the answer's topic person when of the pronoun's gender,
        else the last other person noted not known to be of the other gender."""
        wanted = _PRONOUN_GENDER.get(pronoun)
        name = own.text.lower()
        topic = self.topic
        if (
            topic is not None
            and topic.text.lower() != name
            and self.topic_is_person()
            and (self.gender is None or self.gender == wanted)
        ):
            return topic
        for m in reversed(self.persons):
            if m.text.lower() != name and self._gender_of(m) in (None, wanted):
                return m
        return None
