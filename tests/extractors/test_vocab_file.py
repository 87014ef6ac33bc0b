"""A user's relation vocabulary file: loading (errors with file and line), matching, functional
predicates for the contradiction table."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from grapheme_distill.errors import InputError
from grapheme_distill.extractors import get_extractor
from grapheme_distill.extractors.vocab_file import VocabularyExtractor, load_vocabulary
from grapheme_distill.model.functional import DEFAULT_PROPERTIES

FILM = """\
# what a film database cares about
[[relation]]
name = "directed_by"
surface = ["helmed by", "directed by"]
inverse = ["directed", "direct"]
domain = "Film"
range = "Person"
functional = true

[[relation]]
name = "written_by"
surface = ["penned by"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vocab.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_surface_and_inverse_forms_map_exactly(tmp_path: Path) -> None:
    vocab = load_vocabulary(_write(tmp_path, FILM)).vocabulary()
    helmed = vocab.match("was helmed by")
    assert helmed is not None and (helmed.label, helmed.inverse) == ("directed_by", False)
    directed = vocab.match("directed")
    assert directed is not None and (directed.label, directed.inverse) == ("directed_by", True)
    penned = vocab.match("penned_by")
    assert penned is not None and penned.label == "written_by"
    assert vocab.match("located_in") is None  # nothing in the file means it


def test_functional_entries_join_the_contradiction_table(tmp_path: Path) -> None:
    props = load_vocabulary(_write(tmp_path, FILM)).functional_properties()
    by_name = {p.name: p for p in props}
    assert {p.name for p in DEFAULT_PROPERTIES} < set(by_name)
    assert by_name["directed_by"].relations == ("directed_by", "helmed_by")
    assert by_name["directed_by"].inverse == ("directed", "direct")
    assert "written_by" not in by_name  # not declared functional


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (FILM.replace('name = "written_by"', 'name = "written_by'), 11, "not valid TOML"),
        (FILM.replace("functional = true", 'functional = "sure"'), 8, "functional"),
        (FILM.replace('surface = ["penned by"]', "colour = 3"), 12, "colour"),
        (
            FILM.replace('name = "written_by"', 'name = "directed_by"'),
            10,
            "already defined at line 2",
        ),
        (FILM.replace('range = "Person"', 'range = " "'), 7, "blank"),
        (FILM.replace('name = "written_by"', 'title = "written_by"'), 10, "name"),  # missing
    ],
)
def test_bad_files_name_the_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_vocabulary(path)
    assert err.value.line == line, str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ") and reason in str(err.value)


def test_a_file_without_relations_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\[\\[relation\\]\\] entries"):
        load_vocabulary(_write(tmp_path, "# nothing yet\n"))
    with pytest.raises(InputError, match="unknown top-level key 'functional'"):
        load_vocabulary(_write(tmp_path, '[[functional]]\nname = "x"\n'))


def test_the_wrapper_rewrites_any_extractor_and_travels_by_pickle(tmp_path: Path) -> None:
    spec = load_vocabulary(_write(tmp_path, FILM))
    reader = VocabularyExtractor(get_extractor("spacy"), spec)
    assert reader.name == "spacy" and reader.version.endswith("+vocab")
    copy = pickle.loads(pickle.dumps(reader))  # what a Ray executor does with it
    text = "Jaws was helmed by Steven Spielberg. Steven Spielberg directed Jaws."
    extraction = copy.extract(text)
    names = extraction.entities
    triples = {
        (names[r.subject].name, r.predicate, names[r.object].name) for r in extraction.relations
    }
    assert triples == {("Jaws", "directed_by", "Steven Spielberg")}  # both sentences, one fact
    sources = {r.qualifiers["source_predicate"] for r in extraction.relations}
    assert sources <= {"helmed_by", "direct"}
