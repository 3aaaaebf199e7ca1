"""Hybrid retrieval: dense vectors in chromadb fused with BM25, with abstention.

The index (and chromadb with it) is imported on first use, so a process that only reads
saved interviews (`cuemap interview show`) never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.retrieval.index import CorpusIndex, IngestReport
    from assistant.retrieval.models import Hit, SearchResult

__all__ = ["CorpusIndex", "Hit", "IngestReport", "SearchResult"]


def __getattr__(name: str) -> object:
    """The index (numpy, and chromadb once used) is imported on first use, and the models
    (their coverage check reads names) too: the embedder alone loads neither."""
    if name in ("CorpusIndex", "IngestReport"):
        from assistant.retrieval import index

        return getattr(index, name)
    if name in ("Hit", "SearchResult"):
        from assistant.retrieval import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
