"""Hybrid retrieval: dense vectors in chromadb fused with BM25, with abstention."""

from assistant.retrieval.index import CorpusIndex, IngestReport
from assistant.retrieval.models import Hit, SearchResult

__all__ = ["CorpusIndex", "Hit", "IngestReport", "SearchResult"]
