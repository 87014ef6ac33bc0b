"""Which embedded model should be the default?  Speed and answer quality on knowledge prompts.

For each model: load time, generation speed (tokens/s over the answers below), and answer quality
on fixed knowledge questions (an answer counts as right when it contains the expected keyword,
case-insensitive) and on cloze prompts (right when the teacher's most probable first token
starts the expected answer).  Instruct models get their chat template; base models get a
"Question: ... Answer:" prompt.  Greedy decoding, so runs are repeatable.

Usage::

    .venv/bin/python benchmarks/compare_local_models.py --max-tokens 64
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

from grapheme_distill.cloze import ClozePrompt, ask_cloze
from grapheme_distill.teachers.base import Message, TeacherRequest
from grapheme_distill.teachers.local import MODELS, LocalTeacher, ensure_model

QUESTIONS = [
    ("What is the capital of Australia?", "canberra"),
    ("Who wrote the novel Pride and Prejudice?", "austen"),
    ("What is the chemical symbol for gold?", "au"),
    ("Which planet is known as the Red Planet?", "mars"),
    ("In which year did the Second World War end?", "1945"),
    ("What gas do plants absorb from the air for photosynthesis?", "carbon dioxide"),
    ("Who developed the theory of general relativity?", "einstein"),
    ("What is the largest ocean on Earth?", "pacific"),
]
CLOZES = [
    ("The capital of France is", "paris"),
    ("The chemical symbol for gold is", "au"),
    ("Pride and Prejudice was written by", "jane"),
    ("The largest planet in the solar system is", "jupiter"),
]


def measure(name: str, max_tokens: int) -> dict[str, object]:
    t0 = time.perf_counter()
    ensure_model(name)
    teacher = LocalTeacher(name, n_ctx=1024)
    teacher.load()
    load_s = time.perf_counter() - t0
    right, tokens, gen_s, answers = 0, 0, 0.0, []
    for question, key in QUESTIONS:
        resp = teacher.complete(
            TeacherRequest(
                messages=(Message(role="user", content=question + " Answer briefly."),),
                max_tokens=max_tokens,
            )
        )
        ok = key in resp.text.lower()
        right += ok
        tokens += resp.usage.completion_tokens
        gen_s += resp.latency_s
        answers.append({"q": question, "a": resp.text.strip()[:120], "ok": ok})
    cloze_right = 0
    for text, key in CLOZES:
        target = ask_cloze(teacher, ClozePrompt(text=text), max_tokens=3).target
        cloze_right += target.argmax().lower().startswith(key) or key.startswith(
            target.argmax().lower()
        )
    teacher.close()
    return {
        "model": name,
        "file_mb": round(MODELS[name].size / 1e6),
        "chat_template": MODELS[name].chat,
        "load_s": round(load_s, 2),
        "tok_s": round(tokens / gen_s, 2),
        "qa_right": f"{right}/{len(QUESTIONS)}",
        "cloze_right": f"{cloze_right}/{len(CLOZES)}",
        "answers": answers,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="*", default=list(MODELS))
    ap.add_argument("--max-tokens", type=int, default=64)
    args = ap.parse_args()
    results = [measure(m, args.max_tokens) for m in args.models]
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()} {os.cpu_count()} cores, load avg {os.getloadavg()[0]:.1f}",
                "results": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
