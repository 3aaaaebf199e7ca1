"""Source texts: parsing page captures and Markdown into threads, posts and chunks."""

from assistant.corpus.chunking import chunk_document
from assistant.corpus.loader import CorpusProblem, LoadedCorpus, load_corpus
from assistant.corpus.models import Chunk, Post, SourceDocument, Thread

__all__ = [
    "Chunk",
    "CorpusProblem",
    "LoadedCorpus",
    "Post",
    "SourceDocument",
    "Thread",
    "chunk_document",
    "load_corpus",
]
