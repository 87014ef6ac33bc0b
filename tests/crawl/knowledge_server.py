"""A deterministic teacher that knows a small synthetic world, served over real HTTP.

It is the tests' :class:`FakeLLMServer` (OpenAI wire format, latency, faults) answering a crawl
prompt ("Entity: <name>"), or an extraction prompt about a text naming ``Node n``, with knowledge
JSON about that entity: ``Node n`` is linked to
``Node 2n+1`` and ``Node 2n+2`` (while below ``size``), has a ``number`` attribute, a founding year
(a DATETIME literal that must never be crawled) and is part of ``Region n%3``.  ``variant="b"``
answers like a second teacher that disagrees: another colour, and a negated link of node 0.

``freeze_at=n``: when the n-th request arrives, no answer is written any more (answers in flight
are held) until :meth:`thaw`, which drops the held ones unanswered — so a test can kill the
client at a moment when every answer the server wrote has reached it.  ``answered`` lists the
entity of every answer written, in order, and ``answered_requests`` its (entity, seed, model): a
request answered twice shows up twice.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "teachers"))

from fakeserver import FakeLLMServer

_ENTITY = re.compile(r"^Entity: (.+)$", re.MULTILINE)
_NODE = re.compile(r"^Node (\d+)$")


def knowledge(entity: str, size: int, variant: str = "a") -> dict[str, Any]:
    """What the synthetic teacher knows about ``entity``."""
    m = _NODE.match(entity)
    if not m:
        region = re.match(r"^Region (\d+)$", entity)
        if region:
            return {
                "entities": [{"name": entity, "type": "LOCATION"}],
                "attributes": [{"entity": entity, "name": "kind", "value": "region"}],
            }
        return {
            "entities": [{"name": entity, "type": "CONCEPT"}],
            "relations": [],
            "attributes": [{"entity": entity, "name": "known", "value": "no"}],
        }
    n = int(m.group(1))
    year = str(1900 + n)
    entities: list[dict[str, Any]] = [
        {"name": entity, "type": "CONCEPT"},
        {"name": year, "type": "DATETIME"},
        {"name": f"Region {n % 3}", "type": "LOCATION"},
    ]
    relations: list[dict[str, Any]] = [
        {"subject": entity, "predicate": "founded_in", "object": year}
    ]
    for child in (2 * n + 1, 2 * n + 2):
        if child < size:
            entities.append({"name": f"Node {child}", "type": "CONCEPT"})
            relations.append(
                {
                    "subject": entity,
                    "predicate": "linked_to",
                    "object": f"Node {child}",
                    "negated": variant == "b" and n == 0 and child == 1,
                }
            )
    return {
        "entities": entities,
        "relations": relations,
        "attributes": [
            {"entity": entity, "name": "number", "value": str(n)},
            {"entity": entity, "name": "colour", "value": "red" if variant == "a" else "blue"},
        ],
        "hierarchy": [{"parent": f"Region {n % 3}", "child": entity, "relation": "part_of"}],
        "linguistic": [],
        "procedures": [],
    }


class KnowledgeServer(FakeLLMServer):
    def __init__(
        self,
        *,
        size: int = 15,
        variant: str = "a",
        freeze_at: int = 0,
        delay: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.size = size
        self.variant = variant
        self.freeze_at = freeze_at
        self.delay = delay
        self.arrived = 0
        self.frozen = False
        self.epoch = 0
        self.answered: list[str] = []
        self.answered_requests: list[tuple[str, Any, Any]] = []  # (entity, seed, model)
        self._last: tuple[str, Any, Any] | None = None

    def thaw(self) -> None:
        """Drop the held requests unanswered and answer again."""
        self.epoch += 1
        self.frozen = False
        self.freeze_at = 0

    async def _serve(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes,
    ) -> bool:
        self.arrived += 1
        if self.freeze_at and self.arrived >= self.freeze_at:
            self.frozen = True
        epoch = self.epoch
        if self.delay:
            await asyncio.sleep(self.delay)
        while self.frozen:
            await asyncio.sleep(0.005)
        if epoch != self.epoch:
            writer.transport.abort()  # held across a kill: never answered
            return False
        return await super()._serve(reader, writer, method, path, headers, body)

    def _write(
        self, writer: asyncio.StreamWriter, status: int, payload: bytes, *args: Any, **kwargs: Any
    ) -> None:
        if status == 200 and self._last is not None:
            self.answered.append(self._last[0])
            self.answered_requests.append(self._last)
            self._last = None
        super()._write(writer, status, payload, *args, **kwargs)

    def _answer(self, path: str, data: dict[str, Any]) -> dict[str, Any] | None:
        answer = super()._answer(path, data)
        users = [
            m.get("content", "") for m in data.get("messages") or [] if m.get("role") == "user"
        ]
        prompt = users[-1] if users else ""
        found = _ENTITY.search(prompt)
        if found is None and "<<<TEXT" in prompt:  # an extraction request: the text's first node
            found = re.search(r"(Node \d+)", prompt.split("<<<TEXT", 1)[1])
        if answer is None or found is None:
            return answer
        entity = found.group(1).strip()
        # logged by _write when it is really written (200)
        self._last = (entity, data.get("seed"), data.get("model"))
        text = json.dumps(knowledge(entity, self.size, self.variant))
        for choice in answer.get("choices", []):
            choice["message"]["content"] = text
        return answer


def main() -> None:
    """Serve in this process (benchmarks): ``PORT <n>`` on stdout, then forever."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--fault-every", type=int, default=0, help="fault every n-th request")
    parser.add_argument("--fault", default="500", help="which fault (500, 429:1, ...)")
    args = parser.parse_args()
    server = KnowledgeServer(
        size=args.size,
        latency=args.latency,
        keep_bodies=False,
        fault_every=args.fault_every,
        fault_kind=args.fault,
    )
    asyncio.run(server.serve_forever())


if __name__ == "__main__":
    main()
