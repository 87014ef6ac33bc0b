"""The embedding stage (extra ``[embed]``): the real all-MiniLM-L6-v2 from its PyPI package.

Skipped only when the extra is absent (the README's test command installs it through the
``test`` extra).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from grapheme_distill import Entity, EntityType
from grapheme_distill.errors import MissingDependency
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.resolution import embed as embed_module
from grapheme_distill.resolution.embed import MiniLMEmbedder, embedding_available
from grapheme_distill.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from knowledge_records import record  # noqa: E402

pytestmark = pytest.mark.skipif(not embedding_available(), reason="the [embed] extra is absent")

P, L, C, ORG = (
    EntityType.PERSON,
    EntityType.LOCATION,
    EntityType.CONCEPT,
    EntityType.ORGANIZATION,
)


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()  # one model load for the module


def _resolve(
    names: list[tuple[str, EntityType]], embedder: MiniLMEmbedder | None
) -> tuple[list[str], EntityResolver]:
    resolver = EntityResolver(MemoryEntityIndex(), 85.0, embedder=embedder)
    return [resolver.upsert(Entity(name=n, type=t))[0] for n, t in names], resolver


def test_vectors_are_unit_length_cached_and_close_for_one_name(embedder: MiniLMEmbedder) -> None:
    vectors = embedder.encode(["pyotr ilyich tchaikovsky", "pyotr il yich tchaikovsky", "iraq"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    again = embedder.encode(["iraq"])
    assert again.shape == (1, 384) and np.array_equal(again[0], vectors[2])


def test_embedding_merges_a_transliteration_the_fuzzy_stage_misses(
    embedder: MiniLMEmbedder,
) -> None:
    names = [("Pyotr Ilyich Tchaikovsky", P), ("Pyotr Il'yich Tchaikovsky", P)]
    without, _ = _resolve(names, None)
    assert without[0] != without[1]  # rules and fuzzy 85 leave the soft-sign spelling apart
    with_embed, resolver = _resolve(names, embedder)
    assert with_embed[0] == with_embed[1]
    assert resolver.stages["embed"] == 1


@pytest.mark.parametrize(
    "names",
    [
        [("John F. Kennedy", P), ("Robert F. Kennedy", P)],  # cosine 0.88: other given name
        [("Jaguar", C), ("Jaguar Cars", C)],  # a name and a longer one that contains it
        [("Mexico", C), ("State of Mexico", C)],
        [("Pacific Daylight Time", C), ("Pacific Standard Time Zone", C)],  # cosine 0.79
        [("Iran", L), ("Iraq", L)],  # no shared token: never compared
        [("Paris", L), ("Paris, Texas", L)],  # another qualifier
        [("Shenzhou 6", ORG), ("Shenzhou 10", ORG)],  # other numbers
        [("Paris", L), ("Paris Hilton", P)],  # other types
    ],
)
def test_embedding_keeps_homonyms_apart(
    embedder: MiniLMEmbedder, names: list[tuple[str, EntityType]]
) -> None:
    ids, resolver = _resolve(names, embedder)
    assert ids[0] != ids[1]
    assert resolver.stages["embed"] == 0


def test_a_missing_model_package_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embed_module, "_PACKAGE", "grapheme_distill_no_such_model")
    assert not embedding_available()
    with pytest.raises(MissingDependency, match=r"\[embed\]"):
        MiniLMEmbedder().encode(["anything"])


def test_a_store_opened_with_an_embedder_merges_stored_knowledge(
    embedder: MiniLMEmbedder, tmp_path: Path
) -> None:
    composer = Entity(name="Pyotr Ilyich Tchaikovsky", type=P)
    spelled = Entity(name="Pyotr Il'yich Tchaikovsky", type=P)
    works = (Entity(name="Swan Lake", type=C), Entity(name="The Nutcracker", type=C))
    counts = []
    for name, with_embedder in (("plain.db", None), ("embed.db", embedder)):
        with open_store(tmp_path / name, fuzzy_threshold=85.0, embedder=with_embedder) as store:
            store.add_knowledge(record([(composer, "composed", works[0], 0.9)], source="a"))
            store.add_knowledge(record([(spelled, "composed", works[1], 0.9)], source="b"))
            counts.append(store.stats().entities)
    assert counts == [4, 3]  # the soft-sign spelling joins the composer only with the embedder


def test_distill_embeddings_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from grapheme_distill.cli import main

    doc = tmp_path / "composer.md"
    doc.write_text(
        "Pyotr Ilyich Tchaikovsky composed Swan Lake.\n\n"
        "Pyotr Il'yich Tchaikovsky composed The Nutcracker.\n",
        encoding="utf-8",
    )
    entities = []
    for name, flags in (("plain.db", []), ("embed.db", ["--embeddings"])):
        args = ["distill", "--documents", str(doc), "--store", str(tmp_path / name)]
        args += ["--extractor", "spacy", "--fuzzy-threshold", "85", "--json", *flags]
        try:
            main([*args, "--set", "min_confidence=0.3"])
        except SystemExit as exc:
            assert not exc.code
        entities.append(json.loads(capsys.readouterr().out)["store"]["entities"])
    assert entities[1] == entities[0] - 1  # the two spellings of the composer are one entity
