"""The hostile transcript corpus: over 1,000 lines an attacker or a user's bad day would produce.

Built deterministically (no randomness, so a failure names the same line every time) from every
field a transcript line is read from, crossed with every kind of hostile value; plus raw-byte
damage (invalid UTF-8, a BOM, lone CRs, truncation) and a control group of good lines, among them
nine different answers to one prompt that must all be kept.  ``build()`` returns the lines with
their class and whether the line is acceptable; run as a script it writes the corpus:
``python tests/robustness/hostile.py out.jsonl`` (then ``grapheme-distill distill --transcripts
out.jsonl --skip-bad --store s.db``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["HostileLine", "build", "write"]

SURROGATE = "\\ud800"  # a lone surrogate escape, as it appears in the JSON text
LONG_LINE_LIMIT = 4096  # the max_line_bytes the tests read this corpus with


@dataclass(frozen=True)
class HostileLine:
    """One line of the corpus: its bytes, its class and whether a reader must accept it."""

    raw: bytes
    kind: str
    good: bool


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _native(**fields: Any) -> dict[str, Any]:
    return {"prompt": "What is Paris?", "response": "Paris is the capital of France.", **fields}


def _completion(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "gpt-4o-mini",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Rome is in Italy."},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 6},
    }
    body.update(fields)
    return body


def _batch(body: Any = None, **fields: Any) -> dict[str, Any]:
    return {
        "custom_id": "req-1",
        "response": {"status_code": 200, "body": body or _completion()},
        **fields,
    }


#: JSON values of the wrong type for any field (as JSON text)
WRONG_TYPES = [
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    '""',
    '"text"',
    "[]",
    "[1, 2]",
    '["a"]',
    "[[]]",
    "{}",
    '{"a": 1}',
    "[null]",
    "[{}]",
]
#: numbers no count, probability or parameter may be
BAD_NUMBERS = [
    "Infinity",
    "-Infinity",
    "NaN",
    "1e400",
    "-1e400",
    "-1",
    "-0.5",
    "true",
    "false",
    '"5"',
    "1.5",
    "1e20",
    "null",
]
#: nesting depths around and far beyond every limit
DEPTHS = [65, 100, 199, 200, 201, 999, 1000, 1001, 5000, 100_000]


def _templates() -> list[tuple[str, str]]:
    """(kind, line with a ``@V@`` placeholder for the hostile value) for every field read."""
    lp = '[{"token": "Paris", "logprob": @V@, "top_logprobs": []}]'
    top = '[{"token": "Paris", "logprob": -0.1, "top_logprobs": [{"token": "P", "logprob": @V@}]}]'
    return [
        ("native.response", '{"prompt": "p", "response": @V@}'),
        ("native.prompt", '{"prompt": @V@, "response": "r"}'),
        ("native.model", '{"prompt": "p", "response": "r", "model": @V@}'),
        ("native.id", '{"prompt": "p", "response": "r", "id": @V@}'),
        ("native.params", '{"prompt": "p", "response": "r", "params": @V@}'),
        ("native.knowledge_type", '{"prompt": "p", "response": "r", "knowledge_type": @V@}'),
        ("native.messages", '{"messages": @V@, "response": "r"}'),
        ("native.messages.item", '{"messages": [@V@], "response": "r"}'),
        (
            "native.messages.content",
            ('{"messages": [{"role": "user", "content": @V@}], "response": "r"}'),
        ),
        ("native.messages.role", '{"messages": [{"role": @V@, "content": "q"}], "response": "r"}'),
        ("native.logprobs", '{"prompt": "p", "response": "r", "logprobs": @V@}'),
        ("native.usage", '{"prompt": "p", "response": "r", "usage": @V@}'),
        (
            "native.usage.tokens",
            (
                '{"prompt": "p", "response": "r", '
                '"usage": {"prompt_tokens": @V@, "completion_tokens": 3}}'
            ),
        ),
        ("completion.choices", '{"choices": @V@}'),
        ("completion.choices.item", '{"choices": [@V@]}'),
        ("completion.message", '{"choices": [{"message": @V@}]}'),
        ("completion.content", '{"choices": [{"message": {"role": "assistant", "content": @V@}}]}'),
        ("completion.text", '{"choices": [{"text": @V@}]}'),
        ("completion.model", '{"model": @V@, "choices": [{"message": {"content": "c"}}]}'),
        ("completion.id", '{"id": @V@, "choices": [{"message": {"content": "c"}}]}'),
        ("completion.usage", '{"choices": [{"message": {"content": "c"}}], "usage": @V@}'),
        ("completion.logprobs", '{"choices": [{"message": {"content": "c"}, "logprobs": @V@}]}'),
        (
            "batch.custom_id",
            (
                '{"custom_id": @V@, "response": {"status_code": 200, "body": '
                '{"choices": [{"message": {"content": "c"}}]}}}'
            ),
        ),
        ("batch.response", '{"custom_id": "b", "response": @V@}'),
        ("batch.body", '{"custom_id": "b", "response": {"status_code": 200, "body": @V@}}'),
        (
            "batch.status",
            (
                '{"custom_id": "b", "response": {"status_code": @V@, "body": '
                '{"choices": [{"message": {"content": "c"}}]}}}'
            ),
        ),
        ("batch.error", '{"custom_id": "b", "response": null, "error": @V@}'),
        ("logprob.value", '{"prompt": "p", "response": "Paris", "logprobs": ' + lp + "}"),
        ("logprob.top", '{"prompt": "p", "response": "Paris", "logprobs": ' + top + "}"),
    ]


def _params_lines() -> list[tuple[str, str]]:
    names = ["temperature", "top_p", "max_tokens", "seed", "n", "logprobs", "top_logprobs"]
    return [
        (f"params.{name}", '{"prompt": "p", "response": "r", "params": {"' + name + '": @V@}}')
        for name in names
    ]


def _hostile_values() -> list[tuple[str, str]]:
    nests = [(f"nesting {d}", "[" * d + "]" * d) for d in DEPTHS]
    nests += [(f"nesting {d} objects", '{"a": ' * d + "1" + "}" * d) for d in (100, 1000)]
    surrogates = [
        ("surrogate", f'"{SURROGATE}"'),
        ("surrogate low", '"\\udc00x"'),
        ("surrogate pair reversed", '"\\udc00\\ud800"'),
        ("surrogate in object", '{"message": "' + SURROGATE + '"}'),
    ]
    return (
        [("wrong type", v) for v in WRONG_TYPES]
        + [("bad number", v) for v in BAD_NUMBERS]
        + nests
        + surrogates
    )


def _crossed() -> list[HostileLine]:
    lines = []
    for field, template in [*_templates(), *_params_lines()]:
        for kind, value in _hostile_values():
            text = template.replace("@V@", value)
            lines.append(HostileLine(text.encode(), f"{kind} in {field}", good=False))
    return lines


def _raw_damage() -> list[HostileLine]:
    good = _dump(_native()).encode()
    cases = [
        ("invalid UTF-8 byte", good.replace(b"Paris", b"Par\xffis", 1)),
        ("overlong UTF-8", good.replace(b"Paris", b"Par\xc0\xafis", 1)),
        ("UTF-8 encoded surrogate", good.replace(b"Paris", b"Par\xed\xa0\x80is", 1)),
        ("truncated UTF-8", good.replace(b"Paris", b"Par\xe2\x82", 1)),
        ("latin-1 text", '{"prompt": "café", "response": "r"}'.encode("latin-1")),
        ("BOM not at the start", b"\xef\xbb\xbf" + good),
        ("NUL byte", good.replace(b"Paris", b"Par\x00is", 1)),
        ("raw CR inside a string", good.replace(b"Paris", b"Par\ris", 1)),
        ("raw tab inside a string", good.replace(b"Paris", b"Par\tis", 1)),
        ("truncated JSON", good[: len(good) // 2]),
        ("two objects on a line", good + good),
        ("trailing comma", good[:-1] + b",}"),
        ("single quotes", b"{'prompt': 'p', 'response': 'r'}"),
        ("garbage", b"\x00\x01\x02 not json"),
        ("a JSON string", b'"just a string"'),
        ("a JSON number", b"42"),
        ("a JSON array of exchanges", b"[" + good + b"]"),
        ("an empty object", b"{}"),
        ("html", b"<html><body>502 Bad Gateway</body></html>"),
        (
            "line over the size limit",
            _dump(_native(response="x" * (LONG_LINE_LIMIT + 10))).encode(),
        ),
        ("comment", b"// a comment"),
        ("unknown shape", b'{"question": "q", "answer": "a"}'),
        (
            "failed batch request",
            _dump(
                {
                    "custom_id": "f",
                    "response": {
                        "status_code": 429,
                        "body": {"error": {"message": "Rate limit reached"}},
                    },
                }
            ).encode(),
        ),
        (
            "failed batch with surrogate",
            (b'{"custom_id": "f", "response": null, "error": {"message": "boom \\ud800"}}'),
        ),
        (
            "refusal",
            _dump(
                _completion(
                    choices=[
                        {"message": {"role": "assistant", "content": None, "refusal": "I can't"}}
                    ]
                )
            ).encode(),
        ),
        (
            "tool call",
            _dump(
                _completion(
                    choices=[{"message": {"role": "assistant", "content": None, "tool_calls": []}}]
                )
            ).encode(),
        ),
        (
            "legacy logprobs of unequal length",
            _dump(
                {
                    "choices": [
                        {"text": "ab", "logprobs": {"tokens": ["a", "b"], "token_logprobs": [-0.1]}}
                    ]
                }
            ).encode(),
        ),
        (
            "prompt and messages",
            _dump(_native(messages=[{"role": "user", "content": "q"}])).encode(),
        ),
        (
            "unknown role",
            _dump({"messages": [{"role": "wizard", "content": "q"}], "response": "r"}).encode(),
        ),
    ]
    return [HostileLine(raw, kind, good=False) for kind, raw in cases]


def _good_lines() -> list[HostileLine]:
    """The control group: every line here must be read and stored (none may be lost)."""
    lines = [
        HostileLine(
            _dump({"id": f"fact-{i}", "prompt": "Tell me a fact.", "response": fact}).encode(),
            "same prompt, other id",
            True,
        )
        for i, fact in enumerate(
            [
                "Paris is the capital of France.",
                "Rome is the capital of Italy.",
                "Berlin is the capital of Germany.",
                "Madrid is the capital of Spain.",
                "Vienna is the capital of Austria.",
                "Lisbon is the capital of Portugal.",
                "Athens is the capital of Greece.",
                "Dublin is the capital of Ireland.",
                "Oslo is the capital of Norway.",
            ]
        )
    ]
    lines += [
        HostileLine(
            _dump({"prompt": "Name a river.", "response": river}).encode(),
            "same prompt, no id, other answer",
            True,
        )
        for river in [
            "The Danube flows through Vienna.",
            "The Seine flows through Paris.",
            "The Thames flows through London.",
        ]
    ]
    for i in range(20):
        lines.append(
            HostileLine(
                _dump(
                    _native(
                        prompt=f"Tell me about city {i}.",
                        response=f"City {i} is located in Europe.",
                        id=f"city-{i}",
                    )
                ).encode(),
                "plain",
                True,
            )
        )
    lines += [
        HostileLine(b"\xef\xbb\xbf" + _dump(_native(id="bom")).encode(), "BOM at the start", True),
        HostileLine(
            _dump(_native(id="cr", response="Lyon is in France.")).encode().replace(b", ", b",\r "),
            "lone CR between tokens",
            True,
        ),
        HostileLine(_dump(_completion(id="chat-ok")).encode(), "chat completion", True),
        HostileLine(_dump(_batch()).encode(), "batch output", True),
        HostileLine(
            json.dumps(
                _native(id="pair", response="Smile \U0001f600 Paris is in France."),
                ensure_ascii=True,
            ).encode(),
            "surrogate pair escape (valid)",
            True,
        ),
        HostileLine(
            _dump(
                _native(
                    id="lp",
                    response="Paris",
                    logprobs=[
                        {
                            "token": "Paris",
                            "logprob": -0.01,
                            "top_logprobs": [
                                {"token": "Paris", "logprob": -0.01},
                                {"token": "Lyon", "logprob": -4.6},
                            ],
                        }
                    ],
                )
            ).encode(),
            "logprobs",
            True,
        ),
        HostileLine(
            _dump(
                _native(
                    id="sampled",
                    params={"temperature": 0.7, "top_p": 0.9, "max_tokens": 64, "seed": 3},
                )
            ).encode(),
            "sampling params",
            True,
        ),
        HostileLine(
            _dump(_native(id="deep-ok", params={"meta": json.loads("[" * 40 + "]" * 40)})).encode(),
            "nesting 41 (allowed)",
            True,
        ),
    ]
    return lines


def build() -> list[HostileLine]:
    """The corpus, good lines spread through it (so a crash would also lose what follows)."""
    bad = [*_crossed(), *_raw_damage()]
    good = _good_lines()
    step = max(1, len(bad) // len(good))
    out: list[HostileLine] = []
    for i, line in enumerate(bad):
        out.append(line)
        if i % step == 0 and good:
            out.append(good.pop(0))
    out.extend(good)
    bom = next(line for line in out if line.kind == "BOM at the start")
    out.remove(bom)
    return [bom, *out]  # a byte-order mark is only one at the start of the file


def write(path: Path) -> list[HostileLine]:
    """Write the corpus to ``path`` (one line each, ``\\n``-terminated) and return it."""
    lines = build()
    path.write_bytes(b"".join(line.raw + b"\n" for line in lines))
    return lines


if __name__ == "__main__":
    corpus = write(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile.jsonl"))
    print(f"{len(corpus)} lines, {sum(not c.good for c in corpus)} hostile")
    for kind, n in sorted(Counter(c.kind.split(" in ")[0] for c in corpus).items()):
        print(f"  {n:5d}  {kind}")
