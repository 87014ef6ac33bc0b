"""Build the development set of chat-assistant answers (issue 11): generate, then split.

Two steps, so that the set can be regenerated and audited:

``generate``
    Asks the embedded local teacher (``LocalTeacher``, the main job's default model) about a fixed
    list of topics across domains, with the main job's own prompt templates
    (``grapheme_distill/prompts/*.v1.txt`` via ``topics.load_templates``), greedy decoding, and
    writes one JSONL line per answer: id, domain, topic, template name and hash, model, date, the
    user prompt and the raw response (warts included: loops cut by the teacher, odd facts,
    markdown the template forbade).  Each topic gets three of the five templates, rotated so every
    knowledge type is asked about equally often.  Resumable: ids already in the output are skipped.
    The answers are annotated by hand afterwards (before any extractor is run on them) into
    ``benchmarks/data/answers/annotated/local.txt``.

``split``
    Reads the annotated pool (``annotated/*.txt``, the annotation source format below), checks
    every item with the reference scorer's ``validate_gold``, and splits it 60/40 into ``dev.jsonl``
    and ``blind.jsonl``,
    stratified by (source, domain).  Within a stratum, items are taken in id order and dealt by
    the repeating pattern dev, blind, dev, dev, blind from an offset drawn with a fixed seed per
    stratum.  Appending answers to a stratum never moves an earlier answer to the other split, so
    the set can grow without leaking dev answers into the blind part.

``export``
    Reads any annotation files given with ``--pool`` (for instance a held-out batch kept outside
    ``annotated/`` so that nobody develops against it), validates every item the way ``split``
    does, and writes all of them, unsplit and in id order, to one JSONL file in the line format of
    ``dev.jsonl``, so the batch can be scored with ``grapheme-distill eval`` or the reference
    scorer without joining the split yet.

Annotation source format (one block per answer; easier to write and review than JSON)::

    ### w-001
    domain: people
    primary: factual
    prompt: Who was Ada Lovelace?
    response:
    <the answer, verbatim, up to the line "gold:">   (or "response: @raw" for a generated answer)
    gold:
    E PERSON | Ada Lovelace                       entity: type | name
    R Ada Lovelace | born_on | 10 December 1815   relation; "R!" for a negated one
    H member_of | parent | child                  hierarchy
    L alias | term | value                        linguistic
    P goal                                        procedure, then one "- step" line per step

Usage::

    .venv/bin/python benchmarks/make_answer_set.py generate --max-tokens 300
    .venv/bin/python benchmarks/make_answer_set.py split
    .venv/bin/python benchmarks/make_answer_set.py export --pool FILE.txt... --out OUT.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "answers"
SEED = 11
PATTERN = ("dev", "blind", "dev", "dev", "blind")  # 60/40

#: (domain, topic); each topic is asked three of the five templates (rotated by position).
TOPICS: list[tuple[str, str]] = [
    ("people", "Marie Curie"),
    ("places", "Lake Baikal"),
    ("organisations", "UNESCO"),
    ("science", "photosynthesis"),
    ("medicine", "insulin"),
    ("history", "the French Revolution"),
    ("law-finance", "compound interest"),
    ("software", "Git"),
    ("sport", "the Tour de France"),
    ("music", "The Beatles"),
    ("food", "sourdough bread"),
    ("art", "the Mona Lisa"),
    ("taxonomy", "the cat family (Felidae)"),
    # Second batch (appended: the plan of earlier topics, hence their ids, never changes).
    ("medicine", "the human heart"),
    ("organisations", "NASA"),
    ("how-to", "brewing coffee with a French press"),
    # Third batch (held out in fresh/ during the third session; appended the same way).
    ("places", "the Sahara Desert"),
    ("history", "the Roman Empire"),
    ("sport", "the FIFA World Cup"),
    # Fourth batch (held out in fresh/ during the fourth session; appended the same way).
    ("music", "Johann Sebastian Bach"),
    ("science", "volcanoes"),
    # Fifth batch (held out in fresh/ during the fifth session; appended the same way).
    ("law-finance", "the stock market"),
    ("food", "cheese"),
    # Sixth batch (held out in fresh/ during the sixth session; appended the same way).
    ("software", "Linux"),
    ("taxonomy", "sharks"),
    # Seventh batch (held out in fresh/ during the seventh session; appended the same way).
    ("places", "Mount Everest"),
    ("history", "the Industrial Revolution"),
    # Eighth batch (held out in fresh/ during the eighth session; appended the same way).
    ("music", "the violin"),
    ("law-finance", "income tax"),
    # Ninth batch (held out in fresh/ during the ninth session; appended the same way).
    ("organisations", "the United Nations"),
    ("food", "chocolate"),
    # Tenth batch (held out in fresh/ during the tenth session; appended the same way).
    ("people", "Albert Einstein"),
    ("art", "Vincent van Gogh"),
    # Eleventh batch (held out in fresh/ during the eleventh session; appended the same way).
    ("medicine", "the human immune system"),
    ("sport", "the Olympic Games"),
    # Twelfth batch (held out in fresh/ during the twelfth session; appended the same way).
    ("how-to", "growing tomatoes at home"),
    ("taxonomy", "birds of prey"),
    # Thirteenth batch (held out in fresh/ during the thirteenth session; appended the same way).
    ("medicine", "penicillin"),
    ("places", "the Alps"),
    # Fourteenth batch (held out in fresh/ during the fourteenth session; appended the same way).
    ("people", "Isaac Newton"),
    ("art", "the Taj Mahal"),
    # Fifteenth batch (held out in fresh/ during the fifteenth session; appended the same way).
    ("organisations", "the Red Cross"),
    ("science", "black holes"),
    # Sixteenth batch (held out in fresh/ during the sixteenth session; appended the same way).
    ("software", "the Python programming language"),
    ("history", "the Ottoman Empire"),
    # Seventeenth batch (held out in fresh/ during the seventeenth session; appended the same way).
    ("music", "the piano"),
    ("people", "William Shakespeare"),
    # Eighteenth batch (held out in fresh/ during the eighteenth session; appended the same way).
    ("law-finance", "Bitcoin"),
    ("food", "yogurt"),
    # Nineteenth batch (held out in fresh/ during the nineteenth session; appended the same way).
    ("software", "the C programming language"),
    ("how-to", "making a paper airplane"),
    # Twentieth batch (held out in fresh/ during the twentieth session; appended the same way).
    ("medicine", "malaria"),
    ("places", "the Great Wall of China"),
    # Twenty-first batch (held out in fresh/ during the twenty-first session; appended the same way).
    ("history", "the printing press"),
    ("science", "comets"),
    # Twenty-second batch (held out in fresh/ during the twenty-second session; appended the same way).
    ("medicine", "tuberculosis"),
    ("art", "the Parthenon"),
    # Twenty-third batch (held out in fresh/ during the twenty-third session; appended the same way).
    ("science", "glaciers"),
    ("sport", "table tennis"),
    # Twenty-fourth batch (held out in fresh/ during the twenty-fourth session; appended the same way).
    ("medicine", "the human brain"),
    ("places", "the Danube"),
    # Twenty-fifth batch (held out in fresh/ during the twenty-fifth session; appended the same way).
    ("taxonomy", "hummingbirds"),
    ("how-to", "building a campfire"),
    # Twenty-sixth batch (held out in fresh/ during the twenty-sixth session; appended the same way).
    ("music", "the flute"),
    ("law-finance", "the euro"),
    # Twenty-seventh batch (held out in fresh/ during the twenty-seventh session; appended the same way).
    ("food", "garlic"),
    ("art", "Stonehenge"),
    # Twenty-eighth batch (held out in fresh/ during the twenty-eighth session; appended the same way).
    ("taxonomy", "camels"),
    ("software", "SQLite"),
    # Twenty-ninth batch (held out in fresh/ during the twenty-ninth session; appended the same way).
    ("people", "Confucius"),
    ("sport", "archery"),
    # Thirtieth batch (held out in fresh/ during the thirtieth session; appended the same way).
    ("organisations", "Toyota"),
    ("how-to", "flying a kite"),
    # Thirty-first batch (held out in fresh/ during the thirty-first session; appended the same way).
    ("science", "tornadoes"),
    ("law-finance", "contracts"),
    # Thirty-second batch (held out in fresh/ during the thirty-second session; appended the same way).
    ("food", "cinnamon"),
    ("music", "the harmonica"),
    # Thirty-third batch (held out in fresh/ during the thirty-third session; appended the same way).
    ("history", "the Cold War"),
    ("art", "the Colosseum"),
    # Thirty-fourth batch (held out in fresh/ during the thirty-fourth session; appended the same way).
    ("software", "the World Wide Web"),
    ("sport", "figure skating"),
    # Thirty-fifth batch (held out in fresh/ during the thirty-fifth session; appended the same way).
    ("people", "Ferdinand Magellan"),
    ("taxonomy", "deer"),
    # Thirty-sixth batch (held out in fresh/ during the thirty-sixth session; appended the same way).
    ("organisations", "Airbus"),
    ("how-to", "juggling three balls"),
    # Thirty-seventh batch (held out in fresh/ during the thirty-seventh session; appended the same way).
    ("music", "the trombone"),
    ("food", "mangoes"),
    # Thirty-eighth batch (held out in fresh/ during the thirty-eighth session; appended the same way).
    ("places", "Lake Victoria"),
    ("law-finance", "venture capital"),
    # Thirty-ninth batch (held out in fresh/ during the thirty-ninth session; appended the same way).
    ("people", "Charles Dickens"),
    ("science", "Jupiter"),
    # Fortieth batch (held out in fresh/ during the fortieth session; appended the same way).
    ("history", "the samurai"),
    ("art", "the Great Pyramid of Giza"),
]
TYPES = ("factual", "relational", "procedural", "structural", "linguistic")


def _plan() -> list[tuple[str, str, str, str]]:
    """(id, domain, topic, knowledge type) for every answer to generate."""
    out = []
    for i, (domain, topic) in enumerate(TOPICS):
        for k in range(3):
            ktype = TYPES[(i + k) % len(TYPES)]
            out.append((f"local-{i + 1:02d}-{ktype[:4]}", domain, topic, ktype))
    return out


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def generate(out: Path, max_tokens: int, threads: int | None) -> int:
    from grapheme_distill.teachers.base import TeacherRequest
    from grapheme_distill.teachers.local import LocalTeacher
    from grapheme_distill.topics import load_templates

    templates = {t.knowledge_type.value: t for t in load_templates("v1")}
    teacher = LocalTeacher(n_threads=threads)
    done = {row["id"] for row in _read(out)}
    out.parent.mkdir(parents=True, exist_ok=True)
    for iid, domain, topic, ktype in _plan():
        if iid in done:
            continue
        template = templates[ktype]
        messages = template.render(topic)
        request = TeacherRequest(messages=messages, temperature=0.0, max_tokens=max_tokens)
        response = teacher.complete(request)
        row = {
            "id": iid,
            "source": "local-teacher",
            "domain": domain,
            "topic": topic,
            "primary_type": ktype,
            "template": template.name,
            "template_hash": template.hash,
            "model": teacher.model_name,
            "max_tokens": max_tokens,
            "finish_reason": response.finish_reason,
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
            "prompt": request.text,
            "response": response.text,
        }
        with out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{iid}: {len(response.text)} chars ({response.finish_reason})", flush=True)
    return 0


class AnnotationError(ValueError):
    """A malformed annotation block (message: ``file:line: reason``)."""


def _fields(rest: str, n: int, where: str) -> list[str]:
    parts = [p.strip() for p in rest.split("|")]
    if len(parts) != n or not all(parts):
        raise AnnotationError(f"{where}: expected {n} non-empty fields separated by '|'")
    return parts


def _gold_line(gold: dict[str, list[Any]], line: str, where: str) -> None:
    tag, _, rest = line.partition(" ")
    if tag == "E":
        etype, name = _fields(rest, 2, where)
        gold["entities"].append({"name": name, "type": etype})
    elif tag in ("R", "R!"):
        s, p, o = _fields(rest, 3, where)
        gold["relations"].append(
            {"subject": s, "predicate": p, "object": o, "negated": tag == "R!"}
        )
    elif tag == "H":
        rel, parent, child = _fields(rest, 3, where)
        gold["hierarchy"].append({"parent": parent, "child": child, "relation": rel})
    elif tag == "L":
        kind, term, value = _fields(rest, 3, where)
        gold["linguistic"].append({"term": term, "kind": kind, "value": value})
    elif tag == "P":
        gold["procedures"].append({"goal": rest.strip(), "steps": []})
    elif tag == "-" and gold["procedures"]:
        gold["procedures"][-1]["steps"].append(rest.strip())
    else:
        raise AnnotationError(f"{where}: unknown gold line {line!r}")


def parse_annotations(path: Path, raw: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold items from one annotation source file (format in the module docstring)."""
    items: list[dict[str, Any]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("### "):
            if lines[i].strip():
                raise AnnotationError(f"{path}:{i + 1}: text outside a '### id' block")
            i += 1
            continue
        item: dict[str, Any] = {"id": lines[i][4:].strip(), "source": "written"}
        start = i + 1
        i += 1
        while i < len(lines) and not lines[i].startswith("response:"):
            key, _, value = lines[i].partition(":")
            if key.strip():
                item[{"primary": "primary_type"}.get(key.strip(), key.strip())] = value.strip()
            i += 1
        if i == len(lines):
            raise AnnotationError(f"{path}:{start}: block {item['id']} has no 'response:' line")
        if lines[i].strip() == "response: @raw":
            gen = raw.get(item["id"])
            if gen is None:
                raise AnnotationError(f"{path}:{i + 1}: no generated answer with id {item['id']}")
            item.update(
                {
                    k: gen[k]
                    for k in ("source", "prompt", "response", "template", "model", "date", "topic")
                }
            )
            i += 1
            while i < len(lines) and lines[i].strip() != "gold:":
                i += 1
        else:
            body = []
            i += 1
            while i < len(lines) and lines[i] != "gold:":
                body.append(lines[i])
                i += 1
            item["response"] = "\n".join(body).strip("\n")
        i += 1  # "gold:"
        gold: dict[str, list[Any]] = {
            t: [] for t in ("entities", "relations", "procedures", "hierarchy", "linguistic")
        }
        while i < len(lines) and not lines[i].startswith("### "):
            if lines[i].strip() and not lines[i].startswith("#"):
                _gold_line(gold, lines[i].strip(), f"{path}:{i + 1}")
            i += 1
        item["gold"] = gold
        items.append(item)
    return items


def load_pool(pool: list[Path], raw_path: Path) -> list[dict[str, Any]]:
    """Every annotated item, validated by the reference scorer's ``validate_gold``."""
    from grapheme_distill.evaluation.answers import load_scorer

    raw = {row["id"]: row for row in _read(raw_path)}
    scorer = load_scorer()
    items: list[dict[str, Any]] = []
    for path in pool:
        found = parse_annotations(path, raw)
        errors = scorer.validate_gold(found)
        if errors:
            raise AnnotationError(f"{path}: " + "; ".join(errors[:20]))
        items.extend(found)
    errors = scorer.validate_gold(items)  # ids repeated across files
    if errors:
        raise AnnotationError(f"{', '.join(map(str, pool))}: " + "; ".join(errors[:20]))
    return items


def id_order(answer_id: object) -> tuple[Any, ...]:
    """An id's place in id order: its digit runs compared as numbers ("w-999" before "w-1000").

    Ids were zero-padded to three digits, so plain string order was id order until "w-1000": as a
    string it sorts before "w-102" and would move every later answer of its stratum one place in
    the deal (the thirty-fifth batch's first split dealt 75 earlier answers to the other part).
    For ids of one width this order is the string order, so no earlier deal changes."""
    return tuple(
        int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(answer_id))
    )


def assign(items: list[dict[str, Any]], seed: int) -> dict[str, list[dict[str, Any]]]:
    """Deal ``items`` into ``{"dev": [...], "blind": [...]}`` (the stratified rule above).

    An item's part depends only on its stratum's seed and its rank by id within the stratum, so
    answers appended with later ids never change the part of an earlier one.
    """
    strata: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in items:
        strata[(row["source"], row["domain"])].append(row)
    parts: dict[str, list[dict[str, Any]]] = {"dev": [], "blind": []}
    for key in sorted(strata):
        rows = sorted(strata[key], key=lambda r: id_order(r["id"]))
        offset = random.Random(f"{seed}:{key[0]}:{key[1]}").randrange(len(PATTERN))
        for n, row in enumerate(rows):
            parts[PATTERN[(offset + n) % len(PATTERN)]].append(row)
    return parts


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    """One JSON line per item, in id order (the format of ``dev.jsonl``)."""
    rows = sorted(rows, key=lambda r: id_order(r["id"]))
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"{path}: {len(rows)} answers")


def split(pool: list[Path], raw_path: Path, dev: Path, blind: Path, seed: int) -> int:
    parts = assign(load_pool(pool, raw_path), seed)
    for name, path in (("dev", dev), ("blind", blind)):
        _write_rows(path, parts[name])
    return 0


def export(pool: list[Path], raw_path: Path, out: Path) -> int:
    """Every item of ``pool`` in one file, unsplit (for a batch held out of ``annotated/``)."""
    missing = [str(p) for p in pool if not p.is_file()]
    if missing:
        raise AnnotationError(f"{', '.join(missing)}: no such annotation file")
    items = load_pool(pool, raw_path)
    if not items:
        raise AnnotationError(f"{', '.join(map(str, pool))}: no '### id' block to export")
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_rows(out, items)
    return 0


def default_pool() -> list[Path]:
    """What ``split`` deals by default: ``annotated/*.txt`` only.  A batch kept elsewhere (such
    as ``fresh/``, held out while the readers change) joins the split only when moved there."""
    return sorted((DATA / "annotated").glob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="ask the local teacher (main-job templates)")
    g.add_argument("--out", type=Path, default=DATA / "raw" / "local_answers.jsonl")
    g.add_argument("--max-tokens", type=int, default=300)
    g.add_argument("--threads", type=int, default=None)
    s = sub.add_parser("split", help="60/40 split of the annotated pool, stratified")
    s.add_argument("--pool", type=Path, nargs="*", default=default_pool())
    s.add_argument("--raw", type=Path, default=DATA / "raw" / "local_answers.jsonl")
    s.add_argument("--dev", type=Path, default=DATA / "dev.jsonl")
    s.add_argument("--blind", type=Path, default=DATA / "blind.jsonl")
    s.add_argument("--seed", type=int, default=SEED)
    e = sub.add_parser("export", help="every answer of some annotation files in one JSONL")
    e.add_argument("--pool", type=Path, nargs="+", required=True)
    e.add_argument("--raw", type=Path, default=DATA / "raw" / "local_answers.jsonl")
    e.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "generate":
        return generate(args.out, args.max_tokens, args.threads)
    try:
        if args.cmd == "export":
            return export(args.pool, args.raw, args.out)
        return split(args.pool, args.raw, args.dev, args.blind, args.seed)
    except AnnotationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
