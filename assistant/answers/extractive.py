"""The default composer: quote the retrieved posts' most relevant passages, each cited.

Nothing is generated. Each post of a passage is split into readable units (a paragraph, with
a lead-in and its bullet list kept together, very short lines joined to the next), each unit
is scored against the question with the same embedding model, and the best units of the best
passages are quoted in source order. A citation names the one post its quote comes from.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from assistant.answers.models import Answer, Citation, Statement
from assistant.corpus.models import Chunk
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.models import SearchResult

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
        self._embedded: OrderedDict[str, list[EmbeddedPost]] = OrderedDict()
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
            post, picked = self._best_units(hit.chunk, question)
            if not picked or len(statements) >= self._max_statements:
                continue
            n = len(citations) + 1
            citations.append(Citation.from_chunk(n, post))
            room = self._max_statements - len(statements)
            statements += [Statement(text=unit, citation=n) for unit in picked[:room]]
        return Answer(question=result.query, statements=statements, citations=citations)

    def _best_units(self, passage: Chunk, question: np.ndarray) -> tuple[Chunk, list[str]]:
        """The passage's post closest to the question, and its one or two closest units."""
        best = max(self._posts(passage), key=lambda post: float(post.vector @ question))
        if not best.units:
            return best.post, []
        scores = best.unit_vectors @ question
        order = np.argsort(-scores)
        keep = [int(order[0])]
        if len(order) > 1 and scores[order[1]] >= scores[order[0]] - SECOND_UNIT_MARGIN:
            keep.append(int(order[1]))
        return best.post, [best.units[i] for i in sorted(keep)]

    def _posts(self, passage: Chunk) -> list[EmbeddedPost]:
        with self._lock:
            cached = self._embedded.get(passage.id)
        if cached is None:
            posts = passage.posts()
            units = [split_units(post.text) for post in posts]
            flat = [unit for post_units in units for unit in post_units]
            vectors = self._embedder.embed([post.embedding_text for post in posts] + flat)
            cached, offset = [], len(posts)
            for post, vector, post_units in zip(posts, vectors[: len(posts)], units, strict=True):
                unit_vectors = vectors[offset : offset + len(post_units)]
                cached.append(EmbeddedPost(post, vector, post_units, unit_vectors))
                offset += len(post_units)
            with self._lock:
                self._embedded[passage.id] = cached
                if len(self._embedded) > CACHED_CHUNKS:
                    self._embedded.popitem(last=False)
        return cached


@dataclass(frozen=True)
class EmbeddedPost:
    """One post of a passage with its own vector and its units' vectors."""

    post: Chunk
    vector: np.ndarray
    units: list[str]
    unit_vectors: np.ndarray
