"""Loaders for the gold benchmarks the evaluation harness scores against.

Every benchmark becomes the same shape: a :class:`Dataset` of :class:`Example` records (one input
text, its gold triples, the group it belongs to) plus a relation vocabulary per group.  The group is
the unit a benchmark defines its schema on — the DBpedia category for WebNLG, the ontology for
Text2KGBench — so that a schema-constrained extractor can be handed exactly the relations it may use.
Gold files are read where they lie (``../shared/data`` by default) and never copied.

Bad input is reported as :class:`~grapheme_distill.errors.InputError` naming the file, the line and
the reason.  Participant submissions of WebNLG are not well-formed XML (bare ``&``), so they are
read leniently with a regular expression, as the README of the data asks; the gold file is proper XML.

The three official WebNLG splits (``webnlg2020-seen``, ``-unseen-entities``, ``-unseen-categories``)
are datasets of their own, loaded and scored exactly like ``webnlg2020``; their relation vocabulary
is taken from the full test file (see :func:`load_webnlg`), so a text gets the same schema whether it
is scored in its split or in the full run.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from grapheme_distill.errors import InputError

__all__ = [
    "DATASETS",
    "WEBNLG_DATASETS",
    "Dataset",
    "Example",
    "Ontology",
    "Triple",
    "default_data_dir",
    "is_webnlg",
    "load_dataset",
    "load_text2kgbench",
    "load_text2kgbench_responses",
    "load_webnlg",
    "load_webnlg_submission",
    "sample_evenly",
]

_WEBNLG_FULL = "semantic-parsing-test-data-with-refs-en.xml"

#: dataset name -> (folder under the data dir, sub-folder or file)
DATASETS: dict[str, tuple[str, str]] = {
    "webnlg2020": ("webnlg2020", _WEBNLG_FULL),
    "webnlg2020-seen": ("webnlg2020", "semantic-parsing-test-data-with-refs-en.seen.xml"),
    "webnlg2020-unseen-entities": (
        "webnlg2020",
        "semantic-parsing-test-data-with-refs-en.unseen-entities.xml",
    ),
    "webnlg2020-unseen-categories": (
        "webnlg2020",
        "semantic-parsing-test-data-with-refs-en.unseen-categories.xml",
    ),
    "text2kgbench-dbpedia": ("text2kgbench", "dbpedia_webnlg"),
    "text2kgbench-wikidata": ("text2kgbench", "wikidata_tekgen"),
}

#: the WebNLG+ 2020 datasets: the full test set and its three official splits (all scored with the
#: WebNLG official scorer).
WEBNLG_DATASETS: tuple[str, ...] = tuple(n for n in DATASETS if n.startswith("webnlg2020"))


def is_webnlg(name: str) -> bool:
    """Whether a dataset name is WebNLG+ 2020 (full or a split), i.e. scored by the WebNLG rules."""
    return name in WEBNLG_DATASETS


class Triple(NamedTuple):
    """A (subject, predicate, object) triple of surface strings, as the benchmarks write them."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Example:
    """One input text with its gold triples.  ``group`` is the category / ontology id."""

    id: str
    text: str
    gold: tuple[Triple, ...]
    group: str


@dataclass(frozen=True)
class Ontology:
    """A Text2KGBench ontology: relation labels (with domain/range) and concept labels."""

    id: str
    title: str
    relations: tuple[str, ...]
    concepts: tuple[str, ...]
    domains: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Dataset:
    """A benchmark split ready to score.

    Attributes:
        name: the dataset name (``webnlg2020``, ``text2kgbench-dbpedia`` ...).
        examples: the examples in file order.
        vocab: relation vocabulary per group (the schema handed to a constrained extractor).
        vocab_source: one sentence saying where ``vocab`` comes from (written into reports).
        ontologies: Text2KGBench ontologies by group (empty for WebNLG).
        selected_ids: hand-verified example ids (Wikidata-TekGen only).
        path: where the gold was read from.
    """

    name: str
    examples: list[Example]
    vocab: dict[str, tuple[str, ...]]
    vocab_source: str
    ontologies: dict[str, Ontology] = field(default_factory=dict)
    selected_ids: frozenset[str] = frozenset()
    path: str = ""

    def limited(self, limit: int | None) -> Dataset:
        """A copy holding ``limit`` examples spread evenly over the split (all when None)."""
        if limit is None or limit >= len(self.examples):
            return self
        return dataclasses.replace(self, examples=sample_evenly(self.examples, limit))


def sample_evenly(examples: list[Example], limit: int) -> list[Example]:
    """Every k-th example, so a quick run still covers every category/ontology (deterministic)."""
    if limit <= 0:
        return []
    n = len(examples)
    limit = min(limit, n)  # more than there are: all of them, each once
    return [examples[(i * n) // limit] for i in range(limit)]


def default_data_dir() -> Path:
    """``../shared/data`` beside the current directory or beside the repository, whichever exists."""
    candidates = [Path.cwd() / ".." / "shared" / "data", Path.cwd() / "shared" / "data"]
    here = Path(__file__).resolve()
    candidates += [p / "shared" / "data" for p in here.parents]
    for cand in candidates:
        if cand.is_dir():
            return cand.resolve()
    return (Path.cwd() / ".." / "shared" / "data").resolve()


def load_dataset(name: str, data_dir: str | Path | None = None) -> Dataset:
    """Load a benchmark by name (one of :data:`DATASETS`) from ``data_dir``."""
    if name not in DATASETS:
        from grapheme_distill.errors import ConfigError

        raise ConfigError(f"unknown dataset {name!r}; choose one of: {', '.join(sorted(DATASETS))}")
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    folder, sub = DATASETS[name]
    path = root / folder / sub
    if not path.exists():
        raise InputError(
            str(path),
            None,
            "benchmark data not found; pass --data-dir pointing at the folder that holds "
            f"{folder}/ (usually ../shared/data)",
        )
    if name == "webnlg2020":
        return load_webnlg(path)
    if is_webnlg(name):
        return load_webnlg(path, name=name, vocabulary_from=root / folder / _WEBNLG_FULL)
    return load_text2kgbench(path, name=name)


# --------------------------------------------------------------------------- WebNLG


def _split_triple(text: str) -> Triple:
    parts = [p.strip() for p in text.split(" | ")]
    while len(parts) < 3:
        parts.append("")
    return Triple(parts[0], parts[1], " | ".join(parts[2:]))


def _read_webnlg(path: Path) -> list[Example]:
    """The entries of a WebNLG gold XML file as examples (``lex`` → text, ``mtriple`` → gold)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(str(path), line, f"not well-formed XML: {exc}") from exc
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    examples: list[Example] = []
    for n, entry in enumerate(root.iter("entry"), start=1):
        eid = entry.get("eid") or f"Id{n}"
        category = entry.get("category") or "unknown"
        lex = entry.find("lex")
        if lex is None or not (lex.text or "").strip():
            raise InputError(str(path), None, f"entry {eid} has no <lex> text")
        gold = tuple(
            _split_triple(m.text or "") for m in entry.iterfind("modifiedtripleset/mtriple")
        )
        if not gold:
            raise InputError(str(path), None, f"entry {eid} has no <mtriple> gold triple")
        examples.append(Example(id=eid, text=(lex.text or "").strip(), gold=gold, group=category))
    if not examples:
        raise InputError(str(path), None, "no <entry> elements: is this a WebNLG benchmark file?")
    return examples


def _category_predicates(examples: Iterable[Example]) -> dict[str, set[str]]:
    vocab: dict[str, set[str]] = {}
    for ex in examples:
        vocab.setdefault(ex.group, set()).update(t.predicate for t in ex.gold)
    return vocab


def load_webnlg(
    path: str | Path, *, name: str = "webnlg2020", vocabulary_from: str | Path | None = None
) -> Dataset:
    """Read a WebNLG+ 2020 Text-to-RDF gold XML: one example per ``entry`` (``lex`` → input,
    ``modifiedtripleset`` → gold).

    The vocabulary of a category is the set of predicates its gold triples use — the category's
    known predicates, handed to a schema-constrained extractor.  For the full test file they come
    from the file itself.  A split (seen / unseen entities / unseen categories) passes the full
    test file as ``vocabulary_from``, and its categories take their predicates from there, not
    from the split: the splits partition the full set, so this gives every text exactly the schema
    it has in the full run (a split's figures are then the full run's restricted to its texts,
    and a held-out split is scored under the same conditions as the split developed on), and a
    split's schema does not shrink to the few predicates its own texts happen to use — which
    would hand the predicate mapper a smaller, easier label set than the full run has.

    Args:
        path: the gold XML file to score.
        name: the dataset name written into reports (``webnlg2020``, ``webnlg2020-seen`` ...).
        vocabulary_from: the XML file whose gold predicates make the per-category vocabulary
            (default: ``path`` itself).
    """
    path = Path(path)
    examples = _read_webnlg(path)
    if vocabulary_from is None or Path(vocabulary_from) == path:
        vocab = _category_predicates(examples)
        source = (
            "per category: the predicates its gold triples use in the test file "
            "(the category's known predicates, handed to the extractor as a schema)"
        )
    else:
        vocab_path = Path(vocabulary_from)
        if not vocab_path.exists():
            raise InputError(
                str(vocab_path),
                None,
                f"the full WebNLG test file is needed for the vocabulary of {name}; "
                "keep it beside the split files (or pass --data-dir to the folder "
                "holding both)",
            )
        full = _category_predicates(_read_webnlg(vocab_path))
        own = _category_predicates(examples)
        vocab = {c: full.get(c, set()) | preds for c, preds in own.items()}
        source = (
            f"per category: the predicates its gold triples use in the full test file "
            f"{vocab_path.name} (the same schema as in the full run), not only in this split"
        )
    return Dataset(
        name=name,
        examples=examples,
        vocab={k: tuple(sorted(v)) for k, v in vocab.items()},
        vocab_source=source,
        path=str(path),
    )


_ENTRY = re.compile(r"<entry\b([^>]*)>(.*?)</entry>", re.DOTALL)
_EID = re.compile(r'\beid="([^"]*)"')
_GTRIPLE = re.compile(r"<gtriple>(.*?)</gtriple>", re.DOTALL)


def load_webnlg_submission(path: str | Path) -> dict[str, list[Triple]]:
    """Read a WebNLG Text-to-RDF submission leniently; returns eid -> triples.

    Entries without an ``eid`` (bt5's file) are numbered in file order as ``Id1``, ``Id2`` ...,
    which is how they line up with the gold.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read: {exc}") from exc
    out: dict[str, list[Triple]] = {}
    for n, m in enumerate(_ENTRY.finditer(text), start=1):
        eid_m = _EID.search(m.group(1))
        eid = eid_m.group(1) if eid_m else f"Id{n}"
        out[eid] = [_split_triple(html.unescape(g).strip()) for g in _GTRIPLE.findall(m.group(2))]
    if not out:
        raise InputError(str(path), None, "no <entry> elements found")
    return out


# --------------------------------------------------------------------------- Text2KGBench

_ONT_FILE = re.compile(r"^ont_(\d+)_(.+?)_ground_truth\.jsonl$")


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), lineno, f"invalid JSON: {exc.msg}") from exc
                if not isinstance(record, dict):
                    raise InputError(str(path), lineno, "expected a JSON object per line")
                yield lineno, record
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc


def _load_ontology(path: Path) -> Ontology:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), exc.lineno, f"invalid JSON: {exc.msg}") from exc
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    try:
        relations = tuple(str(r["label"]) for r in data["relations"])
        concepts = tuple(str(c["label"]) for c in data.get("concepts", []))
        domains = {
            str(r["label"]): (str(r.get("domain", "")), str(r.get("range", "")))
            for r in data["relations"]
        }
    except (KeyError, TypeError) as exc:
        raise InputError(str(path), None, f"not a Text2KGBench ontology (missing {exc})") from exc
    return Ontology(
        id=str(data.get("id", path.stem)),
        title=str(data.get("title", "")),
        relations=relations,
        concepts=concepts,
        domains=domains,
    )


def load_text2kgbench(path: str | Path, *, name: str = "text2kgbench") -> Dataset:
    """Read one Text2KGBench test set (``dbpedia_webnlg`` or ``wikidata_tekgen`` folder).

    Examples come from ``ground_truth/`` (which carries the sentence and the gold), grouped by
    ontology ``<k>_<name>`` in ontology-number order; the vocabulary of a group is its ontology's
    relation labels, exactly as the benchmark hands them to a system.
    """
    root = Path(path)
    gt_dir = root / "ground_truth"
    files = sorted(
        (f for f in gt_dir.glob("ont_*_ground_truth.jsonl") if _ONT_FILE.match(f.name)),
        key=lambda f: int(_ONT_FILE.match(f.name).group(1)),  # type: ignore[union-attr]
    )
    if not files:
        raise InputError(str(gt_dir), None, "no ont_*_ground_truth.jsonl files found")
    examples: list[Example] = []
    ontologies: dict[str, Ontology] = {}
    for f in files:
        m = _ONT_FILE.match(f.name)
        assert m is not None
        group = f"{m.group(1)}_{m.group(2)}"
        onto_path = root / "ontologies" / f"{group}_ontology.json"
        ontologies[group] = _load_ontology(onto_path)
        for lineno, rec in _read_jsonl(f):
            try:
                gold = tuple(
                    Triple(str(t["sub"]), str(t["rel"]), str(t["obj"])) for t in rec["triples"]
                )
                examples.append(
                    Example(id=str(rec["id"]), text=str(rec["sent"]), gold=gold, group=group)
                )
            except (KeyError, TypeError) as exc:
                raise InputError(
                    str(f), lineno, f"missing field {exc} (need id, sent, triples with sub/rel/obj)"
                ) from exc
    selected: set[str] = set()
    for sel in sorted((root / "manually_verified_sentences").glob("selected_*.txt")):
        selected.update(
            line.strip() for line in sel.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return Dataset(
        name=name,
        examples=examples,
        vocab={g: o.relations for g, o in ontologies.items()},
        vocab_source="per ontology: its relation labels (the benchmark's own schema)",
        ontologies=ontologies,
        selected_ids=frozenset(selected),
        path=str(root),
    )


def load_text2kgbench_responses(folder: str | Path) -> dict[str, list[Triple]]:
    """Read published system outputs (``llm_responses/*.jsonl``): id -> triples (``[s, r, o]``)."""
    out: dict[str, list[Triple]] = {}
    files = sorted(Path(folder).glob("*.jsonl"))
    if not files:
        raise InputError(str(folder), None, "no *.jsonl response files found")
    for f in files:
        for lineno, rec in _read_jsonl(f):
            triples: list[Triple] = []
            for t in rec.get("triples") or []:
                if not isinstance(t, list | tuple) or len(t) != 3:
                    raise InputError(
                        str(f), lineno, f"triple {t!r} is not [subject, relation, object]"
                    )
                triples.append(Triple(str(t[0]), str(t[1]), str(t[2])))
            if "id" not in rec:
                raise InputError(str(f), lineno, "missing field 'id'")
            out[str(rec["id"])] = triples
    return out
