"""Predicate normalisation onto a relation vocabulary (no spaCy needed)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.extractors.vocab import (
    RelationVocabulary,
    Voice,
    apply_vocabulary,
    concept_type,
    label_words,
)
from grapheme_distill.model.knowledge import EntityType

WEBNLG_LIKE = [
    "birthPlace",
    "birthDate",
    "deathPlace",
    "deathDate",
    "leader",
    "leaderTitle",
    "location",
    "country",
    "director",
    "starring",
    "editing",
    "spouse",
    "almaMater",
    "populationTotal",
    "numberOfMembers",
    "knownFor",
    "capital",
    "manager",
    "residence",
    "foundedBy",
    "foundingDate",
    "doctoralAdvisor",
    "associatedBand/associatedMusicalArtist",
    "isPartOf",
    "lyrics by",
]


@pytest.fixture(scope="module")
def vocab() -> RelationVocabulary:
    return RelationVocabulary(WEBNLG_LIKE)


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("birthPlace", ("birth", "place")),
        ("numberOfMembers", ("number", "of", "members")),
        ("lyrics by", ("lyrics", "by")),
        ("UTCOffset", ("utc", "offset")),
        ("is_part_of", ("is", "part", "of")),
    ],
)
def test_label_words(label: str, words: tuple[str, ...]) -> None:
    assert label_words(label) == words


@pytest.mark.parametrize(
    ("predicate", "voice", "object_type", "label", "inverse"),
    [
        # derivation table + type tie-break between birthPlace and birthDate
        ("born_in", "passive", EntityType.LOCATION, "birthPlace", False),
        ("born_on", "passive", EntityType.DATETIME, "birthDate", False),
        ("die_in", "active", EntityType.LOCATION, "deathPlace", False),
        ("married_to", "passive", EntityType.PERSON, "spouse", False),
        # relational nouns: "X is the leader of Y" -> Y leader X
        ("leader_of", "noun", EntityType.PERSON, "leader", True),
        ("doctoral_advisor_of", "noun", EntityType.PERSON, "doctoralAdvisor", True),
        # ...unless the label itself ends in "of": "X is part of Y" is isPartOf(X, Y)
        ("part_of", "noun", EntityType.LOCATION, "isPartOf", False),
        # agent nouns: "Y directed X" -> X director Y, but "X was directed by Y" keeps its direction
        ("direct", "active", EntityType.OTHER, "director", True),
        ("directed_by", "passive", EntityType.PERSON, "director", False),
        ("edit", "active", EntityType.OTHER, "editing", True),
        ("managed_by", "passive", EntityType.PERSON, "manager", False),
        # shared stems and exact words
        ("located_in", "passive", EntityType.LOCATION, "location", False),
        ("known_for", "passive", EntityType.OTHER, "knownFor", False),
        ("number_of_members", "attribute", EntityType.NUMBER, "numberOfMembers", False),
        ("total_population", "attribute", EntityType.NUMBER, "populationTotal", False),
        ("founded_by", "passive", EntityType.PERSON, "foundedBy", False),
        ("lyrics_by", "passive", EntityType.PERSON, "lyrics by", False),
        # an alternative inside a slash label
        (
            "associated_band",
            "attribute",
            EntityType.ORGANIZATION,
            "associatedBand/associatedMusicalArtist",
            False,
        ),
        # a label given verbatim is taken as is
        ("birthPlace", "active", None, "birthPlace", False),
    ],
)
def test_match(
    vocab: RelationVocabulary,
    predicate: str,
    voice: str,
    object_type: EntityType | None,
    label: str,
    inverse: bool,
) -> None:
    m = vocab.match(predicate, voice=voice, object_type=object_type)  # type: ignore[arg-type]
    assert m is not None, predicate
    assert (m.label, m.inverse) == (label, inverse)
    assert 0 < m.score <= 1


@pytest.mark.parametrize(
    ("subject_type", "object_type", "inverse"),
    [
        (
            EntityType.PERSON,
            EntityType.OTHER,
            True,
        ),  # "John Mills starred in the film" -> film starring John
        (EntityType.OTHER, EntityType.PERSON, False),  # "a movie starring John Mills"
        (
            EntityType.ORGANIZATION,
            EntityType.PERSON,
            False,
        ),  # a person is the agent over an organisation
        (
            EntityType.ORGANIZATION,
            EntityType.OTHER,
            True,
        ),  # NER's ORG/OTHER is too noisy: voice decides
        (None, None, True),  # no types: the active voice decides
    ],
)
def test_agent_nouns_point_at_the_person(
    vocab: RelationVocabulary,
    subject_type: EntityType | None,
    object_type: EntityType | None,
    inverse: bool,
) -> None:
    m = vocab.match("star", voice="active", subject_type=subject_type, object_type=object_type)
    assert m is not None and m.label == "starring" and m.inverse is inverse


@pytest.mark.parametrize("predicate", ["visit", "is_a", "eat", "has_property"])
def test_unrelated_predicates_do_not_match(vocab: RelationVocabulary, predicate: str) -> None:
    assert vocab.match(predicate, voice="active", object_type=EntityType.LOCATION) is None


@pytest.mark.parametrize(("voice", "inverse"), [("active", True), ("passive", False)])
def test_passive_labels_turn_active_predicates_round(voice: Voice, inverse: bool) -> None:
    # "Frank Giustra founded Lionsgate" is foundedBy(Lionsgate, Frank Giustra)
    m = RelationVocabulary(["foundedBy"]).match(
        "found" if voice == "active" else "founded_by", voice=voice
    )
    assert m is not None and m.label == "foundedBy" and m.inverse is inverse


def test_founded_with_a_date_is_not_founded_by(vocab: RelationVocabulary) -> None:
    m = vocab.match("founded_in", voice="passive", object_type=EntityType.DATETIME)
    assert m is not None and m.label == "foundingDate"


def test_threshold_controls_strictness() -> None:
    loose = RelationVocabulary(["birthPlace"], threshold=0.3)
    strict = RelationVocabulary(["birthPlace"], threshold=0.99)
    assert loose.match("born_in", voice="passive") is not None
    assert strict.match("born_in", voice="passive") is None


def test_extra_derivations_extend_the_table() -> None:
    plain = RelationVocabulary(["spouse"])
    assert plain.match("wed", voice="active") is None
    extended = RelationVocabulary(["spouse"], derivations={"wed": ["spouse"]})
    m = extended.match("wed", voice="active")
    assert m is not None and m.label == "spouse"


def test_apply_vocabulary_works_on_any_extractor() -> None:
    ex = RuleExtractor().extract("Paris is the capital of France. Rome is a city.")
    vocab = RelationVocabulary(["capital", "isPartOf"])
    mapped = apply_vocabulary(ex, vocab, unmatched="keep")
    names = {k: v.name for k, v in mapped.entities.items()}
    found = {
        (names[r.subject], r.qualifiers.get("label", r.predicate), names[r.object])
        for r in mapped.relations
    }
    assert ("France", "capital", "Paris") in found  # "Paris is the capital of France" read inverse
    assert ("Rome", "is_a", "city") in found  # unmatched kept
    dropped = apply_vocabulary(ex, vocab)  # the default constrains onto the vocabulary
    assert dropped.relations and all("label" in r.qualifiers for r in dropped.relations)
    assert len(dropped.relations) < len(mapped.relations)
    assert ex.relations and ex.relations[0].predicate == "capital_of"  # the input is not modified


def test_hierarchy_edges_become_relations_only_when_the_vocabulary_has_their_kind() -> None:
    ex = RuleExtractor().extract("Bavaria is part of Germany. The kit contains a hammer and a saw.")
    assert ex.hierarchy
    mapped = apply_vocabulary(ex, RelationVocabulary(["isPartOf"]))
    names = {k: v.name for k, v in mapped.entities.items()}
    assert not mapped.hierarchy
    assert ("Bavaria", "isPartOf", "Germany") in {
        (names[r.subject], r.qualifiers["label"], names[r.object]) for r in mapped.relations
    }
    assert all(r.qualifiers["label"] == "isPartOf" for r in mapped.relations)


@pytest.mark.parametrize(
    ("object_type", "label"),
    [
        (EntityType.DATETIME, "releaseDate"),
        (EntityType.OTHER, None),
        (EntityType.ORGANIZATION, "recordLabel"),
    ],
)
def test_date_labels_need_date_objects(object_type: EntityType, label: str | None) -> None:
    vocab = RelationVocabulary(["releaseDate", "recordLabel"])
    predicate = "released_under_record_label" if label == "recordLabel" else "released_on"
    m = vocab.match(
        predicate if object_type is not EntityType.OTHER else "release",
        voice="passive",
        object_type=object_type,
    )
    assert (m.label if m else None) == label


# Wikidata-style labels: several words with spaces, most of them not in the predicate
WIKIDATA_LIKE = [
    "director",
    "screenwriter",
    "cast member",
    "publication date",
    "production company",
    "performer",
    "record label",
    "member of sports team",
    "astronaut mission",
    "platform",
    "country of origin",
    "award received",
    "publisher",
]


@pytest.mark.parametrize(
    ("predicate", "voice", "object_type", "label"),
    [
        # general paraphrases: the verb shares no word with the relation's noun
        ("star", "active", EntityType.PERSON, "cast member"),  # "a film starring X"
        ("play_for", "active", EntityType.ORGANIZATION, "member of sports team"),
        ("fly_on", "active", EntityType.OTHER, "astronaut mission"),
        ("released_for", "passive", EntityType.ORGANIZATION, "platform"),
        ("recorded_by", "passive", EntityType.PERSON, "performer"),  # not "record label"
        (
            "from",
            "passive",
            EntityType.LOCATION,
            "country of origin",
        ),  # "X is from Y": a bare preposition
        ("win", "active", EntityType.OTHER, "award received"),
        # derivation publish/release -> publication, with a date object
        ("released_on", "passive", EntityType.DATETIME, "publication date"),
        ("published_in", "passive", EntityType.DATETIME, "publication date"),
        ("published_by", "passive", EntityType.ORGANIZATION, "publisher"),
        # a closed compound's head: written_by -> screenwriter
        ("written_by", "passive", EntityType.PERSON, "screenwriter"),
    ],
)
def test_wikidata_style_labels(
    predicate: str, voice: str, object_type: EntityType, label: str
) -> None:
    m = RelationVocabulary(WIKIDATA_LIKE).match(predicate, voice=voice, object_type=object_type)  # type: ignore[arg-type]
    assert m is not None and m.label == label, (predicate, m)


def test_a_person_object_is_not_an_organisation_label() -> None:
    vocab = RelationVocabulary(["production company", "producer"])
    m = vocab.match("produced_by", voice="passive", object_type=EntityType.PERSON)
    assert m is not None and m.label == "producer"
    assert (
        RelationVocabulary(["production company"]).match(
            "produced_by", voice="passive", object_type=EntityType.PERSON
        )
        is None
    )
    m = RelationVocabulary(["production company"]).match(
        "produced_by", voice="passive", object_type=EntityType.ORGANIZATION
    )
    assert m is not None and m.label == "production company"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("1974", "birthYear"),
        ("1976-07-01", "birthDate"),
        ("1st July 1976", "birthDate"),
        ("July 1976", "birthDate"),
    ],
)
def test_a_bare_year_prefers_year_labels(name: str, label: str) -> None:
    vocab = RelationVocabulary(["birthDate", "birthYear", "birthPlace"])
    m = vocab.match("born_in", voice="passive", object_type=EntityType.DATETIME, object_name=name)
    assert m is not None and m.label == label


@pytest.mark.parametrize(
    ("object_type", "label"), [(EntityType.DATETIME, "season"), (EntityType.ORGANIZATION, "league")]
)
def test_seasons_are_times(object_type: EntityType, label: str) -> None:
    m = RelationVocabulary(["league", "season"]).match(
        "play_in", voice="active", object_type=object_type
    )
    assert m is not None and m.label == label


@pytest.mark.parametrize(
    ("predicate", "label"),
    [
        ("current_tenant_of", "currentTenants"),
        ("champion_of", "champions"),
        ("birthplace_of", "birthPlace"),
    ],
)
def test_relational_nouns_up_to_a_plural_or_compound_are_inverse(
    predicate: str, label: str
) -> None:
    # "X are the current tenants of Y" is currentTenants(Y, X); "Y is the birthplace of X" birthPlace(X, Y)
    m = RelationVocabulary([label, "location"]).match(predicate, voice="noun")
    assert m is not None and (m.label, m.inverse) == (label, True)


def test_agent_noun_of_a_verb_ending_in_er() -> None:
    # "Grigory Neujmin discovered 1147 Stavropolis" is discoverer(1147 Stavropolis, Grigory Neujmin)
    m = RelationVocabulary(["discoverer", "periapsis"]).match(
        "discover", voice="active", subject_type=EntityType.PERSON, object_type=EntityType.CONCEPT
    )
    assert m is not None and (m.label, m.inverse) == ("discoverer", True)


def test_ties_go_to_the_closer_spelling() -> None:
    m = RelationVocabulary(["awards", "award"]).match(
        "awarded", voice="passive", object_type=EntityType.OTHER
    )
    assert m is not None and m.label == "award"


def test_paraphrases_need_their_own_words() -> None:
    # a bare preposition with no paraphrase says nothing; "play for" is not a record label
    assert (
        RelationVocabulary(WIKIDATA_LIKE).match(
            "with", voice="passive", object_type=EntityType.LOCATION
        )
        is None
    )
    m = RelationVocabulary(["record label"]).match(
        "play_for", voice="active", object_type=EntityType.ORGANIZATION
    )
    assert m is None


@pytest.mark.parametrize(
    ("concept", "etype"),
    [
        ("Person", EntityType.PERSON),
        ("human", EntityType.PERSON),
        ("City", EntityType.LOCATION),
        ("Place", EntityType.LOCATION),
        ("RecordLabel", EntityType.ORGANIZATION),
        ("film production company", EntityType.ORGANIZATION),
        ("date", EntityType.DATETIME),
        ("number", EntityType.NUMBER),
        ("Food", None),
        ("string", None),
        ("Q5", None),
        ("", None),
    ],
)
def test_concept_type_reads_the_head_word(concept: str, etype: EntityType | None) -> None:
    assert concept_type(concept) is etype


SIGNED = {"country": ("WrittenWork", "Country"), "nationality": ("Person", "Country")}


@pytest.mark.parametrize(
    ("subject_type", "label"), [(EntityType.PERSON, "nationality"), (EntityType.OTHER, "country")]
)
def test_signatures_pick_the_label_whose_domain_fits_the_subject(
    subject_type: EntityType, label: str
) -> None:
    # "Agnes Kant is from the Netherlands" (a person: nationality); "A Severed Wasp is from the
    # United States" (a book: country)
    vocab = RelationVocabulary(["country", "nationality"], signatures=SIGNED)
    m = vocab.match(
        "from", voice="passive", subject_type=subject_type, object_type=EntityType.LOCATION
    )
    assert m is not None and m.label == label
    # without signatures the lexical order decides, whatever the subject
    plain = RelationVocabulary(["country", "nationality"]).match(
        "from", voice="passive", subject_type=subject_type, object_type=EntityType.LOCATION
    )
    assert plain is not None and plain.label == "country"


def test_a_signature_rewards_a_fitting_object_and_docks_a_clearly_different_one() -> None:
    signed = RelationVocabulary(["birthPlace"], signatures={"birthPlace": ("Person", "Place")})
    plain = RelationVocabulary(["birthPlace"])

    def score(
        vocab: RelationVocabulary, subject_type: EntityType, object_type: EntityType
    ) -> float:
        m = vocab.match(
            "born_in", voice="passive", subject_type=subject_type, object_type=object_type
        )
        assert m is not None
        return m.score

    person, other = EntityType.PERSON, EntityType.OTHER
    assert score(signed, person, EntityType.LOCATION) > score(plain, person, EntityType.LOCATION)
    assert score(signed, other, EntityType.PERSON) < score(plain, other, EntityType.PERSON)
    # NER's ORG/GPE confusion is not held against a place: only the fitting domain counts (+0.05)
    assert score(signed, person, EntityType.ORGANIZATION) == pytest.approx(
        score(plain, person, EntityType.ORGANIZATION) + 0.05
    )


def test_the_harness_mapper_hands_ontology_signatures_to_the_matcher() -> None:
    from grapheme_distill.evaluation.datasets import Dataset, Ontology
    from grapheme_distill.evaluation.report import default_vocabulary_mapper
    from grapheme_distill.extractors.base import Extraction
    from grapheme_distill.model.knowledge import Entity, Relation

    labels = ("country", "nationality")
    onto = Ontology(
        id="o",
        title="t",
        relations=labels,
        concepts=("Person", "Country", "WrittenWork"),
        domains=dict(SIGNED),
    )
    ds = Dataset(
        name="x", examples=[], vocab={"o": labels}, vocab_source="", ontologies={"o": onto}
    )
    ex = Extraction(extractor="t")
    agnes = ex.add_entity(Entity(name="Agnes Kant", type=EntityType.PERSON))
    nl = ex.add_entity(Entity(name="the Netherlands", type=EntityType.LOCATION))
    ex.add(
        Relation(subject=agnes.id, predicate="from", object=nl.id, qualifiers={"voice": "passive"})
    )
    with_sig, how = default_vocabulary_mapper(ds)
    without, _ = default_vocabulary_mapper()
    assert with_sig is not None and without is not None and "signatures" in how
    assert [r.qualifiers["label"] for r in with_sig(ex, labels).relations] == ["nationality"]
    assert [r.qualifiers["label"] for r in without(ex, labels).relations] == ["country"]


@pytest.mark.parametrize(
    ("predicate", "voice", "inverse"), [("served_by", "passive", True), ("serve", "active", False)]
)
def test_participle_labels_name_the_patient(predicate: str, voice: Voice, inverse: bool) -> None:
    # "Alderney is served by Alderney Airport" and "Alderney Airport serves Alderney" are both
    # cityServed(Alderney Airport, Alderney)
    m = RelationVocabulary(["cityServed", "location"]).match(
        predicate, voice=voice, object_type=EntityType.LOCATION
    )
    assert m is not None and (m.label, m.inverse) == ("cityServed", inverse)


@pytest.mark.parametrize(
    ("predicate", "label", "inverse"),
    [("wife_of", "spouse", True), ("head_of", "leader", True), ("graduate_of", "almaMater", False)],
)
def test_role_synonyms_read_like_the_label_noun(predicate: str, label: str, inverse: bool) -> None:
    # "X is the wife of Y" is spouse(Y, X) like "X is the spouse of Y"; "X is a graduate of Y" is
    # almaMater(X, Y): a graduate is not an alma mater
    m = RelationVocabulary(["spouse", "leader", "almaMater"]).match(predicate, voice="noun")
    assert m is not None and (m.label, m.inverse) == (label, inverse)


def test_member_of_an_organisation_names_its_kind() -> None:
    m = RelationVocabulary(["party", "birthPlace"]).match(
        "member_of", voice="noun", object_type=EntityType.ORGANIZATION
    )
    assert m is not None and (m.label, m.inverse) == ("party", False)
    m = RelationVocabulary(["Member of", "party"]).match(
        "member_of", voice="noun", object_type=EntityType.ORGANIZATION
    )
    assert m is not None and m.label == "Member of"


@pytest.mark.parametrize("predicate", ["born_within", "born_inside", "born_near"])
def test_less_common_prepositions_are_not_content_words(predicate: str) -> None:
    m = RelationVocabulary(["birthPlace", "birthDate"]).match(
        predicate, voice="passive", object_type=EntityType.LOCATION
    )
    assert m is not None and m.label == "birthPlace"


@pytest.mark.parametrize(
    ("predicate", "object_type", "label"),
    [
        ("developed_for", EntityType.ORGANIZATION, "platform"),  # not "developer": no "by"
        ("ported_to", EntityType.OTHER, "platform"),
        ("developed_by", EntityType.ORGANIZATION, "developer"),
        ("released_through", EntityType.ORGANIZATION, "record label"),
        (
            "written_for",
            EntityType.CONCEPT,
            "instrumentation",
        ),  # "a quintet written for piano, violin..."
        ("written_by", EntityType.PERSON, "composer"),
    ],
)
def test_a_passive_without_by_names_no_agent(
    predicate: str, object_type: EntityType, label: str
) -> None:
    vocab = RelationVocabulary(
        [
            "developer",
            "platform",
            "record label",
            "publication date",
            "instrumentation",
            "composer",
        ],
        derivations={"write": ["composer"], "written": ["composer"]},
    )
    m = vocab.match(predicate, voice="passive", object_type=object_type)
    assert m is not None and m.label == label, m


def test_the_agent_penalty_spares_ing_labels() -> None:
    m = RelationVocabulary(["founder", "foundingDate"]).match(
        "founded_in", voice="passive", object_type=EntityType.DATETIME
    )
    assert m is not None and m.label == "foundingDate"


@pytest.mark.parametrize(
    ("predicate", "label", "inverse"),
    [("write", "writer", True), ("own", "owner", True), ("graduate_from", "almaMater", False)],
)
def test_derived_doers_turn_active_clauses_round(predicate: str, label: str, inverse: bool) -> None:
    # "Agatha Christie wrote the novel" is writer(novel, Agatha Christie); "X graduated from Y" is
    # almaMater(X, Y): "alma mater" ends in -er but names no doer
    m = RelationVocabulary(["writer", "owner", "almaMater"]).match(
        predicate, voice="active", subject_type=EntityType.PERSON, object_type=EntityType.OTHER
    )
    assert m is not None and (m.label, m.inverse) == (label, inverse)


def test_a_title_label_takes_a_role_and_its_base_label_a_person() -> None:
    v = RelationVocabulary(["leader", "leaderTitle", "country"])
    role = v.match(
        "leader", voice="attribute", object_type=EntityType.CONCEPT, object_name="City Manager"
    )
    person = v.match(
        "leader", voice="attribute", object_type=EntityType.PERSON, object_name="Joe Biden"
    )
    assert role is not None and role.label == "leaderTitle"
    assert person is not None and person.label == "leader"
    # "Binali Yildirim is the leader of Turkey": inverse, the value (the person) was the subject
    inv = v.match(
        "leader_of", voice="noun", object_type=EntityType.LOCATION, subject_type=EntityType.PERSON
    )
    assert inv is not None and inv.label == "leader" and inv.inverse
    # without a title label nothing changes
    assert (
        RelationVocabulary(["leader"]).match(
            "leader", voice="attribute", object_type=EntityType.CONCEPT
        )
        is not None
    )


@pytest.mark.parametrize(
    ("predicate", "voice", "object_type", "labels", "expected"),
    [
        ("citizen_of", "noun", EntityType.LOCATION, ["citizenship", "nationality"], "citizenship"),
        (
            "released_under",
            "passive",
            EntityType.ORGANIZATION,
            ["recordLabel", "genre"],
            "recordLabel",
        ),
        ("running_time", "attribute", EntityType.NUMBER, ["runtime", "budget"], "runtime"),
        ("run", "active", EntityType.NUMBER, ["runtime", "budget"], "runtime"),
        (
            "begin_on",
            "passive",
            EntityType.DATETIME,
            ["buildingStartDate", "completionDate"],
            "buildingStartDate",
        ),
    ],
)
def test_general_english_derivations(
    predicate: str, voice: str, object_type: EntityType, labels: list[str], expected: str
) -> None:
    m = RelationVocabulary(labels).match(predicate, voice=voice, object_type=object_type)  # type: ignore[arg-type]
    assert m is not None and m.label == expected, m


def test_who_created_a_work_is_its_artist() -> None:
    m = RelationVocabulary(["artist", "producer", "genre"]).match(
        "create", voice="active", object_type=EntityType.OTHER, subject_type=EntityType.ORGANIZATION
    )
    assert m is not None and m.label == "artist" and m.inverse, m


def test_how_long_a_work_lasts_is_its_runtime() -> None:
    m = RelationVocabulary(["runtime", "recordLabel"]).match(
        "last", voice="active", object_type=EntityType.NUMBER
    )
    assert m is not None and m.label == "runtime", m
