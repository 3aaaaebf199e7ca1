"""The systems compared, each reduced to: question in, retrieved texts out, best first.

CueMap's hybrid index, and the two halves it fuses run alone over the same chunks: BM25 on
the same text the index ranks lexically, and the same dense vectors ranked by cosine.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from assistant.corpus.models import Chunk
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.index import CorpusIndex
from assistant.retrieval.lexical import LexicalIndex


class Ranker(Protocol):
    name: str

    def rank(self, question: str, k: int) -> list[str]: ...


class CueMapRanker:
    name = "CueMap hybrid"

    def __init__(self, index: CorpusIndex) -> None:
        self._index = index

    def rank(self, question: str, k: int) -> list[str]:
        return [hit.chunk.text for hit in self._index.search(question, k).hits]


class BM25Ranker:
    name = "BM25 alone"

    def __init__(self, chunks: list[Chunk]) -> None:
        self._texts = {c.id: c.text for c in chunks}
        self._lexical = LexicalIndex.build(
            [c.id for c in chunks], [c.embedding_text for c in chunks], fingerprint=""
        )

    def rank(self, question: str, k: int) -> list[str]:
        return [self._texts[i] for i in self._lexical.rank(question, k)]


class DenseRanker:
    name = "dense alone"

    def __init__(self, chunks: list[Chunk], embedder: Embedder) -> None:
        self._embedder = embedder
        self._texts = [c.text for c in chunks]
        self._vectors = embedder.embed([c.embedding_text for c in chunks])

    def rank(self, question: str, k: int) -> list[str]:
        scores = self._vectors @ self._embedder.embed([question])[0]
        return [self._texts[i] for i in np.argsort(-scores)[:k]]
