"""The default composer: quote the retrieved posts' most relevant passages, each cited.

Nothing is generated. A post is split into readable units (a paragraph, with a lead-in
and its bullet list kept together, very short lines joined to the next), each unit is
scored against the question with the same embedding model, and the best units of the
best passages are quoted in source order.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import numpy as np

from assistant.answers.models import Answer, Citation, Statement
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.models import Hit, SearchResult

MIN_UNIT_CHARS = 60
BULLET = re.compile(r"^\s*[*\-•]\s+")
SOURCE_MARGIN = 0.12  # a further passage is quoted only when nearly as relevant as the best
SECOND_UNIT_MARGIN = 0.08
CACHED_CHUNKS = 4096


def split_units(text: str) -> list[str]:
    """Readable units of a post, bullets folded into their lead-in sentence."""
    units: list[str] = []
    for paragraph in text.split("\n\n"):
        lines = [ln.strip() for ln in paragraph.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(BULLET.match(ln) for ln in lines) and units:
            items = "; ".join(BULLET.sub("", ln) for ln in lines)
            units[-1] = f"{units[-1].rstrip(':')}: {items}."
            continue
        sentence = " ".join(BULLET.sub("", ln) for ln in lines)
        if units and (len(units[-1]) < MIN_UNIT_CHARS or units[-1].endswith(":")):
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units


class ExtractiveComposer:
    def __init__(self, embedder: Embedder, max_sources: int = 3, max_statements: int = 4) -> None:
        self._embedder = embedder
        self._max_sources = max_sources
        self._max_statements = max_statements
        self._unit_vectors: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def compose(self, result: SearchResult) -> Answer:
        if result.abstained or not result.hits:
            return Answer(question=result.query, abstained=True, reason=result.reason)
        question = self._embedder.embed([result.query])[0]
        best = result.hits[0].similarity
        chosen = [
            hit
            for hit in result.hits[: self._max_sources]
            if hit is result.hits[0] or hit.similarity >= best - SOURCE_MARGIN
        ]
        statements: list[Statement] = []
        citations: list[Citation] = []
        for hit in chosen:
            picked = self._best_units(hit, question)
            if not picked or len(statements) >= self._max_statements:
                continue
            n = len(citations) + 1
            citations.append(Citation.from_chunk(n, hit.chunk))
            room = self._max_statements - len(statements)
            statements += [Statement(text=unit, citation=n) for unit in picked[:room]]
        return Answer(question=result.query, statements=statements, citations=citations)

    def _best_units(self, hit: Hit, question: np.ndarray) -> list[str]:
        units, vectors = self._units(hit)
        if not units:
            return []
        scores = vectors @ question
        order = np.argsort(-scores)
        keep = [int(order[0])]
        if len(order) > 1 and scores[order[1]] >= scores[order[0]] - SECOND_UNIT_MARGIN:
            keep.append(int(order[1]))
        return [units[i] for i in sorted(keep)]

    def _units(self, hit: Hit) -> tuple[list[str], np.ndarray]:
        with self._lock:
            cached = self._unit_vectors.get(hit.chunk.id)
        if cached is None:
            units = split_units(hit.chunk.text)
            vectors = self._embedder.embed(units) if units else np.zeros((0, 1), np.float32)
            cached = (units, vectors)
            with self._lock:
                self._unit_vectors[hit.chunk.id] = cached
                if len(self._unit_vectors) > CACHED_CHUNKS:
                    self._unit_vectors.popitem(last=False)
        return cached
