"""What an instruction is: an order opening with a verb of the how-to lexicon, or built like one.

"Crack the eggs into a bowl", "Then add the salt", "When the eggs are set, fold the omelette",
"You'll need to remove the wheel" give orders; "The Sun heats the water", "Set theory is a
branch of mathematics", "Tips" and "Don't overfill it" do not.  The extractor's parse tags
imperatives opening a line unreliably, so an order is told by a word list of the general English
verbs instructions use and by the shape of the words after it; the procedure readers
(:mod:`~grapheme_distill.extractors.readers.procedures`,
:mod:`~grapheme_distill.extractors.readers.procedure_layouts`) ask it about each sentence, item
and clause.  Split from ``procedures.py`` (issue 11, twenty-fourth session) so that module could
grow.
"""

from __future__ import annotations

import re

__all__ = ["ADVICE", "MATERIALS", "OPENER", "VERBS", "is_instruction", "is_order"]

#: verbs that open instructions (base form), the general vocabulary of how-tos, recipes, repairs
#: and software set-ups
_VERB_WORDS = """
    add adjust align allow apply arrange ask assemble attach avoid bake beat begin blend boil
    book bring browse brush build buy calculate call cancel carry change check choose chop clean
    clear click close collect combine compare confirm connect consider contact continue cook
    cool copy cover crack create cut decide define delete deploy describe disconnect discard
    dissolve divide do download drain draw drink drizzle drop dry edit eat empty enable enter
    estimate fill find finish fit fix flip fold follow form freeze garnish gather get give go
    grate grease grind hang heat hold identify inflate insert install keep knead label lay let
    lift line list load locate lock log look loosen lower make mark measure melt merge mix
    mount move note notify obtain open order organize organise peel pick pin place plan plant
    plug pour prepare preheat press print prune pull pump push put raise read record reduce
    refill refit register reinstall release remove rename repeat replace report reset restart
    rest return review rinse roll rotate rub run save scan schedule scrape screw season secure
    select sell send separate serve set shake shape share shift simmer sketch slice slide soak
    sort spread sprinkle squeeze stack start steep stir stop store strain stretch submit swap
    switch take tap taste tell test thread tie tighten tilt toss transfer trim try tuck turn
    type unlock unplug unscrew update upload use verify visit wait walk warm wash watch water
    weigh whisk wipe wrap write knock punch scoop spoon sear fry roast grill saute sauté dice
    mince marinate leave ensure remember navigate sign log reboot sift layer top uncover reheat
    chill refrigerate thaw pat coat dust glaze baste carve proof score plate portion toast steam
    poach blanch stuff zest crush mash puree pulse clamp sand paint prime seal drill nail glue
    level configure disable initialize initialise commit clone compile launch paste scroll swipe
    toggle sync restore wear breathe relax inhale exhale lie sit stand bend jog unzip extract
    backup attach detach dial fasten unfasten hook unhook charge plug brew park pair unpair
"""
VERBS = frozenset(_VERB_WORDS.split())
OPENER = re.compile(
    r"^(?:(?:first(?:ly)?|next|then|now|finally|lastly|after that|afterwards|second(?:ly)?|"
    r"third(?:ly)?|to (?:begin|start)(?: with)?|once (?:it|they|that)[^,]{0,40}|when [^,]{1,60}|"
    r"before (?:you (?:start|begin)|starting|beginning)[^,]{0,30}|if [^,]{1,60}|to [^,]{1,60},|"
    r"meanwhile|in the meantime|(?:the )?(?:next|following) (?:day|morning)|"
    r"step (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)|"
    # a phrase that sets the scene, up to its comma: "For the oven,", "In a large bowl,",
    # "**Before you hand the phone over**,", "Each day," (several procedures in one prose
    # answer open so)
    r"(?:before|after|once|while|until|as soon as|as|whenever|for|in|on|at|with|during|using|"
    r"each|every)\s[^,.!?\n]{1,50}?,|"
    # an order said through "you" or with a manner adverb: "you need to remove …", "you should
    # rinse …", "you then pay …", "gently fold in …" ("Simply put, it is …" is none)
    r"you(?:['’]ll| will)? (?:need|want|have) to|you (?:should|must)|you (?:then|now|next)|"
    r"(?:simply|just|gently|carefully|slowly|quickly|firmly|lightly|thoroughly)"
    r"(?=\s+[a-z]+\b(?!,)))\s*[,:.]?\s+)+",
    re.IGNORECASE,
)
#: a tip, a warning or a note: advice about the steps, no step itself
ADVICE = re.compile(
    r"^(?:tips?|note|warning|caution|important|pro tip|hint|optional|troubleshooting)\b|"
    r"^(?:don['’]t|do not|never|avoid|be careful|make sure not)\b",
    re.IGNORECASE,
)
#: an ingredient, tool or equipment list's lead: no steps
MATERIALS = re.compile(
    r"^(?:\*\*)?(?:you['’]ll need|you will need|ingredients|tools?|equipment|materials|"
    r"what you need|requirements|prerequisites)\b",
    re.IGNORECASE,
)


def _first_word(text: str) -> str:
    words = re.findall(r"[A-Za-z][a-z'’\-]*", text[:60])
    return words[0].lower() if words else ""


def is_instruction(text: str) -> bool:
    """The sentence or clause opens (after a sequence word or a condition: "Then", "When the eggs
    are set,") with an imperative verb of :data:`VERBS`, and is no tip or warning."""
    text = text.strip(" *_-")
    if ADVICE.match(text):
        return False
    rest = OPENER.sub("", text)
    word = _first_word(rest)
    if word not in VERBS:
        return False
    return not _opens_statement(rest)


#: what follows the subject of a statement: a copula, an auxiliary or a modal, or a verb in the
#: third person that descriptions open with ("Type 2 diabetes affects …")
_FINITE_WORDS = """
    is are was were has have had can could will would may might must should does did
    remains becomes means refers lies stands rises occurs affects causes develops starts begins
"""
_FINITE = frozenset(_FINITE_WORDS.split())
#: verbs whose object may be a clause: "Ensure Python is installed", "Check power is on"
_CLAUSE_VERB_WORDS = """
    ensure check verify confirm note remember make test tell ask decide find watch consider
    notify report record
"""
_CLAUSE_VERBS = frozenset(_CLAUSE_VERB_WORDS.split())
#: a name's word after the would-be verb: a capitalised word or a number ("Mount Everest's",
#: "Type 2")
_NAME_WORD = re.compile(r"(?:[A-Z][\w'’\-]*|\d[\d.,]*)")


def _opens_statement(rest: str) -> bool:
    """The verb's word begins a noun phrase that is the subject of a statement: the phrase is
    followed by a copula, an auxiliary or a modal (:data:`_FINITE`), after at most one bare
    noun ("Set theory is …", "Order is …") or, where a capitalised word or a number continues
    the word into a name, after that name, two bare nouns and a parenthesis ("Mount Everest
    (8,849 m) is …", "Type 2 diabetes is …").  An order's object is followed by no such verb
    ("Press Enter and it is saved", "Type 2 in the box"), except where the verb takes a clause
    ("Ensure Python is installed", "Check it is on")."""
    words = re.findall(r"\([^)]*\)|[^\s(]+", rest)
    if len(words) < 2 or words[0].lower() in _CLAUSE_VERBS:
        return False
    i = 1
    while i < len(words) and _NAME_WORD.fullmatch(words[i]):
        i += 1
    named = i > 1
    nouns = 0
    while (
        i < len(words)
        and nouns < (2 if named else 1)
        and re.fullmatch(r"[a-z][a-z\-]*", words[i])
        and words[i] not in _NOT_VERB
        and words[i] not in _FINITE
        and words[i] not in ("and", "or", "but", "then", "so")
    ):
        i += 1
        nouns += 1
    if named and i < len(words) and words[i].startswith("("):
        i += 1
    if i < len(words) and re.fullmatch(r"[a-z]+ly", words[i]) and words[i] != "only":
        i += 1  # "Type 1 diabetes usually is …"
    return i < len(words) and words[i].rstrip(",.;:!?") in _FINITE


#: closed-class words that open a statement, never an order: articles, pronouns, quantifiers,
#: prepositions, conjunctions, focus adverbs ("The Sun heats …", "In 1914, …", "Both sides …")
_NOT_VERB_WORDS = """
    a an the this that these those it its they their there he she his her we our i my you your
    one each every all both most some many few several no any only even just not also in on at
    by for from of to with into onto during after before since until while when where if as
    under over across through throughout despite unlike like near along among within between
    about above below behind beyond around against toward towards per via half
"""
_NOT_VERB = frozenset(_NOT_VERB_WORDS.split())
#: what follows a verb that takes an object: a determiner, a pronoun, a number or a particle
#: ("Plunge the sink", "Unblock it", "Top up the oil")
_OBJECT = re.compile(
    r"(?:the|a|an|your|my|it|them|this|that|these|those|some|all|any|each|every|one|two|three|"
    r"\d[\d.,]*|up|down|out|off|back|away)\b",
    re.IGNORECASE,
)


#: a condition or time clause before the order ("While the pan is still warm, wipe …")
_CONDITION = re.compile(
    r"^(?:while|once|after|before|as soon as|until|if|when|whenever|for)\b[^,]{1,60},\s*",
    re.IGNORECASE,
)


def is_order(text: str) -> bool:
    """An instruction (:func:`is_instruction`), or the construction of one whose verb the lexicon
    lacks: a bare word that is no closed-class word, no participle or gerund and no verb in the
    third person, followed by its object ("Plunge the sink", "Unblock it")."""
    if is_instruction(text):
        return True
    rest = _CONDITION.sub("", OPENER.sub("", text.strip(" *_-")))
    if rest != text.strip(" *_-") and is_instruction(rest):
        return True  # "While the pan is still warm, wipe out …"
    m = re.match(r"([A-Za-z]+)\s+(.*)", rest)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in _NOT_VERB or re.search(r"(?:ing|ed|[^s]s)$", word):
        return False
    return _OBJECT.match(m.group(2)) is not None
