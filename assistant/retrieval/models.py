"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.corpus.models import Chunk
from assistant.retrieval.coverage import Coverage


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused score (cosine plus a scaled BM25 bonus, see fusion.py): higher is better
    similarity: float  # cosine similarity of question and passage, 0 when not in the dense list
    dense_rank: int | None
    lexical_rank: int | None


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    abstained: bool = False
    reason: str = ""
    coverage: Coverage = Coverage("full")

    @property
    def best_similarity(self) -> float:
        return max((hit.similarity for hit in self.hits), default=0.0)


@dataclass(frozen=True)
class SourceSummary:
    """One file of the library, as `cuemap sources` and `/explain sources` list it."""

    source: str  # file name in the corpus folder
    title: str
    kind: str  # "PDF", "Word", "thread page", ...
    author: str
    date: str
    url: str
    added: str  # ISO date its first passage was indexed
    passages: int
    threads: int
