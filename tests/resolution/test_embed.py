"""The embedding stage (extra ``[embed]``): the real all-MiniLM-L6-v2 from its PyPI package.

Skipped only when the extra is absent (the README's test command installs it through the
``test`` extra).
"""

from __future__ import annotations

import numpy as np
import pytest

from grapheme_distill import Entity, EntityType
from grapheme_distill.errors import MissingDependency
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.resolution import embed as embed_module
from grapheme_distill.resolution.embed import MiniLMEmbedder, embedding_available

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
